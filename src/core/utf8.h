// UTF-8 validation for everything that enters from the network.
#pragma once

#include <cstddef>
#include <string_view>

namespace ruamkit::core {

// Returns true when `text` is well-formed UTF-8 (RFC 3629): no overlong forms,
// no surrogates, nothing above U+10FFFF. NUL and other control characters are
// valid UTF-8 and are not rejected here.
bool is_valid_utf8(std::string_view text);

// Returns true when `text` is valid UTF-8 without C0 control characters other
// than TAB, LF and CR (and without DEL). Used for single-line and form input.
bool is_clean_text(std::string_view text);

// Returns the number of characters (code points) in UTF-8 `text`, counting
// each lead byte; for valid UTF-8 this is what a person counts.
std::size_t character_count(std::string_view text);

}  // namespace ruamkit::core
