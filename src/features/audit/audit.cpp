#include "features/audit/audit.h"

#include <boost/json/serialize.hpp>

#include "core/clock.h"

namespace ruamkit::features::audit {

std::string details(const boost::json::object& values) { return boost::json::serialize(values); }

void record(storage::Connection& c, const Entry& entry, std::optional<std::int64_t> actor_user_id,
            const std::string& ip, const std::string& request_id) {
  std::optional<std::string> ip_value, request_value;
  if (!ip.empty()) ip_value = ip;
  if (!request_id.empty()) request_value = request_id;
  c.execute(
      "INSERT INTO audit_log (at, actor_user_id, action, object_type, object_id, organisation_id, "
      "ip, request_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      core::iso_timestamp(core::Clock::now()), actor_user_id, entry.action, entry.object_type,
      entry.object_id, entry.organisation_id, ip_value, request_value, entry.details_json);
}

void record(storage::Connection& c, const http::Request& request, const Entry& entry,
            std::optional<std::int64_t> actor_user_id) {
  std::optional<std::int64_t> actor = actor_user_id;
  if (!actor && request.visitor.user_id != 0) actor = request.visitor.user_id;
  record(c, entry, actor, request.remote_address, request.request_id);
}

std::vector<Record> search(storage::Connection& c, const Filter& f) {
  // Optional filters as "(CAST(? AS type) IS NULL OR column = ?)": one statement, always
  // parameterised; the cast gives the parameter a type on every database.
  std::optional<std::int64_t> before;
  if (f.before_id > 0) before = f.before_id;
  std::optional<std::string> prefix;
  if (!f.action_prefix.empty()) {
    // The prefix is matched literally: escape LIKE's own wildcards.
    std::string escaped;
    for (char ch : f.action_prefix) {
      if (ch == '%' || ch == '_' || ch == '\\') escaped += '\\';
      escaped += ch;
    }
    prefix = escaped + "%";
  }
  std::optional<std::string> from, to;
  if (!f.from.empty()) from = f.from;
  if (!f.to.empty()) to = f.to;
  auto rows = c.query(
      "SELECT a.id AS id, a.at AS at, a.actor_user_id AS actor_user_id, "
      "COALESCE(u.display_name, '') AS actor_name, a.action AS action, "
      "COALESCE(a.object_type, '') AS object_type, COALESCE(a.object_id, '') AS object_id, "
      "a.organisation_id AS organisation_id, COALESCE(a.ip, '') AS ip, "
      "COALESCE(a.request_id, '') AS request_id, COALESCE(a.details, '') AS details "
      "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id "
      "WHERE (CAST(? AS BIGINT) IS NULL OR a.actor_user_id = ?) AND (CAST(? AS BIGINT) IS NULL OR "
      "a.organisation_id = ?) "
      "AND (CAST(? AS TEXT) IS NULL OR a.action LIKE ? ESCAPE '\\') AND (CAST(? AS TEXT) IS NULL "
      "OR a.at >= ?) AND (CAST(? AS TEXT) IS NULL "
      "OR a.at < ?) "
      "AND (CAST(? AS BIGINT) IS NULL OR a.id < ?) ORDER BY a.id DESC LIMIT ?",
      f.actor_user_id, f.actor_user_id, f.organisation_id, f.organisation_id, prefix, prefix, from,
      from, to, to, before, before, f.limit);
  std::vector<Record> out;
  while (rows.next()) {
    Record r;
    r.id = rows.integer("id");
    r.at = rows.text("at");
    if (!rows.is_null("actor_user_id")) r.actor_user_id = rows.integer("actor_user_id");
    r.actor_name = rows.text("actor_name");
    r.action = rows.text("action");
    r.object_type = rows.text("object_type");
    r.object_id = rows.text("object_id");
    if (!rows.is_null("organisation_id")) r.organisation_id = rows.integer("organisation_id");
    r.ip = rows.text("ip");
    r.request_id = rows.text("request_id");
    r.details = rows.text("details");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ruamkit::features::audit
