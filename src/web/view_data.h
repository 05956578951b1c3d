// The values a template renders: objects, lists, strings and booleans
// (kainjow::mustache data). Strings are HTML-escaped by {{name}} in templates.
#pragma once

#include <kainjow/mustache.hpp>

namespace ruamkit::web {

using ViewData = kainjow::mustache::data;
using ViewList = kainjow::mustache::list;

// kainjow treats an empty string as true in {{#section}}; use this for
// optional text so that "nothing" hides the section.
inline ViewData text_or_false(const std::string& text) {
  return text.empty() ? ViewData(false) : ViewData(text);
}

}  // namespace ruamkit::web
