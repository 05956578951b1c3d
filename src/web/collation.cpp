#include "web/collation.h"

#include <unicode/coll.h>

#include <memory>

namespace ruamkit::web {

bool thai_less(std::string_view a, std::string_view b) {
  // Collators are not safe to share between threads; each keeps its own.
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("th"), status));
    return U_FAILURE(status) ? nullptr : std::move(c);
  }();
  if (!collator) return a < b;
  UErrorCode status = U_ZERO_ERROR;
  const auto order =
      collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                            icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  return U_SUCCESS(status) ? order == UCOL_LESS : a < b;
}

}  // namespace ruamkit::web
