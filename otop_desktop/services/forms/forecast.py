"""แบบประมาณการรายได้ (attachment 4): the province's forecast of OTOP sales for a fiscal year, twelve months
October–September in four channels with a remark; row totals and the grand total derived, never typed;
the actual sales beside each month once they exist; printed in the attachment's layout with the
reporter's signature block, and exported to Excel in the same layout."""

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select

from otop_desktop.models import Entrepreneur, Forecast, MonthlySale
from otop_desktop.services import access, areas
from otop_desktop.services.audit import record
from otop_desktop.services.auth import UserInfo
from otop_desktop.services.changes import Kind, touched
from otop_desktop.services.entry import AMOUNT_FIELDS, code_range
from otop_desktop.services.errors import InvalidInput
from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.jt2 import Printed, _qr
from otop_desktop.services.forms.signatories import get_signatories
from otop_desktop.services.forms.thai_pdf import BOLD, REGULAR
from otop_desktop.services.files import check_output_path, save_workbook, write_output
from otop_desktop.services.forms.verify import CODE_NAME, PrintedFigure, new_code, record_print, shown_code
from otop_desktop.services.money import check_amount, format_baht, sum_amounts
from otop_desktop.services.periods import check_period
from otop_desktop.services.sheet_text import put
from otop_desktop.services.thai import FISCAL_MONTHS, free_text, month_label, now_utc

TITLE = "แบบประมาณการรายได้จากการจำหน่ายผลิตภัณฑ์ OTOP"
CHANNELS = ("ภายในประเทศ ออฟไลน์", "ภายในประเทศ ออนไลน์", "ส่งออกต่างประเทศ ออฟไลน์", "ส่งออกต่างประเทศ ออนไลน์")


@dataclass(frozen=True)
class ForecastRow:
    """One month: the forecast in four channels, its total, the remark, and the actual sales (or None)."""

    month: int
    label: str
    amounts: tuple
    total: int
    remark: str
    actual: int | None


@dataclass(frozen=True)
class ForecastSheet:
    """A province's forecast of a fiscal year."""

    province_code: str
    province_name: str
    fiscal_year: int
    rows: tuple[ForecastRow, ...]
    totals: tuple
    total: int
    actual_total: int
    editable: bool  # whether this user may change it (the policy's answer)
    reporter_name: str = ""
    reporter_position: str = ""


def _actuals(session, province_code: str, fiscal_year: int) -> dict[int, int]:
    total = sum(func.coalesce(getattr(MonthlySale, f), 0) for f in AMOUNT_FIELDS)
    query = (select(MonthlySale.month, func.sum(total)).join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
             .where(code_range(province_code), MonthlySale.fiscal_year == fiscal_year).group_by(MonthlySale.month))
    return {month: int(amount) for month, amount in session.execute(query) if amount}


def load_forecast(*, uow, user: UserInfo, fiscal_year: int) -> ForecastSheet:
    """The province's forecast of the year (blank months where none was entered) beside the actual sales."""
    check_period(fiscal_year)
    province = user.province_code
    access.check(user, access.Action.VIEW, province)
    stored = {row.month: row for row in uow.session.scalars(select(Forecast).where(
        Forecast.province_code == province, Forecast.fiscal_year == fiscal_year))}
    actual = _actuals(uow.session, province, fiscal_year)
    rows = []
    for month in FISCAL_MONTHS:
        row = stored.get(month)
        amounts = tuple(getattr(row, f) for f in AMOUNT_FIELDS) if row else (None,) * 4
        rows.append(ForecastRow(month, month_label(fiscal_year, month), amounts, sum_amounts(amounts),
                                row.remark if row else "", actual.get(month)))
    totals = tuple(sum_amounts(row.amounts[i] for row in rows) for i in range(4))
    signer = get_signatories(uow=uow, user=user, area_code=province).get("signs")
    name = areas.describe_area(uow=uow, area_code=province).removeprefix("จังหวัด")
    return ForecastSheet(province, name, fiscal_year, tuple(rows), totals, sum(totals), sum(actual.values()),
                         access.allowed(user, access.Action.SET_FORECAST, province),
                         signer.name if signer else "", signer.position if signer else "")


