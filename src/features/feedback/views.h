// Template data for feedback cases, shared by the public pages and the
// officials' workspace. Nothing here reads personal data.
#pragma once

#include <chrono>
#include <vector>

#include "features/feedback/cases.h"
#include "web/i18n.h"
#include "web/view_data.h"

namespace ruamkit::features::feedback {

// A case as a card or table row: code, category, status (with stage), days,
// overdue flag, location, links.
web::ViewData case_view(const Case& f, const web::Catalogue& t, std::chrono::year_month_day today);

// The public timeline (or the whole one for officials).
web::ViewData timeline_view(const std::vector<Event>& events, const web::Catalogue& t);

// The status in words: "กำลังดำเนินการ · รองบประมาณ".
std::string status_text(const Case& f, const web::Catalogue& t);

std::vector<std::pair<std::string, std::string>> category_options(
    const std::vector<Category>& categories, const std::string& locale);

}  // namespace ruamkit::features::feedback
