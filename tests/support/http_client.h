// A deliberately small HTTP/1.1 client over raw sockets, so tests can send
// exactly the bytes they want: malformed requests, slow requests, huge headers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ruamkit::testing {

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  std::optional<std::string> header(std::string_view name) const;
};

class HttpConnection {
 public:
  // Connects to 127.0.0.1:`port`. Throws std::runtime_error on failure.
  explicit HttpConnection(unsigned short port);
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  // Sends raw bytes. Returns false when the peer has closed.
  bool send(std::string_view bytes);
  // Reads one response (Content-Length framed, or to end of stream). Returns
  // nullopt when the connection closed before a status line arrived.
  // `head` means the response has no body whatever its Content-Length says.
  std::optional<HttpResponse> read_response(bool head = false, int timeout_ms = 10'000);
  // Returns true when the server closes the connection within `timeout_ms`.
  bool closed_by_peer(int timeout_ms);

 private:
  bool fill(int timeout_ms);  // reads more bytes into buffer_; false on EOF/timeout
  int fd_ = -1;
  std::string buffer_;
};

// One request on a fresh connection with "Connection: close".
HttpResponse http_request(unsigned short port, std::string_view method, std::string_view target,
                          const std::vector<std::pair<std::string, std::string>>& headers = {},
                          std::string_view body = {});

inline HttpResponse http_get(unsigned short port, std::string_view target,
                             const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  return http_request(port, "GET", target, headers);
}

}  // namespace ruamkit::testing
