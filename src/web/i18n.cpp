#include "web/i18n.h"

#include <unicode/msgfmt.h>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "web/locale.h"

namespace ruamkit::web {
namespace {

boost::json::object read_object(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("message catalogue not found: " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto json = boost::json::parse(text.str(), ec);
  if (ec || !json.is_object()) {
    throw std::runtime_error("message catalogue is not a JSON object: " + file.string());
  }
  return std::move(json.as_object());
}

// Adds `from` into `into`; a message defined in both is an error.
void merge(boost::json::object& into, const boost::json::object& from, const std::string& prefix,
           const std::filesystem::path& file) {
  for (const auto& [key, value] : from) {
    const std::string name = prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
    auto* existing = into.if_contains(key);
    if (!existing) {
      into[key] = value;
    } else if (existing->is_object() && value.is_object()) {
      merge(existing->as_object(), value.as_object(), name, file);
    } else {
      throw std::runtime_error("message " + name + " is defined twice (again in " + file.string() +
                               ")");
    }
  }
}

void flatten(const boost::json::object& obj, const std::string& prefix,
             std::unordered_map<std::string, std::string>& flat, ViewData& view) {
  for (const auto& [key, value] : obj) {
    const std::string name = prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
    if (value.is_string()) {
      std::string text(value.as_string());
      view.set(std::string(key), ViewData(text));
      flat.emplace(name, std::move(text));
    } else if (value.is_object()) {
      ViewData child{ViewData::type::object};
      flatten(value.as_object(), name, flat, child);
      view.set(std::string(key), child);
    } else {
      throw std::runtime_error("message " + name + " must be a string or an object");
    }
  }
}

icu::UnicodeString to_icu(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

}  // namespace

Catalogue::Catalogue(std::string locale, const std::filesystem::path& file)
    : Catalogue(std::move(locale), std::vector<std::filesystem::path>{file}) {}

Catalogue::Catalogue(std::string locale, const std::vector<std::filesystem::path>& files)
    : locale_(std::move(locale)) {
  boost::json::object all;
  for (const auto& file : files) merge(all, read_object(file), "", file);
  flatten(all, "", flat_, view_);
  globals_.set("t", view_);
}

std::string Catalogue::text(const std::string& key) const {
  const auto it = flat_.find(key);
  return it == flat_.end() ? key : it->second;
}

std::string Catalogue::format(
    const std::string& key,
    std::initializer_list<std::pair<std::string_view, MessageArg>> args) const {
  return format(key, std::vector<std::pair<std::string_view, MessageArg>>(args));
}

std::string Catalogue::format(
    const std::string& key,
    const std::vector<std::pair<std::string_view, MessageArg>>& args) const {
  const auto it = flat_.find(key);
  if (it == flat_.end()) return key;
  UErrorCode status = U_ZERO_ERROR;
  const icu::MessageFormat format(to_icu(it->second), icu::Locale(locale_.c_str()), status);
  if (U_FAILURE(status)) return key;
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args) {
    names.push_back(to_icu(name));
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
      values.emplace_back(static_cast<int64_t>(*i));
    } else if (const auto* d = std::get_if<double>(&value)) {
      values.emplace_back(*d);
    } else {
      values.emplace_back(to_icu(std::get<std::string>(value)));
    }
  }
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
  if (U_FAILURE(status)) return key;
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::vector<std::string> Catalogue::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : flat_) out.push_back(k);
  return out;
}

Catalogues::Catalogues(const std::filesystem::path& dir)
    : Catalogues(std::vector<std::filesystem::path>{dir}) {}

Catalogues::Catalogues(const std::vector<std::filesystem::path>& dirs) {
  for (const auto& code : supported_locales()) {
    std::vector<std::filesystem::path> files;
    for (std::size_t i = 0; i < dirs.size(); ++i) {
      auto file = dirs[i] / (code + ".json");
      if (i == 0 || std::filesystem::exists(file)) files.push_back(std::move(file));
    }
    by_locale_.emplace(code, std::make_unique<Catalogue>(code, files));
  }
}

const Catalogue& Catalogues::get(std::string_view locale) const {
  auto it = by_locale_.find(locale);
  if (it == by_locale_.end()) it = by_locale_.find(kDefaultLocale);
  return *it->second;
}

}  // namespace ruamkit::web
