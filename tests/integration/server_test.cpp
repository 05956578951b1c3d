// The HTTP server under real network conditions: keep-alive, limits, bad
// input, slow clients, graceful shutdown. Each test runs its own server.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "support/browser.h"
#include "support/http_client.h"
#include "support/server_process.h"

namespace ruamkit::testing {
namespace {

// After every bad request, the server must still serve everyone else.
void expect_still_serving(const ServerProcess& server) {
  EXPECT_EQ(http_get(server.port(), "/healthz").status, 200);
}

TEST(Server, HealthAndReadiness) {
  ServerProcess server;
  auto alive = http_get(server.port(), "/healthz");
  EXPECT_EQ(alive.status, 200);
  EXPECT_EQ(alive.body, R"({"status":"alive"})");
  auto ready = http_get(server.port(), "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_NE(ready.body.find(R"("status":"ready")"), std::string::npos) << ready.body;
}

TEST(Server, KeepAliveServesSeveralRequestsOnOneConnection) {
  ServerProcess server;
  HttpConnection c(server.port());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto r = c.read_response();
    ASSERT_TRUE(r) << "request " << i;
    EXPECT_EQ(r->status, 200);
  }
  // Pipelined requests are answered in order.
  ASSERT_TRUE(
      c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(c.read_response()->status, 200);
  EXPECT_EQ(c.read_response()->status, 404);
}

TEST(Server, EveryResponseCarriesARequestId) {
  ServerProcess server;
  auto r = http_get(server.port(), "/healthz");
  const auto id = r.header("x-request-id");
  ASSERT_TRUE(id);
  EXPECT_EQ(id->size(), 16u);
  auto other = http_get(server.port(), "/healthz");
  EXPECT_NE(other.header("x-request-id"), id);
  // From a client that is not a trusted proxy, an incoming id is ignored.
  EXPECT_NE(
      http_get(server.port(), "/healthz", {{"X-Request-Id", "edge-42.a_b"}}).header("x-request-id"),
      "edge-42.a_b");
  EXPECT_NE(server.log().find(R"("path":"/healthz")"), std::string::npos) << "access log";
}

TEST(Server, ATrustedProxyForwardsRequestIdsAndClientAddresses) {
  ServerProcess server({"--trusted-proxy", "127.0.0.1"});
  EXPECT_EQ(
      http_get(server.port(), "/healthz", {{"X-Request-Id", "edge-42.a_b"}}).header("x-request-id"),
      "edge-42.a_b");
  EXPECT_NE(
      http_get(server.port(), "/healthz", {{"X-Request-Id", "<script>"}}).header("x-request-id"),
      "<script>");
  http_get(server.port(), "/healthz", {{"X-Forwarded-For", "6.6.6.6, 198.51.100.7"}});
  // The access log line is written just after the response is sent.
  bool logged = false;
  for (int i = 0; i < 100 && !logged; ++i) {
    logged = server.log().find(R"("remote":"198.51.100.7")") != std::string::npos;
    if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(logged) << server.log();
}

TEST(Server, MalformedRequestLineIs400) {
  ServerProcess server;
  for (const char* bad : {"GARBAGE\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
                          "GET / HTTP/1.1\r\nBad Header Without Colon\r\n\r\n",
                          "GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"}) {
    HttpConnection c(server.port());
    c.send(bad);
    auto r = c.read_response();
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_TRUE(c.closed_by_peer(2000)) << bad;
  }
  expect_still_serving(server);
}

// RFC 9112 §6.3: Transfer-Encoding other than exactly "chunked", or together
// with Content-Length, is refused and the connection closed, so a second
// request hidden in the body (request smuggling behind a proxy that frames
// it differently) is never answered.
TEST(Server, AmbiguousMessageFramingIs400AndClosesTheConnection) {
  ServerProcess server;
  const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  for (const std::string framing :
       {"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "Transfer-Encoding: gzip\r\n",
        "Transfer-Encoding: gzip, chunked\r\n", "Transfer-Encoding: chunked, chunked\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: xchunked\r\n"}) {
    HttpConnection c(server.port());
    c.send("POST /healthz HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n0\r\n\r\n" + smuggled);
    auto r = c.read_response();
    ASSERT_TRUE(r) << framing;
    EXPECT_EQ(r->status, 400) << framing;
    EXPECT_FALSE(c.read_response(false, 1000)) << "answered a smuggled request: " << framing;
  }
  // Plain chunked bodies still work (and the next request on the connection too).
  HttpConnection c(server.port());
  c.send(
      "POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n0\r\n\r\n" +
      smuggled);
  auto first = c.read_response();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 405);  // /healthz takes GET only
  auto second = c.read_response();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  expect_still_serving(server);
}

// Password hashing (Argon2id, tens of milliseconds of CPU) runs on a pool of
// its own and requests on worker threads: with one network thread, a burst
// of log-ins does not hold up a health check sent after them.
TEST(Server, PasswordHashingDoesNotHoldUpOtherRequests) {
  ServerProcess server({"--threads", "1", "--password-threads", "1", "--max-queued-password-checks",
                        "100", "--login-backoff-ms", "0"});
  constexpr int kLogIns = 8;
  std::vector<Browser> browsers;
  for (int i = 0; i < kLogIns; ++i) {
    browsers.emplace_back(server.port());
    ASSERT_EQ(browsers.back().get("/login").status, 200);  // for its CSRF token
  }
  using Clock = std::chrono::steady_clock;
  std::vector<Clock::time_point> done(kLogIns);
  std::vector<int> status(kLogIns);
  std::vector<std::thread> threads;
  for (int i = 0; i < kLogIns; ++i) {
    threads.emplace_back([&, i] {
      status[i] = browsers[i]
                      .post("/login", {{"email", "nobody" + std::to_string(i) + "@example.org"},
                                       {"password", "a wrong password of some length"}})
                      .status;
      done[i] = Clock::now();
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(30));  // the log-ins are in
  const auto health = http_get(server.port(), "/healthz");
  const auto healthy_at = Clock::now();
  for (auto& t : threads) t.join();
  EXPECT_EQ(health.status, 200);
  for (int i = 0; i < kLogIns; ++i) EXPECT_EQ(status[i], 401) << i;
  // Each log-in hashes for tens of milliseconds, one at a time: the health
  // check, sent after all of them, is answered before the last one.
  EXPECT_LT(healthy_at, *std::max_element(done.begin(), done.end()));
}

// Beyond the hashing queue, a log-in is answered 503 with Retry-After at once
// instead of waiting.
TEST(Server, AFullHashingQueueAnswers503WithRetryAfter) {
  ServerProcess server(
      {"--password-threads", "1", "--max-queued-password-checks", "1", "--login-backoff-ms", "0"});
  constexpr int kLogIns = 8;
  std::vector<Browser> browsers;
  for (int i = 0; i < kLogIns; ++i) {
    browsers.emplace_back(server.port());
    ASSERT_EQ(browsers.back().get("/login").status, 200);
  }
  std::vector<HttpResponse> responses(kLogIns);
  std::vector<std::thread> threads;
  for (int i = 0; i < kLogIns; ++i) {
    threads.emplace_back([&, i] {
      responses[i] = browsers[i].post("/login", {{"email", "busy@example.org"},
                                                 {"password", "a wrong password of some length"}});
    });
  }
  for (auto& t : threads) t.join();
  int busy = 0;
  for (const auto& r : responses) {
    EXPECT_TRUE(r.status == 401 || r.status == 503) << r.status;
    if (r.status == 503) {
      ++busy;
      EXPECT_TRUE(r.header("retry-after")) << "503 without Retry-After";
    }
  }
  EXPECT_GT(busy, 0) << "eight log-ins at once, one hashing thread and a queue of one";
  expect_still_serving(server);
}

TEST(Server, OversizedHeadersAre431) {
  ServerProcess server({"--max-header-bytes", "4096"});
  HttpConnection c(server.port());
  c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8000, 'a') + "\r\n\r\n");
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_NE(r->body.find("<html"), std::string::npos);  // a readable page
  expect_still_serving(server);
}

TEST(Server, OversizedBodiesAre413BeforeTheyAreRead) {
  ServerProcess server({"--max-body-bytes", "2048"});
  HttpConnection c(server.port());
  // Only the headers are sent: the declared length alone must be refused.
  c.send(
      "POST /locale HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: 10000000\r\n\r\n");
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  auto json = http_request(
      server.port(), "POST", "/locale",
      {{"Accept", "application/json"}, {"Content-Type", "application/x-www-form-urlencoded"}},
      std::string(4096, 'a'));
  EXPECT_EQ(json.status, 413);
  expect_still_serving(server);
}

TEST(Server, OnlyDocumentUploadsMayBeLarger) {
  ServerProcess server({"--max-body-bytes", "2048", "--max-upload-bytes", "100000"});
  auto declared = [&](const std::string& target, bool cookie) {
    HttpConnection c(server.port());
    c.send("POST " + target +
           " HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n" +
           (cookie ? "Cookie: s=1\r\n" : "") + "Content-Length: 50000\r\n\r\n");
    auto r = c.read_response(false, 2000);
    return r ? r->status : 0;  // 0: the server waits for the body (not refused)
  };
  // Multipart bodies elsewhere, or from a client without a session, keep the small limit.
  EXPECT_EQ(declared("/login", true), 413);
  EXPECT_EQ(declared("/manage/documents", false), 413);
  EXPECT_EQ(declared("/manage/documents?x=1", false), 413);
  // The upload route with a session cookie may send up to --max-upload-bytes.
  EXPECT_EQ(declared("/manage/documents", true), 0);
  expect_still_serving(server);
}

TEST(Server, InvalidUtf8InPathQueryAndFormIs400) {
  ServerProcess server;
  EXPECT_EQ(http_get(server.port(), "/%FF").status, 400);
  EXPECT_EQ(http_get(server.port(), "/%C0%AF").status, 400);
  EXPECT_EQ(http_get(server.port(), "/?q=%E0%B8").status, 400);
  EXPECT_EQ(http_get(server.port(), "/?q=%00").status, 400);
  Browser browser(server.port());
  browser.get("/");
  auto form = http_request(server.port(), "POST", "/locale",
                           {{"Content-Type", "application/x-www-form-urlencoded"},
                            {"Cookie", "ruamkit_csrf=" + browser.cookie("ruamkit_csrf")}},
                           "lang=%FF&return=/&csrf_token=" + browser.csrf_token());
  EXPECT_EQ(form.status, 400);
  EXPECT_FALSE(form.header("set-cookie")) << "nothing changes on bad input";
  // Raw bytes that are not UTF-8 in the target.
  HttpConnection c(server.port());
  c.send("GET /\xFF\xFE HTTP/1.1\r\nHost: x\r\n\r\n");
  auto raw = c.read_response();
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 400);
  expect_still_serving(server);
}

TEST(Server, UnknownRoutesAre404AndWrongMethodsAre405) {
  ServerProcess server;
  auto missing = http_get(server.port(), "/no/such/page");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("<html lang=\"th\""), std::string::npos);
  auto wrong = http_request(server.port(), "DELETE", "/");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("allow"), "GET, HEAD");
  auto post_home = http_request(server.port(), "POST", "/healthz");
  EXPECT_EQ(post_home.status, 405);
  auto get_locale = http_get(server.port(), "/locale");
  EXPECT_EQ(get_locale.status, 405);
  EXPECT_EQ(get_locale.header("allow"), "POST");
  expect_still_serving(server);
}

