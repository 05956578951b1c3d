// Must not compile: web sits below features.
#include "features/registry.h"
