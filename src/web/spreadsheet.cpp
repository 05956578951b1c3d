#include "web/spreadsheet.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/utf8.h"

namespace ruamkit::web {
namespace {

bool formula_like(const std::string& cell) {
  return !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                           cell[0] == '\t' || cell[0] == '\r');
}

}  // namespace

std::string to_csv(const std::vector<Row>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      const std::string cell = formula_like(row[i]) ? "'" + row[i] : row[i];
      out += '"';
      for (char ch : cell) {
        if (ch == '"') out += '"';
        out += ch;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

std::string to_xlsx(const std::vector<Row>& rows, const std::string& sheet) {
  // libxlsxwriter writes to a file; a private temporary one, removed at once.
  auto path = (std::filesystem::temp_directory_path() / "ruamkit-xlsx-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for XLSX");
  ::close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{path};
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) throw std::runtime_error("cannot start an XLSX workbook");
  // Excel allows 31 characters in a sheet name; cut on a character, never
  // inside a UTF-8 sequence.
  const std::string name(core::first_characters(sheet, 31));
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t col = 0; col < rows[r].size(); ++col) {
      worksheet_write_string(worksheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(col),
                             rows[r][col].c_str(), r == 0 ? bold : nullptr);
    }
  }
  worksheet_freeze_panes(worksheet, 1, 0);
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("cannot write XLSX");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

http::Response table_download(const std::vector<Row>& rows, const std::string& sheet,
                              const std::string& file_stem, bool xlsx, bool is_public) {
  http::Response response;
  if (xlsx) {
    response.body = to_xlsx(rows, sheet);
    response.headers.set("Content-Type",
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.headers.set("Content-Disposition", "attachment; filename=\"" + file_stem + ".xlsx\"");
  } else {
    response.body = to_csv(rows);
    response.headers.set("Content-Type", "text/csv; charset=utf-8");
    response.headers.set("Content-Disposition", "attachment; filename=\"" + file_stem + ".csv\"");
  }
  response.headers.set("Cache-Control", is_public ? "public, no-cache" : "private, no-store");
  return response;
}

}  // namespace ruamkit::web
