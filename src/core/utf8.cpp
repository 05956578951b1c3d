#include "core/utf8.h"

#include <cstdint>

namespace ruamkit::core {

std::optional<Character> decode_character(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char c = byte(0);
  if (c < 0x80) return Character{c, 1};
  std::size_t extra = 0;
  std::uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    extra = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    extra = 2;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    extra = 3;
    cp = c & 0x07;
  } else {
    return std::nullopt;  // continuation byte first, or C0/C1/F5..FF
  }
  if (text.size() - at <= extra) return std::nullopt;
  for (std::size_t i = 1; i <= extra; ++i) {
    const unsigned char cc = byte(i);
    if ((cc & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return std::nullopt;
  if (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return std::nullopt;
  return Character{static_cast<char32_t>(cp), extra + 1};
}

bool is_valid_utf8(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    const auto character = decode_character(text, at);
    if (!character) return false;
    at += character->length;
  }
  return true;
}

bool is_clean_text(std::string_view text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return false;
  }
  return is_valid_utf8(text);
}

std::size_t character_count(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += !is_continuation_byte(c);
  return n;
}

std::size_t character_offset(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation_byte(text[i])) continue;
    if (seen == count) return i;
    ++seen;
  }
  return text.size();
}

std::size_t previous_character_start(std::string_view text, std::size_t at) {
  do {
    --at;
  } while (at > 0 && is_continuation_byte(text[at]));
  return at;
}

char32_t code_point_at(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) -> char32_t {
    return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0x80u;
  };
  const char32_t lead = byte(0);
  if (lead < 0x80) return lead;
  if (lead < 0xE0) return ((lead & 0x1F) << 6) | (byte(1) & 0x3F);
  if (lead < 0xF0) return ((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  return ((lead & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
         (byte(3) & 0x3F);
}

}  // namespace ruamkit::core
