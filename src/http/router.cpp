#include "http/router.h"

#include <algorithm>
#include <stdexcept>

#include "http/error.h"

namespace ruamkit::http {
namespace {

// Splits "/a/b/" into {"a", "b", ""}; "/" into {}.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.size() <= 1) return parts;
  std::size_t start = 1;
  while (true) {
    const auto slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      parts.push_back(path.substr(start));
      break;
    }
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

void Router::add(std::string method, std::string_view pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
  }
  Route route{std::move(method), std::string(pattern), {}, std::move(handler)};
  const auto parts = split_path(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto part = parts[i];
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      auto name = part.substr(1, part.size() - 2);
      if (name.ends_with("...")) {
        if (i + 1 != parts.size()) {
          throw std::invalid_argument("'...' parameter must be last: " + route.pattern);
        }
        route.segments.push_back(
            {Segment::Kind::rest, std::string(name.substr(0, name.size() - 3))});
      } else {
        route.segments.push_back({Segment::Kind::param, std::string(name)});
      }
    } else {
      route.segments.push_back({Segment::Kind::literal, std::string(part)});
    }
  }
  for (const auto& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::invalid_argument("duplicate route: " + route.method + " " + route.pattern);
    }
  }
  // A literal segment wins over a parameter in the same place, whatever the
  // order of registration ("/notifications/settings" before
  // "/notifications/{id}"): routes are kept ordered by the kinds of their
  // segments, literal first, and otherwise in registration order.
  const auto rank = [](const Route& r) {
    std::vector<int> kinds;
    for (const auto& s : r.segments) kinds.push_back(static_cast<int>(s.kind));
    return kinds;
  };
  const auto key = rank(route);
  const auto at =
      std::find_if(routes_.begin(), routes_.end(), [&](const Route& r) { return key < rank(r); });
  routes_.insert(at, std::move(route));
}

bool Router::match(const Route& route, const std::vector<std::string_view>& parts,
                   std::string_view path, Params& params) {
  params.clear();
  std::size_t offset = 1;  // position in `path` of the current part
  for (std::size_t i = 0; i < route.segments.size(); ++i) {
    const auto& seg = route.segments[i];
    if (seg.kind == Segment::Kind::rest) {
      params.emplace_back(seg.text, offset <= path.size() ? std::string(path.substr(offset)) : "");
      return true;
    }
    if (i >= parts.size()) return false;
    if (seg.kind == Segment::Kind::literal) {
      if (parts[i] != seg.text) return false;
    } else {
      if (parts[i].empty()) return false;
      params.emplace_back(seg.text, std::string(parts[i]));
    }
    offset += parts[i].size() + 1;
  }
  return parts.size() == route.segments.size();
}

Response Router::dispatch(Request& request, const std::function<void(Request&)>& before) const {
  const auto parts = split_path(request.path);
  const bool head = request.method == "HEAD";
  std::vector<std::string> allowed;
  const Route* fallback = nullptr;
  Params params;
  Params fallback_params;
  for (const auto& route : routes_) {
    if (!match(route, parts, request.path, params)) continue;
    if (route.method == request.method) {
      request.path_params = std::move(params);
      if (before) before(request);
      return route.handler(request);
    }
    if (head && route.method == "GET" && !fallback) {
      fallback = &route;
      fallback_params = params;
    }
    allowed.push_back(route.method);
  }
  if (fallback) {
    request.path_params = std::move(fallback_params);
    if (before) before(request);
    return fallback->handler(request);
  }
  if (allowed.empty()) throw HttpError(404, "no_route");
  if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end()) allowed.push_back("HEAD");
  std::sort(allowed.begin(), allowed.end());
  allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
  std::string allow;
  for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
  HttpError error(405, "method_not_allowed");
  error.headers().set("Allow", allow);
  throw error;
}

}  // namespace ruamkit::http
