// Installing every component: each gets a Context with the shared services
// and its own settings.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "features/context.h"
#include "features/registry.h"

namespace ruamkit::features {

// What every component is installed with (its Context without its settings).
struct Services {
  http::Router& router;
  storage::Database& database;
  const web::Views& views;
  const Site& site;
  const accounts::Sessions& sessions;
  const accounts::CommonPasswords& common_passwords;
  std::function<void()> wake_mail;  // may be empty
};

using SettingsByComponent = std::map<std::string, Settings, std::less<>>;

// Returns every component's settings at their declared defaults.
SettingsByComponent default_settings(const Registry& registry);

// Installs every component of `registry` in order, each with its entry of
// `settings` (which must outlive the installed routes).
void install_components(const Registry& registry, const Services& services,
                        const SettingsByComponent& settings);

}  // namespace ruamkit::features
