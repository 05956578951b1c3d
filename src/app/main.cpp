// ruamkit: the single binary. Subcommands: serve, migrate, seed-demo, version.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>

#include "app/config.h"
#include "app/periodic.h"
#include "app/pipeline.h"
#include "core/clock.h"
#include "core/security.h"
#include "features/accounts/rules.h"
#include "features/accounts/sessions.h"
#include "features/audit/audit.h"
#include "features/demo.h"
#include "features/install.h"
#include "features/registry.h"
#include "http/proxy.h"
#include "http/server.h"
#include "mail/outbox.h"
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

const features::Registry& components() { return features::registry(); }

int run_migrate(const app::Config& config) {
  auto db = open_database(config, 1);
  const int applied = components().migrate(*db);
  const int version = db->read([](storage::Connection& c) { return storage::schema_version(c); });
  std::cout << "Database " << config.database << ": applied " << applied
            << " migration(s); schema version " << version << "\n";
  return 0;
}

int run_seed_demo(const app::Config& config) {
  auto db = open_database(config, 1);
  components().migrate(*db);
  const auto report = features::load_demo_data(components(), *db, config.share_dir);
  std::cout << "Database " << config.database << ": " << report << "\n";
  return 0;
}

// Returns the host of a URL ("https://a.go.th:8443/x" → "a.go.th").
std::string host_of(const std::string& url) {
  auto rest = url.substr(url.find("://") == std::string::npos ? 0 : url.find("://") + 3);
  rest = rest.substr(0, rest.find('/'));
  if (!rest.empty() && rest.front() == '[') return rest.substr(0, rest.find(']') + 1);
  return rest.substr(0, rest.find(':'));
}

