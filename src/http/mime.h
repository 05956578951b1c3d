// Content types of the files Ruamkit serves itself.
#pragma once

#include <string_view>

namespace ruamkit::http {

// Returns the Content-Type for a file name by its extension, or
// "application/octet-stream" when unknown (never a type a browser renders).
std::string_view mime_type_for(std::string_view file_name);

}  // namespace ruamkit::http
