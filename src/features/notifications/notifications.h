// Notifications: an in-app inbox and mail (through the outbox) when someone
// replies to my comment, when a hearing I took part in closes or publishes
// its summary, and when a space I follow has news. Each person chooses mail
// for each message, one daily digest, or none, per category; text is written
// from the catalogue in the person's language when shown or mailed.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.h"
#include "web/views.h"

namespace ruamkit::features::notifications {

enum class Category { replies, results, news };

struct Message {
  std::string kind;  // notifications.kinds.<kind> in the catalogues
  Category category = Category::news;
  std::vector<std::pair<std::string, std::string>> args;  // for the message text
  std::string url;                                        // a local path
};

// `path` (a local path) on `base_url`, whether or not the base ends in '/'.
std::string absolute_url(const std::string& base_url, const std::string& path);

// Adds `message` to the inbox of each of `users` (once each, skipping
// deleted accounts) and queues mail for those who want it now. Call in the
// transaction of the change that caused it. `base_url` makes links in mail
// absolute.
void notify(storage::Connection& c, const web::Views& views, const std::string& base_url,
            const std::vector<std::int64_t>& users, const Message& message);

struct Settings {
  std::string email = "each";  // each, digest, none
  bool replies = true, results = true, news = true;
  std::string locale = "th";
};
Settings settings(storage::Connection& c, std::int64_t user_id);
void save_settings(storage::Connection& c, std::int64_t user_id, const Settings& s);

struct Item {
  std::int64_t id = 0;
  std::string text, url, created_at;
  bool read = false;
};
// The newest `limit` notifications of `user_id`, in `views`' language `locale`.
std::vector<Item> inbox(storage::Connection& c, const web::Catalogue& t, std::int64_t user_id,
                        int limit = 100);
std::int64_t unread(storage::Connection& c, std::int64_t user_id);
void mark_all_read(storage::Connection& c, std::int64_t user_id);
// Marks one as read; returns its local URL, or "" when it is not `user_id`'s.
std::string open(storage::Connection& c, std::int64_t user_id, std::int64_t id);

// Sends one digest mail to everyone with digest mail and notifications
// waiting. Returns the number of mails queued.
int send_digests(storage::Connection& c, const web::Views& views, const std::string& base_url);

// Follows or stops following a space; returns true when now following.
bool toggle_follow(storage::Connection& c, std::int64_t user_id, std::int64_t space_id);
bool follows(storage::Connection& c, std::int64_t user_id, std::int64_t space_id);
std::vector<std::int64_t> followers(storage::Connection& c, std::int64_t space_id);

}  // namespace ruamkit::features::notifications
