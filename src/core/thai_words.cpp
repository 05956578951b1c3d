#include "core/thai_words.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <memory>

namespace ruamkit::core {
namespace {

// Break iterators are not shareable between threads; each keeps a copy.
icu::BreakIterator* word_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale("th"), status));
    return U_FAILURE(status) ? nullptr : std::move(it);
  }();
  return iterator.get();
}

}  // namespace

void for_each_word(std::string_view text, const WordSink& word) {
  icu::BreakIterator* it = word_iterator();
  if (!it || text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  // A UTF-8 UText makes the iterator's positions byte offsets into `text`.
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  it->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return;
  }
  std::string folded;
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    // Rule status below UBRK_WORD_NONE_LIMIT: spaces and punctuation.
    if (it->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    const auto piece =
        text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
    folded.clear();
    icu::UnicodeString::fromUTF8(icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())))
        .foldCase()
        .toUTF8String(folded);
    if (!word(folded, begin, end)) break;
  }
  utext_close(ut);
}

}  // namespace ruamkit::core
