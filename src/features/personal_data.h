// The PDPA rights over every component's personal data: "download my data"
// and account deletion read the manifests (Component::personal_data), so a
// new component's data is included by declaring it, and a component that
// forgets is found by check_personal_data_coverage.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <initializer_list>
#include <string>
#include <vector>

#include "features/registry.h"

namespace ruamkit::features {

// Every section of every component for `person` (keyed by section).
boost::json::object export_personal_data(const Registry& registry, storage::Connection& c,
                                         const Person& person);

// Runs every component's erasure for `person`, in registration order.
void erase_personal_data(const Registry& registry, storage::Connection& c, const Person& person);

// Returns what is wrong with the manifests against the schema `c` holds, one
// line each (empty when all is well): every column that refers to users(id),
// and every column whose name says personal data (…user_id, email, phone, ip,
// user_agent, address…, contact_…), must be covered by a component's
// personal data or declared not personal; every declared column must exist.
std::vector<std::string> check_personal_data_coverage(const Registry& registry,
                                                      storage::Connection& c);

// The rows as an array of objects with `names` as keys (text or null), for
// export functions.
boost::json::array rows_as_json(storage::Rows rows, std::initializer_list<const char*> names);

// The first row of `rows` as an object (null when there is none).
boost::json::value row_as_json(storage::Rows rows, std::initializer_list<const char*> names);

}  // namespace ruamkit::features
