"""แบบ จต.๑, the collection sheet officers take to the field at month-end: the district's entrepreneurs by
tambon, already listed, with empty amount columns to fill in by hand and last month's figures in small
print for reference, so nobody copies names by hand."""

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.files import check_output_path, write_output
from otop_desktop.core.users import UserInfo
from otop_desktop.services import access, areas, entry, sync
from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.document_info import district_forms_info
from otop_desktop.services.forms.jt2 import AMOUNT_HEADINGS, Printed
from otop_desktop.services.forms.jt2_pdf import HEADING_HEIGHT, Layout, draw_footer, draw_heading
from otop_desktop.services.forms.thai_pdf import REGULAR
from otop_desktop.services.forms.verify import PrintedFigure, new_code, record_print
from otop_desktop.services.periods import check_month_begun, check_period
from otop_desktop.services.thai import month_label, now_utc, periods_before

FORM_NAME = "แบบ จต.๑"
TITLE = "แบบจัดเก็บข้อมูลการจำหน่ายผลิตภัณฑ์ OTOP"
ROW_HEIGHT = 34  # room to write an amount by hand
FOOT_ROOM = 44  # under the last row: the legend, and on the last page the signature


@dataclass(frozen=True)
class Jt1Line:
    """One entrepreneur to ask: who, and what they sold last month (for reference)."""

    number: int
    tambon_name: str
    name: str
    product_type: str
    last_month: tuple | None
    entrepreneur_id: int = 0


@dataclass(frozen=True)
class Jt1Form:
    """A district's collection sheet for a month."""

    district_code: str
    district_name: str
    province_name: str
    fiscal_year: int
    month: int
    previous: tuple[int, int]  # (fiscal year, month) of the figures printed for reference
    previous_label: str
    lines: tuple[Jt1Line, ...]
    printed_at: object
    headings: tuple = AMOUNT_HEADINGS
    quarter: None = None

    @property
    def period_text(self) -> str:
        """'ประจำเดือนสิงหาคม 2569'."""
        return f"ประจำเดือน{month_label(self.fiscal_year, self.month)}"


def jt1_form(*, uow, user: UserInfo, district_code: str, fiscal_year: int, month: int) -> Jt1Form:
    """The month's list (or, before Sync, last month's list, or every active entrepreneur), with last
    month's figures."""
    check_period(fiscal_year, month)
    if not (district_code and len(district_code) == 4 and district_code.isdigit()):
        raise InvalidInput(f"แบบ จต.๑ เป็นของอำเภอ: กรุณาระบุรหัสอำเภอ 4 หลัก (ได้รับ {district_code})")
    access.check(user, access.Action.VIEW, district_code)
    check_month_begun(fiscal_year, month, action=f"พิมพ์{FORM_NAME} ของเดือนนี้")  # as its entry opens
    previous_year, previous_month = periods_before(fiscal_year, month, 1)[0]
    this = entry.load_month(uow=uow, user=user, fiscal_year=fiscal_year, month=month, district_code=district_code)
    before = entry.load_month(
        uow=uow, user=user, fiscal_year=previous_year, month=previous_month, district_code=district_code
    )
    rows = list(this.rows)
    if not rows:  # not synced yet: the sheet lists whom Sync will list
        try:
            rows = list(
                sync.sync_preview(
                    uow=uow, user=user, fiscal_year=fiscal_year, month=month, district_code=district_code
                ).rows
            )
        except InvalidInput:
            rows = list(before.rows)
    last = {row.entrepreneur_id: row.amounts for row in before.rows}
    described = areas.describe_area(uow=uow, area_code=district_code)
    district_name, _, province_name = described.partition(" จังหวัด")
    lines = tuple(
        Jt1Line(number, row.tambon_name, row.name, row.product_type, last.get(row.entrepreneur_id), row.entrepreneur_id)
        for number, row in enumerate(rows, 1)
    )
    return Jt1Form(
        district_code,
        district_name.removeprefix("อำเภอ"),
        province_name,
        fiscal_year,
        month,
        (previous_year, previous_month),
        month_label(previous_year, previous_month),
        lines,
        now_utc(),
    )


def render_jt1(form: Jt1Form, path: Path | str, *, thai_digits: bool = True, code: str | None = None) -> Path:
    """Write the collection sheet as a PDF; with `code`, each page carries it (over the reference figures)."""
    return write_output(path, lambda temporary: _draw_jt1(form, temporary, thai_digits, code))


def _kind_lines(line: Jt1Line, layout: Layout) -> list[str]:
    """The product type as it wraps in its column, then the tambon on a line of its own."""
    room = layout.edges[3] - layout.edges[2] - 8
    return [*thai_pdf.break_lines(line.product_type, REGULAR, 9, room), f"ต.{line.tambon_name}"]


def _height(line: Jt1Line, layout: Layout) -> float:
    """Room to write an amount by hand, or more when the name or the product type needs it."""
    name = thai_pdf.break_lines(line.name, REGULAR, 11, layout.edges[2] - layout.edges[1] - 8)
    return max(ROW_HEIGHT, 18 + 13 * (len(name) - 1), 16 + 10.5 * (len(_kind_lines(line, layout)) - 1))


