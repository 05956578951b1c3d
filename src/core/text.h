// ASCII text helpers for protocol and form text: trimming and case folding.
// Only ASCII bytes are looked at or changed; bytes of UTF-8 sequences
// (0x80 and above) always pass through unchanged, whatever the C locale.
#pragma once

#include <string>
#include <string_view>

namespace ruamkit::core {

// Space and tab: HTTP's optional white space (RFC 9110 OWS), POSIX "blank".
inline constexpr std::string_view kBlanks = " \t";
// Space, TAB, LF, VT, FF and CR: what std::isspace accepts in the "C" locale.
inline constexpr std::string_view kAsciiWhiteSpace = " \t\n\v\f\r";

// Returns `s` without the leading and trailing bytes that occur in `strip`
// (a view into `s`; empty when `s` holds nothing else).
std::string_view trim(std::string_view s, std::string_view strip);

// Strips spaces and tabs only (kBlanks): header values, cookies, form
// fields, front matter. Line breaks stay.
inline std::string_view trim_blanks(std::string_view s) { return trim(s, kBlanks); }

// Strips all ASCII white space (kAsciiWhiteSpace), line breaks included.
inline std::string_view trim_white_space(std::string_view s) { return trim(s, kAsciiWhiteSpace); }

// Returns true when `s` holds nothing but ASCII white space: an empty answer
// to a form field that needs text.
inline bool is_blank(std::string_view s) { return trim_white_space(s).empty(); }

// 'A'–'Z' become 'a'–'z'; every other byte is returned unchanged.
constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `s` with 'A'–'Z' made lower case, every other byte unchanged.
std::string ascii_lower(std::string_view s);

// True when `a` and `b` are equal ignoring the case of ASCII letters
// (header names, media types, parameter names).
bool ascii_iequals(std::string_view a, std::string_view b);

// True when `text` starts with `prefix`, ignoring the case of ASCII letters
// (URL schemes).
bool ascii_istarts_with(std::string_view text, std::string_view prefix);

}  // namespace ruamkit::core
