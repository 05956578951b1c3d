// Accounts: registration with e-mail verification, log-in with throttling
// and optional two-factor (TOTP), password reset and change, e-mail change,
// the account page, "download my data" and "delete my account" (PDPA).
#pragma once

#include <memory>

#include "features/accounts/password_checks.h"
#include "features/context.h"

namespace ruamkit::features::accounts {

void install(Context& context);

// What the parts of accounts share: the password hasher and the throttle.
struct Passwords {
  std::shared_ptr<const PasswordHasher> hasher;
  ThrottleLimits limits;
};

// Parts of install(), one per file.
void install_registration(Context& context, const Passwords& passwords);
void install_login(Context& context, const Passwords& passwords);
void install_passwords(Context& context, const Passwords& passwords);
void install_profile(Context& context, const Passwords& passwords);
void install_two_factor(Context& context, const Passwords& passwords);

}  // namespace ruamkit::features::accounts
