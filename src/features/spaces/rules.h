// The rules of spaces (participatory processes and committees), free of I/O so
// they can be tested alone: the vocabularies a space is described with, what
// makes a space or a phase valid, which phase is current, and which status
// changes are allowed.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/problems.h"

namespace ruamkit::features::spaces {

// Codes, in the order offered in forms. Names are in the catalogues
// (participation.levels.*, participation.stages.*, spaces.scopes.* …).
const std::vector<std::string>& kinds();      // process, committee
const std::vector<std::string>& levels();     // the IAP2 spectrum, inform … empower
const std::vector<std::string>& stages();     // planning, decision, implementation, evaluation
const std::vector<std::string>& scopes();     // national, province, local
const std::vector<std::string>& statuses();   // draft, published, archived
const std::vector<std::string>& topics();     // public_administration, environment, …
const std::vector<std::string>& sectors();    // government, civil_society, private, …
const std::vector<std::string>& positions();  // chair, vice_chair, member, secretary

bool is_one_of(const std::vector<std::string>& codes, std::string_view code);

// A problem with submitted data: the form field and the catalogue key
// (errors.form.<key>) that explains it.
using core::Problems;

struct SpaceFields {
  std::string kind, title, summary, body, scope, province_code, level;
  std::vector<std::string> stages, topics;
};

// Returns what is wrong with `s` (empty when valid): title 1–300 characters,
// summary at most 1,000, body at most 100,000 bytes, known kind, level, scope,
// stages (at least one) and topics; a province for provincial and local
// scope (whether the province exists is the database's to say).
Problems check_space(const SpaceFields& s);

// Returns true when a space may go from `from` to `to`: a draft is
// published, a published space archived or taken back to draft, an archived
// one reopened (published).
bool may_change_status(std::string_view from, std::string_view to);

struct PhaseDates {
  std::string starts_on, ends_on;  // YYYY-MM-DD
};

// Returns what is wrong with a phase (title 1–200 characters, description at
// most 2,000, valid days, start not after end).
Problems check_phase(std::string_view title, std::string_view description, const PhaseDates& d);

// Returns the index of the phase that `today` falls in (the first, when
// phases overlap); nullopt when none does.
std::optional<std::size_t> current_phase(const std::vector<PhaseDates>& phases,
                                         std::chrono::year_month_day today);

// Where a phase stands relative to `today`: "past", "current" or "upcoming".
std::string phase_state(const PhaseDates& phase, std::chrono::year_month_day today);

// Returns what is wrong with a committee member (name and affiliation 1–200
// characters, known sector and position, valid term days, start not after
// end; the end may be empty).
Problems check_member(std::string_view name, std::string_view affiliation, std::string_view sector,
                      std::string_view position, std::string_view term_start,
                      std::string_view term_end);

// Returns what is wrong with a meeting record (title 1–300 characters, a
// valid day, location at most 300, agenda and minutes at most 100,000 bytes).
Problems check_meeting(std::string_view title, std::string_view held_on, std::string_view location,
                       std::string_view agenda, std::string_view minutes);

}  // namespace ruamkit::features::spaces
