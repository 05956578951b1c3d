#include "features/feedback/cases.h"

#include <algorithm>
#include <cctype>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.h"
#include "core/day.h"
#include "core/fiscal_year.h"
#include "core/utf8.h"
#include "features/spaces/rules.h"
#include "web/dates.h"

namespace ruamkit::features::feedback {
namespace {

std::string now() { return core::iso_timestamp(core::Clock::now()); }

std::optional<std::int64_t> positive(std::int64_t id) {
  return id > 0 ? std::optional(id) : std::nullopt;
}

constexpr const char* kCategorySelect =
    "SELECT id, organisation_id, code, name_th, name_en, description, target_days, active, "
    "reopen_days "
    "FROM feedback_categories ";

Category read_category(const storage::Rows& r, int at = 0) {
  Category k;
  k.id = r.integer(at);
  k.organisation_id = r.integer(at + 1);
  k.code = r.text(at + 2);
  k.name_th = r.text(at + 3);
  k.name_en = r.text(at + 4);
  k.description = r.text(at + 5);
  k.target_days = static_cast<int>(r.integer(at + 6));
  k.active = r.integer(at + 7) != 0;
  k.reopen_days = static_cast<int>(r.integer(at + 8));
  return k;
}

constexpr const char* kCaseSelect =
    "SELECT f.id, f.organisation_id, o.slug, o.name_th, o.name_en, f.tracking_code, "
    "f.description, f.address, f.lat, f.lon, f.status, f.stage, f.source, f.assignee_id, "
    "COALESCE(u.display_name, ''), f.received_at, f.received_on, f.due_on, "
    "COALESCE(f.accepted_at, ''), COALESCE(f.closed_at, ''), f.updated_at, f.forwarded_from, "
    "f.forwarded_to, f.merged_into, f.rating, f.reopen_count, "
    "k.id, k.organisation_id, k.code, k.name_th, k.name_en, k.description, k.target_days, "
    "k.active, k.reopen_days "
    "FROM feedback_cases f JOIN organisations o ON o.id = f.organisation_id "
    "JOIN feedback_categories k ON k.id = f.category_id "
    "LEFT JOIN users u ON u.id = f.assignee_id ";

std::optional<std::int64_t> optional_integer(const storage::Rows& r, int column) {
  if (r.is_null(column)) return std::nullopt;
  return r.integer(column);
}

Case read_case(const storage::Rows& r) {
  Case f;
  f.id = r.integer(0);
  f.organisation_id = r.integer(1);
  f.organisation_slug = r.text(2);
  f.organisation_name_th = r.text(3);
  f.organisation_name_en = r.text(4);
  f.tracking_code = r.text(5);
  f.description = r.text(6);
  f.address = r.text(7);
  if (!r.is_null(8) && !r.is_null(9)) {
    f.lat = r.real(8);
    f.lon = r.real(9);
  }
  f.status = r.text(10);
  f.stage = r.text(11);
  f.source = r.text(12);
  f.assignee_id = optional_integer(r, 13);
  f.assignee_name = r.text(14);
  f.received_at = r.text(15);
  f.received_on = r.text(16);
  f.due_on = r.text(17);
  f.accepted_at = r.text(18);
  f.closed_at = r.text(19);
  f.updated_at = r.text(20);
  f.forwarded_from = optional_integer(r, 21);
  f.forwarded_to = optional_integer(r, 22);
  f.merged_into = optional_integer(r, 23);
  if (!r.is_null(24)) f.rating = static_cast<int>(r.integer(24));
  f.reopen_count = static_cast<int>(r.integer(25));
  f.category = read_category(r, 26);
  return f;
}

void add_event(storage::Connection& c, std::int64_t case_id, const std::string& kind,
               const std::string& status, const std::string& stage, const std::string& note,
               bool is_public, std::optional<std::int64_t> actor_id) {
  c.execute(
      "INSERT INTO feedback_events (case_id, at, kind, status, stage, note, public, actor_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      case_id, now(), kind, status, stage, note, is_public ? 1 : 0, actor_id);
}

// The WHERE clause of a queue filter and its arguments, in order.
struct Where {
  std::string sql;
  std::vector<storage::Value> args;
};

Where queue_where(const QueueFilter& f) {
  Where w{"WHERE f.organisation_id = ? ", {f.organisation_id}};
  if (f.status.empty()) {
    w.sql += "AND f.is_open = 1 ";
  } else if (f.status != "all") {
    w.sql += "AND f.status = ? ";
    w.args.emplace_back(f.status);
  }
  if (f.category_id) {
    w.sql += "AND f.category_id = ? ";
    w.args.emplace_back(*f.category_id);
  }
  if (f.assignee_id) {
    if (*f.assignee_id == 0) {
      w.sql += "AND f.assignee_id IS NULL ";
    } else {
      w.sql += "AND f.assignee_id = ? ";
      w.args.emplace_back(*f.assignee_id);
    }
  }
  if (f.overdue_only) {
    w.sql += "AND f.is_open = 1 AND f.due_on < ? ";
    w.args.emplace_back(f.today);
  }
  return w;
}

}  // namespace

bool Case::overdue(std::chrono::year_month_day today) const {
  const auto due = core::parse_day(due_on);
  if (!due) return false;
  return is_overdue(is_open(), *due, closed_on(), today);
}

std::optional<std::chrono::year_month_day> Case::closed_on() const {
  if (closed_at.empty()) return std::nullopt;
  return core::parse_day(web::iso_day_of(closed_at));
}

Problems check_category(const Category& k) {
  Problems found;
  const bool code_ok = k.code.size() >= 2 && k.code.size() <= 40 &&
                       std::all_of(k.code.begin(), k.code.end(), [](char ch) {
                         return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
                       });
  if (!code_ok) found.emplace_back("code", "feedback_category_code");
  const auto n = core::character_count(k.name_th);
  if (n < 1 || n > 200 || !core::is_clean_text(k.name_th)) {
    found.emplace_back("name_th", "feedback_category_name");
  }
  if (core::character_count(k.name_en) > 200 || !core::is_clean_text(k.name_en)) {
    found.emplace_back("name_en", "feedback_category_name");
  }
  if (k.description.size() > 2000) found.emplace_back("description", "text_too_long");
  if (k.target_days < 1 || k.target_days > 365) {
    found.emplace_back("target_days", "feedback_target_days");
  }
  if (k.reopen_days < 0 || k.reopen_days > 365) {
    found.emplace_back("reopen_days", "feedback_reopen_days");
  }
  return found;
}

std::vector<Category> categories(storage::Connection& c, std::int64_t organisation_id,
                                 bool inactive_too) {
  std::vector<Category> out;
  auto rows = c.query(std::string(kCategorySelect) +
                          "WHERE organisation_id = ? AND (? OR active = 1) ORDER BY name_th, id",
                      organisation_id, inactive_too ? 1 : 0);
  while (rows.next()) out.push_back(read_category(rows));
  return out;
}

std::vector<Category> all_active_categories(storage::Connection& c) {
  std::vector<Category> out;
  auto rows = c.query(std::string(kCategorySelect) + "WHERE active = 1 ORDER BY code");
  while (rows.next()) out.push_back(read_category(rows));
  return out;
}

std::optional<Category> find_category(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kCategorySelect) + "WHERE id = ?", id);
  if (!rows.next()) return std::nullopt;
  return read_category(rows);
}

