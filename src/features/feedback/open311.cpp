// Open311 GeoReport v2 (JSON) under /open311/v2/: the categories as
// services, the public cases as service requests, and intake from
// applications with an API key. Field names, arrays and errors ([{code,
// description}] with 400, 403 or 404) follow the specification; every
// path answers with and without ".json". Status is open or closed, with
// Ruamkit's detailed state alongside in `detailed_status` (as CitySDK
// does). Requests are "realtime": POST returns the service_request_id, and
// GET tokens/{token} accepts a tracking code as the token.
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/clock.h"
#include "core/security.h"
#include "features/feedback/cases.h"
#include "features/feedback/module.h"
#include "features/feedback/open311_format.h"
#include "features/feedback/views.h"
#include "features/notifications/notifications.h"
#include "http/error.h"

namespace ruamkit::features::feedback {
namespace {

namespace json = boost::json;

constexpr int kMaxResults = 1000;
constexpr auto kMaxSpan = std::chrono::days(90);

struct Refusal {
  int status;
  std::string description;
};

http::Response reply(const json::value& body, int status = 200) {
  auto response = http::Response::json(json::serialize(body), status);
  response.headers.set("Access-Control-Allow-Origin", "*");
  response.headers.set("Cache-Control", "no-cache");
  return response;
}

http::Response refuse(int status, const std::string& description) {
  return reply(json::array{json::object{{"code", status}, {"description", description}}}, status);
}

// Runs `handler`, answering refusals and HTTP errors in Open311's shape.
template <typename F>
http::Response answering(F&& handler) {
  try {
    return handler();
  } catch (const Refusal& r) {
    return refuse(r.status, r.description);
  } catch (const http::HttpError& e) {
    return refuse(e.status() == 415 ? 400 : e.status(), e.what());
  }
}

// "pcd-noise.json" -> "pcd-noise".
std::string without_format(std::string_view text) {
  if (text.ends_with(".json")) text.remove_suffix(5);
  return std::string(text);
}

std::string param(const http::Request& request, std::string_view name) {
  if (request.method == "POST") {
    if (const auto v = http::find_param(request.form(), name)) return std::string(*v);
    return "";
  }
  return std::string(request.query_param(name).value_or(""));
}

json::object service_json(const Category& k) {
  return {{"service_code", k.code},
          {"service_name", k.name_th},
          {"description", k.description},
          {"metadata", false},
          {"type", "realtime"},
          {"keywords", k.name_en},
          {"group", std::to_string(k.organisation_id)}};
}

json::object request_json(storage::Connection& c, const Case& f, const std::string& base_url) {
  const auto events = timeline(c, f.id, false);
  std::string notes;
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->kind != "rated" && !it->note.empty()) {
      notes = it->note;
      break;
    }
  }
  const auto pictures = photos(c, f.id);
  json::value media = nullptr;
  if (!pictures.empty())
    media = notifications::absolute_url(base_url,
                                        "/feedback/photos/" + std::to_string(pictures.front().id));
  json::object o{{"service_request_id", std::to_string(f.id)},
                 {"status", std::string(open311_status(f.status))},
                 {"detailed_status", status_name(f.status)},
                 {"status_notes", notes.empty() ? json::value(nullptr) : json::value(notes)},
                 {"service_name", f.category.name_th},
                 {"service_code", f.category.code},
                 {"description", f.description},
                 {"agency_responsible", f.organisation_name_th},
                 {"service_notice", nullptr},
                 {"requested_datetime", open311::datetime(f.received_at)},
                 {"updated_datetime", open311::datetime(f.updated_at)},
                 {"expected_datetime", f.due_on + "T23:59:59+07:00"},
                 {"address", f.address},
                 {"address_id", nullptr},
                 {"zipcode", nullptr},
                 {"lat", f.lat ? json::value(*f.lat) : json::value(nullptr)},
                 {"long", f.lon ? json::value(*f.lon) : json::value(nullptr)},
                 {"media_url", media}};
  if (f.status == Status::in_progress && !f.stage.empty()) o["detailed_stage"] = f.stage;
  return o;
}

