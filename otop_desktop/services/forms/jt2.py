"""แบบ จต.๒: a district's month of OTOP sales as the paper the district certifies and signs. One row per
entrepreneur grouped by tambon, a subtotal per tambon, the district total in figures and in Thai words,
the certification line and the signature blocks; A4 landscape with the margins of Thai official
documents (left 3 cm, right 2 cm); the heading repeated on every page; 'หน้า x/y'."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.files import check_output_path, write_output
from otop_desktop.core.users import UserInfo
from otop_desktop.services import access, areas, entry
from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.bahttext import baht_text
from otop_desktop.services.forms.completeness import check_complete, month_entry, paper_text
from otop_desktop.services.forms.document_info import district_forms_info
from otop_desktop.services.forms.signatories import DUTIES, get_signatories
from otop_desktop.services.forms.thai_pdf import BOLD, REGULAR
from otop_desktop.services.forms.verify import CODE_NAME, PrintedFigure, new_code, record_print, shown_code
from otop_desktop.services.money import format_baht, sum_amounts
from otop_desktop.services.periods import check_period
from otop_desktop.services.sales_guard import check_month_begun
from otop_desktop.services.thai import (
    FISCAL_MONTHS,
    THAI_MONTHS,
    calendar_year_be,
    format_thai_datetime,
    month_label,
    now_utc,
    sort_key,
)

FORM_NAME = "แบบ จต.๒"
TITLE = "แบบรายงานยอดจำหน่ายผลิตภัณฑ์ OTOP"
TABLE_HEADING_HEIGHT = 36
HEADING_HEIGHT = 20 + 18 + 12 + TABLE_HEADING_HEIGHT  # the form's heading and the table's, on every page
AMOUNT_HEADINGS = tuple(channel.replace(" ", "\n") for channel in entry.CHANNELS)


@dataclass(frozen=True)
class Jt2Line:
    """One entrepreneur's row."""

    number: int
    name: str
    product_type: str
    amounts: tuple
    total: int
    entrepreneur_id: int = 0


@dataclass(frozen=True)
class Jt2Tambon:
    """A tambon's rows and their subtotal."""

    name: str
    lines: tuple[Jt2Line, ...]
    totals: tuple[int, int, int, int]
    total: int


@dataclass(frozen=True)
class Jt2Form:
    """What one จต.๒ prints: the office, the period, the rows and the totals."""

    district_code: str
    district_name: str
    province_name: str
    fiscal_year: int
    months: tuple[int, ...]  # one month, or the three of a quarter
    tambons: tuple[Jt2Tambon, ...]
    totals: tuple
    total: int
    printed_at: datetime
    signatories: tuple = ()  # SignatoryInfo of the district, those that are set
    headings: tuple[str, ...] = AMOUNT_HEADINGS  # of the value columns: the four channels, or the quarter's months
    figures: tuple = ()  # PrintedFigure per entrepreneur-month, what the verification code covers
    entries: tuple = ()  # MonthEntry per month: how many of its entrepreneurs have figures

    @property
    def quarter(self) -> int | None:
        """The fiscal quarter (1 = October–December) when the form covers one."""
        return FISCAL_MONTHS.index(self.months[0]) // 3 + 1 if len(self.months) == 3 else None

    @property
    def period_text(self) -> str:
        """'ประจำเดือนสิงหาคม 2569', or 'ประจำไตรมาสที่ 1 ปีงบประมาณ 2569 (ตุลาคม 2568 - ธันวาคม 2568)'."""
        if self.quarter is None:
            return f"ประจำเดือน{month_label(self.fiscal_year, self.months[0])}"
        return (f"ประจำไตรมาสที่ {self.quarter} ปีงบประมาณ {self.fiscal_year} "
                f"({month_label(self.fiscal_year, self.months[0])} - {month_label(self.fiscal_year, self.months[-1])})")


def _column_totals(rows) -> tuple:
    width = len(rows[0]) if rows else 4
    return tuple(sum_amounts(row[i] for row in rows) for i in range(width))


