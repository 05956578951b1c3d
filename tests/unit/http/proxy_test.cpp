#include "http/proxy.h"

#include <gtest/gtest.h>

namespace ruamkit::http {
namespace {

TEST(ClientAddress, ForwardedForIsBelievedOnlyFromTrustedProxies) {
  const std::vector<std::string> trusted = {"10.0.0.2", "10.0.0.3"};
  EXPECT_EQ(client_address("203.0.113.9", "1.2.3.4", trusted), "203.0.113.9");
  EXPECT_EQ(client_address("10.0.0.2", "198.51.100.7", trusted), "198.51.100.7");
  // The client may prepend anything; only the rightmost untrusted hop counts.
  EXPECT_EQ(client_address("10.0.0.2", "6.6.6.6, 198.51.100.7", trusted), "198.51.100.7");
  EXPECT_EQ(client_address("10.0.0.2", "198.51.100.7, 10.0.0.3", trusted), "198.51.100.7");
  EXPECT_EQ(client_address("10.0.0.2", "", trusted), "10.0.0.2");
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4", {}), "127.0.0.1");
}

}  // namespace
}  // namespace ruamkit::http
