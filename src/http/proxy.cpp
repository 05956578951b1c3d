#include "http/proxy.h"

#include <algorithm>

#include "core/text.h"

namespace ruamkit::http {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted) {
  if (!contains(trusted, peer)) return peer;
  std::string client = peer;
  // Walk from the right: each hop appended the address it saw.
  while (!forwarded_for.empty()) {
    const auto comma = forwarded_for.rfind(',');
    auto hop = forwarded_for.substr(comma == std::string_view::npos ? 0 : comma + 1);
    forwarded_for =
        comma == std::string_view::npos ? std::string_view{} : forwarded_for.substr(0, comma);
    hop = core::trim(hop, " ");
    if (hop.empty() || hop.size() > 64) break;
    client = std::string(hop);
    if (!contains(trusted, hop)) break;
  }
  return client;
}

bool is_loopback(std::string_view host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

}  // namespace ruamkit::http
