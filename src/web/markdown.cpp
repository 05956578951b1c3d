#include "web/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <vector>

#include "core/text.h"
#include "core/utf8.h"

namespace ruamkit::web {
namespace {

// Parse options. Strikethrough needs "~~": a single "~" is common in prose ("~100 คน").
constexpr int kParseOptions = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
// Render options: no CMARK_OPT_UNSAFE, so raw HTML is omitted and dangerous URLs are emptied.
constexpr int kRenderOptions = CMARK_OPT_DEFAULT;

// cmark-gfm 0.29.0.gfm.6 (Debian 12) predates the upstream fixes for the table extension's
// quadratic parsing and unbounded cell padding (CVE-2023-37463, fixed in 0.29.0.gfm.12):
// a 100 KB row of pipes takes seconds to parse, and a 40 KB table whose header row has 100
// cells pads out to 20 MB of HTML. Tables are therefore parsed only when no line has more
// than kMaxPipesPerLine pipes and (pipes per line + 1) * lines stays within kMaxTableCells.
constexpr std::size_t kMaxPipesPerLine = 128;
constexpr std::size_t kMaxTableCells = 100'000;

// cmark-gfm keeps the table of "special" inline characters in a global that every parser
// edits while parsing inlines (adding the extensions' characters, then removing them again;
// github/cmark-gfm#176), so concurrent parses can miss strikethrough and autolinks. Parsing
// is serialised; rendering and tree walks touch no shared state and run unlocked.
std::mutex parse_mutex;

std::once_flag extensions_registered;

struct ParserFree {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
struct CharsFree {
  void operator()(char* chars) const { cmark_get_default_mem_allocator()->free(chars); }
};

using Parser = std::unique_ptr<cmark_parser, ParserFree>;
using Node = std::unique_ptr<cmark_node, NodeFree>;
using Iter = std::unique_ptr<cmark_iter, IterFree>;

// A parsed document. The parser stays alive because it owns the list of extensions the HTML
// renderer needs; members are destroyed in reverse order, so the tree goes first.
struct Document {
  Parser parser;
  Node root;
};

bool tables_are_cheap(std::string_view text) {
  std::size_t lines = 1, pipes = 0, max_pipes = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '|') {
      ++pipes;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++lines;
      max_pipes = std::max(max_pipes, pipes);
      pipes = 0;
    }
  }
  max_pipes = std::max(max_pipes, pipes);
  return max_pipes <= kMaxPipesPerLine && (max_pipes + 1) * lines <= kMaxTableCells;
}

// C0 control characters other than tab, LF and CR have no business in text that people
// write (NUL would become U+FFFD, the rest would pass through into the HTML).
std::string without_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') out += ch;
  }
  return out;
}

Document parse(std::string_view markdown) {
  std::call_once(extensions_registered, cmark_gfm_core_extensions_ensure_registered);
  const std::string text = without_controls(markdown);

  Document doc;
  doc.parser.reset(cmark_parser_new(kParseOptions));
  static constexpr std::array<const char*, 4> kExtensions = {"strikethrough", "autolink",
                                                             "tagfilter", "table"};
  const std::size_t count = tables_are_cheap(text) ? 4 : 3;  // the table extension is last
  for (std::size_t i = 0; i < count; ++i) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(kExtensions[i])) {
      cmark_parser_attach_syntax_extension(doc.parser.get(), extension);
    }
  }
  std::lock_guard lock(parse_mutex);
  cmark_parser_feed(doc.parser.get(), text.data(), text.size());
  doc.root.reset(cmark_parser_finish(doc.parser.get()));
  return doc;
}

// Returns the lower-case scheme of `url` ("" when it has none, i.e. it is relative), as a
// browser would read it: ignoring spaces and control characters.
std::string scheme_of(const char* url) {
  std::string scheme;
  for (const char* p = url; p != nullptr && *p != '\0'; ++p) {
    const auto byte = static_cast<unsigned char>(*p);
    if (byte <= 0x20) continue;
    if (*p == ':') return scheme;
    const bool letter = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
    const bool other = (byte >= '0' && byte <= '9') || *p == '+' || *p == '-' || *p == '.';
    if (!letter && !(other && !scheme.empty())) return "";
    scheme += static_cast<char>(letter ? (byte | 0x20) : byte);
  }
  return "";
}

bool is_allowed_link(const char* url) {
  const std::string scheme = scheme_of(url);
  return scheme.empty() || scheme == "http" || scheme == "https" || scheme == "mailto" ||
         scheme == "tel";
}

bool is_allowed_image(const char* url) {
  const std::string scheme = scheme_of(url);
  return scheme.empty() || scheme == "http" || scheme == "https";
}

// Replaces `node` by its children.
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    if (!cmark_node_insert_before(node, child)) break;
  }
  cmark_node_free(node);
}

// Shifts headings and unwraps links and images whose URLs are not allowed.
void prepare_for_html(cmark_node* root, int heading_offset) {
  heading_offset = std::clamp(heading_offset, -6, 6);
  std::vector<cmark_node*> to_unwrap;
  {
    Iter iter(cmark_iter_new(root));
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
      if (event != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(iter.get());
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
          cmark_node_set_heading_level(
              node, std::clamp(cmark_node_get_heading_level(node) + heading_offset, 1, 6));
          break;
        case CMARK_NODE_LINK:
          if (!is_allowed_link(cmark_node_get_url(node))) to_unwrap.push_back(node);
          break;
        case CMARK_NODE_IMAGE:
          if (!is_allowed_image(cmark_node_get_url(node))) to_unwrap.push_back(node);
          break;
        default:
          break;
      }
    }
  }
  // In document order, so a link is unwrapped before an image inside it; unwrapping moves
  // the children out first, so the pointers that follow stay valid.
  for (cmark_node* node : to_unwrap) unwrap(node);
}

