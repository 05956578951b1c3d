#include "features/notifications/notifications.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.h"
#include "mail/outbox.h"
#include "web/locale.h"

namespace ruamkit::features::notifications {
namespace {

namespace json = boost::json;

const char* column(Category category) {
  switch (category) {
    case Category::replies:
      return "replies";
    case Category::results:
      return "results";
    case Category::news:
      break;
  }
  return "news";
}

std::string text_of(const web::Catalogue& t, const std::string& kind, const std::string& args) {
  boost::system::error_code ec;
  const auto value = json::parse(args, ec);
  std::vector<std::string> names, values;
  if (!ec && value.is_object()) {
    for (const auto& [name, v] : value.as_object()) {
      names.emplace_back(name);
      values.emplace_back(v.is_string() ? std::string(v.as_string()) : json::serialize(v));
    }
  }
  std::vector<std::pair<std::string_view, web::MessageArg>> list;
  for (std::size_t i = 0; i < names.size(); ++i) list.emplace_back(names[i], values[i]);
  return t.format("notifications.kinds." + kind, list);
}

}  // namespace

std::string absolute_url(const std::string& base_url, const std::string& path) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path;
}

Settings settings(storage::Connection& c, std::int64_t user_id) {
  Settings s;
  auto rows = c.query(
      "SELECT COALESCE(n.email, 'each') AS email, COALESCE(n.replies, 1) AS replies, "
      "COALESCE(n.results, 1) AS results, COALESCE(n.news, 1) AS news, u.locale AS locale "
      "FROM users u LEFT JOIN notification_settings n ON n.user_id = u.id WHERE u.id = ?",
      user_id);
  if (!rows.next()) return s;
  s.email = rows.text("email");
  s.replies = rows.integer("replies") != 0;
  s.results = rows.integer("results") != 0;
  s.news = rows.integer("news") != 0;
  s.locale = rows.text("locale");
  return s;
}

void save_settings(storage::Connection& c, std::int64_t user_id, const Settings& s) {
  c.execute(
      "INSERT INTO notification_settings (user_id, email, replies, results, news) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, "
      "replies = excluded.replies, results = excluded.results, news = excluded.news",
      user_id, s.email, s.replies ? 1 : 0, s.results ? 1 : 0, s.news ? 1 : 0);
  c.execute("UPDATE users SET locale = ? WHERE id = ?", s.locale, user_id);
}

void notify(storage::Connection& c, const web::Views& views, const std::string& base_url,
            const std::vector<std::int64_t>& users, const Message& message) {
  json::object args;
  for (const auto& [name, value] : message.args) args[name] = value;
  const auto args_text = json::serialize(args);
  const auto now = core::iso_timestamp(core::Clock::now());
  std::set<std::int64_t> done;
  for (const auto user_id : users) {
    if (!done.insert(user_id).second) continue;
    auto rows = c.query(std::string("SELECT u.email AS email, u.locale AS locale, "
                                    "COALESCE(n.email, 'each') AS mode, COALESCE(n.") +
                            column(message.category) +
                            ", 1) AS wanted FROM users u LEFT JOIN notification_settings n "
                            "ON n.user_id = u.id WHERE u.id = ? AND u.deleted_at IS NULL",
                        user_id);
    if (!rows.next()) continue;
    const auto email = rows.optional_text("email");
    const auto locale = rows.text("locale");
    const auto mode = rows.text("mode");
    const bool wanted = rows.integer("wanted") != 0;
    const bool mail_now = email && wanted && mode == "each";
    const bool digest = email && wanted && mode == "digest";
    c.execute(
        "INSERT INTO notifications (user_id, kind, args, url, created_at, mailed_at, "
        "awaiting_digest) VALUES (?, ?, ?, ?, ?, ?, ?)",
        user_id, message.kind, args_text, message.url, now,
        mail_now ? std::optional<std::string>(now) : std::nullopt, digest ? 1 : 0);
    if (!mail_now) continue;
    const auto& t = views.catalogue(locale);
    mail::MailMessage mail;
    mail.to = *email;
    const auto text = text_of(t, message.kind, args_text);
    mail.subject = t.format("mail.notification.subject", {{"text", text}});
    mail.body_text = t.format("mail.notification.body",
                              {{"text", text},
                               {"link", absolute_url(base_url, message.url)},
                               {"settings", absolute_url(base_url, "/notifications/settings")}});
    mail::enqueue_mail(c, mail);
  }
}

