#include "features/documents/documents.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "core/clock.h"
#include "core/random.h"
#include "core/text.h"
#include "core/utf8.h"
#include "http/url.h"

namespace ruamkit::features::documents {
namespace {

constexpr const char* kColumns =
    "SELECT id AS id, organisation_id AS organisation_id, owner_kind AS owner_kind, "
    "owner_id AS owner_id, title AS title, file_name AS file_name, "
    "content_type AS content_type, sha256 AS sha256, storage_key AS storage_key, "
    "created_at AS created_at, byte_size AS byte_size FROM documents ";

Document read_document(const storage::Rows& r) {
  Document d;
  d.id = r.integer("id");
  d.organisation_id = r.integer("organisation_id");
  d.owner = {r.text("owner_kind"), r.integer("owner_id")};
  d.title = r.text("title");
  d.file_name = r.text("file_name");
  d.content_type = r.text("content_type");
  d.sha256 = r.text("sha256");
  d.storage_key = r.text("storage_key");
  d.created_at = r.text("created_at");
  d.byte_size = r.integer("byte_size");
  return d;
}

bool valid_key(const std::string& key) {
  if (key.size() != 32) return false;
  for (char ch : key) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string Document::url() const {
  return "/documents/" + std::to_string(id) + "/" + http::encode_path_segment(file_name);
}

FileStore::FileStore(std::filesystem::path directory) : directory_(std::move(directory)) {
  std::filesystem::create_directories(directory_);
}

std::filesystem::path FileStore::path_of(const std::string& key) const {
  if (!valid_key(key)) throw std::invalid_argument("malformed document storage key");
  return directory_ / key.substr(0, 2) / key;
}

std::string FileStore::put(std::string_view content) const {
  const auto key = core::random_hex(16);
  const auto path = path_of(key);
  std::filesystem::create_directories(path.parent_path());
  const auto partial = path.string() + ".part";
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) throw std::runtime_error("cannot create " + partial);
  std::size_t written = 0;
  while (written < content.size()) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n <= 0) {
      ::close(fd);
      std::remove(partial.c_str());
      throw std::runtime_error("cannot write " + partial);
    }
    written += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    throw std::runtime_error("cannot store " + path.string());
  }
  // The new name (and a new subdirectory) are durable only once their
  // directories are synced: the row that refers to them commits with
  // synchronous=FULL.
  for (const auto& dir : {path.parent_path(), directory_}) {
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
  }
  return key;
}

std::optional<std::string> FileStore::get(const std::string& key) const {
  std::ifstream in(path_of(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

void FileStore::remove(const std::string& key) const {
  std::error_code ec;
  std::filesystem::remove(path_of(key), ec);
}

namespace {

std::map<std::string, OwnerKind>& owner_kinds() {
  static std::map<std::string, OwnerKind> kinds;
  return kinds;
}
std::mutex owner_kinds_mutex;

std::optional<OwnerKind> owner_kind(const std::string& kind) {
  std::lock_guard lock(owner_kinds_mutex);
  const auto it = owner_kinds().find(kind);
  if (it == owner_kinds().end()) return std::nullopt;
  return it->second;
}

}  // namespace

void register_owner_kind(const std::string& kind, OwnerKind owner_kind) {
  std::lock_guard lock(owner_kinds_mutex);
  owner_kinds()[kind] = std::move(owner_kind);
}

std::optional<OwnerState> owner_state(storage::Connection& c, const Owner& owner) {
  const auto kind = owner_kind(owner.kind);
  if (!kind) return std::nullopt;
  return kind->state(c, owner.id);
}

void reindex_owner(storage::Connection& c, const Owner& owner) {
  if (const auto kind = owner_kind(owner.kind); kind && kind->reindex) kind->reindex(c, owner.id);
}

std::optional<Document> find(storage::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kColumns) + "WHERE id = ?", id);
  if (!rows.next()) return std::nullopt;
  return read_document(rows);
}

std::vector<Document> of(storage::Connection& c, const Owner& owner) {
  std::vector<Document> out;
  auto rows = c.query(std::string(kColumns) + "WHERE owner_kind = ? AND owner_id = ? ORDER BY id",
                      owner.kind, owner.id);
  while (rows.next()) out.push_back(read_document(rows));
  return out;
}

std::string titles_text(storage::Connection& c, const Owner& owner) {
  std::string out;
  auto rows =
      c.query("SELECT title FROM documents WHERE owner_kind = ? AND owner_id = ? ORDER BY id",
              owner.kind, owner.id);
  while (rows.next()) {
    if (!out.empty()) out += '\n';
    out += rows.text(0);
  }
  return out;
}

std::int64_t create(storage::Connection& c, const Document& d,
                    std::optional<std::int64_t> uploaded_by) {
  c.execute(
      "INSERT INTO documents (organisation_id, owner_kind, owner_id, title, file_name, "
      "content_type, byte_size, sha256, storage_key, uploaded_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      d.organisation_id, d.owner.kind, d.owner.id, d.title, d.file_name, d.content_type,
      d.byte_size, d.sha256, d.storage_key, uploaded_by, core::iso_timestamp(core::Clock::now()));
  return c.last_insert_id();
}

std::optional<std::string> remove(storage::Connection& c, std::int64_t id) {
  const auto d = find(c, id);
  if (!d) return std::nullopt;
  c.execute("DELETE FROM documents WHERE id = ?", id);
  return d->storage_key;
}

std::string safe_file_name(std::string_view sent, std::string_view extension) {
  const auto slash = sent.find_last_of("/\\");
  if (slash != std::string_view::npos) sent.remove_prefix(slash + 1);
  std::string name;
  for (char ch : sent) {
    const auto u = static_cast<unsigned char>(ch);
    if (u < 0x20 || u == 0x7f || ch == '"' || ch == '\\' || ch == '/' || ch == ';') continue;
    name += ch;
  }
  // Drop the extension that was sent; the content decides the new one.
  if (const auto dot = name.find_last_of('.'); dot != std::string::npos && dot > 0) {
    name.erase(dot);
  }
  name = std::string(core::trim(name, " ."));  // no spaces or dots at either end
  // At most 120 characters, never cutting a UTF-8 sequence.
  name.resize(core::character_offset(name, 120));
  if (name.empty()) name = "document";
  return name + "." + std::string(extension);
}

std::string content_disposition(bool inline_display, const std::string& file_name) {
  std::string ascii;
  for (char ch : file_name) {
    const auto u = static_cast<unsigned char>(ch);
    ascii += (u >= 0x20 && u < 0x7f && ch != '"' && ch != '\\' && ch != '%') ? ch : '_';
  }
  return std::string(inline_display ? "inline" : "attachment") + "; filename=\"" + ascii +
         "\"; filename*=UTF-8''" + http::encode_path_segment(file_name);
}

std::string human_size(std::int64_t bytes) {
  char text[32];
  if (bytes >= 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  } else if (bytes >= 1024) {
    std::snprintf(text, sizeof text, "%lld KB", static_cast<long long>((bytes + 512) / 1024));
  } else {
    std::snprintf(text, sizeof text, "%lld bytes", static_cast<long long>(bytes));
  }
  return text;
}

}  // namespace ruamkit::features::documents
