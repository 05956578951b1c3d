// /admin/organisations: the tree, adding an organisation (platform admins),
// editing names and contacts (platform admins and the organisation's admins).
#include "features/admin/admin.h"
#include "features/audit/audit.h"
#include "features/organisations/organisations.h"
#include "http/error.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::admin {
namespace {

using organisations::Action;
using organisations::Organisation;

web::Form organisation_form(const web::Catalogue& t, storage::Connection& c, const Organisation& o,
                            const std::string& action, bool may_move) {
  web::Form form(t, action,
                 o.id ? "admin.organisations.edit_heading" : "admin.organisations.new_heading",
                 "admin.organisations.save");
  form.field("name_th", "admin.organisations.name_th", "text", o.name_th, "organization")
      .field("name_en", "admin.organisations.name_en", "text", o.name_en, "off");
  if (may_move) {
    std::vector<std::pair<std::string, std::string>> kinds;
    for (const auto& k : organisations::organisation_kinds()) {
      kinds.emplace_back(k, t.text("organisations.kinds." + k));
    }
    form.select("kind", "admin.organisations.kind", kinds, o.kind);
    std::vector<std::pair<std::string, std::string>> parents = {
        {"", t.text("admin.organisations.no_parent")}};
    for (const auto& p : organisations::tree(c)) {
      if (p.id == o.id) continue;
      // Spaces collapse inside <option>; a dash per level shows the tree.
      std::string prefix;
      for (int i = 0; i < p.depth; ++i) prefix += "— ";
      parents.emplace_back(std::to_string(p.id), prefix + p.name(t.locale()));
    }
    form.select("parent_id", "admin.organisations.parent", parents,
                o.parent_id ? std::to_string(*o.parent_id) : "", false)
        .field("slug", "admin.organisations.slug", "text", o.slug, "off", true,
               "admin.organisations.slug_hint");
  }
  form.field("email", "admin.organisations.email", "email", o.email, "email", false)
      .field("phone", "admin.organisations.phone", "tel", o.phone, "tel", false)
      .field("website", "admin.organisations.website", "url", o.website, "url", false)
      .field("address", "admin.organisations.address", "text", o.address, "street-address", false)
      .textarea("mission", "admin.organisations.mission", o.mission)
      .textarea("about", "admin.organisations.about", o.about, false,
                "admin.organisations.text_hint")
      .textarea("participation_channels", "admin.organisations.channels", o.participation_channels,
                false, "admin.organisations.channels_hint")
      .link("/admin/organisations", "admin.organisations.back");
  return form;
}

// Reads the form into `o`. Kind, parent and slug only when `may_move`.
void read_form(const http::Request& request, Organisation& o, bool may_move) {
  using web::form_value;
  o.name_th = form_value(request, "name_th");
  o.name_en = form_value(request, "name_en");
  o.email = form_value(request, "email");
  o.phone = form_value(request, "phone");
  o.website = form_value(request, "website");
  o.address = form_value(request, "address");
  o.about = form_value(request, "about");
  o.mission = form_value(request, "mission");
  o.participation_channels = form_value(request, "participation_channels");
  if (!may_move) return;
  o.kind = form_value(request, "kind");
  o.slug = form_value(request, "slug");
  const auto parent = form_value(request, "parent_id");
  o.parent_id.reset();
  if (!parent.empty()) {
    o.parent_id = web::parse_id(parent).value_or(-1);  // -1 is reported as an unknown parent
  }
}

}  // namespace

