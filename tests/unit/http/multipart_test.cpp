#include "http/multipart.h"

#include <gtest/gtest.h>

#include <string>

namespace ruamkit::http {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=----WebKitFormBoundaryx8Kq2";

// A body as Chromium sends it: CRLF line ends, "--" + boundary lines.
std::string chromium_body() {
  return "------WebKitFormBoundaryx8Kq2\r\n"
         "Content-Disposition: form-data; name=\"title\"\r\n"
         "\r\n"
         "แผนพัฒนาจังหวัด\r\n"
         "------WebKitFormBoundaryx8Kq2\r\n"
         "Content-Disposition: form-data; name=\"note\"\r\n"
         "\r\n"
         "line one\r\nline two\r\n"
         "------WebKitFormBoundaryx8Kq2\r\n"
         "Content-Disposition: form-data; name=\"document\"; filename=\"report.pdf\"\r\n"
         "Content-Type: application/pdf\r\n"
         "\r\n"
         "%PDF-1.4 ...\r\n"
         "------WebKitFormBoundaryx8Kq2\r\n"
         "Content-Disposition: form-data; name=\"attachment\"; filename=\"\"\r\n"
         "Content-Type: application/octet-stream\r\n"
         "\r\n"
         "\r\n"
         "------WebKitFormBoundaryx8Kq2--\r\n";
}

// Builds a body with `boundary` from (headers, content) pairs.
std::string build(std::string_view boundary,
                  std::initializer_list<std::pair<std::string, std::string>> parts) {
  std::string out;
  for (const auto& [headers, content] : parts) {
    out += "--" + std::string(boundary) + "\r\n" + headers + "\r\n\r\n" + content + "\r\n";
  }
  out += "--" + std::string(boundary) + "--\r\n";
  return out;
}

std::string field(std::string_view name) {
  return "Content-Disposition: form-data; name=\"" + std::string(name) + "\"";
}

std::string file(std::string_view name, std::string_view file_name) {
  return field(name) + "; filename=\"" + std::string(file_name) + "\"";
}

TEST(MultipartBoundary, AcceptsQuotedAndPlainBoundaries) {
  EXPECT_EQ(multipart_boundary(kType).value_or(""), "----WebKitFormBoundaryx8Kq2");
  EXPECT_EQ(
      multipart_boundary("Multipart/Form-Data; charset=UTF-8; BOUNDARY=\"a b:c\"").value_or(""),
      "a b:c");
  EXPECT_EQ(
      multipart_boundary("multipart/form-data;a=\"x;boundary=y\";boundary=\"z\"").value_or(""),
      "z");
  EXPECT_EQ(
      multipart_boundary("multipart/form-data; boundary=" + std::string(70, 'a')).value_or(""),
      std::string(70, 'a'));
}

TEST(MultipartBoundary, RefusesOtherTypesAndBadBoundaries) {
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded"));
  EXPECT_FALSE(multipart_boundary("multipart/mixed; boundary=abc"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary="));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"\""));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"ends in space \""));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"a\r\nb\""));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"a\"b\""));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"unterminated"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=a; boundary=b"));
  EXPECT_FALSE(multipart_boundary(""));
}

TEST(Multipart, ParsesChromiumBody) {
  auto body = parse_multipart(kType, chromium_body());
  ASSERT_TRUE(body);
  ASSERT_EQ(body->fields.size(), 2u);
  EXPECT_EQ(body->fields[0].first, "title");
  EXPECT_EQ(body->fields[0].second, "แผนพัฒนาจังหวัด");
  EXPECT_EQ(find_param(body->fields, "note").value_or(""), "line one\r\nline two");
  // The empty file input is left out.
  ASSERT_EQ(body->files.size(), 1u);
  EXPECT_EQ(body->files[0].field, "document");
  EXPECT_EQ(body->files[0].file_name, "report.pdf");
  EXPECT_EQ(body->files[0].declared_type, "application/pdf");
  EXPECT_EQ(body->files[0].content, "%PDF-1.4 ...");
}

