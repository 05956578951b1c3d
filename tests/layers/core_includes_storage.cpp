// Must not compile: core links nothing of the project.
#include "storage/database.h"
