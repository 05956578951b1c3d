// Run-time configuration of the server, from command-line options or
// RUAMKIT_* environment variables (options win). See README "Configuration".
// Components declare their own settings in their manifests.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

namespace ruamkit::app {

struct Config {
  std::string listen = "127.0.0.1:8080";              // --listen / RUAMKIT_LISTEN
  std::string database = "data/ruamkit.db";           // --database / RUAMKIT_DATABASE
  std::string share_dir = RUAMKIT_DEFAULT_SHARE_DIR;  // templates/, locales/, static/
  std::string log_level = "info";                     // trace, debug, info, warn, error, off
  std::string base_url;                               // public URL, e.g. https://ruamkit.go.th
  bool secure_cookies = false;                        // behind TLS: Secure cookies and HSTS
  int threads = static_cast<int>(std::thread::hardware_concurrency());  // network threads
  // Threads that run the application (handlers wait on the database and on
  // password hashing, so there are more of them than cores), and how many
  // requests may wait for one before the answer is 503.
  int workers = std::max(8, 4 * static_cast<int>(std::thread::hardware_concurrency()));
  int max_queued_requests = 512;
  int read_timeout_ms = 15'000;
  int shutdown_deadline_ms = 10'000;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 20 * 1024 * 1024;  // multipart/form-data bodies (documents)
  // Where uploaded documents are kept (outside the web root); empty: an
  // "uploads" directory beside the database file.
  std::string uploads_dir;
  // Mail: SMTP server URL (smtp://host:port, smtps://…); empty keeps mail in
  // the outbox. The development outbox page shows queued mail at /dev/outbox.
  std::string smtp_url;
  std::string mail_from = "Ruamkit <no-reply@localhost>";
  bool dev_outbox = false;
  bool smtp_require_tls = false;             // refuse to send mail over an unencrypted connection
  std::vector<std::string> trusted_proxies;  // reverse proxies whose X-Forwarded-For is believed
};

struct ListenAddress {
  std::string host;
  unsigned short port;
};

// Parses "HOST:PORT", "[IPv6]:PORT" or ":PORT" (all interfaces). Throws
// std::invalid_argument with a readable message when malformed.
ListenAddress parse_listen_address(const std::string& text);

// Returns true when `database` names a PostgreSQL server rather than a file.
bool is_postgresql_url(const std::string& database);

}  // namespace ruamkit::app
