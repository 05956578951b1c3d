#include "app/config.h"

#include <charconv>
#include <stdexcept>

namespace ruamkit::app {

ListenAddress parse_listen_address(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) {
    throw std::invalid_argument("--listen must be HOST:PORT, e.g. 127.0.0.1:8080 (got '" + text +
                                "')");
  }
  std::string host = text.substr(0, colon);
  const std::string port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host.empty()) host = "0.0.0.0";
  unsigned port = 0;
  const auto [ptr, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port > 65535) {
    throw std::invalid_argument("--listen port must be a number from 0 to 65535 (got '" +
                                port_text + "')");
  }
  return {host, static_cast<unsigned short>(port)};
}

bool is_postgresql_url(const std::string& database) {
  return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

}  // namespace ruamkit::app
