// Every component of Ruamkit, and what central code asks of all of them.
// A new component kind is one folder under features/ (with its manifest,
// component.cpp) and one line in registry.cpp.
#pragma once

#include <boost/json/object.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "features/component.h"
#include "storage/migrations.h"

namespace ruamkit::features {

class Registry {
 public:
  // Checks the manifests: names unique and folder-like, settings unique
  // across components, personal data sections complete. Throws
  // std::logic_error naming the component otherwise.
  explicit Registry(std::vector<Component> components);

  const std::vector<Component>& components() const { return components_; }
  // The component named `name`, or nullptr.
  const Component* find(std::string_view name) const;

  // Every search kind, in registration order.
  std::vector<std::string> search_kinds() const;
  std::vector<std::string> upload_paths() const;
  std::vector<std::string> csrf_exempt_paths() const;

  // The component migrations of the registered components (in global order).
  std::vector<storage::ComponentMigration> migrations() const;
  // Applies the base schema and every component migration. Returns the
  // number applied (see storage::migrate).
  int migrate(storage::Database& database) const;
  // How many migrations the database still lacks (0: current).
  int pending_migrations(storage::Connection& connection) const;

  // The message catalogue directories: <share>/locales first, then each
  // component's locales/ folder that exists.
  std::vector<std::filesystem::path> locale_dirs(const std::filesystem::path& share_dir) const;

  // The template directories: <share>/templates first, then each component's
  // templates/ folder that exists.
  std::vector<std::filesystem::path> template_dirs(const std::filesystem::path& share_dir) const;

  // The OpenAPI document: <share>/api/openapi.json with each component's
  // openapi.json merged in (paths and components.schemas). Throws
  // std::runtime_error when a file is malformed or a path or schema is
  // defined twice.
  boost::json::object openapi(const std::filesystem::path& share_dir) const;

  // The participation evidence of organisation `organisation_id` (with
  // `slug`) in `period`, from every component, in registration order.
  std::vector<Evidence> evidence(storage::Connection& c, std::int64_t organisation_id,
                                 const std::string& slug, const FiscalPeriod& period) const;

 private:
  // <share>/<shared>, then src/features/<component>/<own> where it exists.
  std::vector<std::filesystem::path> component_dirs(const std::filesystem::path& share_dir,
                                                    const std::string& shared,
                                                    const std::string& own) const;

  std::vector<Component> components_;
};

// The registry of every component (built once).
const Registry& registry();

}  // namespace ruamkit::features
