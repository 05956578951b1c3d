// Template data for pages and announcements, shared by their own pages, the
// spaces they sit in, the organisation page and the workspace.
#pragma once

#include <cstdint>
#include <optional>

#include "features/pages/pages.h"
#include "web/i18n.h"
#include "web/view_data.h"

namespace ruamkit::features::pages {

// id, url, kind, kind_name, title, excerpt, status, status_name, is_draft,
// organisation_name, organisation_slug, published_display (or false),
// published_iso, revision.
web::ViewData card(const Page& p, const web::Catalogue& t);

// The public pages and announcements inside space `space_id` as a list of
// cards; false when there are none.
web::ViewData list_view(storage::Connection& c, std::int64_t space_id, const web::Catalogue& t);

// Every page of `organisation_id` (drafts included) outside its spaces, or
// inside `space_id` when given, as cards with manage_url; false when none.
web::ViewData manage_list_view(storage::Connection& c, std::int64_t organisation_id,
                               std::optional<std::int64_t> space_id, const web::Catalogue& t);

}  // namespace ruamkit::features::pages
