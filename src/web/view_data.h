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

// A list for a template section that shows once around its items: false when
// `items` is empty, else {items: [...]}. ({{#list}} over a bare list would
// repeat the whole section once per item.)
inline ViewData optional_items(const ViewList& items) {
  if (items.empty()) return ViewData(false);
  ViewData wrapper;
  wrapper.set("items", items);
  return wrapper;
}

}  // namespace ruamkit::web
