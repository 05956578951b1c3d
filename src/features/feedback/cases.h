// Feedback cases in the database. Callers check permissions; these functions
// only keep the data consistent (a case and its timeline change in the same
// transaction). Personal data (reporter, contact) is read only by
// `reporter_of`, so every place that shows it is easy to find and audit.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/feedback/rules.h"
#include "storage/database.h"

namespace ruamkit::features::feedback {

struct Category {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string code, name_th, name_en, description;
  int target_days = 15;
  int reopen_days = 14;  // the reporter may reopen this long after it closed
  bool active = true;

  const std::string& name(const std::string& locale) const {
    return locale == "en" && !name_en.empty() ? name_en : name_th;
  }
};

// Code: 2–40 of a-z, 0-9 and '-'; Thai name 1–200 characters; target 1–365
// days; reopening window 0–365 days.
Problems check_category(const Category& c);
std::vector<Category> categories(storage::Connection& c, std::int64_t organisation_id,
                                 bool inactive_too);
std::vector<Category> all_active_categories(storage::Connection& c);
std::optional<Category> find_category(storage::Connection& c, std::int64_t id);
std::optional<Category> find_category_by_code(storage::Connection& c, const std::string& code);
// Returns false when the code is taken.
bool save_category(storage::Connection& c, Category& category);

// The status stored as `name`; throws storage::DatabaseError for a name
// that is not one.
Status stored_status(std::string_view name);

// What everyone may see of a case: no reporter, no contact.
struct Case {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string organisation_slug, organisation_name_th, organisation_name_en;
  Category category;
  std::string tracking_code, description, address;
  std::optional<double> lat, lon;
  Status status = Status::received;
  std::string stage, source;
  std::optional<std::int64_t> assignee_id;
  std::string assignee_name;
  std::optional<std::int64_t> assigned_by;  // who gave it to the assignee
  std::string received_at, received_on, due_on, accepted_at, closed_at, updated_at;
  std::optional<std::int64_t> forwarded_from, forwarded_to, merged_into;
  std::optional<int> rating;
  int reopen_count = 0;

  bool is_open() const { return is_open_status(status); }
  std::string url() const { return "/feedback/cases/" + std::to_string(id); }
  std::string manage_url() const { return "/manage/feedback/cases/" + std::to_string(id); }
  // Overdue on `today` (a day in Thailand).
  bool overdue(std::chrono::year_month_day today) const;
  // The day in Thailand it closed; nullopt while open.
  std::optional<std::chrono::year_month_day> closed_on() const;
};

struct Reporter {
  std::optional<std::int64_t> user_id;
  std::string display_name, name, email, phone;
};

struct NewCase {
  std::int64_t category_id = 0;
  Report report;
  std::optional<std::int64_t> reporter_id;
  std::string source = "web";
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> forwarded_from;
};

// Creates the case in its category's organisation, due after the category's
// target days, with a "received" timeline entry. Returns its id.
std::int64_t create(storage::Connection& c, const NewCase& n);

std::optional<Case> find(storage::Connection& c, std::int64_t id);
std::optional<Case> find_by_code(storage::Connection& c, const std::string& tracking_code);
Reporter reporter_of(storage::Connection& c, std::int64_t case_id);

struct Event {
  std::int64_t id = 0;
  std::string at, kind, status, stage, note, actor_name;
  bool is_public = true;
};
// The timeline, oldest first; internal entries only when `internal_too`.
std::vector<Event> timeline(storage::Connection& c, std::int64_t case_id, bool internal_too);

// Moves a case to `status` (and `stage`) with a public `note`, after
// transition_problem() said yes. Sets accepted_at / closed_at as they apply.
void change_status(storage::Connection& c, std::int64_t case_id, Status status,
                   const std::string& stage, const std::string& note, std::int64_t actor_id);
// Gives the case to `assignee_id` (nullopt: nobody); an internal entry.
void assign(storage::Connection& c, std::int64_t case_id, std::optional<std::int64_t> assignee_id,
            std::int64_t actor_id);
void add_note(storage::Connection& c, std::int64_t case_id, const std::string& note,
              std::int64_t actor_id);
// Closes `case_id` as forwarded and opens a new case with the same report in
// the organisation of `category_id`. Returns the new case's id.
std::int64_t forward(storage::Connection& c, std::int64_t case_id, std::int64_t category_id,
                     const std::string& reason, std::int64_t actor_id);
// The duplicates merged into `from_id` are merged into `to_id` instead
// (when their main case is merged or forwarded: their reporters still hear).
void move_duplicates(storage::Connection& c, std::int64_t from_id, std::int64_t to_id);
// Closes `case_id` as a duplicate of `into_id` (same organisation, open).
void merge(storage::Connection& c, std::int64_t case_id, std::int64_t into_id,
           const std::string& note, std::int64_t actor_id);
// The reporter's rating (1–5) and optional comment. Returns false when the
// case was rated already (checked in the UPDATE, so two racing ratings keep
// one).
bool rate(storage::Connection& c, std::int64_t case_id, int stars, const std::string& comment);
// Back to "accepted", counted; the reporter's reason is public.
void reopen(storage::Connection& c, std::int64_t case_id, const std::string& reason);

// Everyone whose report this case carries: its reporter and the reporters
// of the cases merged into it, each with the tracking code of their own
// case (a code is the key to rate and reopen, so nobody gets another's).
struct Recipient {
  std::optional<std::int64_t> user_id;  // with an account, else
  std::string email;                    // the contact address (may be empty)
  std::string tracking_code;
};
std::vector<Recipient> recipients(storage::Connection& c, std::int64_t case_id);

struct Photo {
  std::int64_t id = 0, case_id = 0;
  std::string kind, storage_key, content_type, sha256, created_at;
  std::int64_t byte_size = 0;
};
std::int64_t add_photo(storage::Connection& c, const Photo& p);
std::vector<Photo> photos(storage::Connection& c, std::int64_t case_id);
std::optional<Photo> find_photo(storage::Connection& c, std::int64_t id);

// The officials' queue of one organisation.
struct QueueFilter {
  std::int64_t organisation_id = 0;
  std::string status;  // "" open ones, "all", or one status
  std::optional<std::int64_t> category_id;
  std::optional<std::int64_t> assignee_id;  // 0: unassigned
  bool overdue_only = false;
  std::string today;  // YYYY-MM-DD in Thailand
  int limit = 50, offset = 0;
};
// Open cases first, overdue (earliest due) first, then by id.
std::vector<Case> queue(storage::Connection& c, const QueueFilter& f);
std::int64_t queue_count(storage::Connection& c, const QueueFilter& f);

struct Workload {
  std::optional<std::int64_t> user_id;  // nullopt: not assigned
  std::string name;
  std::int64_t open = 0, overdue = 0;
};
std::vector<Workload> workload(storage::Connection& c, std::int64_t organisation_id,
                               const std::string& today);

// Public cases (any organisation, newest first) for the API and Open311:
// received within [from, to) (ISO timestamps, empty: open), of `codes`
// (empty: all), open or closed ("" for both).
struct PublicFilter {
  std::vector<std::int64_t> ids;
  std::vector<std::string> codes;
  std::optional<std::int64_t> organisation_id;
  std::string from, to, open311_status;
  int limit = 50, offset = 0;
};
std::vector<Case> public_cases(storage::Connection& c, const PublicFilter& f);

}  // namespace ruamkit::features::feedback
