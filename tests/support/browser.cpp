#include "support/browser.h"

#include <regex>

#include "core/random.h"
#include "http/url.h"

namespace ruamkit::testing {

std::string url_encode(const FormFields& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += http::encode_query_value(k) + "=" + http::encode_query_value(v);
  }
  return out;
}

namespace {

// A name in a Content-Disposition parameter: '"', CR and LF percent-encoded.
std::string disposition_name(const std::string& name) {
  std::string out;
  for (char ch : name) {
    if (ch == '"') {
      out += "%22";
    } else if (ch == '\r') {
      out += "%0D";
    } else if (ch == '\n') {
      out += "%0A";
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace

std::string multipart_body(const std::string& boundary, const FormFields& fields,
                           const std::vector<UploadFile>& files) {
  std::string out;
  for (const auto& [name, value] : fields) {
    out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" +
           disposition_name(name) + "\"\r\n\r\n" + value + "\r\n";
  }
  for (const auto& f : files) {
    out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" +
           disposition_name(f.field) + "\"; filename=\"" + disposition_name(f.file_name) +
           "\"\r\nContent-Type: " + f.content_type + "\r\n\r\n";
    out += f.content;
    out += "\r\n";
  }
  out += "--" + boundary + "--\r\n";
  return out;
}

std::string find(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (std::regex_search(text, m, std::regex(pattern)) && m.size() > 1) return m[1];
  return "";
}

std::string Browser::cookie(const std::string& name) const {
  const auto it = cookies_.find(name);
  return it == cookies_.end() ? "" : it->second;
}

void Browser::remember(const HttpResponse& response) {
  for (const auto& [name, value] : response.headers) {
    if (name != "set-cookie") continue;
    const auto eq = value.find('=');
    const auto semi = value.find(';');
    const auto cookie_name = value.substr(0, eq);
    const auto cookie_value =
        value.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (value.find("Max-Age=0") != std::string::npos || cookie_value.empty()) {
      cookies_.erase(cookie_name);
    } else {
      cookies_[cookie_name] = cookie_value;
    }
  }
  const auto token = find(response.body, R"re(name="csrf_token" value="([0-9a-f]+)")re");
  if (!token.empty()) csrf_ = token;
}

HttpResponse Browser::send(const std::string& method, const std::string& target,
                           const std::string& body, const std::string& content_type) {
  std::vector<std::pair<std::string, std::string>> headers;
  std::string cookie_header;
  for (const auto& [k, v] : cookies_)
    cookie_header += (cookie_header.empty() ? "" : "; ") + k + "=" + v;
  if (!cookie_header.empty()) headers.emplace_back("Cookie", cookie_header);
  if (method == "POST") headers.emplace_back("Content-Type", content_type);
  for (const auto& [name, value] : headers_) headers.emplace_back(name, value);
  auto response = http_request(port_, method, target, headers, body);
  remember(response);
  return response;
}

HttpResponse Browser::get(const std::string& target) { return send("GET", target, ""); }

HttpResponse Browser::post(const std::string& target, FormFields fields) {
  bool has_token = false;
  for (const auto& [k, v] : fields) has_token = has_token || k == "csrf_token";
  if (!has_token) fields.emplace_back("csrf_token", csrf_);
  return send("POST", target, url_encode(fields));
}

HttpResponse Browser::post_multipart(const std::string& target, FormFields fields,
                                     const std::vector<UploadFile>& files) {
  bool has_token = false;
  for (const auto& [k, v] : fields) has_token = has_token || k == "csrf_token";
  if (!has_token) fields.emplace_back("csrf_token", csrf_);
  // A boundary that occurs nowhere in the content.
  std::string boundary;
  for (bool clash = true; clash;) {
    boundary = "----RuamkitTestBoundary" + core::random_hex(12);
    clash = false;
    for (const auto& [k, v] : fields) clash = clash || v.find(boundary) != std::string::npos;
    for (const auto& f : files) clash = clash || f.content.find(boundary) != std::string::npos;
  }
  return send("POST", target, multipart_body(boundary, fields, files),
              "multipart/form-data; boundary=" + boundary);
}

HttpResponse Browser::submit(const std::string& page, const std::string& action,
                             FormFields fields) {
  get(page);
  return post(action, std::move(fields));
}

}  // namespace ruamkit::testing