std::optional<Category> find_category_by_code(storage::Connection& c, const std::string& code) {
  auto rows = c.query(std::string(kCategorySelect) + "WHERE code = ?", code);
  if (!rows.next()) return std::nullopt;
  return read_category(rows);
}

bool save_category(storage::Connection& c, Category& k) {
  try {
    if (k.id == 0) {
      c.execute(
          "INSERT INTO feedback_categories (organisation_id, code, name_th, name_en, description, "
          "target_days, reopen_days, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          k.organisation_id, k.code, k.name_th, k.name_en, k.description, k.target_days,
          k.reopen_days, k.active ? 1 : 0, now());
      k.id = c.last_insert_id();
    } else {
      c.execute(
          "UPDATE feedback_categories SET code = ?, name_th = ?, name_en = ?, description = ?, "
          "target_days = ?, reopen_days = ?, active = ? WHERE id = ?",
          k.code, k.name_th, k.name_en, k.description, k.target_days, k.reopen_days,
          k.active ? 1 : 0, k.id);
    }
  } catch (const storage::ConstraintError&) {
    return false;
  }
  return true;
}

std::int64_t create(storage::Connection& c, const NewCase& n) {
  const auto category = find_category(c, n.category_id);
  if (!category) throw std::invalid_argument("no such category");
  const auto received = core::today_in_thailand();
  const auto at = now();
  const auto& r = n.report;
  // A collision of 49-bit codes is unlikely but not impossible: try again.
  for (int attempt = 0;; ++attempt) {
    try {
      c.execute(
          "INSERT INTO feedback_cases (organisation_id, category_id, tracking_code, description, "
          "address, lat, lon, status, reporter_id, contact_name, contact_email, contact_phone, "
          "source, client_id, received_at, received_on, due_on, updated_at, forwarded_from) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          category->organisation_id, category->id, new_tracking_code(), r.description, r.address,
          r.lat, r.lon, n.reporter_id, r.contact_name, r.contact_email, r.contact_phone, n.source,
          n.client_id, at, core::iso_date(received),
          core::iso_date(due_day(received, category->target_days)), at, n.forwarded_from);
      break;
    } catch (const storage::ConstraintError&) {
      if (attempt >= 3) throw;
    }
  }
  const auto id = c.last_insert_id();
  add_event(c, id, "received", "received", "", "", true, std::nullopt);
  return id;
}

