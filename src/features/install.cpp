#include "features/install.h"

#include <stdexcept>

namespace ruamkit::features {

SettingsByComponent default_settings(const Registry& registry) {
  SettingsByComponent out;
  for (const auto& c : registry.components()) out.emplace(c.name, Settings(c.settings));
  return out;
}

void install_components(const Registry& registry, const Services& services,
                        const SettingsByComponent& settings) {
  for (const auto& component : registry.components()) {
    if (!component.install) continue;
    const auto found = settings.find(component.name);
    if (found == settings.end()) {
      throw std::logic_error("no settings for component " + component.name);
    }
    Context context{services.router,
                    services.database,
                    services.views,
                    services.site,
                    found->second,
                    services.sessions,
                    services.common_passwords,
                    registry,
                    services.wake_mail};
    component.install(context);
  }
}

}  // namespace ruamkit::features
