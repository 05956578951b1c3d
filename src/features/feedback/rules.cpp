#include "features/feedback/rules.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/random.h"
#include "core/text.h"
#include "core/utf8.h"
#include "features/accounts/rules.h"

namespace ruamkit::features::feedback {
namespace {

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr int kGroupSize = 5;

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void check_text(Problems& found, const std::string& field, const std::string& text,
                std::size_t max_characters, const std::string& key) {
  if (!core::is_valid_utf8(text) || core::character_count(text) > max_characters) {
    found.emplace_back(field, key);
  }
}

}  // namespace

std::string_view status_name(Status status) {
  switch (status) {
    case Status::received:
      return "received";
    case Status::accepted:
      return "accepted";
    case Status::in_progress:
      return "in_progress";
    case Status::resolved:
      return "resolved";
    case Status::not_relevant:
      return "not_relevant";
    case Status::forwarded:
      return "forwarded";
    case Status::merged:
      return "merged";
  }
  return "";
}

std::optional<Status> parse_status(std::string_view name) {
  for (const auto status : kStatuses) {
    if (status_name(status) == name) return status;
  }
  return std::nullopt;
}

const std::vector<std::string>& stages() {
  static const std::vector<std::string> all{"studying", "awaiting_budget", "procurement",
                                            "legal_process", "working"};
  return all;
}

bool is_open_status(Status status) {
  return status == Status::received || status == Status::accepted || status == Status::in_progress;
}

std::string transition_problem(Status from, std::optional<Status> to, std::string_view stage,
                               std::string_view note) {
  if (!to) return "feedback_status_unknown";
  // Forwarding and merging have their own actions; nothing goes back to received.
  if (*to == Status::forwarded || *to == Status::merged || *to == Status::received) {
    return "feedback_transition";
  }
  if (!is_open_status(from)) return "feedback_case_closed";
  if (*to == Status::accepted && from != Status::received) return "feedback_transition";
  if (*to == Status::in_progress && !contains(stages(), stage)) return "feedback_stage_unknown";
  if (*to == Status::resolved && core::is_blank(note)) return "feedback_reply_required";
  if (*to == Status::not_relevant && core::is_blank(note)) return "feedback_reason_required";
  if (from == *to && *to != Status::in_progress) return "feedback_transition";
  return "";
}

std::chrono::year_month_day due_day(std::chrono::year_month_day received_on, int target_days) {
  return std::chrono::year_month_day{std::chrono::sys_days(received_on) +
                                     std::chrono::days(target_days)};
}

bool is_overdue(bool open, std::chrono::year_month_day due_on,
                std::optional<std::chrono::year_month_day> closed_on,
                std::chrono::year_month_day today) {
  const auto due = std::chrono::sys_days(due_on);
  if (open) return std::chrono::sys_days(today) > due;
  return closed_on && std::chrono::sys_days(*closed_on) > due;
}

bool may_rate(Status status, bool rated) {
  return !rated && (status == Status::resolved || status == Status::not_relevant);
}

bool may_reopen(Status status, std::chrono::year_month_day closed_on,
                std::chrono::year_month_day today, int window_days) {
  if (status != Status::resolved && status != Status::not_relevant) return false;
  if (window_days <= 0) return false;
  return std::chrono::sys_days(today) <=
         std::chrono::sys_days(closed_on) + std::chrono::days(window_days);
}

std::string_view open311_status(Status status) {
  return is_open_status(status) ? "open" : "closed";
}

std::string new_tracking_code() {
  std::string code = "RK";
  for (int group = 0; group < 2; ++group) {
    code.push_back('-');
    for (int i = 0; i < kGroupSize; ++i) {
      code.push_back(kAlphabet[core::random_below(static_cast<std::uint32_t>(kAlphabet.size()))]);
    }
  }
  return code;
}

std::optional<std::string> normalize_tracking_code(std::string_view text) {
  std::string letters;
  for (char ch : text) {
    if (ch == ' ' || ch == '-') continue;
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    letters.push_back(up);
  }
  if (letters.size() == 2 * kGroupSize + 2 && letters.starts_with("RK")) letters.erase(0, 2);
  if (letters.size() != 2 * kGroupSize) return std::nullopt;
  for (char ch : letters) {
    if (kAlphabet.find(ch) == std::string_view::npos) return std::nullopt;
  }
  return "RK-" + letters.substr(0, kGroupSize) + "-" + letters.substr(kGroupSize);
}

Problems check_report(const Report& r) {
  Problems found;
  const auto n = core::is_valid_utf8(r.description) ? core::character_count(r.description) : 0;
  if (core::is_blank(r.description) || n < 10) {
    found.emplace_back("description", "feedback_description_short");
  } else if (n > 5000) {
    found.emplace_back("description", "feedback_description_long");
  }
  check_text(found, "address", r.address, 300, "feedback_address_long");
  if (r.lat.has_value() != r.lon.has_value() ||
      (r.lat && (std::isnan(*r.lat) || *r.lat < -90 || *r.lat > 90)) ||
      (r.lon && (std::isnan(*r.lon) || *r.lon < -180 || *r.lon > 180))) {
    found.emplace_back("lat", "feedback_location_invalid");
  }
  check_text(found, "contact_name", r.contact_name, 100, "feedback_name_long");
  if (!core::is_clean_text(r.contact_name) || !core::is_clean_text(r.address)) {
    found.emplace_back("contact_name", "text_invalid");
  }
  if (!r.contact_email.empty() && !accounts::normalize_email(r.contact_email)) {
    found.emplace_back("contact_email", "email_invalid");
  }
  if (!r.contact_phone.empty()) {
    const bool shape = std::all_of(r.contact_phone.begin(), r.contact_phone.end(), [](char ch) {
      return std::isdigit(static_cast<unsigned char>(ch)) || ch == '+' || ch == '-' || ch == ' ' ||
             ch == '(' || ch == ')';
    });
    if (!shape || r.contact_phone.size() < 6 || r.contact_phone.size() > 20) {
      found.emplace_back("contact_phone", "feedback_phone_invalid");
    }
  }
  return found;
}

std::optional<double> parse_coordinate(std::string_view text) {
  if (text.empty() || text.size() > 32) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto mid = values.size() / 2;
  if (values.size() % 2 == 1) return values[mid];
  return (values[mid - 1] + values[mid]) / 2;
}

}  // namespace ruamkit::features::feedback
