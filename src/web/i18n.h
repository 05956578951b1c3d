// Message catalogues: locales/<code>.json, nested objects with string leaves,
// merged with the fragments components bring in their own folders
// (src/features/<component>/locales/<code>.json).
// Plain strings are given to templates whole (as `t`); messages with
// arguments use ICU MessageFormat syntax ("{count, plural, one {# level}
// other {# levels}}") and are formatted here with the locale's plural rules.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "web/view_data.h"

namespace ruamkit::web {

using MessageArg = std::variant<std::int64_t, double, std::string>;

class Catalogue {
 public:
  // Loads `file`. Throws std::runtime_error when it is missing or not a JSON
  // object of objects and strings.
  Catalogue(std::string locale, const std::filesystem::path& file);
  // Loads and merges `files` (nested objects merge key by key). Throws
  // std::runtime_error as above, and when two files define the same message:
  // a fragment must not silently replace another's wording.
  Catalogue(std::string locale, const std::vector<std::filesystem::path>& files);

  const std::string& locale() const { return locale_; }

  // Returns the plain message `key` ("home.title"), or the key itself when the
  // catalogue lacks it, so a missing message is visible but never fatal.
  std::string text(const std::string& key) const;
  bool has(const std::string& key) const { return flat_.contains(key); }

  // Formats message `key` with named arguments. Returns the key when the
  // message is missing or malformed.
  std::string format(const std::string& key,
                     std::initializer_list<std::pair<std::string_view, MessageArg>> args) const;
  // The same with arguments known only at run time.
  std::string format(const std::string& key,
                     const std::vector<std::pair<std::string_view, MessageArg>>& args) const;

  // Template globals for this locale: {"t": view()}, built once so pages do
  // not copy the catalogue on every request.
  const ViewData& globals() const { return globals_; }

  // Every key (for checking that catalogues agree).
  std::vector<std::string> keys() const;

 private:
  std::string locale_;
  std::unordered_map<std::string, std::string> flat_;
  ViewData view_;
  ViewData globals_;
};

class Catalogues {
 public:
  // Loads <dir>/<code>.json for every supported locale.
  explicit Catalogues(const std::filesystem::path& dir);
  // Loads, for every supported locale, <dirs[0]>/<code>.json merged with
  // <dir>/<code>.json of each further directory that has one.
  explicit Catalogues(const std::vector<std::filesystem::path>& dirs);
  // Returns the catalogue of `locale`, or the default locale's.
  const Catalogue& get(std::string_view locale) const;

 private:
  std::map<std::string, std::unique_ptr<Catalogue>, std::less<>> by_locale_;
};

}  // namespace ruamkit::web
