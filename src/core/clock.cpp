#include "core/clock.h"

#include <fmt/format.h>

#include <charconv>

namespace ruamkit::core {

using namespace std::chrono;

std::string iso_timestamp(Clock::time_point t) {
  const auto ms = time_point_cast<milliseconds>(t);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss time{ms - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count(),
                     time.subseconds().count());
}

std::optional<Clock::time_point> parse_iso_timestamp(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS.mmmZ
  if (s.size() != 24 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
      s[16] != ':' || s[19] != '.' || s[23] != 'Z') {
    return std::nullopt;
  }
  auto number = [&](std::size_t pos, std::size_t len, int& out) {
    const auto [ptr, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return ec == std::errc() && ptr == s.data() + pos + len;
  };
  int y, mo, d, h, mi, se, ms;
  if (!number(0, 4, y) || !number(5, 2, mo) || !number(8, 2, d) || !number(11, 2, h) ||
      !number(14, 2, mi) || !number(17, 2, se) || !number(20, 3, ms)) {
    return std::nullopt;
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                           day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 60) return std::nullopt;
  return sys_days{ymd} + hours{h} + minutes{mi} + seconds{se} + milliseconds{ms};
}

}  // namespace ruamkit::core
