#include "features/pages/opdc_seed.h"

#include "features/pages/seed_text.h"

#include <cstdio>

#include <array>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/fiscal_year.h"

namespace ruamkit::features::pages {
namespace {

using namespace seed_text;

// ---- Recognising boilerplate ----------------------------------------------

template <std::size_t N>
bool is_one_of(std::string_view s, const std::array<std::string_view, N>& options) {
  for (const std::string_view option : options) {
    if (s == option) return true;
  }
  return false;
}

// "Share แชร์ พิมพ์หน้านี้", "แชร์หน้านี้": only share/print words.
bool is_share_line(std::string_view line) {
  static constexpr std::array<std::string_view, 4> kShare{"Share", "แชร์", "แชร์หน้านี้", "พิมพ์หน้านี้"};
  static constexpr std::array<std::string_view, 9> kWidgets{
      "พิมพ์", "Print", "Tweet", "Facebook", "Twitter", "LINE", "Line", "Email", "E-mail"};
  bool share = false;
  const std::vector<Token> tokens = tokens_of(line);
  for (const Token& token : tokens) {
    if (is_one_of(token.text, kShare)) {
      share = true;
    } else if (!is_one_of(token.text, kWidgets)) {
      return false;
    }
  }
  return share;
}

// "| ผู้รับผิดชอบ:" (the name after the colon, if any, goes too).
bool is_responsible_line(std::string_view line) {
  if (line.starts_with('|')) line = trim(line.substr(1));
  constexpr std::string_view kLabel = "ผู้รับผิดชอบ";
  if (!line.starts_with(kLabel)) return false;
  return trim(line.substr(kLabel.size())).starts_with(':');
}

bool is_publication_line(std::string_view line) {
  return line.starts_with("เผยแพร่ข้อมูลเมื่อ") || line.starts_with("เผยแพร่เมื่อ") ||
         line.starts_with("วันที่เผยแพร่");
}

// A bar of three or more short items separated by "|" ("ลิงค์ | RSS feed | …").
bool is_menu_line(std::string_view line) {
  std::size_t items = 0;
  while (true) {
    const std::size_t bar = line.find('|');
    if (length(trim(line.substr(0, bar))) > 40) return false;
    ++items;
    if (bar == npos) break;
    line.remove_prefix(bar + 1);
  }
  return items >= 3;
}

// Copyright, disclaimer and address lines of a site footer.
bool is_footer_line(std::string_view line) {
  return contains(line, "สงวนลิขสิทธิ์") || contains(line, "Copyright") || contains(line, "©") ||
         contains(line, "การปฏิเสธความรับผิดชอบ") ||
         (contains(line, "โทรสาร") && (contains(line, "กรุงเทพ") || contains(line, "โทร.")));
}

bool is_advertisement_line(std::string_view line) {
  return line == "Advertisements" || line == "Advertisement" || line == "โฆษณา";
}

bool is_slides_label(std::string_view line) { return line == "Slides:" || line == "Slides"; }

// Starts a list of related presentations on a slide-sharing site.
bool is_related_titles_start(std::string_view line) {
  return line == "งานนำเสนอที่คล้ายกัน" || line == "งานนำเสนอที่เกี่ยวข้อง" ||
         line == "Similar presentations";
}

bool is_transcript_label(std::string_view line) {
  return line == "ใบสำเนางานนำเสนอ:" || line == "ใบสำเนางานนำเสนอ" ||
         line == "Presentation transcript:";
}

// The link parts of a list of documents: "[", "EBOOK", "] [", "PDF", "]", "ลิงค์ :".
bool is_download_marker(std::string_view line) {
  static constexpr std::array<std::string_view, 10> kMarkers{
      "[", "]", "] [", "][", "EBOOK", "PDF", "[PDF]", "[EBOOK]", "ดาวน์โหลด", "Download"};
  if (is_one_of(line, kMarkers)) return true;
  return (line.starts_with("ลิงค์") || line.starts_with("ลิงก์") || line.starts_with("Link")) &&
         line.ends_with(':') && length(line) <= 10;
}

bool is_boilerplate(std::string_view line) {
  return is_share_line(line) || is_responsible_line(line) || is_publication_line(line) ||
         is_menu_line(line) || is_footer_line(line) || is_advertisement_line(line) ||
         is_slides_label(line) || is_related_titles_start(line) || is_transcript_label(line) ||
         is_download_marker(line);
}

bool is_breadcrumb(std::string_view line) { return contains(line, " / ") && !is_boilerplate(line); }

// ---- Markdown -------------------------------------------------------------

// Backslash-escapes what CommonMark or GFM would read as inline syntax.
std::string escape_inline(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    bool escape = contains("\\`*_[]<|~", std::string_view(&c, 1));
    if (c == '&') {  // an entity reference ("&amp;", "&#39;") would be decoded
      std::size_t j = i + 1;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '#')) ++j;
      escape = j > i + 1 && j < s.size() && s[j] == ';';
    }
    if (escape) out += '\\';
    out += c;
  }
  return out;
}

