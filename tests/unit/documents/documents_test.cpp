// What documents send with a download: safe file names, Content-Disposition,
// sizes people read; and the file store.
#include "features/documents/documents.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/random.h"

namespace ruamkit::features::documents {
namespace {

TEST(DocumentNames, TheContentDecidesTheExtension) {
  EXPECT_EQ(safe_file_name("report.html", "pdf"), "report.pdf");
  EXPECT_EQ(safe_file_name("รายงานประจำปี 2569.PDF", "pdf"), "รายงานประจำปี 2569.pdf");
  EXPECT_EQ(safe_file_name("slides", "pptx"), "slides.pptx");
  EXPECT_EQ(safe_file_name("archive.tar.gz", "pdf"), "archive.tar.pdf");
}

TEST(DocumentNames, PathsQuotesAndControlCharactersAreRemoved) {
  EXPECT_EQ(safe_file_name("C:\\Users\\x\\plan.docx", "docx"), "plan.docx");
  EXPECT_EQ(safe_file_name("../../etc/passwd", "txt"), "passwd.txt");
  EXPECT_EQ(safe_file_name("a\"b;c\r\nd.pdf", "pdf"), "abcd.pdf");
  EXPECT_EQ(safe_file_name("", "png"), "document.png");
  EXPECT_EQ(safe_file_name("...", "png"), "document.png");
  EXPECT_EQ(safe_file_name(".hidden", "txt"), "hidden.txt");
}

TEST(DocumentNames, LongNamesAreCutOnCharacters) {
  std::string thai;
  for (int i = 0; i < 200; ++i) thai += "ก";
  const auto name = safe_file_name(thai + ".pdf", "pdf");
  EXPECT_EQ(name.size(), 120u * 3 + 4);  // 120 Thai characters of 3 bytes, then ".pdf"
}

TEST(DocumentNames, ContentDispositionCarriesAnAsciiFallbackAndTheUtf8Name) {
  EXPECT_EQ(content_disposition(false, "plan.docx"),
            "attachment; filename=\"plan.docx\"; filename*=UTF-8''plan.docx");
  const auto thai = content_disposition(true, "แผน 1.pdf");
  EXPECT_EQ(thai.rfind("inline; filename=\"", 0), 0u);
  EXPECT_NE(thai.find("filename*=UTF-8''%E0%B9%81%E0%B8%9C%E0%B8%99%201.pdf"), std::string::npos);
  EXPECT_EQ(thai.find("แผน"), std::string::npos);  // no raw UTF-8 in the header
}

TEST(DocumentNames, SizesReadLikeAFileManager) {
  EXPECT_EQ(human_size(12), "12 bytes");
  EXPECT_EQ(human_size(2048), "2 KB");
  EXPECT_EQ(human_size(1024 * 1024 * 3 / 2), "1.5 MB");
}

TEST(DocumentStore, KeepsWhatItWasGivenUntilRemoved) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("ruamkit-store-" + core::random_hex(6));
  FileStore store(dir / "uploads");
  const std::string content("%PDF-1.4\n\0binary\r\n", 19);
  const auto key = store.put(content);
  EXPECT_EQ(key.size(), 32u);
  EXPECT_EQ(store.get(key), content);
  EXPECT_NE(store.put(content), key);  // a new key every time
  store.remove(key);
  EXPECT_FALSE(store.get(key));
  EXPECT_THROW(store.get("../../etc/passwd"), std::invalid_argument);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ruamkit::features::documents
