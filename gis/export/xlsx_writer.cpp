// libxlsxwriter behind RAII: the workbook is closed (and written) exactly once.
#include "gis/export/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <memory>

#include "core/field_labels.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

namespace {

constexpr lxw_row_t kExcelRows = 1048576;

struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const {
    if (wb) workbook_close(wb);
  }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookCloser>;

// Excel forbids []:*?/\ in sheet names and allows 31 characters.
std::string sheet_name(const std::string& base, int part) {
  std::string s;
  for (char c : base) s += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
  if (s.size() > 24) s.resize(24);
  return part == 1 ? s : s + " (" + std::to_string(part) + ")";
}

void check(lxw_error e, const std::string& path) {
  if (e != LXW_NO_ERROR) throw GisError(std::string("Excel: ") + lxw_strerror(e), {path});
}

}  // namespace

long long write_xlsx(const std::string& path, const std::string& sheet,
                     const std::vector<XlsxColumn>& columns,
                     const std::function<bool(std::vector<Cell>&)>& next_row) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go straight to disk: a million parcels fit
  options.tmpdir = nullptr;
  lxw_workbook* raw = workbook_new_opt(path.c_str(), &options);
  if (!raw) throw GisError("Excel: cannot create the workbook", {path});
  WorkbookPtr wb(raw);

  lxw_format* header = workbook_add_format(raw);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_bg_color(header, 0xDDEBF7);
  lxw_format* ratio = workbook_add_format(raw);
  format_set_num_format(ratio, "0.00");
  lxw_format* percent = workbook_add_format(raw);
  format_set_num_format(percent, "0.0%");
  lxw_format* amount = workbook_add_format(raw);
  format_set_num_format(amount, "#,##0.00");
  lxw_format* integer = workbook_add_format(raw);
  format_set_num_format(integer, "0");
  lxw_format* date = workbook_add_format(raw);
  format_set_num_format(date, "yyyy-mm-dd");

  std::vector<FieldLabel> labels;
  std::vector<lxw_format*> formats;
  for (const auto& c : columns) {
    labels.push_back(field_label(c.field));
    const std::string& f = labels.back().format;
    formats.push_back(c.type == FieldType::date                        ? date
                      : f == "ratio"                                   ? ratio
                      : f == "percent"                                 ? percent
                      : f == "amount"                                  ? amount
                      : f == "integer" || c.type == FieldType::integer ? integer
                                                                       : nullptr);
  }

  auto new_sheet = [&](int part) {
    lxw_worksheet* ws = workbook_add_worksheet(raw, sheet_name(sheet, part).c_str());
    if (!ws) throw GisError("Excel: cannot add a sheet", {path});
    for (size_t c = 0; c < columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      check(worksheet_write_string(ws, 0, col, labels[c].zh.c_str(), header), path);
      worksheet_set_column(ws, col, col, columns[c].type == FieldType::text ? 18 : 13, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
  };

  int part = 1;
  lxw_worksheet* ws = new_sheet(part);
  lxw_row_t row = 1;
  long long written = 0;
  std::vector<Cell> cells;
  while (next_row(cells)) {
    if (row == kExcelRows) {
      ws = new_sheet(++part);
      row = 1;
    }
    for (size_t c = 0; c < columns.size() && c < cells.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const Cell& v = cells[c];
      if (auto d = std::get_if<double>(&v)) {
        check(worksheet_write_number(ws, row, col, *d, formats[c]), path);
      } else if (auto n = std::get_if<std::int64_t>(&v)) {
        check(worksheet_write_number(ws, row, col, static_cast<double>(*n), formats[c]), path);
      } else if (auto s = std::get_if<std::string>(&v)) {
        check(worksheet_write_string(ws, row, col, s->c_str(), nullptr), path);
      } else if (auto dt = std::get_if<CivilDate>(&v)) {
        lxw_datetime when{dt->year, static_cast<int>(dt->month), static_cast<int>(dt->day), 0, 0,
                          0.0};
        check(worksheet_write_datetime(ws, row, col, &when, date), path);
      }
    }
    ++row;
    ++written;
  }

  // Which field each Chinese header stands for, so a reader can go back to the data.
  lxw_worksheet* key = workbook_add_worksheet(raw, "字段 fields");
  worksheet_write_string(key, 0, 0, "表头 header", header);
  worksheet_write_string(key, 0, 1, "字段 field", header);
  for (size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(key, static_cast<lxw_row_t>(c + 1), 0, labels[c].zh.c_str(), nullptr);
    worksheet_write_string(key, static_cast<lxw_row_t>(c + 1), 1, columns[c].field.c_str(),
                           nullptr);
  }
  lxw_error e = workbook_close(wb.release());
  check(e, path);
  return written;
}

}  // namespace parkatlas
