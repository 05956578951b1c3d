// QR codes as inline SVG, for showing an enrolment link (otpauth://) to an
// authenticator app without any client-side script.
#pragma once

#include <string>
#include <string_view>

namespace ruamkit::web {

// Returns a standalone SVG image of `text` as a QR code: byte mode, error
// correction level M, the smallest version that fits, a 4-module quiet zone.
// The image is one element tree with no scripts and no external references:
//   <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 N N" role="img"
//        shape-rendering="crispEdges"><rect .../><path d="..."/></svg>
// where N is the symbol width plus 8, the <rect> paints the light background
// (so the code scans on dark pages) and the single <path> draws the dark
// modules, one unit per module; it scales to whatever size the page gives it.
// The text is not repeated in the image (it may hold a secret): give the
// <img> its own alt text. The same text always gives the same SVG. Throws
// std::runtime_error when libqrencode cannot encode `text` (empty, or more
// than 2331 bytes, the capacity at level M).
std::string qr_svg(std::string_view text);

// Returns qr_svg(text) as a "data:image/svg+xml;base64,..." URI (standard
// base64 with padding) for an <img src>. Throws as qr_svg does.
std::string qr_svg_data_uri(std::string_view text);

}  // namespace ruamkit::web
