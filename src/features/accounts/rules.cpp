#include "features/accounts/rules.h"

#include "core/text.h"
#include "core/utf8.h"
#include "mail/message.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace ruamkit::features::accounts {

CommonPasswords::CommonPasswords(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("common-password list not found: " + file.string());
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) add(line);
  }
}

void CommonPasswords::add(std::string_view password) {
  passwords_.insert(core::ascii_lower(password));
}

bool CommonPasswords::contains(std::string_view password) const {
  return passwords_.contains(core::ascii_lower(password));
}

std::optional<std::string> password_problem(std::string_view password, std::string_view email,
                                            std::string_view display_name,
                                            const CommonPasswords& common) {
  const auto length = core::character_count(password);
  if (length < kMinPasswordLength) return "password_too_short";
  if (length > kMaxPasswordLength) return "password_too_long";
  const auto lowered = core::ascii_lower(password);
  if (common.contains(password)) return "password_common";
  const auto local_part = core::ascii_lower(email.substr(0, email.find('@')));
  if (lowered == core::ascii_lower(email) || (!local_part.empty() && lowered == local_part) ||
      lowered == core::ascii_lower(display_name)) {
    return "password_personal";
  }
  // One character repeated ("aaaaaaaaaaaa") is no password.
  if (std::all_of(password.begin(), password.end(),
                  [&](char c) { return c == password.front(); })) {
    return "password_common";
  }
  return std::nullopt;
}

std::chrono::milliseconds login_backoff(int recent_failures, std::chrono::milliseconds base) {
  using namespace std::chrono;
  constexpr int kFree = 5;
  constexpr milliseconds kCap = minutes(15);
  if (recent_failures < kFree || base.count() <= 0) return milliseconds(0);
  const int doublings = std::min(recent_failures - kFree, 20);
  const auto wait = base * (1LL << doublings);
  return std::min<milliseconds>(wait, kCap);
}

std::optional<std::string> normalize_email(std::string_view raw) {
  const auto email = core::trim_blanks(raw);
  if (email.empty() || email.size() > 254) return std::nullopt;
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos ||
      email.find('@', at + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const auto domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  if (domain.empty() || dot == 0 || dot == std::string_view::npos || domain.back() == '.') {
    return std::nullopt;
  }
  for (char c : email) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
        c == '\\') {
      return std::nullopt;
    }
  }
  auto lowered = core::ascii_lower(email);
  // Only addresses the mail module will deliver to (no quoting, no dots at
  // the ends of parts, ASCII): an address we cannot mail cannot be verified.
  if (!mail::is_plausible_address(lowered)) return std::nullopt;
  return lowered;
}

}  // namespace ruamkit::features::accounts
