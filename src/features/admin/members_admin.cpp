// Members of an organisation: the list, invitations by e-mail, removal; and
// accepting an invitation (/invitations/accept), bound to the invited address.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "features/accounts/rules.h"
#include "features/accounts/support.h"
#include "features/admin/admin.h"
#include "features/audit/audit.h"
#include "features/organisations/organisations.h"
#include "http/error.h"
#include "http/url.h"
#include "web/request.h"

namespace ruamkit::features::admin {
namespace {

using organisations::Action;
using organisations::Role;

constexpr auto kInvitationLifetime = std::chrono::hours(24 * 7);

http::Response members_page(storage::Database& db, const web::Views& views, http::Request& request,
                            std::int64_t org_id, const std::string& error_key,
                            const std::string& email, int status) {
  const auto& t = views.messages(request);
  web::ViewData data;
  db.read([&](storage::Connection& c) {
    const auto o = organisations::find(c, org_id);
    if (!o) throw http::HttpError(404, "no_organisation");
    data.set("organisation", o->name(t.locale()));
    data.set("organisation_id", std::to_string(org_id));
    web::ViewList list;
    for (const auto& m : organisations::members(c, org_id)) {
      web::ViewData item;
      item.set("membership_id", std::to_string(m.membership_id));
      item.set("name", m.display_name);
      item.set("email", m.email);
      item.set("role",
               t.text("organisations.roles." + std::string(organisations::role_name(m.role))));
      item.set("since", m.since.substr(0, 10));
      list.push_back(item);
    }
    data.set("members", list);
    data.set("empty", list.empty());
  });
  web::ViewList roles;
  for (const char* r : {"official", "moderator", "admin"}) {
    web::ViewData item;
    item.set("value", std::string(r));
    item.set("label", t.text(std::string("organisations.roles.") + r));
    roles.push_back(item);
  }
  data.set("roles", roles);
  data.set("invite_email", email);
  data.set("error",
           web::text_or_false(error_key.empty() ? "" : t.text("errors.form." + error_key)));
  std::string notice;
  if (const auto key = request.query_param("notice")) {
    const std::string full = "admin.members.notice_" + std::string(*key);
    if (t.has(full)) notice = t.text(full);
  }
  data.set("notice", web::text_or_false(notice));
  return views.page(request, "admin/members", t.text("admin.members.heading"), data, status);
}

}  // namespace

void install_members(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/admin/organisations/{id}/members", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    require(db, request, Action::manage_members, id);
    return members_page(db, views, request, id, "", "", 200);
  });

  context.router.post("/admin/organisations/{id}/invitations", [&db, &views,
                                                                context](http::Request& request) {
    const auto id = web::id_param(request, "id");
    require(db, request, Action::manage_members, id);
    const auto& t = views.messages(request);
    const auto raw = web::form_value(request, "email");
    const auto email = accounts::normalize_email(raw);
    const auto role = organisations::parse_role(web::form_value(request, "role"));
    if (!email) return members_page(db, views, request, id, "email_invalid", raw, 422);
    if (!role) return members_page(db, views, request, id, "role_invalid", raw, 422);
    db.write([&](storage::Connection& c) {
      const auto o = organisations::find(c, id);
      if (!o) throw http::HttpError(404, "no_organisation");
      boost::json::object payload;
      payload["organisation_id"] = id;
      payload["role"] = std::string(organisations::role_name(*role));
      payload["email"] = *email;
      const auto token = accounts::issue_token(
          c, std::nullopt, "invitation", boost::json::serialize(payload), kInvitationLifetime);
      accounts::queue_mail(
          c, t, *email, "invitation",
          {{"inviter", request.visitor.display_name},
           {"organisation", o->name(t.locale())},
           {"role", t.text("organisations.roles." + std::string(organisations::role_name(*role)))},
           {"link", accounts::absolute_url(context, "/invitations/accept?token=" + token)}});
      audit::record(
          c, request,
          {"membership.invited", "organisation", std::to_string(id), id,
           boost::json::serialize(boost::json::object{{"role", organisations::role_name(*role)}})});
    });
    if (context.wake_mail) context.wake_mail();
    return web::redirect("/admin/organisations/" + std::to_string(id) + "/members?notice=invited");
  });

  context.router.post(
      "/admin/organisations/{id}/members/{membership}/remove", [&db](http::Request& request) {
        const auto id = web::id_param(request, "id");
        const auto membership = web::id_param(request, "membership");
        require(db, request, Action::manage_members, id);
        db.write([&](storage::Connection& c) {
          const auto removed = organisations::revoke(c, id, membership);
          if (!removed) throw http::HttpError(404, "no_membership");
          audit::record(c, request,
                        {"membership.revoked", "user", std::to_string(removed->user_id), id,
                         boost::json::serialize(boost::json::object{
                             {"role", organisations::role_name(removed->role)}})});
        });
        return web::redirect("/admin/organisations/" + std::to_string(id) +
                             "/members?notice=removed");
      });

  // Accepting an invitation: shown first (GET), accepted by a form (POST).
  auto invitation = [&db](const std::string& token) {
    return db.read([&](storage::Connection& c) -> std::optional<boost::json::object> {
      const auto use = accounts::peek_token(c, token, "invitation");
      if (!use) return std::nullopt;
      boost::system::error_code ec;
      auto value = boost::json::parse(use->payload, ec);
      if (ec || !value.is_object()) return std::nullopt;
      return value.as_object();
    });
  };

  context.router.get("/invitations/accept", [&db, &views, invitation](http::Request& request) {
    const auto& t = views.messages(request);
    const std::string token(request.query_param("token").value_or(""));
    const auto invite = invitation(token);
    if (!invite) {
      return views.message(request, "admin.invitation.invalid_heading",
                           "admin.invitation.invalid_text", "", "", 400);
    }
    web::ViewData data;
    if (!request.visitor.signed_in()) {
      web::require_signed_in(request);  // to log-in, and back here afterwards
    }
    const auto org_id = invite->at("organisation_id").as_int64();
    const auto org =
        db.read([&](storage::Connection& c) { return organisations::find(c, org_id); });
    if (!org) throw http::HttpError(404, "no_organisation");
    data.set("organisation", org->name(t.locale()));
    data.set("role", t.text("organisations.roles." + std::string(invite->at("role").as_string())));
    data.set("email", std::string(invite->at("email").as_string()));
    data.set("token", token);
    return views.page(request, "admin/invitation", t.text("admin.invitation.heading"), data);
  });

  context.router.post("/invitations/accept", [&db, invitation](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto token = web::form_value(request, "token");
    const auto invite = invitation(token);
    if (!invite) throw http::HttpError(400, "invitation_invalid");
    const auto org_id = invite->at("organisation_id").as_int64();
    const auto role = organisations::parse_role(std::string(invite->at("role").as_string()));
    const std::string invited(invite->at("email").as_string());
    db.write([&](storage::Connection& c) {
      auto rows = c.query("SELECT email FROM users WHERE id = ?", user_id);
      // The invitation is for one address: a forwarded link grants nothing.
      if (!rows.next() || rows.text(0) != invited)
        throw http::HttpError(403, "invitation_other_address");
      if (!role || !organisations::find(c, org_id))
        throw http::HttpError(400, "invitation_invalid");
      if (!accounts::consume_token(c, token, "invitation"))
        throw http::HttpError(400, "invitation_used");
      organisations::grant(c, user_id, org_id, *role, 0);
      audit::record(
          c, request,
          {"membership.granted", "user", std::to_string(user_id), org_id,
           boost::json::serialize(boost::json::object{{"role", organisations::role_name(*role)}})});
    });
    return web::redirect("/account?notice=invitation_accepted");
  });
}

}  // namespace ruamkit::features::admin
