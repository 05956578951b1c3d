#include "core/fiscal_year.h"

namespace ruamkit::core {

using namespace std::chrono;

int fiscal_year_be(year_month_day day) {
  const int ce = static_cast<int>(day.year());
  const bool after_october = static_cast<unsigned>(day.month()) >= 10;
  return to_buddhist_era(after_october ? ce + 1 : ce);
}

FiscalYearRange fiscal_year_range(int fy_be) {
  const int end_ce = fy_be - kBuddhistEraOffset;
  return {year{end_ce - 1} / October / 1, year{end_ce} / September / 30};
}

year_month_day today_in_thailand(system_clock::time_point now) {
  return year_month_day{floor<days>(now + hours{7})};
}

year_month_day today_in_thailand() { return today_in_thailand(system_clock::now()); }

}  // namespace ruamkit::core
