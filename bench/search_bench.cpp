// Search at scale: builds an index of 100,000 mixed Thai/English documents
// (sentences drawn from the real OPDC pages in demo/opdc-pages plus English
// text), then reports the index build rate and the median and p99 latency of
// Thai, English and prefix queries. Not a test: figures vary with the machine.
//
//   search_bench [DOCUMENTS] [SEEDS_DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/random.h"
#include "features/demo_pages.h"
#include "features/search/index.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace {

using namespace ruamkit;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The lines of real Thai prose in the bodies of the demo pages (*.md, front
// matter left out).
std::vector<std::string> seed_lines(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto& path = entry.path();
    if (path.extension() == ".md" && path.filename() != "README.md") files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> lines;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::istringstream body(features::read_demo_page(text.str(), file.string()).body);
    std::string line;
    while (std::getline(body, line)) {
      // Keep lines with prose (headings and short items are left out).
      if (line.size() >= 90) lines.push_back(line.substr(0, 1200));
    }
  }
  return lines;
}

const std::vector<std::string> kEnglish = {
    "Citizens take part in planning the provincial budget.",
    "The agency publishes its improvement plan and reports progress every quarter.",
    "A public hearing on the draft regulation is open for comments.",
    "Civil society networks monitor results together with officials.",
    "Participatory governance indicators are assessed each fiscal year.",
    "The joint working group agreed on targets for air quality.",
};

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  const int documents = argc > 1 ? std::stoi(argv[1]) : 100'000;
  const fs::path seeds =
      argc > 2 ? fs::path(argv[2]) : fs::path(RUAMKIT_DEFAULT_SHARE_DIR) / "demo" / "opdc-pages";
  const auto lines = seed_lines(seeds);
  if (lines.empty()) {
    std::fprintf(stderr, "no seed text found in %s\n", seeds.c_str());
    return 1;
  }
  const auto dir = fs::temp_directory_path() / ("ruamkit-search-bench-" + core::random_hex(6));
  fs::create_directories(dir);
  int status = 0;
  {
    storage::Database db((dir / "bench.db").string(), 1);
    storage::migrate(db, storage::embedded_migrations());
    std::mt19937 rng(2569);
    std::uniform_int_distribution<std::size_t> pick_line(0, lines.size() - 1);
    std::uniform_int_distribution<std::size_t> pick_english(0, kEnglish.size() - 1);
    std::uint64_t bytes = 0;
    const auto started = Clock::now();
    constexpr int kBatch = 1000;
    for (int first = 0; first < documents; first += kBatch) {
      db.write([&](storage::Connection& c) {
        for (int i = first; i < std::min(documents, first + kBatch); ++i) {
          features::search::Document d;
          d.kind = i % 5 == 0 ? "announcement" : "page";
          d.ref = std::to_string(i);
          d.url = "/pages/" + d.ref;
          d.title = lines[pick_line(rng)].substr(0, 120);
          d.body = lines[pick_line(rng)] + " " + kEnglish[pick_english(rng)] + " " +
                   lines[pick_line(rng)];
          bytes += d.title.size() + d.body.size();
          features::search::index(c, d);
        }
      });
    }
    const double build_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::printf("indexed %d documents (%.1f MB of text) in %.1f s: %.0f documents/s\n", documents,
                static_cast<double>(bytes) / 1e6, build_seconds, documents / build_seconds);

    const std::vector<std::string> queries = {"การมีส่วนร่วม", "ตัวชี้วัด",          "เครือข่าย", "ประชาชน",
                                              "ประชา*",     "ราชการ ประชาชน", "budget",  "hearing",
                                              "partic*",    "การประเมินผล"};
    std::vector<double> all;
    std::printf("%-22s %10s %10s %10s\n", "query", "hits", "median ms", "p99 ms");
    for (const auto& text : queries) {
      std::vector<double> times;
      std::int64_t hits = 0;
      for (int run = 0; run < 60; ++run) {
        const auto t0 = Clock::now();
        db.read([&](storage::Connection& c) {
          const auto page = features::search::search(c, {text, "", std::nullopt, 20, 0});
          if (run == 0) hits = features::search::count(c, {text});
          return page.size();
        });
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (run >= 10) times.push_back(ms);  // the first runs warm the cache
      }
      all.insert(all.end(), times.begin(), times.end());
      std::printf("%-22s %10lld %10.2f %10.2f\n", text.c_str(), static_cast<long long>(hits),
                  percentile(times, 0.5), percentile(times, 0.99));
    }
    std::printf(
        "all queries (first page of 20, ranked, with snippets): median %.2f ms, p99 %.2f ms\n",
        percentile(all, 0.5), percentile(all, 0.99));
  }
  fs::remove_all(dir);
  return status;
}