void install_organisations(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/admin/organisations", [&db, &views](http::Request& request) {
    const auto grants = require(db, request, Action::enter_admin_area);
    const auto& t = views.messages(request);
    web::ViewList list;
    db.read([&](storage::Connection& c) {
      for (const auto& o : organisations::tree(c)) {
        const bool edit = organisations::allowed(grants, Action::edit_organisation, o.id);
        if (!edit && !grants.platform_admin) continue;
        web::ViewData item;
        item.set("id", std::to_string(o.id));
        item.set("name", o.name(t.locale()));
        item.set("kind", t.text("organisations.kinds." + o.kind));
        item.set("depth", std::to_string(std::min(o.depth, 4)));
        list.push_back(item);
      }
    });
    web::ViewData data;
    data.set("organisations", list);
    data.set("can_create",
             organisations::allowed(grants, Action::create_organisation, std::nullopt));
    return views.page(request, "admin/organisations", t.text("admin.organisations.heading"), data);
  });

  context.router.get("/admin/organisations/new", [&db, &views](http::Request& request) {
    require(db, request, Action::create_organisation);
    const auto& t = views.messages(request);
    Organisation blank;
    blank.kind = "department";
    auto form = db.read([&](storage::Connection& c) {
      return organisation_form(t, c, blank, "/admin/organisations", true);
    });
    return views.page(request, "form", t.text("admin.organisations.new_heading"), form.view());
  });

  context.router.post("/admin/organisations", [&db, &views](http::Request& request) {
    require(db, request, Action::create_organisation);
    const auto& t = views.messages(request);
    Organisation o;
    read_form(request, o, true);
    std::optional<web::Form> invalid;
    std::int64_t id = 0;
    db.write([&](storage::Connection& c) {
      auto found = organisations::problems(c, o);
      if (found.empty()) {
        try {
          id = c.savepoint([&] { return organisations::create(c, o); });
        } catch (const storage::ConstraintError&) {
          found.emplace_back("slug", "org_slug_taken");
        }
      }
      if (!found.empty()) {
        invalid.emplace(organisation_form(t, c, o, "/admin/organisations", true));
        invalid->errors(found);
        return;
      }
      audit::record(c, request, {"organisation.created", "organisation", std::to_string(id), id});
    });
    if (invalid) {
      return views.page(request, "form", t.text("admin.organisations.new_heading"), invalid->view(),
                        422);
    }
    return web::redirect("/admin/organisations/" + std::to_string(id) + "?notice=saved");
  });

  context.router.get("/admin/organisations/{id}", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto grants = require(db, request, Action::edit_organisation, id);
    const auto& t = views.messages(request);
    auto form = db.read([&](storage::Connection& c) {
      const auto o = organisations::find(c, id);
      if (!o) throw http::HttpError(404, "no_organisation");
      return organisation_form(t, c, *o, "/admin/organisations/" + std::to_string(id),
                               grants.platform_admin);
    });
    form.link("/admin/organisations/" + std::to_string(id) + "/members", "admin.members.heading");
    if (request.query_param("notice") == std::optional<std::string_view>("saved")) {
      form.notice(t.text("admin.saved"));
    }
    return views.page(request, "form", t.text("admin.organisations.edit_heading"), form.view());
  });

  context.router.post("/admin/organisations/{id}", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto grants = require(db, request, Action::edit_organisation, id);
    const auto& t = views.messages(request);
    std::optional<web::Form> invalid;
    db.write([&](storage::Connection& c) {
      auto o = organisations::find(c, id);
      if (!o) throw http::HttpError(404, "no_organisation");
      read_form(request, *o, grants.platform_admin);
      auto found = organisations::problems(c, *o);
      if (found.empty()) {
        try {
          c.savepoint([&] { organisations::update(c, *o); });
        } catch (const storage::ConstraintError&) {
          found.emplace_back("slug", "org_slug_taken");
        }
      }
      if (!found.empty()) {
        invalid.emplace(organisation_form(t, c, *o, "/admin/organisations/" + std::to_string(id),
                                          grants.platform_admin));
        invalid->errors(found);
        return;
      }
      audit::record(c, request, {"organisation.updated", "organisation", std::to_string(id), id});
    });
    if (invalid) {
      return views.page(request, "form", t.text("admin.organisations.edit_heading"),
                        invalid->view(), 422);
    }
    return web::redirect("/admin/organisations/" + std::to_string(id) + "?notice=saved");
  });
}

}  // namespace ruamkit::features::admin
