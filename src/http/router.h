// Maps method + path to a handler. Patterns are literal segments, `{name}`
// segments (one segment, any text) and a final `{name...}` (the rest of the
// path, possibly empty).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace ruamkit::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  // Registers `handler` for `method` and `pattern`. Throws std::invalid_argument
  // for a malformed pattern or a duplicate route.
  void add(std::string method, std::string_view pattern, Handler handler);
  void get(std::string_view pattern, Handler h) { add("GET", pattern, std::move(h)); }
  void post(std::string_view pattern, Handler h) { add("POST", pattern, std::move(h)); }

  // Dispatches `request`: fills its path_params and calls the handler.
  // HEAD falls back to GET. Throws HttpError 404 when no pattern matches the
  // path and 405 (with Allow) when patterns match but not the method.
  // `before`, when given, runs once a route has matched and before its
  // handler (e.g. the CSRF check), so unknown paths and methods still get
  // their 404 and 405.
  Response dispatch(Request& request, const std::function<void(Request&)>& before = {}) const;

 private:
  struct Segment {
    enum class Kind { literal, param, rest } kind;
    std::string text;  // literal text or parameter name
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
  };

  static bool match(const Route& route, const std::vector<std::string_view>& parts,
                    std::string_view path, Params& params);

  std::vector<Route> routes_;
};

}  // namespace ruamkit::http
