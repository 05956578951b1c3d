#include "features/pages/demo_data.h"

#include <stdexcept>
#include <string>

#include "features/demo_pages.h"
#include "features/organisations/organisations.h"
#include "features/pages/pages.h"
#include "features/spaces/spaces.h"

namespace ruamkit::features::pages {
namespace {

std::int64_t organisation_id(storage::Connection& c, const std::string& slug) {
  const auto o = organisations::find_by_slug(c, slug);
  if (!o) throw std::runtime_error("demo data needs organisation " + slug);
  return o->id;
}

constexpr const char* kProcessTitle = "แผนปฏิบัติการแก้ไขปัญหาฝุ่นละออง PM2.5 จังหวัดเชียงใหม่";

}  // namespace

int load_demo_data(DemoContext& d) {
  auto& c = d.connection;
  const auto opdc = organisation_id(c, "opdc");
  Filter existing;
  existing.organisation_id = opdc;
  existing.drafts = true;
  existing.limit = 1;
  if (!list(c, existing).empty()) return 0;  // loaded before

  int written = 0;
  for (const auto& page : read_demo_pages(d.share_dir)) {
    Draft draft;
    draft.kind = page.kind;
    draft.organisation_id = opdc;
    draft.title = page.title;
    draft.body = page.body;
    if (!page.source_section.empty()) {
      draft.body += "\n\n*" + std::string("ที่มา: ") + page.source_section + "*";
    }
    draft.note = "นำเข้าจากเว็บไซต์สำนักงาน ก.พ.ร.";
    // The date the source states, at 09:00 in Thailand.
    if (!page.published_on.empty()) draft.published_at = page.published_on + "T02:00:00.000Z";
    create(c, draft, "published", std::nullopt);
    ++written;
  }

  // An announcement inside the demo process of the Pollution Control Department.
  const auto pcd = organisation_id(c, "pcd");
  spaces::Filter processes;
  processes.kind = "process";
  processes.organisation_id = pcd;
  processes.drafts = true;
  processes.limit = 100;
  for (const auto& s : spaces::list(c, processes)) {
    if (s.title != kProcessTitle) continue;
    Draft news;
    news.kind = "announcement";
    news.organisation_id = pcd;
    news.space_id = s.id;
    news.title = "เชิญร่วมเวทีรับฟังความคิดเห็น แผนแก้ไขปัญหาฝุ่นละออง PM2.5 จังหวัดเชียงใหม่";
    news.body =
        "กรมควบคุมมลพิษขอเชิญประชาชน เกษตรกร และเครือข่ายภาคประชาสังคมร่วมเวทีรับฟังความคิดเห็น"
        "ต่อร่างมาตรการลดการเผาในที่โล่ง ที่ว่าการอำเภอทุกอำเภอ และทางออนไลน์ผ่านร่วมคิด\n\n"
        "ข้อมูลนี้เป็นประกาศสาธิต";
    news.note = "ประกาศสาธิต";
    create(c, news, "published", std::nullopt);
    ++written;
  }
  return written;
}

}  // namespace ruamkit::features::pages