// Length of an ordered-list marker ("12." or "3)") followed by a space at the
// start of `line`, else 0.
std::size_t ordered_marker(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 9 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0 || i + 1 >= line.size() || (line[i] != '.' && line[i] != ')')) return 0;
  return line[i + 1] == ' ' || line[i + 1] == '\t' ? i + 1 : 0;
}

// The text of a bulleted item ("• text", "- text"), or nullopt when `line`
// is not one.
std::optional<std::string_view> bullet_text(std::string_view line) {
  static constexpr std::array<std::string_view, 8> kBullets{"•", "●", "▪", "◦",
                                                            "○", "■", "·", "\uF0B7"};
  for (const std::string_view bullet : kBullets) {
    if (line.starts_with(bullet)) {
      const std::string_view text = trim(line.substr(bullet.size()));
      if (text.empty()) return std::nullopt;
      return text;
    }
  }
  if (line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
      (line[1] == ' ' || line[1] == '\t')) {
    return trim(line.substr(2));
  }
  return std::nullopt;
}

bool is_list_item(std::string_view line) {
  return ordered_marker(line) > 0 || bullet_text(line).has_value();
}

// Escapes what would start a block at the beginning of a line of text
// (already escaped inline): headings, quotes, list markers, setext underlines.
std::string escape_line_start(std::string s) {
  if (s.empty()) return s;
  const char c = s[0];
  bool escape = c == '#' || c == '>' || c == '=' ||
                ((c == '-' || c == '+') && (s.size() == 1 || s[1] == ' ' || s[1] == '\t')) ||
                s.find_first_not_of("- ") == std::string::npos;
  if (escape) return "\\" + s;
  if (const std::size_t m = ordered_marker(s); m > 0) s.insert(m - 1, "\\");
  return s;
}

// A paragraph or a run of list items, as unescaped lines.
using Block = std::vector<std::string>;

bool is_opening(char32_t c) {
  return c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB;
}

// Nothing but closing quotes, brackets and punctuation: "”", ")".
bool is_closing_only(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    const char32_t c = d.cp;
    if (!(c == ')' || c == ']' || c == '"' || c == ',' || c == '.' || c == ':' || c == ';' ||
          c == 0x201D || c == 0x2019 || c == 0xBB)) {
      return false;
    }
    i += d.size;
  }
  return true;
}

// "(1)", "(ก)": a parenthesised enumerator starting an item, not a fragment.
bool starts_with_enumerator(std::string_view s) {
  const std::size_t close = s.find(')');
  return s.starts_with('(') && close != npos && close > 1 && length(s.substr(1, close - 1)) <= 2;
}

// Rebuilds paragraphs from a dump that put every text run (bold words,
// quotes, links) on a line of its own: lone quotes and brackets are glued
// back, a bracket opened at the end of a line is closed on the next, the text
// after such a split continues the paragraph, and so do very short lines
// ("4.0") and lines opening with a parenthesis.
std::vector<Block> rebuild_runs(const std::vector<std::string_view>& lines) {
  std::vector<Block> blocks;
  bool after_split = false;
  for (const std::string_view line : lines) {
    if (!blocks.empty() && !is_list_item(line)) {
      std::string& last = blocks.back().back();
      if (is_closing_only(line) || is_opening(decode_last(last).cp)) {
        last += line;
        after_split = true;
        continue;
      }
      const std::size_t n = length(line);
      const bool fragment = n <= 10 || (line.starts_with('(') && !starts_with_enumerator(line)) ||
                            (n <= 30 && is_opening(decode_last(line).cp));
      if (after_split || fragment) {
        blocks.back().emplace_back(line);
        after_split = false;
        continue;
      }
    }
    blocks.push_back({std::string(line)});
    after_split = false;
  }
  return blocks;
}

std::string render_markdown(const std::vector<Block>& blocks, bool join_thai_wraps) {
  std::string out;
  std::size_t nest = 0;  // content indent of the last ordered item, for bullets under it
  for (const Block& block : blocks) {
    std::string md;
    std::size_t indent = 0;  // of continuation lines
    for (std::size_t k = 0; k < block.size(); ++k) {
      const std::string_view line = block[k];
      const std::string_view separator = k == 0 ? "" : "\n";
      if (const std::optional<std::string_view> text = bullet_text(line)) {
        md += separator;
        md += std::string(nest, ' ') + "- " + escape_line_start(escape_inline(*text));
        indent = nest + 2;
      } else if (const std::size_t m = ordered_marker(line); m > 0) {
        md += separator;
        md += std::string(line.substr(0, m)) + " " +
              escape_line_start(escape_inline(trim(line.substr(m))));
        nest = indent = m + 1;
      } else if (k == 0) {
        md += escape_line_start(escape_inline(line));
        nest = indent = 0;
      } else if (join_thai_wraps && is_thai(decode_last(block[k - 1]).cp) &&
                 is_thai(decode_at(line, 0).cp)) {
        md += escape_inline(line);  // a wrap inside a Thai word or phrase
      } else {
        // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "\n" + string.
        md += '\n';
        md.append(indent, ' ');
        md += escape_line_start(escape_inline(line));
      }
    }
    if (!out.empty()) out += "\n\n";
    out += md;
  }
  return out;
}

}  // namespace

