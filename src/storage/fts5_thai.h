// The "thai" FTS5 tokenizer: SQLite's full-text index fed by ICU word
// segmentation (core/thai_words.h), so Thai text is searchable. Debian's
// SQLite has no ICU tokenizer of its own.
#pragma once

struct sqlite3;

namespace ruamkit::storage {

// Registers the tokenizer on `db`; tables then use `tokenize = 'thai'`.
// Returns false when FTS5 is unavailable.
bool register_thai_tokenizer(sqlite3* db);

}  // namespace ruamkit::storage
