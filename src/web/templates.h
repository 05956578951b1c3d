// HTML templates (Mustache) loaded from directories at start-up: the shared
// templates/ and each component's templates/ folder. Names are paths without
// the extension, relative to their directory: templates/form.mustache is
// "form", src/features/home/templates/home/index.mustache is "home/index".
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "web/view_data.h"

namespace ruamkit::web {

class TemplateStore {
 public:
  // Loads and checks every *.mustache file under `dir`. Throws
  // std::runtime_error naming the file when one does not parse.
  explicit TemplateStore(const std::filesystem::path& dir);
  // Loads every *.mustache file under each of `dirs` (the first must exist,
  // the others may not). Throws as above, and when two files have the same
  // name.
  explicit TemplateStore(const std::vector<std::filesystem::path>& dirs);

  // Renders template `name` with `data`; names not in `data` are looked up in
  // `globals`. `{{> other/name}}` includes another template. Throws
  // std::runtime_error for an unknown template.
  std::string render(std::string_view name, const ViewData& data, const ViewData& globals) const;
  // The same with a middle layer searched after `data` and before `globals`
  // (per-request values such as the CSRF token).
  std::string render(std::string_view name, const ViewData& data, const ViewData& request,
                     const ViewData& globals) const;

  bool contains(std::string_view name) const { return sources_.contains(std::string(name)); }

 private:
  void load(const std::filesystem::path& dir);

  std::unordered_map<std::string, std::string> sources_;
  std::unordered_map<std::string, ViewData> partials_;
  unsigned generation_;  // tells per-thread caches apart when several stores exist
};

}  // namespace ruamkit::web
