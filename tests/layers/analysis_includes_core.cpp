// Must not compile: analysis stands alone (its engines are tested and
// benchmarked without the rest of the project).
#include "core/clock.h"
