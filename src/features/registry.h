// Every feature module of Ruamkit, installed in one place. A new component
// kind is one folder under features/ and one line in registry.cpp.
#pragma once

#include "features/context.h"

namespace ruamkit::features {

void install_all(Context& context);

}  // namespace ruamkit::features
