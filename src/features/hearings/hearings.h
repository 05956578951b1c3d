// Hearings in the database: the hearing, its versions of the draft (each a
// list of sections), and the summary report's issues. Callers check
// permissions; the reading functions say what they include. A hearing is
// public when it is published and its process is public; version 1 is public
// with it, later versions only with the published summary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/consultation/dated.h"
#include "features/hearings/rules.h"
#include "storage/database.h"

namespace ruamkit::features::hearings {

struct Hearing {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::int64_t organisation_id = 0;
  std::string organisation_slug, organisation_name_th, organisation_name_en;
  std::string space_title, space_status;
  std::string title, draft_kind, explanatory_note, opens_on, closes_on, status;
  bool anonymous_allowed = false;
  std::string summary, summary_published_at, published_at, created_at, updated_at;

  bool published() const { return status == "published"; }
  bool reported() const { return !summary_published_at.empty(); }
  bool is_public() const {
    return published() && (space_status == "published" || space_status == "archived");
  }
  State state(std::chrono::year_month_day today) const {
    return state_of(published(), opens_on, closes_on, reported(), today);
  }
  std::string url() const { return "/hearings/" + std::to_string(id); }
  Fields fields() const { return {title, draft_kind, explanatory_note, opens_on, closes_on}; }
  const std::string& organisation_name(const std::string& locale) const {
    return locale == "en" && !organisation_name_en.empty() ? organisation_name_en
                                                           : organisation_name_th;
  }
};

struct Section {
  std::int64_t id = 0;
  std::int64_t version_id = 0;
  int position = 0;
  std::string heading, body;
};

struct Version {
  std::int64_t id = 0;
  int number = 0;
  std::string note, created_at;
  std::vector<Section> sections;
};

struct Issue {
  std::int64_t id = 0;
  std::string title, response, reasons, outcome;
  std::vector<std::int64_t> comment_ids;
};

std::optional<Hearing> find(storage::Connection& c, std::int64_t id);
// The hearings of a space (drafts only with `drafts`), newest first.
std::vector<Hearing> of_space(storage::Connection& c, std::int64_t space_id, bool drafts);

// Where hearings are stored, as a dated consultation, and how a row of
// kTable.select is read.
extern const consultation::Table kTable;
Hearing read(const storage::Rows& r);

// Creates a draft hearing in `space_id` with an empty version 1.
std::int64_t create(storage::Connection& c, std::int64_t space_id, const Fields& f,
                    bool anonymous_allowed, std::int64_t created_by);
void update(storage::Connection& c, std::int64_t id, const Fields& f, bool anonymous_allowed);
void publish(storage::Connection& c, std::int64_t id);

// Versions, oldest first, with their sections in order.
std::vector<Version> versions(storage::Connection& c, std::int64_t hearing_id);
std::optional<Section> find_section(storage::Connection& c, std::int64_t section_id);
// The hearing a section belongs to, and its version number.
std::optional<std::pair<std::int64_t, int>> section_owner(storage::Connection& c,
                                                          std::int64_t section_id);
std::int64_t add_section(storage::Connection& c, std::int64_t version_id,
                         const std::string& heading, const std::string& body);
void update_section(storage::Connection& c, std::int64_t section_id, const std::string& heading,
                    const std::string& body);
void remove_section(storage::Connection& c, std::int64_t section_id);
// Starts the revised text: a new version copying the latest one's sections.
// Returns its id.
std::int64_t start_revision(storage::Connection& c, std::int64_t hearing_id,
                            const std::string& note);
void set_version_note(storage::Connection& c, std::int64_t version_id, const std::string& note);

std::vector<Issue> issues(storage::Connection& c, std::int64_t hearing_id);
std::int64_t add_issue(storage::Connection& c, std::int64_t hearing_id, const Issue& issue);
bool remove_issue(storage::Connection& c, std::int64_t hearing_id, std::int64_t issue_id);
void save_summary(storage::Connection& c, std::int64_t id, const std::string& summary);
void publish_summary(storage::Connection& c, std::int64_t id);

// What people comment on: ("hearing", id) and ("hearing_section", s) for
// each section of version 1.
std::vector<std::pair<std::string, std::int64_t>> comment_targets(storage::Connection& c,
                                                                  std::int64_t hearing_id);

// Writes or removes the search entry of hearing `id` by whether it is public.
void reindex(storage::Connection& c, std::int64_t id);

}  // namespace ruamkit::features::hearings
