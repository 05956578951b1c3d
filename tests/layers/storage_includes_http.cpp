// Must not compile: storage does not know HTTP.
#include "http/message.h"
