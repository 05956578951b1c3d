// Serves the files under a static directory from memory, with content-hash
// fingerprints: "/static/css/app.css" is also reachable as
// "/static/css/app.<hash>.css", which is cached for a year (immutable).
// Only files found at start-up are served, so no request path can reach
// anything outside the directory.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/message.h"

namespace ruamkit::http {

class StaticFiles {
 public:
  // Loads every regular file under `root` (hidden files skipped). `mount` is
  // the URL prefix, e.g. "/static/". Throws std::runtime_error when `root`
  // cannot be read.
  StaticFiles(const std::filesystem::path& root, std::string mount);

  // Returns the fingerprinted URL of `logical_path` (e.g. "css/app.css"), or
  // the plain URL when the file is unknown.
  std::string url_for(std::string_view logical_path) const;

  // Returns a response when `request` targets the mount (200, 304 or 404),
  // nullopt when the path is outside the mount.
  std::optional<Response> serve(const Request& request) const;

  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
    std::string last_modified;
    std::string fingerprinted;  // logical path with the hash before the extension
  };
  Response respond(const Request& request, const File& file, bool immutable) const;

  std::string mount_;
  std::unordered_map<std::string, File> files_;                 // by logical path
  std::unordered_map<std::string, std::string> fingerprinted_;  // fingerprinted → logical
};

// Formats a time as an IMF-fixdate (RFC 9110), e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(std::time_t t);

}  // namespace ruamkit::http
