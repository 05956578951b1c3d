#include "features/hearings/demo_data.h"

#include "core/fiscal_year.h"
#include "features/hearings/hearings.h"
#include "web/dates.h"

namespace ruamkit::features::hearings {

int load_demo_data(DemoContext& d) {
  auto& c = d.connection;
  auto rows = c.query(
      "SELECT s.id, (SELECT COUNT(*) FROM hearings h WHERE h.space_id = s.id) FROM spaces s "
      "JOIN organisations o ON o.id = s.organisation_id WHERE o.slug = 'pcd' AND s.kind = "
      "'process' ORDER BY s.id LIMIT 1");
  if (!rows.next() || rows.integer(1) > 0) return 0;
  const auto space_id = rows.integer(0);
  const auto id =
      create(c, space_id,
             {"ร่างประกาศจังหวัดเชียงใหม่ เรื่อง มาตรการควบคุมการเผาในที่โล่ง (สาธิต)", "regulation",
              "ร่างประกาศนี้กำหนดช่วงเวลาห้ามเผาในที่โล่ง ข้อยกเว้น และการแจ้งเหตุ เพื่อลดฝุ่นละออง PM2.5 "
              "ในฤดูแล้ง หน่วยงานจะสรุปความคิดเห็นทุกข้อ พร้อมคำชี้แจงและเหตุผล และเผยแพร่ร่างที่ปรับปรุง\n\n"
              "ข้อมูลนี้เป็นการรับฟังความคิดเห็นสาธิต",
              web::iso_day_from_today(-5), web::iso_day_from_today(25)},
             true, 0);
  const auto version = versions(c, id).front().id;
  add_section(c, version, "ข้อ 1 ช่วงเวลาห้ามเผา",
              "ห้ามเผาในที่โล่งทุกพื้นที่ของจังหวัดตั้งแต่วันที่ 1 มกราคม ถึงวันที่ 30 เมษายน ของทุกปี");
  add_section(c, version, "ข้อ 2 ข้อยกเว้น",
              "การเผาตามพิธีกรรมทางศาสนาและการควบคุมไฟป่าโดยเจ้าหน้าที่ ได้รับยกเว้น");
  add_section(c, version, "ข้อ 3 การแจ้งเหตุ", "ผู้พบเห็นการเผาแจ้งได้ที่ศูนย์ดำรงธรรมจังหวัด หรือผ่านร่วมคิด");
  publish(c, id);
  return 5;
}

}  // namespace ruamkit::features::hearings
