// Uploaded documents (PDF, Office, OpenDocument, images, plain text) attached
// to a page, a space or a committee meeting. The bytes are kept in files
// outside the web root, named by a random key; the database holds what the
// content is (detected from the bytes, never from the name). A document is
// public exactly when its owner is.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace ruamkit::features::documents {

// What a document is attached to: kind "page", "space" or "meeting".
struct Owner {
  std::string kind;
  std::int64_t id = 0;
};

struct Document {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  Owner owner;
  std::string title, file_name, content_type, sha256, storage_key, created_at;
  std::int64_t byte_size = 0;

  // Where it is downloaded: /documents/{id}/{file name}.
  std::string url() const;
};

// The files. Writes are durable (fsync) before the database refers to them.
class FileStore {
 public:
  // Files live under `directory` (created when missing).
  explicit FileStore(std::filesystem::path directory);

  // Stores `content` under a new random key and returns the key. Throws
  // std::runtime_error when the file cannot be written.
  std::string put(std::string_view content) const;
  // Returns the content stored under `key`, or nullopt when it is gone.
  std::optional<std::string> get(const std::string& key) const;
  // Removes the file of `key` (nothing when there is none).
  void remove(const std::string& key) const;

 private:
  std::filesystem::path path_of(const std::string& key) const;
  std::filesystem::path directory_;
};

// The owner's organisation and whether it is public; nullopt when the owner
// does not exist.
struct OwnerState {
  std::int64_t organisation_id = 0;
  bool is_public = false;
  std::string manage_url;  // where officials manage the owner
};
std::optional<OwnerState> owner_state(storage::Connection& c, const Owner& owner);

// What a component tells the documents feature about the objects of one
// owner kind: their state (nullopt when there is none with that id), and how
// to refresh their search entry once their documents changed.
struct OwnerKind {
  std::function<std::optional<OwnerState>(storage::Connection&, std::int64_t id)> state;
  std::function<void(storage::Connection&, std::int64_t id)> reindex;
};

// Registers `kind` ("page", "space" …). Call while features install.
void register_owner_kind(const std::string& kind, OwnerKind owner_kind);

// Refreshes the search entry of `owner` (nothing for an unknown kind).
void reindex_owner(storage::Connection& c, const Owner& owner);

std::optional<Document> find(storage::Connection& c, std::int64_t id);
// The documents of `owner`, in upload order.
std::vector<Document> of(storage::Connection& c, const Owner& owner);
// The titles of the documents of `owner`, one per line (for the owner's
// search entry, so a document is found by its title).
std::string titles_text(storage::Connection& c, const Owner& owner);

// Records a stored file as a document. Returns its id.
std::int64_t create(storage::Connection& c, const Document& document,
                    std::optional<std::int64_t> uploaded_by);
// Deletes document `id`; returns its storage key so the caller removes the
// file once the transaction has committed.
std::optional<std::string> remove(storage::Connection& c, std::int64_t id);

// Returns a file name safe to send in Content-Disposition and to show: the
// last path component of `sent`, control characters, quotes and slashes
// removed, at most 120 characters, ending in `.extension` (replacing another
// extension); "document.<extension>" when nothing is left.
std::string safe_file_name(std::string_view sent, std::string_view extension);

// Returns the Content-Disposition value for `file_name`: inline or
// attachment, with an ASCII fallback name and the UTF-8 name (RFC 6266/5987).
std::string content_disposition(bool inline_display, const std::string& file_name);

// Size as people read it: "1.2 MB", "340 KB", "12 bytes".
std::string human_size(std::int64_t bytes);

}  // namespace ruamkit::features::documents
