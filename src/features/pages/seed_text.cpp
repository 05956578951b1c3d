#include "features/pages/seed_text.h"

#include <array>
#include <cstdio>

#include "core/fiscal_year.h"

namespace ruamkit::features::pages::seed_text {

// ---- UTF-8 ----------------------------------------------------------------

// Decodes the code point at byte `i` (< s.size()). A malformed sequence reads
// as U+FFFD one byte long, so any input can be walked.
Decoded decode_at(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  const std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
  if (len == 0 || b0 > 0xF4 || i + len > s.size()) return {0xFFFD, 1};
  char32_t cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

// Decodes the last code point of the non-empty `s`.
Decoded decode_last(std::string_view s) {
  std::size_t i = s.size() - 1;
  while (i > 0 && s.size() - i < 4 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  const Decoded d = decode_at(s, i);
  return i + d.size == s.size() ? d : Decoded{0xFFFD, 1};
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode_at(s, i).size) ++n;
  return n;
}

// Byte offset of the first `count` code points of `s`.
std::size_t prefix_bytes(std::string_view s, std::size_t count) {
  std::size_t i = 0;
  for (; i < s.size() && count > 0; --count) i += decode_at(s, i).size;
  return i;
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

int digit_value(char32_t c) {
  return c <= '9' ? static_cast<int>(c - '0') : static_cast<int>(c - 0x0E50);
}

std::string_view trim(std::string_view s) {
  while (!s.empty()) {
    const Decoded d = decode_at(s, 0);
    if (!is_space(d.cp)) break;
    s.remove_prefix(d.size);
  }
  while (!s.empty()) {
    const Decoded d = decode_last(s);
    if (!is_space(d.cp)) break;
    s.remove_suffix(d.size);
  }
  return s;
}

// The lines of `text`, each trimmed; whitespace-only lines become empty.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (true) {
    const std::size_t nl = text.find('\n');
    lines.push_back(trim(text.substr(0, nl)));
    if (nl == npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// Splits `s` at runs of (Unicode) spaces.
std::vector<Token> tokens_of(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t start = npos;
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    if (is_space(d.cp)) {
      if (start != npos) tokens.push_back({s.substr(start, i - start), start});
      start = npos;
    } else if (start == npos) {
      start = i;
    }
    i += d.size;
  }
  if (start != npos) tokens.push_back({s.substr(start), start});
  return tokens;
}

// ---- Thai dates -----------------------------------------------------------

struct MonthNames {
  std::string_view full;
  std::string_view abbreviation;
};

constexpr std::array<MonthNames, 12> kMonths{{
    {"มกราคม", "ม.ค."},
    {"กุมภาพันธ์", "ก.พ."},
    {"มีนาคม", "มี.ค."},
    {"เมษายน", "เม.ย."},
    {"พฤษภาคม", "พ.ค."},
    {"มิถุนายน", "มิ.ย."},
    {"กรกฎาคม", "ก.ค."},
    {"สิงหาคม", "ส.ค."},
    {"กันยายน", "ก.ย."},
    {"ตุลาคม", "ต.ค."},
    {"พฤศจิกายน", "พ.ย."},
    {"ธันวาคม", "ธ.ค."},
}};

constexpr std::string_view kEra = "พ.ศ.";
constexpr int kFirstYearBe = 2400;
constexpr int kLastYearBe = 2700;

// Returns 1–12 for a Thai month name or abbreviation, else 0.
int month_number(std::string_view token) {
  if (token == "กรกฏาคม") return 7;  // a very common misspelling of กรกฎาคม
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    const std::string_view abbreviation = kMonths[i].abbreviation;
    if (token == kMonths[i].full || token == abbreviation ||
        token == abbreviation.substr(0, abbreviation.size() - 1)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

// Reads all of `s` as min_digits..max_digits ASCII or Thai digits.
std::optional<int> parse_number(std::string_view s, std::size_t min_digits,
                                std::size_t max_digits) {
  int value = 0;
  std::size_t digits = 0;
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    if (!is_digit(d.cp) || ++digits > max_digits) return std::nullopt;
    value = value * 10 + digit_value(d.cp);
    i += d.size;
  }
  if (digits < min_digits) return std::nullopt;
  return value;
}

// The leading digits of `s` ("2563" of "2563,").
std::string_view leading_digits(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const Decoded d = decode_at(s, i);
    if (!is_digit(d.cp)) break;
    i += d.size;
  }
  return s.substr(0, i);
}

std::string two_digits(int n) {
  // snprintf, not "0" + to_string: GCC 12 at -O3 warns (-Wrestrict) falsely on the latter.
  char text[16];
  std::snprintf(text, sizeof text, "%02d", n);
  return text;
}

// Reads "day month [พ.ศ.] year" from tokens[i…], the day token being
// `day_text`. In running text the year may be followed by punctuation
// ("2563,"); `strict` wants the tokens to be exactly the date. On success
// sets `*end` to the index of the first token after the date.
std::optional<std::string> date_at(const std::vector<Token>& t, std::size_t i,
                                   std::string_view day_text, bool strict, std::size_t* end) {
  const std::optional<int> day = parse_number(day_text, 1, 2);
  if (!day || i + 2 >= t.size()) return std::nullopt;
  const int month = month_number(t[i + 1].text);
  if (month == 0) return std::nullopt;
  std::size_t y = i + 2;
  std::string_view year_text = t[y].text;
  if (year_text == kEra) {
    if (++y >= t.size()) return std::nullopt;
    year_text = t[y].text;
  } else if (year_text.starts_with(kEra)) {
    year_text.remove_prefix(kEra.size());
  }
  if (!strict) year_text = leading_digits(year_text);
  const std::optional<int> be = parse_number(year_text, 4, 4);
  if (!be || *be < kFirstYearBe || *be > kLastYearBe) return std::nullopt;
  const int ce = *be - core::kBuddhistEraOffset;
  const std::chrono::year_month_day ymd{std::chrono::year{ce},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  *end = y + 1;
  return std::to_string(ce) + "-" + two_digits(month) + "-" + two_digits(*day);
}

// The first Thai date in `text` that starts within its first `within` bytes.
// A day may be glued to the word before it ("วันที่25").
std::optional<std::string> find_thai_date(std::string_view text, std::size_t within) {
  const std::vector<Token> t = tokens_of(text);
  for (std::size_t i = 0; i < t.size() && t[i].offset < within; ++i) {
    std::string_view day = t[i].text;
    std::size_t k = 0;
    while (k < day.size()) {
      const Decoded d = decode_at(day, k);
      if (!is_thai(d.cp) || is_digit(d.cp)) break;
      k += d.size;
    }
    day.remove_prefix(k);
    std::size_t end = 0;
    if (auto date = date_at(t, i, day, /*strict=*/false, &end)) return date;
  }
  return std::nullopt;
}

}  // namespace ruamkit::features::pages::seed_text
