// Language: the language switch (a plain form, remembered in a cookie).
#include "features/language/language.h"

namespace ruamkit::features::language {

Component component() {
  Component c;
  c.name = "language";
  c.install = install;
  return c;
}

}  // namespace ruamkit::features::language
