// Spaces as a feature: the public pages of processes and committees, and the
// officials' workspace where they are created, described, given phases,
// members and meeting records, and published.
#pragma once

#include <boost/json/object.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "features/context.h"
#include "features/spaces/spaces.h"
#include "web/i18n.h"
#include "web/view_data.h"

namespace ruamkit::features::spaces {

void install(Context& context);
void install_public(Context& context);
void install_manage(Context& context);
void install_api(Context& context);
void install_meetings(Context& context);

// A participation tool placed in a space (hearings, surveys …). Its module
// registers, in one line at install, how its items show as a section of the
// space's public page and of the workspace.
struct SectionItem {
  std::string title, url, meta;  // meta: translated state or dates
  bool draft = false;
};
struct Section {
  std::string heading_key;               // the section heading (catalogue key)
  std::string new_key;                   // the workspace's "new …" link ("" for none)
  std::vector<std::string> space_kinds;  // process, committee
  std::function<std::string(std::int64_t space_id)> new_url;
  // The items in space `space`; with `manage`, drafts too and workspace URLs.
  std::function<std::vector<SectionItem>(storage::Connection&, const Space& space,
                                         const web::Catalogue&, bool manage)>
      items;
  // Refreshes the search entries of the component's items in a space whose
  // status changed (they are public only while it is).
  std::function<void(storage::Connection&, std::int64_t space_id)> reindex;
};
void register_section(Section section);

// Content another feature places in a space with a shape of its own (pages
// and announcements show as cards): the space's templates show it under
// `key`, its JSON carries it under `key`. Registered at install; spaces
// depend on no such feature.
struct Content {
  std::string key;  // "pages"
  // The content of `space` (with `manage`, drafts too, for the workspace).
  std::function<web::ViewData(storage::Connection&, const Space& space, const web::Catalogue&,
                              bool manage)>
      view;
  // The content of `space` in its /api/v1 document (may be empty).
  std::function<boost::json::value(storage::Connection&, const Space& space)> json;
  // Refreshes search entries when the space's status changed (may be empty).
  std::function<void(storage::Connection&, std::int64_t space_id)> reindex;
};
void register_content(Content content);

// Sets every registered content's view of `space` in `data`.
void set_contents(web::ViewData& data, storage::Connection& c, const Space& space,
                  const web::Catalogue& t, bool manage);

// Sets every registered content's JSON of `space` in `object`.
void set_contents_json(boost::json::object& object, storage::Connection& c, const Space& space);

// Refreshes the search entries of every section's and content's items in a
// space whose status changed (they are public only while it is).
void reindex_sections(storage::Connection& c, std::int64_t space_id);

// components[] {heading, items[] {title, url, meta, draft}, new_url, new_label}
// of the components registered for `space`'s kind (false when none apply).
web::ViewData components_view(storage::Connection& c, const Space& space, const web::Catalogue& t,
                              bool manage);

// The details of an audit entry about something in space `space_id`: JSON
// {"space": id, …values} (e.g. what a removed member was).
std::string audit_details(std::int64_t space_id,
                          const std::vector<std::pair<std::string, std::string>>& values = {});

// Where officials manage space `id`.
std::string manage_url(std::int64_t id);

// Loads space `id` for the workspace: throws HttpError 404 when there is
// none, and 303/403 unless the visitor may manage its organisation.
Space managed_space(storage::Connection& c, const http::Request& request, std::int64_t id);

}  // namespace ruamkit::features::spaces
