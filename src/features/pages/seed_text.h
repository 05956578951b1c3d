// Text helpers for reading the OPDC page dumps (opdc_seed.cpp): UTF-8 code
// points without a library (the dumps may hold malformed bytes, which read
// as U+FFFD), Unicode spaces, lines and tokens, Thai and ASCII digits, and
// Thai dates ("25 กุมภาพันธ์ 2563", "25 ก.พ. 2563") turned into ISO days.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruamkit::features::pages::seed_text {

inline constexpr std::size_t npos = std::string_view::npos;

struct Decoded {
  char32_t cp;
  std::size_t size;
};

struct Token {
  std::string_view text;
  std::size_t offset;  // in bytes, into the split string
};

// Decodes the code point at byte `i` (< s.size()). A malformed sequence reads
// as U+FFFD one byte long, so any input can be walked.
Decoded decode_at(std::string_view s, std::size_t i);

// Decodes the last code point of the non-empty `s`.
Decoded decode_last(std::string_view s);

std::size_t length(std::string_view s);

// Byte offset of the first `count` code points of `s`.
std::size_t prefix_bytes(std::string_view s, std::size_t count);

bool is_space(char32_t c);

inline bool is_thai(char32_t c) { return c >= 0x0E01 && c <= 0x0E5B; }

inline bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0x0E50 && c <= 0x0E59); }

int digit_value(char32_t c);

std::string_view trim(std::string_view s);

inline bool contains(std::string_view s, std::string_view part) { return s.find(part) != npos; }

// The lines of `text`, each trimmed; whitespace-only lines become empty.
std::vector<std::string_view> split_lines(std::string_view text);

// Splits `s` at runs of (Unicode) spaces.
std::vector<Token> tokens_of(std::string_view s);

// Returns 1–12 for a Thai month name or abbreviation, else 0.
int month_number(std::string_view token);

// Reads all of `s` as min_digits..max_digits ASCII or Thai digits.
std::optional<int> parse_number(std::string_view s, std::size_t min_digits, std::size_t max_digits);

// The leading digits of `s` ("2563" of "2563,").
std::string_view leading_digits(std::string_view s);

std::string two_digits(int n);

// Reads "day month [พ.ศ.] year" from tokens[i…], the day token being
// `day_text`. In running text the year may be followed by punctuation
// ("2563,"); `strict` wants the tokens to be exactly the date. On success
// sets `*end` to the index of the first token after the date.
std::optional<std::string> date_at(const std::vector<Token>& t, std::size_t i,
                                   std::string_view day_text, bool strict, std::size_t* end);

// The first Thai date in `text` that starts within its first `within` bytes.
// A day may be glued to the word before it ("วันที่25").
std::optional<std::string> find_thai_date(std::string_view text, std::size_t within);

}  // namespace ruamkit::features::pages::seed_text
