#include "features/surveys/surveys.h"

#include "core/clock.h"
#include "core/day.h"
#include "core/utf8.h"
#include "features/search/index.h"
#include "features/spaces/rules.h"
#include "web/markdown.h"

namespace ruamkit::features::surveys {
namespace {

constexpr const char* kSelect =
    "SELECT v.id AS id, v.space_id AS space_id, s.organisation_id AS organisation_id, "
    "o.slug AS organisation_slug, s.title AS space_title, s.status AS space_status, "
    "v.title AS title, v.intro AS intro, v.opens_on AS opens_on, v.closes_on AS closes_on, "
    "v.status AS status, COALESCE(v.published_at, '') AS published_at, "
    "v.anonymous_allowed AS anonymous_allowed "
    "FROM surveys v JOIN spaces s ON s.id = v.space_id "
    "JOIN organisations o ON o.id = s.organisation_id ";

}  // namespace

const consultation::Table kTable{"surveys", "v", kSelect, "surveys"};

Survey read(const storage::Rows& r) {
  Survey v;
  v.id = r.integer("id");
  v.space_id = r.integer("space_id");
  v.organisation_id = r.integer("organisation_id");
  v.organisation_slug = r.text("organisation_slug");
  v.space_title = r.text("space_title");
  v.space_status = r.text("space_status");
  v.title = r.text("title");
  v.intro = r.text("intro");
  v.opens_on = r.text("opens_on");
  v.closes_on = r.text("closes_on");
  v.status = r.text("status");
  v.published_at = r.text("published_at");
  v.anonymous_allowed = r.integer("anonymous_allowed") != 0;
  return v;
}

namespace {

std::string now() { return core::iso_timestamp(core::Clock::now()); }

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

}  // namespace

Problems check_details(const Details& d) {
  Problems found;
  const auto n = core::character_count(d.title);
  if (n < 1 || n > 300) found.emplace_back("title", "survey_title_length");
  if (d.intro.size() > 20'000) found.emplace_back("intro", "text_too_long");
  consultation::check_period(d.opens_on, d.closes_on, found);
  return found;
}

std::optional<Survey> find(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE v.id = ?", id);
  if (!rows.next()) return std::nullopt;
  return read(rows);
}

std::vector<Survey> of_space(storage::Connection& c, std::int64_t space_id, bool drafts) {
  return consultation::of_space(c, kTable, space_id, drafts, read);
}

std::int64_t create(storage::Connection& c, std::int64_t space_id, const Details& d,
                    std::int64_t created_by) {
  const auto at = now();
  c.execute(
      "INSERT INTO surveys (space_id, title, intro, opens_on, closes_on, anonymous_allowed, "
      "status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)",
      space_id, d.title, d.intro, d.opens_on, d.closes_on, d.anonymous_allowed ? 1 : 0,
      created_by > 0 ? std::optional<std::int64_t>(created_by) : std::nullopt, at, at);
  return c.last_insert_id();
}

void update(storage::Connection& c, std::int64_t id, const Details& d) {
  c.execute(
      "UPDATE surveys SET title = ?, intro = ?, opens_on = ?, closes_on = ?, anonymous_allowed = "
      "?, "
      "updated_at = ? WHERE id = ?",
      d.title, d.intro, d.opens_on, d.closes_on, d.anonymous_allowed ? 1 : 0, now(), id);
  reindex(c, id);
}

void publish(storage::Connection& c, std::int64_t id) {
  consultation::publish(c, kTable, id);
  reindex(c, id);
}

std::vector<Question> questions(storage::Connection& c, std::int64_t survey_id) {
  std::vector<Question> out;
  auto rows = c.query(
      "SELECT id AS id, position AS position, section AS section, kind AS kind, "
      "prompt AS prompt, help AS help, required AS required, options AS options, "
      "scale_min AS scale_min, scale_max AS scale_max, scale_min_label AS scale_min_label, "
      "scale_max_label AS scale_max_label FROM survey_questions WHERE survey_id = ? "
      "ORDER BY position",
      survey_id);
  while (rows.next()) {
    Question q;
    q.id = rows.integer("id");
    q.position = static_cast<int>(rows.integer("position"));
    q.section = rows.text("section");
    q.kind = rows.text("kind");
    q.prompt = rows.text("prompt");
    q.help = rows.text("help");
    q.required = rows.integer("required") != 0;
    q.options = parse_options(rows.text("options"));
    q.scale_min = static_cast<int>(rows.integer("scale_min"));
    q.scale_max = static_cast<int>(rows.integer("scale_max"));
    q.scale_min_label = rows.text("scale_min_label");
    q.scale_max_label = rows.text("scale_max_label");
    out.push_back(std::move(q));
  }
  return out;
}

std::int64_t add_question(storage::Connection& c, std::int64_t survey_id, const Question& q) {
  c.execute(
      "INSERT INTO survey_questions (survey_id, position, section, kind, prompt, help, required, "
      "options, scale_min, scale_max, scale_min_label, scale_max_label) VALUES (?, "
      "(SELECT COALESCE(MAX(position), 0) + 1 FROM survey_questions WHERE survey_id = ?), "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      survey_id, survey_id, q.section, q.kind, q.prompt, q.help, q.required ? 1 : 0,
      q.is_choice() ? join_lines(q.options) : std::string(), q.scale_min, q.scale_max,
      q.scale_min_label, q.scale_max_label);
  return c.last_insert_id();
}

bool remove_question(storage::Connection& c, std::int64_t survey_id, std::int64_t question_id) {
  return c.execute("DELETE FROM survey_questions WHERE id = ? AND survey_id = ?", question_id,
                   survey_id) > 0;
}

bool respond(storage::Connection& c, std::int64_t survey_id, std::optional<std::int64_t> user_id,
             const std::string& address_digest, const std::map<std::int64_t, Answer>& answers) {
  const auto inserted = c.execute(
      "INSERT INTO survey_responses (survey_id, user_id, address_digest, created_at) "
      "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
      survey_id, user_id, user_id ? std::nullopt : std::optional<std::string>(address_digest),
      now());
  if (inserted == 0) return false;  // answered already
  const auto response_id = c.last_insert_id();
  for (const auto& [question_id, a] : answers) {
    if (!a.text.empty()) {
      c.execute("INSERT INTO survey_answers (response_id, question_id, text) VALUES (?, ?, ?)",
                response_id, question_id, a.text);
    }
    for (const int choice : a.choices) {
      c.execute("INSERT INTO survey_answers (response_id, question_id, choice) VALUES (?, ?, ?)",
                response_id, question_id, choice);
    }
  }
  return true;
}

bool has_responded(storage::Connection& c, std::int64_t survey_id, std::int64_t user_id) {
  auto rows = c.query("SELECT 1 FROM survey_responses WHERE survey_id = ? AND user_id = ?",
                      survey_id, user_id);
  return rows.next();
}

std::int64_t recent_anonymous(storage::Connection& c, std::int64_t survey_id,
                              const std::string& address_digest) {
  auto rows = c.query(
      "SELECT COUNT(*) FROM survey_responses WHERE survey_id = ? AND address_digest = ? AND "
      "created_at > ?",
      survey_id, address_digest, core::iso_timestamp(core::Clock::now() - std::chrono::hours(24)));
  rows.next();
  return rows.integer(0);
}

std::int64_t response_count(storage::Connection& c, std::int64_t survey_id) {
  auto rows = c.query("SELECT COUNT(*) FROM survey_responses WHERE survey_id = ?", survey_id);
  rows.next();
  return rows.integer(0);
}

std::vector<std::int64_t> respondents(storage::Connection& c, std::int64_t survey_id) {
  std::vector<std::int64_t> out;
  auto rows =
      c.query("SELECT user_id FROM survey_responses WHERE survey_id = ? AND user_id IS NOT NULL",
              survey_id);
  while (rows.next()) out.push_back(rows.integer(0));
  return out;
}

std::map<std::int64_t, std::vector<Answer>> answers(storage::Connection& c,
                                                    std::int64_t survey_id) {
  std::map<std::int64_t, std::vector<Answer>> out;
  for (const auto& r : responses(c, survey_id)) {
    for (const auto& [question_id, a] : r.answers) out[question_id].push_back(a);
  }
  return out;
}

std::vector<ResponseRow> responses(storage::Connection& c, std::int64_t survey_id) {
  std::vector<ResponseRow> out;
  std::map<std::int64_t, std::size_t> index;
  {
    auto rows = c.query(
        "SELECT id AS id, created_at AS created_at, user_id IS NULL AS anonymous "
        "FROM survey_responses WHERE survey_id = ? ORDER BY id",
        survey_id);
    while (rows.next()) {
      index[rows.integer("id")] = out.size();
      out.push_back(
          {rows.integer("id"), rows.text("created_at"), rows.integer("anonymous") != 0, {}});
    }
  }
  auto rows = c.query(
      "SELECT a.response_id AS response_id, a.question_id AS question_id, a.choice AS choice, "
      "a.text AS text FROM survey_answers a "
      "JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = ? "
      "ORDER BY a.response_id, a.question_id, a.choice",
      survey_id);
  while (rows.next()) {
    auto& a = out[index[rows.integer("response_id")]].answers[rows.integer("question_id")];
    if (!rows.is_null("choice")) a.choices.push_back(static_cast<int>(rows.integer("choice")));
    if (!rows.is_null("text")) a.text = rows.text("text");
  }
  return out;
}

void reindex(storage::Connection& c, std::int64_t id) {
  const auto v = find(c, id);
  if (!v) return;
  if (!v->is_public()) {
    search::unindex(c, "survey", std::to_string(id));
    return;
  }
  std::string body = web::markdown_to_text(v->intro);
  for (const auto& q : questions(c, id)) body += "\n" + q.prompt;
  search::index(c, {"survey", std::to_string(id), v->organisation_id, v->url(), v->title, body,
                    v->published_at});
}

}  // namespace ruamkit::features::surveys