std::optional<std::int64_t> client_of(storage::Connection& c, const std::string& key) {
  if (key.empty()) return std::nullopt;
  auto rows = c.query("SELECT id FROM open311_clients WHERE key_digest = ? AND revoked_at IS NULL",
                      core::token_digest(key));
  if (!rows.next()) return std::nullopt;
  return rows.integer(0);
}

http::Response create_request(storage::Database& db, const http::Request& request) {
  const auto key = param(request, "api_key");
  const auto code = param(request, "service_code");
  Report r;
  r.description = param(request, "description");
  r.address = param(request, "address_string");
  r.contact_name = param(request, "first_name");
  const auto last = param(request, "last_name");
  if (!last.empty()) r.contact_name += (r.contact_name.empty() ? "" : " ") + last;
  r.contact_email = param(request, "email");
  r.contact_phone = param(request, "phone");
  const auto lat = param(request, "lat");
  const auto lon = param(request, "long");
  if (!lat.empty() || !lon.empty()) {
    r.lat = parse_coordinate(lat);
    r.lon = parse_coordinate(lon);
    if (!r.lat || !r.lon) throw Refusal{400, "lat and long must both be decimal degrees"};
  }
  const auto address_id = param(request, "address_id");
  std::int64_t id = 0;
  std::string tracking;
  db.write([&](storage::Connection& c) {
    const auto client = client_of(c, key);
    if (!client) throw Refusal{403, "api_key missing or not valid"};
    if (code.empty()) throw Refusal{400, "service_code missing"};
    const auto category = find_category_by_code(c, code);
    if (!category || !category->active) throw Refusal{404, "service_code not found"};
    if (!r.lat && r.address.empty() && address_id.empty()) {
      throw Refusal{400, "a location is required: lat and long, address_string or address_id"};
    }
    if (r.address.empty() && !address_id.empty()) r.address = address_id;
    const auto problems = check_report(r);
    if (!problems.empty())
      throw Refusal{400, problems.front().first + ": " + problems.front().second};
    NewCase n;
    n.category_id = category->id;
    n.report = r;
    n.source = "open311";
    n.client_id = client;
    id = create(c, n);
    tracking = find(c, id)->tracking_code;
  });
  return reply(
      json::array{json::object{
          {"service_request_id", std::to_string(id)},
          {"service_notice", "Tracking code " + tracking + " (/feedback/track/" + tracking + ")"},
          {"account_id", nullptr}}},
      201);
}

http::Response list_requests(storage::Database& db, const http::Request& request,
                             const std::string& base_url) {
  PublicFilter f;
  f.limit = kMaxResults;
  for (const auto& item : open311::comma_list(param(request, "service_request_id"))) {
    std::int64_t id = 0;
    try {
      std::size_t used = 0;
      id = std::stoll(item, &used);
      if (used != item.size() || id <= 0) id = 0;
    } catch (const std::exception&) {
    }
    if (id == 0) throw Refusal{400, "service_request_id must be a comma list of ids"};
    f.ids.push_back(id);
    if (f.ids.size() > kMaxResults) throw Refusal{400, "at most 1000 service_request_id"};
  }
  if (f.ids.empty()) {
    f.codes = open311::comma_list(param(request, "service_code"));
    const auto status = open311::comma_list(param(request, "status"));
    for (const auto& s : status) {
      if (s != "open" && s != "closed") throw Refusal{400, "status must be open or closed"};
    }
    if (status.size() == 1) f.open311_status = status.front();
    const auto start_text = param(request, "start_date");
    const auto end_text = param(request, "end_date");
    auto end = core::Clock::now();
    if (!end_text.empty()) {
      const auto parsed = open311::parse_datetime(end_text);
      if (!parsed) throw Refusal{400, "end_date is not a W3C date-time with a time zone"};
      end = *parsed;
    }
    auto start = end - kMaxSpan;
    if (!start_text.empty()) {
      const auto parsed = open311::parse_datetime(start_text);
      if (!parsed) throw Refusal{400, "start_date is not a W3C date-time with a time zone"};
      start = *parsed;
      if (end_text.empty()) end = start + kMaxSpan;
    }
    if (end < start) throw Refusal{400, "end_date is before start_date"};
    if (end - start > kMaxSpan) throw Refusal{400, "the date range may not span more than 90 days"};
    f.from = core::iso_timestamp(start);
    f.to = core::iso_timestamp(end + std::chrono::milliseconds(1));
  }
  json::array out;
  db.read([&](storage::Connection& c) {
    if (!f.codes.empty()) {
      for (const auto& code : f.codes) {
        if (!find_category_by_code(c, code))
          throw Refusal{404, "service_code " + code + " not found"};
      }
    }
    for (const auto& k : public_cases(c, f)) out.push_back(request_json(c, k, base_url));
  });
  return reply(out);
}

}  // namespace

