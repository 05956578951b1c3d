#include "features/spaces/demo_data.h"

#include <stdexcept>
#include <string>

#include "core/fiscal_year.h"
#include "features/demo_pages.h"
#include "features/spaces/spaces.h"
#include "web/dates.h"

namespace ruamkit::features::spaces {
namespace {

std::int64_t organisation_id(storage::Connection& c, const std::string& slug) {
  auto rows = c.query("SELECT id FROM organisations WHERE slug = ?", slug);
  if (!rows.next()) throw std::runtime_error("demo data needs organisation " + slug);
  return rows.integer(0);
}

}  // namespace

int load_demo_data(DemoContext& d) {
  auto& c = d.connection;
  const auto opdc = organisation_id(c, "opdc");
  {
    Filter f;
    f.kind = "committee";
    f.organisation_id = opdc;
    f.drafts = true;
    if (count(c, f) > 0) return 0;  // loaded before
  }
  // The news item about the subcommittee's meeting gives its minutes.
  std::string minutes;
  for (const auto& page : read_demo_pages(d.share_dir)) {
    if (page.kind == "announcement") minutes = page.body;
  }
  int written = 0;

  // The subcommittee whose meeting the news item reports (seed 003).
  SpaceFields committee{
      "committee",
      "คณะอนุกรรมการพัฒนาระบบราชการเกี่ยวกับการพัฒนาและส่งเสริมการบริหารราชการแบบมีส่วนร่วม",
      "คณะอนุกรรมการภายใต้ ก.พ.ร. ที่ติดตามและส่งเสริมการเปิดให้ประชาชนมีส่วนร่วมในการบริหารราชการ "
      "รวมทั้งการเตรียมความพร้อมของประเทศไทยในการเข้าร่วมภาครัฐระบบเปิด (OGP)",
      "คณะอนุกรรมการประกอบด้วยผู้แทนภาครัฐ ภาควิชาการ และภาคประชาสังคม "
      "พิจารณาแนวทางการส่งเสริมการมีส่วนร่วม ติดตามผลการดำเนินงานของส่วนราชการ "
      "และเสนอความเห็นต่อคณะกรรมการพัฒนาระบบราชการ (ก.พ.ร.)\n\n"
      "รายชื่อกรรมการนอกจากประธานเป็นข้อมูลสาธิต",
      "national",
      "",
      "collaborate",
      {"planning", "evaluation"},
      {"public_administration"}};
  const auto committee_id = create(c, opdc, committee, 0);
  add_member(c, {0, committee_id, "ประธานอนุกรรมการ (สาธิต)", "ผู้ทรงคุณวุฒิ", "academic", "chair",
                 "2019-10-01", ""});
  add_member(c, {0, committee_id, "ผู้แทนเครือข่ายภาคประชาสังคม (สาธิต)", "เครือข่ายภาคประชาชน (สาธิต)",
                 "civil_society", "member", "2019-10-01", ""});
  add_member(c, {0, committee_id, "ผู้แทนภาคเอกชน (สาธิต)", "ภาคเอกชน (สาธิต)", "private", "member",
                 "2019-10-01", ""});
  add_member(c, {0, committee_id, "ผู้แทนสื่อมวลชน (สาธิต)", "สื่อมวลชน (สาธิต)", "media", "member",
                 "2019-10-01", ""});
  add_member(c, {0, committee_id, "ผู้แทนสำนักงาน ก.พ.ร. (สาธิต)", "สำนักงาน ก.พ.ร.", "government",
                 "secretary", "2019-10-01", ""});
  add_meeting(c, {0, committee_id, "การประชุมครั้งที่ 2/2563", "2020-02-25",
                  "ห้องประชุมฝ่ายบริหาร ชั้น 5 สำนักงาน ก.พ.ร.",
                  "1. การส่งเสริมการมีส่วนร่วมเพื่อพัฒนาภาครัฐระบบเปิด (OGP)\n"
                  "2. การติดตามสถานการณ์การดำเนินงานด้านการมีส่วนร่วมของส่วนราชการ\n"
                  "3. เรื่องอื่น ๆ",
                  minutes});
  set_status(c, committee_id, "published");
  written += 7;

  // A provincial process with phases around today, so one is current.
  const auto pcd = organisation_id(c, "pcd");
  SpaceFields process{
      "process",
      "แผนปฏิบัติการแก้ไขปัญหาฝุ่นละออง PM2.5 จังหวัดเชียงใหม่",
      "ร่วมกำหนดมาตรการลดการเผาในที่โล่งและฝุ่นควันข้ามพรมแดน ก่อนฤดูหมอกควันปีหน้า "
      "ผู้ได้รับผลกระทบคือประชาชนทุกคนในจังหวัดเชียงใหม่ โดยเฉพาะเกษตรกรและผู้ป่วยโรคทางเดินหายใจ",
      "## ทำไมจึงเปิดให้ร่วม\n\n"
      "ฝุ่นละออง PM2.5 ในฤดูแล้งส่งผลต่อสุขภาพของประชาชนทั้งจังหวัด มาตรการที่ได้ผลต้องอาศัย"
      "ความร่วมมือของเกษตรกร ชุมชน ภาคเอกชน และหน่วยงานท้องถิ่น กรมควบคุมมลพิษจึงเปิดให้"
      "ทุกฝ่ายร่วมวางแผนตั้งแต่ต้น\n\n"
      "## สิ่งที่จะนำไปใช้\n\n"
      "- ข้อมูลจุดความร้อนและคุณภาพอากาศย้อนหลัง 5 ปี\n"
      "- ความคิดเห็นจากเวทีรับฟังในทุกอำเภอ\n"
      "- ข้อเสนอของเครือข่ายภาคประชาสังคมด้านสิ่งแวดล้อม\n\n"
      "ข้อมูลนี้เป็นกระบวนการสาธิต",
      "province",
      "TH-50",
      "involve",
      {"planning", "decision"},
      {"environment", "health", "agriculture"}};
  const auto process_id = create(c, pcd, process, 0);
  add_phase(c, {0, process_id, "เผยแพร่ข้อมูลสถานการณ์", "ข้อมูลคุณภาพอากาศ จุดความร้อน และสาเหตุหลัก",
                web::iso_day_from_today(-40), web::iso_day_from_today(-11)});
  add_phase(c, {0, process_id, "รับฟังความคิดเห็น", "เวทีในทุกอำเภอและการรับฟังทางออนไลน์",
                web::iso_day_from_today(-10), web::iso_day_from_today(20)});
  add_phase(c, {0, process_id, "ร่วมพิจารณามาตรการ", "คณะทำงานร่วมภาครัฐและภาคประชาชนสรุปมาตรการ",
                web::iso_day_from_today(21), web::iso_day_from_today(50)});
  add_phase(c, {0, process_id, "ติดตามผล", "รายงานผลการดำเนินงานต่อสาธารณะทุกเดือนในฤดูหมอกควัน",
                web::iso_day_from_today(51), web::iso_day_from_today(230)});
  set_status(c, process_id, "published");
  written += 5;
  return written;
}

}  // namespace ruamkit::features::spaces
