#include "features/accounts/accounts.h"

namespace ruamkit::features::accounts {

void install(Context& context) {
  const Passwords passwords{
      std::make_shared<const PasswordHasher>(
          static_cast<int>(context.settings.integer("password-threads")),
          static_cast<std::size_t>(context.settings.integer("max-queued-password-checks"))),
      {context.settings.integer("max-login-failures-per-hour"),
       std::chrono::milliseconds(context.settings.integer("login-backoff-ms"))}};
  install_registration(context, passwords);
  install_login(context, passwords);
  install_passwords(context, passwords);
  install_profile(context, passwords);
  install_two_factor(context, passwords);
}

}  // namespace ruamkit::features::accounts
