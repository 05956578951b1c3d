#include "features/feedback/cases.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/day.h"
#include "core/fiscal_year.h"
#include "core/utf8.h"
#include "features/spaces/rules.h"
#include "web/dates.h"

namespace ruamkit::features::feedback {

Status stored_status(std::string_view name) {
  // The table's CHECK keeps the names known: another is a broken database.
  const auto status = parse_status(name);
  if (!status) throw storage::DatabaseError("feedback case with an unknown status");
  return *status;
}
namespace {

std::string now() { return core::iso_timestamp(core::Clock::now()); }

std::optional<std::int64_t> positive(std::int64_t id) {
  return id > 0 ? std::optional(id) : std::nullopt;
}

constexpr const char* kCategorySelect =
    "SELECT id AS id, organisation_id AS organisation_id, code AS code, name_th AS name_th, "
    "name_en AS name_en, description AS description, target_days AS target_days, "
    "active AS active, reopen_days AS reopen_days "
    "FROM feedback_categories ";

// Reads a category from the columns named `prefix` + its member name
// ("id", … or, within a case, "category_id", …).
Category read_category(const storage::Rows& r, std::string_view prefix = "") {
  const auto column = [prefix](std::string_view name) {
    std::string full(prefix);
    full += name;
    return full;
  };
  Category k;
  k.id = r.integer(column("id"));
  k.organisation_id = r.integer(column("organisation_id"));
  k.code = r.text(column("code"));
  k.name_th = r.text(column("name_th"));
  k.name_en = r.text(column("name_en"));
  k.description = r.text(column("description"));
  k.target_days = static_cast<int>(r.integer(column("target_days")));
  k.active = r.integer(column("active")) != 0;
  k.reopen_days = static_cast<int>(r.integer(column("reopen_days")));
  return k;
}

constexpr const char* kCaseSelect =
    "SELECT f.id AS id, f.organisation_id AS organisation_id, o.slug AS organisation_slug, "
    "o.name_th AS organisation_name_th, o.name_en AS organisation_name_en, "
    "f.tracking_code AS tracking_code, f.description AS description, f.address AS address, "
    "f.lat AS lat, f.lon AS lon, f.status AS status, f.stage AS stage, f.source AS source, "
    "f.assignee_id AS assignee_id, COALESCE(u.display_name, '') AS assignee_name, "
    "f.assigned_by AS assigned_by, "
    "f.received_at AS received_at, f.received_on AS received_on, f.due_on AS due_on, "
    "COALESCE(f.accepted_at, '') AS accepted_at, COALESCE(f.closed_at, '') AS closed_at, "
    "f.updated_at AS updated_at, f.forwarded_from AS forwarded_from, "
    "f.forwarded_to AS forwarded_to, f.merged_into AS merged_into, f.rating AS rating, "
    "f.reopen_count AS reopen_count, "
    "k.id AS category_id, k.organisation_id AS category_organisation_id, "
    "k.code AS category_code, k.name_th AS category_name_th, k.name_en AS category_name_en, "
    "k.description AS category_description, k.target_days AS category_target_days, "
    "k.active AS category_active, k.reopen_days AS category_reopen_days "
    "FROM feedback_cases f JOIN organisations o ON o.id = f.organisation_id "
    "JOIN feedback_categories k ON k.id = f.category_id "
    "LEFT JOIN users u ON u.id = f.assignee_id ";

std::optional<std::int64_t> optional_integer(const storage::Rows& r, std::string_view column) {
  if (r.is_null(column)) return std::nullopt;
  return r.integer(column);
}

Case read_case(const storage::Rows& r) {
  Case f;
  f.id = r.integer("id");
  f.organisation_id = r.integer("organisation_id");
  f.organisation_slug = r.text("organisation_slug");
  f.organisation_name_th = r.text("organisation_name_th");
  f.organisation_name_en = r.text("organisation_name_en");
  f.tracking_code = r.text("tracking_code");
  f.description = r.text("description");
  f.address = r.text("address");
  if (!r.is_null("lat") && !r.is_null("lon")) {
    f.lat = r.real("lat");
    f.lon = r.real("lon");
  }
  f.status = stored_status(r.text("status"));
  f.stage = r.text("stage");
  f.source = r.text("source");
  f.assignee_id = optional_integer(r, "assignee_id");
  f.assignee_name = r.text("assignee_name");
  f.assigned_by = optional_integer(r, "assigned_by");
  f.received_at = r.text("received_at");
  f.received_on = r.text("received_on");
  f.due_on = r.text("due_on");
  f.accepted_at = r.text("accepted_at");
  f.closed_at = r.text("closed_at");
  f.updated_at = r.text("updated_at");
  f.forwarded_from = optional_integer(r, "forwarded_from");
  f.forwarded_to = optional_integer(r, "forwarded_to");
  f.merged_into = optional_integer(r, "merged_into");
  if (!r.is_null("rating")) f.rating = static_cast<int>(r.integer("rating"));
  f.reopen_count = static_cast<int>(r.integer("reopen_count"));
  f.category = read_category(r, "category_");
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
  auto rows =
      c.query(std::string(kCategorySelect) +
                  "WHERE organisation_id = ? AND (? = 1 OR active = 1) ORDER BY name_th, id",
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

namespace {

void write_category(storage::Connection& c, Category& k) {
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
        k.code, k.name_th, k.name_en, k.description, k.target_days, k.reopen_days, k.active ? 1 : 0,
        k.id);
  }
}

}  // namespace

bool save_category(storage::Connection& c, Category& k) {
  try {
    c.savepoint([&] { write_category(c, k); });
  } catch (const storage::ConstraintError&) {
    return false;  // the code is taken
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
      c.savepoint([&] {
        c.execute(
            "INSERT INTO feedback_cases (organisation_id, category_id, tracking_code, description, "
            "address, lat, lon, status, reporter_id, contact_name, contact_email, contact_phone, "
            "source, client_id, received_at, received_on, due_on, updated_at, forwarded_from) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            category->organisation_id, category->id, new_tracking_code(), r.description, r.address,
            r.lat, r.lon, n.reporter_id, r.contact_name, r.contact_email, r.contact_phone, n.source,
            n.client_id, at, core::iso_date(received),
            core::iso_date(due_day(received, category->target_days)), at, n.forwarded_from);
      });
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
      "SELECT f.reporter_id AS user_id, COALESCE(u.display_name, '') AS display_name, "
      "f.contact_name AS name, f.contact_email AS email, f.contact_phone AS phone "
      "FROM feedback_cases f LEFT JOIN users u ON u.id = f.reporter_id WHERE f.id = ?",
      case_id);
  if (!rows.next()) return p;
  if (!rows.is_null("user_id")) p.user_id = rows.integer("user_id");
  p.display_name = rows.text("display_name");
  p.name = rows.text("name");
  p.email = rows.text("email");
  p.phone = rows.text("phone");
  return p;
}

std::vector<Event> timeline(storage::Connection& c, std::int64_t case_id, bool internal_too) {
  std::vector<Event> out;
  auto rows = c.query(
      "SELECT e.id AS id, e.at AS at, e.kind AS kind, e.status AS status, e.stage AS stage, "
      "e.note AS note, COALESCE(u.display_name, '') AS actor_name, e.public AS is_public "
      "FROM feedback_events e LEFT JOIN users u ON u.id = e.actor_id "
      "WHERE e.case_id = ? AND (? = 1 OR e.public = 1) ORDER BY e.id",
      case_id, internal_too ? 1 : 0);
  while (rows.next()) {
    out.push_back({rows.integer("id"), rows.text("at"), rows.text("kind"), rows.text("status"),
                   rows.text("stage"), rows.text("note"), rows.text("actor_name"),
                   rows.integer("is_public") != 0});
  }
  return out;
}

void change_status(storage::Connection& c, std::int64_t case_id, Status status,
                   const std::string& stage, const std::string& note, std::int64_t actor_id) {
  const auto at = now();
  const bool open = is_open_status(status);
  const std::string name(status_name(status));
  const std::string kept_stage = status == Status::in_progress ? stage : std::string();
  c.execute(
      "UPDATE feedback_cases SET status = ?, stage = ?, is_open = ?, updated_at = ?, "
      "accepted_at = CASE WHEN ? = 'received' THEN accepted_at ELSE COALESCE(accepted_at, ?) END, "
      "closed_at = CASE WHEN ? THEN NULL ELSE ? END WHERE id = ?",
      name, kept_stage, open ? 1 : 0, at, name, at, open ? 1 : 0, at, case_id);
  add_event(c, case_id, "status", name, kept_stage, note, true, positive(actor_id));
}

void assign(storage::Connection& c, std::int64_t case_id, std::optional<std::int64_t> assignee_id,
            std::int64_t actor_id) {
  c.execute(
      "UPDATE feedback_cases SET assignee_id = ?, assigned_by = ?, updated_at = ? WHERE id = ?",
      assignee_id, assignee_id ? positive(actor_id) : std::nullopt, now(), case_id);
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
        "SELECT description AS description, address AS address, lat AS lat, lon AS lon, "
        "reporter_id AS reporter_id, contact_name AS contact_name, "
        "contact_email AS contact_email, contact_phone AS contact_phone, source AS source, "
        "client_id AS client_id FROM feedback_cases WHERE id = ?",
        case_id);
    if (!rows.next()) throw std::invalid_argument("no such case");
    n.report.description = rows.text("description");
    n.report.address = rows.text("address");
    if (!rows.is_null("lat") && !rows.is_null("lon")) {
      n.report.lat = rows.real("lat");
      n.report.lon = rows.real("lon");
    }
    if (!rows.is_null("reporter_id")) n.reporter_id = rows.integer("reporter_id");
    n.report.contact_name = rows.text("contact_name");
    n.report.contact_email = rows.text("contact_email");
    n.report.contact_phone = rows.text("contact_phone");
    n.source = rows.text("source");
    if (!rows.is_null("client_id")) n.client_id = rows.integer("client_id");
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
      "SELECT reporter_id AS user_id, contact_email AS email, tracking_code AS tracking_code "
      "FROM feedback_cases WHERE id = ?1 OR merged_into = ?1 ORDER BY id",
      case_id);
  while (rows.next()) {
    Recipient r;
    if (!rows.is_null("user_id")) r.user_id = rows.integer("user_id");
    r.email = rows.text("email");
    r.tracking_code = rows.text("tracking_code");
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
    "SELECT id AS id, case_id AS case_id, kind AS kind, storage_key AS storage_key, "
    "content_type AS content_type, sha256 AS sha256, created_at AS created_at, "
    "byte_size AS byte_size FROM feedback_photos ";
Photo read_photo(const storage::Rows& r) {
  return {r.integer("id"),       r.integer("case_id"),   r.text("kind"),
          r.text("storage_key"), r.text("content_type"), r.text("sha256"),
          r.text("created_at"),  r.integer("byte_size")};
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
      "SELECT w.assignee_id AS user_id, COALESCE(u.display_name, '') AS name, w.open AS open, "
      "w.late AS overdue FROM "
      "(SELECT assignee_id, COUNT(*) AS open, SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END) AS late "
      "FROM feedback_cases WHERE organisation_id = ? AND is_open = 1 GROUP BY assignee_id) w "
      "LEFT JOIN users u ON u.id = w.assignee_id "
      "ORDER BY w.assignee_id IS NOT NULL, w.open DESC",
      today, organisation_id);
  while (rows.next()) {
    Workload w;
    if (!rows.is_null("user_id")) w.user_id = rows.integer("user_id");
    w.name = rows.text("name");
    w.open = rows.integer("open");
    w.overdue = rows.integer("overdue");
    out.push_back(w);
  }
  return out;
}

std::vector<Case> public_cases(storage::Connection& c, const PublicFilter& f) {
  Where w{"WHERE 1 = 1 ", {}};
  auto in_list = [&](std::string_view column, const auto& values) {
    w.sql += "AND " + std::string(column) + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) {
      w.sql += i == 0 ? "?" : ", ?";
      w.args.emplace_back(values[i]);
    }
    w.sql += ") ";
  };
  if (!f.ids.empty()) {
    in_list("f.id", f.ids);  // asked for by id: the other filters do not apply
  } else if (!f.codes.empty()) {
    std::vector<std::string> known;
    for (const auto& code : f.codes) {
      Category probe;
      probe.code = code;
      probe.name_th = "-";
      if (check_category(probe).empty()) known.push_back(code);
    }
    if (known.empty()) {
      w.sql += "AND 1 = 0 ";  // only codes that cannot exist
    } else {
      in_list("k.code", known);
    }
  }
  if (f.organisation_id && *f.organisation_id != 0) {
    w.sql += "AND f.organisation_id = ? ";
    w.args.emplace_back(*f.organisation_id);
  }
  if (f.ids.empty()) {
    if (!f.from.empty()) {
      w.sql += "AND f.received_at >= ? ";
      w.args.emplace_back(f.from);
    }
    if (!f.to.empty()) {
      w.sql += "AND f.received_at < ? ";
      w.args.emplace_back(f.to);
    }
    if (f.open311_status == "open") w.sql += "AND f.is_open = 1 ";
    if (f.open311_status == "closed") w.sql += "AND f.is_open = 0 ";
  }
  w.sql += "ORDER BY f.received_at DESC, f.id DESC LIMIT ? OFFSET ?";
  w.args.emplace_back(static_cast<std::int64_t>(f.limit));
  w.args.emplace_back(static_cast<std::int64_t>(f.offset));
  std::vector<Case> out;
  auto rows = c.query_values(std::string(kCaseSelect) + w.sql, w.args);
  while (rows.next()) out.push_back(read_case(rows));
  return out;
}

}  // namespace ruamkit::features::feedback
