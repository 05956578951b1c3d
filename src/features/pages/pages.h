// Pages (standing information) and announcements (dated news) of an
// organisation, optionally inside one of its spaces, written in Markdown.
// Every save is a new revision; all revisions are kept and readable. A page
// is public when it is published and, inside a space, the space is public;
// exactly the public pages are in the search index and the feeds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/problems.h"
#include "storage/database.h"

namespace ruamkit::features::pages {

struct Page {
  std::int64_t id = 0;
  std::string kind;  // page, announcement
  std::int64_t organisation_id = 0;
  std::string organisation_slug, organisation_name_th, organisation_name_en;
  std::optional<std::int64_t> space_id;
  std::string space_kind, space_title, space_status;  // when inside a space
  std::string title, body, status;                    // body: Markdown; status: draft, published
  int revision = 0;
  std::string created_at, updated_at, published_at;

  // Published, and its space (if any) is public.
  bool is_public() const;
  std::string url() const { return "/pages/" + std::to_string(id); }
  const std::string& organisation_name(const std::string& locale) const {
    return locale == "en" && !organisation_name_en.empty() ? organisation_name_en
                                                           : organisation_name_th;
  }
};

struct Revision {
  int number = 0;
  std::string title, body, note, edited_at, editor_name;
};

// Returns what is wrong (field, catalogue key): title 1–300 characters, body
// at most 200,000 bytes, note at most 300 characters, known kind.
core::Problems problems(const std::string& kind, const std::string& title, const std::string& body,
                        const std::string& note);

std::optional<Page> find(storage::Connection& c, std::int64_t id);

struct Filter {
  std::string kind;  // "" both kinds
  std::optional<std::int64_t> organisation_id;
  std::optional<std::int64_t> space_id;
  bool only_outside_spaces = false;  // the organisation's own pages, not its spaces'
  bool drafts = false;               // include drafts and pages of non-public spaces
  int limit = 20;
  int offset = 0;
};

// Pages matching `filter`, newest publication first (drafts: newest edit).
std::vector<Page> list(storage::Connection& c, const Filter& filter);
std::int64_t count(storage::Connection& c, const Filter& filter);

struct Draft {
  std::string kind, title, body, note;
  std::int64_t organisation_id = 0;
  std::optional<std::int64_t> space_id;
  // When set, the page counts as first published then (imported pages keep
  // the date their source states); otherwise the moment it is published.
  std::string published_at;
};

// Creates a page as revision 1, in `status` (draft or published). Returns its id.
std::int64_t create(storage::Connection& c, const Draft& draft, const std::string& status,
                    std::optional<std::int64_t> editor);
// Saves a new revision of page `id` with `title`, `body` and `note`.
void revise(storage::Connection& c, std::int64_t id, const std::string& title,
            const std::string& body, const std::string& note, std::optional<std::int64_t> editor);
// Publishes (stamping the first publication) or withdraws page `id`.
void set_status(storage::Connection& c, std::int64_t id, const std::string& status);

// Revisions of page `id`, newest first; and one of them. Without `drafts`,
// only the revisions that were public at some time (saved while the page was
// published, or current when it was published): what an organisation drafted
// stays its own.
std::vector<Revision> revisions(storage::Connection& c, std::int64_t id, bool drafts);
std::optional<Revision> revision(storage::Connection& c, std::int64_t id, int number, bool drafts);

// Writes or removes the search entry of page `id` according to whether it
// is public.
void reindex(storage::Connection& c, std::int64_t id);
// The same for every page inside space `space_id` (after its status changed).
void reindex_space(storage::Connection& c, std::int64_t space_id);

}  // namespace ruamkit::features::pages
