#include "features/demo_pages.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "core/day.h"
#include "core/text.h"

namespace ruamkit::features {

DemoPage read_demo_page(std::string_view text, const std::string& name) {
  int line_number = 0;
  const auto fail = [&](const std::string& problem) -> std::runtime_error {
    return std::runtime_error(name + ": line " + std::to_string(line_number) + ": " + problem);
  };
  // The next line of `text` (without its "\n"), or nullopt at the end.
  std::size_t at = 0;
  const auto next_line = [&]() -> std::optional<std::string_view> {
    if (at >= text.size()) return std::nullopt;
    ++line_number;
    const auto end = text.find('\n', at);
    const auto line = text.substr(at, end == std::string_view::npos ? text.npos : end - at);
    at = end == std::string_view::npos ? text.size() : end + 1;
    return line;
  };

  const auto first = next_line();
  if (!first || *first != "---") {
    line_number = 1;
    throw fail("expected \"---\" (the start of the front matter)");
  }
  DemoPage page;
  struct Field {
    std::string_view key;
    std::string* value;
    bool required;
    bool seen = false;
  };
  Field fields[] = {{"title", &page.title, true},
                    {"kind", &page.kind, true},
                    {"published_on", &page.published_on, false},
                    {"source_section", &page.source_section, false}};
  for (;;) {
    const auto line = next_line();
    if (!line) throw fail("the front matter has no closing \"---\"");
    if (*line == "---") break;
    const auto colon = line->find(':');
    const auto rest =
        colon == std::string_view::npos ? std::string_view{} : line->substr(colon + 1);
    if (colon == std::string_view::npos || (!rest.empty() && rest.front() != ' ')) {
      throw fail("expected \"key: value\" or \"---\"");
    }
    const std::string key(line->substr(0, colon));
    const std::string value(core::trim_blanks(rest));
    const auto field = std::find_if(std::begin(fields), std::end(fields),
                                    [&](const Field& f) { return f.key == key; });
    if (field == std::end(fields)) throw fail("unknown key \"" + key + "\"");
    if (field->seen) throw fail("\"" + key + "\" given twice");
    if (value.empty()) throw fail("\"" + key + "\" is empty");
    if (key == "kind" && value != "page" && value != "announcement") {
      throw fail("kind must be page or announcement, not \"" + value + "\"");
    }
    if (key == "published_on" && !core::parse_day(value)) {
      throw fail("published_on must be a day as YYYY-MM-DD, not \"" + value + "\"");
    }
    field->seen = true;
    *field->value = value;
  }
  for (const auto& field : fields) {
    if (field.required && !field.seen) {
      throw fail("the front matter has no " + std::string(field.key));
    }
  }

  std::string_view body = text.substr(at);
  body.remove_prefix(std::min(body.find_first_not_of('\n'), body.size()));
  const auto last = body.find_last_not_of(" \t\r\n");
  body = last == std::string_view::npos ? std::string_view{} : body.substr(0, last + 1);
  if (body.empty()) throw std::runtime_error(name + ": the page has no body");
  page.body = std::string(body);
  return page;
}

std::vector<DemoPage> read_demo_pages(const std::filesystem::path& share_dir) {
  const auto dir = share_dir / "demo" / "opdc-pages";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto& path = entry.path();
    if (path.extension() == ".md" && path.filename() != "README.md") files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  std::vector<DemoPage> out;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back(read_demo_page(text.str(), file.string()));
  }
  return out;
}

}  // namespace ruamkit::features
