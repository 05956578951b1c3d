// Shared by the integration tests of the "consult" features (hearings,
// comments, notifications): on top of inform_support.h, more citizens made
// with `ruamkit user create`, hearings created, written and published through
// the workspace forms, comments posted through the shared form, days in
// Thailand, and reading the database (outbox, inbox, comments).
#pragma once

#include <stdlib.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/day.h"
#include "core/fiscal_year.h"
#include "integration/inform_support.h"
#include "web/dates.h"

namespace ruamkit::testing::consult {

using namespace ruamkit::testing::inform;  // NOLINT: the shared fixture and helpers

constexpr const char* kAdmin = "admin@demo.ruamkit.example";
constexpr const char* kModerator = "moderator@demo.ruamkit.example";  // moderator of BMA only
constexpr const char* kCitizenName = "สมศรี พลเมืองดี (สาธิต)";           // kCitizen's display name
// The password of the citizens the tests create.
constexpr const char* kPassphrase = "a long citizen passphrase 2569";

// The day `offset` days from today in Thailand, as YYYY-MM-DD.
inline std::string day(int offset) {
  const auto today = core::today_in_thailand(std::chrono::system_clock::now());
  return core::iso_date(
      std::chrono::year_month_day{std::chrono::sys_days(today) + std::chrono::days(offset)});
}

// A YYYY-MM-DD day as a Thai reader expects it: "23 พฤศจิกายน 2569" (Buddhist
// Era), written out here rather than taken from the product's formatter.
inline std::string thai_date(const std::string& iso) {
  static const char* const months[] = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",    "เมษายน",
                                       "พฤษภาคม", "มิถุนายน",  "กรกฎาคม",  "สิงหาคม",
                                       "กันยายน",  "ตุลาคม",   "พฤศจิกายน", "ธันวาคม"};
  const int year = std::stoi(iso.substr(0, 4));
  const int month = std::stoi(iso.substr(5, 2));
  const int d = std::stoi(iso.substr(8, 2));
  return std::to_string(d) + " " + months[month - 1] + " " + std::to_string(year + 543);
}

// The comment id in a redirect such as "/hearings/3#comment-12" (0 when none).
inline std::int64_t comment_in_location(const HttpResponse& r) {
  const auto location = r.header("location").value_or("");
  const auto at = location.find("#comment-");
  if (at == std::string::npos) return 0;
  return std::stoll(location.substr(at + 9));
}