std::optional<Case> find(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kCaseSelect) + "WHERE f.id = ?", id);
  if (!rows.next()) return std::nullopt;
  return read_case(rows);
}

std::optional<Case> find_by_code(storage::Connection& c, const std::string& tracking_code) {
  auto rows = c.query(std::string(kCaseSelect) + "WHERE f.tracking_code = ?", tracking_code);
  if (!rows.next()) return std::nullopt;
  return read_case(rows);
}

Reporter reporter_of(storage::Connection& c, std::int64_t case_id) {
  Reporter p;
  auto rows = c.query(
      "SELECT f.reporter_id, COALESCE(u.display_name, ''), f.contact_name, f.contact_email, "
      "f.contact_phone FROM feedback_cases f LEFT JOIN users u ON u.id = f.reporter_id "
      "WHERE f.id = ?",
      case_id);
  if (!rows.next()) return p;
  if (!rows.is_null(0)) p.user_id = rows.integer(0);
  p.display_name = rows.text(1);
  p.name = rows.text(2);
  p.email = rows.text(3);
  p.phone = rows.text(4);
  return p;
}

std::vector<Event> timeline(storage::Connection& c, std::int64_t case_id, bool internal_too) {
  std::vector<Event> out;
  auto rows = c.query(
      "SELECT e.id, e.at, e.kind, e.status, e.stage, e.note, COALESCE(u.display_name, ''), "
      "e.public FROM feedback_events e LEFT JOIN users u ON u.id = e.actor_id "
      "WHERE e.case_id = ? AND (? OR e.public = 1) ORDER BY e.id",
      case_id, internal_too ? 1 : 0);
  while (rows.next()) {
    out.push_back({rows.integer(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4),
                   rows.text(5), rows.text(6), rows.integer(7) != 0});
  }
  return out;
}

void change_status(storage::Connection& c, std::int64_t case_id, const std::string& status,
                   const std::string& stage, const std::string& note, std::int64_t actor_id) {
  const auto at = now();
  const bool open = is_open_status(status);
  c.execute(
      "UPDATE feedback_cases SET status = ?, stage = ?, is_open = ?, updated_at = ?, "
      "accepted_at = CASE WHEN ? = 'received' THEN accepted_at ELSE COALESCE(accepted_at, ?) END, "
      "closed_at = CASE WHEN ? THEN NULL ELSE ? END WHERE id = ?",
      status, status == "in_progress" ? stage : std::string(), open ? 1 : 0, at, status, at,
      open ? 1 : 0, at, case_id);
  add_event(c, case_id, "status", status, status == "in_progress" ? stage : "", note, true,
            positive(actor_id));
}

void assign(storage::Connection& c, std::int64_t case_id, std::optional<std::int64_t> assignee_id,
            std::int64_t actor_id) {
  c.execute("UPDATE feedback_cases SET assignee_id = ?, updated_at = ? WHERE id = ?", assignee_id,
            now(), case_id);
  std::string name;
  if (assignee_id) {
    auto rows = c.query("SELECT display_name FROM users WHERE id = ?", *assignee_id);
    if (rows.next()) name = rows.text(0);
  }
  add_event(c, case_id, "assigned", "", "", name, false, positive(actor_id));
}

void add_note(storage::Connection& c, std::int64_t case_id, const std::string& note,
              std::int64_t actor_id) {
  add_event(c, case_id, "note", "", "", note, false, positive(actor_id));
}