TEST(Multipart, IgnoresPreambleAndEpilogue) {
  const std::string body = "This is a preamble.\r\n" + build("xyz", {{field("a"), "1"}}) +
                           "This is the epilogue.\r\n--xyz\r\nnot a part";
  auto parsed = parse_multipart("multipart/form-data; boundary=xyz", body);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->fields.size(), 1u);
  EXPECT_EQ(parsed->fields[0].second, "1");
}

TEST(Multipart, ToleratesPaddingAfterBoundaryAndEmptyBodies) {
  auto parsed = parse_multipart("multipart/form-data; boundary=b",
                                "--b \t\r\n" + field("a") + "\r\n\r\n\r\n--b--");
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->fields.size(), 1u);
  EXPECT_EQ(parsed->fields[0].second, "");
  auto no_parts = parse_multipart("multipart/form-data; boundary=b", "--b--\r\n");
  ASSERT_TRUE(no_parts);
  EXPECT_TRUE(no_parts->fields.empty());
  EXPECT_TRUE(no_parts->files.empty());
}

TEST(Multipart, QuotedBoundary) {
  const std::string body = build("a'(b)+_,-./:=? c", {{field("x"), "y"}});
  auto parsed = parse_multipart("multipart/form-data; boundary=\"a'(b)+_,-./:=? c\"", body);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(find_param(parsed->fields, "x").value_or(""), "y");
}

