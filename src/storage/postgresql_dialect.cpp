#include "storage/postgresql_dialect.h"

#include <cctype>
#include <stdexcept>
#include <vector>

#include "core/text.h"

namespace ruamkit::storage {
namespace {

// A piece of SQL text: code, or something to copy unchanged (a literal, a
// quoted identifier, a comment).
struct Piece {
  std::string_view text;
  bool code = true;
};

// Splits `sql` into code and what is not code. An unterminated literal or
// comment runs to the end (the database will refuse it, not this).
std::vector<Piece> pieces(std::string_view sql) {
  std::vector<Piece> out;
  std::size_t start = 0, i = 0;
  auto flush_code = [&](std::size_t end) {
    if (end > start) out.push_back({sql.substr(start, end - start), true});
  };
  while (i < sql.size()) {
    const char ch = sql[i];
    std::size_t end = std::string_view::npos;
    if (ch == '\'' || ch == '"') {
      // A doubled quote inside stays inside.
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == ch) {
          if (j + 1 < sql.size() && sql[j + 1] == ch) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      end = j < sql.size() ? j + 1 : sql.size();
    } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const auto eol = sql.find('\n', i);
      end = eol == std::string_view::npos ? sql.size() : eol;
    } else if (ch == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const auto close = sql.find("*/", i + 2);
      end = close == std::string_view::npos ? sql.size() : close + 2;
    }
    if (end == std::string_view::npos) {
      ++i;
      continue;
    }
    flush_code(i);
    out.push_back({sql.substr(i, end - i), false});
    i = start = end;
  }
  flush_code(sql.size());
  return out;
}

bool is_word_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_';
}

// Replaces whole words of `code` (ASCII case ignored) by `with`; `words` is
// a sequence of words separated by any white space in the text.
std::string replace_words(std::string_view code, const std::vector<std::string_view>& words,
                          std::string_view with) {
  std::string out;
  std::size_t i = 0;
  while (i < code.size()) {
    const bool boundary_before = i == 0 || !is_word_char(code[i - 1]);
    std::size_t j = i;
    bool match = boundary_before;
    for (std::size_t w = 0; match && w < words.size(); ++w) {
      if (w > 0) {
        const auto spaces = j;
        while (j < code.size() && std::isspace(static_cast<unsigned char>(code[j]))) ++j;
        if (j == spaces) match = false;
      }
      if (match && j + words[w].size() <= code.size() &&
          core::ascii_iequals(code.substr(j, words[w].size()), words[w])) {
        j += words[w].size();
      } else {
        match = false;
      }
    }
    if (match && (j == code.size() || !is_word_char(code[j]))) {
      out += with;
      i = j;
    } else {
      out += code[i++];
    }
  }
  return out;
}

}  // namespace

NumberedSql number_placeholders(std::string_view sql) {
  NumberedSql out;
  for (const auto& piece : pieces(sql)) {
    if (!piece.code) {
      out.sql += piece.text;
      continue;
    }
    const auto text = piece.text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '?') {
        out.sql += text[i];
        continue;
      }
      std::size_t j = i + 1;
      int number = 0;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) &&
             number < 100000) {
        number = number * 10 + (text[j] - '0');
        ++j;
      }
      if (j == i + 1) number = out.parameters + 1;  // a bare ?
      out.parameters = std::max(out.parameters, number);
      out.sql += "$" + std::to_string(number);
      i = j - 1;
    }
  }
  return out;
}

std::string for_dialect(std::string_view migration, Dialect dialect) {
  std::string out;
  enum class Block { none, sqlite, postgresql } block = Block::none;
  std::size_t start = 0;
  while (start < migration.size()) {
    auto end = migration.find('\n', start);
    if (end == std::string_view::npos) end = migration.size();
    const auto line = migration.substr(start, end - start);
    const auto marker = core::trim_white_space(line);
    const Block opens = marker == "-- @sqlite"       ? Block::sqlite
                        : marker == "-- @postgresql" ? Block::postgresql
                                                     : Block::none;
    if (opens != Block::none) {
      if (block != Block::none) throw std::invalid_argument("a dialect block inside another");
      block = opens;
    } else if (marker == "-- @end") {
      if (block == Block::none) throw std::invalid_argument("-- @end without a dialect block");
      block = Block::none;
    } else if (block == Block::none || (block == Block::sqlite && dialect == Dialect::sqlite) ||
               (block == Block::postgresql && dialect == Dialect::postgresql)) {
      out += line;
      out += '\n';
    }
    start = end + 1;
  }
  if (block != Block::none) throw std::invalid_argument("a dialect block without -- @end");
  return out;
}

std::string postgresql_schema(std::string_view ddl) {
  std::string out;
  for (const auto& piece : pieces(ddl)) {
    if (!piece.code) {
      out += piece.text;
      continue;
    }
    auto code = replace_words(piece.text, {"INTEGER", "PRIMARY", "KEY"},
                              "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    code = replace_words(code, {"INTEGER"}, "BIGINT");
    code = replace_words(code, {"REAL"}, "DOUBLE PRECISION");
    out += code;
  }
  return out;
}

}  // namespace ruamkit::storage
