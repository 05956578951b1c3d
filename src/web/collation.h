// Sorting text the way Thai readers expect (ICU collation): leading vowels
// (เ แ โ ใ ไ) are ordered by the consonant that follows, not by byte value.
#pragma once

#include <string_view>

namespace ruamkit::web {

// Returns true when `a` sorts before `b` in Thai order (Latin text sorts
// sensibly too).
bool thai_less(std::string_view a, std::string_view b);

}  // namespace ruamkit::web
