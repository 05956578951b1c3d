// Spaces in the database: participatory processes (with phases) and
// committees (with members and meetings). Callers check permissions before
// the changing functions; the reading functions say whether they include
// drafts. A space is public when it is published or archived; the search
// index holds exactly the public ones (updated in the caller's transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/spaces/rules.h"
#include "storage/database.h"

namespace ruamkit::features::spaces {

struct Space {
  std::int64_t id = 0;
  std::string kind;  // process, committee
  std::int64_t organisation_id = 0;
  std::string organisation_slug, organisation_name_th, organisation_name_en;
  std::string title, summary, body;  // body is Markdown
  std::string scope, province_code, province_name_th, province_name_en;
  std::string level, status;
  std::vector<std::string> stages, topics;
  std::string created_at, updated_at, published_at;

  bool is_public() const { return status == "published" || status == "archived"; }
  std::string url() const {
    return (kind == "committee" ? "/committees/" : "/processes/") + std::to_string(id);
  }
  const std::string& organisation_name(const std::string& locale) const {
    return locale == "en" && !organisation_name_en.empty() ? organisation_name_en
                                                           : organisation_name_th;
  }
  const std::string& province_name(const std::string& locale) const {
    return locale == "en" ? province_name_en : province_name_th;
  }
};

struct Phase {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::string title, description, starts_on, ends_on;
};

struct Member {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::string name, affiliation, sector, position, term_start, term_end;
};

struct Meeting {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::string title, held_on, location, agenda, minutes;  // agenda, minutes: Markdown
};

struct Province {
  std::string code, name_th, name_en;
};

// All provinces in Thai order.
std::vector<Province> provinces(storage::Connection& c);
bool province_exists(storage::Connection& c, const std::string& code);

// The space with `id`, drafts included; nullopt when there is none.
std::optional<Space> find(storage::Connection& c, std::int64_t id);

struct Filter {
  std::string kind;  // required: process or committee
  std::optional<std::int64_t> organisation_id;
  std::string province_code, level, stage, topic;
  std::string status;   // "" : every public status; "published" or "archived"
  bool drafts = false;  // include drafts (an organisation's own workspace)
  int limit = 20;
  int offset = 0;
};

// Public spaces matching `filter` (drafts too when filter.drafts), newest
// publication first; and their count for paging.
std::vector<Space> list(storage::Connection& c, const Filter& filter);
std::int64_t count(storage::Connection& c, const Filter& filter);

// Creates a draft space from `fields` for `organisation_id`. Returns its id.
std::int64_t create(storage::Connection& c, std::int64_t organisation_id, const SpaceFields& fields,
                    std::int64_t created_by);
// Replaces the descriptive fields of space `id` (not its kind or status), and
// refreshes its search entry.
void update(storage::Connection& c, std::int64_t id, const SpaceFields& fields);
// Moves space `id` to `status` (check may_change_status first): stamps the
// first publication, adds or removes the search entries of the space and of
// what it contains.
void set_status(storage::Connection& c, std::int64_t id, const std::string& status);

std::vector<Phase> phases(storage::Connection& c, std::int64_t space_id);
std::optional<Phase> find_phase(storage::Connection& c, std::int64_t space_id,
                                std::int64_t phase_id);
std::int64_t add_phase(storage::Connection& c, const Phase& phase);
void update_phase(storage::Connection& c, const Phase& phase);
// Removes phase `phase_id` of `space_id`; returns false when there is none.
bool remove_phase(storage::Connection& c, std::int64_t space_id, std::int64_t phase_id);

// Committee members: current and past, chair first, then by name.
std::vector<Member> members(storage::Connection& c, std::int64_t space_id);
std::int64_t add_member(storage::Connection& c, const Member& member);
bool remove_member(storage::Connection& c, std::int64_t space_id, std::int64_t member_id);

// Meetings, most recent first.
std::vector<Meeting> meetings(storage::Connection& c, std::int64_t space_id);
std::optional<Meeting> find_meeting(storage::Connection& c, std::int64_t meeting_id);
std::int64_t add_meeting(storage::Connection& c, const Meeting& meeting);
void update_meeting(storage::Connection& c, const Meeting& meeting);

// Writes (or, for a space that is not public, removes) the search entries of
// space `id` and of its meetings.
void reindex(storage::Connection& c, std::int64_t id);

}  // namespace ruamkit::features::spaces
