#include "features/surveys/demo_data.h"

#include "core/fiscal_year.h"
#include "features/surveys/surveys.h"
#include "web/dates.h"

namespace ruamkit::features::surveys {

int load_demo_data(DemoContext& d) {
  auto& c = d.connection;
  auto rows = c.query(
      "SELECT s.id, (SELECT COUNT(*) FROM surveys v WHERE v.space_id = s.id) FROM spaces s "
      "JOIN organisations o ON o.id = s.organisation_id WHERE o.slug = 'pcd' AND s.kind = "
      "'process' ORDER BY s.id LIMIT 1");
  if (!rows.next() || rows.integer(1) > 0) return 0;
  const auto space_id = rows.integer(0);
  const auto id = create(c, space_id,
                         {"แบบสำรวจความคิดเห็นต่อมาตรการลดฝุ่นละออง PM2.5 (สาธิต)",
                          "ใช้เวลาประมาณ 3 นาที คำตอบของคุณช่วยให้เลือกมาตรการที่ได้ผลและเป็นธรรม\n\n"
                          "ข้อมูลนี้เป็นแบบสำรวจสาธิต",
                          web::iso_day_from_today(-3), web::iso_day_from_today(27), true},
                         0);
  Question q;
  q.section = "ผลกระทบต่อคุณ";
  q.kind = "scale";
  q.prompt = "ฝุ่นละอองในฤดูแล้งกระทบชีวิตประจำวันของคุณมากเพียงใด";
  q.required = true;
  q.scale_min = 1;
  q.scale_max = 5;
  q.scale_min_label = "น้อยมาก";
  q.scale_max_label = "มากที่สุด";
  add_question(c, id, q);
  q = {};
  q.kind = "single";
  q.prompt = "คุณประกอบอาชีพใด";
  q.options = {"เกษตรกร",  "ลูกจ้างหรือพนักงาน", "ค้าขายหรือธุรกิจส่วนตัว",
               "ข้าราชการ", "นักเรียนนักศึกษา",   "อื่น ๆ"};
  add_question(c, id, q);
  q = {};
  q.section = "มาตรการ";
  q.kind = "multiple";
  q.prompt = "มาตรการใดที่คุณเห็นว่าควรทำก่อน (เลือกได้หลายข้อ)";
  q.required = true;
  q.options = {"ห้ามเผาในที่โล่งตลอดฤดูแล้ง", "สนับสนุนเครื่องจักรไถกลบแทนการเผา", "ระบบแจ้งเหตุการเผาผ่านโทรศัพท์",
               "ตรวจควันดำรถยนต์", "เพิ่มพื้นที่สีเขียวในเมือง"};
  add_question(c, id, q);
  q = {};
  q.kind = "long";
  q.prompt = "ข้อเสนอแนะเพิ่มเติม";
  add_question(c, id, q);
  publish(c, id);
  return 5;
}

}  // namespace ruamkit::features::surveys