void install_open311(Context& context) {
  auto& db = context.database;
  const auto& base_url = context.site.base_url;

  auto services = [&db](http::Request&) {
    return answering([&] {
      json::array out;
      db.read([&](storage::Connection& c) {
        for (const auto& k : all_active_categories(c)) out.push_back(service_json(k));
      });
      return reply(out);
    });
  };
  context.router.get("/open311/v2/services", services);
  context.router.get("/open311/v2/services.json", services);

  context.router.get("/open311/v2/services/{code}", [&db](http::Request& request) {
    return answering([&] {
      const auto code = without_format(request.path_param("code"));
      json::object out;
      db.read([&](storage::Connection& c) {
        const auto k = find_category_by_code(c, code);
        if (!k || !k->active) throw Refusal{404, "service_code not found"};
        out = {{"service_code", k->code}, {"attributes", json::array{}}};
      });
      return reply(out);
    });
  });

  auto requests = [&db, &base_url](http::Request& request) {
    return answering([&] {
      if (request.method == "POST") return create_request(db, request);
      return list_requests(db, request, base_url);
    });
  };
  context.router.get("/open311/v2/requests", requests);
  context.router.get("/open311/v2/requests.json", requests);
  context.router.post("/open311/v2/requests", requests);
  context.router.post("/open311/v2/requests.json", requests);

  context.router.get("/open311/v2/requests/{id}", [&db, &base_url](http::Request& request) {
    return answering([&] {
      const auto text = without_format(request.path_param("id"));
      std::int64_t id = 0;
      try {
        std::size_t used = 0;
        id = std::stoll(text, &used);
        if (used != text.size()) id = 0;
      } catch (const std::exception&) {
      }
      json::array out;
      db.read([&](storage::Connection& c) {
        const auto f = id > 0 ? find(c, id) : std::nullopt;
        if (!f) throw Refusal{404, "service_request_id not found"};
        out.push_back(request_json(c, *f, base_url));
      });
      return reply(out);
    });
  });

  context.router.get("/open311/v2/tokens/{token}", [&db](http::Request& request) {
    return answering([&] {
      const auto code = normalize_tracking_code(without_format(request.path_param("token")));
      json::array out;
      db.read([&](storage::Connection& c) {
        const auto f = code ? find_by_code(c, *code) : std::nullopt;
        if (!f) throw Refusal{404, "token not found"};
        out.push_back(
            json::object{{"service_request_id", std::to_string(f->id)}, {"token", *code}});
      });
      return reply(out);
    });
  });

  context.router.get("/open311/v2/discovery.json", [&base_url](http::Request&) {
    return reply(json::object{
        {"changeset", "2026-12-01T00:00:00Z"},
        {"contact", "Ruamkit"},
        {"key_service", notifications::absolute_url(base_url, "/admin/open311")},
        {"endpoints",
         json::array{json::object{{"specification", "http://wiki.open311.org/GeoReport_v2"},
                                  {"url", notifications::absolute_url(base_url, "/open311/v2")},
                                  {"changeset", "2026-12-01T00:00:00Z"},
                                  {"type", "production"},
                                  {"formats", json::array{"application/json"}}}}}});
  });
}

}  // namespace ruamkit::features::feedback
