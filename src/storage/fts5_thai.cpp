#include "storage/fts5_thai.h"

#include <sqlite3.h>

#include <string>

#include "core/thai_words.h"

namespace ruamkit::storage {
namespace {

// The tokenizer keeps no state: one static object serves every table.
struct ThaiTokenizer {};
ThaiTokenizer the_tokenizer;

int create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(&the_tokenizer);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {}

int tokenize(Fts5Tokenizer*, void* context, int flags, const char* text, int length,
             int (*token)(void*, int, const char*, int, int, int)) {
  const std::string_view input(text, static_cast<std::size_t>(length));
  if ((flags & FTS5_TOKENIZE_PREFIX) != 0) {
    // A prefix query ("ประชา*"): a partial word is not a word the dictionary
    // knows, so it is not segmented; it matches every word it begins.
    std::string folded;
    bool any = false;
    core::for_each_word(input, [&](std::string_view w, int, int) {
      folded += w;
      any = true;
      return true;
    });
    if (!any) return SQLITE_OK;
    return token(context, 0, folded.data(), static_cast<int>(folded.size()), 0, length);
  }
  int rc = SQLITE_OK;
  core::for_each_word(input, [&](std::string_view w, int begin, int end) {
    rc = token(context, 0, w.data(), static_cast<int>(w.size()), begin, end);
    return rc == SQLITE_OK;
  });
  return rc;
}

fts5_api* fts5(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

bool register_thai_tokenizer(sqlite3* db) {
  fts5_api* api = fts5(db);
  if (!api) return false;
  static fts5_tokenizer methods = {create, destroy, tokenize};
  return api->xCreateTokenizer(api, "thai", nullptr, &methods, nullptr) == SQLITE_OK;
}

}  // namespace ruamkit::storage
