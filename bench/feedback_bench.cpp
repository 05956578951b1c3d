// Feedback at scale: fills a migrated, demo-seeded database with `count`
// cases of the Pollution Control Department (default 1,000,000; a mix of
// categories, statuses, assignees and due days over two years), times the
// officials' queue queries in the process (median and p99), and prints a
// session cookie of the department's demo official so that
// bench/feedback/run.sh can time the queue page over HTTP.
//
//   feedback_bench DATABASE [COUNT]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/day.h"
#include "core/fiscal_year.h"
#include "core/random.h"
#include "features/accounts/sessions.h"
#include "features/feedback/cases.h"
#include "storage/database.h"

namespace {

using namespace ruamkit;
using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

std::int64_t one(storage::Connection& c, const std::string& sql, const std::string& arg) {
  auto rows = c.query(sql, arg);
  if (!rows.next()) throw std::runtime_error("not found: " + arg);
  return rows.integer(0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: feedback_bench DATABASE [COUNT]\n";
    return 2;
  }
  const long count = argc > 2 ? std::stol(argv[2]) : 1'000'000;
  storage::Database db(argv[1], 2);
  std::int64_t organisation = 0, official = 0;
  std::vector<std::int64_t> categories;
  db.read([&](storage::Connection& c) {
    organisation = one(c, "SELECT id FROM organisations WHERE slug = ?", "pcd");
    official = one(c, "SELECT id FROM users WHERE email = ?", "pcd@demo.ruamkit.example");
    auto rows =
        c.query("SELECT id FROM feedback_categories WHERE organisation_id = ?", organisation);
    while (rows.next()) categories.push_back(rows.integer(0));
  });
  if (categories.empty()) throw std::runtime_error("no categories: run seed-demo first");

  const auto today = core::today_in_thailand();
  const auto started = Clock::now();
  static const char* const kStatuses[] = {"resolved",  "resolved", "resolved", "not_relevant",
                                          "forwarded", "received", "accepted", "in_progress",
                                          "resolved",  "resolved"};
  constexpr long kBatch = 50'000;
  for (long done = 0; done < count;) {
    db.write([&](storage::Connection& c) {
      for (long i = 0; i < kBatch && done < count; ++i, ++done) {
        const auto received =
            std::chrono::sys_days(today) - std::chrono::days(static_cast<int>(done % 730));
        const auto received_on = core::iso_date(std::chrono::year_month_day{received});
        const auto due_on =
            core::iso_date(std::chrono::year_month_day{received + std::chrono::days(15)});
        const std::string status = kStatuses[core::random_below(10)];
        const bool open = status == "received" || status == "accepted" || status == "in_progress";
        const auto at = received_on + "T03:00:00.000Z";
        const auto closed = core::iso_date(std::chrono::year_month_day{
                                received + std::chrono::days(core::random_below(40))}) +
                            "T09:00:00.000Z";
        c.execute(
            "INSERT INTO feedback_cases (organisation_id, category_id, tracking_code, "
            "description, address, status, stage, is_open, assignee_id, source, received_at, "
            "received_on, due_on, accepted_at, closed_at, updated_at) "
            "VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, 'web', ?, ?, ?, ?, ?, ?)",
            organisation, categories[static_cast<std::size_t>(done) % categories.size()],
            "BENCH-" + std::to_string(done), "เสียงดังจากไซต์ก่อสร้างตอนกลางคืน (ข้อมูลทดสอบ)", status,
            status == "in_progress" ? "working" : "", open ? 1 : 0,
            done % 3 == 0 ? std::optional<std::int64_t>(official) : std::nullopt, at, received_on,
            due_on, status == "received" ? std::optional<std::string>() : at,
            open ? std::optional<std::string>() : closed, at);
      }
    });
  }
  const double fill = std::chrono::duration<double>(Clock::now() - started).count();
  std::fprintf(stderr, "feedback: %ld cases written in %.1f s (%.0f cases/s, batches of %ld)\n",
               count, fill, static_cast<double>(count) / fill, kBatch);
  db.write([](storage::Connection& c) { c.exec("ANALYZE"); });

  // The queries behind the queue page: the first page and its count, for
  // the default view (open cases) and three filters.
  struct View {
    const char* name;
    features::feedback::QueueFilter filter;
  };
  features::feedback::QueueFilter base;
  base.organisation_id = organisation;
  base.today = core::iso_date(today);
  auto mine = base;
  mine.assignee_id = official;
  auto overdue = base;
  overdue.overdue_only = true;
  auto all = base;
  all.status = "all";
  all.offset = 500;
  for (const auto& view : {View{"open cases", base}, View{"assigned to me", mine},
                           View{"overdue", overdue}, View{"all, page 11", all}}) {
    std::vector<double> ms;
    std::int64_t total = 0;
    for (int i = 0; i < 60; ++i) {
      const auto t0 = Clock::now();
      db.read([&](storage::Connection& c) {
        total = features::feedback::queue_count(c, view.filter);
        (void)features::feedback::queue(c, view.filter);
      });
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::fprintf(stderr, "queue query (%s, %lld cases): median %.2f ms, p99 %.2f ms\n", view.name,
                 static_cast<long long>(total), percentile(ms, 0.5), percentile(ms, 0.99));
  }

  {
    std::vector<double> ms;
    for (int i = 0; i < 60; ++i) {
      const auto t0 = Clock::now();
      db.read([&](storage::Connection& c) {
        (void)features::feedback::workload(c, organisation, base.today);
      });
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::fprintf(stderr, "workload per official: median %.2f ms, p99 %.2f ms\n",
                 percentile(ms, 0.5), percentile(ms, 0.99));
  }

  // Sessions for the HTTP part: the department's official (the queue) and
  // a citizen (intake; anonymous reports are limited per network).
  const features::accounts::Sessions sessions(db, features::accounts::site_secret(db, "csrf_key"),
                                              features::accounts::SessionPolicy{});
  std::int64_t citizen = 0;
  db.read([&](storage::Connection& c) {
    citizen = one(c, "SELECT id FROM users WHERE email = ?", "citizen@demo.ruamkit.example");
  });
  for (const auto& [who, user_id] :
       {std::pair{"official", official}, std::pair{"citizen", citizen}}) {
    http::Request request;
    request.remote_address = "127.0.0.1";
    std::string cookies;
    for (const auto& cookie : sessions.start(request, user_id, "done")) {
      cookies += (cookies.empty() ? "" : "; ") + cookie.substr(0, cookie.find(';'));
    }
    std::cout << who << "=" << cookies << "\n";
  }
  std::cout << "organisation=" << organisation << "\n";
  return 0;
}
