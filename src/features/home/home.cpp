#include "features/home/home.h"

#include "features/home/participation.h"

namespace ruamkit::features::home {

void install(Context& context) {
  // Capture the services, not `context`: it only lives while features install.
  context.router.get(
      "/", [&database = context.database, &views = context.views](http::Request& request) {
        const auto reference =
            database.read([](storage::Connection& c) { return load_participation_reference(c); });
        const auto& t = views.messages(request);
        web::ViewData data;
        web::ViewList levels;
        for (const auto& level : reference.levels) {
          web::ViewData item;
          item.set("code", level.code);
          item.set("rank", std::to_string(level.rank));
          item.set("name", t.text("levels." + level.code + ".name"));
          item.set("summary", t.text("levels." + level.code + ".summary"));
          item.set("example", t.text("levels." + level.code + ".example"));
          levels.push_back(item);
        }
        data.set("levels", levels);
        data.set("levels_count_text",
                 t.format("home.levels_count",
                          {{"count", static_cast<std::int64_t>(reference.levels.size())}}));
        web::ViewList stages;
        for (const auto& code : reference.stages) {
          web::ViewData item;
          item.set("code", code);
          item.set("name", t.text("stages." + code + ".name"));
          item.set("summary", t.text("stages." + code + ".summary"));
          stages.push_back(item);
        }
        data.set("stages", stages);
        return views.page(request, "home/index", t.text("home.title"), data);
      });
}

}  // namespace ruamkit::features::home
