#include "features/feedback/plan.h"

#include "core/clock.h"
#include "core/day.h"
#include "core/text.h"
#include "core/utf8.h"
#include "features/spaces/rules.h"

namespace ruamkit::features::feedback {
namespace {

constexpr const char* kSelect =
    "SELECT i.id AS id, i.organisation_id AS organisation_id, i.fiscal_year AS fiscal_year, "
    "i.title AS title, i.finding AS finding, i.action AS action, i.owner_id AS owner_id, "
    "COALESCE(u.display_name, '') AS owner_name, COALESCE(i.due_on, '') AS due_on, "
    "i.status AS status, i.done_note AS done_note, i.updated_at AS updated_at "
    "FROM improvement_items i LEFT JOIN users u ON u.id = i.owner_id ";

PlanItem read(const storage::Rows& r) {
  PlanItem p;
  p.id = r.integer("id");
  p.organisation_id = r.integer("organisation_id");
  p.fiscal_year = static_cast<int>(r.integer("fiscal_year"));
  p.title = r.text("title");
  p.finding = r.text("finding");
  p.action = r.text("action");
  if (!r.is_null("owner_id")) p.owner_id = r.integer("owner_id");
  p.owner_name = r.text("owner_name");
  p.due_on = r.text("due_on");
  p.status = r.text("status");
  p.done_note = r.text("done_note");
  p.updated_at = r.text("updated_at");
  return p;
}

bool length_between(const std::string& text, std::size_t low, std::size_t high) {
  if (!core::is_valid_utf8(text)) return false;
  const auto n = core::character_count(text);
  return n >= low && n <= high && !core::is_blank(text);
}

}  // namespace

Problems check_plan_item(const PlanItem& item) {
  Problems found;
  if (!length_between(item.title, 1, 300) || !core::is_clean_text(item.title)) {
    found.emplace_back("title", "plan_title_length");
  }
  if (!length_between(item.finding, 1, 5000)) found.emplace_back("finding", "plan_text_length");
  if (!length_between(item.action, 1, 5000)) found.emplace_back("action", "plan_text_length");
  if (item.status != "planned" && item.status != "in_progress" && item.status != "done") {
    found.emplace_back("status", "plan_status_unknown");
  }
  if (!item.due_on.empty() && !core::parse_day(item.due_on)) {
    found.emplace_back("due_on", "date_invalid");
  }
  if (core::character_count(item.done_note) > 5000)
    found.emplace_back("done_note", "text_too_long");
  if (item.fiscal_year < 2500 || item.fiscal_year > 2700) {
    found.emplace_back("fiscal_year", "plan_year_invalid");
  }
  return found;
}

std::vector<PlanItem> plan(storage::Connection& c, std::int64_t organisation_id, int fiscal_year) {
  std::vector<PlanItem> out;
  auto rows = c.query(std::string(kSelect) +
                          "WHERE i.organisation_id = ? AND i.fiscal_year = ? "
                          "ORDER BY i.status = 'done', COALESCE(i.due_on, '9999'), i.id",
                      organisation_id, fiscal_year);
  while (rows.next()) out.push_back(read(rows));
  return out;
}

std::optional<PlanItem> find_plan_item(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE i.id = ?", id);
  if (!rows.next()) return std::nullopt;
  return read(rows);
}

std::int64_t save_plan_item(storage::Connection& c, const PlanItem& p) {
  const auto at = core::iso_timestamp(core::Clock::now());
  const std::optional<std::string> due =
      p.due_on.empty() ? std::nullopt : std::optional<std::string>(p.due_on);
  if (p.id == 0) {
    c.execute(
        "INSERT INTO improvement_items (organisation_id, fiscal_year, title, finding, action, "
        "owner_id, due_on, status, done_note, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p.organisation_id, p.fiscal_year, p.title, p.finding, p.action, p.owner_id, due, p.status,
        p.done_note, at, at);
    return c.last_insert_id();
  }
  c.execute(
      "UPDATE improvement_items SET fiscal_year = ?, title = ?, finding = ?, action = ?, "
      "owner_id = ?, due_on = ?, status = ?, done_note = ?, updated_at = ? WHERE id = ?",
      p.fiscal_year, p.title, p.finding, p.action, p.owner_id, due, p.status, p.done_note, at,
      p.id);
  return p.id;
}

}  // namespace ruamkit::features::feedback