def save_forecast(*, uow, user: UserInfo, fiscal_year: int, months: dict) -> ForecastSheet:
    """Save months of the forecast: {month: (four amounts in satang, remark)}; one transaction, audited."""
    check_period(fiscal_year, months=months)
    province = user.province_code
    access.check(user, access.Action.SET_FORECAST, province)
    checked = {}
    for month, (amounts, remark) in months.items():
        if len(amounts) != 4:
            raise InvalidInput("ประมาณการต้องระบุยอด 4 ช่อง")
        for amount in amounts:
            check_amount(amount)
        checked[month] = amounts, free_text(remark, f"หมายเหตุของเดือน{month_label(fiscal_year, month)}", limit=500)
    at = now_utc()
    for month, (amounts, remark) in sorted(checked.items()):
        row = uow.session.get(Forecast, (province, fiscal_year, month))
        old = None if row is None else f"{[getattr(row, f) for f in AMOUNT_FIELDS]} {row.remark}"
        row = row or Forecast(province_code=province, fiscal_year=fiscal_year, month=month)
        uow.session.add(row)
        for field, amount in zip(AMOUNT_FIELDS, amounts):
            setattr(row, field, amount)
        row.remark, row.changed_by, row.changed_at = remark, user.username, at
        record(uow.session, [{"username": user.username, "action": "save", "entity": "forecast",
                              "entity_key": f"{province}/{fiscal_year}/{month:02d}", "field": "amounts",
                              "old_value": old, "new_value": f"{list(amounts)} {row.remark}"}], at=at)
    uow.note(touched(Kind.TARGETS, fiscal_year=fiscal_year))
    uow.commit()
    return load_forecast(uow=uow, user=user, fiscal_year=fiscal_year)


def render_forecast(sheet: ForecastSheet, path: Path | str, *, thai_digits: bool = True, code: str | None = None) -> Path:
    """The forecast in attachment 4's layout, A4 portrait, with the reporter's signature block (and the
    verification code with its QR code, when given)."""
    return write_output(path, lambda temporary: _draw_forecast(sheet, temporary, thai_digits, code))


