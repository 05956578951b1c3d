// The difference between two sequences of tokens (words, lines), as the
// shortest edit script (Myers' O((N+M)D) algorithm): runs of kept, removed
// and added tokens. Pure computation, no I/O, so it can be tested and
// benchmarked alone; callers decide what a token is (for Thai text, words
// from a segmenter with the spaces between them kept as tokens).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ruamkit::analysis {

enum class Change { kept, removed, added };

struct DiffRun {
  Change change;
  std::string text;  // the tokens of the run, concatenated
};

// Returns the runs that turn `before` into `after`: concatenating the kept
// and removed runs gives `before`, the kept and added ones give `after`.
// Adjacent runs never have the same change; a removal comes before the
// addition that replaces it. When more than `max_edits` edits would be
// needed (pathological inputs), returns one removal and one addition.
std::vector<DiffRun> diff(const std::vector<std::string>& before,
                          const std::vector<std::string>& after, std::size_t max_edits = 4'000);

}  // namespace ruamkit::analysis
