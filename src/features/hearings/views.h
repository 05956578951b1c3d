// Template data for hearings, shared by the public pages and the workspace.
#pragma once

#include <chrono>

#include "features/hearings/hearings.h"
#include "http/message.h"
#include "web/i18n.h"
#include "web/view_data.h"

namespace ruamkit::features::hearings {

// "1 – 15 ธันวาคม 2569": the period in the reader's calendar.
std::string period_text(const Hearing& h, const web::Catalogue& t);

// id, url, title, draft_kind_name, state, state_name, is_open, period,
// opens_on, closes_on, days, note_html, space {title, url},
// organisation_name, organisation_slug, participants, comments, counts_text,
// anonymous_allowed, is_draft.
web::ViewData hearing_view(storage::Connection& c, const Hearing& h, const web::Catalogue& t,
                           std::chrono::year_month_day today);

// summary_html, issues[] {title, outcome_name, response_html, reasons_html,
// comments[] {author, excerpt, url, mine}}, published_display.
web::ViewData report_view(storage::Connection& c, const Hearing& h, const web::Catalogue& t,
                          const http::Request& request);

// sections[] {heading, state (changed, added, removed, same), runs[] {kept,
// removed, added, text}} comparing `from` and `to` by position.
web::ViewData changes_view(const Version& from, const Version& to, const web::Catalogue& t);

}  // namespace ruamkit::features::hearings
