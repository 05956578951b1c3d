#include "web/dates.h"

#include <fmt/format.h>
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include "core/clock.h"
#include "core/day.h"
#include "core/fiscal_year.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>

namespace ruamkit::web {
namespace {

enum class Style { long_date, date_time };

// ICU formatters are not safe to share between threads; each thread keeps its
// own, one per style and language.
icu::SimpleDateFormat& formatter_for(Style style, std::string_view locale) {
  thread_local std::unique_ptr<icu::SimpleDateFormat> slots[2][2];
  const bool is_thai = locale == "th";
  auto& slot = slots[static_cast<int>(style)][is_thai ? 0 : 1];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    // The Buddhist calendar makes ICU count years in BE; the patterns keep the
    // familiar Thai forms without the era abbreviation.
    const icu::Locale icu_locale =
        is_thai ? icu::Locale("th_TH@calendar=buddhist") : icu::Locale("en_GB");
    const char16_t* pattern = style == Style::long_date ? u"d MMMM y"
                              : is_thai                 ? u"d MMM y HH:mm"
                                                        : u"d MMM y, HH:mm";
    slot = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString(pattern), icu_locale, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU date format unavailable");
    // Calendar days are formatted as given; instants in Thailand's time.
    std::unique_ptr<icu::TimeZone> zone(style == Style::long_date
                                            ? icu::TimeZone::getGMT()->clone()
                                            : icu::TimeZone::createTimeZone("Asia/Bangkok"));
    slot->setTimeZone(*zone);
  }
  return *slot;
}

std::string format(Style style, std::chrono::milliseconds since_epoch, std::string_view locale) {
  icu::UnicodeString out;
  formatter_for(style, locale).format(static_cast<UDate>(since_epoch.count()), out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::optional<std::chrono::year_month_day> day_of(std::string_view iso) {
  if (iso.size() == 10) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(std::string(iso).c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
    const std::chrono::year_month_day day{std::chrono::year(y), std::chrono::month(m),
                                          std::chrono::day(d)};
    if (!day.ok()) return std::nullopt;
    return day;
  }
  const auto t = core::parse_iso_timestamp(iso);
  if (!t) return std::nullopt;
  return core::today_in_thailand(*t);
}

}  // namespace

std::string format_iso_day(std::string_view iso, std::string_view locale) {
  const auto day = day_of(iso);
  return day ? format_long_date(*day, locale) : std::string();
}

std::string iso_day_of(std::string_view iso) {
  const auto day = day_of(iso);
  return day ? core::iso_date(*day) : std::string();
}

std::string format_date_time(std::chrono::system_clock::time_point t, std::string_view locale) {
  return format(Style::date_time,
                std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()),
                locale);
}

std::string format_long_date(std::chrono::year_month_day day, std::string_view locale) {
  return format(Style::long_date,
                std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::sys_days{day}.time_since_epoch()),
                locale);
}

std::string iso_day_from_today(int offset) {
  return core::iso_date(std::chrono::year_month_day{
      std::chrono::sys_days(core::today_in_thailand()) + std::chrono::days(offset)});
}

}  // namespace ruamkit::web
