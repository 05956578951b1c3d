// The component manifest. Every component (a participation tool such as
// hearings or feedback cases, or a platform area such as accounts) declares
// in its own folder, in one function returning a Component, everything the
// rest of Ruamkit needs to know about it. Central code (main, the CSRF check,
// the search page, demo data, "download my data" and account deletion, the
// OpenAPI document, the message catalogues, migrations) reads the manifests
// and keeps no lists of components. Adding a component is one folder under
// src/features/ and one line in registry.cpp.
//
// Besides the manifest, a component's folder may hold files found by name:
//   migrations/<YYYYMMDDHHMM>_<what>.sql  its schema changes (embedded at build
//                                       time, applied in global stamp order)
//   locales/<lang>.json                 its messages (merged into the catalogue)
//   templates/<area>/<name>.mustache    its pages ("<area>/<name>"; the shared
//                                       layout and forms stay in templates/)
//   openapi.json                        its paths and schemas under /api/v1
#pragma once

#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace ruamkit::web {
class Views;
}

namespace ruamkit::features {

struct Context;

// What every component may know about the installation (not the whole
// server configuration).
struct Site {
  std::string base_url;     // public address, for links in mail ("" in tools)
  std::string share_dir;    // templates/, locales/, static/, demo/, src/features/
  std::string uploads_dir;  // files kept outside the web root
  bool secure_cookies = false;
  bool dev_outbox = false;  // development: queued mail readable at /dev/outbox
};

// A setting a component reads: the command-line option --<option> and the
// environment variable RUAMKIT_<OPTION> (upper case, '-' as '_').
struct Setting {
  enum class Type { integer, text };
  std::string option;  // "hearing-min-days"
  std::string help;
  Type type = Type::integer;
  std::string default_value;      // "15"
  std::int64_t min = 0, max = 0;  // integers: the allowed range
};

// The values of one component's settings. Reading a setting the component did
// not declare is a programming error (std::logic_error).
class Settings {
 public:
  Settings() = default;
  // Takes the declared defaults.
  explicit Settings(const std::vector<Setting>& declared);

  std::int64_t integer(std::string_view option) const;
  const std::string& text(std::string_view option) const;
  // The stored text of `option` (for the command line to bind to). Throws
  // std::logic_error when undeclared.
  std::string& value(std::string_view option);

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// Whose personal data a request is about.
struct Person {
  std::int64_t user_id = 0;
  // Every address the person had mail sent to: the current one and any
  // pending new one.
  std::vector<std::string> emails;
};

// One kind of personal data a component holds, and how the person's PDPA
// rights are served: "download my data" (export) and account deletion
// (erase). `covers` names the columns ("table.column") that tie records to
// a person; every column referring to an account, and every column that
// looks like personal data (e-mail, phone, address, IP, user agent, contact),
// must be covered by some component, or be declared not personal with a
// reason (check_personal_data_coverage; a test fails otherwise).
struct PersonalData {
  std::string section;  // key in the download ("comments")
  std::vector<std::string> covers;
  // Returns the section's content; empty: not part of the download (say why
  // in `kept_because`).
  std::function<boost::json::value(storage::Connection&, const Person&)> export_data;
  // Removes or unlinks the person's records; empty: the records stay.
  std::function<void(storage::Connection&, const Person&)> erase;
  // Why records (or their link to the account) stay after deletion, or why
  // they are not exported. Required when either function is empty.
  std::string kept_because;
};

// A column that looks personal but is not a person's data.
struct NotPersonal {
  std::string column;  // "organisations.email"
  std::string because;
};

// One fact of participation an organisation can show for a fiscal year (the
// evidence the OPDC indicator is computed from): what happened, at which
// IAP2 level, how many times, and where the public can see it.
struct Evidence {
  std::string component;
  std::string kind;   // "hearing_held"
  std::string level;  // inform, consult, involve, collaborate, empower
  std::int64_t count = 0;
  std::string url;  // public page listing it ("" when none)
};

// A Thai fiscal year as the database compares it.
struct FiscalPeriod {
  int year_be = 0;                  // 2569: 1 Oct 2025 – 30 Sep 2026
  std::string first_day, last_day;  // "2025-10-01", "2026-09-30" (days in Thailand)
  std::string from_utc, until_utc;  // [from, until): the same year as stored timestamps
};

// Returns the period of fiscal year `year_be`.
FiscalPeriod fiscal_period(int year_be);

struct EvidenceSource {
  std::string kind;
  std::string level;
  // Counts the organisation's public records of this kind in the period.
  std::function<std::int64_t(storage::Connection&, std::int64_t organisation_id,
                             const FiscalPeriod&)>
      count;
  // The public page that lists it, from the organisation's slug and the
  // fiscal year (may be empty: no such page).
  std::function<std::string(const std::string& slug, int fiscal_year_be)> url;
};

// What a demo data set may read: the database, and the share directory with
// demo/ (texts that come with the source).
struct DemoContext {
  storage::Connection& connection;
  std::string share_dir;
};

struct DemoData {
  std::string name;  // "a public hearing"
  // Loads the set; returns the number of records written (0 when it was
  // already there). Must be idempotent.
  std::function<int(DemoContext&)> load;
  // What to tell whoever loaded it (e.g. the demo accounts); may be empty.
  std::function<std::string()> notes;
};

// What a background job may use.
struct JobContext {
  storage::Database& database;
  const web::Views& views;
  const Site& site;
  const Settings& settings;
  std::function<void()> wake_mail;  // nudges the mail sender (may be empty)
};

struct Job {
  std::string name;
  std::chrono::milliseconds interval;  // runs once at start, then every interval
  std::function<void(const JobContext&)> run;
};

struct Component {
  std::string name;  // its folder: src/features/<name>
  // Registers its routes (may be empty for components without pages).
  std::function<void(Context&)> install;
  std::vector<Setting> settings;
  std::vector<DemoData> demo_data;
  // Kinds of search entries it indexes; labels are "search.kinds.<kind>".
  std::vector<std::string> search_kinds;
  // Path prefixes that take large multipart bodies (uploads), within
  // --max-upload-bytes instead of --max-body-bytes.
  std::vector<std::string> upload_paths;
  // Path prefixes whose state-changing requests authenticate with something
  // other than the session (an API key), so a forged cross-site request
  // carries no authority and the CSRF token is not asked for.
  std::vector<std::string> csrf_exempt_paths;
  std::vector<PersonalData> personal_data;
  std::vector<NotPersonal> not_personal;
  std::vector<EvidenceSource> evidence;
  std::vector<Job> jobs;
};

}  // namespace ruamkit::features
