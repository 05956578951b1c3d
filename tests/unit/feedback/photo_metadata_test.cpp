#include "features/feedback/photo_metadata.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../../support/temp_dir.h"

namespace ruamkit::features::feedback {
namespace {

using namespace std::string_literals;

std::string segment(unsigned char marker, const std::string& payload) {
  const auto length = payload.size() + 2;
  std::string s;
  s += '\xFF';
  s += static_cast<char>(marker);
  s += static_cast<char>((length >> 8) & 0xFF);
  s += static_cast<char>(length & 0xFF);
  return s + payload;
}

// A JPEG skeleton: SOI, the given segments, a scan (header of one
// component) with some data, EOI.
std::string jpeg(const std::string& segments) {
  return std::string("\xFF\xD8", 2) + segments +
         segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6)) +
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

std::string be32(std::uint32_t n) {
  std::string s;
  s += static_cast<char>(n >> 24);
  s += static_cast<char>((n >> 16) & 0xFF);
  s += static_cast<char>((n >> 8) & 0xFF);
  s += static_cast<char>(n & 0xFF);
  return s;
}

std::uint32_t crc32(const std::string& data) {
  std::uint32_t crc = 0xFFFFFFFF;
  for (const char c : data) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// A PNG chunk: length, type, data, CRC of type and data.
std::string chunk(const std::string& type, const std::string& data) {
  return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
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

// ---------------------------------------------------------------------------
// Whole files: tests/data/photos (made by make_fixtures.py there; see its
// README). Each input comes with the exact bytes stripping must give.

std::string fixture(std::string_view name) { return ruamkit::testing::test_data("photos", name); }

// The markers of a JPEG in order, as a decoder meets them: SOI, each segment,
// RSTn inside the scan data, EOI. `rest` gets the bytes after EOI and
// `stuffed` counts the 0xFF00 pairs of the scan data. Empty when the
// structure is broken.
struct JpegLayout {
  std::vector<unsigned char> markers;
  std::size_t stuffed = 0;
  std::string rest;

  std::size_t count(unsigned char marker) const {
    std::size_t n = 0;
    for (const auto m : markers) n += m == marker;
    return n;
  }
  std::size_t count_frames() const {
    std::size_t n = 0;
    for (const auto m : markers) {
      n += m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }
    return n;
  }
  std::size_t count_restarts() const {
    std::size_t n = 0;
    for (const auto m : markers) n += m >= 0xD0 && m <= 0xD7;
    return n;
  }
};

JpegLayout jpeg_layout(std::string_view s) {
  auto at_ = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  JpegLayout layout;
  if (s.size() < 2 || at_(0) != 0xFF || at_(1) != 0xD8) return {};
  layout.markers.push_back(0xD8);
  std::size_t at = 2;
  while (at + 1 < s.size() && at_(at) == 0xFF) {
    const auto marker = at_(at + 1);
    layout.markers.push_back(marker);
    if (marker == 0xD9) {
      layout.rest = std::string(s.substr(at + 2));
      return layout;
    }
    if (at + 4 > s.size()) return {};
    at += 2 + ((std::size_t{at_(at + 2)} << 8) | at_(at + 3));
    if (marker != 0xDA) continue;
    while (at + 1 < s.size()) {  // scan data
      if (at_(at) != 0xFF) {
        ++at;
      } else if (at_(at + 1) == 0x00) {
        ++layout.stuffed;
        at += 2;
      } else if (at_(at + 1) >= 0xD0 && at_(at + 1) <= 0xD7) {
        layout.markers.push_back(at_(at + 1));
        at += 2;
      } else {
        break;
      }
    }
  }
  return {};
}

// The GPS positions of the fixtures as EXIF writes them (three rationals).
std::string rationals(std::initializer_list<std::pair<std::uint32_t, std::uint32_t>> values) {
  std::string out;
  for (const auto& [n, d] : values) {
    for (const auto v : {n, d}) {
      for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
    }
  }
  return out;
}
const std::string kLatitude1 = rationals({{13, 1}, {45, 1}, {2350, 100}});
const std::string kLatitude2 = rationals({{18, 1}, {47, 1}, {3100, 100}});

struct PhotoFixture {
  const char* input;
  const char* stripped;
  const char* mime;
  std::vector<std::string> gone;  // in the input, not in the output
};

void PrintTo(const PhotoFixture& c, std::ostream* os) { *os << c.input; }

class PhotoFixtures : public ::testing::TestWithParam<PhotoFixture> {};

TEST_P(PhotoFixtures, StripToExactlyThePicture) {
  const auto& f = GetParam();
  const auto input = fixture(f.input);
  const auto expected = fixture(f.stripped);
  ASSERT_FALSE(input.empty());
  ASSERT_FALSE(expected.empty());
  const auto stripped = strip_photo_metadata(input, f.mime);
  ASSERT_TRUE(stripped);
  EXPECT_TRUE(*stripped == expected)
      << "stripped " << stripped->size() << " bytes, expected " << expected.size();
  for (const auto& gone : f.gone) {
    EXPECT_NE(input.find(gone), std::string::npos) << "the fixture lacks " << gone;
    EXPECT_EQ(stripped->find(gone), std::string::npos) << gone;
  }
  EXPECT_EQ(strip_photo_metadata(*stripped, f.mime), *stripped)
      << "stripping twice changes nothing";
}

INSTANTIATE_TEST_SUITE_P(
    PhotoMetadata, PhotoFixtures,
    ::testing::Values(
        PhotoFixture{"multi_picture_gps.jpg",
                     "multi_picture_gps.stripped.jpg",
                     "image/jpeg",
                     {"Exif\0\0"s, "MPF\0"s, "http://ns.adobe.com/xap/1.0/", "hdrgm",
                      "RuamkitPhone", "RK-1", "RK-2", "Somsri", kLatitude1, kLatitude2}},
        PhotoFixture{"progressive_restart_gps.jpg",
                     "progressive_restart_gps.stripped.jpg",
                     "image/jpeg",
                     {"Exif\0\0"s, "RuamkitPhone", kLatitude1, "TRAILER", "GPS 13.7563"}},
        PhotoFixture{"exif_text_trailer.png",
                     "exif_text_trailer.stripped.png",
                     "image/png",
                     {"eXIf", "tEXt", "zTXt", "iTXt", "tIME", "prVt", "RuamkitPhone", "Somsri",
                      "xmpmeta", "\xFF\xD8\xFF\xE0"s, kLatitude1, kLatitude2}}));

TEST(PhotoMetadata, AMultiPictureFileKeepsOnlyItsPrimaryImage) {
  // A phone's MPF file: the primary image (EXIF with GPS, XMP, the MPF index
  // in APP2, a comment) and, after its EOI, a second JPEG with its own EXIF.
  const auto input = fixture("multi_picture_gps.jpg");
  const auto before = jpeg_layout(input);
  ASSERT_FALSE(before.markers.empty());
  EXPECT_EQ(before.count(0xE1), 2u) << "EXIF and XMP";
  EXPECT_EQ(before.count(0xE2), 1u) << "MPF";
  ASSERT_TRUE(before.rest.starts_with("\xFF\xD8"s)) << "a second image after the first EOI";
  EXPECT_NE(before.rest.find("Exif\0\0"s), std::string::npos);
  EXPECT_NE(before.rest.find(kLatitude2), std::string::npos);

  const auto stripped = strip_jpeg_metadata(input);
  ASSERT_TRUE(stripped);
  const auto after = jpeg_layout(*stripped);
  ASSERT_FALSE(after.markers.empty()) << "still a JPEG";
  EXPECT_EQ(after.markers.front(), 0xD8);
  EXPECT_EQ(after.markers.back(), 0xD9);
  EXPECT_TRUE(stripped->ends_with("\xFF\xD9"s));
  EXPECT_TRUE(after.rest.empty()) << "nothing after EOI";
  EXPECT_EQ(after.count(0xD8), 1u);
  EXPECT_EQ(after.count(0xD9), 1u);
  EXPECT_EQ(after.count_frames(), 1u);
  EXPECT_EQ(after.count(0xDA), 1u);
  EXPECT_EQ(after.count(0xE0), 1u) << "JFIF";
  for (unsigned char app = 0xE1; app <= 0xEF; ++app) EXPECT_EQ(after.count(app), 0u) << int{app};
  EXPECT_EQ(after.count(0xFE), 0u);
  EXPECT_EQ(stripped->find("\xFF\xD8"s, 2), std::string::npos) << "no second SOI";
}

TEST(PhotoMetadata, AProgressiveJpegKeepsEveryScanRestartAndStuffedByte) {
  const auto expected = fixture("progressive_restart_gps.stripped.jpg");
  const auto stripped = strip_jpeg_metadata(fixture("progressive_restart_gps.jpg"));
  ASSERT_TRUE(stripped);
  const auto layout = jpeg_layout(*stripped);
  ASSERT_FALSE(layout.markers.empty());
  EXPECT_GT(layout.count(0xDA), 1u) << "several scans";
  EXPECT_GT(layout.count(0xC4), 1u) << "Huffman tables between scans";
  EXPECT_GT(layout.count(0xDD), 0u) << "DRI";
  EXPECT_GT(layout.count_restarts(), 1u);
  EXPECT_GT(layout.stuffed, 0u);
  EXPECT_TRUE(layout.rest.empty());
  EXPECT_EQ(layout.markers, jpeg_layout(expected).markers);
}

// ---------------------------------------------------------------------------
// JPEG segments one by one.

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (const int v : values) out += static_cast<char>(v);
  return out;
}

const std::string kSoi = "\xFF\xD8"s;
const std::string kEoi = "\xFF\xD9"s;
const std::string kFrame = segment(0xC0, "\x08\x00\x10\x00\x10\x01\x01\x11\x00"s);
// Huffman tables of one code each: DC class 0 and AC class 1, table 0.
const std::string kDhtDc = segment(0xC4, "\x00\x01"s + std::string(15, '\0') + "\x00"s);
const std::string kDhtAc = segment(0xC4, "\x10\x01"s + std::string(15, '\0') + "\x00"s);
const std::string kTables = segment(0xDB, std::string(65, '\x02')) + kDhtDc;
const std::string kScan = segment(0xDA, "\x01\x01\x00\x00\x3F\x00"s);

struct JpegCase {
  const char* name;
  std::string input;
  std::string stripped;
};

void PrintTo(const JpegCase& c, std::ostream* os) { *os << c.name; }

class JpegCases : public ::testing::TestWithParam<JpegCase> {};

TEST_P(JpegCases, StripsToTheWhitelist) {
  const auto stripped = strip_jpeg_metadata(GetParam().input);
  ASSERT_TRUE(stripped);
  EXPECT_EQ(*stripped, GetParam().stripped);
}

const std::string kJfif = segment(0xE0, "JFIF\0\x01\x02\x01\x00\x48\x00\x48\x00\x00"s);

INSTANTIATE_TEST_SUITE_P(
    PhotoMetadata, JpegCases,
    ::testing::Values(
        JpegCase{"TrailerAfterEoi", kSoi + kFrame + kScan + "ab" + kEoi + "GPS 13.75 trailer",
                 kSoi + kFrame + kScan + "ab" + kEoi},
        JpegCase{"AppendedJpeg",
                 kSoi + kFrame + kScan + "ab" + kEoi + kSoi + segment(0xE1, "Exif\0\0GPS"s) +
                     kFrame + kScan + "cd" + kEoi,
                 kSoi + kFrame + kScan + "ab" + kEoi},
        JpegCase{"MpfDroppedIccKept",
                 kSoi + segment(0xE2, "MPF\0MM\0*"s) + segment(0xE2, "ICC_PROFILE\0\x01\x01icc"s) +
                     segment(0xE2, "FPXR\0flashpix"s) + kFrame + kScan + "ab" + kEoi,
                 kSoi + segment(0xE2, "ICC_PROFILE\0\x01\x01icc"s) + kFrame + kScan + "ab" + kEoi},
        JpegCase{"JfifThumbnailCut",
                 kSoi + segment(0xE0, "JFIF\0\x01\x02\x01\x00\x48\x00\x48\x01\x01RGB"s) + kFrame +
                     kScan + "ab" + kEoi,
                 kSoi + kJfif + kFrame + kScan + "ab" + kEoi},
        JpegCase{"JfxxThumbnailAndOtherApp0Dropped",
                 kSoi + kJfif + segment(0xE0, "JFXX\0\x10thumb"s) + segment(0xE0, "AVI1\0"s) +
                     kFrame + kScan + "ab" + kEoi,
                 kSoi + kJfif + kFrame + kScan + "ab" + kEoi},
        JpegCase{"AdobeCutToItsFields",
                 kSoi + segment(0xEE, "Adobe\0\x64\0\0\0\0\x01 and more"s) + kFrame + kScan + "ab" +
                     kEoi,
                 kSoi + segment(0xEE, "Adobe\0\x64\0\0\0\0\x01"s) + kFrame + kScan + "ab" + kEoi},
        JpegCase{"EveryOtherAppAndCommentDropped",
                 kSoi + segment(0xE1, "Exif\0\0"s) +
                     segment(0xE1, "http://ns.adobe.com/xap/1.0/"s) + segment(0xE3, "Meta"s) +
                     segment(0xEB, "JP\0\x01jumb c2pa"s) + segment(0xED, "Photoshop 3.0\0"s) +
                     segment(0xEE, "NotAdobe"s) + segment(0xEF, "x"s) + segment(0xFE, "comment"s) +
                     kFrame + kScan + "ab" + kEoi,
                 kSoi + kFrame + kScan + "ab" + kEoi},
        JpegCase{
            "ScanDataWithStuffingAndRestarts",
            kSoi + segment(0xDD, "\x00\x01"s) + kFrame + kScan +
                bytes({0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD7, 0xFF, 0x00}) + kEoi,
            kSoi + segment(0xDD, "\x00\x01"s) + kFrame + kScan +
                bytes({0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD7, 0xFF, 0x00}) + kEoi},
        JpegCase{"ProgressiveScansWithTablesBetween",
                 kSoi + kTables + segment(0xC2, "\x08\x00\x10\x00\x10\x01\x01\x11\x00"s) + kScan +
                     "first\xFF\x00"s + kDhtAc + segment(0xFE, "between"s) +
                     segment(0xE1, "Exif\0\0"s) + kScan + "second" + segment(0xDD, "\x00\x02"s) +
                     kScan + "third\xFF\xD1x"s + kEoi,
                 kSoi + kTables + segment(0xC2, "\x08\x00\x10\x00\x10\x01\x01\x11\x00"s) + kScan +
                     "first\xFF\x00"s + kDhtAc + kScan + "second" + segment(0xDD, "\x00\x02"s) +
                     kScan + "third\xFF\xD1x"s + kEoi},
        JpegCase{"FillBytesDropped", kSoi + "\xFF\xFF"s + kFrame + kScan + "ab\xFF\xFF\xFF"s + kEoi,
                 kSoi + kFrame + kScan + "ab" + kEoi},
        JpegCase{"NumberOfLinesAfterTheFirstScanKept",
                 kSoi + kFrame + kScan + "ab" + segment(0xDC, "\x00\x10"s) + kEoi,
                 kSoi + kFrame + kScan + "ab" + segment(0xDC, "\x00\x10"s) + kEoi},
        JpegCase{"ArithmeticCodingTablesKept",
                 kSoi + segment(0xC9, "\x08\x00\x10\x00\x10\x01\x01\x11\x00"s) +
                     segment(0xCC, "\x00\x10"s) + kScan + "ab" + kEoi,
                 kSoi + segment(0xC9, "\x08\x00\x10\x00\x10\x01\x01\x11\x00"s) +
                     segment(0xCC, "\x00\x10"s) + kScan + "ab" + kEoi}),
    [](const auto& info) { return std::string(info.param.name); });

struct Malformed {
  const char* name;
  std::string input;
};

void PrintTo(const Malformed& c, std::ostream* os) { *os << c.name; }

class MalformedJpegs : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedJpegs, AreRefused) { EXPECT_FALSE(strip_jpeg_metadata(GetParam().input)); }

INSTANTIATE_TEST_SUITE_P(
    PhotoMetadata, MalformedJpegs,
    ::testing::Values(
        Malformed{"OnlySoi", kSoi}, Malformed{"SoiEoi", kSoi + kEoi},
        Malformed{"EoiBeforeAnyScan", kSoi + kFrame + kEoi + kScan + "ab" + kEoi},
        Malformed{"TruncatedInScanData", kSoi + kFrame + kScan + "abcdef"},
        Malformed{"TruncatedAfterFF", kSoi + kFrame + kScan + "ab\xFF"s},
        Malformed{"TruncatedInSegment", kSoi + kFrame.substr(0, 6)},
        Malformed{"TruncatedAfterSegment", kSoi + kFrame},
        Malformed{"SecondSoi", kSoi + kFrame + kSoi + kScan + "ab" + kEoi},
        Malformed{"SecondSoiInScan", kSoi + kFrame + kScan + "ab\xFF\xD8"s + kEoi},
        Malformed{"RestartOutsideAScan", kSoi + "\xFF\xD0"s + kFrame + kScan + "ab" + kEoi},
        Malformed{"TemMarker", kSoi + "\xFF\x01"s + kFrame + kScan + "ab" + kEoi},
        Malformed{"StuffingOutsideAScan", kSoi + "\xFF\x00"s + kFrame + kScan + "ab" + kEoi},
        Malformed{"JpegLsFrame", kSoi + segment(0xF7, "\x08\x00\x10"s) + kScan + "ab" + kEoi},
        Malformed{"JpgMarker", kSoi + segment(0xC8, "x"s) + kFrame + kScan + "ab" + kEoi},
        Malformed{"ReservedMarker", kSoi + segment(0x02, "x"s) + kFrame + kScan + "ab" + kEoi},
        Malformed{"GarbageWhereAMarkerMustBe", kSoi + "garbage" + kFrame + kScan + "ab" + kEoi},
        Malformed{"GarbageBetweenSegments", kSoi + kFrame + "x" + kScan + "ab" + kEoi},
        Malformed{"LengthBelowTwo", kSoi + "\xFF\xDB\x00\x01"s + kFrame + kScan + "ab" + kEoi},
        Malformed{"LengthPastTheEnd", kSoi + "\xFF\xE1\xFF\xFF"s + "Exif" + kEoi},
        Malformed{"PngBytes", "\x89PNG\r\n\x1A\n"s + kEoi},
        // A scan header said to be longer than its Ns components: copied
        // whole, it would carry the EOI and an appended image's EXIF along.
        Malformed{"ScanHeaderLongerThanItsComponents",
                  kSoi + kFrame + "\xFF\xDA\x00\x30\x01\x01\x00\x00\x3F\x00"s + "ab" + kEoi + kSoi +
                      segment(0xE1, "Exif\0\0GPS 13.75"s) + kFrame + kScan + "cd" + kEoi},
        Malformed{"ScanHeaderWithoutComponents",
                  kSoi + kFrame + segment(0xDA, "\x00\x00\x3F\x00"s) + "ab" + kEoi},
        Malformed{
            "FrameLongerThanItsComponents",
            kSoi + segment(0xC0, "\x08\x00\x10\x00\x10\x01\x01\x11\x00GPS"s) + kScan + "ab" + kEoi},
        Malformed{
            "QuantisationTableWithMoreBytes",
            kSoi + segment(0xDB, std::string(65, '\x02') + "GPS") + kFrame + kScan + "ab" + kEoi},
        Malformed{
            "QuantisationTableOfNoPrecision",
            kSoi + segment(0xDB, "\x20"s + std::string(64, '\x02')) + kFrame + kScan + "ab" + kEoi},
        Malformed{"HuffmanTableWithMoreBytes",
                  kSoi + segment(0xC4, "\x00\x01"s + std::string(15, '\0') + "\x00GPS"s) + kFrame +
                      kScan + "ab" + kEoi},
        Malformed{"HuffmanTableShortOfItsValues",
                  kSoi + segment(0xC4, "\x00\x05"s + std::string(15, '\0') + "\x00"s) + kFrame +
                      kScan + "ab" + kEoi},
        Malformed{"RestartIntervalOfThreeBytes",
                  kSoi + segment(0xDD, "\x00\x01\x02"s) + kFrame + kScan + "ab" + kEoi}),
    [](const auto& info) { return std::string(info.param.name); });

// ---------------------------------------------------------------------------
// PNG chunks one by one.

const std::string kPngSignature = "\x89PNG\r\n\x1a\n"s;
const std::string kIhdr = chunk("IHDR", std::string(13, '\x01'));
const std::string kIdat = chunk("IDAT", "pixels");
const std::string kIend = chunk("IEND", "");

TEST(PhotoMetadata, PngKeepsOnlyTheChunksOfThePicture) {
  struct Case {
    const char* type;
    bool kept;
  };
  const Case cases[] = {
      {"PLTE", true},  {"tRNS", true},  {"gAMA", true},  {"cHRM", true},  {"sRGB", true},
      {"iCCP", true},  {"cICP", true},  {"mDCV", true},  {"cLLI", true},  {"sBIT", true},
      {"bKGD", true},  {"pHYs", true},  {"acTL", true},  {"fcTL", true},  {"fdAT", true},
      {"eXIf", false}, {"tEXt", false}, {"zTXt", false}, {"iTXt", false}, {"tIME", false},
      {"hIST", false}, {"sPLT", false}, {"oFFs", false}, {"caBX", false}, {"iDOT", false},
      {"prVt", false}, {"dSIG", false},
  };
  for (const auto& c : cases) {
    const auto extra = chunk(c.type, "GPS 13.75 100.5");
    const auto stripped = strip_png_metadata(kPngSignature + kIhdr + extra + kIdat + kIend);
    ASSERT_TRUE(stripped) << c.type;
    EXPECT_EQ(*stripped, kPngSignature + kIhdr + (c.kept ? extra : "") + kIdat + kIend) << c.type;
  }
}

TEST(PhotoMetadata, PngEndsAtIend) {
  const auto png = kPngSignature + kIhdr + kIdat + kIend;
  EXPECT_EQ(strip_png_metadata(png + "GPS 13.75 100.5"), png);
  EXPECT_EQ(strip_png_metadata(png + chunk("eXIf", "GPS")), png);
  EXPECT_EQ(strip_png_metadata(png + chunk("IDAT", "more pixels") + kIend), png);
}

TEST(PhotoMetadata, MalformedPngIsRefused) {
  const std::string refused[] = {
      kPngSignature + kIhdr + kIdat,                                           // no IEND
      kPngSignature + kIhdr + kIend,                                           // no IDAT
      kPngSignature + kIdat + kIhdr + kIend,                                   // IHDR not first
      kPngSignature + chunk("IHDR", std::string(12, '\x01')) + kIdat + kIend,  // IHDR too short
      kPngSignature + kIhdr + kIhdr + kIdat + kIend,                           // two IHDRs
      kPngSignature + kIhdr + chunk("CgBI", "apple") + kIdat + kIend,          // unknown critical
      kPngSignature + kIhdr + chunk("t3Xt", "x") + kIdat + kIend,              // not a chunk type
      kPngSignature + kIhdr + kIdat + chunk("IEND", "x"),                      // IEND with data
      kPngSignature + kIhdr + "\xFF\xFF\xFF\xF0tEXt"s + kIdat + kIend,  // length past the end
      kPngSignature + kIhdr + kIdat + kIend.substr(0, 8),               // truncated IEND
      "\x89PNG\r\n\x1a\r"s + kIhdr + kIdat + kIend,                     // signature
      kPngSignature + kIhdr + kIdat.substr(0, kIdat.size() - 4) + "CRC!" + kIend,  // CRC
      // pHYs, its length damaged (9 → 30): without the CRC it would swallow
      // the eXIf after it (the eXIf's CRC read as its own) and be kept.
      kPngSignature + kIhdr + be32(30) + "pHYs" + std::string(9, '\x01') +
          chunk("eXIf", "MM\0*GPS 13.75"s) + kIdat + kIend,
  };
  for (const auto& png : refused) EXPECT_FALSE(strip_png_metadata(png)) << png.size();
}

}  // namespace
}  // namespace ruamkit::features::feedback
