"""แบบประมาณการรายได้ on paper: A4 landscape, the attachment's twelve months as rows and its channels as
columns, each amount column wide enough at 11 pt for the largest figure a province's forecast can hold
(every cell at the cap, summed over twelve months and four channels); a month's remark on a line of
its own under its amounts; the heading repeated on every page, the reporter's block kept with the
total, 'พิมพ์เมื่อ', 'หน้า x/y', and the verification code with its QR code."""

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm

from otop_desktop.core.files import write_output
from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.forecast_sheet import TITLE, ForecastSheet, signature_lines
from otop_desktop.services.forms.jt2_pdf import draw_qr
from otop_desktop.services.forms.thai_pdf import BOLD, REGULAR, DocumentInfo
from otop_desktop.services.forms.verify import CODE_NAME, shown_code
from otop_desktop.services.money import format_baht
from otop_desktop.services.thai import format_thai_datetime, now_utc

PAGE = landscape(A4)
LEFT, RIGHT, TOP, BOTTOM = 3 * cm, PAGE[0] - 2 * cm, PAGE[1] - 1.5 * cm, 1.5 * cm
SIZE, PAD = 11, 4  # type size of every month, amount and remark; room kept inside each side of a cell
WIDTHS = (94, 121, 121, 121, 121)  # month, the four channels; the row total takes the rest (122 pt)
EDGES = tuple(LEFT + sum(WIDTHS[:i]) for i in range(len(WIDTHS) + 1)) + (RIGHT,)
LINE, REMARK_LINE = 21, 17  # a month's row; each line of its remark under it (room for stacked marks)
TABLE_TOP = TOP - 50  # below the three title lines
HEAD = 51  # the table's three heading rows
SIGNATURE = 36 + 4 * 18  # the reporter's block under the total


@dataclass(frozen=True)
class _Row:
    """One row as printed: the month (or the total's label), five amounts, the remark's lines."""

    label: str
    amounts: tuple[str, ...]
    remark: tuple[str, ...]
    font: str

    @property
    def height(self) -> float:
        return LINE + REMARK_LINE * len(self.remark)


def _rows(sheet: ForecastSheet, number) -> list[_Row]:
    money = lambda satang: number(format_baht(satang, blank="-"))  # noqa: E731
    rows = []
    for row in sheet.rows:
        remark = (
            thai_pdf.break_lines(f"หมายเหตุ: {row.remark}", REGULAR, SIZE, RIGHT - EDGES[1] - 2 * PAD)
            if row.remark
            else []
        )
        rows.append(_Row(number(row.label), tuple(map(money, (*row.amounts, row.total))), tuple(remark), REGULAR))
    rows.append(_Row("รวมทั้งสิ้น", tuple(map(money, (*sheet.totals, sheet.total))), (), BOLD))
    return rows


def _paginate(rows: list[_Row]) -> list[list[_Row]]:
    """Rows in pages under the heading; the total keeps September and the reporter's block on its page."""
    pages, current, y = [], [], TABLE_TOP - HEAD
    for index, row in enumerate(rows):
        needed = sum(later.height for later in rows[index:]) + SIGNATURE if index >= len(rows) - 2 else row.height
        if current and y - needed < BOTTOM:
            pages.append(current)
            current, y = [], TABLE_TOP - HEAD
        current.append(row)
        y -= row.height
    return [*pages, current]


def _centre(canvas, left: float, right: float, baseline: float, text: str, size: float = SIZE) -> None:
    thai_pdf.draw(canvas, (left + right) / 2, baseline, text, BOLD, size, "centre")


def _heading(canvas, sheet: ForecastSheet, number) -> float:
    """The title lines and the table's headings; returns the y where the rows start."""
    middle = (LEFT + RIGHT) / 2
    thai_pdf.draw(canvas, middle, TOP, TITLE, BOLD, 16, "centre")
    thai_pdf.draw(canvas, middle, TOP - 20, number(f"ปีงบประมาณ พ.ศ. {sheet.fiscal_year}"), BOLD, 14, "centre")
    thai_pdf.draw(canvas, middle, TOP - 38, f"จังหวัด{sheet.province_name}", REGULAR, 14, "centre")
    y, step, e = TABLE_TOP, HEAD / 3, EDGES
    canvas.setLineWidth(0.6)
    canvas.rect(LEFT, y - HEAD, RIGHT - LEFT, HEAD)
    for column, start in ((1, 0), (2, 2 * step), (3, step), (4, 2 * step), (5, 0)):  # where each line starts
        canvas.line(e[column], y - start, e[column], y - HEAD)
    canvas.line(e[1], y - step, e[5], y - step)
    canvas.line(e[1], y - 2 * step, e[5], y - 2 * step)
    _centre(canvas, e[0], e[1], y - HEAD / 2 - 4, "เดือน")
    _centre(canvas, e[1], e[5], y - 12.5, "ประมาณการรายได้จากการจำหน่ายผลิตภัณฑ์ OTOP (บาท)")
    _centre(canvas, e[1], e[3], y - step - 12.5, "ภายในประเทศ")
    _centre(canvas, e[3], e[5], y - step - 12.5, "ส่งออกต่างประเทศ")
    for column, text in enumerate(("ออฟไลน์", "ออนไลน์", "ออฟไลน์", "ออนไลน์"), 1):
        _centre(canvas, e[column], e[column + 1], y - 2 * step - 12.5, text)
    _centre(canvas, e[5], e[6], y - 21, "รวมทั้งสิ้น")
    _centre(canvas, e[5], e[6], y - 37, "(บาท)")
    return y - HEAD


