#include "core/file_types.h"

#include <magic.h>

#include <array>
#include <cstdint>
#include <stdexcept>

#include "core/text.h"

namespace ruamkit::core {
namespace {

// Decompressing, tar, ELF details and OS/2 application types are of no use
// for documents; CDF (legacy Office), text, CSV and JSON checks stay on.
constexpr int kMagicFlags = MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS |
                            MAGIC_NO_CHECK_TAR | MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_APPTYPE;

// A libmagic handle; magic_t must not be shared between threads.
class Magic {
 public:
  Magic() : cookie_(magic_open(kMagicFlags)) {
    if (cookie_ == nullptr) throw std::runtime_error("libmagic: magic_open failed");
    if (magic_load(cookie_, nullptr) != 0) {
      const char* error = magic_error(cookie_);
      std::string message = "libmagic: cannot load the default database: ";
      message += error != nullptr ? error : "unknown error";
      magic_close(cookie_);
      throw std::runtime_error(message);
    }
  }
  ~Magic() { magic_close(cookie_); }
  Magic(const Magic&) = delete;
  Magic& operator=(const Magic&) = delete;

  // Returns the MIME type of `content`, or "" when libmagic fails.
  std::string mime_type(std::string_view content) {
    const char* type = magic_buffer(cookie_, content.data(), content.size());
    return type != nullptr ? std::string(type) : std::string();
  }

 private:
  magic_t cookie_;
};

Magic& thread_magic() {
  thread_local Magic magic;
  return magic;
}

struct Accepted {
  std::string_view mime;
  std::string_view extension;
  bool inline_safe;
};

constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kPptx =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

constexpr std::array<Accepted, 16> kAccepted = {{
    {"application/pdf", "pdf", true},
    {"image/png", "png", true},
    {"image/jpeg", "jpg", true},
    {"image/gif", "gif", true},
    {"image/webp", "webp", true},
    {kDocx, "docx", false},
    {kXlsx, "xlsx", false},
    {kPptx, "pptx", false},
    {"application/msword", "doc", false},
    {"application/vnd.ms-excel", "xls", false},
    {"application/vnd.ms-powerpoint", "ppt", false},
    {"application/vnd.oasis.opendocument.text", "odt", false},
    {"application/vnd.oasis.opendocument.spreadsheet", "ods", false},
    {"application/vnd.oasis.opendocument.presentation", "odp", false},
    {"text/plain", "txt", false},
    {"text/csv", "csv", false},
}};

const Accepted* find_accepted(std::string_view mime) {
  for (const Accepted& type : kAccepted) {
    if (type.mime == mime) return &type;
  }
  return nullptr;
}

// True when the text starts with '<' after a byte order mark, white space
// and NULs (so UTF-16 counts too).
bool starts_with_markup(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  } else if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    text.remove_prefix(2);
  }
  for (const char c : text) {
    switch (c) {
      case '\0':
      case ' ':
      case '\t':
      case '\r':
      case '\n':
      case '\f':
      case '\v':
        continue;
      default:
        return c == '<';
    }
  }
  return false;
}

// True when "<script" occurs in any case, NULs skipped (UTF-16). '<' occurs
// only first in the pattern, so restarting on a mismatch misses nothing.
bool contains_script_tag(std::string_view text) {
  constexpr std::string_view kTag = "<script";
  std::size_t matched = 0;
  for (const char c : text) {
    if (c == '\0') continue;
    if (ascii_lower(c) == kTag[matched]) {
      if (++matched == kTag.size()) return true;
    } else {
      matched = c == '<' ? 1 : 0;
    }
  }
  return false;
}

std::uint32_t le16(std::string_view s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8);
}

std::uint32_t le32(std::string_view s, std::size_t at) {
  return le16(s, at) | (le16(s, at + 2) << 16);
}

// Reads the central directory of a zip file and returns the OOXML type its
// entry names show: [Content_Types].xml plus exactly one of the word/, xl/
// and ppt/ folders. Returns "" when it is not OOXML or the zip is malformed
// (or Zip64, which documents of upload size do not need).
std::string_view ooxml_type_of_zip(std::string_view zip) {
  constexpr std::size_t kEndRecord = 22;  // without its comment (up to 64 KiB)
  if (zip.size() < kEndRecord) return {};
  const std::size_t lowest =
      zip.size() - kEndRecord > 0xFFFF ? zip.size() - kEndRecord - 0xFFFF : 0;
  std::size_t end = std::string_view::npos;
  for (std::size_t at = zip.size() - kEndRecord + 1; at-- > lowest;) {
    if (zip.compare(at, 4, "PK\x05\x06") == 0) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) return {};
  const std::uint32_t entries = le16(zip, end + 10);
  const std::uint32_t directory_size = le32(zip, end + 12);
  const std::uint32_t directory_offset = le32(zip, end + 16);
  if (directory_offset > end || directory_size > end - directory_offset) return {};

  constexpr std::size_t kEntryHeader = 46;
  std::size_t at = directory_offset;
  const std::size_t directory_end = directory_offset + directory_size;
  bool content_types = false;
  bool word = false;
  bool xl = false;
  bool ppt = false;
  for (std::uint32_t i = 0; i < entries; ++i) {
    if (directory_end - at < kEntryHeader || zip.compare(at, 4, "PK\x01\x02") != 0) return {};
    const std::size_t name_size = le16(zip, at + 28);
    const std::size_t rest = name_size + le16(zip, at + 30) + le16(zip, at + 32);
    if (directory_end - at - kEntryHeader < rest) return {};
    const std::string_view name = zip.substr(at + kEntryHeader, name_size);
    content_types = content_types || name == "[Content_Types].xml";
    word = word || name.starts_with("word/");
    xl = xl || name.starts_with("xl/");
    ppt = ppt || name.starts_with("ppt/");
    at += kEntryHeader + rest;
  }
  if (!content_types || word + xl + ppt != 1) return {};
  return word ? kDocx : xl ? kXlsx : kPptx;
}

}  // namespace

std::optional<FileType> detect_document_type(std::string_view content) {
  if (content.empty()) return std::nullopt;
  std::string mime = thread_magic().mime_type(content);
  if (mime == "application/zip") mime = ooxml_type_of_zip(content);
  const Accepted* type = find_accepted(mime);
  if (type == nullptr) return std::nullopt;
  if (type->mime.starts_with("text/") &&
      (starts_with_markup(content) || contains_script_tag(content))) {
    return std::nullopt;
  }
  return FileType{std::string(type->mime), std::string(type->extension), type->inline_safe};
}

std::optional<FileType> document_type_for_mime(std::string_view mime) {
  const Accepted* type = find_accepted(mime);
  if (type == nullptr) return std::nullopt;
  return FileType{std::string(type->mime), std::string(type->extension), type->inline_safe};
}

}  // namespace ruamkit::core
