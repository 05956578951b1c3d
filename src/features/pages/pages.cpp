#include "features/pages/pages.h"

#include "core/clock.h"
#include "core/utf8.h"
#include "features/documents/documents.h"
#include "features/search/index.h"
#include "web/markdown.h"

namespace ruamkit::features::pages {
namespace {

constexpr const char* kSelect =
    "SELECT g.id AS id, g.kind AS kind, g.organisation_id AS organisation_id, "
    "o.slug AS organisation_slug, o.name_th AS organisation_name_th, "
    "o.name_en AS organisation_name_en, g.space_id AS space_id, "
    "COALESCE(s.kind, '') AS space_kind, COALESCE(s.title, '') AS space_title, "
    "COALESCE(s.status, '') AS space_status, g.title AS title, g.body AS body, "
    "g.status AS status, g.revision AS revision, g.created_at AS created_at, "
    "g.updated_at AS updated_at, COALESCE(g.published_at, '') AS published_at "
    "FROM pages g JOIN organisations o ON o.id = g.organisation_id "
    "LEFT JOIN spaces s ON s.id = g.space_id ";

// Public: published, and outside any space or inside a public one.
constexpr const char* kPublic =
    "g.status = 'published' AND (g.space_id IS NULL OR s.status IN ('published', 'archived'))";

Page read_page(const storage::Rows& r) {
  Page p;
  p.id = r.integer("id");
  p.kind = r.text("kind");
  p.organisation_id = r.integer("organisation_id");
  p.organisation_slug = r.text("organisation_slug");
  p.organisation_name_th = r.text("organisation_name_th");
  p.organisation_name_en = r.text("organisation_name_en");
  if (!r.is_null("space_id")) p.space_id = r.integer("space_id");
  p.space_kind = r.text("space_kind");
  p.space_title = r.text("space_title");
  p.space_status = r.text("space_status");
  p.title = r.text("title");
  p.body = r.text("body");
  p.status = r.text("status");
  p.revision = static_cast<int>(r.integer("revision"));
  p.created_at = r.text("created_at");
  p.updated_at = r.text("updated_at");
  p.published_at = r.text("published_at");
  return p;
}

std::string where(const Filter& f) {
  std::string sql =
      "WHERE (CAST(? AS TEXT) IS NULL OR g.kind = ?) AND (CAST(? AS BIGINT) IS NULL OR "
      "g.organisation_id = ?) "
      "AND (CAST(? AS BIGINT) IS NULL OR g.space_id = ?) ";
  if (f.only_outside_spaces) sql += "AND g.space_id IS NULL ";
  if (!f.drafts) sql += std::string("AND ") + kPublic + " ";
  return sql;
}

std::optional<std::string> nullable(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

void add_revision(storage::Connection& c, std::int64_t page_id, int number,
                  const std::string& title, const std::string& body, const std::string& note,
                  std::optional<std::int64_t> editor, const std::string& at) {
  c.execute(
      "INSERT INTO page_revisions (page_id, number, title, body, note, edited_by, edited_at, "
      "was_public) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "(SELECT CASE WHEN status = 'published' THEN 1 ELSE 0 END FROM pages WHERE id = ?))",
      page_id, number, title, body, note, editor, at, page_id);
}

}  // namespace

bool Page::is_public() const {
  return status == "published" &&
         (!space_id || space_status == "published" || space_status == "archived");
}

core::Problems problems(const std::string& kind, const std::string& title, const std::string& body,
                        const std::string& note) {
  core::Problems found;
  if (kind != "page" && kind != "announcement") found.emplace_back("kind", "page_kind_unknown");
  const auto n = core::character_count(title);
  if (n < 1 || n > 300) found.emplace_back("title", "page_title_length");
  if (body.size() > 200'000) found.emplace_back("body", "text_too_long");
  if (core::character_count(note) > 300) found.emplace_back("note", "page_note_length");
  return found;
}

std::optional<Page> find(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE g.id = ?", id);
  if (!rows.next()) return std::nullopt;
  return read_page(rows);
}

std::vector<Page> list(storage::Connection& c, const Filter& f) {
  std::vector<Page> out;
  auto rows = c.query(std::string(kSelect) + where(f) +
                          "ORDER BY COALESCE(g.published_at, g.updated_at) DESC, g.id DESC "
                          "LIMIT ? OFFSET ?",
                      nullable(f.kind), nullable(f.kind), f.organisation_id, f.organisation_id,
                      f.space_id, f.space_id, f.limit, f.offset);
  while (rows.next()) out.push_back(read_page(rows));
  return out;
}

std::int64_t count(storage::Connection& c, const Filter& f) {
  auto rows =
      c.query("SELECT COUNT(*) FROM pages g LEFT JOIN spaces s ON s.id = g.space_id " + where(f),
              nullable(f.kind), nullable(f.kind), f.organisation_id, f.organisation_id, f.space_id,
              f.space_id);
  rows.next();
  return rows.integer(0);
}

std::int64_t create(storage::Connection& c, const Draft& d, const std::string& status,
                    std::optional<std::int64_t> editor) {
  const auto now = core::iso_timestamp(core::Clock::now());
  std::optional<std::string> published;
  if (status == "published") published = d.published_at.empty() ? now : d.published_at;
  c.execute(
      "INSERT INTO pages (kind, organisation_id, space_id, title, body, status, revision, "
      "created_by, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
      d.kind, d.organisation_id, d.space_id, d.title, d.body, status, editor, now, now, published);
  const auto id = c.last_insert_id();
  add_revision(c, id, 1, d.title, d.body, d.note, editor, now);
  reindex(c, id);
  return id;
}

void revise(storage::Connection& c, std::int64_t id, const std::string& title,
            const std::string& body, const std::string& note, std::optional<std::int64_t> editor) {
  const auto now = core::iso_timestamp(core::Clock::now());
  // The increment and the revision row are one transaction (the caller's),
  // and the UNIQUE (page_id, number) constraint refuses a lost update.
  c.execute(
      "UPDATE pages SET title = ?, body = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
      title, body, now, id);
  auto rows = c.query("SELECT revision FROM pages WHERE id = ?", id);
  if (!rows.next()) return;
  const int number = static_cast<int>(rows.integer(0));
  add_revision(c, id, number, title, body, note, editor, now);
  reindex(c, id);
}

void set_status(storage::Connection& c, std::int64_t id, const std::string& status) {
  const auto now = core::iso_timestamp(core::Clock::now());
  c.execute(
      "UPDATE pages SET status = ?, updated_at = ?, "
      "published_at = CASE WHEN ? = 'published' AND published_at IS NULL THEN ? "
      "ELSE published_at END WHERE id = ?",
      status, now, status, now, id);
  if (status == "published") {
    c.execute(
        "UPDATE page_revisions SET was_public = 1 WHERE page_id = ? AND number = "
        "(SELECT revision FROM pages WHERE id = ?)",
        id, id);
  }
  reindex(c, id);
}

std::vector<Revision> revisions(storage::Connection& c, std::int64_t id, bool drafts) {
  std::vector<Revision> out;
  auto rows = c.query(
      "SELECT r.number AS number, r.title AS title, r.body AS body, r.note AS note, "
      "r.edited_at AS edited_at, COALESCE(u.display_name, '') AS editor_name "
      "FROM page_revisions r LEFT JOIN users u ON u.id = r.edited_by "
      "WHERE r.page_id = ? AND (? = 1 OR r.was_public = 1) ORDER BY r.number DESC",
      id, drafts ? 1 : 0);
  while (rows.next()) {
    out.push_back({static_cast<int>(rows.integer("number")), rows.text("title"), rows.text("body"),
                   rows.text("note"), rows.text("edited_at"), rows.text("editor_name")});
  }
  return out;
}

std::optional<Revision> revision(storage::Connection& c, std::int64_t id, int number, bool drafts) {
  auto rows = c.query(
      "SELECT r.number AS number, r.title AS title, r.body AS body, r.note AS note, "
      "r.edited_at AS edited_at, COALESCE(u.display_name, '') AS editor_name "
      "FROM page_revisions r LEFT JOIN users u ON u.id = r.edited_by "
      "WHERE r.page_id = ? AND r.number = ? AND (? = 1 OR r.was_public = 1)",
      id, number, drafts ? 1 : 0);
  if (!rows.next()) return std::nullopt;
  return Revision{static_cast<int>(rows.integer("number")),
                  rows.text("title"),
                  rows.text("body"),
                  rows.text("note"),
                  rows.text("edited_at"),
                  rows.text("editor_name")};
}

void reindex(storage::Connection& c, std::int64_t id) {
  const auto p = find(c, id);
  if (!p) return;
  if (!p->is_public()) {
    search::unindex(c, p->kind, std::to_string(id));
    return;
  }
  search::index(c,
                {p->kind, std::to_string(id), p->organisation_id, p->url(), p->title,
                 web::markdown_to_text(p->body) + "\n\n" + documents::titles_text(c, {"page", id}),
                 p->published_at});
}

void reindex_space(storage::Connection& c, std::int64_t space_id) {
  std::vector<std::int64_t> ids;
  auto rows = c.query("SELECT id FROM pages WHERE space_id = ?", space_id);
  while (rows.next()) ids.push_back(rows.integer(0));
  for (const auto id : ids) reindex(c, id);
}

}  // namespace ruamkit::features::pages
