#include "features/component.h"

#include <cstdio>
#include <stdexcept>

#include "core/fiscal_year.h"

namespace ruamkit::features {
namespace {

std::string iso_day(std::chrono::year_month_day d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return text;
}

// Midnight in Thailand (UTC+7) at the start of `d`, as a stored timestamp.
std::string thai_midnight_utc(std::chrono::year_month_day d) {
  const auto utc = std::chrono::sys_days(d) - std::chrono::hours(7);
  const auto day = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(utc));
  return iso_day(day) + "T17:00:00.000Z";
}

}  // namespace

FiscalPeriod fiscal_period(int year_be) {
  const auto range = core::fiscal_year_range(year_be);
  const auto after =
      std::chrono::year_month_day(std::chrono::sys_days(range.last) + std::chrono::days(1));
  return {year_be, iso_day(range.first), iso_day(range.last), thai_midnight_utc(range.first),
          thai_midnight_utc(after)};
}

Settings::Settings(const std::vector<Setting>& declared) {
  for (const auto& s : declared) values_[s.option] = s.default_value;
}

std::string& Settings::value(std::string_view option) {
  const auto it = values_.find(option);
  if (it == values_.end()) throw std::logic_error("undeclared setting " + std::string(option));
  return it->second;
}

const std::string& Settings::text(std::string_view option) const {
  const auto it = values_.find(option);
  if (it == values_.end()) throw std::logic_error("undeclared setting " + std::string(option));
  return it->second;
}

std::int64_t Settings::integer(std::string_view option) const { return std::stoll(text(option)); }

}  // namespace ruamkit::features
