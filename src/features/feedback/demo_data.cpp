#include "features/feedback/demo_data.h"

#include "core/clock.h"
#include "core/fiscal_year.h"
#include "features/feedback/cases.h"
#include "features/feedback/handlers.h"
#include "features/feedback/plan.h"

namespace ruamkit::features::feedback {
namespace {

struct DemoCategory {
  const char* organisation;
  const char* code;
  const char* name_th;
  const char* name_en;
  int target_days;
};

const DemoCategory kCategories[] = {
    {"pcd", "pcd-noise", "เสียงดังรบกวน", "Noise", 15},
    {"pcd", "pcd-smoke", "ฝุ่นควันและการเผาในที่โล่ง", "Smoke and open burning", 7},
    {"pcd", "pcd-wastewater", "น้ำเสียจากโรงงานหรืออาคาร", "Wastewater", 30},
    {"bma", "bma-flood", "น้ำท่วมขัง", "Flooding", 7},
    {"bma", "bma-footpath", "ทางเท้าชำรุด", "Broken footpath", 30},
    {"chiang-mai", "cm-haze", "หมอกควันไฟป่า", "Forest-fire haze", 7},
    {"opdc", "opdc-service", "ข้อเสนอแนะต่อการให้บริการภาครัฐ", "Public service suggestions", 30},
};

std::optional<std::int64_t> id_of(storage::Connection& c, const char* sql, const char* key) {
  auto rows = c.query(sql, std::string(key));
  if (!rows.next()) return std::nullopt;
  return rows.integer(0);
}

}  // namespace

int load_demo_data(DemoContext& d) {
  auto& c = d.connection;
  if (id_of(c, "SELECT id FROM feedback_categories WHERE code = ?", "pcd-noise")) return 0;
  int written = 0;
  for (const auto& k : kCategories) {
    const auto organisation =
        id_of(c, "SELECT id FROM organisations WHERE slug = ?", k.organisation);
    if (!organisation) continue;
    Category category;
    category.organisation_id = *organisation;
    category.code = k.code;
    category.name_th = k.name_th;
    category.name_en = k.name_en;
    category.target_days = k.target_days;
    if (save_category(c, category)) ++written;
  }
  const auto noise = find_category_by_code(c, "pcd-noise");
  const auto smoke = find_category_by_code(c, "pcd-smoke");
  const auto official =
      id_of(c, "SELECT id FROM users WHERE email = ?", "pcd@demo.ruamkit.example");
  if (!noise || !smoke || !official) return written;
  // The department's demo official handles its cases (and so sees who reported).
  if (grant_handler(c, noise->organisation_id, *official, std::nullopt, std::nullopt)) ++written;

  auto report = [&](const Category& k, const char* text, const char* place,
                    std::optional<double> lat, std::optional<double> lon) {
    NewCase n;
    n.category_id = k.id;
    n.report.description = text;
    n.report.address = place;
    n.report.lat = lat;
    n.report.lon = lon;
    ++written;
    return create(c, n);
  };
  report(*noise, "มีเสียงเครื่องจักรจากไซต์ก่อสร้างดังเกือบทั้งคืนตั้งแต่สัปดาห์ที่แล้ว เด็กในบ้านนอนไม่หลับ (ตัวอย่าง)",
         "ซอยลาดพร้าว 71 เขตวังทองหลาง กรุงเทพฯ", 13.7946, 100.6018);
  const auto accepted =
      report(*smoke, "มีการเผาขยะในที่ดินว่างทุกเย็น ควันเข้าบ้านและโรงเรียนใกล้เคียง (ตัวอย่าง)",
             "ถนนนวมินทร์ เขตบึงกุ่ม กรุงเทพฯ", std::nullopt, std::nullopt);
  change_status(c, accepted, Status::accepted, "", "รับเรื่องแล้ว จะส่งเจ้าหน้าที่ลงพื้นที่ตรวจสอบ", *official);
  assign(c, accepted, official, *official);
  const auto working = report(*noise, "ร้านคาราโอเกะเปิดเพลงเสียงดังเกินเวลา 24.00 น. เกือบทุกวัน (ตัวอย่าง)",
                              "ถนนนิมมานเหมินท์ เชียงใหม่", 18.7993, 98.9676);
  change_status(c, working, Status::accepted, "", "", *official);
  change_status(c, working, Status::in_progress, "studying",
                "ประสานสำนักงานสิ่งแวดล้อมภาคที่ 1 เพื่อตรวจวัดระดับเสียง", *official);
  const auto done = report(*smoke, "รถบรรทุกปล่อยควันดำหน้าโรงงานทุกเช้า (ตัวอย่าง)",
                           "นิคมอุตสาหกรรมบางปู สมุทรปราการ", 13.5220, 100.6520);
  change_status(c, done, Status::accepted, "", "", *official);
  change_status(c, done, Status::resolved, "",
                "ตรวจวัดควันดำแล้ว 12 คัน สั่งห้ามใช้ 3 คันจนกว่าจะแก้ไข และแจ้งผู้ประกอบการให้ตรวจสภาพรถทุกเดือน",
                *official);
  rate(c, done, 4, "แก้ไขเร็ว ขอบคุณครับ");

  const auto pcd = noise->organisation_id;
  PlanItem item;
  item.organisation_id = pcd;
  item.fiscal_year = core::fiscal_year_be(core::today_in_thailand());
  item.title = "ตรวจวัดเสียงจากไซต์ก่อสร้างในเวลากลางคืน (ตัวอย่าง)";
  item.finding = "เรื่องเสียงดังจากการก่อสร้างเวลากลางคืนเป็นเรื่องที่แจ้งมากที่สุดในไตรมาสแรก";
  item.action = "ออกตรวจวัดระดับเสียงร่วมกับสำนักงานเขตทุกสัปดาห์ และเผยแพร่ผลการตรวจวัดในหน้าเว็บของกรม";
  item.owner_id = official;
  item.status = "in_progress";
  save_plan_item(c, item);
  return written + 1;
}

}  // namespace ruamkit::features::feedback
