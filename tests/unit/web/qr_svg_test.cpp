#include "web/qr_svg.h"

#include <gtest/gtest.h>
#include <qrencode.h>
#include <sodium.h>

#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace ruamkit::web {
namespace {

constexpr std::string_view kUri =
    "otpauth://totp/Ruamkit:somchai%40example.go.th?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    "&issuer=Ruamkit&algorithm=SHA1&digits=6&period=30";

std::size_t count(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// Dark cells drawn by the path (in viewBox units), as a size x size grid.
std::vector<std::vector<bool>> cells_of(const std::string& svg, int size) {
  std::vector<std::vector<bool>> cells(size, std::vector<bool>(size, false));
  const auto d_start = svg.find(" d=\"");
  EXPECT_NE(d_start, std::string::npos);
  const std::string d = svg.substr(d_start + 4, svg.find('"', d_start + 4) - d_start - 4);
  const std::regex run("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
  std::size_t consumed = 0;
  for (auto it = std::sregex_iterator(d.begin(), d.end(), run); it != std::sregex_iterator();
       ++it) {
    const auto& m = *it;
    EXPECT_EQ(static_cast<std::size_t>(m.position(0)), consumed) << "stray path data";
    consumed += static_cast<std::size_t>(m.length(0));
    const int x = std::stoi(m[1]), y = std::stoi(m[2]), n = std::stoi(m[3]);
    EXPECT_EQ(m[3], m[4]);
    for (int i = 0; i < n; ++i) {
      EXPECT_FALSE(cells.at(y).at(x + i)) << "drawn twice at " << x + i << "," << y;
      cells.at(y).at(x + i) = true;
    }
  }
  EXPECT_EQ(consumed, d.size()) << "unparsed path data";
  return cells;
}

TEST(QrSvg, RootElementIsAStandaloneAccessibleSvg) {
  const std::string svg = qr_svg("HELLO");  // version 1: 21 modules + 2 * 4 quiet zone
  EXPECT_EQ(
      svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" role=\"img\" "
                "shape-rendering=\"crispEdges\">",
                0),
      0u)
      << svg;
  EXPECT_TRUE(svg.ends_with("</svg>"));
  EXPECT_EQ(count(svg, "<svg"), 1u);
  EXPECT_EQ(count(svg, "<path"), 1u);
  EXPECT_NE(svg.find("<rect width=\"29\" height=\"29\" fill=\"#fff\"/>"), std::string::npos);
  // Top row of the top-left finder pattern: seven dark modules after the quiet zone.
  EXPECT_NE(svg.find(" d=\"M4 4h7v1h-7z"), std::string::npos) << svg;
}

TEST(QrSvg, HasNoScriptsOrExternalReferences) {
  const std::string svg = qr_svg(kUri);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);
  EXPECT_EQ(svg.find("on"), svg.find("ondering"));  // only in shape-rendering
  EXPECT_EQ(count(svg, "http"), 1u);                // the xmlns
  // The secret is not repeated in the image.
  EXPECT_EQ(svg.find("GEZDGNBV"), std::string::npos);
}

TEST(QrSvg, PathDrawsExactlyTheDarkModulesInsideTheQuietZone) {
  QRcode* expected =
      QRcode_encodeData(static_cast<int>(kUri.size()),
                        reinterpret_cast<const unsigned char*>(kUri.data()), 0, QR_ECLEVEL_M);
  ASSERT_NE(expected, nullptr);
  const int width = expected->width;
  const int size = width + 8;
  const std::string svg = qr_svg(kUri);
  EXPECT_NE(svg.find("viewBox=\"0 0 " + std::to_string(size) + " " + std::to_string(size) + "\""),
            std::string::npos);
  const auto cells = cells_of(svg, size);
  int dark = 0;
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      const bool inside = x >= 4 && y >= 4 && x < 4 + width && y < 4 + width;
      const bool want = inside && (expected->data[(y - 4) * width + (x - 4)] & 1) != 0;
      EXPECT_EQ(cells[y][x], want) << "module " << x << "," << y;
      dark += want ? 1 : 0;
    }
  }
  QRcode_free(expected);
  EXPECT_GT(dark, 100);
}

TEST(QrSvg, SameTextSameImage) {
  EXPECT_EQ(qr_svg(kUri), qr_svg(kUri));
  EXPECT_NE(qr_svg(kUri), qr_svg("HELLO"));
  EXPECT_EQ(qr_svg_data_uri(kUri), qr_svg_data_uri(kUri));
}

TEST(QrSvg, EncodesThaiTextAsBytes) {
  // 21 bytes of UTF-8: more than version 1 holds at level M (14), so version 2.
  const std::string svg = qr_svg("ร่วมคิด");
  EXPECT_NE(svg.find("viewBox=\"0 0 33 33\""), std::string::npos) << svg;
}

TEST(QrSvg, ThrowsWhenTheTextCannotBeEncoded) {
  EXPECT_THROW(qr_svg(""), std::runtime_error);
  EXPECT_THROW(qr_svg(std::string(2332, 'a')), std::runtime_error);  // level M holds 2331 bytes
  EXPECT_THROW(qr_svg(std::string(100000, 'a')), std::runtime_error);
  EXPECT_NE(qr_svg(std::string(2331, 'a')).find("viewBox=\"0 0 185 185\""), std::string::npos);
  EXPECT_THROW(qr_svg_data_uri(""), std::runtime_error);
}

TEST(QrSvg, DataUriIsStandardBase64OfTheSvg) {
  const std::string uri = qr_svg_data_uri(kUri);
  const std::string prefix = "data:image/svg+xml;base64,";
  ASSERT_TRUE(uri.starts_with(prefix));
  const std::string encoded = uri.substr(prefix.size());
  EXPECT_EQ(encoded.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="),
            std::string::npos);
  EXPECT_EQ(encoded.size() % 4, 0u);
  std::string decoded(encoded.size(), '\0');
  std::size_t decoded_size = 0;
  ASSERT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(),
                              encoded.data(), encoded.size(), nullptr, &decoded_size, nullptr,
                              sodium_base64_VARIANT_ORIGINAL),
            0);
  decoded.resize(decoded_size);
  EXPECT_EQ(decoded, qr_svg(kUri));
}

}  // namespace
}  // namespace ruamkit::web
