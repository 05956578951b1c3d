#include "core/text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace ruamkit::core {
namespace {

struct TrimCase {
  std::string_view input;
  std::string_view blanks;       // trim_blanks: space and tab
  std::string_view white_space;  // trim_white_space: all ASCII white space
};

TEST(Text, TrimStripsBlanksOrAllAsciiWhiteSpaceFromBothEnds) {
  const TrimCase cases[] = {
      {"", "", ""},
      {"   ", "", ""},
      {" \t", "", ""},
      {"abc", "abc", "abc"},
      {"  abc  ", "abc", "abc"},
      {"\tabc\t", "abc", "abc"},
      {" a b ", "a b", "a b"},  // inner spaces stay
      {"abc\r\n", "abc\r\n", "abc"},
      {"\n abc \n", "\n abc \n", "abc"},
      {"\v\fabc\f\v", "\v\fabc\f\v", "abc"},
      {" \r\n ", "\r\n", ""},
      {" การมีส่วนร่วม ", "การมีส่วนร่วม", "การมีส่วนร่วม"},
      {"\xC2\xA0x\xC2\xA0", "\xC2\xA0x\xC2\xA0", "\xC2\xA0x\xC2\xA0"},  // NBSP is not ASCII
      {std::string_view("\0x\0", 3), std::string_view("\0x\0", 3), std::string_view("\0x\0", 3)},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(trim_blanks(c.input), c.blanks) << '"' << c.input << '"';
    EXPECT_EQ(trim_white_space(c.input), c.white_space) << '"' << c.input << '"';
  }
}

TEST(Text, TrimWithAnySetAndViewsIntoTheInput) {
  EXPECT_EQ(trim(" .name. ", " ."), "name");
  EXPECT_EQ(trim(" a ,", " "), "a ,");
  EXPECT_EQ(trim("\tline\r", " \t\r"), "line");
  EXPECT_EQ(trim("abc", ""), "abc");
  const std::string_view text = "  kept  ";
  const auto trimmed = trim_blanks(text);
  EXPECT_EQ(trimmed.data(), text.data() + 2);
  EXPECT_TRUE(trim_blanks(" ").empty());
}

TEST(Text, AsciiLowerChangesOnlyAsciiCapitals) {
  EXPECT_EQ(ascii_lower('A'), 'a');
  EXPECT_EQ(ascii_lower('Z'), 'z');
  EXPECT_EQ(ascii_lower('a'), 'a');
  EXPECT_EQ(ascii_lower('@'), '@');  // just before 'A'
  EXPECT_EQ(ascii_lower('['), '[');  // just after 'Z'
  EXPECT_EQ(ascii_lower('\xC3'), '\xC3');
  EXPECT_EQ(ascii_lower("Content-Type: TEXT/Plain"), "content-type: text/plain");
  EXPECT_EQ(ascii_lower("ÀÉ ไทย EN"), "ÀÉ ไทย en");  // bytes of UTF-8 pass through
  EXPECT_EQ(ascii_lower(""), "");
}

TEST(Text, AsciiCaseInsensitiveComparison) {
  struct Case {
    std::string_view a, b;
    bool equal;
  };
  const Case cases[] = {
      {"Content-Type", "content-type", true},
      {"MULTIPART/FORM-DATA", "multipart/form-data", true},
      {"", "", true},
      {"abc", "abd", false},
      {"abc", "ab", false},
      {"@", "`", false},  // 0x40 and 0x60 differ by 0x20 but are no letters
      {"[", "{", false},
      {"É", "é", false},  // only ASCII letters fold
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ascii_iequals(c.a, c.b), c.equal) << c.a << " / " << c.b;
    EXPECT_EQ(ascii_iequals(c.b, c.a), c.equal) << c.b << " / " << c.a;
  }
}

TEST(Text, AsciiCaseInsensitivePrefix) {
  EXPECT_TRUE(ascii_istarts_with("HTTPS://example.org", "https://"));
  EXPECT_TRUE(ascii_istarts_with("smtp://mail", "smtp://"));
  EXPECT_TRUE(ascii_istarts_with("anything", ""));
  EXPECT_FALSE(ascii_istarts_with("http:/", "http://"));
  EXPECT_FALSE(ascii_istarts_with("ftp://x", "http://"));
  EXPECT_FALSE(ascii_istarts_with("", "h"));
}

TEST(Text, BlankMeansNothingButAsciiWhiteSpace) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\r\n\v\f"));
  EXPECT_FALSE(is_blank("  x  "));
  EXPECT_FALSE(is_blank("\xe0\xb8\x81"));  // ก
}

}  // namespace
}  // namespace ruamkit::core
