#include "features/feedback/photo_metadata.h"

#include <array>
#include <cstdint>

namespace ruamkit::features::feedback {
namespace {

std::uint8_t byte_at(std::string_view s, std::size_t i) { return static_cast<std::uint8_t>(s[i]); }

// ---------------------------------------------------------------------------
// JPEG (ITU-T T.81, B.1.1.2 and B.1.1.5).

constexpr std::uint8_t kSoi = 0xD8;
constexpr std::uint8_t kEoi = 0xD9;
constexpr std::uint8_t kSos = 0xDA;

enum class JpegSegment {
  kKeep,     // needed to decode the picture
  kJfif,     // APP0: kept without its thumbnail (when it is JFIF)
  kIcc,      // APP2: kept when it is an ICC profile
  kAdobe,    // APP14: kept, cut to its fixed size (when it is Adobe's)
  kDrop,     // other APPn and COM
  kRefused,  // no place in a JPEG image (JPG, JPGn, reserved)
};

JpegSegment classify_jpeg_segment(std::uint8_t marker) {
  switch (marker) {
    case 0xC4:  // DHT
    case 0xCC:  // DAC
    case 0xDA:  // SOS
    case 0xDB:  // DQT
    case 0xDC:  // DNL
    case 0xDD:  // DRI
    case 0xDE:  // DHP
    case 0xDF:  // EXP
      return JpegSegment::kKeep;
    case 0xC8:  // JPG, reserved for extensions
      return JpegSegment::kRefused;
    case 0xE0:
      return JpegSegment::kJfif;
    case 0xE2:
      return JpegSegment::kIcc;
    case 0xEE:
      return JpegSegment::kAdobe;
    case 0xFE:  // COM
      return JpegSegment::kDrop;
    default:
      break;
  }
  if (marker >= 0xC0 && marker <= 0xCF) return JpegSegment::kKeep;  // SOF0–SOF15
  if (marker >= 0xE0 && marker <= 0xEF) return JpegSegment::kDrop;  // APPn
  return JpegSegment::kRefused;  // JPGn (F0–FD), reserved (02–BF)
}

// True when the payload of a kept segment is exactly as long as its content
// says (T.81 B.2.2–B.2.4, B.3.2, B.3.3): a kept segment is copied whole, so
// it must hold nothing a decoder would not read.
bool well_formed_jpeg_segment(std::uint8_t marker, std::string_view payload) {
  const auto size = payload.size();
  switch (marker) {
    case 0xDA: {  // SOS: Ns, Ns × (Cs, Td/Ta), Ss, Se, Ah/Al
      const std::size_t ns = size > 0 ? byte_at(payload, 0) : 0;
      return ns >= 1 && ns <= 4 && size == 1 + 2 * ns + 3;
    }
    case 0xDB:  // DQT: tables of Pq/Tq and 64 values of 8 (Pq 0) or 16 bits (Pq 1)
      for (std::size_t at = 0; at < size;) {
        const auto precision = byte_at(payload, at) >> 4;
        if (precision > 1) return false;
        at += 1 + 64 * (precision + 1);
        if (at > size) return false;
      }
      return size > 0;
    case 0xC4:  // DHT: tables of Tc/Th, 16 code counts and the values
      for (std::size_t at = 0; at < size;) {
        if (size - at < 17) return false;
        std::size_t values = 0;
        for (std::size_t i = 1; i <= 16; ++i) values += byte_at(payload, at + i);
        at += 17 + values;
        if (at > size) return false;
      }
      return size > 0;
    case 0xCC:  // DAC: pairs of Tc/Tb and Cs
      return size > 0 && size % 2 == 0;
    case 0xDD:  // DRI: Ri
    case 0xDC:  // DNL: NL
      return size == 2;
    case 0xDF:  // EXP: Eh/Ev
      return size == 1;
    default: {  // SOFn and DHP: P, Y, X, Nf, Nf × (C, H/V, Tq)
      const std::size_t nf = size >= 6 ? byte_at(payload, 5) : 0;
      return nf >= 1 && size == 6 + 3 * nf;
    }
  }
}

void append_segment(std::string& out, std::uint8_t marker, std::string_view payload) {
  const std::size_t length = payload.size() + 2;
  out += '\xFF';
  out += static_cast<char>(marker);
  out += static_cast<char>((length >> 8) & 0xFF);
  out += static_cast<char>(length & 0xFF);
  out.append(payload);
}

// Appends the kept form of the segment `marker` with `payload`, if any.
void keep_jpeg_segment(std::string& out, JpegSegment kind, std::uint8_t marker,
                       std::string_view payload) {
  switch (kind) {
    case JpegSegment::kKeep:
      append_segment(out, marker, payload);
      return;
    case JpegSegment::kJfif:
      // "JFIF\0", version (2), units (1), densities (2 + 2), thumbnail width
      // and height (1 + 1), thumbnail pixels: cut after the densities, and
      // the thumbnail declared 0×0. Shorter segments hold no thumbnail.
      // ("JFXX" extension segments, which are thumbnails, are dropped.)
      if (!payload.starts_with(std::string_view("JFIF\0", 5))) return;
      if (payload.size() < 14) {
        append_segment(out, marker, payload);
      } else {
        append_segment(out, marker, std::string(payload.substr(0, 12)) + std::string(2, '\0'));
      }
      return;
    case JpegSegment::kIcc:
      // APP2 also holds MPF (the index of appended images) and FlashPix.
      if (payload.starts_with("ICC_PROFILE")) append_segment(out, marker, payload);
      return;
    case JpegSegment::kAdobe:
      // "Adobe", version (2), flags (2 + 2), colour transform (1).
      if (payload.starts_with("Adobe")) append_segment(out, marker, payload.substr(0, 12));
      return;
    case JpegSegment::kDrop:
    case JpegSegment::kRefused:
      return;
  }
}

// The end of the entropy-coded data that starts at `at`: the position of the
// 0xFF (or first of several fill bytes) that begins the next marker other
// than RSTn. npos when the data runs to the end of `in` without one.
std::size_t end_of_scan_data(std::string_view in, std::size_t at) {
  while (true) {
    at = in.find('\xFF', at);
    if (at == std::string_view::npos || at + 1 >= in.size()) return std::string_view::npos;
    const auto next = byte_at(in, at + 1);
    if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {  // a stuffed 0xFF; RSTn
      at += 2;
      continue;
    }
    return at;  // a marker, or fill bytes before one
  }
}

// ---------------------------------------------------------------------------
// PNG (ISO/IEC 15948, W3C PNG third edition).

// Ancillary chunks kept: how the picture looks (colour, gamma, transparency,
// background, pixel density, HDR) and APNG animation. Nothing in them says
// where or by whom the photo was taken.
constexpr std::array<std::string_view, 14> kKeptAncillary = {
    "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "mDCV",
    "cLLI", "sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT",
};

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool is_uppercase(char c) { return c >= 'A' && c <= 'Z'; }

// CRC-32 of ISO 3309 (PNG annex D), a byte at a time.
constexpr std::array<std::uint32_t, 256> kCrcTable = [] {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}();

std::uint32_t crc32(std::string_view data) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char b : data) c = kCrcTable[(c ^ static_cast<std::uint8_t>(b)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::uint32_t be32(std::string_view s, std::size_t at) {
  return (std::uint32_t{byte_at(s, at)} << 24) | (std::uint32_t{byte_at(s, at + 1)} << 16) |
         (std::uint32_t{byte_at(s, at + 2)} << 8) | byte_at(s, at + 3);
}

}  // namespace

std::optional<std::string> strip_jpeg_metadata(std::string_view in) {
  if (in.size() < 4 || byte_at(in, 0) != 0xFF || byte_at(in, 1) != kSoi) return std::nullopt;
  std::string out(in.substr(0, 2));
  std::size_t at = 2;
  bool scanned = false;
  while (true) {
    // A marker: 0xFF, optional fill bytes (more 0xFF), the marker code.
    if (at >= in.size() || byte_at(in, at) != 0xFF) return std::nullopt;
    while (at + 1 < in.size() && byte_at(in, at + 1) == 0xFF) ++at;
    if (at + 1 >= in.size()) return std::nullopt;
    const auto marker = byte_at(in, at + 1);
    if (marker == kEoi) {
      // The end of the primary image; whatever follows is not kept.
      if (!scanned) return std::nullopt;
      out += "\xFF\xD9";
      return out;
    }
    // Markers without a segment (SOI, RSTn, TEM) and 0x00 have no place here.
    if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= kSoi)) {
      return std::nullopt;
    }
    const auto kind = classify_jpeg_segment(marker);
    if (kind == JpegSegment::kRefused || at + 4 > in.size()) return std::nullopt;
    const std::size_t length = (std::size_t{byte_at(in, at + 2)} << 8) | byte_at(in, at + 3);
    if (length < 2 || length > in.size() - at - 2) return std::nullopt;
    const auto payload = in.substr(at + 4, length - 2);
    if (kind == JpegSegment::kKeep && !well_formed_jpeg_segment(marker, payload)) {
      return std::nullopt;
    }
    keep_jpeg_segment(out, kind, marker, payload);
    at += 2 + length;
    if (marker == kSos) {
      const auto end = end_of_scan_data(in, at);
      if (end == std::string_view::npos) return std::nullopt;  // truncated: no EOI
      out.append(in.substr(at, end - at));
      at = end;
      scanned = true;
    }
  }
}

