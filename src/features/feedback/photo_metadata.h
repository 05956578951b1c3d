// Removing what a photo says about where and by whom it was taken. Phone
// cameras write the GPS position, the device and often the owner's name into
// EXIF and XMP; a citizen's photo of a broken pipe must not publish their
// home. Pure byte work, no decoding: the picture itself is unchanged.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ruamkit::features::feedback {

// Returns the JPEG `content` without its APP1 (EXIF, XMP), APP3–APP13 and
// APP15 segments and comments; JFIF (APP0), ICC colour profiles (APP2) and
// Adobe colour information (APP14) are kept. Returns nullopt when `content`
// is not a well-formed JPEG up to its image data.
std::optional<std::string> strip_jpeg_metadata(std::string_view content);

// Returns the PNG `content` without eXIf, tEXt, zTXt, iTXt and tIME chunks.
// Returns nullopt when `content` is not a well-formed PNG chunk sequence.
std::optional<std::string> strip_png_metadata(std::string_view content);

// Strips by `mime` ("image/jpeg" or "image/png"); nullopt for other types.
std::optional<std::string> strip_photo_metadata(std::string_view content, std::string_view mime);

}  // namespace ruamkit::features::feedback
