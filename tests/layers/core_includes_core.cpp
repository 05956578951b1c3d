// Compiles with the core layer's include path only: the control for the
// tests below (the command itself works).
#include "core/clock.h"
