#include "features/spaces/rules.h"

#include <algorithm>
#include <charconv>

#include "core/day.h"
#include "core/utf8.h"

namespace ruamkit::features::spaces {
namespace {

bool length_between(std::string_view text, std::size_t min, std::size_t max) {
  const auto n = core::character_count(text);
  return n >= min && n <= max;
}

}  // namespace

const std::vector<std::string>& kinds() {
  static const std::vector<std::string> v = {"process", "committee"};
  return v;
}
const std::vector<std::string>& levels() {
  static const std::vector<std::string> v = {"inform", "consult", "involve", "collaborate",
                                             "empower"};
  return v;
}
const std::vector<std::string>& stages() {
  static const std::vector<std::string> v = {"planning", "decision", "implementation",
                                             "evaluation"};
  return v;
}
const std::vector<std::string>& scopes() {
  static const std::vector<std::string> v = {"national", "province", "local"};
  return v;
}
const std::vector<std::string>& statuses() {
  static const std::vector<std::string> v = {"draft", "published", "archived"};
  return v;
}
const std::vector<std::string>& topics() {
  static const std::vector<std::string> v = {"public_administration",
                                             "environment",
                                             "health",
                                             "education",
                                             "economy",
                                             "agriculture",
                                             "transport",
                                             "urban_development",
                                             "water",
                                             "energy",
                                             "social_welfare",
                                             "safety",
                                             "justice",
                                             "culture",
                                             "digital",
                                             "labour"};
  return v;
}
const std::vector<std::string>& sectors() {
  static const std::vector<std::string> v = {"government", "civil_society", "private",
                                             "academic",   "media",         "citizen"};
  return v;
}
const std::vector<std::string>& positions() {
  static const std::vector<std::string> v = {"chair", "vice_chair", "member", "secretary"};
  return v;
}

bool is_one_of(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

Problems check_space(const SpaceFields& s) {
  Problems found;
  if (!is_one_of(kinds(), s.kind)) found.emplace_back("kind", "space_kind_unknown");
  if (!length_between(s.title, 1, 300)) found.emplace_back("title", "space_title_length");
  if (core::character_count(s.summary) > 1000)
    found.emplace_back("summary", "space_summary_length");
  if (s.body.size() > 100'000) found.emplace_back("body", "text_too_long");
  if (!is_one_of(levels(), s.level)) found.emplace_back("level", "space_level_unknown");
  if (!is_one_of(scopes(), s.scope)) {
    found.emplace_back("scope", "space_scope_unknown");
  } else if (s.scope != "national" && s.province_code.empty()) {
    found.emplace_back("province_code", "space_province_required");
  }
  if (s.stages.empty()) found.emplace_back("stages", "space_stage_required");
  for (const auto& stage : s.stages) {
    if (!is_one_of(stages(), stage)) {
      found.emplace_back("stages", "space_stage_required");
      break;
    }
  }
  for (const auto& topic : s.topics) {
    if (!is_one_of(topics(), topic)) {
      found.emplace_back("topics", "space_topic_unknown");
      break;
    }
  }
  return found;
}

bool may_change_status(std::string_view from, std::string_view to) {
  if (from == "draft") return to == "published";
  if (from == "published") return to == "archived" || to == "draft";
  if (from == "archived") return to == "published";
  return false;
}

Problems check_phase(std::string_view title, std::string_view description, const PhaseDates& d) {
  Problems found;
  if (!length_between(title, 1, 200)) found.emplace_back("title", "phase_title_length");
  if (core::character_count(description) > 2000) {
    found.emplace_back("description", "phase_description_length");
  }
  const auto start = core::parse_day(d.starts_on);
  const auto end = core::parse_day(d.ends_on);
  if (!start) found.emplace_back("starts_on", "date_invalid");
  if (!end) found.emplace_back("ends_on", "date_invalid");
  if (start && end && std::chrono::sys_days(*start) > std::chrono::sys_days(*end)) {
    found.emplace_back("ends_on", "date_end_before_start");
  }
  return found;
}

std::string phase_state(const PhaseDates& phase, std::chrono::year_month_day today) {
  const auto start = core::parse_day(phase.starts_on);
  const auto end = core::parse_day(phase.ends_on);
  if (!start || !end) return "upcoming";
  const auto t = std::chrono::sys_days(today);
  if (t < std::chrono::sys_days(*start)) return "upcoming";
  if (t > std::chrono::sys_days(*end)) return "past";
  return "current";
}

std::optional<std::size_t> current_phase(const std::vector<PhaseDates>& phases,
                                         std::chrono::year_month_day today) {
  for (std::size_t i = 0; i < phases.size(); ++i) {
    if (phase_state(phases[i], today) == "current") return i;
  }
  return std::nullopt;
}

Problems check_member(std::string_view name, std::string_view affiliation, std::string_view sector,
                      std::string_view position, std::string_view term_start,
                      std::string_view term_end) {
  Problems found;
  if (!length_between(name, 1, 200)) found.emplace_back("name", "member_name_length");
  if (!length_between(affiliation, 1, 200)) {
    found.emplace_back("affiliation", "member_affiliation_length");
  }
  if (!is_one_of(sectors(), sector)) found.emplace_back("sector", "member_sector_unknown");
  if (!is_one_of(positions(), position)) found.emplace_back("position", "member_position_unknown");
  const auto start = core::parse_day(term_start);
  if (!start) found.emplace_back("term_start", "date_invalid");
  if (!term_end.empty()) {
    const auto end = core::parse_day(term_end);
    if (!end) {
      found.emplace_back("term_end", "date_invalid");
    } else if (start && std::chrono::sys_days(*start) > std::chrono::sys_days(*end)) {
      found.emplace_back("term_end", "date_end_before_start");
    }
  }
  return found;
}

Problems check_meeting(std::string_view title, std::string_view held_on, std::string_view location,
                       std::string_view agenda, std::string_view minutes) {
  Problems found;
  if (!length_between(title, 1, 300)) found.emplace_back("title", "meeting_title_length");
  if (!core::parse_day(held_on)) found.emplace_back("held_on", "date_invalid");
  if (core::character_count(location) > 300) found.emplace_back("location", "text_too_long");
  if (agenda.size() > 100'000) found.emplace_back("agenda", "text_too_long");
  if (minutes.size() > 100'000) found.emplace_back("minutes", "text_too_long");
  return found;
}

}  // namespace ruamkit::features::spaces