std::int64_t forward(storage::Connection& c, std::int64_t case_id, std::int64_t category_id,
                     const std::string& reason, std::int64_t actor_id) {
  const auto at = now();
  NewCase n;
  n.category_id = category_id;
  n.forwarded_from = case_id;
  {
    auto rows = c.query(
        "SELECT description, address, lat, lon, reporter_id, contact_name, contact_email, "
        "contact_phone, source, client_id FROM feedback_cases WHERE id = ?",
        case_id);
    if (!rows.next()) throw std::invalid_argument("no such case");
    n.report.description = rows.text(0);
    n.report.address = rows.text(1);
    if (!rows.is_null(2) && !rows.is_null(3)) {
      n.report.lat = rows.real(2);
      n.report.lon = rows.real(3);
    }
    if (!rows.is_null(4)) n.reporter_id = rows.integer(4);
    n.report.contact_name = rows.text(5);
    n.report.contact_email = rows.text(6);
    n.report.contact_phone = rows.text(7);
    n.source = rows.text(8);
    if (!rows.is_null(9)) n.client_id = rows.integer(9);
  }
  const auto new_id = create(c, n);
  // The photos go with the report (the same stored files).
  c.execute(
      "INSERT INTO feedback_photos (case_id, kind, storage_key, content_type, byte_size, sha256, "
      "created_at) SELECT ?, kind, storage_key, content_type, byte_size, sha256, created_at "
      "FROM feedback_photos WHERE case_id = ? AND kind = 'report'",
      new_id, case_id);
  c.execute(
      "UPDATE feedback_cases SET status = 'forwarded', stage = '', is_open = 0, closed_at = ?, "
      "updated_at = ?, forwarded_to = ? WHERE id = ?",
      at, at, new_id, case_id);
  add_event(c, case_id, "forwarded", "forwarded", "", reason, true, positive(actor_id));
  return new_id;
}

void move_duplicates(storage::Connection& c, std::int64_t from_id, std::int64_t to_id) {
  c.execute("UPDATE feedback_cases SET merged_into = ? WHERE merged_into = ?", to_id, from_id);
}

void merge(storage::Connection& c, std::int64_t case_id, std::int64_t into_id,
           const std::string& note, std::int64_t actor_id) {
  const auto at = now();
  c.execute(
      "UPDATE feedback_cases SET status = 'merged', stage = '', is_open = 0, closed_at = ?, "
      "updated_at = ?, merged_into = ? WHERE id = ?",
      at, at, into_id, case_id);
  add_event(c, case_id, "merged", "merged", "", note, true, positive(actor_id));
}

bool rate(storage::Connection& c, std::int64_t case_id, int stars, const std::string& comment) {
  const auto at = now();
  const auto changed = c.execute(
      "UPDATE feedback_cases SET rating = ?, rated_at = ?, updated_at = ? "
      "WHERE id = ? AND rating IS NULL AND status IN ('resolved', 'not_relevant')",
      stars, at, at, case_id);
  if (changed == 0) return false;
  add_event(c, case_id, "rated", "", std::to_string(stars), comment, true, std::nullopt);
  return true;
}

void reopen(storage::Connection& c, std::int64_t case_id, const std::string& reason) {
  const auto at = now();
  c.execute(
      "UPDATE feedback_cases SET status = 'accepted', stage = '', is_open = 1, closed_at = NULL, "
      "rating = NULL, rated_at = NULL, reopen_count = reopen_count + 1, updated_at = ? "
      "WHERE id = ?",
      at, case_id);
  add_event(c, case_id, "reopened", "accepted", "", reason, true, std::nullopt);
}

std::vector<Recipient> recipients(storage::Connection& c, std::int64_t case_id) {
  std::vector<Recipient> out;
  auto rows = c.query(
      "SELECT reporter_id, contact_email, tracking_code FROM feedback_cases "
      "WHERE id = ?1 OR merged_into = ?1 ORDER BY id",
      case_id);
  while (rows.next()) {
    Recipient r;
    if (!rows.is_null(0)) r.user_id = rows.integer(0);
    r.email = rows.text(1);
    r.tracking_code = rows.text(2);
    if (r.user_id || !r.email.empty()) out.push_back(r);
  }
  return out;
}

