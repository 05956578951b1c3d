// The case-handling role: which officials handle an organisation's feedback
// cases (of every category, or of one), granted and revoked by its admins.
// Who reported a case, and how to reach them, is shown only to those
// officials and to an official the case was assigned to by someone else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/feedback/cases.h"
#include "http/message.h"
#include "storage/database.h"

namespace ruamkit::features::feedback {

struct Handler {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;                         // the official's display name
  std::optional<std::int64_t> category_id;  // nullopt: every category
  std::string category_name_th, category_name_en;
};

// The organisation's case handlers, by name.
std::vector<Handler> handlers_of(storage::Connection& c, std::int64_t organisation_id);

// Returns true when `user_id` handles cases of `category_id` in `organisation_id`.
bool handles(storage::Connection& c, std::int64_t organisation_id, std::int64_t category_id,
             std::int64_t user_id);

// Grants the role; returns false when it was held already.
bool grant_handler(storage::Connection& c, std::int64_t organisation_id, std::int64_t user_id,
                   std::optional<std::int64_t> category_id, std::optional<std::int64_t> granted_by);

// Revokes grant `id`; returns its organisation, or nullopt when there is none.
std::optional<std::int64_t> revoke_handler(storage::Connection& c, std::int64_t id);
std::optional<std::int64_t> handler_organisation(storage::Connection& c, std::int64_t id);

// Returns true when the signed-in visitor may see who reported `f`: an
// official of its organisation who handles its category, or its assignee
// when someone else assigned it (taking a case oneself is not enough).
bool may_see_reporter(storage::Connection& c, const http::Request& request, const Case& f);

}  // namespace ruamkit::features::feedback
