#include "features/accounts/accounts.h"

namespace ruamkit::features::accounts {

void install(Context& context) {
  install_registration(context);
  install_login(context);
  install_passwords(context);
  install_profile(context);
  install_two_factor(context);
}

}  // namespace ruamkit::features::accounts
