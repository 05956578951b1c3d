// Documents as a feature: upload and delete under /manage/documents,
// download at /documents/{id}/{file name}.
#pragma once

#include "features/context.h"

namespace ruamkit::features::documents {

void install(Context& context);

}  // namespace ruamkit::features::documents
