// The CMOC table as an Excel workbook (libxlsxwriter): one sheet, one row per CMOC, the header
// bold and frozen, the quotes wrapped in a wide column, counts as numbers so they sort and sum.
// Written in libxlsxwriter's constant-memory mode (row by row, strings inline in the sheet), so
// 20,000 CMOCs do not hold the whole workbook in memory.
#include <xlsxwriter.h>

#include "cmoc/atomic_file.h"
#include "cmoc/cmoc_table_export.h"
#include "cmoc/error.h"

namespace cmoc {

namespace {

// Excel refuses longer cells; a CMOC with that much evidence is cut with a note.
constexpr std::size_t kMaxCellChars = 32767;

std::string fitCell(std::string s) {
  if (s.size() <= kMaxCellChars) return s;
  const std::string note = "\n[cut: Excel holds 32,767 characters a cell]";
  std::size_t cut = kMaxCellChars - note.size();
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 start
  return s.substr(0, cut) + note;
}

double columnWidth(const std::string& column) {
  if (column == kQuotesColumn) return 90;
  if (column == "mechanism" || column == "context" || column == "outcome") return 28;
  if (column == "multiple sources") return 22;
  return 10;
}

bool isNumber(const std::string& column) {
  return column == "CMOC" || column == "excerpts" || column == "sources" ||
         column == "participants" || column == "prior";
}

}  // namespace

void writeCmocTableXlsx(const CmocTable& table, const std::filesystem::path& file) {
  AtomicFile out(file);
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(out.temp().c_str(), &options);
  if (!book) throw Error("cannot write " + file.string() + ": cannot create the workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(book, "CMOCs");
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_bg_color(header, 0xE8E8E8);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* top = workbook_add_format(book);
  format_set_align(top, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* wrapped = workbook_add_format(book);
  format_set_text_wrap(wrapped);
  format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);

  const auto columns = cmocTableColumns(true);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(i);
    worksheet_set_column(sheet, col, col, columnWidth(columns[i]),
                         columns[i] == kQuotesColumn ? wrapped : top);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  for (std::size_t i = 0; i < columns.size(); ++i)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i), columns[i].c_str(), header);

  lxw_row_t row = 1;
  for (const CmocTableGroup& g : table.groups)
    for (const CmocTableRow& r : g.rows) {
      const auto cells = cmocTableCells(table, g, r, true);
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto col = static_cast<lxw_col_t>(i);
        if (isNumber(columns[i]) && !cells[i].empty())
          worksheet_write_number(sheet, row, col, std::stod(cells[i]), top);
        else
          worksheet_write_string(sheet, row, col, cells[i].c_str(), top);
      }
      worksheet_write_string(sheet, row, static_cast<lxw_col_t>(cells.size()),
                             fitCell(quoteLines(r)).c_str(), wrapped);
      ++row;
    }
  if (table.rowCount() > 0)
    worksheet_autofilter(sheet, 0, 0, row - 1, static_cast<lxw_col_t>(columns.size() - 1));
  const lxw_error rc = workbook_close(book);
  if (rc != LXW_NO_ERROR) throw Error("cannot write " + file.string() + ": " + lxw_strerror(rc));
  out.commit();
}

}  // namespace cmoc
