#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace ruamkit::core {
namespace {

TEST(Utf8, AcceptsAsciiThaiAndFourByteCharacters) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("hello"));
  EXPECT_TRUE(is_valid_utf8("การมีส่วนร่วม"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x99\x8F"));  // U+1F64F
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xC3\x28"));          // bad continuation
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE0\xB8"));          // truncated Thai letter
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
}

TEST(Utf8, CleanTextRefusesControlCharactersButKeepsLineBreaks) {
  EXPECT_TRUE(is_clean_text("line one\r\nline two\tend"));
  EXPECT_FALSE(is_clean_text(std::string_view("a\0b", 3)));
  EXPECT_FALSE(is_clean_text("bell\x07"));
  EXPECT_FALSE(is_clean_text("del\x7F"));
  EXPECT_FALSE(is_clean_text("\xC3\x28"));
}

TEST(Utf8, CountsCharactersByLeadBytes) {
  EXPECT_EQ(character_count(""), 0u);
  EXPECT_EQ(character_count("abc"), 3u);
  EXPECT_EQ(character_count("ไทย"), 3u);                        // three-byte characters
  EXPECT_EQ(character_count("a\xC3\xA9\xF0\x9F\x99\x8F"), 3u);  // a, é, U+1F64F
  EXPECT_TRUE(is_continuation_byte('\x80'));
  EXPECT_TRUE(is_continuation_byte('\xBF'));
  EXPECT_FALSE(is_continuation_byte('a'));
  EXPECT_FALSE(is_continuation_byte('\xC3'));
  EXPECT_FALSE(is_continuation_byte('\xE0'));
}

TEST(Utf8, CutsOnCharacterBoundaries) {
  struct Case {
    std::string_view text;
    std::size_t count;
    std::string_view first;
  };
  const Case cases[] = {
      {"", 0, ""},
      {"", 5, ""},
      {"abc", 0, ""},
      {"abc", 2, "ab"},
      {"abc", 3, "abc"},
      {"abc", 10, "abc"},
      {"ไทย", 1, "ไ"},
      {"ไทย", 2, "ไท"},
      {"ไทย", 3, "ไทย"},
      {"a\xC3\xA9z", 2, "a\xC3\xA9"},
      {"\xF0\x9F\x99\x8Fx", 1, "\xF0\x9F\x99\x8F"},
      // Stray continuation bytes count with the character before them.
      {"\x80\x80\x61\x62", 1, "\x80\x80\x61"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(first_characters(c.text, c.count), c.first) << c.text << " / " << c.count;
    EXPECT_EQ(character_offset(c.text, c.count), c.first.size()) << c.text << " / " << c.count;
  }
}

TEST(Utf8, FindsThePreviousCharacter) {
  const std::string_view text = "aไb";  // a at 0, ไ at 1..3, b at 4
  EXPECT_EQ(previous_character_start(text, 5), 4u);
  EXPECT_EQ(previous_character_start(text, 4), 1u);
  EXPECT_EQ(previous_character_start(text, 1), 0u);
  EXPECT_EQ(previous_character_start("\xE0\xB8", 2), 0u);
}

TEST(Utf8, SequenceLengthsFromLeadBytes) {
  EXPECT_EQ(sequence_length('a'), 1u);
  EXPECT_EQ(sequence_length('\x7F'), 1u);
  EXPECT_EQ(sequence_length('\xC3'), 2u);
  EXPECT_EQ(sequence_length('\xDF'), 2u);
  EXPECT_EQ(sequence_length('\xE0'), 3u);
  EXPECT_EQ(sequence_length('\xEF'), 3u);
  EXPECT_EQ(sequence_length('\xF0'), 4u);
  EXPECT_EQ(sequence_length('\xF4'), 4u);
}

TEST(Utf8, DecodesTrustedText) {
  EXPECT_EQ(code_point_at("a", 0), U'a');
  EXPECT_EQ(code_point_at("\xC3\xA9", 0), U'\u00E9');
  EXPECT_EQ(code_point_at("xไ", 1), U'\u0E44');
  EXPECT_EQ(code_point_at("\xF0\x9F\x99\x8F", 0), U'\U0001F64F');
  EXPECT_EQ(code_point_at("\xE0\xB8", 0), U'\u0E00');  // cut short: missing bits are zero
}

TEST(Utf8, DecodesOnlyWellFormedCharacters) {
  struct Case {
    std::string_view text;
    char32_t code_point;  // 0: not well-formed
    std::size_t length;
  };
  const Case cases[] = {
      {"A", U'A', 1},
      {std::string_view("\0", 1), 0, 1},
      {"\xC2\x80", 0x80, 2},
      {"\xDF\xBF", 0x7FF, 2},
      {"\xE0\xA0\x80", 0x800, 3},
      {"ไ", 0x0E44, 3},
      {"\xEF\xBF\xBF", 0xFFFF, 3},
      {"\xF0\x90\x80\x80", 0x10000, 4},
      {"\xF4\x8F\xBF\xBF", 0x10FFFF, 4},
      {"\x80", 0, 0},              // continuation byte first
      {"\xC0\xAF", 0, 0},          // overlong (C0)
      {"\xC1\xBF", 0, 0},          // overlong (C1)
      {"\xE0\x80\xAF", 0, 0},      // overlong three bytes
      {"\xF0\x80\x80\xAF", 0, 0},  // overlong four bytes
      {"\xED\xA0\x80", 0, 0},      // surrogate U+D800
      {"\xF4\x90\x80\x80", 0, 0},  // above U+10FFFF
      {"\xF5\x80\x80\x80", 0, 0},
      {"\xFF", 0, 0},
      {"\xE0\xB8", 0, 0},  // cut short
      {"\xC3\x28", 0, 0},  // bad continuation
  };
  for (const auto& c : cases) {
    const auto decoded = decode_character(c.text, 0);
    if (c.length == 0) {
      EXPECT_FALSE(decoded) << testing::PrintToString(std::string(c.text));
      EXPECT_FALSE(is_valid_utf8(c.text)) << testing::PrintToString(std::string(c.text));
    } else {
      ASSERT_TRUE(decoded) << testing::PrintToString(std::string(c.text));
      EXPECT_EQ(decoded->code_point, c.code_point);
      EXPECT_EQ(decoded->length, c.length);
      EXPECT_TRUE(is_valid_utf8(c.text));
    }
  }
  // Decoding starts where it is told to.
  const auto second = decode_character("aไ", 1);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->code_point, U'\u0E44');
  EXPECT_EQ(second->length, 3u);
}

}  // namespace
}  // namespace ruamkit::core
