// Surveys in the database. Callers check permissions. A survey is public
// when it is published and its process is public.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/consultation/dated.h"
#include "features/surveys/rules.h"
#include "storage/database.h"

namespace ruamkit::features::surveys {

using consultation::State;  // draft, upcoming, open, closed (never "reported")

struct Survey {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::int64_t organisation_id = 0;
  std::string organisation_slug, space_title, space_status;
  std::string title, intro, opens_on, closes_on, status, published_at;
  bool anonymous_allowed = false;

  bool published() const { return status == "published"; }
  bool is_public() const {
    return published() && (space_status == "published" || space_status == "archived");
  }
  State state(std::chrono::year_month_day today) const {
    return consultation::state_of(published(), opens_on, closes_on, false, today);
  }
  std::string url() const { return "/surveys/" + std::to_string(id); }
};

struct Details {
  std::string title, intro, opens_on, closes_on;
  bool anonymous_allowed = false;
};

// Title 1–300 characters, intro at most 20,000 bytes, real days in order.
Problems check_details(const Details& d);

std::optional<Survey> find(storage::Connection& c, std::int64_t id);
std::vector<Survey> of_space(storage::Connection& c, std::int64_t space_id, bool drafts);

// Where surveys are stored, as a dated consultation, and how a row of
// kTable.select is read.
extern const consultation::Table kTable;
Survey read(const storage::Rows& r);

std::int64_t create(storage::Connection& c, std::int64_t space_id, const Details& d,
                    std::int64_t created_by);
void update(storage::Connection& c, std::int64_t id, const Details& d);
void publish(storage::Connection& c, std::int64_t id);

std::vector<Question> questions(storage::Connection& c, std::int64_t survey_id);
std::int64_t add_question(storage::Connection& c, std::int64_t survey_id, const Question& q);
bool remove_question(storage::Connection& c, std::int64_t survey_id, std::int64_t question_id);

// Stores one response. Returns false when this account has answered already
// (a unique constraint decides, so two racing submissions keep one).
bool respond(storage::Connection& c, std::int64_t survey_id, std::optional<std::int64_t> user_id,
             const std::string& address_digest, const std::map<std::int64_t, Answer>& answers);
bool has_responded(storage::Connection& c, std::int64_t survey_id, std::int64_t user_id);
// Anonymous responses from one network in the last day.
std::int64_t recent_anonymous(storage::Connection& c, std::int64_t survey_id,
                              const std::string& address_digest);
std::int64_t response_count(storage::Connection& c, std::int64_t survey_id);
std::vector<std::int64_t> respondents(storage::Connection& c, std::int64_t survey_id);

// Every answer to each question, by question id (in response order).
std::map<std::int64_t, std::vector<Answer>> answers(storage::Connection& c, std::int64_t survey_id);

struct ResponseRow {
  std::int64_t id = 0;
  std::string created_at;
  bool anonymous = false;
  std::map<std::int64_t, Answer> answers;
};
std::vector<ResponseRow> responses(storage::Connection& c, std::int64_t survey_id);

void reindex(storage::Connection& c, std::int64_t id);

}  // namespace ruamkit::features::surveys
