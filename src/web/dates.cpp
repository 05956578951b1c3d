#include "web/dates.h"

#include <fmt/format.h>
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <memory>
#include <stdexcept>

namespace ruamkit::web {
namespace {

// ICU formatters are not safe to share between threads; each thread keeps its own.
icu::SimpleDateFormat& formatter_for(std::string_view locale) {
  thread_local std::unique_ptr<icu::SimpleDateFormat> thai;
  thread_local std::unique_ptr<icu::SimpleDateFormat> english;
  const bool is_thai = locale == "th";
  auto& slot = is_thai ? thai : english;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    // The Buddhist calendar makes ICU count years in BE; "d MMMM y" keeps the
    // familiar Thai form without the era abbreviation.
    const icu::Locale icu_locale =
        is_thai ? icu::Locale("th_TH@calendar=buddhist") : icu::Locale("en_GB");
    slot = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString(u"d MMMM y"), icu_locale,
                                                   status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU date format unavailable");
    slot->setTimeZone(*icu::TimeZone::getGMT());
  }
  return *slot;
}

icu::SimpleDateFormat& date_time_formatter_for(std::string_view locale) {
  thread_local std::unique_ptr<icu::SimpleDateFormat> thai;
  thread_local std::unique_ptr<icu::SimpleDateFormat> english;
  const bool is_thai = locale == "th";
  auto& slot = is_thai ? thai : english;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale icu_locale =
        is_thai ? icu::Locale("th_TH@calendar=buddhist") : icu::Locale("en_GB");
    slot = std::make_unique<icu::SimpleDateFormat>(
        icu::UnicodeString(is_thai ? u"d MMM y HH:mm" : u"d MMM y, HH:mm"), icu_locale, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU date format unavailable");
    std::unique_ptr<icu::TimeZone> bangkok(icu::TimeZone::createTimeZone("Asia/Bangkok"));
    slot->setTimeZone(*bangkok);
  }
  return *slot;
}

}  // namespace

std::string format_date_time(std::chrono::system_clock::time_point t, std::string_view locale) {
  const UDate millis = static_cast<UDate>(
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
  icu::UnicodeString out;
  date_time_formatter_for(locale).format(millis, out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::string format_long_date(std::chrono::year_month_day day, std::string_view locale) {
  const auto since_epoch = std::chrono::sys_days{day}.time_since_epoch();
  const UDate millis = static_cast<UDate>(
      std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count());
  icu::UnicodeString out;
  formatter_for(locale).format(millis, out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::string iso_date(std::chrono::year_month_day day) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

}  // namespace ruamkit::web
