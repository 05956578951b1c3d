#include "features/personal_data.h"

#include <set>

#include "storage/schema.h"

namespace ruamkit::features {
namespace {

bool looks_personal(const std::string& column) {
  const auto ends_with = [&](std::string_view suffix) { return column.ends_with(suffix); };
  return ends_with("user_id") || ends_with("email") || ends_with("phone") || column == "ip" ||
         ends_with("_ip") || column == "user_agent" || column.starts_with("address") ||
         ends_with("_address") || column.starts_with("contact_");
}

}  // namespace

boost::json::object export_personal_data(const Registry& registry, storage::Connection& c,
                                         const Person& person) {
  boost::json::object out;
  for (const auto& component : registry.components()) {
    for (const auto& section : component.personal_data) {
      if (section.export_data) out[section.section] = section.export_data(c, person);
    }
  }
  return out;
}

void erase_personal_data(const Registry& registry, storage::Connection& c, const Person& person) {
  for (const auto& component : registry.components()) {
    for (const auto& section : component.personal_data) {
      if (section.erase) section.erase(c, person);
    }
  }
}

std::vector<std::string> check_personal_data_coverage(const Registry& registry,
                                                      storage::Connection& c) {
  std::set<std::string> declared, existing;
  std::vector<std::string> problems;
  for (const auto& component : registry.components()) {
    for (const auto& section : component.personal_data) {
      for (const auto& column : section.covers) declared.insert(column);
    }
    for (const auto& n : component.not_personal) declared.insert(n.column);
  }
  for (const auto& table : storage::tables(c)) {
    std::set<std::string> to_cover;
    for (const auto& column : storage::columns(c, table)) {
      existing.insert(table + "." + column);
      if (looks_personal(column)) to_cover.insert(column);
    }
    for (const auto& column : storage::columns_referencing(c, table, "users")) {
      to_cover.insert(column);
    }
    for (const auto& column : to_cover) {
      if (!declared.contains(table + "." + column)) {
        problems.push_back(table + "." + column +
                           " holds personal data but no component covers it (personal_data) or "
                           "says why it is not personal (not_personal)");
      }
    }
  }
  for (const auto& column : declared) {
    if (!existing.contains(column)) {
      problems.push_back(column + " is declared in a manifest but is not in the schema");
    }
  }
  return problems;
}

boost::json::array rows_as_json(storage::Rows rows, std::initializer_list<const char*> names) {
  boost::json::array out;
  while (rows.next()) {
    boost::json::object item;
    int i = 0;
    for (const char* name : names) {
      if (rows.is_null(i)) {
        item[name] = nullptr;
      } else {
        item[name] = rows.text(i);
      }
      ++i;
    }
    out.push_back(std::move(item));
  }
  return out;
}

boost::json::value row_as_json(storage::Rows rows, std::initializer_list<const char*> names) {
  auto all = rows_as_json(std::move(rows), names);
  if (all.empty()) return nullptr;
  return std::move(all.front());
}

}  // namespace ruamkit::features
