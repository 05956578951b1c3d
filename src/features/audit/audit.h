// The audit log: who did what to which object, when, from where. Every
// official and admin action, and every access to or change of personal data,
// is recorded here in the same transaction as the action itself. The
// application only inserts; nothing updates or deletes these rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "http/message.h"
#include "storage/database.h"

namespace ruamkit::features::audit {

// The details of an entry as JSON text (values escaped by construction).
std::string details(const boost::json::object& values);

struct Entry {
  Entry(std::string action_, std::string object_type_, std::string object_id_,
        std::optional<std::int64_t> organisation_id_ = std::nullopt,
        std::string details_json_ = "{}")
      : action(std::move(action_)),
        object_type(std::move(object_type_)),
        object_id(std::move(object_id_)),
        organisation_id(organisation_id_),
        details_json(std::move(details_json_)) {}

  std::string action;       // "account.deleted", "membership.granted", …
  std::string object_type;  // "user", "organisation", …
  std::string object_id;
  std::optional<std::int64_t> organisation_id;
  std::string details_json = "{}";
};

// Records `entry` as done by `actor_user_id` (nullopt: the system, e.g. the
// command line), from `ip`, in request `request_id` (both may be empty).
void record(storage::Connection& c, const Entry& entry, std::optional<std::int64_t> actor_user_id,
            const std::string& ip, const std::string& request_id);

// Records `entry` as done by the request's signed-in person (or by
// `actor_user_id` when given), with the request's address and id.
void record(storage::Connection& c, const http::Request& request, const Entry& entry,
            std::optional<std::int64_t> actor_user_id = std::nullopt);

struct Record {
  std::int64_t id;
  std::string at;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_name;
  std::string action, object_type, object_id;
  std::optional<std::int64_t> organisation_id;
  std::string ip, request_id, details;
};

struct Filter {
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::int64_t> organisation_id;
  std::string action_prefix;  // e.g. "account." ; empty: all
  std::string from, to;       // ISO timestamps; empty: open
  int limit = 50;
  std::int64_t before_id = 0;  // for paging: entries older than this id; 0: newest
};

// Returns entries matching `filter`, newest first.
std::vector<Record> search(storage::Connection& c, const Filter& filter);

}  // namespace ruamkit::features::audit
