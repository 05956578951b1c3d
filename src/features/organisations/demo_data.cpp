#include "features/organisations/demo_data.h"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/clock.h"
#include "core/security.h"
#include "features/organisations/organisations.h"

namespace ruamkit::features::organisations {
namespace {

struct DemoOrganisation {
  const char* slug;
  const char* parent;  // slug, or nullptr
  const char* kind;
  const char* name_th;
  const char* name_en;
  const char* website;
};

// Real agencies, so that a newcomer recognises the shape of government.
const std::vector<DemoOrganisation> kOrganisations = {
    {"opdc", nullptr, "oversight", "สำนักงานคณะกรรมการพัฒนาระบบราชการ",
     "Office of the Public Sector Development Commission", "https://www.opdc.go.th"},
    {"moi", nullptr, "ministry", "กระทรวงมหาดไทย", "Ministry of Interior", "https://www.moi.go.th"},
    {"dopa", "moi", "department", "กรมการปกครอง", "Department of Provincial Administration",
     "https://www.dopa.go.th"},
    {"dla", "moi", "department", "กรมส่งเสริมการปกครองท้องถิ่น", "Department of Local Administration",
     "https://www.dla.go.th"},
    {"moph", nullptr, "ministry", "กระทรวงสาธารณสุข", "Ministry of Public Health",
     "https://www.moph.go.th"},
    {"ddc", "moph", "department", "กรมควบคุมโรค", "Department of Disease Control",
     "https://ddc.moph.go.th"},
    {"mnre", nullptr, "ministry", "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม",
     "Ministry of Natural Resources and Environment", "https://www.mnre.go.th"},
    {"pcd", "mnre", "department", "กรมควบคุมมลพิษ", "Pollution Control Department",
     "https://www.pcd.go.th"},
    {"moe", nullptr, "ministry", "กระทรวงศึกษาธิการ", "Ministry of Education",
     "https://www.moe.go.th"},
    {"chiang-mai", nullptr, "province", "จังหวัดเชียงใหม่", "Chiang Mai Province",
     "https://www.chiangmai.go.th"},
    {"khon-kaen", nullptr, "province", "จังหวัดขอนแก่น", "Khon Kaen Province",
     "https://www.khonkaen.go.th"},
    {"songkhla", nullptr, "province", "จังหวัดสงขลา", "Songkhla Province",
     "https://www.songkhla.go.th"},
    {"phuket", nullptr, "province", "จังหวัดภูเก็ต", "Phuket Province", "https://www.phuket.go.th"},
    {"nakhon-ratchasima", nullptr, "province", "จังหวัดนครราชสีมา", "Nakhon Ratchasima Province",
     "https://www.koratprovince.go.th"},
    {"bma", nullptr, "local", "กรุงเทพมหานคร", "Bangkok Metropolitan Administration",
     "https://www.bangkok.go.th"},
    {"chiang-mai-city", "chiang-mai", "local", "เทศบาลนครเชียงใหม่", "Chiang Mai City Municipality",
     "https://www.cmcity.go.th"},
};

struct DemoPerson {
  const char* email;
  const char* name;
  bool platform_admin;
  bool evaluator;
  std::vector<std::pair<const char*, Role>> roles;  // organisation slug, role
};

const std::vector<DemoPerson> kPeople = {
    {"admin@demo.ruamkit.example", "ผู้ดูแลระบบ (สาธิต)", true, false, {}},
    {"opdc@demo.ruamkit.example",
     "เจ้าหน้าที่ ก.พ.ร. (สาธิต)",
     false,
     false,
     {{"opdc", Role::admin}, {"opdc", Role::official}}},
    {"pcd@demo.ruamkit.example",
     "เจ้าหน้าที่กรมควบคุมมลพิษ (สาธิต)",
     false,
     false,
     {{"pcd", Role::official}}},
    {"chiangmai@demo.ruamkit.example",
     "เจ้าหน้าที่จังหวัดเชียงใหม่ (สาธิต)",
     false,
     false,
     {{"chiang-mai", Role::admin}, {"chiang-mai", Role::official}}},
    {"moderator@demo.ruamkit.example",
     "ผู้ดูแลเนื้อหา กทม. (สาธิต)",
     false,
     false,
     {{"bma", Role::moderator}}},
    {"evaluator@demo.ruamkit.example", "ผู้ประเมิน (สาธิต)", false, true, {}},
    {"citizen@demo.ruamkit.example", "สมศรี พลเมืองดี (สาธิต)", false, false, {}},
};

}  // namespace

int load_demo_data(storage::Connection& c) {
  // The demo password is public: never add these people to a database that
  // already holds real accounts (a demo database may gain some later).
  auto demo = c.query("SELECT COUNT(*) FROM users WHERE email LIKE '%@demo.ruamkit.example'");
  demo.next();
  auto real = c.query(
      "SELECT COUNT(*) FROM users WHERE email IS NOT NULL AND email NOT LIKE "
      "'%@demo.ruamkit.example'");
  real.next();
  if (demo.integer(0) == 0 && real.integer(0) > 0) {
    throw std::runtime_error(
        "this database has real accounts; demo data (with a public password) is not loaded into "
        "it");
  }
  int written = 0;
  std::map<std::string, std::int64_t> ids;
  for (const auto& d : kOrganisations) {
    auto existing = c.query("SELECT id FROM organisations WHERE slug = ?", d.slug);
    if (existing.next()) {
      ids[d.slug] = existing.integer(0);
      continue;
    }
    Organisation o;
    o.slug = d.slug;
    o.kind = d.kind;
    o.name_th = d.name_th;
    o.name_en = d.name_en;
    o.website = d.website;
    if (d.parent) o.parent_id = ids.at(d.parent);
    if (std::string(d.slug) == "opdc") {
      o.mission =
          "ส่งเสริมและพัฒนาระบบราชการให้เป็นระบบเปิด ประชาชนมีส่วนร่วมในการวางแผน การตัดสินใจ "
          "การดำเนินงาน และการประเมินผลงานของรัฐ";
      o.participation_channels = "สายด่วน 1785\n\nเวทีรับฟังความคิดเห็นและแบบสำรวจออนไลน์บนร่วมคิด";
      o.phone = "02 356 9999";
      o.address = "59/1 ถนนพิษณุโลก แขวงดุสิต เขตดุสิต กรุงเทพฯ 10300";
    }
    ids[d.slug] = create(c, o);
    ++written;
  }
  const auto now = core::iso_timestamp(core::Clock::now());
  std::optional<std::string> hash;
  for (const auto& p : kPeople) {
    auto existing = c.query("SELECT id FROM users WHERE email = ?", p.email);
    std::int64_t user_id;
    if (existing.next()) {
      user_id = existing.integer(0);
    } else {
      if (!hash) hash = core::hash_password(kDemoPassword);
      c.execute(
          "INSERT INTO users (email, display_name, password_hash, email_verified_at, "
          "is_platform_admin, is_evaluator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          p.email, p.name, *hash, now, p.platform_admin ? 1 : 0, p.evaluator ? 1 : 0, now);
      user_id = c.last_insert_id();
      ++written;
    }
    for (const auto& [slug, role] : p.roles) {
      if (grant(c, user_id, ids.at(slug), role, 0)) ++written;
    }
  }
  return written;
}

std::string demo_accounts_summary() {
  std::string out = "Demo accounts (password for all: \"" + std::string(kDemoPassword) + "\"):\n";
  for (const auto& p : kPeople) {
    out += "  " + std::string(p.email);
    if (p.platform_admin) out += "  platform admin (sets up two-factor at first log-in)";
    if (p.evaluator) out += "  evaluator";
    for (const auto& [slug, role] : p.roles)
      out += "  " + std::string(role_name(role)) + "@" + slug;
    if (!p.platform_admin && !p.evaluator && p.roles.empty()) out += "  citizen";
    if (!p.platform_admin && std::any_of(p.roles.begin(), p.roles.end(), [](const auto& r) {
          return r.second == Role::official || r.second == Role::admin;
        })) {
      out += "  (sets up two-factor at first log-in)";
    }
    out += "\n";
  }
  return out;
}

}  // namespace ruamkit::features::organisations
