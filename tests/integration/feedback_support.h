// Shared by the integration tests of feedback cases (feedback_test.cpp) and
// Open311 (open311_test.cpp): on top of consult_support.h, reports filed
// through the public intake form (multipart, with photos), the officials'
// case actions, new officials with their two-factor enrolment, Open311 API
// keys issued through /admin/open311, small JPEG files built byte by byte
// (with an EXIF segment carrying GPS), JSON, CSV and the parts of a page.
#pragma once

#include <stdio.h>

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/fiscal_year.h"
#include "core/totp.h"
#include "integration/consult_support.h"

namespace ruamkit::testing::feedback {

using namespace ruamkit::testing::consult;  // NOLINT: the shared fixture and helpers

namespace json = boost::json;

constexpr const char* kOpdc = "opdc@demo.ruamkit.example";  // admin and official of OPDC

// ---------------------------------------------------------------------------
// JPEG files, byte by byte.

inline std::string be16(unsigned value) {
  return {static_cast<char>((value >> 8) & 0xFF), static_cast<char>(value & 0xFF)};
}

inline std::string be32(std::uint32_t value) { return be16(value >> 16) + be16(value & 0xFFFF); }

// A marker segment: FF, `marker`, the length (payload + 2), the payload.
inline std::string jpeg_segment(unsigned char marker, const std::string& payload) {
  return std::string("\xFF") + static_cast<char>(marker) +
         be16(static_cast<unsigned>(payload.size() + 2)) + payload;
}

// Start of image and the JFIF APP0 segment.
inline std::string jpeg_head() {
  return std::string("\xFF\xD8", 2) +
         jpeg_segment(0xE0, std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14));
}

// The rest of a 1×1 grey baseline JPEG after the head: a quantisation
// table, the frame, one-code Huffman tables (DC category 0, AC end of
// block), the scan (bits 0 and 0, padded with ones) and end of image.
// `marker` is written into a comment-free spot (the quantisation values) so
// two files differ.
inline std::string jpeg_body(unsigned char marker = 1) {
  std::string out;
  out += jpeg_segment(0xDB, std::string(1, '\0') + std::string(64, static_cast<char>(marker)));
  out += jpeg_segment(0xC0, std::string("\x08\0\x01\0\x01\x01\x01\x11\0", 9));
  std::string dc("\x00\x01", 2);
  dc += std::string(15, '\0');
  dc += '\0';
  out += jpeg_segment(0xC4, dc);
  std::string ac("\x10\x01", 2);
  ac += std::string(15, '\0');
  ac += '\0';
  out += jpeg_segment(0xC4, ac);
  out += jpeg_segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6));
  out += "\x3F";
  out += "\xFF\xD9";
  return out;
}

// An EXIF APP1 segment as a phone camera writes it: IFD0 with the camera's
// make ("RuamkitCam") and a GPS IFD putting the photo at 13°45'N 100°30'E.
inline std::string exif_gps_segment() {
  auto entry = [](unsigned tag, unsigned type, std::uint32_t count, const std::string& value) {
    std::string v = value;
    v.resize(4, '\0');
    return be16(tag) + be16(type) + be32(count) + v;
  };
  auto rational = [](std::uint32_t n, std::uint32_t d) { return be32(n) + be32(d); };
  // Offsets from the start of the TIFF header.
  constexpr std::uint32_t kIfd0 = 8;                    // 2 entries: 2 + 24 + 4 = 30 bytes
  constexpr std::uint32_t kMake = kIfd0 + 30;           // "RuamkitCam\0", 11 bytes (+1 pad)
  constexpr std::uint32_t kGps = kMake + 12;            // 4 entries: 2 + 48 + 4 = 54 bytes
  constexpr std::uint32_t kLatitude = kGps + 54;        // 3 rationals
  constexpr std::uint32_t kLongitude = kLatitude + 24;  // 3 rationals
  std::string tiff = std::string("MM\0\x2A", 4) + be32(kIfd0);
  tiff += be16(2);
  tiff += entry(0x010F, 2, 11, be32(kMake));  // Make, ASCII
  tiff += entry(0x8825, 4, 1, be32(kGps));    // GPSInfo IFD pointer
  tiff += be32(0);
  tiff += std::string("RuamkitCam\0\0", 12);
  tiff += be16(4);
  tiff += entry(0x0001, 2, 2, std::string("N", 1));  // GPSLatitudeRef
  tiff += entry(0x0002, 5, 3, be32(kLatitude));      // GPSLatitude
  tiff += entry(0x0003, 2, 2, std::string("E", 1));  // GPSLongitudeRef
  tiff += entry(0x0004, 5, 3, be32(kLongitude));     // GPSLongitude
  tiff += be32(0);
  tiff += rational(13, 1) + rational(45, 1) + rational(0, 1);
  tiff += rational(100, 1) + rational(30, 1) + rational(0, 1);
  return jpeg_segment(0xE1, std::string("Exif\0\0", 6) + tiff);
}

