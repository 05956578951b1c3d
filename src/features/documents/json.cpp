#include "features/documents/json.h"

namespace ruamkit::features::documents {

boost::json::array to_json(storage::Connection& c, const Owner& owner) {
  boost::json::array out;
  for (const auto& d : of(c, owner)) {
    boost::json::object item;
    item["id"] = d.id;
    item["title"] = d.title;
    item["file_name"] = d.file_name;
    item["content_type"] = d.content_type;
    item["byte_size"] = d.byte_size;
    item["sha256"] = d.sha256;
    item["url"] = d.url();
    item["created_at"] = d.created_at;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace ruamkit::features::documents
