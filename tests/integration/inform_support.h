// Shared by the integration tests of the "inform" features (spaces, pages,
// documents, feeds): a server with the demo data, signing in (two-factor
// set-up included), creating spaces and pages through the workspace forms,
// reading the database, checking XML with xmllint, and building test files
// (a minimal PDF, a minimal Office Open XML document).
#pragma once

#include <gtest/gtest.h>
#include <stdio.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/totp.h"
#include "http/url.h"
#include "storage/database.h"
#include "support/browser.h"
#include "support/catalogue.h"
#include "support/server_process.h"

namespace ruamkit::testing::inform {

constexpr const char* kDemoPassword = "ruamkit demo 2569";
constexpr const char* kPcd = "pcd@demo.ruamkit.example";
constexpr const char* kChiangMai = "chiangmai@demo.ruamkit.example";
constexpr const char* kCitizen = "citizen@demo.ruamkit.example";

inline bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

inline std::size_t occurrences(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) {
    ++n;
  }
  return n;
}

// `text` as a query value (Thai must be percent-encoded in the target).
inline std::string q(std::string_view text) { return http::encode_query_value(text); }

// The id at the end of a redirect such as "/manage/spaces/12?notice=created".
inline std::int64_t id_in_location(const HttpResponse& r, const std::string& prefix) {
  const auto location = r.header("location").value_or("");
  if (!location.starts_with(prefix)) {
    throw std::runtime_error("redirect to '" + location + "', expected " + prefix + "…; status " +
                             std::to_string(r.status) + "\n" + r.body.substr(0, 2000));
  }
  return std::stoll(location.substr(prefix.size()));
}

// Runs xmllint on `xml`; returns its output (stdout and stderr) and sets `ok`
// to whether it exited with 0. `args` are extra xmllint arguments.
inline std::string xmllint(const std::string& xml, const std::string& args, bool& ok) {
  TempDir dir;
  const auto file = dir.write("in.xml", xml);
  const std::string command =
      "/usr/bin/xmllint --nonet " + args + " - < '" + file.string() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run xmllint");
  std::string out;
  std::array<char, 4096> chunk;
  while (const auto n = fread(chunk.data(), 1, chunk.size(), pipe)) out.append(chunk.data(), n);
  ok = pclose(pipe) == 0;
  return out;
}

// True when `xml` is well-formed; `why` gets xmllint's complaint.
inline bool well_formed(const std::string& xml, std::string& why) {
  bool ok = false;
  why = xmllint(xml, "--noout", ok);
  return ok;
}

// The value of the XPath 1.0 expression `expression` over `xml` (numbers and
// strings as xmllint prints them).
inline std::string xpath(const std::string& xml, const std::string& expression) {
  bool ok = false;
  auto out = xmllint(xml, "--xpath '" + expression + "'", ok);
  if (!ok) return "(xpath failed: " + out + ")";
  if (out.ends_with('\n')) out.pop_back();  // xmllint ends what it prints with a newline
  return out;
}

// Text with the tags removed (search results mark matched words).
inline std::string strip_tags(const std::string& html) {
  return std::regex_replace(html, std::regex("<[^>]*>"), "");
}

struct SearchResult {
  std::string url, title;
};

