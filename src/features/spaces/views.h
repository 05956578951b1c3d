// Template data for spaces, shared by the public pages, the officials'
// workspace and the organisation page: translated names of the codes, dates
// in the reader's calendar, phases with the current one marked.
#pragma once

#include <chrono>
#include <vector>

#include "features/spaces/spaces.h"
#include "web/i18n.h"
#include "web/view_data.h"

namespace ruamkit::features::spaces {

// url, id, kind, kind_name, title, summary, level, level_name, status,
// status_name, is_draft, is_archived, organisation_name, organisation_slug,
// scope_name, province_name (or false), stages[] {code, name}, topics[]
// {code, name}, published_display (or false), published_iso.
web::ViewData card(const Space& s, const web::Catalogue& t);

// The card plus body_html (rendered Markdown).
web::ViewData detail(const Space& s, const web::Catalogue& t);

// phases[] {id, title, description, starts_display, ends_display, starts_on,
// ends_on, state, state_name, current}; false when there are none.
web::ViewData phase_list(const std::vector<Phase>& phases, std::chrono::year_month_day today,
                         const web::Catalogue& t);

// members[] {id, name, affiliation, sector, sector_name, position_name,
// term_display, current}, grouped counts by sector: sectors[] {name, count}.
web::ViewData member_list(const std::vector<Member>& members, std::chrono::year_month_day today,
                          const web::Catalogue& t);

// meetings[] {id, url, title, held_display, held_on, location}; false when none.
web::ViewData meeting_list(const Space& committee, const std::vector<Meeting>& meetings,
                           const web::Catalogue& t);

// (value, translated name) pairs for a select of `codes` named under
// `prefix` in the catalogue (e.g. "spaces.topics."), with a leading "any"
// choice labelled by `any_key` when it is not empty.
std::vector<std::pair<std::string, std::string>> choices(const std::vector<std::string>& codes,
                                                         const std::string& prefix,
                                                         const web::Catalogue& t,
                                                         const std::string& any_key = "");

// The catalogue key of a level's, stage's … name.
std::string level_key(const std::string& level);
std::string stage_key(const std::string& stage);

}  // namespace ruamkit::features::spaces
