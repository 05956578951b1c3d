// UTF-8 for everything that enters from the network, and the few UTF-8
// operations the rest of the code needs (counting, cutting on a character
// boundary, decoding). Nothing else in the project takes UTF-8 apart by hand.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ruamkit::core {

// Returns true when `text` is well-formed UTF-8 (RFC 3629): no overlong forms,
// no surrogates, nothing above U+10FFFF. NUL and other control characters are
// valid UTF-8 and are not rejected here.
bool is_valid_utf8(std::string_view text);

// Returns true when `text` is valid UTF-8 without C0 control characters other
// than TAB, LF and CR (and without DEL). Used for single-line and form input.
bool is_clean_text(std::string_view text);

// True for the bytes 0x80–0xBF, which continue a multi-byte character; every
// other byte starts a character.
constexpr bool is_continuation_byte(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Returns the number of characters (code points) in UTF-8 `text`, counting
// each lead byte; for valid UTF-8 this is what a person counts.
std::size_t character_count(std::string_view text);

// Returns the byte offset at which character number `count` (from 0) starts,
// counting lead bytes as character_count() does: the length in bytes of the
// first `count` characters. text.size() when `text` has no more than `count`
// characters. Cutting there never splits a UTF-8 sequence.
std::size_t character_offset(std::string_view text, std::size_t count);

// The first `count` characters of `text` (all of it when it is shorter).
inline std::string_view first_characters(std::string_view text, std::size_t count) {
  return text.substr(0, character_offset(text, count));
}

// Returns the offset of the lead byte of the character before byte `at`
// (0 < at <= text.size()); 0 when there is none.
std::size_t previous_character_start(std::string_view text, std::size_t at);

// The length in bytes (1–4) of the sequence that lead byte `lead` starts, for
// text known to be valid UTF-8 (by the lead byte alone: below 0x80 one, below
// 0xE0 two, below 0xF0 three, else four; meaningless for a continuation byte).
constexpr std::size_t sequence_length(char lead) {
  const auto c = static_cast<unsigned char>(lead);
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// The code point of the character starting at byte `at` (< text.size()) of
// text known to be valid UTF-8. Nothing is checked: bytes missing at the end
// count as empty continuation bytes. Use decode_character() for untrusted text.
char32_t code_point_at(std::string_view text, std::size_t at);

// A well-formed character: its code point and its length in bytes (1–4).
struct Character {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// Decodes the character starting at byte `at` (< text.size()) of `text`, or
// returns nullopt when the bytes there are not a well-formed character (a
// continuation byte, C0, C1 or F5–FF, a sequence cut short, an overlong form,
// a surrogate, above U+10FFFF) — the rules of is_valid_utf8().
std::optional<Character> decode_character(std::string_view text, std::size_t at);

}  // namespace ruamkit::core
