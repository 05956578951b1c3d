#include "web/locale.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"

namespace ruamkit::web {
namespace {

// Parses "q=0.8" (already trimmed); returns 1.0 when absent or malformed.
double parse_q(std::string_view params) {
  while (!params.empty()) {
    const auto semicolon = params.find(';');
    auto param = core::trim_white_space(params.substr(0, semicolon));
    params =
        semicolon == std::string_view::npos ? std::string_view{} : params.substr(semicolon + 1);
    if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      double q = 1.0;
      const auto value = param.substr(2);
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
      if (ec != std::errc() || q < 0.0 || q > 1.0) return 0.0;
      return q;
    }
  }
  return 1.0;
}

}  // namespace

const std::vector<std::string>& supported_locales() {
  static const std::vector<std::string> locales{"th", "en"};
  return locales;
}

bool is_supported_locale(std::string_view code) {
  const auto& all = supported_locales();
  return std::find(all.begin(), all.end(), code) != all.end();
}

std::optional<std::string> match_accept_language(std::string_view header) {
  std::optional<std::string> best;
  double best_q = 0.0;
  while (!header.empty()) {
    const auto comma = header.find(',');
    // Any ASCII white space (what std::isspace accepts), not only HTTP's blanks.
    auto item = core::trim_white_space(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const auto semicolon = item.find(';');
    const auto range = core::ascii_lower(core::trim_white_space(item.substr(0, semicolon)));
    const double q =
        semicolon == std::string_view::npos ? 1.0 : parse_q(item.substr(semicolon + 1));
    if (q <= 0.0 || q <= best_q) continue;  // earlier entries win ties
    std::string primary = range.substr(0, range.find('-'));
    if (primary == "*") primary = std::string(kDefaultLocale);
    if (!is_supported_locale(primary)) continue;
    best = primary;
    best_q = q;
  }
  return best;
}

std::string negotiate_locale(std::optional<std::string_view> cookie,
                             std::optional<std::string_view> accept_language) {
  if (cookie && is_supported_locale(*cookie)) return std::string(*cookie);
  if (accept_language) {
    if (auto match = match_accept_language(*accept_language)) return *match;
  }
  return std::string(kDefaultLocale);
}

}  // namespace ruamkit::web