// A photo straight from a phone: JFIF, then EXIF with the place it was taken.
inline std::string jpeg_with_gps(unsigned char marker = 1) {
  return jpeg_head() + exif_gps_segment() + jpeg_body(marker);
}

// The same photo as it must be kept: byte for byte, without the EXIF segment.
inline std::string jpeg_without_exif(unsigned char marker = 1) {
  return jpeg_head() + jpeg_body(marker);
}

// A PNG chunk: length, type, data, CRC of type and data.
inline std::string png_chunk(const std::string& type, const std::string& data) {
  return be32(static_cast<std::uint32_t>(data.size())) + type + data +
         be32(inform::crc32(type + data));
}

// A 1×1 grey PNG; `metadata` chunks go between the header and the image data.
inline std::string png_image(const std::string& metadata = "") {
  const std::string header("\0\0\0\x01\0\0\0\x01\x08\0\0\0\0", 13);
  // zlib, one stored block holding the filter byte and the pixel, Adler-32.
  const std::string pixels("\x78\x01\x01\x02\x00\xFD\xFF\x00\x00\x00\x02\x00\x01", 13);
  return std::string("\x89PNG\r\n\x1A\n", 8) + png_chunk("IHDR", header) + metadata +
         png_chunk("IDAT", pixels) + png_chunk("IEND", "");
}

// Metadata a PNG may carry: EXIF (with the camera's make) and text.
inline std::string png_metadata() {
  return png_chunk("eXIf", std::string("MM\0\x2A\0\0\0\x08", 8) + "RuamkitCam") +
         png_chunk("tEXt", std::string("Comment\0", 8) + "GPS 13.7563,100.5018") +
         png_chunk("tIME", std::string("\x07\xEA\x0C\x01\x0A\x1E\x00", 7));
}

inline UploadFile photo_upload(const std::string& content, const std::string& name = "IMG_0001.jpg",
                               const std::string& type = "image/jpeg") {
  return {"photo", name, type, content};
}

// ---------------------------------------------------------------------------
// Pages, JSON and CSV.

// The <main> element of a page (without the layout's header and footer).
inline std::string main_of(const std::string& html) {
  const auto start = html.find("<main");
  const auto end = html.find("</main>");
  if (start == std::string::npos || end == std::string::npos) return html;
  return html.substr(start, end - start);
}

// The tracking code in a redirect to "/feedback/track/RK-…?notice=…".
inline std::string code_in_location(const HttpResponse& r) {
  return find(r.header("location").value_or(""),
              R"re(^/feedback/track/(RK-[0-9A-Z]{5}-[0-9A-Z]{5}))re");
}

inline json::value parse_json(const HttpResponse& r) {
  try {
    return json::parse(r.body);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not JSON (" << e.what() << "): " << r.body.substr(0, 500);
    return nullptr;
  }
}

inline std::string str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : "(not a string: " + json::serialize(v) + ")";
}

// Runs `command` through the shell; returns what it printed on stdout.
inline std::string shell(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  std::array<char, 4096> chunk;
  while (const auto n = fread(chunk.data(), 1, chunk.size(), pipe)) out.append(chunk.data(), n);
  pclose(pipe);
  return out;
}

