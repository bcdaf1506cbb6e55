"""Writing a Report: an Excel workbook streamed row by row (openpyxl write_only) in the department's
layout — Thai headings, baht as numbers with thousands separators and two decimals, totals summed from
the rows written, frozen headings, A4 landscape fitted to the page width with the headings repeated —
or a CSV file in UTF-8 with a BOM so Excel shows the Thai. Either is written whole or not at all."""

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MethodType

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.files import check_output_path, save_workbook, write_output
from otop_desktop.core.users import UserInfo
from otop_desktop.services.reports.exports import Column, Report, build_report
from otop_desktop.services.sheet_text import csv_text, text_cell

FONT = "TH SarabunPSK"  # the government's standard Thai font; offices have it (elsewhere a Thai font stands in)
STEP = 2000  # rows between progress reports and cancel checks
UNCONFIRMED = "ยังไม่ยืนยัน"
_SHARE_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class Written:
    """A written export: where, how many rows of figures, on how many sheets."""

    path: Path
    rows: int
    sheets: int


def baht(satang: int) -> Decimal:
    """Satang as an exact Decimal of baht."""
    return Decimal(satang).scaleb(-2)


def share(part: int, whole: int) -> Decimal | None:
    """A part of a whole as an exact fraction to six places (None when the whole is nothing)."""
    return (Decimal(part) / Decimal(whole)).quantize(_SHARE_PLACES) if whole else None


class _Totals:
    """The running sums of a sheet's count and money columns."""

    def __init__(self, columns: list[Column]):
        self.summed = [i for i, column in enumerate(columns) if column.kind in ("count", "money")]
        self.values = {i: 0 for i in self.summed}

    def add(self, row: list) -> None:
        for i in self.summed:
            self.values[i] += row[i] or 0

    def merge(self, other: "_Totals") -> None:
        for i in self.summed:
            self.values[i] += other.values[i]

    def row(self, columns: list[Column], label: str, label_columns: int) -> list:
        values = [label] + [None] * (len(columns) - 1)
        for i in self.summed:
            if i >= label_columns:
                values[i] = self.values[i]
        return values


def _fill_shares(row: list, columns: list[Column], grand: dict[int, int]) -> list:
    for i, column in enumerate(columns):
        if column.kind == "share":
            part, whole = column.share_of
            row[i] = share(row[part] or 0, row[whole] if whole is not None else grand.get(part, 0))
    return row


def _rows_of(sheet, columns: list[Column]):
    """The sheet's rows; read in full first when a share needs a column's grand total."""
    if any(c.kind == "share" and c.share_of[1] is None for c in columns):
        rows = list(sheet.rows)
        totals = _Totals(columns)
        for row in rows:
            totals.add(row)
        return rows, totals.values
    return sheet.rows, {}


def _heading_lines(report: Report, caption: str) -> list[str]:
    return [
        report.title,
        report.area_name,
        report.period_text,
        report.at_text,
        *report.notes,
        *([caption] if caption else []),
    ]


def write_report(report: Report, path: Path | str, *, progress=None, cancelled=None) -> Written:
    """Write the report as .xlsx or .csv by the file's extension; nothing is left behind on failure."""
    path = check_output_path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InvalidInput(f"“{path.name}”: บันทึกรายงานได้เป็นไฟล์ .xlsx หรือ .csv เท่านั้น")
    counted = {}

    def write(partial: Path) -> None:
        writer = _write_xlsx if suffix == ".xlsx" else _write_csv
        counted["rows"] = writer(report, partial, _Ticker(report, progress, cancelled))

    path = write_output(path, write)
    return Written(path, counted["rows"], len(report.sheets) if suffix == ".xlsx" else 1)


