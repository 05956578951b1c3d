// The demo's published pages (demo/opdc-pages/*.md): Markdown files, each with
// a small front matter block naming the page's kind, title and source.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ruamkit::features {

struct DemoPage {
  std::string kind;            // "page" or "announcement"
  std::string title;           // never empty
  std::string published_on;    // ISO date in the Common Era ("2010-08-27"), or ""
  std::string source_section;  // where the page sits on its site ("a / b / c"), or ""
  std::string body;            // Markdown, never empty
};

// Reads the text of one demo page file:
//
//   ---
//   title: ที่มา 2553
//   published_on: 2010-08-27
//   source_section: ยุทธศาสตร์ปี 2551-2555 / …
//   kind: page
//   ---
//
//   Markdown body…
//
// The first line is "---", then one "key: value" line per key, then a line
// "---"; lines end in "\n". Keys: title and kind (page or announcement) are
// required, published_on (YYYY-MM-DD, a real day) and source_section are
// optional; each at most once, in any order. A value is what follows the
// first ": ", without surrounding spaces, and is never empty (leave an
// optional key out instead). The body is the rest of the text without the
// line breaks at its start and the white space at its end, and must not be
// empty. Anything else (no opening or closing line, a line that is not
// "key: value", an unknown or repeated key, a missing or empty value, a bad
// date or kind) throws std::runtime_error whose message starts with `name`
// (the file's path).
DemoPage read_demo_page(std::string_view text, const std::string& name);

// Reads every page of <share_dir>/demo/opdc-pages/ (*.md but README.md), in
// the order of their file names. Throws std::runtime_error as above, or when
// a file cannot be read.
std::vector<DemoPage> read_demo_pages(const std::filesystem::path& share_dir);

}  // namespace ruamkit::features
