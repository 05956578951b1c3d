#include "web/templates.h"

#include <atomic>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace ruamkit::web {
namespace {

using Mustache = kainjow::mustache::mustache;

class Context : public kainjow::mustache::context<std::string> {
 public:
  Context(const ViewData& globals, const ViewData& request, const ViewData& data,
          const std::unordered_map<std::string, ViewData>& partials)
      : partials_(partials) {
    push(&globals);
    push(&request);
    push(&data);  // searched first
  }
  const ViewData* get_partial(const std::string& name) const override {
    const auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  const std::unordered_map<std::string, ViewData>& partials_;
};

std::atomic<unsigned> next_generation{1};

}  // namespace

TemplateStore::TemplateStore(const std::filesystem::path& dir)
    : TemplateStore(std::vector<std::filesystem::path>{dir}) {}

TemplateStore::TemplateStore(const std::vector<std::filesystem::path>& dirs)
    : generation_(next_generation++) {
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    if (i == 0 && !std::filesystem::is_directory(dirs[i])) {
      throw std::runtime_error("template directory not found: " + dirs[i].string());
    }
    if (std::filesystem::is_directory(dirs[i])) load(dirs[i]);
  }
}

void TemplateStore::load(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    auto name = fs::relative(entry.path(), dir).replace_extension().generic_string();
    Mustache check(text.str());
    if (!check.is_valid()) {
      throw std::runtime_error("template " + entry.path().string() + ": " + check.error_message());
    }
    if (sources_.contains(name)) {
      throw std::runtime_error("template " + name + " is defined twice (again in " +
                               entry.path().string() + ")");
    }
    auto source = text.str();
    partials_.emplace(name, ViewData(kainjow::mustache::partial([source] { return source; })));
    sources_.emplace(std::move(name), std::move(source));
  }
}

std::string TemplateStore::render(std::string_view name, const ViewData& data,
                                  const ViewData& globals) const {
  static const ViewData empty;
  return render(name, data, empty, globals);
}

std::string TemplateStore::render(std::string_view name, const ViewData& data,
                                  const ViewData& request, const ViewData& globals) const {
  // kainjow's render() is not const, so each thread keeps its own parsed copy.
  thread_local std::unordered_map<std::string, std::unique_ptr<Mustache>> parsed;
  thread_local unsigned parsed_generation = 0;
  if (parsed_generation != generation_) {
    parsed.clear();
    parsed_generation = generation_;
  }
  const std::string key(name);
  auto it = parsed.find(key);
  if (it == parsed.end()) {
    const auto source = sources_.find(key);
    if (source == sources_.end()) throw std::runtime_error("unknown template: " + key);
    it = parsed.emplace(key, std::make_unique<Mustache>(source->second)).first;
  }
  Context context(globals, request, data, partials_);
  return it->second->render(context);
}

}  // namespace ruamkit::web
