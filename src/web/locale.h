// Choosing the language of a response: the person's saved choice (cookie),
// then the browser's Accept-Language, then Thai.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruamkit::web {

inline constexpr std::string_view kDefaultLocale = "th";
inline constexpr std::string_view kLocaleCookie = "ruamkit_lang";

// Returns the locales Ruamkit ships, default first.
const std::vector<std::string>& supported_locales();

bool is_supported_locale(std::string_view code);

// Returns the best supported locale for an Accept-Language header value
// (RFC 9110 12.5.4: q-values, language ranges, "*"), or nullopt when none
// matches.
std::optional<std::string> match_accept_language(std::string_view header);

// Returns the locale for a request given its cookie value and Accept-Language.
std::string negotiate_locale(std::optional<std::string_view> cookie,
                             std::optional<std::string_view> accept_language);

}  // namespace ruamkit::web
