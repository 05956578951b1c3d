// What a component receives when it is installed: where to register its
// routes and the shared services it may use. The Context object itself may
// live only while components install: handlers capture the services it
// refers to, or a copy of it (cheap: references and one function), never
// `&context`.
#pragma once

#include <functional>

#include "features/accounts/rules.h"
#include "features/accounts/sessions.h"
#include "features/component.h"
#include "http/router.h"
#include "storage/database.h"
#include "web/views.h"

namespace ruamkit::features {

class Registry;

struct Context {
  http::Router& router;
  storage::Database& database;
  const web::Views& views;
  const Site& site;
  // This component's own settings (declared in its manifest).
  const Settings& settings;
  const accounts::Sessions& sessions;
  const accounts::CommonPasswords& common_passwords;
  // Every component's manifest, for the features that serve all of them
  // (search kinds, personal data, evidence, the OpenAPI document).
  const Registry& registry;
  // Nudges the mail sender after mail was queued (may be empty).
  std::function<void()> wake_mail;
};

}  // namespace ruamkit::features
