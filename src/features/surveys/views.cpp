#include "features/surveys/views.h"

#include <algorithm>
#include <cmath>

#include "web/bar_chart.h"
#include "web/dates.h"
#include "web/markdown.h"

namespace ruamkit::features::surveys {

std::string period_text(const Survey& v, const web::Catalogue& t) {
  return t.format("hearings.period", {{"from", web::format_iso_day(v.opens_on, t.locale())},
                                      {"to", web::format_iso_day(v.closes_on, t.locale())}});
}

web::ViewData survey_view(const Survey& v, const web::Catalogue& t,
                          std::chrono::year_month_day today, std::int64_t responses) {
  web::ViewData d;
  const auto state = v.state(today);
  d.set("id", std::to_string(v.id));
  d.set("url", v.url());
  d.set("title", v.title);
  d.set("intro_html", web::text_or_false(web::render_markdown(v.intro, 2)));
  d.set("period", period_text(v, t));
  d.set("state", std::string(consultation::state_name(state)));
  d.set("state_name", t.text("surveys.states." + std::string(consultation::state_name(state))));
  d.set("is_open", state == State::open);
  d.set("is_draft", state == State::draft);
  d.set("responses_text", t.format("surveys.responses", {{"count", responses}}));
  web::ViewData space;
  space.set("title", v.space_title);
  space.set("url", "/processes/" + std::to_string(v.space_id));
  d.set("space", space);
  d.set("anonymous_allowed", v.anonymous_allowed);
  return d;
}

web::ViewData questions_view(const std::vector<Question>& questions,
                             const std::map<std::int64_t, Answer>& typed, const Problems& problems,
                             const web::Catalogue& t) {
  web::ViewList list;
  for (const auto& q : questions) {
    const auto field = "q" + std::to_string(q.id);
    const auto it = typed.find(q.id);
    const Answer empty;
    const Answer& a = it == typed.end() ? empty : it->second;
    web::ViewData v;
    v.set("field", field);
    v.set("section", web::text_or_false(q.section));
    v.set("prompt", q.prompt);
    v.set("help", web::text_or_false(q.help));
    v.set("required", q.required);
    v.set("single", q.kind == "single");
    v.set("multiple", q.kind == "multiple");
    v.set("scale", q.kind == "scale");
    v.set("short_text", q.kind == "short");
    v.set("long_text", q.kind == "long");
    v.set("choice", q.is_choice() || q.kind == "scale");
    std::string error;
    for (const auto& [f, key] : problems) {
      if (f == field) error = t.text("errors.form." + key);
    }
    v.set("error", web::text_or_false(error));
    web::ViewList options;
    auto add = [&](int value, const std::string& label) {
      web::ViewData o;
      o.set("value", std::to_string(value));
      o.set("label", label);
      o.set("id", field + "-" + std::to_string(value));
      o.set("checked", std::find(a.choices.begin(), a.choices.end(), value) != a.choices.end());
      options.push_back(o);
    };
    if (q.kind == "scale") {
      for (int s = q.scale_min; s <= q.scale_max; ++s) {
        std::string label = std::to_string(s);
        if (s == q.scale_min && !q.scale_min_label.empty()) label += " " + q.scale_min_label;
        if (s == q.scale_max && !q.scale_max_label.empty()) label += " " + q.scale_max_label;
        add(s, label);
      }
    } else {
      for (std::size_t i = 0; i < q.options.size(); ++i) add(static_cast<int>(i), q.options[i]);
    }
    v.set("options", options);
    v.set("text", a.text);
    list.push_back(v);
  }
  return web::ViewData(list);
}

web::ViewData results_view(const std::vector<Question>& questions,
                           const std::map<std::int64_t, std::vector<Answer>>& answers,
                           bool official, const web::Catalogue& t) {
  web::ViewList list;
  for (const auto& q : questions) {
    const auto it = answers.find(q.id);
    const std::vector<Answer> none;
    const auto& given = it == answers.end() ? none : it->second;
    const auto counted = tally(q, given);
    web::ViewData r;
    r.set("prompt", q.prompt);
    r.set("section", web::text_or_false(q.section));
    r.set("kind_name", t.text("surveys.kinds." + q.kind));
    r.set("answered_text", t.format("surveys.answered", {{"count", counted.answered}}));
    r.set("is_text", q.is_text());
    if (q.is_text()) {
      web::ViewList texts;
      std::int64_t n = 0;
      for (const auto& a : given) {
        if (a.text.empty()) continue;
        ++n;
        if (official) texts.push_back(web::ViewData(a.text));
      }
      r.set("text_count", t.format("surveys.text_answers", {{"count", n}}));
      r.set("text_answers", texts);
      r.set("official", official);
      r.set("chart", false);
    } else {
      std::vector<std::pair<std::string, std::int64_t>> bars;
      for (std::size_t i = 0; i < counted.counts.size(); ++i) {
        bars.emplace_back(
            q.kind == "scale" ? std::to_string(q.scale_min + static_cast<int>(i)) : q.options[i],
            counted.counts[i]);
      }
      r.set("chart", web::bar_chart(bars, counted.answered,
                                    {q.prompt, t.text("surveys.answer"), t.text("surveys.count"),
                                     t.text("surveys.percent")}));
    }
    list.push_back(r);
  }
  return web::ViewData(list);
}

}  // namespace ruamkit::features::surveys
