#include "features/spaces/spaces.h"

#include <algorithm>
#include <map>

#include "core/clock.h"
#include "features/documents/documents.h"
#include "features/search/index.h"
#include "features/spaces/module.h"
#include "web/collation.h"
#include "web/markdown.h"

namespace ruamkit::features::spaces {
namespace {

constexpr const char* kSelect =
    "SELECT s.id AS id, s.kind AS kind, s.organisation_id AS organisation_id, "
    "o.slug AS organisation_slug, o.name_th AS organisation_name_th, "
    "o.name_en AS organisation_name_en, s.title AS title, s.summary AS summary, s.body AS body, "
    "s.scope AS scope, COALESCE(s.province_code, '') AS province_code, "
    "COALESCE(p.name_th, '') AS province_name_th, COALESCE(p.name_en, '') AS province_name_en, "
    "s.level AS level, s.status AS status, s.created_at AS created_at, "
    "s.updated_at AS updated_at, COALESCE(s.published_at, '') AS published_at "
    "FROM spaces s JOIN organisations o ON o.id = s.organisation_id "
    "LEFT JOIN provinces p ON p.code = s.province_code ";

Space read_space(const storage::Rows& r) {
  Space s;
  s.id = r.integer("id");
  s.kind = r.text("kind");
  s.organisation_id = r.integer("organisation_id");
  s.organisation_slug = r.text("organisation_slug");
  s.organisation_name_th = r.text("organisation_name_th");
  s.organisation_name_en = r.text("organisation_name_en");
  s.title = r.text("title");
  s.summary = r.text("summary");
  s.body = r.text("body");
  s.scope = r.text("scope");
  s.province_code = r.text("province_code");
  s.province_name_th = r.text("province_name_th");
  s.province_name_en = r.text("province_name_en");
  s.level = r.text("level");
  s.status = r.text("status");
  s.created_at = r.text("created_at");
  s.updated_at = r.text("updated_at");
  s.published_at = r.text("published_at");
  return s;
}

std::optional<std::string> nullable(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// Fills stages and topics of `spaces` with two queries in all (no N+1).
void load_tags(storage::Connection& c, std::vector<Space>& spaces) {
  if (spaces.empty()) return;
  std::string ids;
  std::map<std::int64_t, Space*> by_id;
  for (auto& s : spaces) {
    if (!ids.empty()) ids += ',';
    ids += std::to_string(s.id);  // integers from the database, never typed text
    by_id[s.id] = &s;
  }
  auto stages = c.query(
      "SELECT st.space_id AS space_id, st.stage AS stage FROM space_stages st "
      "JOIN policy_stages ps ON ps.code = st.stage WHERE st.space_id IN (" +
      ids + ") ORDER BY ps.position");
  while (stages.next()) {
    by_id[stages.integer("space_id")]->stages.push_back(stages.text("stage"));
  }
  auto topics = c.query(
      "SELECT st.space_id AS space_id, st.topic AS topic FROM space_topics st "
      "JOIN topics t ON t.code = st.topic WHERE st.space_id IN (" +
      ids + ") ORDER BY t.position");
  while (topics.next()) {
    by_id[topics.integer("space_id")]->topics.push_back(topics.text("topic"));
  }
}

void write_tags(storage::Connection& c, std::int64_t id, const SpaceFields& f) {
  c.execute("DELETE FROM space_stages WHERE space_id = ?", id);
  c.execute("DELETE FROM space_topics WHERE space_id = ?", id);
  for (const auto& stage : f.stages) {
    c.execute("INSERT INTO space_stages (space_id, stage) VALUES (?, ?) ON CONFLICT DO NOTHING", id,
              stage);
  }
  for (const auto& topic : f.topics) {
    c.execute("INSERT INTO space_topics (space_id, topic) VALUES (?, ?) ON CONFLICT DO NOTHING", id,
              topic);
  }
}

// The WHERE clause of list() and count(), with its arguments bound by the
// callers in this order: kind, organisation×2, province×2, level×2, stage×2,
// topic×2, status×2.
std::string where(const Filter& f) {
  std::string sql =
      "WHERE s.kind = ? AND (CAST(? AS BIGINT) IS NULL OR s.organisation_id = ?) "
      "AND (CAST(? AS TEXT) IS NULL OR s.province_code = ?) AND (CAST(? AS TEXT) IS NULL OR "
      "s.level = ?) "
      "AND (CAST(? AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM space_stages x WHERE x.space_id = "
      "s.id AND "
      "x.stage = ?)) "
      "AND (CAST(? AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM space_topics y WHERE y.space_id = "
      "s.id AND "
      "y.topic = ?)) "
      "AND (CAST(? AS TEXT) IS NULL OR s.status = ?) ";
  if (!f.drafts) sql += "AND s.status IN ('published', 'archived') ";
  return sql;
}

std::string phase_columns() {
  return "SELECT id AS id, space_id AS space_id, title AS title, description AS description, "
         "starts_on AS starts_on, ends_on AS ends_on FROM phases ";
}

Phase read_phase(const storage::Rows& r) {
  return {r.integer("id"),       r.integer("space_id"), r.text("title"),
          r.text("description"), r.text("starts_on"),   r.text("ends_on")};
}

Meeting read_meeting(const storage::Rows& r) {
  return {r.integer("id"),    r.integer("space_id"), r.text("title"),  r.text("held_on"),
          r.text("location"), r.text("agenda"),      r.text("minutes")};
}

constexpr const char* kMeetingColumns =
    "SELECT id AS id, space_id AS space_id, title AS title, held_on AS held_on, "
    "location AS location, agenda AS agenda, minutes AS minutes FROM meetings ";

}  // namespace

std::vector<Province> provinces(storage::Connection& c) {
  std::vector<Province> out;
  auto rows = c.query("SELECT code AS code, name_th AS name_th, name_en AS name_en FROM provinces");
  while (rows.next()) {
    out.push_back({rows.text("code"), rows.text("name_th"), rows.text("name_en")});
  }
  std::sort(out.begin(), out.end(), [](const Province& a, const Province& b) {
    return web::thai_less(a.name_th, b.name_th);
  });
  return out;
}

bool province_exists(storage::Connection& c, const std::string& code) {
  auto rows = c.query("SELECT 1 FROM provinces WHERE code = ?", code);
  return rows.next();
}

std::optional<Space> find(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE s.id = ?", id);
  if (!rows.next()) return std::nullopt;
  std::vector<Space> one{read_space(rows)};
  load_tags(c, one);
  return one.front();
}

std::vector<Space> list(storage::Connection& c, const Filter& f) {
  std::vector<Space> out;
  auto rows = c.query(
      std::string(kSelect) + where(f) +
          "ORDER BY COALESCE(s.published_at, s.created_at) DESC, s.id DESC LIMIT ? OFFSET ?",
      f.kind, f.organisation_id, f.organisation_id, nullable(f.province_code),
      nullable(f.province_code), nullable(f.level), nullable(f.level), nullable(f.stage),
      nullable(f.stage), nullable(f.topic), nullable(f.topic), nullable(f.status),
      nullable(f.status), f.limit, f.offset);
  while (rows.next()) out.push_back(read_space(rows));
  load_tags(c, out);
  return out;
}

std::int64_t count(storage::Connection& c, const Filter& f) {
  auto rows = c.query("SELECT COUNT(*) FROM spaces s " + where(f), f.kind, f.organisation_id,
                      f.organisation_id, nullable(f.province_code), nullable(f.province_code),
                      nullable(f.level), nullable(f.level), nullable(f.stage), nullable(f.stage),
                      nullable(f.topic), nullable(f.topic), nullable(f.status), nullable(f.status));
  rows.next();
  return rows.integer(0);
}

std::int64_t create(storage::Connection& c, std::int64_t organisation_id, const SpaceFields& f,
                    std::int64_t created_by) {
  const auto now = core::iso_timestamp(core::Clock::now());
  c.execute(
      "INSERT INTO spaces (kind, organisation_id, title, summary, body, scope, province_code, "
      "level, status, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)",
      f.kind, organisation_id, f.title, f.summary, f.body, f.scope,
      f.scope == "national" ? std::nullopt : nullable(f.province_code), f.level,
      created_by > 0 ? std::optional<std::int64_t>(created_by) : std::nullopt, now, now);
  const auto id = c.last_insert_id();
  write_tags(c, id, f);
  return id;
}

void update(storage::Connection& c, std::int64_t id, const SpaceFields& f) {
  c.execute(
      "UPDATE spaces SET title = ?, summary = ?, body = ?, scope = ?, province_code = ?, "
      "level = ?, updated_at = ? WHERE id = ?",
      f.title, f.summary, f.body, f.scope,
      f.scope == "national" ? std::nullopt : nullable(f.province_code), f.level,
      core::iso_timestamp(core::Clock::now()), id);
  write_tags(c, id, f);
  reindex(c, id);
}

void set_status(storage::Connection& c, std::int64_t id, const std::string& status) {
  const auto now = core::iso_timestamp(core::Clock::now());
  c.execute(
      "UPDATE spaces SET status = ?, updated_at = ?, "
      "published_at = CASE WHEN ? = 'published' AND published_at IS NULL THEN ? "
      "ELSE published_at END WHERE id = ?",
      status, now, status, now, id);
  reindex(c, id);
  reindex_sections(c, id);  // what sits inside follows the space's visibility
}

void reindex(storage::Connection& c, std::int64_t id) {
  const auto s = find(c, id);
  if (!s) return;
  const auto space_meetings = s->kind == "committee" ? meetings(c, id) : std::vector<Meeting>{};
  if (!s->is_public()) {
    search::unindex(c, s->kind, std::to_string(id));
    for (const auto& m : space_meetings) search::unindex(c, "meeting", std::to_string(m.id));
    return;
  }
  search::index(c, {s->kind, std::to_string(id), s->organisation_id, s->url(), s->title,
                    s->summary + "\n\n" + web::markdown_to_text(s->body) + "\n\n" +
                        documents::titles_text(c, {"space", id}),
                    s->published_at});
  for (const auto& m : space_meetings) {
    search::index(c, {"meeting", std::to_string(m.id), s->organisation_id,
                      s->url() + "/meetings/" + std::to_string(m.id), m.title,
                      s->title + "\n\n" + web::markdown_to_text(m.agenda) + "\n\n" +
                          web::markdown_to_text(m.minutes) + "\n\n" +
                          documents::titles_text(c, {"meeting", m.id}),
                      m.held_on});
  }
}

std::vector<Phase> phases(storage::Connection& c, std::int64_t space_id) {
  std::vector<Phase> out;
  auto rows =
      c.query(phase_columns() + "WHERE space_id = ? ORDER BY starts_on, ends_on, id", space_id);
  while (rows.next()) out.push_back(read_phase(rows));
  return out;
}

std::optional<Phase> find_phase(storage::Connection& c, std::int64_t space_id,
                                std::int64_t phase_id) {
  auto rows = c.query(phase_columns() + "WHERE space_id = ? AND id = ?", space_id, phase_id);
  if (!rows.next()) return std::nullopt;
  return read_phase(rows);
}

std::int64_t add_phase(storage::Connection& c, const Phase& p) {
  c.execute(
      "INSERT INTO phases (space_id, title, description, starts_on, ends_on) "
      "VALUES (?, ?, ?, ?, ?)",
      p.space_id, p.title, p.description, p.starts_on, p.ends_on);
  return c.last_insert_id();
}

void update_phase(storage::Connection& c, const Phase& p) {
  c.execute(
      "UPDATE phases SET title = ?, description = ?, starts_on = ?, ends_on = ? "
      "WHERE id = ? AND space_id = ?",
      p.title, p.description, p.starts_on, p.ends_on, p.id, p.space_id);
}

bool remove_phase(storage::Connection& c, std::int64_t space_id, std::int64_t phase_id) {
  return c.execute("DELETE FROM phases WHERE id = ? AND space_id = ?", phase_id, space_id) > 0;
}

std::vector<Member> members(storage::Connection& c, std::int64_t space_id) {
  std::vector<Member> out;
  auto rows = c.query(
      "SELECT id AS id, space_id AS space_id, name AS name, affiliation AS affiliation, "
      "sector AS sector, position AS position, term_start AS term_start, "
      "COALESCE(term_end, '') AS term_end FROM committee_members WHERE space_id = ? "
      "ORDER BY CASE position WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'member' THEN 2 "
      "ELSE 3 END, id",
      space_id);
  while (rows.next()) {
    out.push_back({rows.integer("id"), rows.integer("space_id"), rows.text("name"),
                   rows.text("affiliation"), rows.text("sector"), rows.text("position"),
                   rows.text("term_start"), rows.text("term_end")});
  }
  return out;
}

std::int64_t add_member(storage::Connection& c, const Member& m) {
  c.execute(
      "INSERT INTO committee_members (space_id, name, affiliation, sector, position, term_start, "
      "term_end) VALUES (?, ?, ?, ?, ?, ?, ?)",
      m.space_id, m.name, m.affiliation, m.sector, m.position, m.term_start, nullable(m.term_end));
  return c.last_insert_id();
}

bool remove_member(storage::Connection& c, std::int64_t space_id, std::int64_t member_id) {
  return c.execute("DELETE FROM committee_members WHERE id = ? AND space_id = ?", member_id,
                   space_id) > 0;
}

std::vector<Meeting> meetings(storage::Connection& c, std::int64_t space_id) {
  std::vector<Meeting> out;
  auto rows = c.query(
      std::string(kMeetingColumns) + "WHERE space_id = ? ORDER BY held_on DESC, id DESC", space_id);
  while (rows.next()) out.push_back(read_meeting(rows));
  return out;
}

std::optional<Meeting> find_meeting(storage::Connection& c, std::int64_t meeting_id) {
  auto rows = c.query(std::string(kMeetingColumns) + "WHERE id = ?", meeting_id);
  if (!rows.next()) return std::nullopt;
  return read_meeting(rows);
}

std::int64_t add_meeting(storage::Connection& c, const Meeting& m) {
  const auto now = core::iso_timestamp(core::Clock::now());
  c.execute(
      "INSERT INTO meetings (space_id, title, held_on, location, agenda, minutes, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      m.space_id, m.title, m.held_on, m.location, m.agenda, m.minutes, now, now);
  const auto id = c.last_insert_id();
  reindex(c, m.space_id);
  return id;
}

void update_meeting(storage::Connection& c, const Meeting& m) {
  c.execute(
      "UPDATE meetings SET title = ?, held_on = ?, location = ?, agenda = ?, minutes = ?, "
      "updated_at = ? WHERE id = ?",
      m.title, m.held_on, m.location, m.agenda, m.minutes, core::iso_timestamp(core::Clock::now()),
      m.id);
  reindex(c, m.space_id);
}

}  // namespace ruamkit::features::spaces
