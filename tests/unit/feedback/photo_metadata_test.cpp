#include "features/feedback/photo_metadata.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace ruamkit::features::feedback {
namespace {

std::string segment(unsigned char marker, const std::string& payload) {
  const auto length = payload.size() + 2;
  std::string s;
  s += '\xFF';
  s += static_cast<char>(marker);
  s += static_cast<char>((length >> 8) & 0xFF);
  s += static_cast<char>(length & 0xFF);
  return s + payload;
}

// A JPEG skeleton: SOI, the given segments, a scan with some data, EOI.
std::string jpeg(const std::string& segments) {
  return std::string("\xFF\xD8", 2) + segments + segment(0xDA, std::string("\x00\x01\x02", 3)) +
         std::string("image-data\xFF\x00more", 16) + std::string("\xFF\xD9", 2);
}

TEST(PhotoMetadata, JpegLosesExifXmpAndCommentsButKeepsColourAndPicture) {
  const auto jfif = segment(0xE0, std::string("JFIF\0\1\1", 7));
  const auto exif = segment(0xE1, std::string("Exif\0\0GPSLatitude 13.75", 23));
  const auto xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/ <exif:GPSLongitude>");
  const auto icc = segment(0xE2, "ICC_PROFILE");
  const auto comment = segment(0xFE, "taken by Somsri's phone");
  const auto quant = segment(0xDB, std::string(65, '\x01'));
  const auto stripped = strip_jpeg_metadata(jpeg(jfif + exif + xmp + icc + comment + quant));
  ASSERT_TRUE(stripped);
  EXPECT_EQ(*stripped, jpeg(jfif + icc + quant));
  EXPECT_EQ(stripped->find("GPS"), std::string::npos);
  EXPECT_EQ(stripped->find("Somsri"), std::string::npos);
}

TEST(PhotoMetadata, MalformedJpegIsRefused) {
  EXPECT_FALSE(strip_jpeg_metadata(""));
  EXPECT_FALSE(strip_jpeg_metadata("not a jpeg"));
  auto truncated = jpeg(segment(0xE1, "Exif"));
  truncated.resize(8);  // the APP1 length runs past the end
  EXPECT_FALSE(strip_jpeg_metadata(truncated));
  EXPECT_FALSE(strip_jpeg_metadata(std::string("\xFF\xD8\x00\x00\x00\x00", 6)));
}

std::string chunk(const std::string& type, const std::string& data) {
  std::string s;
  const auto n = static_cast<std::uint32_t>(data.size());
  s += static_cast<char>(n >> 24);
  s += static_cast<char>((n >> 16) & 0xFF);
  s += static_cast<char>((n >> 8) & 0xFF);
  s += static_cast<char>(n & 0xFF);
  return s + type + data + "CRC!";
}

TEST(PhotoMetadata, PngLosesExifAndTextChunks) {
  const std::string signature("\x89PNG\r\n\x1a\n", 8);
  const auto ihdr = chunk("IHDR", std::string(13, '\x01'));
  const auto idat = chunk("IDAT", "pixels");
  const auto iend = chunk("IEND", "");
  const auto png = signature + ihdr + chunk("eXIf", "GPS 13.75 100.5") +
                   chunk("tEXt", "Author\0Somsri") + chunk("iTXt", "XML:com.adobe.xmp") + idat +
                   chunk("tIME", "1234567") + iend;
  const auto stripped = strip_png_metadata(png);
  ASSERT_TRUE(stripped);
  EXPECT_EQ(*stripped, signature + ihdr + idat + iend);
  EXPECT_FALSE(strip_png_metadata(signature + ihdr));  // no IEND
  EXPECT_FALSE(strip_png_metadata("\x89PNG"));
}

TEST(PhotoMetadata, OnlyJpegAndPngAreStripped) {
  EXPECT_TRUE(strip_photo_metadata(jpeg(""), "image/jpeg"));
  EXPECT_FALSE(strip_photo_metadata(jpeg(""), "image/gif"));
  EXPECT_FALSE(strip_photo_metadata(jpeg(""), "image/png"));
}

}  // namespace
}  // namespace ruamkit::features::feedback
