#include "features/spaces/views.h"

#include "core/day.h"
#include "features/spaces/module.h"

#include <map>

#include "web/dates.h"
#include "web/markdown.h"

namespace ruamkit::features::spaces {

std::string level_key(const std::string& level) { return "levels." + level + ".name"; }
std::string stage_key(const std::string& stage) { return "stages." + stage + ".name"; }

std::vector<std::pair<std::string, std::string>> choices(const std::vector<std::string>& codes,
                                                         const std::string& prefix,
                                                         const web::Catalogue& t,
                                                         const std::string& any_key) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!any_key.empty()) out.emplace_back("", t.text(any_key));
  for (const auto& code : codes) {
    const bool nested = prefix == "levels." || prefix == "stages.";
    out.emplace_back(code, t.text(prefix + code + (nested ? ".name" : "")));
  }
  return out;
}

web::ViewData card(const Space& s, const web::Catalogue& t) {
  web::ViewData v;
  v.set("id", std::to_string(s.id));
  v.set("url", s.url());
  v.set("manage_url", false);  // the workspace sets it; never inherited from the page
  v.set("kind", s.kind);
  v.set("kind_name", t.text("spaces.kinds." + s.kind));
  v.set("title", s.title);
  v.set("summary", web::text_or_false(s.summary));
  v.set("level", s.level);
  v.set("level_name", t.text(level_key(s.level)));
  v.set("status", s.status);
  v.set("status_name", t.text("spaces.statuses." + s.status));
  v.set("is_draft", s.status == "draft");
  v.set("is_archived", s.status == "archived");
  v.set("organisation_name", s.organisation_name(t.locale()));
  v.set("organisation_slug", s.organisation_slug);
  v.set("organisation_id", std::to_string(s.organisation_id));
  v.set("scope_name", t.text("spaces.scopes." + s.scope));
  v.set("province_name",
        web::text_or_false(s.province_code.empty() ? std::string() : s.province_name(t.locale())));
  web::ViewList stage_list, topic_list;
  for (const auto& code : s.stages) {
    web::ViewData item;
    item.set("code", code);
    item.set("name", t.text(stage_key(code)));
    stage_list.push_back(item);
  }
  for (const auto& code : s.topics) {
    web::ViewData item;
    item.set("code", code);
    item.set("name", t.text("spaces.topics." + code));
    topic_list.push_back(item);
  }
  v.set("stages", stage_list);
  v.set("topics", topic_list);
  v.set("has_topics", !topic_list.empty());
  v.set("published_display", web::text_or_false(web::format_iso_day(s.published_at, t.locale())));
  v.set("published_iso", web::iso_day_of(s.published_at));
  return v;
}

web::ViewData detail(const Space& s, const web::Catalogue& t) {
  auto v = card(s, t);
  v.set("body_html", web::text_or_false(web::render_markdown(s.body)));
  return v;
}

web::ViewData phase_list(const std::vector<Phase>& phases, std::chrono::year_month_day today,
                         const web::Catalogue& t) {
  web::ViewList list;
  for (const auto& p : phases) {
    const auto state = phase_state({p.starts_on, p.ends_on}, today);
    web::ViewData item;
    item.set("id", std::to_string(p.id));
    item.set("title", p.title);
    item.set("description", web::text_or_false(p.description));
    item.set("starts_on", p.starts_on);
    item.set("ends_on", p.ends_on);
    item.set("starts_display", web::format_iso_day(p.starts_on, t.locale()));
    item.set("ends_display", web::format_iso_day(p.ends_on, t.locale()));
    item.set("state", state);
    item.set("state_name", t.text("spaces.phase_states." + state));
    item.set("current", state == "current");
    list.push_back(item);
  }
  return web::optional_items(list);
}

