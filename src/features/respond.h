// The shape of most state-changing handlers, written once: check and write
// in one write transaction; when the input is refused, answer with a page
// rendered afterwards in a read transaction, so the write lock is never held
// while a page renders; otherwise redirect (or answer) as the handler says.
#pragma once

#include <functional>
#include <optional>
#include <utility>

#include "http/message.h"
#include "storage/database.h"

namespace ruamkit::features {

// Renders a page from what the database holds.
using Render = std::function<http::Response(storage::Connection&)>;
// What a write returns: nothing when `done` answers (a redirect), or the page
// to answer with instead (refused input, or an outcome page).
using Reply = std::optional<Render>;

// Runs `work(Connection&) -> Reply` in a write transaction, which commits
// either way (what it wrote is kept: nothing when it refused, or a record
// that must count, such as a rate-limit entry; exceptions roll back as
// usual). When `work` returned a Render, returns it run in a read
// transaction after the write lock is released; otherwise returns `done()`.
// A Render captures by value what it needs from inside `work` (its locals
// are gone by then).
template <typename Work, typename Done>
http::Response write_then_respond(storage::Database& db, Work&& work, Done&& done) {
  Reply reply = db.write(std::forward<Work>(work));
  if (reply) return db.read(*reply);
  return std::forward<Done>(done)();
}

}  // namespace ruamkit::features
