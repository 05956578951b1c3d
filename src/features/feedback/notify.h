// Telling reporters what happened to their case: in the inbox (and mail, as
// they chose) for reporters with an account, by mail for those who left only
// an e-mail address. Call in the transaction of the change.
#pragma once

#include <string>

#include "features/feedback/cases.h"
#include "web/views.h"

namespace ruamkit::features::feedback {

void tell_reporters(storage::Connection& c, const web::Views& views, const std::string& base_url,
                    const Case& f, const std::string& note);

}  // namespace ruamkit::features::feedback