std::int64_t add_photo(storage::Connection& c, const Photo& p) {
  c.execute(
      "INSERT INTO feedback_photos (case_id, kind, storage_key, content_type, byte_size, sha256, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      p.case_id, p.kind, p.storage_key, p.content_type, p.byte_size, p.sha256, now());
  return c.last_insert_id();
}

namespace {
constexpr const char* kPhotoSelect =
    "SELECT id, case_id, kind, storage_key, content_type, sha256, created_at, byte_size "
    "FROM feedback_photos ";
Photo read_photo(const storage::Rows& r) {
  return {r.integer(0), r.integer(1), r.text(2), r.text(3),
          r.text(4),    r.text(5),    r.text(6), r.integer(7)};
}
}  // namespace

std::vector<Photo> photos(storage::Connection& c, std::int64_t case_id) {
  std::vector<Photo> out;
  auto rows = c.query(std::string(kPhotoSelect) + "WHERE case_id = ? ORDER BY id", case_id);
  while (rows.next()) out.push_back(read_photo(rows));
  return out;
}

std::optional<Photo> find_photo(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kPhotoSelect) + "WHERE id = ?", id);
  if (!rows.next()) return std::nullopt;
  return read_photo(rows);
}

std::vector<Case> queue(storage::Connection& c, const QueueFilter& f) {
  std::vector<Case> out;
  auto where = queue_where(f);
  where.args.emplace_back(std::int64_t{f.limit});
  where.args.emplace_back(std::int64_t{f.offset});
  auto rows = c.query_values(std::string(kCaseSelect) + where.sql +
                                 "ORDER BY f.is_open DESC, f.due_on, f.id LIMIT ? OFFSET ?",
                             where.args);
  while (rows.next()) out.push_back(read_case(rows));
  return out;
}

std::int64_t queue_count(storage::Connection& c, const QueueFilter& f) {
  const auto where = queue_where(f);
  auto rows = c.query_values("SELECT COUNT(*) FROM feedback_cases f " + where.sql, where.args);
  rows.next();
  return rows.integer(0);
}

std::vector<Workload> workload(storage::Connection& c, std::int64_t organisation_id,
                               const std::string& today) {
  std::vector<Workload> out;
  // Counted first (from the covering index), then named.
  auto rows = c.query(
      "SELECT w.assignee_id, COALESCE(u.display_name, ''), w.open, w.late FROM "
      "(SELECT assignee_id, COUNT(*) AS open, SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END) AS late "
      "FROM feedback_cases WHERE organisation_id = ? AND is_open = 1 GROUP BY assignee_id) w "
      "LEFT JOIN users u ON u.id = w.assignee_id "
      "ORDER BY w.assignee_id IS NOT NULL, w.open DESC",
      today, organisation_id);
  while (rows.next()) {
    Workload w;
    if (!rows.is_null(0)) w.user_id = rows.integer(0);
    w.name = rows.text(1);
    w.open = rows.integer(2);
    w.overdue = rows.integer(3);
    out.push_back(w);
  }
  return out;
}

std::vector<Case> public_cases(storage::Connection& c, const PublicFilter& f) {
  // One statement text whatever the filter (lists go in as JSON arrays), so
  // the statement cache stays small.
  boost::json::array id_list, code_list;
  for (auto id : f.ids) id_list.emplace_back(id);
  for (const auto& code : f.codes) {
    Category probe;
    probe.code = code;
    probe.name_th = "-";
    if (check_category(probe).empty()) code_list.emplace_back(code);
  }
  const std::string ids = boost::json::serialize(id_list);
  const std::string codes = boost::json::serialize(code_list);
  std::vector<Case> out;
  auto rows =
      c.query(std::string(kCaseSelect) +
                  "WHERE (?1 = '[]' OR f.id IN (SELECT value FROM json_each(?1))) "
                  "AND (?2 = 0 OR k.code IN (SELECT value FROM json_each(?3))) "
                  "AND (?4 = 0 OR f.organisation_id = ?4) "
                  "AND (?5 = '' OR f.received_at >= ?5) AND (?6 = '' OR f.received_at < ?6) "
                  "AND (?7 = '' OR f.is_open = (?7 = 'open')) "
                  "ORDER BY f.received_at DESC, f.id DESC LIMIT ?8 OFFSET ?9",
              ids, f.codes.empty() || !f.ids.empty() ? 0 : 1, codes, f.organisation_id.value_or(0),
              f.ids.empty() ? f.from : "", f.ids.empty() ? f.to : "",
              f.ids.empty() ? f.open311_status : "", f.limit, f.offset);
  while (rows.next()) out.push_back(read_case(rows));
  return out;
}

}  // namespace ruamkit::features::feedback
