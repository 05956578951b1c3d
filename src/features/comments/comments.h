// Comments as one shared mechanism: any component registers the kinds of
// object people may comment on (a hearing, one of its sections …) with a
// resolver that says who owns the object, whether it is public and open for
// comments, and whether comments there may be anonymous. The comments
// feature then offers threads (three levels), stances, edits within a short
// window with the history kept, reports, supports, moderation (hide and
// restore with a reason; a placeholder stays) and per-account rate limits.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace ruamkit::features::comments {

// What a component tells about one of its objects.
struct Target {
  std::int64_t organisation_id = 0;  // whose moderators handle it
  bool visible = false;              // may the public read it (and its comments)?
  bool open = false;                 // may people comment now?
  bool anonymous_allowed = false;    // may a comment be shown without a name?
  std::string url;                   // the page its thread is on (no #fragment)
  std::string title;                 // for notifications and the moderation queue
};

using Resolver = std::function<std::optional<Target>(storage::Connection&, std::int64_t id)>;

// Registers `kind` (e.g. "hearing"). Call while features install.
void register_target(const std::string& kind, Resolver resolver);

// The target `kind`/`id`, or nullopt when the kind is unknown or the object
// does not exist.
std::optional<Target> resolve(storage::Connection& c, const std::string& kind, std::int64_t id);

inline constexpr int kMaxDepth = 2;  // replies to replies, no deeper
inline constexpr std::size_t kMaxCharacters = 5000;
inline constexpr auto kEditWindow = std::chrono::minutes(15);
inline constexpr int kPerTenMinutes = 10;  // comments one account may post
inline constexpr int kPerDay = 100;

struct Comment {
  std::int64_t id = 0;
  std::string target_kind;
  std::int64_t target_id = 0;
  std::optional<std::int64_t> parent_id;
  int depth = 0;
  std::int64_t author_id = 0;
  std::string author_name;  // empty for a deleted account
  bool anonymous = false;
  std::string stance;  // agree, disagree, neutral or ""
  std::string body;
  int supports = 0;
  std::string created_at, edited_at, hidden_at, hidden_reason;

  bool hidden() const { return !hidden_at.empty(); }
};

// Returns the catalogue key (errors.form.*) of what is wrong with a comment,
// or "" when it may be posted: text 1–kMaxCharacters characters, a known
// stance or none.
std::string problem(const std::string& body, const std::string& stance);

// Returns true when `author_id` has posted fewer than the allowed comments
// in the last ten minutes and the last day.
bool within_rate_limit(storage::Connection& c, std::int64_t author_id);

struct NewComment {
  std::string target_kind;
  std::int64_t target_id = 0;
  std::optional<std::int64_t> parent_id;
  std::int64_t author_id = 0;
  bool anonymous = false;
  std::string stance, body;
};

// Inserts `comment` (the caller checked target, rate limit and problem()).
// A reply takes its depth from its parent, capped at kMaxDepth (a reply to
// the deepest level goes beside it). Returns the new id.
std::int64_t add(storage::Connection& c, const NewComment& comment);

std::optional<Comment> find(storage::Connection& c, std::int64_t id);

enum class Order { oldest, newest, supported };

// Every comment on the target, in thread order: each top-level comment (in
// `order`) followed by its replies (oldest first), depth by depth.
std::vector<Comment> thread(storage::Connection& c, const std::string& kind, std::int64_t id,
                            Order order);

// Comments on several targets of one kind (e.g. all sections), oldest first.
std::vector<Comment> on_targets(storage::Connection& c, const std::string& kind,
                                const std::vector<std::int64_t>& ids);

// Counts visible comments and distinct participants on targets.
struct Counts {
  std::int64_t comments = 0, participants = 0;
};
Counts count(storage::Connection& c,
             const std::vector<std::pair<std::string, std::int64_t>>& targets);

// Everyone who commented on the targets (for notifications).
std::vector<std::int64_t> participants(
    storage::Connection& c, const std::vector<std::pair<std::string, std::int64_t>>& targets);

// Returns true while `comment` may still be edited by its author at `now`.
bool editable(const Comment& comment, std::chrono::system_clock::time_point now);

// Saves a new text (and stance), keeping the old one in the history.
void edit(storage::Connection& c, const Comment& comment, const std::string& body,
          const std::string& stance);

struct Edit {
  std::string body, stance, replaced_at;
};
std::vector<Edit> history(storage::Connection& c, std::int64_t comment_id);

// Records a report; returns false when this person reported it already.
bool report(storage::Connection& c, std::int64_t comment_id, std::int64_t reporter_id,
            const std::string& reason, const std::string& note);
bool is_report_reason(const std::string& reason);

// Adds or takes back `user_id`'s support. Returns true when it is now
// supported. One support per person by a unique constraint, so parallel
// requests cannot count twice.
bool toggle_support(storage::Connection& c, std::int64_t comment_id, std::int64_t user_id);

// Hides or restores a comment (moderators), resolving its open reports.
void hide(storage::Connection& c, std::int64_t comment_id, std::int64_t moderator_id,
          const std::string& reason);
void restore(storage::Connection& c, std::int64_t comment_id, std::int64_t moderator_id);

struct Reported {
  Comment comment;
  Target target;
  std::int64_t reports = 0;
  std::vector<std::string> reasons;
};
// Comments with open reports whose targets belong to `organisation_id`.
std::vector<Reported> open_reports(storage::Connection& c, std::int64_t organisation_id);

}  // namespace ruamkit::features::comments
