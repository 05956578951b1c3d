// The server's message catalogues, for tests that look for UI wording: they
// ask for a message by key ("feedback.report.heading") instead of pinning
// its Thai or English text, so a wording change in locales/ does not break
// them while a missing or wrong message still does.
//
// The catalogue of a locale is locales/<l>.json merged with every
// src/features/*/locales/<l>.json, as the server loads it. Each is built once
// per test process.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "web/i18n.h"

namespace ruamkit::testing {

using UiArgs = std::initializer_list<std::pair<std::string_view, web::MessageArg>>;

// The merged catalogue of `locale` ("th" or "en").
const web::Catalogue& catalogue(std::string_view locale = "th");

// The plain message `key`, as templates show it (no MessageFormat
// processing). Throws std::out_of_range when the catalogue lacks `key`, so a
// typo fails the test instead of searching for the key itself.
std::string ui(std::string_view key, std::string_view locale = "th");

// Message `key` formatted with `args` (ICU MessageFormat, the locale's plural
// rules), as the server formats it. Pass arguments of the type the server
// passes (a number as std::int64_t is formatted with digit grouping, a
// std::string is not). Throws std::out_of_range for an unknown key.
std::string ui_format(std::string_view key, UiArgs args, std::string_view locale = "th");

// The start of message `key` formatted with `args`, up to where argument
// `arg` would go: for assertions on a message whose later arguments the test
// does not know ("{name} replied to “{title}”" with the name only).
std::string ui_before(std::string_view key, std::string_view arg, UiArgs args = {},
                      std::string_view locale = "th");

// The text of a message as it appears in a rendered page: escaped the way
// the Mustache templates escape {{...}} (& < > " ').
std::string ui_html(std::string_view key, std::string_view locale = "th");
std::string ui_html_format(std::string_view key, UiArgs args, std::string_view locale = "th");
std::string ui_html_before(std::string_view key, std::string_view arg, UiArgs args = {},
                           std::string_view locale = "th");

// Mustache's escaping of `text` ({{...}} in templates): & < > " ' become
// &amp; &lt; &gt; &quot; &apos;.
std::string mustache_escape(std::string_view text);

// The text of a message as it appears in XML the server builds itself (feeds,
// sitemaps: web::escape_markup, where ' becomes &#39;).
std::string ui_xml(std::string_view key, std::string_view locale = "th");
std::string ui_xml_format(std::string_view key, UiArgs args, std::string_view locale = "th");

// `text` with the characters special in a std::regex (ECMAScript) escaped,
// for a message inside a larger pattern.
std::string regex_escape(std::string_view text);

}  // namespace ruamkit::testing