def save_export(
    *,
    uow,
    user: UserInfo,
    name: str,
    fiscal_year: int,
    path: Path | str,
    month: int | None = None,
    area_code: str | None = None,
    progress=None,
    cancelled=None,
    sheet_rows: int | None = None,
) -> Written:
    """Build an export of the user's area (or a district of it) and write it, reading the rows as it writes."""
    check_output_path(path)
    report = build_report(
        uow=uow, user=user, name=name, fiscal_year=fiscal_year, month=month, area_code=area_code, sheet_rows=sheet_rows
    )
    return write_report(report, path, progress=progress, cancelled=cancelled)


class _Ticker:
    """Progress and cancel, every STEP rows."""

    def __init__(self, report: Report, progress, cancelled):
        self.total = report.row_count or 0
        self.progress, self.cancelled, self.done = progress, cancelled, 0

    def tick(self) -> None:
        self.done += 1
        if self.done % STEP:
            return
        if self.cancelled and self.cancelled():
            raise InvalidInput("ยกเลิกแล้ว ไม่ได้บันทึกไฟล์รายงาน")
        if self.progress:
            self.progress(self.done, max(self.total, self.done))


# --- CSV --------------------------------------------------------------------------------------------------
def _csv_value(value, column: Column) -> str:
    if value is None:
        return ""
    if column.kind == "money":
        return f"{baht(value):f}"
    if column.kind == "share":
        return f"{(value * 100).quantize(Decimal('0.01'))}"
    return str(value) if column.kind in ("number", "count") else csv_text(str(value))


def _write_csv(report: Report, path: Path, ticker: _Ticker) -> int:
    columns = report.columns
    grand_total = _Totals(columns)
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        out = csv.writer(stream)
        for line in _heading_lines(report, ""):
            out.writerow([csv_text(line)])
        out.writerow([])
        out.writerow([csv_text(c.heading) for c in columns])
        for sheet in report.sheets:
            rows, grand = _rows_of(sheet, columns)
            for row in rows:
                grand_total.add(row)
                out.writerow([_csv_value(v, c) for v, c in zip(_fill_shares(row, columns, grand), columns)])
                ticker.tick()
        total = _fill_shares(grand_total.row(columns, "รวม", report.label_columns), columns, grand_total.values)
        out.writerow([_csv_value(v, c) for v, c in zip(total, columns)])
    return ticker.done


