// Documents as open data (inside the JSON of the object they belong to).
#pragma once

#include <boost/json/value.hpp>

#include "features/documents/documents.h"

namespace ruamkit::features::documents {

// [{id, title, file_name, content_type, byte_size, sha256, url, created_at}]
boost::json::array to_json(storage::Connection& c, const Owner& owner);

}  // namespace ruamkit::features::documents