// Adds rel="nofollow noopener" to links to absolute URLs. In safe mode every "<a href=\"" in
// cmark's output opens a link node: text, code and attributes have their "<" escaped, and
// raw HTML is omitted.
std::string add_rel_to_external_links(std::string_view html) {
  constexpr std::string_view kOpen = "<a href=\"";
  constexpr std::string_view kRel = " rel=\"nofollow noopener\"";
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  std::size_t done = 0;
  for (auto at = html.find(kOpen); at != std::string_view::npos; at = html.find(kOpen, done)) {
    const std::size_t url_start = at + kOpen.size();
    const std::size_t url_end = html.find('"', url_start);
    if (url_end == std::string_view::npos) break;
    out.append(html.substr(done, url_end + 1 - done));
    const std::string_view url = html.substr(url_start, url_end - url_start);
    if (core::ascii_istarts_with(url, "http://") || core::ascii_istarts_with(url, "https://") ||
        url.starts_with("//")) {
      out.append(kRel);
    }
    done = url_end + 1;
  }
  out.append(html.substr(done));
  return out;
}

// Collects text, putting at most one separator between two pieces: the strongest asked for.
class TextBuilder {
 public:
  enum Separator { kNone, kSpace, kLine, kBlock };

  void separate(Separator separator) { pending_ = std::max(pending_, separator); }

  void append(std::string_view piece) {
    if (piece.empty()) return;
    if (!text_.empty()) {
      static constexpr std::array<std::string_view, 4> kSeparators = {"", " ", "\n", "\n\n"};
      text_ += kSeparators[pending_];
    }
    pending_ = kNone;
    text_ += piece;
  }

  std::string take() { return std::move(text_); }

 private:
  std::string text_;
  Separator pending_ = kNone;
};

bool is_block(cmark_node* node) {
  return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

bool is_table_cell(cmark_node* node) {
  return std::string_view(cmark_node_get_type_string(node)) == "table_cell";
}

std::string_view literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal == nullptr ? std::string_view() : std::string_view(literal);
}

std::string text_of(cmark_node* root) {
  TextBuilder text;
  Iter iter(cmark_iter_new(root));
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        text.append(literal_of(node));
        break;
      case CMARK_NODE_SOFTBREAK:
        text.separate(TextBuilder::kSpace);
        break;
      case CMARK_NODE_LINEBREAK:
        text.separate(TextBuilder::kLine);
        break;
      case CMARK_NODE_CODE_BLOCK: {
        std::string_view code = literal_of(node);
        while (!code.empty() && (code.back() == '\n' || code.back() == '\r')) {
          code.remove_suffix(1);
        }
        text.separate(TextBuilder::kBlock);
        text.append(code);
        text.separate(TextBuilder::kBlock);
        break;
      }
      default:
        // Leaf blocks without text (raw HTML, thematic breaks) and the edges of containers.
        if (is_table_cell(node)) {
          if (event == CMARK_EVENT_EXIT) text.separate(TextBuilder::kSpace);
        } else if (is_block(node)) {
          text.separate(TextBuilder::kBlock);
        }
        break;
    }
  }
  return text.take();
}

// Marks that belong to the character before them: combining diacritics, Thai vowel and tone
// marks above and below (and SARA AM), zero-width joiners, variation selectors.
bool continues_previous(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x0E31 || cp == 0x0E33 ||
         (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E) ||
         (cp >= 0x200C && cp <= 0x200D) || (cp >= 0xFE00 && cp <= 0xFE0F);
}

// Thai vowels written before the consonant they follow in speech (เ แ โ ใ ไ).
bool is_thai_leading_vowel(char32_t cp) { return cp >= 0x0E40 && cp <= 0x0E44; }

std::string collapse_white_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char ch : text) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += ch;
    }
  }
  return out;
}

}  // namespace

std::string render_markdown(std::string_view markdown, int heading_offset) {
  Document doc = parse(markdown);
  prepare_for_html(doc.root.get(), heading_offset);
  const std::unique_ptr<char, CharsFree> html(cmark_render_html(
      doc.root.get(), kRenderOptions, cmark_parser_get_syntax_extensions(doc.parser.get())));
  return add_rel_to_external_links(html.get());
}

std::string markdown_to_text(std::string_view markdown) {
  const Document doc = parse(markdown);
  return text_of(doc.root.get());
}

std::string markdown_excerpt(std::string_view markdown, std::size_t max_chars) {
  const std::string text = collapse_white_space(markdown_to_text(markdown));
  // Byte offset of code point number `max_chars`, if the text is longer than that. The text
  // comes from cmark, which has validated its UTF-8.
  std::size_t end = core::character_offset(text, max_chars);
  if (end == text.size()) return text;

  while (end > 0) {
    const std::size_t previous = core::previous_character_start(text, end);
    if (!continues_previous(core::code_point_at(text, end)) &&
        !is_thai_leading_vowel(core::code_point_at(text, previous))) {
      break;
    }
    end = previous;
  }
  const std::size_t space = text.rfind(' ', end);
  if (space != std::string::npos &&
      2 * core::character_count(std::string_view(text).substr(0, space)) >= max_chars) {
    end = space;
  }
  while (end > 0 && text[end - 1] == ' ') --end;
  return text.substr(0, end) + "…";
}

}  // namespace ruamkit::web
