// Template data for surveys: the survey and its form (with what was typed
// after an error), and the results as bar charts with accessible tables.
#pragma once

#include <chrono>
#include <map>

#include "features/surveys/surveys.h"
#include "web/i18n.h"
#include "web/view_data.h"

namespace ruamkit::features::surveys {

std::string period_text(const Survey& v, const web::Catalogue& t);

// id, url, title, intro_html, period, state, state_name, is_open, is_draft,
// responses_text, space {title, url}, anonymous_allowed.
web::ViewData survey_view(const Survey& v, const web::Catalogue& t,
                          std::chrono::year_month_day today, std::int64_t responses);

// questions[] {field, section, prompt, help, required, single, multiple,
// scale, short_text, long_text, options[] {value, label, checked, id},
// text, error} for the form.
web::ViewData questions_view(const std::vector<Question>& questions,
                             const std::map<std::int64_t, Answer>& typed, const Problems& problems,
                             const web::Catalogue& t);

// results[] {prompt, section, kind_name, answered_text, chart (bars[] {label,
// count, percent, y, width, label_y}, height), text_answers[] (officials
// only), text_count, is_text}.
web::ViewData results_view(const std::vector<Question>& questions,
                           const std::map<std::int64_t, std::vector<Answer>>& answers,
                           bool official, const web::Catalogue& t);

}  // namespace ruamkit::features::surveys
