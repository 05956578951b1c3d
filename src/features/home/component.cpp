// Home: the front page explaining the five levels of participation.
#include "features/home/home.h"

namespace ruamkit::features::home {

Component component() {
  Component c;
  c.name = "home";
  c.install = install;
  return c;
}

}  // namespace ruamkit::features::home
