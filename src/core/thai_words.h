// Word segmentation for full-text search. Thai is written without spaces
// between words, so splitting on spaces finds nothing; ICU's dictionary-based
// word BreakIterator finds the words (English and other scripts too).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace ruamkit::core {

// Calls `word(token, begin, end)` for each word of the UTF-8 `text`, in order:
// `token` is the word case-folded (so "Ruamkit" and "ruamkit" match), and
// `begin`/`end` are its byte offsets in `text`. Spaces and punctuation are
// skipped. Returns false as soon as `word` does. Invalid UTF-8 is tolerated.
using WordSink = std::function<bool(std::string_view token, int begin, int end)>;
void for_each_word(std::string_view text, const WordSink& word);

}  // namespace ruamkit::core