// The HTML of one comment (<li id="comment-N"> … </li>), or "" when absent.
inline std::string comment_html(const std::string& html, std::int64_t id) {
  const auto at = html.find("id=\"comment-" + std::to_string(id) + "\"");
  if (at == std::string::npos) return "";
  const auto start = html.rfind("<li", at);  // the class attribute comes first
  const auto end = html.find("</li>", start);
  return html.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

struct Comment {
  std::string target_kind;
  std::int64_t target_id = 0;
  std::string body;
  std::string stance;
  bool anonymous = false;
  std::optional<std::int64_t> parent;
};

class ConsultTest : public InformTest {
 protected:
  explicit ConsultTest(std::vector<std::string> extra_args = {})
      : InformTest(std::move(extra_args)) {}

  template <typename... Args>
  void execute(const std::string& sql, const Args&... args) {
    storage::Database db(server.database_path(), 1);
    db.write([&](storage::Connection& c) { c.execute(sql, args...); });
  }

  std::int64_t user_id(const std::string& email) {
    return integer("SELECT id FROM users WHERE email = ?", email);
  }

  // The demo process of the Pollution Control Department (public).
  std::int64_t demo_process() {
    return integer(
        "SELECT s.id FROM spaces s JOIN organisations o ON o.id = s.organisation_id "
        "WHERE o.slug = 'pcd' AND s.kind = 'process' ORDER BY s.id LIMIT 1");
  }

  // The demo hearing (published, open, anonymous comments allowed).
  std::int64_t demo_hearing() {
    return integer("SELECT id FROM hearings WHERE space_id = ? ORDER BY id LIMIT 1",
                   demo_process());
  }

  // A verified citizen account, made as an operator would; returns its id.
  std::int64_t create_citizen(const std::string& email, const std::string& name) {
    setenv("RUAMKIT_PASSWORD", kPassphrase, 1);
    std::string out;
    const int code = run_ruamkit(
        {"user", "create", "--email", email, "--name", name, "--database", server.database_path()},
        out);
    unsetenv("RUAMKIT_PASSWORD");
    if (code != 0) throw std::runtime_error("user create failed: " + out);
    return user_id(email);
  }

  void sign_in_with(Browser& b, const std::string& email, const std::string& password) {
    auto r = b.submit("/login", "/login", {{"email", email}, {"password", password}});
    ASSERT_EQ(r.status, 303) << email << "\n" << r.body.substr(0, 500);
    ASSERT_EQ(b.get("/account").status, 200);
  }

  // A new citizen, signed in.
  Browser new_citizen(const std::string& email, const std::string& name) {
    create_citizen(email, name);
    Browser b(server.port());
    sign_in_with(b, email, kPassphrase);
    return b;
  }

  // A browser signed in as `email` (a demo account). Each account signs in
  // once per test (officials enrol two-factor at the first log-in, so a
  // second log-in would ask for a code); later calls return a copy that
  // shares the session.
  Browser signed_in(const std::string& email) {
    const auto found = sessions_.find(email);
    if (found != sessions_.end()) return found->second;
    Browser b(server.port());
    sign_in(b, email);
    sessions_.emplace(email, b);
    return b;
  }

  static FormFields hearing_fields(const std::string& title, const std::string& opens_on,
                                   const std::string& closes_on, bool anonymous_allowed) {
    FormFields f = {{"title", title},
                    {"draft_kind", "regulation"},
                    {"explanatory_note", "คำอธิบายประกอบร่างของ " + title},
                    {"opens_on", opens_on},
                    {"closes_on", closes_on}};
    if (anonymous_allowed) f.emplace_back("anonymous_allowed", "yes");
    return f;
  }

  // Creates a draft hearing in `space` through the workspace; returns its id.
  std::int64_t create_hearing(Browser& official, std::int64_t space, const std::string& title,
                              const std::string& opens_on, const std::string& closes_on,
                              bool anonymous_allowed = false) {
    const auto s = std::to_string(space);
    EXPECT_EQ(official.get("/manage/spaces/" + s + "/hearings/new").status, 200);
    const auto r = official.post("/manage/spaces/" + s + "/hearings",
                                 hearing_fields(title, opens_on, closes_on, anonymous_allowed));
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    EXPECT_TRUE(r.header("location").value_or("").ends_with("?notice=created"));
    return id_in_location(r, "/manage/hearings/");
  }

  // Adds a section to the editable version; returns the new section's id.
  std::int64_t add_section(Browser& official, std::int64_t hearing, const std::string& heading,
                           const std::string& body) {
    const auto manage = "/manage/hearings/" + std::to_string(hearing);
    official.get(manage);
    const auto r = official.post(manage + "/sections", {{"heading", heading}, {"body", body}});
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    return integer(
        "SELECT s.id FROM hearing_sections s JOIN hearing_versions v ON v.id = s.version_id "
        "WHERE v.hearing_id = ? ORDER BY s.id DESC LIMIT 1",
        hearing);
  }

  HttpResponse publish_hearing(Browser& official, std::int64_t hearing) {
    const auto manage = "/manage/hearings/" + std::to_string(hearing);
    official.get(manage);
    return official.post(manage + "/publish", {});
  }

  // A published hearing open from today for `days` days (both included),
  // with one section per heading; returns its id.
  std::int64_t open_hearing(Browser& official, const std::string& title,
                            const std::vector<std::pair<std::string, std::string>>& sections,
                            bool anonymous_allowed = false, int days = 30) {
    const auto id =
        create_hearing(official, demo_process(), title, day(0), day(days - 1), anonymous_allowed);
    for (const auto& [heading, body] : sections) add_section(official, id, heading, body);
    const auto r = publish_hearing(official, id);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    EXPECT_EQ(r.header("location").value_or(""),
              "/manage/hearings/" + std::to_string(id) + "?notice=published");
    return id;
  }

  // The section ids of version `number` of a hearing, in order.
  std::vector<std::int64_t> sections_of(std::int64_t hearing, int number = 1) {
    storage::Database db(server.database_path(), 1);
    return db.read([&](storage::Connection& c) {
      std::vector<std::int64_t> out;
      auto rows = c.query(
          "SELECT s.id FROM hearing_sections s JOIN hearing_versions v ON v.id = s.version_id "
          "WHERE v.hearing_id = ? AND v.number = ? ORDER BY s.position",
          hearing, number);
      while (rows.next()) out.push_back(rows.integer(0));
      return out;
    });
  }

  // Moves a hearing's period into the past: it closed yesterday.
  void close_hearing(std::int64_t hearing) {
    execute("UPDATE hearings SET opens_on = ?, closes_on = ? WHERE id = ?", day(-30), day(-1),
            hearing);
  }

  // Posts a comment through the shared form (the CSRF token of the last page).
  HttpResponse post_comment(Browser& b, const Comment& m) {
    FormFields f = {{"target_kind", m.target_kind},
                    {"target_id", std::to_string(m.target_id)},
                    {"parent_id", m.parent ? std::to_string(*m.parent) : ""},
                    {"body", m.body},
                    {"stance", m.stance}};
    if (m.anonymous) f.emplace_back("anonymous", "yes");
    return b.post("/comments", std::move(f));
  }

  // Posts a comment that must be accepted; returns its id.
  std::int64_t comment(Browser& b, const Comment& m) {
    const auto r = post_comment(b, m);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    const auto id = comment_in_location(r);
    EXPECT_GT(id, 0) << r.header("location").value_or("(no location)");
    return id;
  }

  std::int64_t comments_total() { return integer("SELECT COUNT(*) FROM comments"); }

  // Mails queued for `to` whose subject contains `subject_part`.
  std::int64_t mails_to(const std::string& to, const std::string& subject_part = "") {
    return integer(
        "SELECT COUNT(*) FROM mail_outbox WHERE to_address = ? AND instr(subject, ?) > 0", to,
        subject_part);
  }

  std::string last_mail_subject(const std::string& to) {
    return text("SELECT subject FROM mail_outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1",
                to);
  }

  std::int64_t notifications_of(const std::string& email, const std::string& kind = "") {
    return integer("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND (? = '' OR kind = ?)",
                   user_id(email), kind, kind);
  }

 private:
  std::map<std::string, Browser> sessions_;
};

}  // namespace ruamkit::testing::consult
