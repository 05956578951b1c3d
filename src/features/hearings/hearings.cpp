#include "features/hearings/hearings.h"

#include <map>

#include "core/clock.h"
#include "features/documents/documents.h"
#include "features/search/index.h"
#include "web/markdown.h"

namespace ruamkit::features::hearings {
namespace {

constexpr const char* kSelect =
    "SELECT h.id AS id, h.space_id AS space_id, s.organisation_id AS organisation_id, "
    "o.slug AS organisation_slug, o.name_th AS organisation_name_th, "
    "o.name_en AS organisation_name_en, s.title AS space_title, s.status AS space_status, "
    "h.title AS title, h.draft_kind AS draft_kind, h.explanatory_note AS explanatory_note, "
    "h.opens_on AS opens_on, h.closes_on AS closes_on, h.status AS status, "
    "h.anonymous_allowed AS anonymous_allowed, h.summary AS summary, "
    "COALESCE(h.summary_published_at, '') AS summary_published_at, "
    "COALESCE(h.published_at, '') AS published_at, h.created_at AS created_at, "
    "h.updated_at AS updated_at "
    "FROM hearings h JOIN spaces s ON s.id = h.space_id "
    "JOIN organisations o ON o.id = s.organisation_id ";

}  // namespace

const consultation::Table kTable{"hearings", "h", kSelect, "hearings"};

Hearing read(const storage::Rows& r) {
  Hearing h;
  h.id = r.integer("id");
  h.space_id = r.integer("space_id");
  h.organisation_id = r.integer("organisation_id");
  h.organisation_slug = r.text("organisation_slug");
  h.organisation_name_th = r.text("organisation_name_th");
  h.organisation_name_en = r.text("organisation_name_en");
  h.space_title = r.text("space_title");
  h.space_status = r.text("space_status");
  h.title = r.text("title");
  h.draft_kind = r.text("draft_kind");
  h.explanatory_note = r.text("explanatory_note");
  h.opens_on = r.text("opens_on");
  h.closes_on = r.text("closes_on");
  h.status = r.text("status");
  h.anonymous_allowed = r.integer("anonymous_allowed") != 0;
  h.summary = r.text("summary");
  h.summary_published_at = r.text("summary_published_at");
  h.published_at = r.text("published_at");
  h.created_at = r.text("created_at");
  h.updated_at = r.text("updated_at");
  return h;
}

namespace {

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
  return consultation::of_space(c, kTable, space_id, drafts, read);
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
  consultation::publish(c, kTable, id);
  reindex(c, id);
}

std::vector<Version> versions(storage::Connection& c, std::int64_t hearing_id) {
  std::vector<Version> out;
  std::map<std::int64_t, std::size_t> index;
  {
    auto rows = c.query(
        "SELECT id AS id, number AS number, note AS note, created_at AS created_at "
        "FROM hearing_versions WHERE hearing_id = ? ORDER BY number",
        hearing_id);
    while (rows.next()) {
      index[rows.integer("id")] = out.size();
      out.push_back({rows.integer("id"),
                     static_cast<int>(rows.integer("number")),
                     rows.text("note"),
                     rows.text("created_at"),
                     {}});
    }
  }
  auto rows = c.query(
      "SELECT s.id AS id, s.version_id AS version_id, s.position AS position, "
      "s.heading AS heading, s.body AS body FROM hearing_sections s "
      "JOIN hearing_versions v ON v.id = s.version_id WHERE v.hearing_id = ? "
      "ORDER BY s.version_id, s.position",
      hearing_id);
  while (rows.next()) {
    out[index[rows.integer("version_id")]].sections.push_back(
        {rows.integer("id"), rows.integer("version_id"), static_cast<int>(rows.integer("position")),
         rows.text("heading"), rows.text("body")});
  }
  return out;
}

std::optional<Section> find_section(storage::Connection& c, std::int64_t section_id) {
  auto rows = c.query(
      "SELECT id AS id, version_id AS version_id, position AS position, "
      "heading AS heading, body AS body FROM hearing_sections WHERE id = ?",
      section_id);
  if (!rows.next()) return std::nullopt;
  return Section{rows.integer("id"), rows.integer("version_id"),
                 static_cast<int>(rows.integer("position")), rows.text("heading"),
                 rows.text("body")};
}

std::optional<std::pair<std::int64_t, int>> section_owner(storage::Connection& c,
                                                          std::int64_t section_id) {
  auto rows = c.query(
      "SELECT v.hearing_id AS hearing_id, v.number AS number FROM hearing_sections s "
      "JOIN hearing_versions v ON v.id = s.version_id WHERE s.id = ?",
      section_id);
  if (!rows.next()) return std::nullopt;
  return std::pair(rows.integer("hearing_id"), static_cast<int>(rows.integer("number")));
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
        "SELECT id AS id, title AS title, response AS response, reasons AS reasons, "
        "outcome AS outcome FROM hearing_issues WHERE hearing_id = ? ORDER BY id",
        hearing_id);
    while (rows.next()) {
      index[rows.integer("id")] = out.size();
      out.push_back({rows.integer("id"),
                     rows.text("title"),
                     rows.text("response"),
                     rows.text("reasons"),
                     rows.text("outcome"),
                     {}});
    }
  }
  auto rows = c.query(
      "SELECT l.issue_id AS issue_id, l.comment_id AS comment_id FROM hearing_issue_comments l "
      "JOIN hearing_issues i ON i.id = l.issue_id WHERE i.hearing_id = ? ORDER BY l.comment_id",
      hearing_id);
  while (rows.next()) {
    out[index[rows.integer("issue_id")]].comment_ids.push_back(rows.integer("comment_id"));
  }
  return out;
}

std::int64_t add_issue(storage::Connection& c, std::int64_t hearing_id, const Issue& issue) {
  c.execute(
      "INSERT INTO hearing_issues (hearing_id, title, response, reasons, outcome, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      hearing_id, issue.title, issue.response, issue.reasons, issue.outcome, now());
  const auto id = c.last_insert_id();
  for (const auto comment_id : issue.comment_ids) {
    c.execute(
        "INSERT INTO hearing_issue_comments (issue_id, comment_id) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING",
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