def quarter_months(quarter: int) -> tuple[int, int, int]:
    """The calendar months of a fiscal quarter (checked by check_period first): 1 → (10, 11, 12), 2 → (1, 2, 3), …"""
    return tuple(FISCAL_MONTHS[(quarter - 1) * 3:quarter * 3])


def jt2_form(*, uow, user: UserInfo, district_code: str, fiscal_year: int, month: int | None = None,
             quarter: int | None = None) -> Jt2Form:
    """The figures of a district's month (the four channels), or of a fiscal quarter (each month's total
    and the quarter's), as the form prints them."""
    check_period(fiscal_year, month, quarter=quarter)
    if not (district_code and len(district_code) == 4 and district_code.isdigit()):
        raise InvalidInput(f"แบบ จต.๒ เป็นของอำเภอ: กรุณาระบุรหัสอำเภอ 4 หลัก (ได้รับ {district_code})")
    if (month is None) == (quarter is None):
        raise InvalidInput("กรุณาระบุเดือนหรือไตรมาสอย่างใดอย่างหนึ่ง")
    access.check(user, access.Action.VIEW, district_code)
    months = (month,) if quarter is None else quarter_months(quarter)
    for m in months:  # a month that has not begun has nothing to certify
        check_month_begun(fiscal_year, m, action=f"พิมพ์{FORM_NAME} ของเดือนนี้")
    sheets = [entry.load_month(uow=uow, user=user, fiscal_year=fiscal_year, month=m, district_code=district_code)
              for m in months]
    described = areas.describe_area(uow=uow, area_code=district_code)  # 'อำเภอวารินชำราบ จังหวัดอุบลราชธานี'
    district_name, _, province_name = described.partition(" จังหวัด")
    people = {}  # entrepreneur id → its row (the latest month's name and tambon), in the sheets' order
    for sheet in sheets:
        for row in sheet.rows:
            people[row.entrepreneur_id] = row
    order = sorted(people.values(), key=lambda row: (row.tambon_code, sort_key(row.name), row.entrepreneur_id))
    by_month = [{row.entrepreneur_id: row.amounts for row in sheet.rows} for sheet in sheets]
    figures = tuple(PrintedFigure(row.entrepreneur_id, row.name, m, tuple(amounts))
                    for m, rows in zip(months, by_month) for row in order if (amounts := rows.get(row.entrepreneur_id)))

    def values(row) -> tuple:
        if quarter is None:
            return tuple(row.amounts)
        return tuple(sum_amounts(rows[row.entrepreneur_id]) if row.entrepreneur_id in rows else None for rows in by_month)

    tambons, number = [], 0
    for tambon_code in dict.fromkeys(row.tambon_code for row in order):
        rows = [row for row in order if row.tambon_code == tambon_code]
        lines = []
        for row in rows:
            number += 1
            shown = values(row)
            lines.append(Jt2Line(number, row.name, row.product_type, shown, sum_amounts(shown), row.entrepreneur_id))
        totals = _column_totals([line.amounts for line in lines])
        tambons.append(Jt2Tambon(rows[0].tambon_name, tuple(lines), totals, sum(totals)))
    totals = _column_totals([line.amounts for tambon in tambons for line in tambon.lines])
    headings = AMOUNT_HEADINGS if quarter is None else tuple(
        f"{THAI_MONTHS[m - 1]}\n{calendar_year_be(fiscal_year, m)}" for m in months)
    signatories = get_signatories(uow=uow, user=user, area_code=district_code)
    name = district_name.removeprefix("อำเภอ")
    entries = tuple(month_entry(uow.session, district_code, name, sheet) for sheet in sheets)
    return Jt2Form(district_code, name, province_name, fiscal_year, months, tuple(tambons), totals, sum(totals),
                   now_utc(), tuple(signatories.values()), headings, figures, entries)


@dataclass(frozen=True)
class _Row:
    kind: str  # "tambon", "line", "subtotal", "total"
    cells: tuple  # texts per column (name may wrap)
    height: float


