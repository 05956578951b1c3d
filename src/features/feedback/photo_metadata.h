// Removing what a photo says about where and by whom it was taken. Phone
// cameras write the GPS position, the device and often the owner's name into
// EXIF and XMP; a citizen's photo of a broken pipe must not publish their
// home. Pure byte work, no decoding: the picture itself is unchanged.
//
// Both strippers parse the whole file and keep only what is needed to show
// the picture (a whitelist): whatever they do not know is dropped, or the file
// is refused. Nothing after the end of the picture is kept: phones append
// further images after it (multi-picture files, MPF: "Ultra HDR" gain maps,
// depth maps, previews), each with EXIF and GPS of its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ruamkit::features::feedback {

// Returns the primary image of the JPEG `content`, from its SOI to the EOI
// that ends it, with only:
//   - the segments that decode the picture: DQT, DHT, DAC, SOFn, DRI, DNL,
//     DHP, EXP and each SOS with its entropy-coded data (0xFF00 stuffing and
//     RST0–RST7 markers included; progressive files have several scans, with
//     tables between them);
//   - JFIF (APP0 "JFIF"), without its thumbnail: a longer segment is cut to
//     the 16 bytes of the version, units and densities, and its thumbnail
//     size set to 0×0;
//   - ICC colour profiles (APP2 "ICC_PROFILE");
//   - Adobe colour information (APP14 "Adobe"), cut to its 12 bytes.
// Everything else is dropped: every other APPn (EXIF and XMP in APP1, MPF
// and FlashPix in APP2, Photoshop in APP13, JUMBF/C2PA in APP11, ...),
// comments (COM), fill bytes, and all bytes after that EOI (appended images,
// trailers).
// Returns nullopt when `content` is not well formed up to that EOI: no SOI,
// a segment length running past the end, bytes where a marker must be, a
// marker that has no place there (a second SOI, RSTn outside a scan, TEM,
// JPG/JPGn and reserved markers, e.g. JPEG-LS), EOI before any scan, no EOI
// at all (truncated), or a kept segment whose length is not exactly what its
// content declares (e.g. a scan header of Ns components that is not
// 6 + 2·Ns bytes long, DQT or DHT tables that do not fill their segment):
// kept segments are copied whole, so they must hold nothing but what a
// decoder reads. Whether a frame comes before the scans, and the
// entropy-coded data itself, are not checked: decoding is the viewer's
// business.
std::optional<std::string> strip_jpeg_metadata(std::string_view content);

// Returns the PNG `content` from its signature to its IEND chunk, with only
// the chunks a picture needs: IHDR, PLTE, IDAT, IEND and the ancillary chunks
// of colour, transparency, density and animation (tRNS, gAMA, cHRM, sRGB,
// iCCP, cICP, mDCV, cLLI, sBIT, bKGD, pHYs, acTL, fcTL, fdAT). Every other
// ancillary chunk is dropped: eXIf, tEXt, zTXt, iTXt (XMP), tIME and any
// chunk it does not know (private ones, C2PA's caBX, ...); so is all data
// after IEND. Kept chunks are copied whole, with their CRC.
// Returns nullopt when `content` is not a well-formed PNG chunk sequence:
// a wrong signature, IHDR not first or not 13 bytes, a chunk running past
// the end, a type that is not four letters, a wrong CRC (a damaged length
// would make a kept chunk swallow the metadata after it), an unknown
// critical chunk (decoders must refuse it; e.g. Apple's CgBI), no IDAT, or
// no IEND.
std::optional<std::string> strip_png_metadata(std::string_view content);

// Strips by `mime` ("image/jpeg" or "image/png"); nullopt for other types.
std::optional<std::string> strip_photo_metadata(std::string_view content, std::string_view mime);

}  // namespace ruamkit::features::feedback
