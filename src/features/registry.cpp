#include "features/registry.h"

#include <boost/json/parse.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ruamkit::features {

// Every component, one line each, in the order they are installed (their
// demo data loads in this order too).
#define RUAMKIT_COMPONENTS(X) \
  X(health)                   \
  X(language)                 \
  X(home)                     \
  X(organisations)            \
  X(audit)                    \
  X(directory)                \
  X(open_data)                \
  X(documents)                \
  X(notifications)            \
  X(spaces)                   \
  X(pages)                    \
  X(feeds)                    \
  X(workspace)                \
  X(comments)                 \
  X(hearings)                 \
  X(surveys)                  \
  X(feedback)                 \
  X(accounts)                 \
  X(admin)                    \
  X(dev_outbox)

#define RUAMKIT_DECLARE_COMPONENT(name) \
  namespace name {                      \
  Component component();                \
  }
RUAMKIT_COMPONENTS(RUAMKIT_DECLARE_COMPONENT)
#undef RUAMKIT_DECLARE_COMPONENT

const Registry& registry() {
#define RUAMKIT_LIST_COMPONENT(name) name::component(),
  static const Registry all({RUAMKIT_COMPONENTS(RUAMKIT_LIST_COMPONENT)});
#undef RUAMKIT_LIST_COMPONENT
  return all;
}

namespace {

namespace json = boost::json;

json::object read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto value = json::parse(text.str(), ec);
  if (ec || !value.is_object()) throw std::runtime_error("not a JSON object: " + file.string());
  return std::move(value.as_object());
}

// Adds every member of `from` to `into`; a member in both is an error.
void add_members(json::object& into, const json::object& from, const std::string& what,
                 const std::filesystem::path& file) {
  for (const auto& [key, value] : from) {
    if (into.contains(key)) {
      throw std::runtime_error(what + " " + std::string(key) + " is defined twice (again in " +
                               file.string() + ")");
    }
    into[key] = value;
  }
}

json::object& member_object(json::object& parent, std::string_view key) {
  auto& value = parent[key];
  if (!value.is_object()) value = json::object();
  return value.as_object();
}

void check_manifest(const Component& c, std::set<std::string>& names,
                    std::set<std::string>& options) {
  const auto fail = [&](const std::string& what) {
    throw std::logic_error("component " + c.name + ": " + what);
  };
  if (c.name.empty() ||
      c.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
    fail("the name must be its folder name (a-z and _)");
  if (!names.insert(c.name).second) fail("registered twice");
  for (const auto& s : c.settings) {
    if (!options.insert(s.option).second) fail("setting --" + s.option + " is declared twice");
  }
  for (const auto& p : c.personal_data) {
    if (p.section.empty() || p.covers.empty()) fail("personal data needs a section and columns");
    if ((!p.export_data || !p.erase) && p.kept_because.empty()) {
      fail("personal data " + p.section + " is not both exported and erased: say why");
    }
  }
  for (const auto& n : c.not_personal) {
    if (n.because.empty()) fail(n.column + " is declared not personal without a reason");
  }
}

}  // namespace

Registry::Registry(std::vector<Component> components) : components_(std::move(components)) {
  std::set<std::string> names, options;
  for (const auto& c : components_) check_manifest(c, names, options);
}

const Component* Registry::find(std::string_view name) const {
  for (const auto& c : components_) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::vector<std::string> Registry::search_kinds() const {
  std::vector<std::string> out;
  for (const auto& c : components_)
    out.insert(out.end(), c.search_kinds.begin(), c.search_kinds.end());
  return out;
}

std::vector<std::string> Registry::upload_paths() const {
  std::vector<std::string> out;
  for (const auto& c : components_)
    out.insert(out.end(), c.upload_paths.begin(), c.upload_paths.end());
  return out;
}

std::vector<std::string> Registry::csrf_exempt_paths() const {
  std::vector<std::string> out;
  for (const auto& c : components_) {
    out.insert(out.end(), c.csrf_exempt_paths.begin(), c.csrf_exempt_paths.end());
  }
  return out;
}

std::vector<storage::ComponentMigration> Registry::migrations() const {
  std::vector<storage::ComponentMigration> out;
  for (const auto& m : storage::embedded_component_migrations()) {
    if (find(m.component)) out.push_back(m);
  }
  return out;
}

int Registry::migrate(storage::Database& database) const {
  return storage::migrate(database, storage::embedded_migrations(), migrations());
}

int Registry::pending_migrations(storage::Connection& connection) const {
  return storage::pending_migrations(connection, storage::embedded_migrations(), migrations());
}

std::vector<std::filesystem::path> Registry::component_dirs(const std::filesystem::path& share_dir,
                                                            const std::string& shared,
                                                            const std::string& own) const {
  std::vector<std::filesystem::path> out{share_dir / shared};
  for (const auto& c : components_) {
    auto dir = share_dir / "src" / "features" / c.name / own;
    if (std::filesystem::is_directory(dir)) out.push_back(std::move(dir));
  }
  return out;
}

std::vector<std::filesystem::path> Registry::locale_dirs(
    const std::filesystem::path& share_dir) const {
  return component_dirs(share_dir, "locales", "locales");
}

std::vector<std::filesystem::path> Registry::template_dirs(
    const std::filesystem::path& share_dir) const {
  return component_dirs(share_dir, "templates", "templates");
}

json::object Registry::openapi(const std::filesystem::path& share_dir) const {
  auto document = read_json(share_dir / "api" / "openapi.json");
  for (const auto& c : components_) {
    const auto file = share_dir / "src" / "features" / c.name / "openapi.json";
    if (!std::filesystem::exists(file)) continue;
    const auto fragment = read_json(file);
    for (const auto& [key, value] : fragment) {
      if (key == "paths" && value.is_object()) {
        add_members(member_object(document, "paths"), value.as_object(), "path", file);
      } else if (key == "components" && value.is_object()) {
        auto& into = member_object(document, "components");
        for (const auto& [kind, members] : value.as_object()) {
          if (!members.is_object())
            throw std::runtime_error("malformed components in " + file.string());
          add_members(member_object(into, kind), members.as_object(), std::string(kind), file);
        }
      } else {
        throw std::runtime_error("an OpenAPI fragment may hold only paths and components: " +
                                 file.string());
      }
    }
  }
  return document;
}

std::vector<Evidence> Registry::evidence(storage::Connection& c, std::int64_t organisation_id,
                                         const std::string& slug,
                                         const FiscalPeriod& period) const {
  std::vector<Evidence> out;
  for (const auto& component : components_) {
    for (const auto& source : component.evidence) {
      Evidence e;
      e.component = component.name;
      e.kind = source.kind;
      e.level = source.level;
      e.count = source.count(c, organisation_id, period);
      e.url = source.url ? source.url(slug, period.year_be) : "";
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace ruamkit::features
