#include "core/utf8.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace ruamkit::core