def _draw_row(canvas, row: _Row, y: float) -> float:
    """A month's row: its amounts right-aligned in their columns, its remark on the lines under them."""
    bottom = y - row.height
    if row.font == BOLD:
        canvas.setFillGray(0.88)
        canvas.rect(LEFT, bottom, RIGHT - LEFT, row.height, stroke=0, fill=1)
        canvas.setFillGray(0)
    canvas.rect(LEFT, bottom, RIGHT - LEFT, row.height)
    canvas.line(EDGES[1], y, EDGES[1], bottom)
    for edge in EDGES[2:-1]:
        canvas.line(edge, y, edge, y - LINE)
    if row.remark:
        canvas.line(EDGES[1], y - LINE, RIGHT, y - LINE)
    thai_pdf.draw(canvas, EDGES[0] + PAD, y - 15, row.label, row.font, _fitted(row.label, row.font, 0))
    for column, text in enumerate(row.amounts, 1):
        thai_pdf.draw(canvas, EDGES[column + 1] - PAD, y - 15, text, row.font, _fitted(text, row.font, column), "right")
    for i, text in enumerate(row.remark):
        thai_pdf.draw(canvas, EDGES[1] + PAD, y - LINE - 13 - REMARK_LINE * i, text, REGULAR, SIZE)
    return bottom


def _fitted(text: str, font: str, column: int) -> float:
    """SIZE, which every figure the schema allows fits; smaller only for what cannot happen."""
    size, room = SIZE, EDGES[column + 1] - EDGES[column] - 2 * PAD
    while size > 6 and thai_pdf.width(text, font, size) > room:
        size -= 0.5
    return size


def _signature(canvas, sheet: ForecastSheet, y: float) -> None:
    for i, text in enumerate(signature_lines(sheet)):
        thai_pdf.draw(canvas, RIGHT - 130, y - 36 - 18 * i, text, REGULAR, 13, "centre")


def _footer(canvas, printed: str, page: str, code: str | None) -> None:
    thai_pdf.draw(canvas, LEFT, BOTTOM - 12, f"พิมพ์เมื่อ {printed}", REGULAR, 10)
    if code:  # the code stays in Latin letters and digits: it is typed into the program as printed
        page = f"{CODE_NAME} {shown_code(code)} · {page}"
        draw_qr(canvas, shown_code(code), LEFT, TOP - 44, 48)
    thai_pdf.draw(canvas, RIGHT, BOTTOM - 12, page, REGULAR, 10, "right")


def document_info(sheet: ForecastSheet, code: str | None) -> DocumentInfo:
    """Title, the provincial office, the form, year and province, and the code."""
    area = f"จังหวัด{sheet.province_name}"
    return DocumentInfo(
        f"{TITLE} ปีงบประมาณ {sheet.fiscal_year} {area}",
        f"สำนักงานพัฒนาชุมชน{area}",
        f"{TITLE} ปีงบประมาณ {sheet.fiscal_year} (ตุลาคม {sheet.fiscal_year - 1} - กันยายน {sheet.fiscal_year}) {area}",
        (shown_code(code),) if code else (),
    )


def render_forecast(
    sheet: ForecastSheet, path: Path | str, *, thai_digits: bool = True, code: str | None = None, before_naming=None
) -> Path:
    """The forecast as a PDF in attachment 4's columns, with the reporter's block (and the print's code with
    its QR code on every page, when given), written whole under its name (`before_naming` records the print)."""
    return write_output(path, lambda temporary: _draw_forecast(sheet, temporary, thai_digits, code), before_naming)


def _draw_forecast(sheet: ForecastSheet, temporary: Path, thai_digits: bool, code: str | None) -> None:
    """Draw the forecast into the writer's temporary file."""
    number = thai_pdf.thai_digits if thai_digits else (lambda text: text)
    canvas = thai_pdf.new_canvas(temporary, PAGE, document_info(sheet, code))
    pages = _paginate(_rows(sheet, number))
    printed = number(format_thai_datetime(now_utc()))
    for page, rows in enumerate(pages, 1):
        y = _heading(canvas, sheet, number)
        for row in rows:
            y = _draw_row(canvas, row, y)
        if page == len(pages):
            _signature(canvas, sheet, y)
        _footer(canvas, printed, f"หน้า {number(f'{page}/{len(pages)}')}", code)
        canvas.showPage()
    canvas.save()