def _draw_forecast(sheet: ForecastSheet, temporary: Path, thai_digits: bool, code: str | None) -> None:
    """Draw the forecast into the writer's temporary file."""
    thai_pdf.register_fonts()
    number = (lambda text: thai_pdf.thai_digits(text)) if thai_digits else (lambda text: text)  # noqa: E731
    money = lambda satang: number(format_baht(satang, blank="-"))  # noqa: E731
    width, height = A4
    left, right, top = 3 * cm, width - 2 * cm, height - 2 * cm
    canvas = Canvas(str(temporary), pagesize=A4)
    canvas.setTitle(f"{TITLE} ปีงบประมาณ {sheet.fiscal_year} จังหวัด{sheet.province_name}")
    middle = (left + right) / 2
    thai_pdf.draw(canvas, middle, top, TITLE, BOLD, 16, "centre")
    thai_pdf.draw(canvas, middle, top - 20, number(f"ปีงบประมาณ พ.ศ. {sheet.fiscal_year}"), BOLD, 15, "centre")
    thai_pdf.draw(canvas, middle, top - 40, f"จังหวัด{sheet.province_name}", REGULAR, 15, "centre")
    widths = [92, 58, 58, 58, 58, 68, 0]
    widths[-1] = right - left - sum(widths)
    edges = [left]
    for column_width in widths:
        edges.append(edges[-1] + column_width)
    y, head = top - 56, 54
    canvas.setLineWidth(0.6)
    canvas.rect(left, y - head, right - left, head)
    for column, start in ((1, 0), (2, 36), (3, 18), (4, 36), (5, 0), (6, 0)):  # where each line begins below the top
        canvas.line(edges[column], y - start, edges[column], y - head)
    canvas.line(edges[1], y - 18, edges[5], y - 18)
    canvas.line(edges[1], y - 36, edges[5], y - 36)
    thai_pdf.draw(canvas, (edges[0] + edges[1]) / 2, y - 32, "เดือน", BOLD, 11, "centre")
    thai_pdf.draw(canvas, (edges[1] + edges[5]) / 2, y - 13, "ประมาณการรายได้จากการจำหน่ายผลิตภัณฑ์ OTOP", BOLD, 10, "centre")
    thai_pdf.draw(canvas, (edges[1] + edges[3]) / 2, y - 31, "ภายในประเทศ (บาท)", BOLD, 10, "centre")
    thai_pdf.draw(canvas, (edges[3] + edges[5]) / 2, y - 31, "ส่งออกต่างประเทศ (บาท)", BOLD, 10, "centre")
    for column, text in enumerate(("ออฟไลน์", "ออนไลน์", "ออฟไลน์", "ออนไลน์"), 1):
        thai_pdf.draw(canvas, (edges[column] + edges[column + 1]) / 2, y - 49, text, BOLD, 10, "centre")
    thai_pdf.draw(canvas, (edges[5] + edges[6]) / 2, y - 27, "รวมทั้งสิ้น", BOLD, 10, "centre")
    thai_pdf.draw(canvas, (edges[5] + edges[6]) / 2, y - 40, "(บาท)", BOLD, 10, "centre")
    thai_pdf.draw(canvas, (edges[6] + edges[7]) / 2, y - 32, "หมายเหตุ", BOLD, 11, "centre")
    y -= head
    body = [(row.label, row.amounts, row.total, row.remark, REGULAR) for row in sheet.rows]
    body.append(("รวมทั้งสิ้น", sheet.totals, sheet.total, "", BOLD))
    for label, amounts, total, remark, font in body:
        remarks = thai_pdf.break_lines(remark, REGULAR, 9, edges[7] - edges[6] - 6) if remark else [""]
        row_height = max(22, 11 * len(remarks) + 8)
        canvas.rect(left, y - row_height, right - left, row_height)
        for edge in edges[1:-1]:
            canvas.line(edge, y, edge, y - row_height)
        shown, size = number(label), 11
        while size > 7 and thai_pdf.width(shown, font, size) > edges[1] - edges[0] - 6:
            size -= 0.5
        thai_pdf.draw(canvas, edges[0] + 3, y - 15, shown, font, size)
        for column, amount in enumerate((*amounts, total), 1):
            text, size = money(amount), 10
            while size > 6.5 and thai_pdf.width(text, font, size) > edges[column + 1] - edges[column] - 5:
                size -= 0.5
            thai_pdf.draw(canvas, edges[column + 1] - 3, y - 15, text, font, size, "right")
        for i, text in enumerate(remarks):
            thai_pdf.draw(canvas, edges[6] + 3, y - 13 - 11 * i, text, REGULAR, 9)
        y -= row_height
    y -= 50
    thai_pdf.draw(canvas, right - 120, y, f"ลงชื่อ{'.' * 40}ผู้รายงาน", REGULAR, 13, "centre")
    thai_pdf.draw(canvas, right - 120, y - 22, f"({sheet.reporter_name or '.' * 44})", REGULAR, 13, "centre")
    position = sheet.reporter_position or f"ตำแหน่ง{'.' * 30}"
    thai_pdf.draw(canvas, right - 120, y - 44, position, REGULAR, 13, "centre")
    thai_pdf.draw(canvas, right - 120, y - 66, f"พัฒนาการจังหวัด{sheet.province_name}", REGULAR, 13, "centre")
    if code:
        thai_pdf.draw(canvas, right, 1.5 * cm, f"{CODE_NAME} {shown_code(code)}", REGULAR, 10, "right")
        _qr(canvas, shown_code(code), left, 1.0 * cm, 44)  # bottom left, clear of the title
    canvas.showPage()
    canvas.save()


def export_forecast_xlsx(sheet: ForecastSheet, path: Path | str, code: str | None = None) -> Path:
    """The forecast as an Excel workbook in attachment 4's layout (numbers as numbers, baht with satang)."""
    return write_output(path, lambda temporary: save_workbook(_forecast_book(sheet, code), temporary))


