#include "features/dev_outbox/dev_outbox.h"

#include "http/error.h"
#include "http/proxy.h"
#include "mail/outbox.h"

namespace ruamkit::features::dev_outbox {

void install(Context& context) {
  if (!context.site.dev_outbox) return;
  context.router.get(
      "/dev/outbox", [&db = context.database, &views = context.views](http::Request& request) {
        // Only for the developer at this machine.
        if (!http::is_loopback(request.remote_address)) throw http::HttpError(404, "no_route");
        const auto mails = db.read([](storage::Connection& c) { return mail::recent_mail(c, 50); });
        web::ViewList list;
        for (const auto& m : mails) {
          web::ViewData item;
          item.set("id", std::to_string(m.id));
          item.set("to", m.to);
          item.set("subject", m.subject);
          item.set("body", m.body_text);
          item.set("created_at", m.created_at);
          item.set("sent", m.sent_at.has_value());
          list.push_back(item);
        }
        web::ViewData data;
        data.set("mails", list);
        data.set("empty", mails.empty());
        return views.page(request, "dev/outbox", views.messages(request).text("dev.outbox_heading"),
                          data);
      });
}

}  // namespace ruamkit::features::dev_outbox
