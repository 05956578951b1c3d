#include "features/consultation/dated.h"

namespace ruamkit::features::consultation {

void mark_close_announced(storage::Connection& c, const Table& t, std::int64_t id) {
  c.execute(std::string("UPDATE ") + t.name + " SET closed_notified_at = ? WHERE id = ?",
            core::iso_timestamp(core::Clock::now()), id);
}

void publish(storage::Connection& c, const Table& t, std::int64_t id) {
  const auto at = core::iso_timestamp(core::Clock::now());
  c.execute(std::string("UPDATE ") + t.name +
                " SET status = 'published', published_at = COALESCE(published_at, ?), "
                "updated_at = ? WHERE id = ?",
            at, at, id);
}

}  // namespace ruamkit::features::consultation
