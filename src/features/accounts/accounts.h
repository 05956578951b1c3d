// Accounts: registration with e-mail verification, log-in with throttling
// and optional two-factor (TOTP), password reset and change, e-mail change,
// the account page, "download my data" and "delete my account" (PDPA).
#pragma once

#include "features/context.h"

namespace ruamkit::features::accounts {

void install(Context& context);

// Parts of install(), one per file.
void install_registration(Context& context);
void install_login(Context& context);
void install_passwords(Context& context);
void install_profile(Context& context);
void install_two_factor(Context& context);

}  // namespace ruamkit::features::accounts
