// Document uploads over real HTTP: the type is decided by the content (HTML
// and SVG refused whatever their name), downloads carry the right type,
// disposition and protective headers, documents of drafts are not public,
// and the upload size limit holds.
#include <gtest/gtest.h>

#include "integration/inform_support.h"

namespace ruamkit::testing::inform {
namespace {

// The filename*= value of a Content-Disposition, decoded.
std::string utf8_file_name(const std::string& disposition) {
  const std::string marker = "filename*=UTF-8''";
  const auto at = disposition.find(marker);
  if (at == std::string::npos) return "";
  auto value = disposition.substr(at + marker.size());
  if (const auto semi = value.find(';'); semi != std::string::npos) value.erase(semi);
  return percent_decode(value);
}

class Documents : public InformTest {
 protected:
  Documents() = default;
  explicit Documents(std::vector<std::string> args) : InformTest(std::move(args)) {}

  // The one document of `column` = `owner`, as its download path.
  std::string document_url(const std::string& column, std::int64_t owner) {
    const auto kind = column.substr(0, column.size() - 3);  // "space_id" → "space"
    const auto id = integer(
        "SELECT id FROM documents WHERE owner_kind = '" + kind + "' AND owner_id = ?", owner);
    return "/documents/" + std::to_string(id) + "/" +
           http::encode_path_segment(text("SELECT file_name FROM documents WHERE id = ?", id));
  }

  std::int64_t demo_process() {
    return integer("SELECT id FROM spaces WHERE kind = 'process' AND province_code = 'TH-50'");
  }

  void expect_refused(Browser& b, std::int64_t space, const UploadFile& file) {
    const auto r = upload(b, "space", space, file);
    EXPECT_EQ(r.status, 415) << file.file_name;
    EXPECT_TRUE(contains(r.body, ui_html("documents.refused_type"))) << "a page that says why";
    EXPECT_EQ(integer("SELECT COUNT(*) FROM documents"), 0) << file.file_name;
    EXPECT_EQ(stored_files(), 0u) << file.file_name;
  }
};

TEST_F(Documents, HtmlNamedLikeAPdfIsRefused) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto space = create_process(pcd, "กระบวนการที่มีเอกสาร");
  expect_refused(pcd, space,
                 {"file", "report.pdf", "application/pdf",
                  "<!doctype html>\n<html><body><script>alert(document.cookie)</script>"
                  "</body></html>\n"});
  expect_refused(pcd, space,
                 {"file", "notes.txt", "text/plain", "สวัสดี <script>alert(1)</script> ครับ\n"});
  expect_refused(pcd, space,
                 {"file", "page.htm", "text/html", "<p>plain markup without a doctype</p>\n"});
}

TEST_F(Documents, SvgIsRefusedEvenNamedLikeAPng) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto space = create_process(pcd, "กระบวนการที่มีรูปภาพ");
  const std::string svg =
      "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
      "height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>\n";
  expect_refused(pcd, space, {"file", "chart.png", "image/png", svg});
  expect_refused(pcd, space, {"file", "chart.svg", "image/svg+xml", svg});
  // Bytes nobody can identify are refused too.
  expect_refused(pcd, space,
                 {"file", "data.pdf", "application/pdf", std::string("\x01\x02\x03\xff\xfe", 5)});
}

