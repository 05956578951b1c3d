#include "http/multipart.h"

#include <utility>

#include "core/text.h"
#include "core/utf8.h"

namespace ruamkit::http {
namespace {

constexpr std::size_t kMaxHeaderBlock = 8 * 1024;
constexpr std::size_t kMaxBoundary = 70;

bool is_space(char c) { return c == ' ' || c == '\t'; }

// RFC 7230 tchar.
bool is_token_char(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_token_char(c)) return false;
  }
  return true;
}

// RFC 2046 bchars.
bool is_boundary_char(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  switch (c) {
    case '\'':
    case '(':
    case ')':
    case '+':
    case '_':
    case ',':
    case '-':
    case '.':
    case '/':
    case ':':
    case '=':
    case '?':
    case ' ':
      return true;
    default:
      return false;
  }
}

// A header value such as `form-data; name="a"; filename="b.pdf"`: the part
// before the first ';' and the parameters, names lower-cased.
struct HeaderValue {
  std::string_view main;
  std::vector<std::pair<std::string, std::string>> params;

  const std::string* param(std::string_view name) const {
    for (const auto& [key, value] : params) {
      if (key == name) return &value;
    }
    return nullptr;
  }
};

// Parses `value`. Parameter values are tokens (taken leniently: anything up
// to ';' or white space) or quoted strings. Returns nullopt when malformed or
// when a parameter is repeated.
std::optional<HeaderValue> parse_header_value(std::string_view value) {
  HeaderValue out;
  std::size_t i = value.find(';');
  out.main = core::trim_blanks(value.substr(0, i));
  while (i < value.size()) {
    ++i;  // the ';'
    while (i < value.size() && is_space(value[i])) ++i;
    if (i == value.size()) break;   // a trailing ';'
    if (value[i] == ';') continue;  // an empty parameter
    const std::size_t name_start = i;
    while (i < value.size() && value[i] != '=' && value[i] != ';') ++i;
    const std::string_view name = core::trim_blanks(value.substr(name_start, i - name_start));
    if (i == value.size() || value[i] != '=' || !is_token(name)) return std::nullopt;
    ++i;  // the '='
    while (i < value.size() && is_space(value[i])) ++i;
    std::string param_value;
    if (i < value.size() && value[i] == '"') {
      ++i;
      bool closed = false;
      while (i < value.size()) {
        const char c = value[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\' && i < value.size() && (value[i] == '"' || value[i] == '\\')) {
          param_value.push_back(value[i++]);
        } else {
          param_value.push_back(c);
        }
      }
      if (!closed) return std::nullopt;
    } else {
      const std::size_t start = i;
      while (i < value.size() && value[i] != ';' && !is_space(value[i]) && value[i] != '"') ++i;
      param_value.assign(value.substr(start, i - start));
    }
    while (i < value.size() && is_space(value[i])) ++i;
    if (i < value.size() && value[i] != ';') return std::nullopt;
    std::string key = core::ascii_lower(name);
    if (out.param(key) != nullptr) return std::nullopt;
    out.params.emplace_back(std::move(key), std::move(param_value));
  }
  return out;
}

// Returns `name` without the directories some browsers send along.
std::string base_name(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (name == "." || name == "..") return {};
  return std::string(name);
}

// A header line must be single-line, clean UTF-8 (TAB allowed).
bool clean_header_line(std::string_view line) {
  for (const char c : line) {
    if (c == '\r' || c == '\n') return false;
  }
  return core::is_clean_text(line);
}

struct PartHeaders {
  std::string name;
  std::optional<std::string> file_name;
  std::string declared_type;
};

