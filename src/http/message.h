// Request and response as the application sees them: plain values, free of
// Beast, so handlers and their tests compile fast and stay transport-neutral.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ruamkit::http {

// Ordered, case-insensitive header list. Small (a dozen entries), so a vector
// beats a map.
class Headers {
 public:
  // Returns the first value of `name`, or nullopt.
  std::optional<std::string_view> get(std::string_view name) const;
  // Replaces every value of `name` with `value`.
  void set(std::string_view name, std::string value);
  // Adds another value of `name` (e.g. Set-Cookie).
  void add(std::string_view name, std::string value);
  bool contains(std::string_view name) const { return get(name).has_value(); }
  const std::vector<std::pair<std::string, std::string>>& all() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

using Params = std::vector<std::pair<std::string, std::string>>;

// Returns the first value named `name` in `params`, or nullopt.
std::optional<std::string_view> find_param(const Params& params, std::string_view name);
// Returns every value named `name` in `params`, in order (checkbox groups).
std::vector<std::string> find_params(const Params& params, std::string_view name);

// A file sent in a multipart/form-data request (see multipart.h).
struct FilePart {
  std::string field;          // the form field name
  std::string file_name;      // the filename= parameter without path components
                              // ("C:\x\a.pdf" -> "a.pdf"); may be empty
  std::string declared_type;  // the part's Content-Type as sent; never trust it
  std::string content;        // the bytes, exactly as sent
};

// Who is making a request, as the session middleware found out.
struct Visitor {
  std::int64_t user_id = 0;  // 0: not signed in (or the second factor is still due)
  std::string display_name;
  bool platform_admin = false;
  bool publishes = false;  // an official or admin of some organisation (the workspace)
  std::int64_t unread_notifications = 0;
  // A session whose password step passed but whose second factor is still
  // due ("pending") or must first be set up ("enrol"); user_id stays 0.
  std::int64_t partial_user_id = 0;
  std::string second_factor;
  std::string session_digest;  // digest of the valid session cookie, or empty
  std::string csrf_token;      // to embed in forms of this response

  bool signed_in() const { return user_id != 0; }
};

struct Request {
  std::string method;  // upper case, as sent
  std::string target;  // raw request target
  std::string path;    // percent-decoded, valid UTF-8
  Params query;        // decoded, valid UTF-8
  Headers headers;
  std::string body;
  std::string remote_address;
  std::string request_id;

  // Filled in by the router and middleware.
  Params path_params;
  std::string locale;
  Visitor visitor;

  std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
  std::optional<std::string_view> query_param(std::string_view name) const {
    return find_param(query, name);
  }
  std::string_view path_param(std::string_view name) const;

  // Returns the text fields of an application/x-www-form-urlencoded or
  // multipart/form-data body. Throws HttpError 415 for another content type
  // and 400 for malformed input or invalid UTF-8.
  const Params& form() const;
  // Returns the files of a multipart/form-data body (none for other bodies).
  // Throws like form().
  const std::vector<FilePart>& files() const;

 private:
  mutable std::optional<Params> form_;
  mutable std::vector<FilePart> files_;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  static Response html(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);
  // 303 See Other to a local path.
  static Response see_other(std::string location);
};

}  // namespace ruamkit::http
