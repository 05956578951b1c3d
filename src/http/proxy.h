// Who the client is when requests come through reverse proxies.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ruamkit::http {

// Returns the client address of a request that came from `peer`, given its
// X-Forwarded-For header and the trusted proxies: `peer` itself unless it is
// trusted, else the rightmost forwarded address that is not trusted (entries
// further left were written by the client and prove nothing).
std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

// Returns true for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(std::string_view host);

}  // namespace ruamkit::http