TEST_F(Documents, APdfIsAcceptedAndServedInlineAsItWasSent) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto space = demo_process();
  const auto pdf = minimal_pdf("มาตรการลดการเผา");
  // Declared as something else: the content decides.
  const auto r =
      upload(pcd, "space", space, {"file", "มาตรการ.bin", "application/octet-stream", pdf},
             "ร่างมาตรการลดการเผาในที่โล่ง");
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  EXPECT_EQ(r.header("location"), "/manage/spaces/" + std::to_string(space) + "?notice=uploaded");
  EXPECT_EQ(
      integer("SELECT COUNT(*) FROM documents WHERE owner_kind = 'space' AND owner_id = ?", space),
      1);
  EXPECT_EQ(
      text("SELECT content_type FROM documents WHERE owner_kind = 'space' AND owner_id = ?", space),
      "application/pdf");
  EXPECT_EQ(
      text("SELECT file_name FROM documents WHERE owner_kind = 'space' AND owner_id = ?", space),
      "มาตรการ.pdf")
      << "the extension follows the content";
  EXPECT_EQ(
      integer("SELECT byte_size FROM documents WHERE owner_kind = 'space' AND owner_id = ?", space),
      static_cast<std::int64_t>(pdf.size()));
  EXPECT_EQ(stored_files(), 1u);

  // Listed on the public page, and downloadable by anyone.
  Browser visitor(server.port());
  const auto url = document_url("space_id", space);
  const auto page = visitor.get("/processes/" + std::to_string(space));
  EXPECT_TRUE(contains(page.body, "href=\"" + url + "\">ร่างมาตรการลดการเผาในที่โล่ง</a>"))
      << page.body.substr(0, 200);
  const auto d = visitor.get(url);
  ASSERT_EQ(d.status, 200);
  EXPECT_EQ(d.body, pdf) << "the same bytes";
  EXPECT_EQ(d.header("content-type"), "application/pdf");
  EXPECT_TRUE(d.header("content-disposition").value_or("").starts_with("inline;"))
      << d.header("content-disposition").value_or("");
  EXPECT_EQ(d.header("x-content-type-options"), "nosniff");
  const auto csp = d.header("content-security-policy").value_or("");
  EXPECT_TRUE(contains(csp, "default-src 'none'")) << csp;
  EXPECT_FALSE(contains(csp, "sandbox")) << "PDF viewers refuse a sandbox";
  const auto etag = d.header("etag").value_or("");
  EXPECT_EQ(
      etag,
      "\"" +
          text("SELECT sha256 FROM documents WHERE owner_kind = 'space' AND owner_id = ?", space) +
          "\"");
  EXPECT_TRUE(contains(d.header("cache-control").value_or(""), "public"));
  // Revalidation.
  const auto again = http_get(server.port(), url, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  // The id alone finds it too; a wrong id does not.
  EXPECT_EQ(
      http_get(server.port(), "/documents/" + std::to_string(integer("SELECT id FROM documents")))
          .body,
      pdf);
  EXPECT_EQ(http_get(server.port(), "/documents/999999/x.pdf").status, 404);
  // It appears in the open data of the process.
  EXPECT_TRUE(contains(visitor.get("/api/v1/processes/" + std::to_string(space)).body,
                       "ร่างมาตรการลดการเผาในที่โล่ง"));

  // Deleting removes the row and the file.
  const auto doc =
      integer("SELECT id FROM documents WHERE owner_kind = 'space' AND owner_id = ?", space);
  pcd.get("/manage/spaces/" + std::to_string(space));
  const auto deleted = pcd.post("/manage/documents/" + std::to_string(doc) + "/delete", {});
  EXPECT_EQ(deleted.status, 303);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(stored_files(), 0u);
  EXPECT_EQ(visitor.get(url).status, 404);
}