class _Layout:
    """Columns and sizes of the landscape page."""

    def __init__(self, digits: bool, value_columns: int = 4):
        self.page_width, self.page_height = landscape(A4)
        self.left, self.right, self.top, self.bottom = 3 * cm, self.page_width - 2 * cm, self.page_height - 1.5 * cm, 1.5 * cm
        self.size, self.leading = 11, 14
        widths = [26, 0, 92, *[328 / value_columns] * value_columns, 90]
        widths[1] = (self.right - self.left) - sum(widths)
        self.edges = [self.left]
        for column_width in widths:
            self.edges.append(self.edges[-1] + column_width)
        self.digits = digits

    def number(self, value) -> str:
        text = value if isinstance(value, str) else f"{value:,}"
        return thai_pdf.thai_digits(text) if self.digits else text

    def money(self, satang) -> str:
        return self.number(format_baht(satang, blank="-"))


def _rows(form: Jt2Form, layout: _Layout) -> list[_Row]:
    room = layout.edges[2] - layout.edges[1] - 8
    rows = []

    def add(kind, cells, lines=1):
        rows.append(_Row(kind, cells, lines * layout.leading + 4))

    for tambon in form.tambons:
        add("tambon", ("", f"ตำบล{tambon.name}", "", *[""] * (len(form.headings) + 1)))
        for line in tambon.lines:
            name = thai_pdf.break_lines(line.name, REGULAR, layout.size, room)
            kind = thai_pdf.break_lines(line.product_type, REGULAR, layout.size, layout.edges[3] - layout.edges[2] - 8)
            add("line", (layout.number(line.number), name, kind, *(layout.money(a) for a in line.amounts),
                         layout.money(line.total)), max(len(name), len(kind)))
        add("subtotal", ("", f"รวมตำบล{tambon.name}", "", *(layout.money(a) for a in tambon.totals),
                         layout.money(tambon.total)))
    add("total", ("", f"รวมทั้งอำเภอ{form.district_name}", "", *(layout.money(a) for a in form.totals),
                  layout.money(form.total)))
    return rows


def _heading(canvas: Canvas, form, layout: _Layout, form_name: str = FORM_NAME, title: str = TITLE,
             last_heading: str | None = None) -> float:
    """The form's heading and the table's column headings; returns the y where rows start."""
    y = layout.top
    thai_pdf.draw(canvas, layout.right, y, form_name, BOLD, 14, "right")
    middle = (layout.left + layout.right) / 2
    thai_pdf.draw(canvas, middle, y, title, BOLD, 16, "centre")
    y -= 20
    thai_pdf.draw(canvas, middle, y, f"สำนักงานพัฒนาชุมชนอำเภอ{form.district_name} จังหวัด{form.province_name}", REGULAR, 14, "centre")
    y -= 18
    thai_pdf.draw(canvas, middle, y, layout.number(form.period_text), REGULAR, 14, "centre")
    y -= 12
    top, height = y, TABLE_HEADING_HEIGHT
    canvas.setLineWidth(0.6)
    canvas.rect(layout.left, top - height, layout.right - layout.left, height)
    headings = ("ที่", "ชื่อผู้ประกอบการ", "ประเภท\nผลิตภัณฑ์", *form.headings,
                last_heading or ("รวมไตรมาส (บาท)" if form.quarter else "รวม (บาท)"))
    for column, text in enumerate(headings):
        left, right = layout.edges[column], layout.edges[column + 1]
        if column:
            canvas.line(left, top, left, top - height)
        parts = text.split("\n")
        for i, part in enumerate(parts):
            baseline = top - (height / 2) + (len(parts) - 1) * 7 - i * 14 - 4
            thai_pdf.draw(canvas, (left + right) / 2, baseline, part, BOLD, 12, "centre")
    assert top - height == layout.top - HEADING_HEIGHT
    return top - height


