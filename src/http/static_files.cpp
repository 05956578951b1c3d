#include "http/static_files.h"

#include <sodium.h>

#include <array>
#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "http/mime.h"

namespace ruamkit::http {
namespace fs = std::filesystem;

std::string http_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

namespace {

std::string content_hash(const std::string& content) {
  std::array<unsigned char, 8> hash{};
  crypto_generichash(hash.data(), hash.size(),
                     reinterpret_cast<const unsigned char*>(content.data()), content.size(),
                     nullptr, 0);
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

std::string fingerprint(const std::string& logical, const std::string& hash) {
  const auto slash = logical.rfind('/');
  const auto dot = logical.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return logical + "." + hash;
  }
  return logical.substr(0, dot) + "." + hash + logical.substr(dot);
}

std::time_t to_time_t(fs::file_time_type t) {
  const auto sys = std::chrono::file_clock::to_sys(t);
  return std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(sys));
}

bool etag_matches(std::string_view header, std::string_view etag) {
  if (header == "*") return true;
  // A list of entity tags; weak comparison is right for GET (RFC 9110 13.1.2).
  return header.find(etag) != std::string_view::npos;
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& root, std::string mount) : mount_(std::move(mount)) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw std::runtime_error("static directory not found: " + root.string());
  }
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const auto name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    File file;
    file.content = buf.str();
    const auto logical = fs::relative(it->path(), root).generic_string();
    const auto hash = content_hash(file.content);
    file.content_type = std::string(mime_type_for(logical));
    file.etag = "\"" + hash + "\"";
    file.last_modified = http_date(to_time_t(it->last_write_time()));
    file.fingerprinted = fingerprint(logical, hash);
    fingerprinted_[file.fingerprinted] = logical;
    files_.emplace(logical, std::move(file));
  }
}

std::string StaticFiles::url_for(std::string_view logical_path) const {
  const auto it = files_.find(std::string(logical_path));
  if (it == files_.end()) return mount_ + std::string(logical_path);
  return mount_ + it->second.fingerprinted;
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  if (!request.path.starts_with(mount_)) return std::nullopt;
  const auto rest = request.path.substr(mount_.size());
  if (const auto fp = fingerprinted_.find(rest); fp != fingerprinted_.end()) {
    return respond(request, files_.at(fp->second), true);
  }
  if (const auto it = files_.find(rest); it != files_.end()) {
    return respond(request, it->second, false);
  }
  return std::nullopt;
}

Response StaticFiles::respond(const Request& request, const File& file, bool immutable) const {
  Response r;
  r.headers.set("ETag", file.etag);
  r.headers.set("Last-Modified", file.last_modified);
  r.headers.set("Cache-Control",
                immutable ? "public, max-age=31536000, immutable" : "public, no-cache");
  const auto inm = request.header("If-None-Match");
  const auto ims = request.header("If-Modified-Since");
  if ((inm && etag_matches(*inm, file.etag)) || (!inm && ims && *ims == file.last_modified)) {
    r.status = 304;
    return r;
  }
  r.headers.set("Content-Type", file.content_type);
  if (file.content_type.starts_with("image/svg")) {
    // An SVG can carry script; never let it run in our origin.
    r.headers.set("Content-Security-Policy",
                  "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  }
  r.body = file.content;
  return r;
}

}  // namespace ruamkit::http
