// The organisation tree and memberships: reading and changing them. Callers
// check permissions (permissions.h) before calling the changing functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/problems.h"
#include "features/organisations/permissions.h"
#include "storage/database.h"

namespace ruamkit::features::organisations {

// The kinds an organisation can be, in the order offered in forms.
const std::vector<std::string>& organisation_kinds();

struct Organisation {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string kind, slug, name_th, name_en, email, phone, website, address;
  std::string about, mission, participation_channels;  // plain text, paragraphs by blank lines
  int depth = 0;                                       // in the tree, for indented lists

  const std::string& name(const std::string& locale) const {
    return locale == "en" && !name_en.empty() ? name_en : name_th;
  }
};

// Every organisation, depth-first (parents before their children, siblings by Thai name).
std::vector<Organisation> tree(storage::Connection& c);

std::optional<Organisation> find(storage::Connection& c, std::int64_t id);
// The organisations directly under `parent_id`, in Thai order.
std::vector<Organisation> children(storage::Connection& c, std::int64_t parent_id);

std::optional<Organisation> find_by_slug(storage::Connection& c, const std::string& slug);

// Writes the organisation's entry in the site-wide search index (call in the
// transaction that changes it).
void index_for_search(storage::Connection& c, const Organisation& o);

// Returns the problems with `o` as message keys (empty when valid): names
// required, slug of lower-case letters, digits and dashes, known kind,
// a parent that exists and is not the organisation itself or below it.
core::Problems problems(storage::Connection& c, const Organisation& o);

// Inserts `o` (id ignored) and returns its id. Throws ConstraintError for a
// slug in use.
std::int64_t create(storage::Connection& c, const Organisation& o);
void update(storage::Connection& c, const Organisation& o);

struct Member {
  std::int64_t membership_id;
  std::int64_t user_id;
  std::string display_name, email;
  Role role;
  std::string since;
};

std::vector<Member> members(storage::Connection& c, std::int64_t organisation_id);

// Grants `role`; returns false when the person already holds it.
bool grant(storage::Connection& c, std::int64_t user_id, std::int64_t organisation_id, Role role,
           std::int64_t granted_by);

// Removes membership `membership_id` of `organisation_id`. Returns the
// removed member, or nullopt when no such membership is in that organisation.
std::optional<Member> revoke(storage::Connection& c, std::int64_t organisation_id,
                             std::int64_t membership_id);

}  // namespace ruamkit::features::organisations