std::optional<PartHeaders> parse_part_headers(std::string_view block) {
  std::optional<HeaderValue> disposition;
  std::optional<std::string> content_type;
  while (!block.empty()) {
    const std::size_t eol = block.find("\r\n");
    const std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    if (!clean_header_line(line)) return std::nullopt;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) return std::nullopt;
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = core::trim_blanks(line.substr(colon + 1));
    if (core::ascii_iequals(name, "Content-Disposition")) {
      if (disposition) return std::nullopt;
      disposition = parse_header_value(value);
      if (!disposition) return std::nullopt;
    } else if (core::ascii_iequals(name, "Content-Type")) {
      if (content_type) return std::nullopt;
      content_type = std::string(value);
    }
  }
  if (!disposition || !core::ascii_iequals(disposition->main, "form-data")) return std::nullopt;
  const std::string* name = disposition->param("name");
  if (name == nullptr || !core::is_clean_text(*name)) return std::nullopt;
  PartHeaders out;
  out.name = *name;
  out.declared_type = content_type.value_or("");
  if (const std::string* file_name = disposition->param("filename")) {
    if (!core::is_clean_text(*file_name)) return std::nullopt;
    out.file_name = base_name(*file_name);
  } else if (disposition->param("filename*") != nullptr) {
    out.file_name = std::string();  // RFC 5987 values are not decoded
  }
  return out;
}

// Finds the next "\r\n--" + boundary at or after `from`. Linear: occurrences
// of "\r\n--" never overlap and the boundary holds no CR, so each comparison
// stops before the next candidate.
std::size_t find_delimiter(std::string_view body, std::string_view boundary, std::size_t from) {
  for (;;) {
    const std::size_t at = body.find("\r\n--", from);
    if (at == std::string_view::npos) return at;
    if (body.substr(at + 4, boundary.size()) == boundary) return at;
    from = at + 4;
  }
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto value = parse_header_value(content_type);
  if (!value || !core::ascii_iequals(value->main, "multipart/form-data")) return std::nullopt;
  const std::string* boundary = value->param("boundary");
  if (boundary == nullptr || boundary->empty() || boundary->size() > kMaxBoundary ||
      boundary->back() == ' ') {
    return std::nullopt;
  }
  for (const char c : *boundary) {
    if (!is_boundary_char(c)) return std::nullopt;
  }
  return *boundary;
}

std::optional<MultipartBody> parse_multipart(std::string_view content_type, std::string_view body,
                                             std::size_t max_parts) {
  const auto boundary = multipart_boundary(content_type);
  if (!boundary) return std::nullopt;
  const std::size_t delimiter_size = 4 + boundary->size();  // "\r\n--" + boundary

  // The first delimiter opens the body or follows a preamble and its CRLF.
  std::size_t pos;
  if (body.size() >= 2 + boundary->size() && body.substr(0, 2) == "--" &&
      body.substr(2, boundary->size()) == *boundary) {
    pos = 2 + boundary->size();
  } else {
    const std::size_t at = find_delimiter(body, *boundary, 0);
    if (at == std::string_view::npos) return std::nullopt;
    pos = at + delimiter_size;
  }

  MultipartBody out;
  std::size_t parts = 0;
  for (;;) {
    // `pos` is just past a boundary.
    if (body.substr(pos, 2) == "--") return out;  // the closing delimiter; the epilogue is ignored
    while (pos < body.size() && is_space(body[pos])) ++pos;
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    if (++parts > max_parts) return std::nullopt;

    std::string_view header_block;
    std::size_t content_start;
    if (body.substr(pos, 2) == "\r\n") {
      content_start = pos + 2;  // no headers at all
    } else {
      const std::size_t end = body.substr(pos, kMaxHeaderBlock + 4).find("\r\n\r\n");
      if (end == std::string_view::npos) return std::nullopt;
      header_block = body.substr(pos, end);
      content_start = pos + end + 4;
    }
    auto headers = parse_part_headers(header_block);
    if (!headers) return std::nullopt;

    const std::size_t next = find_delimiter(body, *boundary, content_start);
    if (next == std::string_view::npos) return std::nullopt;
    const std::string_view content = body.substr(content_start, next - content_start);
    pos = next + delimiter_size;

    if (headers->file_name) {
      if (headers->file_name->empty() && content.empty()) continue;  // an empty file input
      out.files.push_back(FilePart{std::move(headers->name), std::move(*headers->file_name),
                                   std::move(headers->declared_type), std::string(content)});
    } else {
      if (!core::is_clean_text(content)) return std::nullopt;
      out.fields.emplace_back(std::move(headers->name), std::string(content));
    }
  }
}

}  // namespace ruamkit::http