TEST(Multipart, HeaderNamesAndParametersAreCaseInsensitive) {
  const std::string body =
      build("b", {{"content-disposition: Form-Data; NAME=\"up\"; FileName=\"a.png\"\r\n"
                   "CONTENT-TYPE: image/png\r\n"
                   "X-Other: ignored",
                   "png"},
                  {"Content-Disposition:form-data;name=plain", "token name"}});
  auto parsed = parse_multipart("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->files.size(), 1u);
  EXPECT_EQ(parsed->files[0].field, "up");
  EXPECT_EQ(parsed->files[0].file_name, "a.png");
  EXPECT_EQ(parsed->files[0].declared_type, "image/png");
  EXPECT_EQ(find_param(parsed->fields, "plain").value_or(""), "token name");
}

TEST(Multipart, QuotedParametersWithEscapesAndSemicolons) {
  const std::string body = build(
      "b", {{R"(Content-Disposition: form-data; name="a;b"; filename="say \"hi\"; ok.txt")", "x"}});
  auto parsed = parse_multipart("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->files.size(), 1u);
  EXPECT_EQ(parsed->files[0].field, "a;b");
  EXPECT_EQ(parsed->files[0].file_name, "say \"hi\"; ok.txt");
}

TEST(Multipart, StripsPathComponentsFromFileNames) {
  const std::string body =
      build("b", {{file("a", R"(C:\Users\somchai\a.pdf)"), "1"},     // old IE, unescaped
                  {file("b", R"(C:\\Users\\somchai\\b.pdf)"), "2"},  // escaped
                  {file("c", "../../etc/passwd"), "3"},
                  {file("d", "dir/.."), "4"}});
  auto parsed = parse_multipart("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->files.size(), 4u);
  EXPECT_EQ(parsed->files[0].file_name, "a.pdf");
  EXPECT_EQ(parsed->files[1].file_name, "b.pdf");
  EXPECT_EQ(parsed->files[2].file_name, "passwd");
  EXPECT_EQ(parsed->files[3].file_name, "");
}

TEST(Multipart, ThaiFileNameSentRaw) {
  // Chromium and Firefox send the UTF-8 bytes of the name as they are.
  const std::string body =
      build("b", {{file("doc", "รายงานการประชุม ครั้งที่ 1.docx") +
                       "\r\nContent-Type: application/vnd.openxmlformats-officedocument"
                       ".wordprocessingml.document",
                   "PK"}});
  auto parsed = parse_multipart("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->files.size(), 1u);
  EXPECT_EQ(parsed->files[0].file_name, "รายงานการประชุม ครั้งที่ 1.docx");
}

TEST(Multipart, FileNameStarMakesAFilePart) {
  const std::string body =
      build("b", {{field("f") + "; filename*=UTF-8''%E0%B8%81.txt", "content"}});
  auto parsed = parse_multipart("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->fields.empty());
  ASSERT_EQ(parsed->files.size(), 1u);
  EXPECT_EQ(parsed->files[0].file_name, "");
  EXPECT_EQ(parsed->files[0].content, "content");
}

TEST(Multipart, KeepsEmptyFilesThatHaveANameAndNamelessFilesWithContent) {
  const std::string body = build("b", {{file("a", "empty.txt"), ""}, {file("b", ""), "data"}});
  auto parsed = parse_multipart("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->files.size(), 2u);
  EXPECT_EQ(parsed->files[0].file_name, "empty.txt");
  EXPECT_EQ(parsed->files[0].content, "");
  EXPECT_EQ(parsed->files[1].file_name, "");
  EXPECT_EQ(parsed->files[1].content, "data");
}

TEST(Multipart, PreservesBinaryContent) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  // Near misses of the delimiter must stay in the content.
  bytes += "\r\n--\r\n--boundar\r\n-boundary\r\n\r\n\r\n--";
  bytes += std::string(3, '\0') + "\r";
  const std::string body = build("boundary", {{file("bin", "blob.bin"), bytes}});
  auto parsed = parse_multipart("multipart/form-data; boundary=boundary", body);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->files.size(), 1u);
  EXPECT_EQ(parsed->files[0].content, bytes);
  EXPECT_EQ(parsed->files[0].content.size(), bytes.size());
}

TEST(Multipart, LargeUploadIsParsedQuickly) {
  // 20 MiB of CRs and delimiter-like runs: must stay linear.
  std::string bytes;
  bytes.reserve(20u << 20);
  while (bytes.size() < (20u << 20)) bytes += "\r\r\r\n--WebKitFormBoundar\r\n-";
  const std::string boundary = "WebKitFormBoundaryx8Kq2";
  const std::string body = build(boundary, {{file("f", "big.bin"), bytes}, {field("a"), "1"}});
  auto parsed = parse_multipart("multipart/form-data; boundary=" + boundary, body);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->files.size(), 1u);
  EXPECT_EQ(parsed->files[0].content.size(), bytes.size());
  EXPECT_EQ(find_param(parsed->fields, "a").value_or(""), "1");
}

TEST(Multipart, RefusesMissingOrBrokenDelimiters) {
  constexpr std::string_view type = "multipart/form-data; boundary=b";
  const std::string good = build("b", {{field("a"), "1"}});
  ASSERT_TRUE(parse_multipart(type, good));
  EXPECT_FALSE(parse_multipart("multipart/form-data", good));
  EXPECT_FALSE(parse_multipart("application/x-www-form-urlencoded", good));
  EXPECT_FALSE(parse_multipart(type, ""));
  EXPECT_FALSE(parse_multipart(type, "no boundary here"));
  EXPECT_FALSE(parse_multipart(type, "--bx\r\n" + field("a") + "\r\n\r\n1\r\n--b--"));
  EXPECT_FALSE(parse_multipart(type, "--b\r\n" + field("a") + "\r\n\r\n1\r\n--bx\r\n"));
  // No closing delimiter, or cut off anywhere.
  EXPECT_FALSE(parse_multipart(type, "--b\r\n" + field("a") + "\r\n\r\n1\r\n--b\r\n"));
  EXPECT_FALSE(parse_multipart(type, "--b\r\n" + field("a") + "\r\n\r\n1\r\n--b"));
  for (std::size_t n = 0; n + 3 < good.size(); ++n) {
    EXPECT_FALSE(parse_multipart(type, good.substr(0, n))) << n;
  }
  // Bare LF line ends are not multipart.
  EXPECT_FALSE(parse_multipart(type, "--b\n" + field("a") + "\n\n1\n--b--\n"));
}

TEST(Multipart, RefusesBadPartHeaders) {
  constexpr std::string_view type = "multipart/form-data; boundary=b";
  auto one = [&](std::string headers) {
    return parse_multipart(type, build("b", {{std::move(headers), "x"}}));
  };
  EXPECT_TRUE(one(field("a")));
  EXPECT_FALSE(one("Content-Type: text/plain"));                        // no disposition
  EXPECT_FALSE(one("Content-Disposition: attachment; name=\"a\""));     // not form-data
  EXPECT_FALSE(one("Content-Disposition: form-data"));                  // no name
  EXPECT_FALSE(one("Content-Disposition: form-data; filename=\"a\""));  // no name
  EXPECT_FALSE(one(field("a") + "\r\n" + field("b")));                  // twice
  EXPECT_FALSE(one(field("a") + "; name=\"b\""));                       // repeated parameter
  EXPECT_FALSE(one(field("a") + "\r\nContent-Type: a/b\r\nContent-Type: c/d"));
  EXPECT_FALSE(one(field("a") + "\r\n folded"));  // no folding
  EXPECT_FALSE(one(field("a") + "\r\nno colon"));
  EXPECT_FALSE(one(field("a") + "; filename=\"unterminated"));
  EXPECT_FALSE(one(field("a\x01")));                             // control character
  EXPECT_FALSE(one(field("a") + "; filename=\"a\nb.pdf\""));     // bare LF
  EXPECT_FALSE(one(field("\xE0\xB8")));                          // broken UTF-8
  EXPECT_FALSE(one(field("a") + "; filename=\"\xFF.pdf\""));     // Latin-1 name
  EXPECT_FALSE(parse_multipart(type, "--b\r\n\r\nx\r\n--b--"));  // no headers at all
  // An 8 KiB header block passes, a larger one does not.
  const std::string head = field("a") + "\r\nX-Pad: ";
  EXPECT_TRUE(one(head + std::string(8192 - head.size(), 'p')));
  EXPECT_FALSE(one(head + std::string(8193 - head.size(), 'p')));
}

TEST(Multipart, RefusesTextFieldsThatAreNotCleanUtf8) {
  constexpr std::string_view type = "multipart/form-data; boundary=b";
  EXPECT_FALSE(parse_multipart(type, build("b", {{field("a"), "\xFF"}})));
  EXPECT_FALSE(parse_multipart(type, build("b", {{field("a"), "\xE0\xB8"}})));
  EXPECT_FALSE(parse_multipart(type, build("b", {{field("a"), std::string("a\0b", 3)}})));
  EXPECT_TRUE(parse_multipart(type, build("b", {{field("a"), "tab\tand\r\nbreaks"}})));
  // File content is not text and is not checked.
  EXPECT_TRUE(parse_multipart(type, build("b", {{file("a", "x.bin"), "\xFF"}})));
}

TEST(Multipart, LimitsTheNumberOfParts) {
  constexpr std::string_view type = "multipart/form-data; boundary=b";
  std::string body;
  for (int i = 0; i < 101; ++i)
    body += "--b\r\n" + field("f" + std::to_string(i)) + "\r\n\r\nv\r\n";
  body += "--b--\r\n";
  EXPECT_FALSE(parse_multipart(type, body));
  EXPECT_FALSE(parse_multipart(type, body, 100));
  auto parsed = parse_multipart(type, body, 101);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->fields.size(), 101u);
  EXPECT_EQ(parsed->fields.back().first, "f100");
  // Omitted empty file inputs count too.
  const std::string empties = build("b", {{file("a", ""), ""}, {file("b", ""), ""}});
  EXPECT_FALSE(parse_multipart(type, empties, 1));
  EXPECT_TRUE(parse_multipart(type, empties, 2));
}

}  // namespace
}  // namespace ruamkit::http
