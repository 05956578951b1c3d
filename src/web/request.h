// What every handler reads from a request and answers with: ids in paths
// and forms, trimmed form values, the signed-in check, redirects and the
// ?notice= a page was redirected with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"
#include "web/i18n.h"

namespace ruamkit::web {

// Parses a whole string as a positive id ("12"; not "12x", "-1" or "").
std::optional<std::int64_t> parse_id(std::string_view text);

// Parses path parameter `name` as a positive id; throws HttpError 404
// otherwise (a malformed id names nothing).
std::int64_t id_param(const http::Request& request, std::string_view name);

// Parses a query or form value as a positive id; throws HttpError 400
// otherwise.
std::int64_t id_value(std::string_view text);

// Returns the form value `name` without leading and trailing spaces and tabs
// ("" when absent).
std::string form_value(const http::Request& request, std::string_view name);

// Returns the signed-in visitor's user id; otherwise throws HttpError 303 to
// /login?return=<this page>.
std::int64_t require_signed_in(const http::Request& request);

// 303 to `location` carrying `cookies` (Set-Cookie values).
http::Response redirect(std::string location, const std::vector<std::string>& cookies = {});

// The text of the ?notice= code a page was redirected with, looked up as
// `<prefix><code>` ("workspace.notices.saved"); "" when there is none or the
// catalogue does not know it (codes are never shown as they came).
std::string notice(const Catalogue& t, const http::Request& request, std::string_view prefix);

}  // namespace ruamkit::web
