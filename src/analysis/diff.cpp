#include "analysis/diff.h"

#include <algorithm>
#include <cstdint>

namespace ruamkit::analysis {
namespace {

void push(std::vector<DiffRun>& runs, Change change, const std::string& token) {
  if (!runs.empty() && runs.back().change == change) {
    runs.back().text += token;
  } else {
    runs.push_back({change, token});
  }
}

std::string joined(const std::vector<std::string>& tokens, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += tokens[i];
  return out;
}

// Orders each block of changes between kept runs as removal, then addition.
std::vector<DiffRun> normalised(std::vector<DiffRun> runs) {
  std::vector<DiffRun> out;
  std::string removed, added;
  auto flush = [&] {
    if (!removed.empty()) out.push_back({Change::removed, std::move(removed)});
    if (!added.empty()) out.push_back({Change::added, std::move(added)});
    removed.clear();
    added.clear();
  };
  for (auto& run : runs) {
    if (run.change == Change::kept) {
      flush();
      if (!out.empty() && out.back().change == Change::kept) {
        out.back().text += run.text;
      } else {
        out.push_back(std::move(run));
      }
    } else {
      (run.change == Change::removed ? removed : added) += run.text;
    }
  }
  flush();
  return out;
}

}  // namespace

std::vector<DiffRun> diff(const std::vector<std::string>& a, const std::vector<std::string>& b,
                          std::size_t max_edits) {
  // Common prefix and suffix first: most revisions change little.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const auto n = static_cast<std::int64_t>(a.size() - prefix - suffix);
  const auto m = static_cast<std::int64_t>(b.size() - prefix - suffix);
  auto A = [&](std::int64_t i) -> const std::string& { return a[prefix + static_cast<std::size_t>(i)]; };
  auto B = [&](std::int64_t j) -> const std::string& { return b[prefix + static_cast<std::size_t>(j)]; };

  std::vector<DiffRun> middle;
  const std::int64_t max_d = std::min<std::int64_t>(n + m, static_cast<std::int64_t>(max_edits));
  const std::int64_t offset = max_d + 1;
  std::vector<std::int64_t> v(static_cast<std::size_t>(2 * max_d + 3), 0);
  // v[-d..d] after each d, for the way back: O(D²) memory in all.
  std::vector<std::vector<std::int64_t>> trace;
  bool found = n == 0 && m == 0;
  std::int64_t final_d = 0;
  for (std::int64_t d = 0; d <= max_d && !found; ++d) {
    for (std::int64_t k = -d; k <= d; k += 2) {
      const auto at = [&](std::int64_t kk) -> std::int64_t& {
        return v[static_cast<std::size_t>(kk + offset)];
      };
      std::int64_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::int64_t y = x - k;
      while (x < n && y < m && A(x) == B(y)) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        found = true;
        final_d = d;
        break;
      }
    }
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
  }

  if (!found) {
    middle = {{Change::removed, joined(a, prefix, a.size() - suffix)},
              {Change::added, joined(b, prefix, b.size() - suffix)}};
  } else if (n > 0 || m > 0) {
    // Walk back from (n, m) through the snapshots, collecting tokens in reverse.
    std::vector<std::pair<Change, const std::string*>> reversed;
    std::int64_t x = n, y = m;
    for (std::int64_t d = final_d; d > 0; --d) {
      const auto& prev = trace[static_cast<std::size_t>(d - 1)];  // holds k = -(d-1)..d-1
      const auto at = [&](std::int64_t kk) { return prev[static_cast<std::size_t>(kk + d - 1)]; };
      const std::int64_t k = x - y;
      const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
      const std::int64_t prev_k = down ? k + 1 : k - 1;
      const std::int64_t prev_x = at(prev_k);
      const std::int64_t prev_y = prev_x - prev_k;
      while (x > prev_x + (down ? 0 : 1) && y > prev_y + (down ? 1 : 0)) {
        reversed.emplace_back(Change::kept, &A(x - 1));
        --x;
        --y;
      }
      if (down) {
        reversed.emplace_back(Change::added, &B(y - 1));
        --y;
      } else {
        reversed.emplace_back(Change::removed, &A(x - 1));
        --x;
      }
    }
    while (x > 0 && y > 0) {
      reversed.emplace_back(Change::kept, &A(x - 1));
      --x;
      --y;
    }
    for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) push(middle, it->first, *it->second);
  }

  std::vector<DiffRun> runs;
  if (prefix > 0) runs.push_back({Change::kept, joined(a, 0, prefix)});
  for (auto& r : middle) {
    if (!r.text.empty()) runs.push_back(std::move(r));
  }
  if (suffix > 0) runs.push_back({Change::kept, joined(a, a.size() - suffix, a.size())});
  return normalised(std::move(runs));
}

}  // namespace ruamkit::analysis
