// Pure account rules: password policy and log-in back-off. No I/O.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace ruamkit::features::accounts {

// A list of commonly used passwords (one per line, compared case-insensitively).
class CommonPasswords {
 public:
  CommonPasswords() = default;
  // Loads `file`. Throws std::runtime_error when it cannot be read.
  explicit CommonPasswords(const std::filesystem::path& file);
  void add(std::string_view password);
  bool contains(std::string_view password) const;
  std::size_t size() const { return passwords_.size(); }

 private:
  std::unordered_set<std::string> passwords_;
};

inline constexpr std::size_t kMinPasswordLength = 12;   // characters (ASVS 2.1.1)
inline constexpr std::size_t kMaxPasswordLength = 128;  // characters (ASVS 2.1.2)

// Returns the message key of the first problem with `password`, or nullopt
// when it is acceptable: length in characters (not bytes), not a common
// password, not the person's e-mail address or name.
std::optional<std::string> password_problem(std::string_view password, std::string_view email,
                                            std::string_view display_name,
                                            const CommonPasswords& common);

// Returns how long an account with `recent_failures` failed log-ins must wait
// after the last failure before it may try again: nothing for the first 5,
// then `base` doubling with each failure, at most 15 minutes.
std::chrono::milliseconds login_backoff(int recent_failures, std::chrono::milliseconds base);

// Returns `email` trimmed and lower-cased, or nullopt when it is not a
// plausible single address (one '@', a dot in the domain, no spaces or
// control characters, at most 254 bytes).
std::optional<std::string> normalize_email(std::string_view email);

}  // namespace ruamkit::features::accounts
