// The accounts fixture shared by the accounts integration tests: a real
// server with mail delivered to a real SMTP sink, and helpers that register,
// verify and sign in as a person would.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "storage/database.h"
#include "support/browser.h"
#include "support/server_process.h"
#include "support/smtp_sink.h"

namespace ruamkit::testing {

constexpr const char* kPassword = "correct horse battery staple";

inline bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

class Accounts : public ::testing::Test {
 protected:
  explicit Accounts(std::vector<std::string> extra = {"--login-backoff-ms", "0"})
      : server(with_mail(std::move(extra))) {}

  std::vector<std::string> with_mail(std::vector<std::string> extra) {
    extra.insert(extra.end(), {"--smtp-url", sink.url()});
    return extra;
  }

  // Waits for the n-th mail (1-based) and returns it.
  ReceivedMail mail(std::size_t n) {
    const auto raw = sink.wait_for(n, std::chrono::seconds(15));
    if (raw.size() < n) throw std::runtime_error("mail " + std::to_string(n) + " never arrived");
    return parse_mail(raw[n - 1]);
  }

  // Returns the path and query of the first link to `path` in `mail`.
  static std::string link(const ReceivedMail& mail, const std::string& path) {
    return find(mail.body, "https?://[^/\\s]+(" + path + "\\?token=[A-Za-z0-9_-]+)");
  }

  HttpResponse register_account(Browser& b, const std::string& email, const std::string& name,
                                const std::string& password = kPassword) {
    return b.submit(
        "/register", "/register",
        {{"email", email}, {"display_name", name}, {"password", password}, {"consent", "yes"}});
  }

  // Registers and verifies; returns the number of mails seen so far.
  void register_verified(Browser& b, const std::string& email, const std::string& name) {
    const auto before = sink.messages().size();
    ASSERT_EQ(register_account(b, email, name).status, 200);
    const auto verify = link(mail(before + 1), "/verify-email");
    ASSERT_FALSE(verify.empty());
    ASSERT_EQ(confirm(b, verify, "/verify-email").status, 200);
  }

  // Opens a mailed link (a page with a button) and presses the button.
  static HttpResponse confirm(Browser& b, const std::string& link, const std::string& action) {
    const auto page = b.get(link);
    if (page.status != 200) return page;
    return b.post(action, {{"token", link.substr(link.find("token=") + 6)}});
  }

  HttpResponse login(Browser& b, const std::string& email,
                     const std::string& password = kPassword) {
    return b.submit("/login", "/login", {{"email", email}, {"password", password}});
  }

  storage::Database database() { return storage::Database(server.database_path(), 1); }

  SmtpSink sink;
  ServerProcess server;
};

}  // namespace ruamkit::testing
