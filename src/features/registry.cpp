#include "features/registry.h"

#include "features/health/health.h"
#include "features/home/home.h"
#include "features/language/language.h"

namespace ruamkit::features {

void install_all(Context& context) {
  health::install(context);
  language::install(context);
  home::install(context);
}

}  // namespace ruamkit::features
