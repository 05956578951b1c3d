#include "web/qr_svg.h"

#include <qrencode.h>
#include <sodium.h>

#include <cerrno>
#include <memory>
#include <stdexcept>

namespace ruamkit::web {
namespace {

constexpr int kQuietZone = 4;
// Above the largest capacity of any QR symbol; keeps the size within an int.
constexpr std::size_t kMaxInput = 7089;

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::string qr_svg(std::string_view text) {
  if (text.size() > kMaxInput) throw std::runtime_error("QR encoding failed: text too long");
  errno = 0;
  const std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!code) {
    const int error = errno;
    throw std::runtime_error(error == ERANGE   ? "QR encoding failed: text too long"
                             : error == EINVAL ? "QR encoding failed: empty or invalid input"
                                               : "QR encoding failed");
  }
  const int width = code->width;
  const std::string size = std::to_string(width + 2 * kQuietZone);

  // Each horizontal run of dark modules becomes one 1-unit-high rectangle.
  std::string path;
  for (int y = 0; y < width; ++y) {
    const unsigned char* row = code->data + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width;) {
      if ((row[x] & 1) == 0) {
        ++x;
        continue;
      }
      int end = x;
      while (end < width && (row[end] & 1) != 0) ++end;
      const std::string run = std::to_string(end - x);
      path += 'M' + std::to_string(x + kQuietZone) + ' ' + std::to_string(y + kQuietZone) + 'h' +
              run + "v1h-" + run + 'z';
      x = end;
    }
  }

  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + ' ' + size +
         "\" role=\"img\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" +
         size + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

std::string qr_svg_data_uri(std::string_view text) {
  const std::string svg = qr_svg(text);
  const std::size_t encoded_size =
      sodium_base64_encoded_len(svg.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string base64(encoded_size, '\0');  // includes the terminating NUL
  sodium_bin2base64(base64.data(), base64.size(),
                    reinterpret_cast<const unsigned char*>(svg.data()), svg.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  base64.pop_back();
  return "data:image/svg+xml;base64," + base64;
}

}  // namespace ruamkit::web
