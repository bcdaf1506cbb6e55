"""แบบประมาณการรายได้ as an Excel workbook in the attachment's layout: numbers as numbers (baht with
satang), the reporter's block, and the page set up as the exports are: A4 landscape, fitted to the page
width, the table's headings repeated on every printed page."""

from decimal import Decimal
from pathlib import Path

from otop_desktop.core.files import save_workbook, write_output
from otop_desktop.services.forms.forecast_sheet import TITLE, ForecastSheet, signature_lines
from otop_desktop.services.forms.verify import CODE_NAME, shown_code
from otop_desktop.services.sheet_text import put

FONT = "TH SarabunPSK"
HEADINGS = [
    (5, 1, "เดือน"),
    (5, 2, "ประมาณการรายได้จากการจำหน่ายผลิตภัณฑ์ OTOP"),
    (5, 6, "รวมทั้งสิ้น (บาท)"),
    (5, 7, "หมายเหตุ"),
    (6, 2, "ภายในประเทศ (บาท)"),
    (6, 4, "ส่งออกต่างประเทศ (บาท)"),
    (7, 2, "ออฟไลน์"),
    (7, 3, "ออนไลน์"),
    (7, 4, "ออฟไลน์"),
    (7, 5, "ออนไลน์"),
]
MERGED = ("A5:A7", "B5:E5", "F5:F7", "G5:G7", "B6:C6", "D6:E6")
HEADING_ROWS = "5:7"


def _heading(table, sheet: ForecastSheet, border) -> None:
    from openpyxl.styles import Alignment, Font

    for row, text in enumerate((TITLE, f"ปีงบประมาณ พ.ศ. {sheet.fiscal_year}", f"จังหวัด{sheet.province_name}"), 1):
        put(table, row, 1, text).font = Font(name=FONT, size=16, bold=True)
        table.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
        table.cell(row, 1).alignment = Alignment(horizontal="center")
    for row, column, text in HEADINGS:
        put(table, row, column, text)
    for cells in MERGED:
        table.merge_cells(cells)
    for row in range(5, 8):
        for column in range(1, 8):
            cell = table.cell(row, column)
            cell.font, cell.border = Font(name=FONT, size=14, bold=True), border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _page_setup(table) -> None:
    """A4 landscape, one page wide, the headings on every page (as the exports print)."""
    from openpyxl.worksheet.page import PageMargins

    table.page_setup.orientation, table.page_setup.paperSize = "landscape", table.PAPERSIZE_A4
    table.page_setup.fitToWidth, table.page_setup.fitToHeight = 1, 0
    table.sheet_properties.pageSetUpPr.fitToPage = True
    table.print_title_rows = HEADING_ROWS
    table.page_margins = PageMargins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    table.freeze_panes = "B8"


def export_forecast_xlsx(sheet: ForecastSheet, path: Path | str, code: str | None = None, before_naming=None) -> Path:
    """The forecast as an Excel workbook in attachment 4's layout (numbers as numbers, baht with satang),
    written whole under its name (`before_naming` records the print)."""
    return write_output(path, lambda temporary: save_workbook(_forecast_book(sheet, code), temporary), before_naming)


def _forecast_book(sheet: ForecastSheet, code: str | None):
    """The forecast's workbook, to be saved by the writer."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    table = book.active
    table.title = f"ประมาณการ {sheet.fiscal_year}"
    font, bold = Font(name=FONT, size=14), Font(name=FONT, size=14, bold=True)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    _heading(table, sheet, border)
    body = [(row.label, row.amounts, row.total, row.remark, font) for row in sheet.rows]
    body.append(("รวมทั้งสิ้น", sheet.totals, sheet.total, "", bold))
    for row, (label, amounts, total, remark, style) in enumerate(body, 8):
        values = [label, *(None if a is None else Decimal(a) / 100 for a in amounts), Decimal(total) / 100, remark]
        for column, value in enumerate(values, 1):
            cell = put(table, row, column, value)
            cell.font, cell.border = style, border
            if isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
            elif column == 7:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDEFG", (18, 24, 24, 24, 24, 24, 36)):  # 11,999,999,999.88 in bold shows whole
        table.column_dimensions[column].width = width
    signature = len(body) + 10
    lines = [*signature_lines(sheet), *([f"{CODE_NAME} {shown_code(code)}"] if code else [])]
    for offset, text in enumerate(lines):
        put(table, signature + offset, 5, text).font = font
    _page_setup(table)
    return book
