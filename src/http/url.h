// Request-target and form decoding (Boost.URL). Every decoded value is
// checked to be valid UTF-8 so nothing downstream sees broken text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace ruamkit::http {

struct Target {
  std::string path;
  Params query;
};

// Parses an origin-form request target ("/a/b?x=1"). Returns nullopt when the
// target is malformed or any decoded part is not valid UTF-8 or holds control
// characters.
std::optional<Target> parse_target(std::string_view target);

// Parses an application/x-www-form-urlencoded body ('+' means space). Returns
// nullopt when malformed or not valid UTF-8.
std::optional<Params> parse_form(std::string_view body);

// Percent-encodes `text` for use as a query value.
std::string encode_query_value(std::string_view text);

// Percent-encodes `text` for use as one path segment, or as an RFC 5987
// value (filename*=UTF-8''…): only unreserved characters stay as they are.
inline std::string encode_path_segment(std::string_view text) { return encode_query_value(text); }

// Returns `candidate` when it is a safe local path to redirect to ("/..." but
// not "//..." nor containing a backslash or control characters), else "/".
std::string safe_local_redirect(std::string_view candidate);

}  // namespace ruamkit::http
