#include "support/catalogue.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "support/temp_dir.h"
#include "web/escape.h"

namespace ruamkit::testing {
namespace {

std::unique_ptr<web::Catalogue> load(const std::string& locale) {
  namespace fs = std::filesystem;
  const auto root = share_dir();
  std::vector<fs::path> files{root / "locales" / (locale + ".json")};
  std::vector<fs::path> fragments;
  const auto features = root / "src" / "features";
  if (fs::is_directory(features)) {
    for (const auto& entry : fs::directory_iterator(features)) {
      auto file = entry.path() / "locales" / (locale + ".json");
      if (fs::is_regular_file(file)) fragments.push_back(std::move(file));
    }
  }
  std::sort(fragments.begin(), fragments.end());
  files.insert(files.end(), fragments.begin(), fragments.end());
  return std::make_unique<web::Catalogue>(locale, files);
}

const web::Catalogue& checked(std::string_view key, std::string_view locale) {
  const auto& c = catalogue(locale);
  if (!c.has(std::string(key))) {
    throw std::out_of_range("no message " + std::string(key) + " in the " + std::string(locale) +
                            " catalogue");
  }
  return c;
}

}  // namespace

const web::Catalogue& catalogue(std::string_view locale) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<web::Catalogue>, std::less<>> by_locale;
  const std::lock_guard lock(mutex);
  auto it = by_locale.find(locale);
  if (it == by_locale.end()) {
    const std::string code(locale);
    it = by_locale.emplace(code, load(code)).first;
  }
  return *it->second;
}

std::string ui(std::string_view key, std::string_view locale) {
  return checked(key, locale).text(std::string(key));
}

std::string ui_format(std::string_view key, UiArgs args, std::string_view locale) {
  const std::string name(key);
  auto out = checked(key, locale).format(name, args);
  if (out == name) {
    throw std::runtime_error("message " + name + " could not be formatted with these arguments");
  }
  return out;
}

std::string ui_before(std::string_view key, std::string_view arg, UiArgs args,
                      std::string_view locale) {
  // A marker no message contains, in place of `arg`. Arguments after it may
  // be left out of `args`; ICU writes a missing one as "{name}", so one
  // before it shows as a '{' in the result.
  static constexpr std::string_view kMarker = "\x01\x02";
  const std::string name(key);
  const auto& c = checked(key, locale);
  std::vector<std::pair<std::string_view, web::MessageArg>> all(args.begin(), args.end());
  all.emplace_back(arg, std::string(kMarker));
  const auto out = c.format(name, all);
  const auto at = out.find(kMarker);
  if (out == name || at == std::string::npos) {
    throw std::runtime_error("message " + name + " has no argument " + std::string(arg));
  }
  auto head = out.substr(0, at);
  if (head.find('{') != std::string::npos) {
    throw std::runtime_error("message " + name + ": an argument before " + std::string(arg) +
                             " is missing");
  }
  return head;
}

std::string mustache_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (const char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string ui_html(std::string_view key, std::string_view locale) {
  return mustache_escape(ui(key, locale));
}

std::string ui_html_format(std::string_view key, UiArgs args, std::string_view locale) {
  return mustache_escape(ui_format(key, args, locale));
}

std::string ui_html_before(std::string_view key, std::string_view arg, UiArgs args,
                           std::string_view locale) {
  return mustache_escape(ui_before(key, arg, args, locale));
}

std::string ui_xml(std::string_view key, std::string_view locale) {
  return web::escape_markup(ui(key, locale));
}

std::string ui_xml_format(std::string_view key, UiArgs args, std::string_view locale) {
  return web::escape_markup(ui_format(key, args, locale));
}

std::string regex_escape(std::string_view text) {
  static constexpr std::string_view kSpecial = "\\^$.|?*+()[]{}/";
  std::string out;
  out.reserve(text.size() + 8);
  for (const char ch : text) {
    if (kSpecial.find(ch) != std::string_view::npos) out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace ruamkit::testing