def _draw_row(canvas: Canvas, row: _Row, y: float, layout: _Layout) -> float:
    bottom = y - row.height
    font = REGULAR if row.kind == "line" else BOLD
    if row.kind in ("subtotal", "total"):
        canvas.setFillGray(0.93 if row.kind == "subtotal" else 0.86)
        canvas.rect(layout.left, bottom, layout.right - layout.left, row.height, stroke=0, fill=1)
        canvas.setFillGray(0)
    canvas.rect(layout.left, bottom, layout.right - layout.left, row.height)
    for column in range(1, len(layout.edges) - 1):
        if row.kind != "tambon" or column >= 3:
            canvas.line(layout.edges[column], y, layout.edges[column], bottom)
    for column, cell in enumerate(row.cells):
        lines = cell if isinstance(cell, list) else [cell]
        left, right = layout.edges[column], layout.edges[column + 1]
        for i, text in enumerate(lines):
            baseline = y - layout.leading * (i + 1) + 1
            if column >= 3:  # an amount shrinks to fit its column rather than overflow it
                size = layout.size
                while size > 7 and thai_pdf.width(text, font, size) > right - left - 6:
                    size -= 0.5
                thai_pdf.draw(canvas, right - 4, baseline, text, font, size, "right")
            elif column == 0:
                thai_pdf.draw(canvas, (left + right) / 2, baseline, text, font, layout.size, "centre")
            else:
                thai_pdf.draw(canvas, left + 4, baseline, text, font, layout.size)
    return bottom


def _signature_blocks(form: Jt2Form) -> list[tuple[str, str, str]]:
    """(role after the dotted line, name in parentheses, position) of who prepares, certifies and signs:
    as the office set them, or dotted lines to fill in by hand."""
    defaults = {"prepares": "ตำแหน่ง......................................",
                "certifies": f"ประธาน นตผ.อำเภอ{form.district_name}",
                "signs": f"พัฒนาการอำเภอ{form.district_name}"}
    named = {s.duty: s for s in form.signatories}
    blocks = []
    for duty, role in DUTIES.items():
        person = named.get(duty)
        blocks.append((role, person.name if person else "." * 44, (person.position if person else "") or defaults[duty]))
    return blocks


CLOSING_HEIGHT = 150


def _closing(canvas: Canvas, form: Jt2Form, layout: _Layout, y: float) -> None:
    """The total in words, the certification line and the three signature blocks."""
    y -= 20
    thai_pdf.draw(canvas, layout.left, y, f"ยอดจำหน่ายรวมทั้งอำเภอ (ตัวอักษร): {baht_text(form.total)}", BOLD, 13)
    y -= 22
    certification = "ขอรับรองว่าข้อมูลยอดจำหน่ายผลิตภัณฑ์ OTOP ข้างต้นถูกต้องตามความเป็นจริง"
    thai_pdf.draw(canvas, layout.left, y, certification, REGULAR, 13)
    entered = layout.number(paper_text(form.entries))  # beside the certification, or under it when it is long
    if entered:
        beside = layout.left + thai_pdf.width(certification, REGULAR, 13) + 16
        fits = beside + thai_pdf.width(entered, BOLD, 12) <= layout.right
        thai_pdf.draw(canvas, beside if fits else layout.left, y if fits else y - 18, entered, BOLD, 12)
    y -= 44
    block = (layout.right - layout.left) / 3
    for i, (role, name, position) in enumerate(_signature_blocks(form)):
        centre = layout.left + block * i + block / 2
        thai_pdf.draw(canvas, centre, y, f"ลงชื่อ{'.' * 40}{role}", REGULAR, 12, "centre")
        thai_pdf.draw(canvas, centre, y - 20, f"({name})", REGULAR, 12, "centre")
        thai_pdf.draw(canvas, centre, y - 40, position, REGULAR, 12, "centre")


def _footer(canvas: Canvas, form: Jt2Form, layout: _Layout, page: int, pages: int, code: str | None) -> None:
    printed = layout.number(format_thai_datetime(form.printed_at))
    thai_pdf.draw(canvas, layout.left, layout.bottom - 12, f"พิมพ์เมื่อ {printed}", REGULAR, 10)
    page_text = f"หน้า {layout.number(f'{page}/{pages}')}"
    if code:  # the code stays in Latin letters and digits: it is typed into the program as printed
        page_text = f"{CODE_NAME} {shown_code(code)} · {page_text}"
        _qr(canvas, shown_code(code), layout.left, layout.top - 44, 48)
    thai_pdf.draw(canvas, layout.right, layout.bottom - 12, page_text, REGULAR, 10, "right")


