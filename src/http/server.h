// The HTTP/1.1 server (Boost.Beast): network threads running one io_context,
// worker threads running the application, keep-alive, read timeouts, header
// and body limits, strict message framing, graceful shutdown.
// This header is free of Beast and Asio; only server.cpp includes them.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"
#include "http/router.h"

namespace ruamkit::http {

struct ServerOptions {
  std::string address = "127.0.0.1";  // IP literal or host name
  unsigned short port = 8080;         // 0: an ephemeral port
  // Threads that read and write the network. They never run the application:
  // requests are handled by `workers` threads taking them from a queue of at
  // most `max_queued_requests`; when it is full, the answer is 503 with
  // Retry-After at once, so one slow request cannot hold up the others.
  int threads = 2;
  int workers = 8;
  std::size_t max_queued_requests = 512;
  // How long a connection may take to send a complete request, and how long
  // an idle keep-alive connection is kept.
  std::chrono::milliseconds read_timeout{15'000};
  // How long in-flight requests may take to finish after SIGTERM/SIGINT.
  std::chrono::milliseconds shutdown_deadline{10'000};
  std::size_t header_limit = 16 * 1024;  // bytes; larger requests get 431
  std::size_t body_limit = 1024 * 1024;  // bytes; larger requests get 413
  // The same for uploads: multipart/form-data POSTs to one of
  // `upload_paths` from a client with a cookie (a session). Everything else
  // keeps body_limit, so nobody can make the server read 20 MiB elsewhere.
  std::size_t upload_body_limit = 20 * 1024 * 1024;
  std::vector<std::string> upload_paths;
  // Addresses of reverse proxies in front of the server. Only from these is
  // X-Forwarded-For believed (the client is its last untrusted entry) and
  // X-Request-Id kept; from anyone else both are ignored.
  std::vector<std::string> trusted_proxies;
  // Connections beyond this many are closed at once (file descriptors and
  // memory stay bounded).
  std::size_t max_connections = 10'000;
};

// Renders an error response for a request the application never saw
// (malformed, too large) or that failed unexpectedly.
using ErrorRenderer = std::function<Response(Request&, int status)>;

class Server {
 public:
  Server(ServerOptions options, Handler app, ErrorRenderer errors);
  ~Server();

  // Binds and listens. Returns the bound port. Throws std::runtime_error when
  // the address cannot be bound.
  unsigned short listen();

  // Serves until SIGINT/SIGTERM or stop(): then stops accepting, closes idle
  // connections, lets in-flight requests finish until the shutdown deadline,
  // and returns.
  void run();

  // Starts the same graceful shutdown as a signal. Safe from any thread.
  void stop();

  // The state the connections share; defined in server.cpp.
  struct Shared;

 private:
  std::unique_ptr<Shared> shared_;
};

}  // namespace ruamkit::http
