// What a feature module receives when it is installed: where to register its
// routes and the shared services it may use. The Context object itself may
// live only while features install: handlers capture the services it refers
// to, or a copy of it (cheap: references and one function), never `&context`.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "features/accounts/rules.h"
#include "features/accounts/sessions.h"
#include "http/router.h"
#include "storage/database.h"
#include "web/views.h"

namespace ruamkit::app {
struct Config;
}

namespace ruamkit::features {

struct Context {
  http::Router& router;
  storage::Database& database;
  const web::Views& views;
  const app::Config& config;
  const accounts::Sessions& sessions;
  const accounts::CommonPasswords& common_passwords;
  // Nudges the mail sender after mail was queued (may be empty).
  std::function<void()> wake_mail;
  // Runs `job` now and then every `interval` on a background thread while the
  // server serves (may be empty: then nothing is scheduled, e.g. in tools).
  std::function<void(std::string name, std::chrono::milliseconds interval,
                     std::function<void()> job)>
      schedule;
};

}  // namespace ruamkit::features