TEST(Server, HeadHasHeadersButNoBody) {
  ServerProcess server;
  const auto get = http_get(server.port(), "/");
  HttpConnection c(server.port());
  c.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
  auto head = c.read_response(true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("content-length"), std::to_string(get.body.size()));
  // The connection stays usable: no stray body bytes were sent.
  c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  auto next = c.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST(Server, SlowClientsAreCutOffWithoutHoldingOthers) {
  ServerProcess server({"--read-timeout-ms", "500"});
  HttpConnection slow(server.port());
  slow.send("GET / HTTP/1.1\r\nHost: x\r\n");  // never finishes its headers
  // Others are served meanwhile.
  EXPECT_EQ(http_get(server.port(), "/healthz").status, 200);
  EXPECT_TRUE(slow.closed_by_peer(5000));
  // An idle keep-alive connection is closed too.
  HttpConnection idle(server.port());
  idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(idle.read_response());
  EXPECT_TRUE(idle.closed_by_peer(5000));
}

TEST(Server, SigtermStopsGracefullyAndClosesTheDatabase) {
  ServerProcess server;
  HttpConnection idle(server.port());
  idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(idle.read_response());
  const auto started = std::chrono::steady_clock::now();
  const int status = server.stop(SIGTERM, 10'000);
  ASSERT_NE(status, -1) << "did not exit";
  EXPECT_TRUE(WIFEXITED(status)) << server.log();
  EXPECT_EQ(WEXITSTATUS(status), 0) << server.log();
  // Idle keep-alive connections do not delay shutdown to the deadline.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(8));
  EXPECT_TRUE(idle.closed_by_peer(1000));
  EXPECT_NE(server.log().find("stopped; closing the database"), std::string::npos) << server.log();
  // A clean close checkpoints WAL and removes the -wal file.
  EXPECT_FALSE(std::filesystem::exists(server.database_path() + "-wal"));
}

TEST(Server, SigtermFinishesARequestInFlight) {
  ServerProcess server;
  Browser browser(server.port());
  browser.get("/");
  const std::string rest = "&return=/&csrf_token=" + browser.csrf_token();
  HttpConnection c(server.port());
  // Half a request is in flight when the signal comes: the server waits for
  // it (within the deadline) rather than dropping it.
  c.send(
      "POST /locale HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Cookie: ruamkit_csrf=" +
      browser.cookie("ruamkit_csrf") + "\r\nContent-Length: " + std::to_string(7 + rest.size()) +
      "\r\n\r\nlang=en");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::thread closer([&server] { server.stop(SIGTERM, 10'000); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  c.send(rest);
  auto r = c.read_response();
  closer.join();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->header("connection"), "close");
}

}  // namespace
}  // namespace ruamkit::testing
