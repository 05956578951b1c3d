// multipart/form-data request bodies (RFC 7578 on top of RFC 2046), as
// browsers send them for forms with file inputs. Everything that comes out is
// checked text, except the bytes of uploaded files, which are kept exactly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace ruamkit::http {

struct MultipartBody {
  Params fields;                // text fields, in order
  std::vector<FilePart> files;  // parts with a filename= parameter, in order
};

// Returns the boundary parameter of a multipart/form-data Content-Type
// (quoted or not). Returns nullopt when the type is not multipart/form-data,
// or the boundary is missing, given twice or not valid per RFC 2046 (1 to 70
// characters from its bchars set, not ending in a space).
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Parses a multipart/form-data `body` sent with `content_type`.
//
// A part is a file when its Content-Disposition has a filename= parameter
// (even an empty one) or a filename*= one (whose value is ignored); a file
// input the browser left empty (filename="" and no content) is omitted. Other
// parts are text fields. Parameters may be tokens or quoted strings, where
// \" and \\ are escapes and any other backslash is kept (old browsers send
// Windows paths unescaped). Names are not percent-decoded: browsers send
// %22 for '"' and %0D%0A for line breaks in them, and those stay as sent.
// Part headers other than Content-Disposition and Content-Type are ignored.
//
// Returns nullopt for malformed input: no boundary in `content_type`, no
// opening delimiter, a delimiter line with anything but spaces or tabs after
// the boundary, no closing delimiter, more than `max_parts` parts, a part
// header block over 8 KiB or with a line that is not "Name: value" in clean
// single-line UTF-8 (no folding), a part without exactly one
// Content-Disposition: form-data with a name parameter, a repeated parameter
// or Content-Type, a field name or file name that is not clean text, or a
// text field value that is not clean text (valid UTF-8 without control
// characters other than TAB, CR and LF, as parse_form demands).
//
// Runs in time linear in the size of `body`.
std::optional<MultipartBody> parse_multipart(std::string_view content_type, std::string_view body,
                                             std::size_t max_parts = 100);

}  // namespace ruamkit::http