std::optional<std::string> parse_thai_date(std::string_view text) {
  const std::vector<Token> t = tokens_of(text);
  if (t.empty()) return std::nullopt;
  std::size_t end = 0;
  std::optional<std::string> date = date_at(t, 0, t[0].text, /*strict=*/true, &end);
  if (!date || end != t.size()) return std::nullopt;
  return date;
}

std::optional<SeedPage> parse_opdc_page(std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  const std::size_t n = lines.size();
  const auto first = [&](bool (*matches)(std::string_view)) {
    for (std::size_t i = 0; i < n; ++i) {
      if (matches(lines[i])) return i;
    }
    return npos;
  };
  const auto previous = [&](std::size_t i) {
    while (i-- > 0) {
      if (!lines[i].empty()) return i;
    }
    return npos;
  };
  const auto next = [&](std::size_t i) {
    while (++i < n) {
      if (!lines[i].empty()) return i;
    }
    return npos;
  };

  // Where the title is, and where the body begins.
  std::size_t title_at = npos;
  std::size_t section_at = npos;
  std::size_t body_from = npos;
  if (const std::size_t r = first(is_responsible_line); r != npos) {
    title_at = previous(r);
    body_from = r + 1;
  } else if (const std::size_t s = first(is_share_line); s != npos) {
    const std::size_t after = next(s);
    if (after != npos && is_breadcrumb(lines[after])) {  // share bar, breadcrumb, title
      section_at = after;
      title_at = next(after);
    } else {
      title_at = previous(s);
      body_from = s + 1;
    }
  } else if (const std::size_t slides = first(is_slides_label); slides != npos) {
    title_at = previous(slides);
    body_from = slides + 1;
  } else {
    for (std::size_t i = 0; i < n && title_at == npos; ++i) {
      if (!lines[i].empty() && !is_boilerplate(lines[i])) title_at = i;
    }
  }
  if (title_at == npos || is_boilerplate(lines[title_at]) || length(lines[title_at]) > 300) {
    return std::nullopt;
  }
  if (body_from == npos) body_from = title_at + 1;
  if (section_at == npos) {
    const std::size_t p = previous(title_at);
    if (p != npos && is_breadcrumb(lines[p])) section_at = p;
  }

  SeedPage page;
  page.title = std::string(lines[title_at]);
  if (section_at != npos) page.source_section = std::string(lines[section_at]);

  // Where the body ends: the publication line, the footer, or a trailing
  // list of documents (its short title lines go with it).
  std::size_t end = n;
  for (std::size_t i = body_from; i < n; ++i) {
    if (is_publication_line(lines[i])) {
      if (auto date = find_thai_date(lines[i], lines[i].size())) page.published_on = *date;
      break;
    }
  }
  for (std::size_t i = body_from; i < end; ++i) {
    if (is_publication_line(lines[i]) || is_footer_line(lines[i]) || is_menu_line(lines[i])) {
      end = i;
    } else if (is_download_marker(lines[i])) {
      end = i;
      while (end > body_from && (lines[end - 1].empty() || length(lines[end - 1]) < 120)) --end;
    }
  }

  std::vector<std::string_view> body;
  bool in_related_titles = false;
  for (std::size_t i = body_from; i < end; ++i) {
    const std::string_view line = lines[i];
    if (in_related_titles) {
      in_related_titles = !is_transcript_label(line);
      continue;
    }
    if (is_related_titles_start(line)) {
      in_related_titles = true;
    } else if (line.empty() || is_boilerplate(line)) {
      if (!body.empty() && !body.back().empty()) body.emplace_back();
    } else if (body.empty() && line == page.title) {
      // the title repeated as the first line of the body
    } else {
      body.push_back(line);
    }
  }
  while (!body.empty() && body.back().empty()) body.pop_back();

  if (page.published_on.empty() && !body.empty()) {
    if (auto date = find_thai_date(body.front(), prefix_bytes(body.front(), 100))) {
      page.published_on = *date;
    }
  }

  // Paragraphs are separated by blank lines, unless the dump has none at all.
  std::vector<Block> blocks;
  for (const std::string_view line : body) {
    if (line.empty()) {
      blocks.emplace_back();
    } else {
      if (blocks.empty()) blocks.emplace_back();
      blocks.back().emplace_back(line);
    }
  }
  const bool one_line_per_run = blocks.size() == 1 && blocks.front().size() >= 3;
  if (one_line_per_run) blocks = rebuild_runs(body);
  page.body_markdown = render_markdown(blocks, /*join_thai_wraps=*/!one_line_per_run);
  return page;
}

}  // namespace ruamkit::features::pages