# --- Excel ------------------------------------------------------------------------------------------------
def _styles(book) -> None:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    middle = Alignment(vertical="center")
    plain = dict(font=Font(name=FONT, size=14), border=box, alignment=middle)
    bold = dict(font=Font(name=FONT, size=14, bold=True), border=box, alignment=middle)
    late = PatternFill("solid", fgColor="FFE0B2")
    total = PatternFill("solid", fgColor="EEEEEE")
    formats = {"text": "General", "number": "0", "count": "#,##0", "money": "#,##0.00", "share": "0.00%"}
    styles = [
        NamedStyle("otop-title", font=Font(name=FONT, size=18, bold=True)),
        NamedStyle("otop-line", font=Font(name=FONT, size=14)),
        NamedStyle(
            "otop-heading",
            font=Font(name=FONT, size=14, bold=True),
            border=box,
            fill=PatternFill("solid", fgColor="D9E2F3"),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
    ]
    for kind, number_format in formats.items():
        styles.append(NamedStyle(f"otop-{kind}", number_format=number_format, **plain))
        styles.append(NamedStyle(f"otop-{kind}-marked", number_format=number_format, fill=late, **plain))
        styles.append(NamedStyle(f"otop-{kind}-total", number_format=number_format, fill=total, **bold))
    for style in styles:
        book.add_named_style(style)


class _Cells:
    """Cells of the workbook's named styles, made fast: openpyxl looks a cell's style up in the workbook
    each time it writes one, and takes a ready cell only after failing to bind it as a value; here each
    style gets a cell class that knows its style id, and each sheet takes the cells as they are given."""

    def __init__(self):
        self._kinds = {}

    def make(self, sheet, value, style: str):
        if style not in self._kinds:
            from openpyxl.cell.cell import Cell

            template = Cell(sheet)
            template.style = style
            kind = type(f"Cell_{style}", (Cell,), {"__slots__": (), "style_id": template.style_id, "has_style": True})
            self._kinds[style] = (kind, template._style)
        kind, array = self._kinds[style]
        return text_cell(kind(sheet, 1, 1, value, array))


def _cells_as_given(sheet, cells, row_index: int):
    """A row of ready cells, every one written (a styled empty cell keeps its border)."""
    for column, cell in enumerate(cells, 1):
        cell.column, cell.row = column, row_index
        yield cell


def _excel_value(value, column: Column):
    return baht(value) if column.kind == "money" and value is not None else value


def _sheet_title(name: str, used: set[str]) -> str:
    title = "".join("-" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "แผ่นงาน"
    while title in used:
        title = f"{title[:28]} {len(used)}"
    used.add(title)
    return title


def _start_sheet(book, report: Report, sheet, used: set[str], cells: _Cells):
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    target = book.create_sheet(_sheet_title(sheet.name, used))
    target._values_to_row = MethodType(_cells_as_given, target)  # rows of ready cells (see _Cells)
    lines = _heading_lines(report, sheet.caption)
    heading_row = len(lines) + 2
    for i, column in enumerate(report.columns, 1):
        target.column_dimensions[get_column_letter(i)].width = column.width
    target.sheet_format.defaultRowHeight, target.sheet_format.customHeight = 21, True  # Thai marks need the room
    target.row_dimensions[1].height = 30
    target.row_dimensions[heading_row].height = 66  # up to three lines of a wrapped heading
    target.freeze_panes = f"A{heading_row + 1}"
    target.print_title_rows = f"{heading_row}:{heading_row}"
    target.page_setup.orientation, target.page_setup.paperSize = "landscape", "9"  # A4
    target.page_setup.fitToWidth, target.page_setup.fitToHeight = 1, 0
    target.sheet_properties.pageSetUpPr.fitToPage = True
    target.page_margins = PageMargins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    for number, line in enumerate(lines):
        target.append([cells.make(target, line, "otop-title" if number == 0 else "otop-line")])
    target.append([])
    target.append([cells.make(target, c.heading, "otop-heading") for c in report.columns])
    return target


def _append(cells: _Cells, target, row: list, columns: list[Column], suffix: str) -> None:
    target.append([cells.make(target, _excel_value(v, c), f"otop-{c.kind}{suffix}") for v, c in zip(row, columns)])


def _write_xlsx(report: Report, path: Path, ticker: _Ticker) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _styles(book)
    try:
        return _fill_book(book, report, path, ticker)
    except BaseException:
        for sheet in book.worksheets:  # end each sheet's stream now, not when the collector finds it
            if not sheet.closed:
                sheet.close()
        raise


def _fill_book(book, report: Report, path: Path, ticker: _Ticker) -> int:
    columns, used, cells = report.columns, set(), _Cells()
    grand_total = _Totals(columns)
    status = len(columns) - 1 if columns[-1].heading.startswith("การยืนยัน") else None
    for number, sheet in enumerate(report.sheets, 1):
        target = _start_sheet(book, report, sheet, used, cells)
        totals = _Totals(columns)
        rows, grand = _rows_of(sheet, columns)
        for row in rows:
            totals.add(row)
            marked = status is not None and row[status] == UNCONFIRMED
            _append(cells, target, _fill_shares(row, columns, grand), columns, "-marked" if marked else "")
            ticker.tick()
        grand_total.merge(totals)
        label = "รวม" if len(report.sheets) == 1 else "รวมแผ่นนี้"
        _append(
            cells,
            target,
            _fill_shares(totals.row(columns, label, report.label_columns), columns, totals.values),
            columns,
            "-total",
        )
        if len(report.sheets) > 1 and number == len(report.sheets):
            whole = grand_total.row(columns, "รวมทั้งสิ้น (ทุกแผ่น)", report.label_columns)
            _append(cells, target, _fill_shares(whole, columns, grand_total.values), columns, "-total")
    save_workbook(book, path)
    return ticker.done
