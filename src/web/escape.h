// Escaping text for HTML and XML (character data and quoted attributes).
#pragma once

#include <string>
#include <string_view>

namespace ruamkit::web {

// Returns `text` with & < > " ' replaced by entities; other bytes unchanged.
std::string escape_markup(std::string_view text);

}  // namespace ruamkit::web
