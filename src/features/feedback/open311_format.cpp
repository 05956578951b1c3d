#include "features/feedback/open311_format.h"

#include <cctype>

#include "core/text.h"

namespace ruamkit::features::feedback::open311 {
namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_datetime(std::string_view s) {
  using namespace std::chrono;
  int y = 0, mo = 0, d = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d)) {
    return std::nullopt;
  }
  const year_month_day day{year(y), month(static_cast<unsigned>(mo)),
                           std::chrono::day(static_cast<unsigned>(d))};
  if (!day.ok()) return std::nullopt;
  if (s.size() == 10) return sys_days(day);
  int h = 0, mi = 0, sec = 0;
  if (s[10] != 'T' || !digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' ||
      !digits(s, 14, 2, mi)) {
    return std::nullopt;
  }
  std::size_t at = 16;
  if (at < s.size() && s[at] == ':') {
    if (!digits(s, at + 1, 2, sec)) return std::nullopt;
    at += 3;
    if (at < s.size() && s[at] == '.') {
      ++at;
      const auto start = at;
      while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) ++at;
      if (at == start) return std::nullopt;
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  int offset_minutes = 0;
  if (at < s.size() && s[at] == 'Z' && at + 1 == s.size()) {
    // UTC
  } else if (at < s.size() && (s[at] == '+' || s[at] == '-') && at + 6 == s.size() &&
             s[at + 3] == ':') {
    int oh = 0, om = 0;
    if (!digits(s, at + 1, 2, oh) || !digits(s, at + 4, 2, om) || oh > 14 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = (s[at] == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return std::nullopt;  // no zone, or something after it
  }
  return sys_days(day) + hours(h) + minutes(mi) + seconds(sec) - minutes(offset_minutes);
}

std::string datetime(const std::string& stored) {
  if (stored.size() < 19) return "";
  return stored.substr(0, 19) + "Z";
}

std::vector<std::string> comma_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    const auto item = core::trim(text.substr(start, end - start), " ");  // spaces only
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

}  // namespace ruamkit::features::feedback::open311