// The environment variable of a component's setting: RUAMKIT_HEARING_MIN_DAYS
// for hearing-min-days.
std::string env_name(const std::string& option) {
  std::string name = "RUAMKIT_";
  for (const char ch : option) {
    name += ch == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return name;
}

int run_serve(app::Config config, const features::SettingsByComponent& settings) {
  const auto listen = app::parse_listen_address(config.listen);
  if (config.dev_outbox && !http::is_loopback(listen.host)) {
    throw std::runtime_error(
        "--dev-outbox shows everyone's mail (including password-reset links): it is only allowed "
        "when listening on a loopback address such as 127.0.0.1");
  }
  if (config.dev_outbox && (!config.smtp_url.empty() || config.secure_cookies)) {
    throw std::runtime_error(
        "--dev-outbox is for development only: not with --smtp-url or --secure-cookies");
  }
  if (config.uploads_dir.empty()) {
    config.uploads_dir = (fs::path(config.database).parent_path() / "uploads").string();
  }
  const int threads = std::max(1, config.threads);
  // A connection for each worker, and for the background jobs.
  auto db = open_database(config, config.workers + 2);
  const auto& registry = components();
  const int applied = registry.migrate(*db);
  if (applied > 0) spdlog::info("applied {} migration(s)", applied);

  const fs::path share(config.share_dir);
  const web::TemplateStore templates(registry.template_dirs(share));
  const web::Catalogues catalogues(registry.locale_dirs(share));
  const http::StaticFiles assets(share / "static", "/static/");
  const web::Views views(templates, catalogues, assets,
                         [] { return std::chrono::system_clock::now(); });
  const features::accounts::CommonPasswords common_passwords(share / "vendor" /
                                                             "common-passwords.txt");
  features::accounts::SessionPolicy policy;
  policy.secure_cookies = config.secure_cookies;
  policy.csrf_exempt_paths = registry.csrf_exempt_paths();
  const features::accounts::Sessions sessions(*db, features::accounts::site_secret(*db, "csrf_key"),
                                              policy);

  http::Router router;
  http::ServerOptions options;
  options.address = listen.host;
  options.port = listen.port;
  options.threads = threads;
  options.workers = config.workers;
  options.max_queued_requests = static_cast<std::size_t>(config.max_queued_requests);
  options.read_timeout = std::chrono::milliseconds(config.read_timeout_ms);
  options.shutdown_deadline = std::chrono::milliseconds(config.shutdown_deadline_ms);
  options.header_limit = config.max_header_bytes;
  options.body_limit = config.max_body_bytes;
  options.upload_body_limit = config.max_upload_bytes;
  options.upload_paths = registry.upload_paths();
  options.trusted_proxies = config.trusted_proxies;
  http::Server server(options, app::make_pipeline(config, router, assets, views, sessions),
                      app::make_error_renderer(config, views));
  const auto port = server.listen();

  std::string host = listen.host == "0.0.0.0" ? "127.0.0.1" : listen.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  const std::string local_url = "http://" + host + ":" + std::to_string(port) + "/";
  // Links in mail point at the public address; without one, at this server.
  if (config.base_url.empty()) config.base_url = local_url;

  mail::MailSender sender(*db, {config.smtp_url, config.mail_from, "", "", config.smtp_require_tls},
                          host_of(config.base_url));
  const features::Site site{config.base_url, config.share_dir, config.uploads_dir,
                            config.secure_cookies, config.dev_outbox};
  const auto wake_mail = [&sender] { sender.wake(); };
  features::install_components(
      registry, {router, *db, views, site, sessions, common_passwords, wake_mail}, settings);
  sender.start();
  // Background jobs: each runs once now, then every interval.
  std::deque<features::JobContext> job_contexts;
  std::vector<std::unique_ptr<app::Periodic>> jobs;
  for (const auto& component : registry.components()) {
    for (const auto& job : component.jobs) {
      const auto& context = job_contexts.emplace_back(
          features::JobContext{*db, views, site, settings.find(component.name)->second, wake_mail});
      jobs.push_back(std::make_unique<app::Periodic>(job.name, job.interval,
                                                     [&context, run = job.run] { run(context); }));
    }
  }
  const app::Periodic housekeeping("housekeeping", std::chrono::hours(1), [&db, &policy] {
    const int purged = db->write(
        [&](storage::Connection& c) { return features::accounts::purge_expired(c, policy); });
    if (purged > 0) spdlog::info("housekeeping: purged {} expired record(s)", purged);
  });

  spdlog::info(
      "serving with {} network thread(s), {} worker(s), {} static file(s), database {}, "
      "mail {}",
      threads, config.workers, assets.size(), config.database,
      config.smtp_url.empty() ? "kept in the outbox" : config.smtp_url);
  std::cout << "Ruamkit is serving at " << local_url << std::endl;
  if (config.base_url != local_url) std::cout << "Public address: " << config.base_url << std::endl;
  if (config.dev_outbox)
    std::cout << "Development outbox: " << local_url << "dev/outbox" << std::endl;
  server.run();
  sender.stop();
  spdlog::info("stopped; closing the database");
  return 0;
}

// `ruamkit user create`: an account from the command line (the first admin).
int run_user_create(const app::Config& config, const std::string& email_raw,
                    const std::string& name, bool admin) {
  const auto email = features::accounts::normalize_email(email_raw);
  if (!email) throw std::runtime_error("not a valid e-mail address: " + email_raw);
  if (name.empty()) throw std::runtime_error("--name is required");
  std::string password;
  if (const char* env = std::getenv("RUAMKIT_PASSWORD")) {
    password = env;
  } else {
    std::cerr << "Password for " << *email << " (at least 12 characters): " << std::flush;
    std::getline(std::cin, password);
  }
  const features::accounts::CommonPasswords common(fs::path(config.share_dir) / "vendor" /
                                                   "common-passwords.txt");
  if (auto problem = features::accounts::password_problem(password, *email, name, common)) {
    throw std::runtime_error("password refused: " + *problem);
  }
  auto db = open_database(config, 1);
  components().migrate(*db);
  const auto hash = core::hash_password(password);
  const auto id = db->write([&](storage::Connection& c) {
    const auto now = core::iso_timestamp(core::Clock::now());
    c.execute(
        "INSERT INTO users (email, display_name, password_hash, email_verified_at, "
        "is_platform_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        *email, name, hash, now, admin ? 1 : 0, now);
    const auto user_id = c.last_insert_id();
    features::audit::record(c,
                            {admin ? "admin.created_by_cli" : "account.created_by_cli", "user",
                             std::to_string(user_id)},
                            std::nullopt, "", "");
    return user_id;
  });
  std::cout << "Created " << (admin ? "platform admin" : "user") << " #" << id << " <" << *email
            << ">" << (admin ? "; two-factor set-up is asked at first log-in" : "") << "\n";
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
  serve->add_option("--threads", config.threads, "Network threads (default: CPU cores)")
      ->envname("RUAMKIT_THREADS")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve
      ->add_option("--workers", config.workers,
                   "Threads that handle requests, off the network threads (default: 4 per core, "
                   "at least 8)")
      ->envname("RUAMKIT_WORKERS")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  serve
      ->add_option("--max-queued-requests", config.max_queued_requests,
                   "Requests that may wait for a worker; beyond, 503 with Retry-After")
      ->envname("RUAMKIT_MAX_QUEUED_REQUESTS")
      ->check(CLI::Range(1, 1'000'000))
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
  serve
      ->add_option("--max-upload-bytes", config.max_upload_bytes,
                   "Largest document upload (multipart body; 413 above)")
      ->envname("RUAMKIT_MAX_UPLOAD_BYTES")
      ->check(CLI::Range(1024, 1024 * 1024 * 1024))
      ->capture_default_str();
  serve
      ->add_option("--uploads-dir", config.uploads_dir,
                   "Where uploaded documents are kept (default: uploads/ beside the database)")
      ->envname("RUAMKIT_UPLOADS_DIR");

  serve
      ->add_option("--smtp-url", config.smtp_url, "SMTP server for outgoing mail, smtp://host:port")
      ->envname("RUAMKIT_SMTP_URL");
  serve->add_option("--mail-from", config.mail_from, "Sender of outgoing mail")
      ->envname("RUAMKIT_MAIL_FROM")
      ->capture_default_str();
  serve
      ->add_option("--trusted-proxy", config.trusted_proxies,
                   "Address of a reverse proxy whose X-Forwarded-For is believed (repeatable)")
      ->envname("RUAMKIT_TRUSTED_PROXIES")
      ->delimiter(',');
  serve
      ->add_flag("--smtp-require-tls", config.smtp_require_tls,
                 "Never send mail over an unencrypted connection")
      ->envname("RUAMKIT_SMTP_REQUIRE_TLS");
  serve
      ->add_flag("--dev-outbox", config.dev_outbox,
                 "Development only: show queued mail at /dev/outbox")
      ->envname("RUAMKIT_DEV_OUTBOX");

  // Each component's own settings (its manifest's), as options of serve.
  auto component_settings = features::default_settings(components());
  for (const auto& component : components().components()) {
    auto& values = component_settings.find(component.name)->second;
    for (const auto& setting : component.settings) {
      auto* option =
          serve->add_option("--" + setting.option, values.value(setting.option), setting.help)
              ->envname(env_name(setting.option))
              ->capture_default_str();
      if (setting.type == features::Setting::Type::integer) {
        option->check(CLI::Range(setting.min, setting.max));
      }
    }
  }

  auto* migrate = cli.add_subcommand("migrate", "Bring the database schema up to date");
  add_common(migrate);
  auto* seed = cli.add_subcommand("seed-demo", "Load demonstration data (idempotent)");
  add_common(seed);
  seed->add_option("--share-dir", config.share_dir, "Directory with demo/ (the demo pages)")
      ->envname("RUAMKIT_SHARE_DIR")
      ->capture_default_str();

  auto* user = cli.add_subcommand("user", "Manage accounts from the command line");
  user->require_subcommand(1);
  auto* user_create = user->add_subcommand(
      "create", "Create a verified account; the password is read from RUAMKIT_PASSWORD or stdin");
  add_common(user_create);
  user_create
      ->add_option("--share-dir", config.share_dir, "Directory with vendor/common-passwords.txt")
      ->envname("RUAMKIT_SHARE_DIR");
  std::string user_email, user_name;
  bool user_admin = false;
  user_create->add_option("--email", user_email, "E-mail address")->required();
  user_create->add_option("--name", user_name, "Display name")->required();
  user_create->add_flag("--admin", user_admin, "Make the account a platform admin");

  CLI11_PARSE(cli, argc, argv);
  try {
    setup_logging(config.log_level);
    if (*serve) return run_serve(config, component_settings);
    if (*migrate) return run_migrate(config);
    if (*seed) return run_seed_demo(config);
    if (*user_create) return run_user_create(config, user_email, user_name, user_admin);
  } catch (const std::exception& e) {
    std::cerr << "ruamkit: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