std::optional<std::string> strip_png_metadata(std::string_view in) {
  static constexpr std::array<unsigned char, 8> kSignature{0x89, 'P',  'N',  'G',
                                                           0x0D, 0x0A, 0x1A, 0x0A};
  if (in.size() < 8) return std::nullopt;
  for (std::size_t i = 0; i < 8; ++i) {
    if (byte_at(in, i) != kSignature[i]) return std::nullopt;
  }
  std::string out(in.substr(0, 8));
  std::size_t at = 8;
  bool image_data = false;
  while (at + 12 <= in.size()) {
    const std::size_t length = be32(in, at);
    if (length > 0x7FFFFFFF || length > in.size() - at - 12) return std::nullopt;
    const auto type = in.substr(at + 4, 4);
    for (const char c : type) {
      if (!is_letter(c)) return std::nullopt;
    }
    // A wrong CRC: a damaged chunk, maybe its length, which would make it
    // swallow the chunks after it (metadata included) into one kept whole.
    if (crc32(in.substr(at + 4, 4 + length)) != be32(in, at + 8 + length)) return std::nullopt;
    const bool first = at == 8;
    if ((type == "IHDR") != first || (first && length != 13)) return std::nullopt;
    bool keep = false;
    if (is_uppercase(type[0])) {
      // Critical: a decoder must understand it, so must this.
      if (type != "IHDR" && type != "PLTE" && type != "IDAT" && type != "IEND") {
        return std::nullopt;
      }
      keep = true;
    } else {
      for (const auto kept : kKeptAncillary) keep = keep || type == kept;
    }
    if (keep) out.append(in.substr(at, 12 + length));
    at += 12 + length;
    if (type == "IDAT") image_data = true;
    if (type == "IEND") {
      // The end of the image; whatever follows is not kept.
      if (length != 0 || !image_data) return std::nullopt;
      return out;
    }
  }
  return std::nullopt;
}

std::optional<std::string> strip_photo_metadata(std::string_view content, std::string_view mime) {
  if (mime == "image/jpeg") return strip_jpeg_metadata(content);
  if (mime == "image/png") return strip_png_metadata(content);
  return std::nullopt;
}

}  // namespace ruamkit::features::feedback