def _pages(form: Jt1Form, layout: Layout) -> list[list[Jt1Line]]:
    """The lines page by page, leaving room under the last row for the legend and the signature."""
    pages, current, used, room = [], [], 0.0, layout.top - HEADING_HEIGHT - layout.bottom - FOOT_ROOM
    for line in form.lines:
        height = _height(line, layout)
        if current and used + height > room:
            pages.append(current)
            current, used = [], 0.0
        current.append(line)
        used += height
    return [*pages, current]


def _draw_line(canvas, line: Jt1Line, y: float, layout: Layout) -> float:
    """One entrepreneur's row: number, name, product type and tambon, last month's figures in grey."""
    bottom = y - _height(line, layout)
    canvas.rect(layout.left, bottom, layout.right - layout.left, y - bottom)
    for column in range(1, len(layout.edges) - 1):
        canvas.line(layout.edges[column], y, layout.edges[column], bottom)
    thai_pdf.draw(
        canvas, (layout.edges[0] + layout.edges[1]) / 2, y - 14, layout.number(str(line.number)), REGULAR, 11, "centre"
    )
    for i, text in enumerate(thai_pdf.break_lines(line.name, REGULAR, 11, layout.edges[2] - layout.edges[1] - 8)):
        thai_pdf.draw(canvas, layout.edges[1] + 4, y - 14 - 13 * i, text, REGULAR, 11)
    for i, text in enumerate(_kind_lines(line, layout)):
        thai_pdf.draw(canvas, layout.edges[2] + 4, y - 12 - 10.5 * i, text, REGULAR, 9)
    if line.last_month:
        canvas.setFillGray(0.45)
        for column, amount in enumerate(line.last_month, 3):
            if amount is not None:
                thai_pdf.draw(
                    canvas, layout.edges[column + 1] - 3, bottom + 3, layout.money(amount), REGULAR, 7.5, "right"
                )
        canvas.setFillGray(0)
    return bottom


def _draw_jt1(form: Jt1Form, temporary: Path, thai_digits: bool, code: str | None) -> None:
    """Draw the collection sheet into the writer's temporary file; the legend of the grey figures on every page."""
    layout = Layout(thai_digits)
    title = f"{FORM_NAME} อำเภอ{form.district_name} {form.period_text}"
    canvas = thai_pdf.new_canvas(temporary, landscape(A4), district_forms_info(FORM_NAME, title, [(form, code)], TITLE))
    legend = layout.number(
        f"ตัวเลขสีเทาขนาดเล็กในแต่ละช่องคือยอดของเดือน{form.previous_label} (เพื่อเทียบ) กรอกยอดของเดือนนี้ด้วยลายมือ"
    )
    pages = _pages(form, layout)
    for number, lines in enumerate(pages, 1):
        y = draw_heading(canvas, form, layout, FORM_NAME, TITLE, "รวม (บาท)")
        for line in lines:
            y = _draw_line(canvas, line, y, layout)
        thai_pdf.draw(canvas, layout.left, y - 16, legend, REGULAR, 10)
        if number == len(pages):
            thai_pdf.draw(
                canvas, layout.right, y - 36, f"ลงชื่อ{'.' * 40}ผู้จัดเก็บข้อมูล   วันที่{'.' * 20}", REGULAR, 11, "right"
            )
        draw_footer(canvas, form, layout, number, len(pages), code)
        canvas.showPage()
    canvas.save()


def print_jt1(
    *, uow, user: UserInfo, district_code: str, fiscal_year: int, month: int, path: Path | str, thai_digits: bool = True
) -> Printed:
    """The collection sheet of a district's month, written whole under its name; its code covers the
    reference figures it prints (last month's), so a changed reference shows up on verifying."""
    check_output_path(path, (".pdf",))
    form = jt1_form(uow=uow, user=user, district_code=district_code, fiscal_year=fiscal_year, month=month)
    previous_year, previous_month = form.previous
    figures = [
        PrintedFigure(line.entrepreneur_id, line.name, previous_month, tuple(line.last_month))
        for line in form.lines
        if line.last_month is not None
    ]
    recorded = {
        "form": "jt1",
        "area_code": district_code,
        "fiscal_year": previous_year,
        "months": [previous_month],
        "figures": figures,
        "paper_period": (fiscal_year, [month]),
    }
    code = new_code(uow=uow)
    path = write_output(
        path,
        lambda temporary: _draw_jt1(form, temporary, thai_digits, code),
        lambda: record_print(uow=uow, user=user, code=code, **recorded),
    )
    return Printed(path, code, f"{FORM_NAME} อำเภอ{form.district_name} {form.period_text}")


def preview_jt1(
    *, uow, user: UserInfo, district_code: str, fiscal_year: int, month: int, path: Path | str, thai_digits: bool = True
) -> Path:
    """The collection sheet as it will print, for the screen: nothing recorded, no code."""
    form = jt1_form(uow=uow, user=user, district_code=district_code, fiscal_year=fiscal_year, month=month)
    return render_jt1(form, path, thai_digits=thai_digits)
