// A cookie-keeping client for integration tests that walks the site like a
// browser without JavaScript: GET pages, read the CSRF token out of forms,
// POST forms.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/http_client.h"

namespace ruamkit::testing {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// A file for a multipart/form-data POST, as a browser's file input sends it.
struct UploadFile {
  std::string field = "file";
  std::string file_name;
  std::string content_type = "application/octet-stream";  // what the client declares
  std::string content;
};

class Browser {
 public:
  explicit Browser(unsigned short port) : port_(port) {}

  HttpResponse get(const std::string& target);
  // POSTs `fields` urlencoded, adding the csrf_token of the last page seen
  // unless `fields` has one.
  HttpResponse post(const std::string& target, FormFields fields);
  // POSTs `fields` and `files` as multipart/form-data with a random boundary,
  // adding the csrf_token of the last page seen unless `fields` has one.
  HttpResponse post_multipart(const std::string& target, FormFields fields,
                              const std::vector<UploadFile>& files);
  // GETs `page` first (for its token), then posts.
  HttpResponse submit(const std::string& page, const std::string& action, FormFields fields);

  // The CSRF token in the last HTML page (empty when none).
  const std::string& csrf_token() const { return csrf_; }
  std::string cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  void clear_cookies() { cookies_.clear(); }
  // Sends `name: value` with every request from now on (e.g. X-Forwarded-For,
  // to come from another client address through a trusted proxy).
  void set_header(const std::string& name, const std::string& value) { headers_[name] = value; }

 private:
  HttpResponse send(const std::string& method, const std::string& target, const std::string& body,
                    const std::string& content_type = "application/x-www-form-urlencoded");
  void remember(const HttpResponse& response);

  unsigned short port_;
  std::map<std::string, std::string> cookies_;
  std::map<std::string, std::string> headers_;
  std::string csrf_;
};

std::string url_encode(const FormFields& fields);

// Returns a multipart/form-data body with `boundary` (RFC 7578): the text
// fields, then the files. Quotes and line breaks in names are sent
// percent-encoded, as browsers do.
std::string multipart_body(const std::string& boundary, const FormFields& fields,
                           const std::vector<UploadFile>& files);

// Returns the first match of group 1 of `pattern` in `text`, or "".
std::string find(const std::string& text, const std::string& pattern);

}  // namespace ruamkit::testing
