#include "features/feedback/notify.h"

#include "features/accounts/support.h"
#include "features/feedback/views.h"
#include "features/notifications/notifications.h"

namespace ruamkit::features::feedback {

void tell_reporters(storage::Connection& c, const web::Views& views, const std::string& base_url,
                    const Case& f, const std::string& note) {
  const auto& t = views.catalogue("th");
  const auto status = status_text(f, t);
  for (const auto& r : recipients(c, f.id)) {
    const auto path = "/feedback/track/" + r.tracking_code;
    if (r.user_id) {
      notifications::notify(c, views, base_url, {*r.user_id},
                            {"feedback_status",
                             notifications::Category::replies,
                             {{"code", r.tracking_code}, {"status", status}},
                             path});
      continue;
    }
    accounts::queue_mail(c, t, r.email, "feedback_status",
                         {{"code", r.tracking_code},
                          {"status", status},
                          {"note", note.empty() ? std::string("-") : note},
                          {"link", notifications::absolute_url(base_url, path)}});
  }
}

}  // namespace ruamkit::features::feedback
