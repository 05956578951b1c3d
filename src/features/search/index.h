// The site-wide full-text index (table search_text, tokenizer "thai"). Every
// feature that publishes something calls index() in the same transaction as
// the change, and unindex() when it is withdrawn, so search never shows a
// draft or a deleted item. Ranking is BM25 with the title weighted above the
// body; snippets and titles come back with the matched words marked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace ruamkit::features::search {

struct Document {
  std::string kind;  // "page", "announcement", "process" …
  std::string ref;   // the item's id within its kind
  std::optional<std::int64_t> organisation_id;
  std::string url;
  std::string title;
  std::string body;  // plain text (strip markup before indexing)
  std::string published_at;
};

// Adds `document`, or replaces the entry with the same kind and ref.
void index(storage::Connection& c, const Document& document);

// Removes the entry of `kind` and `ref` (nothing when there is none).
void unindex(storage::Connection& c, const std::string& kind, const std::string& ref);

// Returns the FTS5 expression for what a person typed: every word must
// appear; a word ending in '*' matches words it begins ("ประชา*" finds
// ประชาชน). Quotes and operators typed by the person are taken literally.
// Returns "" when nothing searchable was typed.
std::string match_expression(std::string_view typed);

struct Query {
  std::string text;
  std::string kind;                             // "" for all kinds
  std::optional<std::int64_t> organisation_id;  // nullopt for all
  int limit = 20;
  int offset = 0;
};

struct Hit {
  std::string kind, ref, url;
  std::string title_html;    // HTML-escaped, matches in <mark>
  std::string snippet_html;  // HTML-escaped, matches in <mark>
  double rank;               // lower is better (BM25 as FTS5 reports it)
};

// Runs `query`, best first. An empty or unsearchable text returns no hits.
std::vector<Hit> search(storage::Connection& c, const Query& query);

// Counts the hits of `query` (ignoring limit and offset), for paging.
std::int64_t count(storage::Connection& c, const Query& query);

}  // namespace ruamkit::features::search