def _paginate(rows: list[_Row], layout: _Layout, first_y: float) -> list[list[_Row]]:
    pages, current, y = [], [], first_y
    for index, row in enumerate(rows):
        last = index == len(rows) - 1
        needed = row.height + (CLOSING_HEIGHT if last else 0)
        if current and y - needed < layout.bottom:
            pages.append(current)
            current, y = [], first_y
        current.append(row)
        y -= row.height
    pages.append(current)
    return pages


def _qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """A QR code of the verification code, for a phone to read instead of typing it."""
    widget = QrCodeWidget(text)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.initialFontName = REGULAR  # the drawing sets its font first: Helvetica by default, never embedded
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _draw_form(canvas: Canvas, form: Jt2Form, thai_digits: bool, code: str | None) -> None:
    layout = _Layout(thai_digits, len(form.headings))
    pages = _paginate(_rows(form, layout), layout, layout.top - HEADING_HEIGHT)
    for number, page_rows in enumerate(pages, 1):
        y = _heading(canvas, form, layout)
        for row in page_rows:
            y = _draw_row(canvas, row, y, layout)
        if number == len(pages):
            _closing(canvas, form, layout, y)
        _footer(canvas, form, layout, number, len(pages), code)
        canvas.showPage()


def render_jt2(form: Jt2Form, path: Path | str, *, thai_digits: bool = True, code: str | None = None) -> Path:
    """Write the form as a PDF and return its path; with `code`, each page carries it and its QR code."""
    return render_forms([(form, code)], path, thai_digits=thai_digits, title=_title(form))


def render_forms(forms, path: Path | str, *, thai_digits: bool = True, title: str = FORM_NAME) -> Path:
    """Several forms, each with its own pages and code, in one PDF."""
    return write_output(path, lambda temporary: _draw_pdf(forms, temporary, thai_digits, title))


def _title(form: Jt2Form) -> str:
    return f"{FORM_NAME} อำเภอ{form.district_name} {form.period_text}"


def _draw_pdf(forms, temporary: Path, thai_digits: bool, title: str) -> None:
    """Draw the forms into the writer's temporary file."""
    canvas = thai_pdf.new_canvas(temporary, landscape(A4), district_forms_info(FORM_NAME, title, forms, TITLE))
    for form, code in forms:
        _draw_form(canvas, form, thai_digits, code)
    canvas.save()


@dataclass(frozen=True)
class Printed:
    """A printed form: where it was written and its verification code."""

    path: Path
    code: str
    title: str


def _recorded(form: Jt2Form) -> dict:
    """What a print of the form records beside its code."""
    return {"form": "jt2", "area_code": form.district_code, "fiscal_year": form.fiscal_year, "months": list(form.months),
            "figures": list(form.figures), "completeness": paper_text(form.entries) or None}


def print_jt2(*, uow, user: UserInfo, district_code: str, fiscal_year: int, path: Path | str, month: int | None = None,
              quarter: int | None = None, thai_digits: bool = True, incomplete_ok: bool = False) -> Printed:
    """Print a district's month or quarter: the PDF, with a code of its own recorded with exactly its figures.
    A month not completely entered prints only with `incomplete_ok` (the officer confirmed), and says so.
    The file appears under its name only once it is whole."""
    check_output_path(path)
    form = jt2_form(uow=uow, user=user, district_code=district_code, fiscal_year=fiscal_year, month=month, quarter=quarter)
    check_complete(form.entries, FORM_NAME, incomplete_ok)
    code = new_code(uow=uow)
    path = write_output(path, lambda temporary: _draw_pdf([(form, code)], temporary, thai_digits, _title(form)),
                        lambda: record_print(uow=uow, user=user, code=code, **_recorded(form)))
    return Printed(path, code, _title(form))