std::vector<Item> inbox(storage::Connection& c, const web::Catalogue& t, std::int64_t user_id,
                        int limit) {
  std::vector<Item> out;
  auto rows = c.query(
      "SELECT id AS id, kind AS kind, args AS args, url AS url, created_at AS created_at, "
      "read_at IS NOT NULL AS read FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?",
      user_id, limit);
  while (rows.next()) {
    out.push_back({rows.integer("id"), text_of(t, rows.text("kind"), rows.text("args")),
                   rows.text("url"), rows.text("created_at"), rows.integer("read") != 0});
  }
  return out;
}

std::int64_t unread(storage::Connection& c, std::int64_t user_id) {
  auto rows =
      c.query("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", user_id);
  rows.next();
  return rows.integer(0);
}

void mark_all_read(storage::Connection& c, std::int64_t user_id) {
  c.execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
            core::iso_timestamp(core::Clock::now()), user_id);
}

std::string open(storage::Connection& c, std::int64_t user_id, std::int64_t id) {
  auto rows = c.query("SELECT url FROM notifications WHERE id = ? AND user_id = ?", id, user_id);
  if (!rows.next()) return "";
  const auto url = rows.text(0);
  c.execute("UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ?",
            core::iso_timestamp(core::Clock::now()), id);
  return url;
}

int send_digests(storage::Connection& c, const web::Views& views, const std::string& base_url) {
  struct Waiting {
    std::string kind, args, url;
  };
  std::map<std::int64_t, std::vector<Waiting>> by_user;
  {
    auto rows = c.query(
        "SELECT user_id AS user_id, kind AS kind, args AS args, url AS url FROM notifications "
        "WHERE awaiting_digest = 1 ORDER BY user_id, id");
    while (rows.next()) {
      by_user[rows.integer("user_id")].push_back(
          {rows.text("kind"), rows.text("args"), rows.text("url")});
    }
  }
  int sent = 0;
  const auto now = core::iso_timestamp(core::Clock::now());
  for (const auto& [user_id, items] : by_user) {
    auto rows = c.query(
        "SELECT email AS email, locale AS locale FROM users WHERE id = ? AND "
        "deleted_at IS NULL",
        user_id);
    if (rows.next() && !rows.is_null("email")) {
      const auto& t = views.catalogue(rows.text("locale"));
      std::string list;
      for (const auto& item : items) {
        list += "- " + text_of(t, item.kind, item.args) + "\n  " +
                absolute_url(base_url, item.url) + "\n";
      }
      mail::MailMessage mail;
      mail.to = rows.text("email");
      mail.subject =
          t.format("mail.digest.subject", {{"count", static_cast<std::int64_t>(items.size())}});
      mail.body_text = t.format(
          "mail.digest.body",
          {{"list", list}, {"settings", absolute_url(base_url, "/notifications/settings")}});
      mail::enqueue_mail(c, mail);
      ++sent;
    }
    c.execute(
        "UPDATE notifications SET awaiting_digest = 0, mailed_at = ? WHERE user_id = ? AND "
        "awaiting_digest = 1",
        now, user_id);
  }
  return sent;
}

bool toggle_follow(storage::Connection& c, std::int64_t user_id, std::int64_t space_id) {
  if (c.execute("DELETE FROM follows WHERE user_id = ? AND space_id = ?", user_id, space_id) > 0) {
    return false;
  }
  c.execute("INSERT INTO follows (user_id, space_id, created_at) VALUES (?, ?, ?)", user_id,
            space_id, core::iso_timestamp(core::Clock::now()));
  return true;
}

bool follows(storage::Connection& c, std::int64_t user_id, std::int64_t space_id) {
  auto rows =
      c.query("SELECT 1 FROM follows WHERE user_id = ? AND space_id = ?", user_id, space_id);
  return rows.next();
}

std::vector<std::int64_t> followers(storage::Connection& c, std::int64_t space_id) {
  std::vector<std::int64_t> out;
  auto rows = c.query("SELECT user_id FROM follows WHERE space_id = ?", space_id);
  while (rows.next()) out.push_back(rows.integer(0));
  return out;
}

}  // namespace ruamkit::features::notifications
