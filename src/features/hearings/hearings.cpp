#include "features/hearings/hearings.h"

#include <map>

#include "core/clock.h"
#include "features/documents/documents.h"
#include "features/search/index.h"
#include "web/markdown.h"

namespace ruamkit::features::hearings {
namespace {

constexpr const char* kSelect =
    "SELECT h.id, h.space_id, s.organisation_id, o.slug, o.name_th, o.name_en, s.title, s.status, "
    "h.title, h.draft_kind, h.explanatory_note, h.opens_on, h.closes_on, h.status, "
    "h.anonymous_allowed, h.summary, COALESCE(h.summary_published_at, ''), "
    "COALESCE(h.published_at, ''), h.created_at, h.updated_at "
    "FROM hearings h JOIN spaces s ON s.id = h.space_id "
    "JOIN organisations o ON o.id = s.organisation_id ";

Hearing read(const storage::Rows& r) {
  Hearing h;
  h.id = r.integer(0);
  h.space_id = r.integer(1);
  h.organisation_id = r.integer(2);
  h.organisation_slug = r.text(3);
  h.organisation_name_th = r.text(4);
  h.organisation_name_en = r.text(5);
  h.space_title = r.text(6);
  h.space_status = r.text(7);
  h.title = r.text(8);
  h.draft_kind = r.text(9);
  h.explanatory_note = r.text(10);
  h.opens_on = r.text(11);
  h.closes_on = r.text(12);
  h.status = r.text(13);
  h.anonymous_allowed = r.integer(14) != 0;
  h.summary = r.text(15);
  h.summary_published_at = r.text(16);
  h.published_at = r.text(17);
  h.created_at = r.text(18);
  h.updated_at = r.text(19);
  return h;
}

std::string now() { return core::iso_timestamp(core::Clock::now()); }

std::int64_t latest_version(storage::Connection& c, std::int64_t hearing_id) {
  auto rows =
      c.query("SELECT id FROM hearing_versions WHERE hearing_id = ? ORDER BY number DESC LIMIT 1",
              hearing_id);
  return rows.next() ? rows.integer(0) : 0;
}

}  // namespace

std::optional<Hearing> find(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE h.id = ?", id);
  if (!rows.next()) return std::nullopt;
  return read(rows);
}

std::vector<Hearing> of_space(storage::Connection& c, std::int64_t space_id, bool drafts) {
  std::vector<Hearing> out;
  auto rows = c.query(std::string(kSelect) +
                          "WHERE h.space_id = ? AND (? OR h.status = 'published') "
                          "ORDER BY h.opens_on DESC, h.id DESC",
                      space_id, drafts ? 1 : 0);
  while (rows.next()) out.push_back(read(rows));
  return out;
}

std::vector<Hearing> closed_unannounced(storage::Connection& c, const std::string& today) {
  std::vector<Hearing> out;
  auto rows = c.query(std::string(kSelect) +
                          "WHERE h.status = 'published' AND h.closes_on < ? AND "
                          "h.closed_notified_at IS NULL",
                      today);
  while (rows.next()) out.push_back(read(rows));
  return out;
}

void mark_close_announced(storage::Connection& c, std::int64_t id) {
  c.execute("UPDATE hearings SET closed_notified_at = ? WHERE id = ?", now(), id);
}

std::int64_t create(storage::Connection& c, std::int64_t space_id, const Fields& f,
                    bool anonymous_allowed, std::int64_t created_by) {
  const auto at = now();
  c.execute(
      "INSERT INTO hearings (space_id, title, draft_kind, explanatory_note, opens_on, closes_on, "
      "anonymous_allowed, status, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)",
      space_id, f.title, f.draft_kind, f.explanatory_note, f.opens_on, f.closes_on,
      anonymous_allowed ? 1 : 0,
      created_by > 0 ? std::optional<std::int64_t>(created_by) : std::nullopt, at, at);
  const auto id = c.last_insert_id();
  c.execute(
      "INSERT INTO hearing_versions (hearing_id, number, note, created_at) VALUES (?, 1, '', ?)",
      id, at);
  return id;
}

void update(storage::Connection& c, std::int64_t id, const Fields& f, bool anonymous_allowed) {
  c.execute(
      "UPDATE hearings SET title = ?, draft_kind = ?, explanatory_note = ?, opens_on = ?, "
      "closes_on = ?, anonymous_allowed = ?, updated_at = ? WHERE id = ?",
      f.title, f.draft_kind, f.explanatory_note, f.opens_on, f.closes_on, anonymous_allowed ? 1 : 0,
      now(), id);
  reindex(c, id);
}

void publish(storage::Connection& c, std::int64_t id) {
  const auto at = now();
  c.execute(
      "UPDATE hearings SET status = 'published', published_at = COALESCE(published_at, ?), "
      "updated_at = ? WHERE id = ?",
      at, at, id);
  reindex(c, id);
}

std::vector<Version> versions(storage::Connection& c, std::int64_t hearing_id) {
  std::vector<Version> out;
  std::map<std::int64_t, std::size_t> index;
  {
    auto rows = c.query(
        "SELECT id, number, note, created_at FROM hearing_versions WHERE hearing_id = ? "
        "ORDER BY number",
        hearing_id);
    while (rows.next()) {
      index[rows.integer(0)] = out.size();
      out.push_back(
          {rows.integer(0), static_cast<int>(rows.integer(1)), rows.text(2), rows.text(3), {}});
    }
  }
  auto rows = c.query(
      "SELECT s.id, s.version_id, s.position, s.heading, s.body FROM hearing_sections s "
      "JOIN hearing_versions v ON v.id = s.version_id WHERE v.hearing_id = ? "
      "ORDER BY s.version_id, s.position",
      hearing_id);
  while (rows.next()) {
    out[index[rows.integer(1)]].sections.push_back({rows.integer(0), rows.integer(1),
                                                    static_cast<int>(rows.integer(2)), rows.text(3),
                                                    rows.text(4)});
  }
  return out;
}

std::optional<Section> find_section(storage::Connection& c, std::int64_t section_id) {
  auto rows =
      c.query("SELECT id, version_id, position, heading, body FROM hearing_sections WHERE id = ?",
              section_id);
  if (!rows.next()) return std::nullopt;
  return Section{rows.integer(0), rows.integer(1), static_cast<int>(rows.integer(2)), rows.text(3),
                 rows.text(4)};
}

std::optional<std::pair<std::int64_t, int>> section_owner(storage::Connection& c,
                                                          std::int64_t section_id) {
  auto rows = c.query(
      "SELECT v.hearing_id, v.number FROM hearing_sections s JOIN hearing_versions v "
      "ON v.id = s.version_id WHERE s.id = ?",
      section_id);
  if (!rows.next()) return std::nullopt;
  return std::pair(rows.integer(0), static_cast<int>(rows.integer(1)));
}

std::int64_t add_section(storage::Connection& c, std::int64_t version_id,
                         const std::string& heading, const std::string& body) {
  c.execute(
      "INSERT INTO hearing_sections (version_id, position, heading, body) VALUES "
      "(?, (SELECT COALESCE(MAX(position), 0) + 1 FROM hearing_sections WHERE version_id = ?), ?, "
      "?)",
      version_id, version_id, heading, body);
  return c.last_insert_id();
}

void update_section(storage::Connection& c, std::int64_t section_id, const std::string& heading,
                    const std::string& body) {
  c.execute("UPDATE hearing_sections SET heading = ?, body = ? WHERE id = ?", heading, body,
            section_id);
}

void remove_section(storage::Connection& c, std::int64_t section_id) {
  c.execute("DELETE FROM hearing_sections WHERE id = ?", section_id);
}

std::int64_t start_revision(storage::Connection& c, std::int64_t hearing_id,
                            const std::string& note) {
  const auto from = latest_version(c, hearing_id);
  c.execute(
      "INSERT INTO hearing_versions (hearing_id, number, note, created_at) VALUES "
      "(?, (SELECT MAX(number) + 1 FROM hearing_versions WHERE hearing_id = ?), ?, ?)",
      hearing_id, hearing_id, note, now());
  const auto id = c.last_insert_id();
  c.execute(
      "INSERT INTO hearing_sections (version_id, position, heading, body) "
      "SELECT ?, position, heading, body FROM hearing_sections WHERE version_id = ? "
      "ORDER BY position",
      id, from);
  return id;
}

void set_version_note(storage::Connection& c, std::int64_t version_id, const std::string& note) {
  c.execute("UPDATE hearing_versions SET note = ? WHERE id = ?", note, version_id);
}

std::vector<Issue> issues(storage::Connection& c, std::int64_t hearing_id) {
  std::vector<Issue> out;
  std::map<std::int64_t, std::size_t> index;
  {
    auto rows = c.query(
        "SELECT id, title, response, reasons, outcome FROM hearing_issues WHERE hearing_id = ? "
        "ORDER BY id",
        hearing_id);
    while (rows.next()) {
      index[rows.integer(0)] = out.size();
      out.push_back({rows.integer(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4), {}});
    }
  }
  auto rows = c.query(
      "SELECT l.issue_id, l.comment_id FROM hearing_issue_comments l JOIN hearing_issues i "
      "ON i.id = l.issue_id WHERE i.hearing_id = ? ORDER BY l.comment_id",
      hearing_id);
  while (rows.next()) out[index[rows.integer(0)]].comment_ids.push_back(rows.integer(1));
  return out;
}

std::int64_t add_issue(storage::Connection& c, std::int64_t hearing_id, const Issue& issue) {
  c.execute(
      "INSERT INTO hearing_issues (hearing_id, title, response, reasons, outcome, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      hearing_id, issue.title, issue.response, issue.reasons, issue.outcome, now());
  const auto id = c.last_insert_id();
  for (const auto comment_id : issue.comment_ids) {
    c.execute("INSERT OR IGNORE INTO hearing_issue_comments (issue_id, comment_id) VALUES (?, ?)",
              id, comment_id);
  }
  return id;
}

bool remove_issue(storage::Connection& c, std::int64_t hearing_id, std::int64_t issue_id) {
  return c.execute("DELETE FROM hearing_issues WHERE id = ? AND hearing_id = ?", issue_id,
                   hearing_id) > 0;
}

void save_summary(storage::Connection& c, std::int64_t id, const std::string& summary) {
  c.execute("UPDATE hearings SET summary = ?, updated_at = ? WHERE id = ?", summary, now(), id);
  reindex(c, id);
}

void publish_summary(storage::Connection& c, std::int64_t id) {
  const auto at = now();
  c.execute(
      "UPDATE hearings SET summary_published_at = ?, updated_at = ? WHERE id = ? AND "
      "summary_published_at IS NULL",
      at, at, id);
  reindex(c, id);
}

std::vector<std::pair<std::string, std::int64_t>> comment_targets(storage::Connection& c,
                                                                  std::int64_t hearing_id) {
  std::vector<std::pair<std::string, std::int64_t>> out = {{"hearing", hearing_id}};
  auto rows = c.query(
      "SELECT s.id FROM hearing_sections s JOIN hearing_versions v ON v.id = s.version_id "
      "WHERE v.hearing_id = ? AND v.number = 1 ORDER BY s.position",
      hearing_id);
  while (rows.next()) out.emplace_back("hearing_section", rows.integer(0));
  return out;
}

void reindex(storage::Connection& c, std::int64_t id) {
  const auto h = find(c, id);
  if (!h) return;
  if (!h->is_public()) {
    search::unindex(c, "hearing", std::to_string(id));
    return;
  }
  std::string body = web::markdown_to_text(h->explanatory_note);
  const auto all = versions(c, id);
  if (!all.empty()) {
    // The text the public can read: version 1, and the revision once reported.
    const auto& shown = h->reported() ? all.back() : all.front();
    for (const auto& s : shown.sections) body += "\n\n" + s.heading + "\n" + s.body;
  }
  if (h->reported()) body += "\n\n" + web::markdown_to_text(h->summary);
  body += "\n\n" + documents::titles_text(c, {"hearing", id});
  search::index(c, {"hearing", std::to_string(id), h->organisation_id, h->url(), h->title, body,
                    h->published_at});
}

}  // namespace ruamkit::features::hearings
