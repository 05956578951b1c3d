#include "features/search/index.h"

#include <algorithm>

#include "web/escape.h"

namespace ruamkit::features::search {
namespace {

// Markers around matches inside snippets; control characters that cannot
// occur in indexed text, so escaping can never produce or hide them.
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

// Escapes `text` and turns the match markers into <mark> elements (escaping
// leaves the control-character markers alone).
std::string marked_html(std::string_view text) {
  std::string out;
  for (char ch : web::escape_markup(text)) {
    if (ch == kOpen) {
      out += "<mark>";
    } else if (ch == kClose) {
      out += "</mark>";
    } else {
      out += ch;
    }
  }
  return out;
}

std::string strip_markers(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch != kOpen && ch != kClose) out += ch;
  }
  return out;
}

std::optional<std::int64_t> entry_id(storage::Connection& c, const std::string& kind,
                                     const std::string& ref) {
  auto rows = c.query("SELECT id FROM search_entries WHERE kind = ? AND ref = ?", kind, ref);
  if (!rows.next()) return std::nullopt;
  return rows.integer(0);
}

std::optional<std::string> nullable(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

constexpr const char* kFilter =
    "WHERE search_text MATCH ? AND (CAST(? AS TEXT) IS NULL OR e.kind = ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR e.organisation_id = ?)";

}  // namespace

void index(storage::Connection& c, const Document& d) {
  unindex(c, d.kind, d.ref);
  c.execute(
      "INSERT INTO search_entries (kind, ref, organisation_id, url, published_at) "
      "VALUES (?, ?, ?, ?, ?)",
      d.kind, d.ref, d.organisation_id, d.url, nullable(d.published_at));
  const auto id = c.last_insert_id();
  c.execute("INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)", id,
            strip_markers(d.title), strip_markers(d.body));
}

void unindex(storage::Connection& c, const std::string& kind, const std::string& ref) {
  const auto id = entry_id(c, kind, ref);
  if (!id) return;
  c.execute("DELETE FROM search_text WHERE rowid = ?", *id);
  c.execute("DELETE FROM search_entries WHERE id = ?", *id);
}

std::string match_expression(std::string_view typed) {
  std::string out;
  int terms = 0;
  std::size_t i = 0;
  while (i < typed.size() && terms < 12) {
    while (i < typed.size() &&
           (typed[i] == ' ' || typed[i] == '\t' || typed[i] == '\n' || typed[i] == '\r')) {
      ++i;
    }
    const auto start = i;
    while (i < typed.size() && typed[i] != ' ' && typed[i] != '\t' && typed[i] != '\n' &&
           typed[i] != '\r') {
      ++i;
    }
    std::string_view term = typed.substr(start, i - start);
    if (term.empty()) continue;
    bool prefix = false;
    while (!term.empty() && term.back() == '*') {
      term.remove_suffix(1);
      prefix = true;
    }
    if (term.empty() || term.size() > 200) continue;
    std::string quoted = "\"";
    for (char ch : term) {
      if (ch == '"') quoted += '"';  // a quote inside an FTS5 string is doubled
      if (static_cast<unsigned char>(ch) >= 0x20) quoted += ch;
    }
    quoted += '"';
    if (prefix) quoted += " *";
    if (!out.empty()) out += ' ';
    out += quoted;
    ++terms;
  }
  return out;
}

std::vector<Hit> search(storage::Connection& c, const Query& q) {
  std::vector<Hit> hits;
  const auto expression = match_expression(q.text);
  if (expression.empty()) return hits;
  std::optional<std::string> kind;
  if (!q.kind.empty()) kind = q.kind;
  // Two steps: rank every match cheaply, then build highlights and snippets
  // for the page shown only (they cost far more than the ranking). Without
  // filters the ranking needs no join: every match would otherwise look up
  // its entry before the sort.
  const bool filtered = kind || q.organisation_id;
  std::string ids;
  std::vector<std::int64_t> order;
  if (filtered) {
    auto ranked =
        c.query(std::string("SELECT e.id AS id, e.kind AS kind, e.ref AS ref, e.url AS url, "
                            "bm25(search_text, 5.0, 1.0) AS rank "
                            "FROM search_text JOIN search_entries e ON e.id = search_text.rowid ") +
                    kFilter + " ORDER BY rank LIMIT ? OFFSET ?",
                expression, kind, kind, q.organisation_id, q.organisation_id, q.limit, q.offset);
    while (ranked.next()) {
      hits.push_back({ranked.text("kind"), ranked.text("ref"), ranked.text("url"), "", "",
                      ranked.real("rank")});
      if (!ids.empty()) ids += ',';
      ids += std::to_string(ranked.integer("id"));
    }
  } else {
    auto ranked = c.query(
        "SELECT rowid AS id, bm25(search_text, 5.0, 1.0) AS rank FROM search_text "
        "WHERE search_text MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
        expression, q.limit, q.offset);
    std::vector<double> ranks;
    while (ranked.next()) {
      order.push_back(ranked.integer("id"));
      ranks.push_back(ranked.real("rank"));
      if (!ids.empty()) ids += ',';
      ids += std::to_string(ranked.integer("id"));
    }
    hits.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) hits[i].rank = ranks[i];
    if (!order.empty()) {
      // `ids` holds integers read from the database, never text from a person.
      auto entries = c.query(
          "SELECT id AS id, kind AS kind, ref AS ref, url AS url FROM search_entries "
          "WHERE id IN (" +
          ids + ")");
      while (entries.next()) {
        const auto at =
            std::find(order.begin(), order.end(), entries.integer("id")) - order.begin();
        hits[static_cast<std::size_t>(at)].kind = entries.text("kind");
        hits[static_cast<std::size_t>(at)].ref = entries.text("ref");
        hits[static_cast<std::size_t>(at)].url = entries.text("url");
      }
    }
  }
  if (hits.empty()) return hits;
  // `ids` holds integers read from the database, never text from a person.
  auto marked = c.query(
      "SELECT e.kind AS kind, e.ref AS ref, "
      "highlight(search_text, 0, char(1), char(2)) AS title_marked, "
      "snippet(search_text, 1, char(1), char(2), '…', 24) AS snippet_marked "
      "FROM search_text JOIN search_entries e ON e.id = search_text.rowid "
      "WHERE search_text MATCH ? AND search_text.rowid IN (" +
          ids + ")",
      expression);
  while (marked.next()) {
    const auto kind_text = marked.text("kind");
    const auto ref = marked.text("ref");
    for (auto& hit : hits) {
      if (hit.kind == kind_text && hit.ref == ref) {
        hit.title_html = marked_html(marked.text("title_marked"));
        hit.snippet_html = marked_html(marked.text("snippet_marked"));
      }
    }
  }
  return hits;
}

std::int64_t count(storage::Connection& c, const Query& q) {
  const auto expression = match_expression(q.text);
  if (expression.empty()) return 0;
  std::optional<std::string> kind;
  if (!q.kind.empty()) kind = q.kind;
  if (!kind && !q.organisation_id) {
    auto rows = c.query("SELECT COUNT(*) FROM search_text WHERE search_text MATCH ?", expression);
    rows.next();
    return rows.integer(0);
  }
  auto rows = c.query(std::string("SELECT COUNT(*) FROM search_text JOIN search_entries e "
                                  "ON e.id = search_text.rowid ") +
                          kFilter,
                      expression, kind, kind, q.organisation_id, q.organisation_id);
  rows.next();
  return rows.integer(0);
}

}  // namespace ruamkit::features::search