// The results listed on a /search page.
inline std::vector<SearchResult> search_results(const std::string& html) {
  std::vector<SearchResult> out;
  const std::regex item(R"re(<h2 class="search-result__title"><a href="([^"]*)">(.*?)</a></h2>)re");
  for (std::sregex_iterator it(html.begin(), html.end(), item), end; it != end; ++it) {
    out.push_back({(*it)[1], strip_tags((*it)[2])});
  }
  return out;
}

inline std::set<std::string> urls_of(const std::vector<SearchResult>& results) {
  std::set<std::string> out;
  for (const auto& r : results) out.insert(r.url);
  return out;
}

inline std::set<std::string> titles_of(const std::vector<SearchResult>& results) {
  std::set<std::string> out;
  for (const auto& r : results) out.insert(r.title);
  return out;
}

// The smallest PDF libmagic and PDF readers accept, with `marker` in it so
// two files differ.
inline std::string minimal_pdf(const std::string& marker = "ruamkit") {
  return "%PDF-1.4\n"
         "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
         "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
         "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
         "% " +
         marker +
         "\n"
         "trailer << /Root 1 0 R >>\n"
         "%%EOF\n";
}

inline std::uint32_t crc32(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char ch : data) {
    crc ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// A zip archive of `entries` (name, content), stored without compression.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  auto le16 = [](std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
  };
  auto le32 = [&](std::string& out, std::uint32_t v) {
    le16(out, v & 0xFFFF);
    le16(out, v >> 16);
  };
  std::string zip, directory;
  for (const auto& [name, content] : entries) {
    const auto offset = static_cast<std::uint32_t>(zip.size());
    const auto crc = crc32(content);
    const auto size = static_cast<std::uint32_t>(content.size());
    const auto name_size = static_cast<std::uint32_t>(name.size());
    zip += "PK\x03\x04";
    le16(zip, 20);    // version needed
    le16(zip, 0);     // flags
    le16(zip, 0);     // stored
    le16(zip, 0);     // time
    le16(zip, 0x21);  // date: 1980-01-01
    le32(zip, crc);
    le32(zip, size);
    le32(zip, size);
    le16(zip, name_size);
    le16(zip, 0);  // extra
    zip += name;
    zip += content;

    directory += "PK\x01\x02";
    le16(directory, 20);  // version made by
    le16(directory, 20);  // version needed
    le16(directory, 0);
    le16(directory, 0);
    le16(directory, 0);
    le16(directory, 0x21);
    le32(directory, crc);
    le32(directory, size);
    le32(directory, size);
    le16(directory, name_size);
    le16(directory, 0);  // extra
    le16(directory, 0);  // comment
    le16(directory, 0);  // disk
    le16(directory, 0);  // internal attributes
    le32(directory, 0);  // external attributes
    le32(directory, offset);
    directory += name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(zip.size());
  zip += directory;
  zip += "PK\x05\x06";
  le16(zip, 0);
  le16(zip, 0);
  le16(zip, static_cast<std::uint32_t>(entries.size()));
  le16(zip, static_cast<std::uint32_t>(entries.size()));
  le32(zip, static_cast<std::uint32_t>(directory.size()));
  le32(zip, directory_offset);
  le16(zip, 0);
  return zip;
}

// A minimal Word document (Office Open XML).
inline std::string minimal_docx() {
  return stored_zip({
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" "
       "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" "
       "ContentType=\"application/"
       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
       "</Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
       "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
       "<w:body><w:p><w:r><w:t>รายงานสาธิต</w:t></w:r></w:p></w:body></w:document>"},
  });
}

// Percent-decoding (for filename*=UTF-8''…).
inline std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// A process or committee as the workspace form sends it.
inline FormFields space_form(const std::string& kind, const std::string& title) {
  return {{"kind", kind},
          {"title", title},
          {"summary", "สรุปย่อของ " + title},
          {"body", "รายละเอียดของเรื่องนี้"},
          {"level", "consult"},
          {"stages", "planning"},
          {"stages", "decision"},
          {"topics", "environment"},
          {"scope", "province"},
          {"province_code", "TH-50"}};
}

// The server with the demo data loaded, fresh for each test.
// The records of a CSV file (RFC 4180: quoted cells may hold line breaks).
inline std::vector<std::vector<std::string>> csv_records(const std::string& csv) {
  std::vector<std::vector<std::string>> records(1);
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char ch = csv[i];
    if (quoted) {
      if (ch == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      records.back().push_back(cell);
      cell.clear();
    } else if (ch == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      records.back().push_back(cell);
      cell.clear();
      records.emplace_back();
      ++i;
    } else {
      cell += ch;
    }
  }
  if (!records.back().empty() || !cell.empty()) {
    records.back().push_back(cell);
  } else {
    records.pop_back();  // the file ends with a line break
  }
  return records;
}

class InformTest : public ::testing::Test {
 protected:
  explicit InformTest(std::vector<std::string> extra_args = {})
      : server(with_defaults(extra_args)) {
    std::string out;
    if (run_ruamkit({"seed-demo", "--database", server.database_path()}, out) != 0) {
      throw std::runtime_error("seed-demo failed: " + out);
    }
  }

  static std::vector<std::string> with_defaults(std::vector<std::string> args) {
    args.insert(args.begin(), {"--login-backoff-ms", "0"});
    return args;
  }

  template <typename... Args>
  std::int64_t integer(const std::string& sql, const Args&... args) {
    storage::Database db(server.database_path(), 1);
    return db.read([&](storage::Connection& c) {
      auto rows = c.query(sql, args...);
      if (!rows.next()) throw std::runtime_error("no row for " + sql);
      return rows.integer(0);
    });
  }

  template <typename... Args>
  std::string text(const std::string& sql, const Args&... args) {
    storage::Database db(server.database_path(), 1);
    return db.read([&](storage::Connection& c) {
      auto rows = c.query(sql, args...);
      if (!rows.next()) throw std::runtime_error("no row for " + sql);
      return rows.text(0);
    });
  }

  std::int64_t organisation(const std::string& slug) {
    return integer("SELECT id FROM organisations WHERE slug = ?", slug);
  }
  std::string org(const std::string& slug) { return std::to_string(organisation(slug)); }

  std::int64_t page_titled(const std::string& title) {
    return integer("SELECT id FROM pages WHERE title = ?", title);
  }

  // Files kept in the uploads directory (beside the database).
  std::size_t stored_files() {
    const auto dir = server.dir().path() / "uploads";
    std::size_t n = 0;
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) return 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
      if (entry.is_regular_file()) ++n;
    }
    return n;
  }

  // Signs `email` in (with the demo password unless another is given),
  // setting up two-factor at an official's first log-in.
  void sign_in(Browser& b, const std::string& email, const std::string& password = kDemoPassword) {
    auto r = b.submit("/login", "/login", {{"email", email}, {"password", password}});
    ASSERT_EQ(r.status, 303) << email << "\n" << r.body.substr(0, 500);
    if (r.header("location") == "/account/two-factor") {
      // An organisation admin's first log-in: set up two-factor.
      auto setup = b.get("/account/two-factor");
      auto secret = find(setup.body, R"re(<code[^>]*>([A-Z2-7 ]{20,})</code>)re");
      secret.erase(std::remove(secret.begin(), secret.end(), ' '), secret.end());
      const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
      ASSERT_EQ(b.post("/account/two-factor/enable", {{"code", core::totp_at(secret, now)}}).status,
                200);
    }
    ASSERT_EQ(b.get("/account").status, 200);
  }

  // Creates a space (a draft) through the workspace form; returns its id.
  std::int64_t create_space(Browser& b, const std::string& organisation_slug, FormFields fields) {
    const auto o = org(organisation_slug);
    std::string kind = "process";
    for (const auto& [k, v] : fields) {
      if (k == "kind") kind = v;
    }
    b.get("/manage/organisations/" + o + "/spaces/new?kind=" + kind);
    const auto r = b.post("/manage/organisations/" + o + "/spaces", std::move(fields));
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    EXPECT_TRUE(r.header("location").value_or("").ends_with("?notice=created"));
    return id_in_location(r, "/manage/spaces/");
  }

  std::int64_t create_process(Browser& b, const std::string& title,
                              const std::string& organisation_slug = "pcd") {
    return create_space(b, organisation_slug, space_form("process", title));
  }

  void set_space_status(Browser& b, std::int64_t id, const std::string& status) {
    const auto manage = "/manage/spaces/" + std::to_string(id);
    b.get(manage);
    const auto r = b.post(manage + "/status", {{"status", status}});
    ASSERT_EQ(r.status, 303) << status << "\n" << r.body.substr(0, 2000);
    ASSERT_EQ(r.header("location"), manage + "?notice=" + status);
  }

  // Creates a page or announcement (a draft); returns its id.
  std::int64_t create_page(Browser& b, const std::string& organisation_slug,
                           const std::string& kind, const std::string& title,
                           const std::string& body, std::optional<std::int64_t> space = {}) {
    const auto o = org(organisation_slug);
    const std::string space_id = space ? std::to_string(*space) : "";
    b.get("/manage/organisations/" + o + "/pages/new?kind=" + kind +
          (space ? "&space=" + space_id : ""));
    const auto r = b.post("/manage/organisations/" + o + "/pages", {{"kind", kind},
                                                                    {"space_id", space_id},
                                                                    {"title", title},
                                                                    {"body", body},
                                                                    {"note", "ฉบับแรก"}});
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    return id_in_location(r, "/manage/pages/");
  }

  void set_page_status(Browser& b, std::int64_t id, const std::string& status) {
    const auto manage = "/manage/pages/" + std::to_string(id);
    b.get(manage);
    const auto r = b.post(manage + "/status", {{"status", status}});
    ASSERT_EQ(r.status, 303) << status << "\n" << r.body.substr(0, 2000);
    ASSERT_EQ(r.header("location"), manage + "?notice=" + status);
  }

  // Uploads `file` to owner (`kind`, `id`) from the owner's manage page.
  HttpResponse upload(Browser& b, const std::string& kind, std::int64_t id, const UploadFile& file,
                      const std::string& title = "") {
    const std::string manage = kind == "page"    ? "/manage/pages/"
                               : kind == "space" ? "/manage/spaces/"
                                                 : "/manage/meetings/";
    b.get(manage + std::to_string(id));
    return b.post_multipart(
        "/manage/documents",
        {{"owner_kind", kind}, {"owner_id", std::to_string(id)}, {"title", title}}, {file});
  }

  ServerProcess server;
};

}  // namespace ruamkit::testing::inform