def preview_jt2(*, uow, user: UserInfo, district_code: str, fiscal_year: int, path: Path | str, month: int | None = None,
                quarter: int | None = None, thai_digits: bool = True) -> Path:
    """The form as it will print, for the screen: nothing is recorded and it carries no verification code."""
    form = jt2_form(uow=uow, user=user, district_code=district_code, fiscal_year=fiscal_year, month=month, quarter=quarter)
    return render_jt2(form, path, thai_digits=thai_digits)


@dataclass(frozen=True)
class ProvincePrint:
    """A province's forms for a period in one PDF: which districts it holds, and each one's code."""

    path: Path
    codes: dict  # district code → verification code
    skipped: tuple[str, ...]  # districts with no entrepreneur listed for the period
    incomplete: tuple = ()  # MonthEntry of the printed districts' months not completely entered (confirmed)


def _province_forms(uow, user: UserInfo, fiscal_year: int, month, quarter, progress, cancelled):
    access.check(user, access.Action.VIEW, user.province_code)
    districts = areas.list_districts(uow=uow, user=user)
    forms, skipped = [], []
    for done, district in enumerate(districts):
        if cancelled and cancelled():
            raise InvalidInput("ยกเลิกแล้ว ยังไม่ได้บันทึกไฟล์และไม่ได้บันทึกการพิมพ์")
        if progress:
            progress(done, len(districts) + 1)
        form = jt2_form(uow=uow, user=user, district_code=district.code, fiscal_year=fiscal_year, month=month, quarter=quarter)
        if form.figures:
            forms.append(form)
        else:
            skipped.append(district.name)
    if not forms:
        raise InvalidInput("ยังไม่มีอำเภอใดมีรายชื่อผู้ประกอบการของช่วงเวลานี้ จึงไม่มีแบบให้พิมพ์")
    return forms, skipped


def print_province_jt2(*, uow, user: UserInfo, fiscal_year: int, path: Path | str, month: int | None = None,
                       quarter: int | None = None, thai_digits: bool = True, progress=None, cancelled=None,
                       incomplete_ok: bool = False) -> ProvincePrint:
    """Every district's จต.๒ of the province for a month or quarter, one form after another in one PDF,
    each recorded with its own code; districts not completely entered only with `incomplete_ok`. Cancelled
    while the forms are gathered, nothing is recorded or written."""
    check_period(fiscal_year, month, quarter=quarter)
    check_output_path(path)
    forms, skipped = _province_forms(uow, user, fiscal_year, month, quarter, progress, cancelled)
    incomplete = tuple(entry for form in forms for entry in form.entries if not entry.complete)
    check_complete(incomplete, f"{FORM_NAME} ทุกอำเภอ", incomplete_ok)
    recorded = {form.district_code: _recorded(form) for form in forms}
    codes = {district: new_code(uow=uow) for district in recorded}
    if progress:
        progress(len(forms) + len(skipped), len(forms) + len(skipped) + 1)

    def record_all() -> None:
        for district, record in recorded.items():
            record_print(uow=uow, user=user, code=codes[district], **record)

    path = write_output(path, lambda temporary: _draw_pdf(
        [(form, codes[form.district_code]) for form in forms], temporary, thai_digits,
        f"{FORM_NAME} ทุกอำเภอ {forms[0].period_text}"), record_all)
    return ProvincePrint(path, codes, tuple(skipped), incomplete)


def preview_province_jt2(*, uow, user: UserInfo, fiscal_year: int, path: Path | str, month: int | None = None,
                         quarter: int | None = None, thai_digits: bool = True, progress=None, cancelled=None) -> Path:
    """The province's forms as they will print, for the screen: nothing recorded, no codes."""
    check_period(fiscal_year, month, quarter=quarter)
    forms, _ = _province_forms(uow, user, fiscal_year, month, quarter, progress, cancelled)
    return render_forms([(form, None) for form in forms], path, thai_digits=thai_digits)
