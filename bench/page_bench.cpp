// How much CPU one page costs inside the process (DESIGN.md §6: well under a
// millisecond): the whole pipeline of a real request minus the socket.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "app/config.h"
#include "app/pipeline.h"
#include "core/random.h"
#include "features/accounts/rules.h"
#include "features/accounts/sessions.h"
#include "features/install.h"
#include "features/registry.h"
#include "storage/migrations.h"

namespace {

using namespace ruamkit;
namespace fs = std::filesystem;

struct Bench {
  Bench()
      : dir(fs::temp_directory_path() / ("ruamkit-bench-" + core::random_hex(6))),
        database((fs::create_directories(dir), (dir / "bench.db").string()), 2),
        templates(features::registry().template_dirs(RUAMKIT_DEFAULT_SHARE_DIR)),
        catalogues(features::registry().locale_dirs(RUAMKIT_DEFAULT_SHARE_DIR)),
        assets(fs::path(RUAMKIT_DEFAULT_SHARE_DIR) / "static", "/static/"),
        views(templates, catalogues, assets, [] { return std::chrono::system_clock::now(); }),
        common_passwords(fs::path(RUAMKIT_DEFAULT_SHARE_DIR) / "vendor" / "common-passwords.txt") {
    features::registry().migrate(database);
    sessions = std::make_unique<features::accounts::Sessions>(
        database, features::accounts::site_secret(database, "csrf_key"),
        features::accounts::SessionPolicy{});
    features::install_components(features::registry(),
                                 {router, database, views, site, *sessions, common_passwords, {}},
                                 settings);
    handler = app::make_pipeline(config, router, assets, views, *sessions);
  }
  ~Bench() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  fs::path dir;
  app::Config config;
  features::Site site{"", RUAMKIT_DEFAULT_SHARE_DIR, "", false, false};
  features::SettingsByComponent settings = features::default_settings(features::registry());
  storage::Database database;
  web::TemplateStore templates;
  web::Catalogues catalogues;
  http::StaticFiles assets;
  web::Views views;
  features::accounts::CommonPasswords common_passwords;
  std::unique_ptr<features::accounts::Sessions> sessions;
  http::Router router;
  http::Handler handler;
};

Bench& site() {
  static Bench s;
  return s;
}

http::Request request(std::string path, std::string accept_language) {
  http::Request r;
  r.method = "GET";
  r.target = path;
  r.path = std::move(path);
  r.request_id = "bench";
  r.headers.set("Accept-Language", std::move(accept_language));
  return r;
}

void BM_HomePage(benchmark::State& state, const char* language) {
  auto& s = site();
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto r = request("/", language);
    auto response = s.handler(r);
    bytes = response.body.size();
    benchmark::DoNotOptimize(response);
  }
  state.counters["html_bytes"] = static_cast<double>(bytes);
}
BENCHMARK_CAPTURE(BM_HomePage, thai, "th")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_HomePage, english, "en")->Unit(benchmark::kMicrosecond);

void BM_NotFoundPage(benchmark::State& state) {
  auto& s = site();
  for (auto _ : state) {
    auto r = request("/no/such/page", "th");
    benchmark::DoNotOptimize(s.handler(r));
  }
}
BENCHMARK(BM_NotFoundPage)->Unit(benchmark::kMicrosecond);

void BM_StaticFile(benchmark::State& state) {
  auto& s = site();
  const auto url = s.assets.url_for("css/app.css");
  for (auto _ : state) {
    auto r = request(url, "th");
    benchmark::DoNotOptimize(s.handler(r));
  }
}
BENCHMARK(BM_StaticFile)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