web::ViewData member_list(const std::vector<Member>& members, std::chrono::year_month_day today,
                          const web::Catalogue& t) {
  web::ViewData out;
  web::ViewList list;
  std::map<std::string, int> by_sector;
  const auto today_iso = core::iso_date(today);
  for (const auto& m : members) {
    const bool current =
        m.term_start <= today_iso && (m.term_end.empty() || today_iso <= m.term_end);
    if (current) ++by_sector[m.sector];
    web::ViewData item;
    item.set("id", std::to_string(m.id));
    item.set("name", m.name);
    item.set("affiliation", m.affiliation);
    item.set("sector", m.sector);
    item.set("sector_name", t.text("spaces.sectors." + m.sector));
    item.set("position_name", t.text("spaces.positions." + m.position));
    item.set("term_display",
             t.format("spaces.term_range",
                      {{"from", web::format_iso_day(m.term_start, t.locale())},
                       {"to", m.term_end.empty() ? t.text("spaces.term_open")
                                                 : web::format_iso_day(m.term_end, t.locale())}}));
    item.set("current", current);
    list.push_back(item);
  }
  web::ViewList sectors_view;
  for (const auto& code : sectors()) {
    if (!by_sector.contains(code)) continue;
    web::ViewData item;
    item.set("name", t.text("spaces.sectors." + code));
    item.set("count", std::to_string(by_sector[code]));
    sectors_view.push_back(item);
  }
  out.set("members", list);
  out.set("any", !list.empty());
  out.set("sectors", sectors_view);
  return out;
}

web::ViewData meeting_list(const Space& committee, const std::vector<Meeting>& meetings,
                           const web::Catalogue& t) {
  web::ViewList list;
  for (const auto& m : meetings) {
    web::ViewData item;
    item.set("id", std::to_string(m.id));
    item.set("url", committee.url() + "/meetings/" + std::to_string(m.id));
    item.set("title", m.title);
    item.set("held_on", m.held_on);
    item.set("held_display", web::format_iso_day(m.held_on, t.locale()));
    item.set("location", web::text_or_false(m.location));
    list.push_back(item);
  }
  return web::optional_items(list);
}

namespace {

std::vector<Section>& sections() {
  static std::vector<Section> list;
  return list;
}

std::vector<Content>& contents() {
  static std::vector<Content> list;
  return list;
}

}  // namespace

void register_section(Section section) { sections().push_back(std::move(section)); }

void register_content(Content content) { contents().push_back(std::move(content)); }

void set_contents(web::ViewData& data, storage::Connection& c, const Space& space,
                  const web::Catalogue& t, bool manage) {
  for (const auto& content : contents()) data.set(content.key, content.view(c, space, t, manage));
}

void set_contents_json(boost::json::object& object, storage::Connection& c, const Space& space) {
  for (const auto& content : contents()) {
    if (content.json) object[content.key] = content.json(c, space);
  }
}

void reindex_sections(storage::Connection& c, std::int64_t space_id) {
  for (const auto& section : sections()) {
    if (section.reindex) section.reindex(c, space_id);
  }
  for (const auto& content : contents()) {
    if (content.reindex) content.reindex(c, space_id);
  }
}

web::ViewData components_view(storage::Connection& c, const Space& space, const web::Catalogue& t,
                              bool manage) {
  web::ViewList out;
  for (const auto& component : sections()) {
    if (!is_one_of(component.space_kinds, space.kind)) continue;
    web::ViewList items;
    for (const auto& item : component.items(c, space, t, manage)) {
      web::ViewData v;
      v.set("title", item.title);
      v.set("url", item.url);
      v.set("meta", web::text_or_false(item.meta));
      v.set("draft", item.draft);
      items.push_back(v);
    }
    if (items.empty() && !manage) continue;
    web::ViewData section;
    section.set("heading", t.text(component.heading_key));
    section.set("items", items);
    section.set("any", !items.empty());
    const bool can_add = manage && component.new_url && !component.new_key.empty();
    section.set("new_url", web::text_or_false(can_add ? component.new_url(space.id) : ""));
    section.set("new_label", t.text(component.new_key));
    out.push_back(section);
  }
  return out.empty() ? web::ViewData(false) : web::ViewData(out);
}

}  // namespace ruamkit::features::spaces
