// ruamkit: the single binary. Subcommands: serve, migrate, seed-demo, version.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "app/config.h"
#include "app/pipeline.h"
#include "features/demo.h"
#include "features/registry.h"
#include "http/server.h"
#include "storage/migrations.h"

namespace {

using namespace ruamkit;
namespace fs = std::filesystem;

void setup_logging(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("ruamkit");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(level));
  spdlog::flush_on(spdlog::level::info);
}

// Opens the database named in the configuration, creating the directory of
// an SQLite file. Throws std::runtime_error for what cannot be opened.
std::unique_ptr<storage::Database> open_database(const app::Config& config, int pool_size) {
  if (app::is_postgresql_url(config.database)) {
    throw std::runtime_error(
        "PostgreSQL is not supported by this version yet; use an SQLite file path");
  }
  const fs::path path(config.database);
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  return std::make_unique<storage::Database>(config.database, pool_size);
}

int run_migrate(const app::Config& config) {
  auto db = open_database(config, 1);
  const int applied = storage::migrate(*db, storage::embedded_migrations());
  const int version = db->read([](storage::Connection& c) { return storage::schema_version(c); });
  std::cout << "Database " << config.database << ": applied " << applied
            << " migration(s); schema version " << version << "\n";
  return 0;
}

int run_seed_demo(const app::Config& config) {
  auto db = open_database(config, 1);
  storage::migrate(*db, storage::embedded_migrations());
  const auto report = features::load_demo_data(*db);
  std::cout << "Database " << config.database << ": " << report << "\n";
  return 0;
}

int run_serve(const app::Config& config) {
  const auto listen = app::parse_listen_address(config.listen);
  const int threads = std::max(1, config.threads);
  auto db = open_database(config, threads + 1);
  const int applied = storage::migrate(*db, storage::embedded_migrations());
  if (applied > 0) spdlog::info("applied {} migration(s)", applied);

  const fs::path share(config.share_dir);
  const web::TemplateStore templates(share / "templates");
  const web::Catalogues catalogues(share / "locales");
  const http::StaticFiles assets(share / "static", "/static/");
  const web::Views views(templates, catalogues, assets,
                         [] { return std::chrono::system_clock::now(); });

  http::Router router;
  features::Context context{router, *db, views, config};
  features::install_all(context);

  http::ServerOptions options;
  options.address = listen.host;
  options.port = listen.port;
  options.threads = threads;
  options.read_timeout = std::chrono::milliseconds(config.read_timeout_ms);
  options.shutdown_deadline = std::chrono::milliseconds(config.shutdown_deadline_ms);
  options.header_limit = config.max_header_bytes;
  options.body_limit = config.max_body_bytes;
  http::Server server(options, app::make_pipeline(config, router, assets, views),
                      app::make_error_renderer(config, views));
  const auto port = server.listen();

  std::string host = listen.host == "0.0.0.0" ? "127.0.0.1" : listen.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  spdlog::info("serving with {} thread(s), {} static file(s), database {}", threads, assets.size(),
               config.database);
  std::cout << "Ruamkit is serving at http://" << host << ":" << port << "/" << std::endl;
  if (!config.base_url.empty()) std::cout << "Public address: " << config.base_url << std::endl;
  server.run();
  spdlog::info("stopped; closing the database");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  app::Config config;
  CLI::App cli{"Ruamkit (ร่วมคิด): participatory governance for public agencies"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", RUAMKIT_VERSION);

  auto add_common = [&config](CLI::App* sub) {
    sub->add_option("--database", config.database, "SQLite database file")
        ->envname("RUAMKIT_DATABASE")
        ->capture_default_str();
    sub->add_option("--log-level", config.log_level, "trace, debug, info, warn, error or off")
        ->envname("RUAMKIT_LOG_LEVEL")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
        ->capture_default_str();
  };

  auto* serve = cli.add_subcommand("serve", "Run the web server (migrates the database first)");
  add_common(serve);
  serve
      ->add_option("--listen", config.listen, "Address and port, HOST:PORT (port 0: any free port)")
      ->envname("RUAMKIT_LISTEN")
      ->capture_default_str();
  serve->add_option("--share-dir", config.share_dir, "Directory with templates/, locales/, static/")
      ->envname("RUAMKIT_SHARE_DIR")
      ->capture_default_str();
  serve
      ->add_option("--base-url", config.base_url,
                   "Public URL of this site, e.g. https://ruamkit.example.go.th")
      ->envname("RUAMKIT_BASE_URL");
  serve
      ->add_flag("--secure-cookies", config.secure_cookies,
                 "Serve behind TLS: Secure cookies and HSTS")
      ->envname("RUAMKIT_SECURE_COOKIES");
  serve->add_option("--threads", config.threads, "Worker threads (default: CPU cores)")
      ->envname("RUAMKIT_THREADS")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve
      ->add_option("--read-timeout-ms", config.read_timeout_ms,
                   "Time a client has to send a request; idle keep-alive limit")
      ->envname("RUAMKIT_READ_TIMEOUT_MS")
      ->check(CLI::Range(100, 600'000))
      ->capture_default_str();
  serve
      ->add_option("--shutdown-deadline-ms", config.shutdown_deadline_ms,
                   "Time in-flight requests get to finish on SIGTERM/SIGINT")
      ->envname("RUAMKIT_SHUTDOWN_DEADLINE_MS")
      ->check(CLI::Range(0, 600'000))
      ->capture_default_str();
  serve
      ->add_option("--max-header-bytes", config.max_header_bytes,
                   "Largest request header (431 above)")
      ->envname("RUAMKIT_MAX_HEADER_BYTES")
      ->check(CLI::Range(1024, 1024 * 1024))
      ->capture_default_str();
  serve->add_option("--max-body-bytes", config.max_body_bytes, "Largest request body (413 above)")
      ->envname("RUAMKIT_MAX_BODY_BYTES")
      ->check(CLI::Range(1024, 1024 * 1024 * 1024))
      ->capture_default_str();

  auto* migrate = cli.add_subcommand("migrate", "Bring the database schema up to date");
  add_common(migrate);
  auto* seed = cli.add_subcommand("seed-demo", "Load demonstration data (idempotent)");
  add_common(seed);

  CLI11_PARSE(cli, argc, argv);
  try {
    setup_logging(config.log_level);
    if (*serve) return run_serve(config);
    if (*migrate) return run_migrate(config);
    if (*seed) return run_seed_demo(config);
  } catch (const std::exception& e) {
    std::cerr << "ruamkit: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
