#include "features/comments/comments.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include "core/clock.h"
#include "core/text.h"
#include "core/utf8.h"

namespace ruamkit::features::comments {
namespace {

std::map<std::string, Resolver>& registry() {
  static std::map<std::string, Resolver> resolvers;
  return resolvers;
}
std::mutex registry_mutex;

constexpr const char* kSelect =
    "SELECT m.id AS id, m.target_kind AS target_kind, m.target_id AS target_id, "
    "m.parent_id AS parent_id, m.depth AS depth, m.author_id AS author_id, "
    "COALESCE(u.display_name, '') AS author_name, m.anonymous AS anonymous, "
    "COALESCE(m.stance, '') AS stance, m.body AS body, m.supports AS supports, "
    "m.created_at AS created_at, COALESCE(m.edited_at, '') AS edited_at, "
    "COALESCE(m.hidden_at, '') AS hidden_at, COALESCE(m.hidden_reason, '') AS hidden_reason "
    "FROM comments m LEFT JOIN users u ON u.id = m.author_id AND u.deleted_at IS NULL ";

Comment read(const storage::Rows& r) {
  Comment m;
  m.id = r.integer("id");
  m.target_kind = r.text("target_kind");
  m.target_id = r.integer("target_id");
  if (!r.is_null("parent_id")) m.parent_id = r.integer("parent_id");
  m.depth = static_cast<int>(r.integer("depth"));
  m.author_id = r.integer("author_id");
  m.author_name = r.text("author_name");
  m.anonymous = r.integer("anonymous") != 0;
  m.stance = r.text("stance");
  m.body = r.text("body");
  m.supports = static_cast<int>(r.integer("supports"));
  m.created_at = r.text("created_at");
  m.edited_at = r.text("edited_at");
  m.hidden_at = r.text("hidden_at");
  m.hidden_reason = r.text("hidden_reason");
  return m;
}

// "(?, ?), (?, ?)" conditions cannot be bound as a list: the targets are
// (kind, id) pairs from components, so they are bound one pair at a time.
template <typename Each>
void for_targets(const std::vector<std::pair<std::string, std::int64_t>>& targets, Each each) {
  for (const auto& [kind, id] : targets) each(kind, id);
}

}  // namespace

void register_target(const std::string& kind, Resolver resolver) {
  std::lock_guard lock(registry_mutex);
  registry()[kind] = std::move(resolver);
}

std::optional<Target> resolve(storage::Connection& c, const std::string& kind, std::int64_t id) {
  Resolver resolver;
  {
    std::lock_guard lock(registry_mutex);
    const auto it = registry().find(kind);
    if (it == registry().end()) return std::nullopt;
    resolver = it->second;
  }
  return resolver(c, id);
}

std::string problem(const std::string& body, const std::string& stance) {
  const auto n = core::character_count(body);
  if (core::is_blank(body)) return "comment_required";
  if (n > kMaxCharacters) return "comment_too_long";
  if (!stance.empty() && stance != "agree" && stance != "disagree" && stance != "neutral") {
    return "comment_stance_unknown";
  }
  return "";
}

bool within_rate_limit(storage::Connection& c, std::int64_t author_id) {
  const auto now = core::Clock::now();
  auto rows = c.query(
      "SELECT SUM(CASE WHEN created_at > ? THEN 1 ELSE 0 END) AS recent, COUNT(*) AS today "
      "FROM comments "
      "WHERE author_id = ? AND created_at > ?",
      core::iso_timestamp(now - std::chrono::minutes(10)), author_id,
      core::iso_timestamp(now - std::chrono::hours(24)));
  rows.next();
  const auto recent = rows.is_null("recent") ? 0 : rows.integer("recent");
  return recent < kPerTenMinutes && rows.integer("today") < kPerDay;
}

std::int64_t add(storage::Connection& c, const NewComment& m) {
  int depth = 0;
  std::optional<std::int64_t> parent = m.parent_id;
  if (parent) {
    const auto p = find(c, *parent);
    if (p) {
      depth = p->depth + 1;
      if (depth > kMaxDepth) {  // a reply to the deepest level goes beside it
        parent = p->parent_id;
        depth = kMaxDepth;
      }
    }
  }
  c.execute(
      "INSERT INTO comments (target_kind, target_id, parent_id, depth, author_id, anonymous, "
      "stance, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      m.target_kind, m.target_id, parent, depth, m.author_id, m.anonymous ? 1 : 0,
      m.stance.empty() ? std::nullopt : std::optional<std::string>(m.stance), m.body,
      core::iso_timestamp(core::Clock::now()));
  return c.last_insert_id();
}

std::optional<Comment> find(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE m.id = ?", id);
  if (!rows.next()) return std::nullopt;
  return read(rows);
}

std::vector<Comment> thread(storage::Connection& c, const std::string& kind, std::int64_t id,
                            Order order) {
  std::vector<Comment> all;
  auto rows = c.query(
      std::string(kSelect) + "WHERE m.target_kind = ? AND m.target_id = ? ORDER BY m.id", kind, id);
  while (rows.next()) all.push_back(read(rows));
  std::map<std::int64_t, std::vector<const Comment*>> replies;
  std::vector<const Comment*> top;
  for (const auto& m : all) {
    if (m.parent_id) {
      replies[*m.parent_id].push_back(&m);
    } else {
      top.push_back(&m);
    }
  }
  if (order == Order::newest) std::reverse(top.begin(), top.end());
  if (order == Order::supported) {
    std::stable_sort(top.begin(), top.end(),
                     [](const Comment* a, const Comment* b) { return a->supports > b->supports; });
  }
  std::vector<Comment> out;
  std::function<void(const Comment*)> walk = [&](const Comment* m) {
    out.push_back(*m);
    for (const auto* r : replies[m->id]) walk(r);
  };
  for (const auto* m : top) walk(m);
  return out;
}

std::vector<Comment> on_targets(storage::Connection& c, const std::string& kind,
                                const std::vector<std::int64_t>& ids) {
  std::vector<Comment> out;
  if (ids.empty()) return out;
  std::string list;
  for (const auto id : ids) {
    if (!list.empty()) list += ',';
    list += std::to_string(id);
  }
  // `list` holds integers from the database only.
  auto rows = c.query(std::string(kSelect) + "WHERE m.target_kind = ? AND m.target_id IN (" + list +
                          ") ORDER BY m.id",
                      kind);
  while (rows.next()) out.push_back(read(rows));
  return out;
}

Counts count(storage::Connection& c,
             const std::vector<std::pair<std::string, std::int64_t>>& targets) {
  Counts counts;
  std::set<std::int64_t> people;
  for_targets(targets, [&](const std::string& kind, std::int64_t id) {
    auto rows = c.query(
        "SELECT author_id FROM comments WHERE target_kind = ? AND target_id = ? AND hidden_at IS "
        "NULL",
        kind, id);
    while (rows.next()) {
      ++counts.comments;
      people.insert(rows.integer(0));
    }
  });
  counts.participants = static_cast<std::int64_t>(people.size());
  return counts;
}

std::vector<std::int64_t> participants(
    storage::Connection& c, const std::vector<std::pair<std::string, std::int64_t>>& targets) {
  std::set<std::int64_t> people;
  for_targets(targets, [&](const std::string& kind, std::int64_t id) {
    auto rows =
        c.query("SELECT DISTINCT author_id FROM comments WHERE target_kind = ? AND target_id = ?",
                kind, id);
    while (rows.next()) people.insert(rows.integer(0));
  });
  return {people.begin(), people.end()};
}

bool editable(const Comment& comment, std::chrono::system_clock::time_point now) {
  if (comment.hidden()) return false;
  const auto created = core::parse_iso_timestamp(comment.created_at);
  return created && now - *created <= kEditWindow;
}

void edit(storage::Connection& c, const Comment& comment, const std::string& body,
          const std::string& stance) {
  const auto now = core::iso_timestamp(core::Clock::now());
  c.execute("INSERT INTO comment_edits (comment_id, body, stance, replaced_at) VALUES (?, ?, ?, ?)",
            comment.id, comment.body,
            comment.stance.empty() ? std::nullopt : std::optional<std::string>(comment.stance),
            now);
  c.execute("UPDATE comments SET body = ?, stance = ?, edited_at = ? WHERE id = ?", body,
            stance.empty() ? std::nullopt : std::optional<std::string>(stance), now, comment.id);
}

std::vector<Edit> history(storage::Connection& c, std::int64_t comment_id) {
  std::vector<Edit> out;
  auto rows = c.query(
      "SELECT body AS body, COALESCE(stance, '') AS stance, replaced_at AS replaced_at "
      "FROM comment_edits WHERE comment_id = ? ORDER BY id",
      comment_id);
  while (rows.next()) {
    out.push_back({rows.text("body"), rows.text("stance"), rows.text("replaced_at")});
  }
  return out;
}

bool is_report_reason(const std::string& reason) {
  return reason == "spam" || reason == "abuse" || reason == "personal_data" ||
         reason == "off_topic" || reason == "other";
}

bool report(storage::Connection& c, std::int64_t comment_id, std::int64_t reporter_id,
            const std::string& reason, const std::string& note) {
  // Reported already by this person when nothing is inserted.
  return c.execute(
             "INSERT INTO comment_reports (comment_id, reporter_id, reason, note, created_at) "
             "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
             comment_id, reporter_id, reason, note, core::iso_timestamp(core::Clock::now())) > 0;
}

bool toggle_support(storage::Connection& c, std::int64_t comment_id, std::int64_t user_id) {
  const int removed = c.execute("DELETE FROM comment_supports WHERE comment_id = ? AND user_id = ?",
                                comment_id, user_id);
  if (removed == 0) {
    c.execute("INSERT INTO comment_supports (comment_id, user_id, created_at) VALUES (?, ?, ?)",
              comment_id, user_id, core::iso_timestamp(core::Clock::now()));
  }
  c.execute(
      "UPDATE comments SET supports = (SELECT COUNT(*) FROM comment_supports WHERE comment_id = ?) "
      "WHERE id = ?",
      comment_id, comment_id);
  return removed == 0;
}

void hide(storage::Connection& c, std::int64_t comment_id, std::int64_t moderator_id,
          const std::string& reason) {
  const auto now = core::iso_timestamp(core::Clock::now());
  c.execute("UPDATE comments SET hidden_at = ?, hidden_by = ?, hidden_reason = ? WHERE id = ?", now,
            moderator_id, reason, comment_id);
  c.execute(
      "UPDATE comment_reports SET resolved_at = ?, resolved_by = ? WHERE comment_id = ? AND "
      "resolved_at IS NULL",
      now, moderator_id, comment_id);
}

void restore(storage::Connection& c, std::int64_t comment_id, std::int64_t moderator_id) {
  const auto now = core::iso_timestamp(core::Clock::now());
  c.execute(
      "UPDATE comments SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = ?",
      comment_id);
  c.execute(
      "UPDATE comment_reports SET resolved_at = ?, resolved_by = ? WHERE comment_id = ? AND "
      "resolved_at IS NULL",
      now, moderator_id, comment_id);
}

std::vector<Reported> open_reports(storage::Connection& c, std::int64_t organisation_id) {
  std::vector<Reported> out;
  std::vector<std::pair<std::int64_t, std::int64_t>> ids;  // comment, reports
  {
    auto rows = c.query(
        "SELECT comment_id AS comment_id, COUNT(*) AS reports FROM comment_reports "
        "WHERE resolved_at IS NULL GROUP BY comment_id ORDER BY MIN(created_at) LIMIT 500");
    while (rows.next()) ids.emplace_back(rows.integer("comment_id"), rows.integer("reports"));
  }
  for (const auto& [id, reports] : ids) {
    const auto comment = find(c, id);
    if (!comment) continue;
    const auto target = resolve(c, comment->target_kind, comment->target_id);
    if (!target || target->organisation_id != organisation_id) continue;
    Reported item{*comment, *target, reports, {}};
    auto reasons = c.query(
        "SELECT DISTINCT reason FROM comment_reports WHERE comment_id = ? AND resolved_at IS NULL",
        id);
    while (reasons.next()) item.reasons.push_back(reasons.text(0));
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace ruamkit::features::comments
