// Tables for download: CSV (RFC 4180, UTF-8 with a byte order mark so that
// spreadsheet programs read Thai correctly) and XLSX (libxlsxwriter).
#pragma once

#include <string>
#include <vector>

#include "http/message.h"

namespace ruamkit::web {

using Row = std::vector<std::string>;

// Returns `rows` (the first is the header) as CSV. Cells that a spreadsheet
// would read as a formula (starting with = + - @) get a leading apostrophe
// (CSV injection).
std::string to_csv(const std::vector<Row>& rows);

// Returns `rows` as an XLSX workbook with one sheet named `sheet` (bold
// header, frozen first row). Throws std::runtime_error when it cannot be
// written.
std::string to_xlsx(const std::vector<Row>& rows, const std::string& sheet);

// Returns `rows` as a download named `file_stem`.xlsx (sheet `sheet`) or
// `file_stem`.csv (`file_stem` is ASCII). Private downloads are never
// stored by caches; public ones are revalidated.
http::Response table_download(const std::vector<Row>& rows, const std::string& sheet,
                              const std::string& file_stem, bool xlsx, bool is_public = false);

}  // namespace ruamkit::web