TEST_F(Documents, AWordDocumentDownloadsAsAnAttachment) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto page = create_page(pcd, "pcd", "page", "หน้าที่มีเอกสาร Word", "ดูเอกสารแนบ");
  set_page_status(pcd, page, "published");
  const auto docx = minimal_docx();
  const auto r = upload(pcd, "page", page, {"file", "summary.docx", "application/zip", docx});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  EXPECT_EQ(r.header("location"), "/manage/pages/" + std::to_string(page) + "?notice=uploaded");
  EXPECT_EQ(
      text("SELECT content_type FROM documents WHERE owner_kind = 'page' AND owner_id = ?", page),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(text("SELECT title FROM documents WHERE owner_kind = 'page' AND owner_id = ?", page),
            "summary")
      << "the file name is the title when none is given";

  const auto url = document_url("page_id", page);
  EXPECT_TRUE(contains(http_get(server.port(), "/pages/" + std::to_string(page)).body,
                       "href=\"" + url + "\""));
  const auto d = http_get(server.port(), url);
  ASSERT_EQ(d.status, 200);
  EXPECT_EQ(d.body, docx);
  EXPECT_EQ(d.header("content-type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const auto disposition = d.header("content-disposition").value_or("");
  EXPECT_TRUE(disposition.starts_with("attachment;")) << disposition;
  EXPECT_TRUE(contains(disposition, "filename=\"summary.docx\"")) << disposition;
  EXPECT_EQ(utf8_file_name(disposition), "summary.docx");
  EXPECT_EQ(d.header("x-content-type-options"), "nosniff");
  EXPECT_TRUE(contains(d.header("content-security-policy").value_or(""), "sandbox"));
  // A zip that is not Office is refused.
  const auto plain_zip = stored_zip({{"readme.txt", "hello"}});
  EXPECT_EQ(
      upload(pcd, "page", page, {"file", "archive.docx", "application/zip", plain_zip}).status,
      415);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM documents"), 1);
}

TEST_F(Documents, ADraftsDocumentIsOnlyForItsOrganisation) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto space = create_process(pcd, "กระบวนการร่างที่มีเอกสาร");
  const auto pdf = minimal_pdf("ร่าง");
  ASSERT_EQ(upload(pcd, "space", space, {"file", "draft.pdf", "application/pdf", pdf}).status, 303);
  const auto url = document_url("space_id", space);
  Browser citizen(server.port());
  sign_in(citizen, kCitizen);
  Browser chiang_mai(server.port());
  sign_in(chiang_mai, kChiangMai);
  EXPECT_EQ(http_get(server.port(), url).status, 404);
  EXPECT_EQ(citizen.get(url).status, 404);
  EXPECT_EQ(chiang_mai.get(url).status, 404);
  const auto own = pcd.get(url);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.body, pdf);
  EXPECT_TRUE(contains(own.header("cache-control").value_or(""), "no-store"))
      << "a draft's document is not cached by proxies";
  // Nor may another organisation delete it.
  const auto doc =
      integer("SELECT id FROM documents WHERE owner_kind = 'space' AND owner_id = ?", space);
  chiang_mai.get("/manage");
  EXPECT_EQ(chiang_mai.post("/manage/documents/" + std::to_string(doc) + "/delete", {}).status,
            403);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM documents"), 1);

  set_space_status(pcd, space, "published");
  EXPECT_EQ(http_get(server.port(), url).body, pdf);
  set_space_status(pcd, space, "draft");
  EXPECT_EQ(http_get(server.port(), url).status, 404);
}

TEST_F(Documents, AThaiFileNameSurvivesInTheDownload) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto space = demo_process();
  const std::string name = "รายงานการประชุม ครั้งที่ 1";
  ASSERT_EQ(
      upload(pcd, "space", space, {"file", name + ".pdf", "application/pdf", minimal_pdf()}).status,
      303);
  EXPECT_EQ(
      text("SELECT file_name FROM documents WHERE owner_kind = 'space' AND owner_id = ?", space),
      name + ".pdf");
  EXPECT_EQ(text("SELECT title FROM documents WHERE owner_kind = 'space' AND owner_id = ?", space),
            name);
  const auto url = document_url("space_id", space);
  const auto d = http_get(server.port(), url);
  ASSERT_EQ(d.status, 200);
  const auto disposition = d.header("content-disposition").value_or("");
  EXPECT_EQ(utf8_file_name(disposition), name + ".pdf") << disposition;
  // The plain filename= is an ASCII fallback.
  const auto fallback = find(disposition, R"re(filename="([^"]*)")re");
  EXPECT_FALSE(fallback.empty()) << disposition;
  EXPECT_TRUE(std::all_of(fallback.begin(), fallback.end(), [](char ch) {
    return static_cast<unsigned char>(ch) < 0x80;
  })) << fallback;
  EXPECT_TRUE(fallback.ends_with(".pdf")) << fallback;
  // A path in the sent name is dropped.
  ASSERT_EQ(upload(pcd, "space", space,
                   {"file", "../../etc/แผนที่.pdf", "application/pdf", minimal_pdf("2")})
                .status,
            303);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM documents WHERE file_name = 'แผนที่.pdf'"), 1);
}

TEST_F(Documents, AnUploadWithoutAFileOrForAMissingOwnerIsRefused) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto space = create_process(pcd, "กระบวนการ");
  pcd.get("/manage/spaces/" + std::to_string(space));
  EXPECT_EQ(pcd.post_multipart("/manage/documents",
                               {{"owner_kind", "space"}, {"owner_id", std::to_string(space)}}, {})
                .status,
            422);
  EXPECT_EQ(
      pcd.post_multipart("/manage/documents", {{"owner_kind", "space"}, {"owner_id", "999999"}},
                         {{"file", "a.pdf", "application/pdf", minimal_pdf()}})
          .status,
      404);
  EXPECT_EQ(pcd.post_multipart("/manage/documents", {{"owner_kind", "user"}, {"owner_id", "1"}},
                               {{"file", "a.pdf", "application/pdf", minimal_pdf()}})
                .status,
            404);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(stored_files(), 0u);
}

