#include "features/feedback/photo_metadata.h"

#include <array>
#include <cstdint>

namespace ruamkit::features::feedback {
namespace {

std::uint8_t byte_at(std::string_view s, std::size_t i) { return static_cast<std::uint8_t>(s[i]); }

bool keep_jpeg_marker(std::uint8_t marker) {
  if (marker == 0xFE) return false;                           // COM
  if (marker < 0xE0 || marker > 0xEF) return true;            // not an APPn
  return marker == 0xE0 || marker == 0xE2 || marker == 0xEE;  // JFIF, ICC, Adobe
}

}  // namespace

std::optional<std::string> strip_jpeg_metadata(std::string_view in) {
  if (in.size() < 4 || byte_at(in, 0) != 0xFF || byte_at(in, 1) != 0xD8) return std::nullopt;
  std::string out(in.substr(0, 2));
  std::size_t at = 2;
  while (at + 4 <= in.size()) {
    if (byte_at(in, at) != 0xFF) return std::nullopt;
    const auto marker = byte_at(in, at + 1);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD9) break;
    const std::size_t length = (std::size_t{byte_at(in, at + 2)} << 8) | byte_at(in, at + 3);
    if (length < 2 || at + 2 + length > in.size()) return std::nullopt;
    if (marker == 0xDA) {
      // Start of scan: the rest is image data (and the markers within it).
      out.append(in.substr(at));
      return out;
    }
    if (keep_jpeg_marker(marker)) out.append(in.substr(at, 2 + length));
    at += 2 + length;
  }
  return std::nullopt;
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
  while (at + 12 <= in.size()) {
    const std::size_t length = (std::size_t{byte_at(in, at)} << 24) |
                               (std::size_t{byte_at(in, at + 1)} << 16) |
                               (std::size_t{byte_at(in, at + 2)} << 8) | byte_at(in, at + 3);
    if (length > in.size() || at + 12 + length > in.size()) return std::nullopt;
    const auto type = in.substr(at + 4, 4);
    const bool drop =
        type == "eXIf" || type == "tEXt" || type == "zTXt" || type == "iTXt" || type == "tIME";
    if (!drop) out.append(in.substr(at, 12 + length));
    at += 12 + length;
    if (type == "IEND") return out;
  }
  return std::nullopt;
}

std::optional<std::string> strip_photo_metadata(std::string_view content, std::string_view mime) {
  if (mime == "image/jpeg") return strip_jpeg_metadata(content);
  if (mime == "image/png") return strip_png_metadata(content);
  return std::nullopt;
}

}  // namespace ruamkit::features::feedback
