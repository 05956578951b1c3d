// The values a template renders: objects, lists, strings and booleans
// (kainjow::mustache data). Strings are HTML-escaped by {{name}} in templates.
#pragma once

#include <kainjow/mustache.hpp>

namespace ruamkit::web {

using ViewData = kainjow::mustache::data;
using ViewList = kainjow::mustache::list;
using ViewObject = kainjow::mustache::object;

}  // namespace ruamkit::web