TEST_F(Documents, AMeetingsDocumentsFollowTheCommittee) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto committee = create_space(pcd, "pcd", space_form("committee", "คณะทำงานร่วม"));
  const auto manage = "/manage/spaces/" + std::to_string(committee);
  pcd.get(manage + "/meetings/new");
  const auto meeting = id_in_location(
      pcd.post(manage + "/meetings",
               {{"title", "การประชุมครั้งที่ 1"}, {"held_on", "2026-01-15"}, {"minutes", "มติ"}}),
      "/manage/meetings/");
  const auto pdf = minimal_pdf("รายงานการประชุม");
  const auto r = upload(pcd, "meeting", meeting, {"file", "minutes.pdf", "application/pdf", pdf},
                        "รายงานการประชุมฉบับลงนาม");
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"),
            "/manage/meetings/" + std::to_string(meeting) + "?notice=uploaded");
  const auto url = document_url("meeting_id", meeting);
  const auto public_meeting =
      "/committees/" + std::to_string(committee) + "/meetings/" + std::to_string(meeting);
  EXPECT_EQ(http_get(server.port(), url).status, 404) << "the committee is a draft";
  EXPECT_TRUE(search_results(http_get(server.port(), "/search?q=" + q("ฉบับลงนาม")).body).empty());
  set_space_status(pcd, committee, "published");
  EXPECT_EQ(http_get(server.port(), url).body, pdf);
  EXPECT_TRUE(contains(http_get(server.port(), public_meeting).body,
                       "href=\"" + url + "\">รายงานการประชุมฉบับลงนาม</a>"));
  // The meeting is found by its document's title.
  const auto found = search_results(http_get(server.port(), "/search?q=" + q("ฉบับลงนาม")).body);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].url, public_meeting);
}

class DocumentsUploadLimit : public Documents {
 protected:
  DocumentsUploadLimit() : Documents({"--max-upload-bytes", "100000"}) {}
};

TEST_F(DocumentsUploadLimit, ABodyOverTheLimitIs413) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto space = create_process(pcd, "กระบวนการที่มีไฟล์ใหญ่");
  // A PDF of 150 kB: more than the limit.
  const auto big = minimal_pdf(std::string(150'000, 'x'));
  const auto r = upload(pcd, "space", space, {"file", "big.pdf", "application/pdf", big});
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(stored_files(), 0u);
  // One under the limit still goes through.
  const auto small = minimal_pdf(std::string(50'000, 'x'));
  EXPECT_EQ(upload(pcd, "space", space, {"file", "small.pdf", "application/pdf", small}).status,
            303);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM documents"), 1);
  EXPECT_EQ(stored_files(), 1u);
}

}  // namespace
}  // namespace ruamkit::testing::inform
