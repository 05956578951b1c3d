#include "features/organisations/organisations.h"

#include <algorithm>
#include <functional>
#include <map>

#include "core/clock.h"
#include "features/search/index.h"
#include "web/collation.h"

namespace ruamkit::features::organisations {
namespace {

constexpr const char* kColumns =
    "id AS id, parent_id AS parent_id, kind AS kind, slug AS slug, name_th AS name_th, "
    "name_en AS name_en, COALESCE(email, '') AS email, COALESCE(phone, '') AS phone, "
    "COALESCE(website, '') AS website, COALESCE(address, '') AS address, "
    "COALESCE(about, '') AS about, COALESCE(mission, '') AS mission, "
    "COALESCE(participation_channels, '') AS participation_channels";

Organisation read_row(const storage::Rows& rows) {
  Organisation o;
  o.id = rows.integer("id");
  if (!rows.is_null("parent_id")) o.parent_id = rows.integer("parent_id");
  o.kind = rows.text("kind");
  o.slug = rows.text("slug");
  o.name_th = rows.text("name_th");
  o.name_en = rows.text("name_en");
  o.email = rows.text("email");
  o.phone = rows.text("phone");
  o.website = rows.text("website");
  o.address = rows.text("address");
  o.about = rows.text("about");
  o.mission = rows.text("mission");
  o.participation_channels = rows.text("participation_channels");
  return o;
}

std::optional<std::string> nullable(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

const std::vector<std::string>& organisation_kinds() {
  static const std::vector<std::string> kinds = {"ministry", "department", "division", "province",
                                                 "local",    "agency",     "oversight"};
  return kinds;
}

std::vector<Organisation> tree(storage::Connection& c) {
  std::vector<Organisation> all;
  auto rows = c.query(std::string("SELECT ") + kColumns +
                      " FROM organisations WHERE archived_at IS NULL ORDER BY name_th");
  while (rows.next()) all.push_back(read_row(rows));
  std::map<std::optional<std::int64_t>, std::vector<const Organisation*>> children;
  for (const auto& o : all) children[o.parent_id].push_back(&o);
  for (auto& [parent, list] : children) {
    std::sort(list.begin(), list.end(), [](const Organisation* a, const Organisation* b) {
      return web::thai_less(a->name_th, b->name_th);
    });
  }
  std::vector<Organisation> out;
  std::function<void(std::optional<std::int64_t>, int)> walk =
      [&](std::optional<std::int64_t> parent, int depth) {
        for (const auto* o : children[parent]) {
          out.push_back(*o);
          out.back().depth = depth;
          walk(o->id, depth + 1);
        }
      };
  walk(std::nullopt, 0);
  return out;
}

std::optional<Organisation> find(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string("SELECT ") + kColumns +
                          " FROM organisations WHERE id = ? AND archived_at IS NULL",
                      id);
  if (!rows.next()) return std::nullopt;
  return read_row(rows);
}

std::vector<Organisation> children(storage::Connection& c, std::int64_t parent_id) {
  std::vector<Organisation> out;
  auto rows = c.query(std::string("SELECT ") + kColumns +
                          " FROM organisations WHERE parent_id = ? AND archived_at IS NULL",
                      parent_id);
  while (rows.next()) out.push_back(read_row(rows));
  std::sort(out.begin(), out.end(), [](const Organisation& a, const Organisation& b) {
    return web::thai_less(a.name_th, b.name_th);
  });
  return out;
}

std::optional<Organisation> find_by_slug(storage::Connection& c, const std::string& slug) {
  auto rows = c.query(std::string("SELECT ") + kColumns +
                          " FROM organisations WHERE slug = ? AND archived_at IS NULL",
                      slug);
  if (!rows.next()) return std::nullopt;
  return read_row(rows);
}

void index_for_search(storage::Connection& c, const Organisation& o) {
  search::Document d;
  d.kind = "organisation";
  d.ref = std::to_string(o.id);
  d.organisation_id = o.id;
  d.url = "/organisations/" + o.slug;
  d.title = o.name_th + " · " + o.name_en;
  d.body = o.mission + "\n\n" + o.about + "\n\n" + o.participation_channels + "\n\n" + o.address;
  search::index(c, d);
}

core::Problems problems(storage::Connection& c, const Organisation& o) {
  core::Problems out;
  if (o.name_th.empty() || o.name_th.size() > 300) out.emplace_back("name_th", "org_name_required");
  if (o.name_en.empty() || o.name_en.size() > 300) out.emplace_back("name_en", "org_name_required");
  const bool slug_ok = !o.slug.empty() && o.slug.size() <= 80 &&
                       std::all_of(o.slug.begin(), o.slug.end(), [](char ch) {
                         return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
                       });
  if (!slug_ok) out.emplace_back("slug", "org_slug_invalid");
  const auto& kinds = organisation_kinds();
  if (std::find(kinds.begin(), kinds.end(), o.kind) == kinds.end()) {
    out.emplace_back("kind", "org_kind_invalid");
  }
  if (o.parent_id) {
    // Walk up from the parent: it must exist, and the organisation itself
    // must not be among its ancestors (no cycles).
    std::optional<std::int64_t> at = o.parent_id;
    int guard = 0;
    while (at && guard++ < 64) {
      if (o.id != 0 && *at == o.id) {
        out.emplace_back("parent_id", "org_parent_cycle");
        break;
      }
      auto parent = find(c, *at);
      if (!parent) {
        out.emplace_back("parent_id", "org_parent_invalid");
        break;
      }
      at = parent->parent_id;
    }
  }
  for (const auto* field : {&o.email, &o.phone, &o.website, &o.address}) {
    if (field->size() > 500) out.emplace_back("", "value_too_long");
  }
  for (const auto* field : {&o.about, &o.mission, &o.participation_channels}) {
    if (field->size() > 20'000) out.emplace_back("", "value_too_long");
  }
  if (!o.website.empty() && !o.website.starts_with("https://") &&
      !o.website.starts_with("http://")) {
    out.emplace_back("website", "org_website_invalid");
  }
  return out;
}

std::int64_t create(storage::Connection& c, const Organisation& o) {
  c.execute(
      "INSERT INTO organisations (parent_id, kind, slug, name_th, name_en, email, phone, website, "
      "address, about, mission, participation_channels, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      o.parent_id, o.kind, o.slug, o.name_th, o.name_en, nullable(o.email), nullable(o.phone),
      nullable(o.website), nullable(o.address), nullable(o.about), nullable(o.mission),
      nullable(o.participation_channels), core::iso_timestamp(core::Clock::now()));
  auto created = o;
  created.id = c.last_insert_id();
  index_for_search(c, created);
  return created.id;
}

void update(storage::Connection& c, const Organisation& o) {
  c.execute(
      "UPDATE organisations SET parent_id = ?, kind = ?, slug = ?, name_th = ?, name_en = ?, "
      "email = ?, phone = ?, website = ?, address = ?, about = ?, mission = ?, "
      "participation_channels = ? WHERE id = ?",
      o.parent_id, o.kind, o.slug, o.name_th, o.name_en, nullable(o.email), nullable(o.phone),
      nullable(o.website), nullable(o.address), nullable(o.about), nullable(o.mission),
      nullable(o.participation_channels), o.id);
  index_for_search(c, o);
}

std::vector<Member> members(storage::Connection& c, std::int64_t organisation_id) {
  auto rows = c.query(
      "SELECT m.id AS membership_id, u.id AS user_id, u.display_name AS display_name, "
      "COALESCE(u.email, '') AS email, m.role AS role, m.created_at AS since "
      "FROM memberships m JOIN users u ON u.id = m.user_id "
      "WHERE m.organisation_id = ? AND u.deleted_at IS NULL ORDER BY u.display_name, m.role",
      organisation_id);
  std::vector<Member> out;
  while (rows.next()) {
    out.push_back({rows.integer("membership_id"), rows.integer("user_id"),
                   rows.text("display_name"), rows.text("email"),
                   parse_role(rows.text("role")).value_or(Role::official), rows.text("since")});
  }
  return out;
}

bool grant(storage::Connection& c, std::int64_t user_id, std::int64_t organisation_id, Role role,
           std::int64_t granted_by) {
  auto existing =
      c.query("SELECT 1 FROM memberships WHERE user_id = ? AND organisation_id = ? AND role = ?",
              user_id, organisation_id, std::string(role_name(role)));
  if (existing.next()) return false;
  std::optional<std::int64_t> by;
  if (granted_by != 0) by = granted_by;
  c.execute(
      "INSERT INTO memberships (user_id, organisation_id, role, granted_by, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      user_id, organisation_id, std::string(role_name(role)), by,
      core::iso_timestamp(core::Clock::now()));
  return true;
}

std::optional<Member> revoke(storage::Connection& c, std::int64_t organisation_id,
                             std::int64_t membership_id) {
  for (const auto& m : members(c, organisation_id)) {
    if (m.membership_id != membership_id) continue;
    c.execute("DELETE FROM memberships WHERE id = ? AND organisation_id = ?", membership_id,
              organisation_id);
    return m;
  }
  return std::nullopt;
}

}  // namespace ruamkit::features::organisations