// A stored timestamp `days` days before now (as the product writes them).
inline std::string days_ago(int days) {
  return core::iso_timestamp(core::Clock::now() - std::chrono::days(days));
}

// The fiscal year (Buddhist Era) of today in Thailand.
inline int this_fiscal_year() {
  return core::fiscal_year_be(core::today_in_thailand(std::chrono::system_clock::now()));
}

// ---------------------------------------------------------------------------
// The fixture.

struct Filed {
  std::int64_t id = 0;
  std::string code;  // the tracking code
};

class FeedbackTest : public ConsultTest {
 protected:
  explicit FeedbackTest(std::vector<std::string> extra_args = {})
      : ConsultTest(std::move(extra_args)) {}

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(server.port()); }

  std::int64_t category(const std::string& code) {
    return integer("SELECT id FROM feedback_categories WHERE code = ?", code);
  }

  std::string slug_of_category(const std::string& code) {
    return text(
        "SELECT o.slug FROM feedback_categories k JOIN organisations o ON o.id = k.organisation_id "
        "WHERE k.code = ?",
        code);
  }

  // The intake form's fields for a report in category `code`, plus `extra`.
  FormFields report_fields(const std::string& code, const std::string& description,
                           const FormFields& extra = {}) {
    FormFields f{{"organisation", slug_of_category(code)},
                 {"category", std::to_string(category(code))},
                 {"description", description}};
    f.insert(f.end(), extra.begin(), extra.end());
    return f;
  }

  // Opens the organisation's form (for its token) and sends the report.
  HttpResponse send_report(Browser& b, const FormFields& fields,
                           const std::vector<UploadFile>& files = {}) {
    std::string slug;
    for (const auto& [k, v] : fields) {
      if (k == "organisation") slug = v;
    }
    b.get("/organisations/" + slug + "/feedback");
    return b.post_multipart("/feedback/reports", fields, files);
  }

  // A report that must be accepted; returns its id and tracking code.
  Filed file_report(Browser& b, const std::string& code, const std::string& description,
                    const FormFields& extra = {}, const std::vector<UploadFile>& files = {}) {
    const auto r = send_report(b, report_fields(code, description, extra), files);
    EXPECT_EQ(r.status, 303) << main_of(r.body).substr(0, 3000);
    Filed filed;
    filed.code = code_in_location(r);
    EXPECT_FALSE(filed.code.empty()) << r.header("location").value_or("(no location)");
    if (filed.code.empty()) return filed;
    filed.id = integer("SELECT id FROM feedback_cases WHERE tracking_code = ?", filed.code);
    return filed;
  }

  // A report by a visitor who is not signed in.
  Filed file_anonymous(const std::string& code, const std::string& description,
                       const FormFields& extra = {}, const std::vector<UploadFile>& files = {}) {
    Browser visitor(server.port());
    return file_report(visitor, code, description, extra, files);
  }

  std::string status_of(std::int64_t id) {
    return text("SELECT status FROM feedback_cases WHERE id = ?", id);
  }
  std::int64_t cases_total() { return integer("SELECT COUNT(*) FROM feedback_cases"); }
  std::int64_t events_of(std::int64_t id) {
    return integer("SELECT COUNT(*) FROM feedback_events WHERE case_id = ?", id);
  }

  static std::string case_url(std::int64_t id) { return "/feedback/cases/" + std::to_string(id); }
  static std::string manage_case(std::int64_t id) {
    return "/manage/feedback/cases/" + std::to_string(id);
  }
  static std::string track(const std::string& code) { return "/feedback/track/" + code; }
  std::string queue_of(const std::string& slug) {
    return "/manage/organisations/" + org(slug) + "/feedback";
  }

  // Opens the case in the workspace (for its token) and posts `action`.
  HttpResponse act(Browser& official, std::int64_t id, const std::string& action,
                   FormFields fields) {
    official.get(manage_case(id));
    return official.post(manage_case(id) + "/" + action, std::move(fields));
  }

  HttpResponse set_status(Browser& official, std::int64_t id, const std::string& status,
                          const std::string& note = "", const std::string& stage = "") {
    return act(official, id, "status", {{"status", status}, {"stage", stage}, {"note", note}});
  }

  // A status change that must be accepted.
  void move(Browser& official, std::int64_t id, const std::string& status,
            const std::string& note = "", const std::string& stage = "") {
    const auto r = set_status(official, id, status, note, stage);
    ASSERT_EQ(r.status, 303) << status << "\n" << main_of(r.body).substr(0, 2000);
    ASSERT_EQ(r.header("location").value_or(""), manage_case(id) + "?notice=saved");
    ASSERT_EQ(status_of(id), status);
  }

  // Takes a case to "resolved" with a reply.
  void resolve(Browser& official, std::int64_t id, const std::string& reply = "แก้ไขเรียบร้อยแล้ว") {
    move(official, id, "accepted");
    move(official, id, "resolved", reply);
  }

  void assign_to(Browser& official, std::int64_t id, std::int64_t user) {
    const auto r = act(official, id, "assign", {{"assignee", std::to_string(user)}});
    ASSERT_EQ(r.status, 303) << main_of(r.body).substr(0, 2000);
    ASSERT_EQ(integer("SELECT assignee_id FROM feedback_cases WHERE id = ?", id), user);
  }

  // A new person with `role` in organisation `slug`, signed in.
  Browser new_member(const std::string& email, const std::string& name, const std::string& slug,
                     const std::string& role = "official") {
    const auto id = create_citizen(email, name);
    execute(
        "INSERT INTO memberships (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        id, organisation(slug), role, core::iso_timestamp(core::Clock::now()));
    Browser b(server.port());
    sign_in(b, email, kPassphrase);
    return b;
  }

  // A new Open311 client made by the platform admin; returns its API key
  // (shown once, in the page answering the form).
  std::string new_api_key(const std::string& name) {
    Browser admin = signed_in(kAdmin);
    EXPECT_EQ(admin.get("/admin/open311").status, 200);
    const auto r = admin.post("/admin/open311", {{"name", name}});
    EXPECT_EQ(r.status, 201) << main_of(r.body).substr(0, 2000);
    const auto key = find(r.body, R"re(<code class="api-key">([^<]+)</code>)re");
    EXPECT_GE(key.size(), 20u) << main_of(r.body).substr(0, 2000);
    return key;
  }

  // The public report of organisation `slug` for fiscal year `fy` (JSON data).
  json::value report_data(const std::string& slug, int fy) {
    const auto r = http_get(server.port(), "/api/v1/organisations/" + org(slug) +
                                               "/feedback/report?fy=" + std::to_string(fy));
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 500);
    const auto v = parse_json(r);
    if (!v.is_object() || !v.as_object().contains("data")) return json::object{};
    return v.at("data");
  }

  // Files kept under the uploads directory, with their content.
  std::vector<std::string> stored_contents() {
    std::vector<std::string> out;
    const auto dir = server.dir().path() / "uploads";
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) return out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }
};

// Shared by the feedback test files.
inline const std::string kNoise = "pcd-noise";
inline const std::string kSmoke = "pcd-smoke";
inline const std::string kHaze = "cm-haze";  // Chiang Mai province
inline const std::string kDescription = "มีเสียงเครื่องขยายเสียงจากร้านค้าดังทุกคืนจนถึงตีสอง";

// The case ids of the rows of an officials' queue, in order, with whether
// each row is marked overdue.
inline std::vector<std::pair<std::int64_t, bool>> queue_rows(const std::string& html) {
  std::vector<std::pair<std::int64_t, bool>> rows;
  const std::regex row(
      R"re(<tr( class="case-queue__overdue")?>\s*<td><a href="/manage/feedback/cases/(\d+)">)re");
  for (std::sregex_iterator it(html.begin(), html.end(), row), end; it != end; ++it) {
    rows.emplace_back(std::stoll((*it)[2]), (*it)[1].matched);
  }
  return rows;
}

inline std::int64_t number(const json::value& v, const char* key) {
  return v.at(key).to_number<std::int64_t>();
}

// The fixture of every feedback test file (one type, as GoogleTest wants).
class Feedback : public FeedbackTest {};

}  // namespace ruamkit::testing::feedback