def _forecast_book(sheet: ForecastSheet, code: str | None):
    """The forecast's workbook, to be saved by the writer."""
    from decimal import Decimal

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    table = book.active
    table.title = f"ประมาณการ {sheet.fiscal_year}"
    font, bold = Font(name="TH SarabunPSK", size=14), Font(name="TH SarabunPSK", size=14, bold=True)
    for row, text in enumerate((TITLE, f"ปีงบประมาณ พ.ศ. {sheet.fiscal_year}", f"จังหวัด{sheet.province_name}"), 1):
        put(table, row, 1, text).font = Font(name="TH SarabunPSK", size=16, bold=True)
        table.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
        table.cell(row, 1).alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    heads = [(5, 1, "เดือน"), (5, 2, "ประมาณการรายได้จากการจำหน่ายผลิตภัณฑ์ OTOP"), (5, 6, "รวมทั้งสิ้น (บาท)"), (5, 7, "หมายเหตุ"),
             (6, 2, "ภายในประเทศ (บาท)"), (6, 4, "ส่งออกต่างประเทศ (บาท)"),
             (7, 2, "ออฟไลน์"), (7, 3, "ออนไลน์"), (7, 4, "ออฟไลน์"), (7, 5, "ออนไลน์")]
    for row, column, text in heads:
        put(table, row, column, text)
    for first, last in (("A5", "A7"), ("B5", "E5"), ("F5", "F7"), ("G5", "G7"), ("B6", "C6"), ("D6", "E6")):
        table.merge_cells(f"{first}:{last}")
    for row in range(5, 8):
        for column in range(1, 8):
            cell = table.cell(row, column)
            cell.font, cell.border = bold, border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    body = [(row.label, row.amounts, row.total, row.remark, font) for row in sheet.rows]
    body.append(("รวมทั้งสิ้น", sheet.totals, sheet.total, "", bold))
    for row, (label, amounts, total, remark, style) in enumerate(body, 8):
        values = [label, *(None if a is None else Decimal(a) / 100 for a in amounts), Decimal(total) / 100, remark]
        for column, value in enumerate(values, 1):
            cell = put(table, row, column, value)
            cell.font, cell.border = style, border
            if isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
    for column, width in zip("ABCDEFG", (18, 16, 16, 16, 16, 18, 28)):
        table.column_dimensions[column].width = width
    signature = len(body) + 10
    for offset, text in enumerate((f"ลงชื่อ{'.' * 30}ผู้รายงาน", f"({sheet.reporter_name or '.' * 30})",
                                   sheet.reporter_position or f"ตำแหน่ง{'.' * 20}", f"พัฒนาการจังหวัด{sheet.province_name}")):
        put(table, signature + offset, 5, text).font = font
    if code:
        put(table, signature + 5, 5, f"{CODE_NAME} {shown_code(code)}").font = font
    table.page_setup.paperSize = table.PAPERSIZE_A4
    return book


def print_forecast(*, uow, user: UserInfo, fiscal_year: int, path: Path | str, thai_digits: bool = True) -> Printed:
    """The forecast as PDF (.pdf) or Excel (.xlsx), by the file's suffix, written whole under its name; the
    print is recorded with a code over its twelve months' figures."""
    check_period(fiscal_year)
    path = check_output_path(path)
    sheet = load_forecast(uow=uow, user=user, fiscal_year=fiscal_year)
    if path.suffix.lower() not in (".pdf", ".xlsx"):
        raise InvalidInput("ไฟล์ต้องเป็น .pdf หรือ .xlsx")
    figures = [PrintedFigure(0, "ประมาณการ", row.month, tuple(row.amounts)) for row in sheet.rows]
    recorded = {"form": "forecast", "area_code": sheet.province_code, "fiscal_year": fiscal_year,
                "months": list(FISCAL_MONTHS), "figures": figures}
    code = new_code(uow=uow)

    def write(temporary: Path) -> None:
        if path.suffix.lower() == ".pdf":
            _draw_forecast(sheet, temporary, thai_digits, code)
        else:
            save_workbook(_forecast_book(sheet, code), temporary)

    path = write_output(path, write, lambda: record_print(uow=uow, user=user, code=code, **recorded))
    return Printed(path, code, f"แบบประมาณการรายได้ จังหวัด{sheet.province_name} ปีงบประมาณ {fiscal_year}")


def preview_forecast(*, uow, user: UserInfo, fiscal_year: int, path: Path | str, thai_digits: bool = True) -> Path:
    """The forecast as it will print, for the screen: nothing recorded, no code."""
    check_period(fiscal_year)
    return render_forecast(load_forecast(uow=uow, user=user, fiscal_year=fiscal_year), path, thai_digits=thai_digits)
