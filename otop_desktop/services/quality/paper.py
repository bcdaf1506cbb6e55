"""The check on paper: A4 landscape in the house style (Sarabun embedded, left margin 3 cm, right 2 cm, Thai
digits in the headings, Arabic in the figures), one row a finding with its sentence wrapped between words, the
heading repeated on every page, the counts per kind, the checker's signature block and the certification by the
checking office's OTOP network chair (นตผ.: the letter has นตผ.จังหวัด certify the province's check),
'พิมพ์เมื่อ', 'หน้า x/y'."""

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm

from otop_desktop.core.files import write_output
from otop_desktop.core.users import UserInfo
from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.thai_pdf import BOLD, REGULAR, DocumentInfo
from otop_desktop.services.quality.findings import Finding, QualityCheck
from otop_desktop.services.thai import format_thai_datetime, month_label, now_utc

TITLE = "ผลการตรวจสอบข้อมูลยอดจำหน่ายผลิตภัณฑ์ OTOP ก่อนยืนยัน (ล็อก) ข้อมูล"
PAGE = landscape(A4)
LEFT, RIGHT, TOP, BOTTOM = 3 * cm, PAGE[0] - 2 * cm, PAGE[1] - 1.5 * cm, 1.7 * cm
SIZE, LINE, PAD = 11, 15, 4
HEADINGS = ("ที่", "ประเภท", "อำเภอ / ตำบล", "ผู้ประกอบการ", "รายละเอียด", "การตรวจ")
WIDTHS = (28, 84, 100, 130, 250)  # the status column takes the rest (about 108 pt)
EDGES = tuple(LEFT + sum(WIDTHS[:i]) for i in range(len(WIDTHS) + 1)) + (RIGHT,)
HEAD = 22
SIGNATURE_LINE = 18
SIGNATURE = 30 + SIGNATURE_LINE * 7  # the certification, the signature, the name, two lines of position, the date


@dataclass(frozen=True)
class _Row:
    cells: tuple[tuple[str, ...], ...]  # each cell's lines

    @property
    def height(self) -> float:
        return max(len(lines) for lines in self.cells) * LINE + 2 * PAD


def _status(finding: Finding) -> str:
    review = finding.review
    if review is None:
        return "ยังไม่ตรวจ"
    when = thai_pdf.thai_digits(format_thai_datetime(review.reviewed_at))
    return f"ตรวจแล้ว โดย {review.shown_by} {when}: {review.note}"  # the note as its writer typed it


def _row(number: int, finding: Finding) -> _Row:
    place = f"{finding.district_name}" + (f" / {finding.tambon_name}" if finding.tambon_name else "")
    detail = thai_pdf.thai_digits_outside_quotes(finding.text) + (
        f" [ช่องทาง{finding.channel_name}]" if finding.channel_name else ""
    )
    texts = (
        thai_pdf.thai_digits(str(number)),
        finding.kind.title,
        place,
        finding.entrepreneur_name,
        detail,
        _status(finding),
    )
    room = [EDGES[i + 1] - EDGES[i] - 2 * PAD for i in range(len(texts))]
    names = (finding.review.shown_by,) if finding.review else ()  # the checker's name never broken after its title
    cells = [thai_pdf.break_lines(t, REGULAR, SIZE, r, keep=names) for t, r in zip(texts, room)]
    if finding.entrepreneur_id:  # the id on a line of its own, never broken from its word
        cells[3].append(thai_pdf.thai_digits(f"เลขที่ {finding.entrepreneur_id}"))  # as the grid and entry set name it
    return _Row(tuple(tuple(lines) for lines in cells))


def _counts_lines(check: QualityCheck) -> list[str]:
    """The findings counted, then the district totals' rule (its percent is the office's choice, --swing)."""
    text = f"{check.counts_text()} · {check.swing_text}"
    return thai_pdf.break_lines(thai_pdf.thai_digits(text), REGULAR, 12, RIGHT - LEFT)


def _paginate(rows: list[_Row], table_top: float) -> list[list[_Row]]:
    """Rows in pages under the heading; the last row keeps the signature block on its page."""
    pages, current, y = [], [], table_top - HEAD
    for index, row in enumerate(rows):
        needed = row.height + (SIGNATURE if index == len(rows) - 1 else 0)
        if current and y - needed < BOTTOM:
            pages.append(current)
            current, y = [], table_top - HEAD
        current.append(row)
        y -= row.height
    return [*pages, current]


def _table_top(check: QualityCheck) -> float:
    return TOP - 46 - 16 * len(_counts_lines(check))


def _heading(canvas, check: QualityCheck) -> float:
    """The title, the area and month, the counts per kind, and the table's headings; returns where rows start."""
    middle, number = (LEFT + RIGHT) / 2, thai_pdf.thai_digits
    period = f"เดือน{month_label(check.fiscal_year, check.month)} (ปีงบประมาณ {check.fiscal_year})"
    thai_pdf.draw(canvas, middle, TOP, TITLE, BOLD, 16, "centre")
    thai_pdf.draw(canvas, middle, TOP - 20, number(f"{check.area_name} {period}"), BOLD, 14, "centre")
    for i, line in enumerate(_counts_lines(check)):
        thai_pdf.draw(canvas, middle, TOP - 38 - 16 * i, line, REGULAR, 12, "centre")
    y = _table_top(check)
    canvas.setLineWidth(0.6)
    canvas.setFillGray(0.9)
    canvas.rect(LEFT, y - HEAD, RIGHT - LEFT, HEAD, fill=1)
    canvas.setFillGray(0)
    for i, text in enumerate(HEADINGS):
        canvas.line(EDGES[i], y, EDGES[i], y - HEAD)
        thai_pdf.draw(canvas, (EDGES[i] + EDGES[i + 1]) / 2, y - 15, text, BOLD, SIZE, "centre")
    return y - HEAD


def _draw_row(canvas, row: _Row, y: float) -> float:
    bottom = y - row.height
    canvas.rect(LEFT, bottom, RIGHT - LEFT, row.height)
    for i, lines in enumerate(row.cells):
        if i:
            canvas.line(EDGES[i], y, EDGES[i], bottom)
        for n, text in enumerate(lines):
            thai_pdf.draw(canvas, EDGES[i] + PAD, y - PAD - 11 - LINE * n, text, REGULAR, SIZE)
    return bottom


CERTIFICATION = "ขอรับรองผลการตรวจสอบข้อมูลยอดจำหน่ายผลิตภัณฑ์ OTOP ข้างต้น"


@dataclass(frozen=True)
class Certifier:
    """The OTOP network's chair who certifies the check: a name ('' to sign by hand) and a position."""

    name: str
    position: str


def _signature(canvas, user: UserInfo, certifier: Certifier | None, y: float) -> None:
    """The checker's block (who printed the check) and, but for the department, the block of the network's
    chair who certifies it, the certification line above them."""
    half = (RIGHT - LEFT) / 2
    blocks = [("ผู้ตรวจสอบ", user.display_name or user.username, user.position)]
    if certifier is not None:
        blocks.append(("ผู้รับรอง", certifier.name or "." * 44, certifier.position))
        thai_pdf.draw(canvas, LEFT, y - 24, CERTIFICATION, REGULAR, 13)
    for i, (role, name, position) in enumerate(blocks):
        centre = RIGHT - half / 2 - half * (len(blocks) - 1 - i)
        lines = [f"ลงชื่อ {'.' * 40} {role}", *thai_pdf.break_lines(f"({name})", REGULAR, 13, half - 24, keep=(name,))]
        lines += thai_pdf.break_lines(position, REGULAR, 13, half - 24)[:2] if position else []
        lines.append(f"วันที่ {'.' * 40}")
        for n, text in enumerate(lines):
            thai_pdf.draw(canvas, centre, y - 30 - SIGNATURE_LINE * (n + 1), text, REGULAR, 13, "centre")


def document_info(check: QualityCheck) -> DocumentInfo:
    """Title, the office that checked, and the month and area checked."""
    period = f"เดือน{month_label(check.fiscal_year, check.month)} ปีงบประมาณ {check.fiscal_year}"
    office = "กรมการพัฒนาชุมชน" if not check.area_code else f"สำนักงานพัฒนาชุมชน {check.area_name}"
    return DocumentInfo(f"{TITLE} {period}", office, f"{TITLE} {period} {check.area_name}")


def render_check(check: QualityCheck, user: UserInfo, path: Path | str, certifier: Certifier | None = None) -> Path:
    """Write the check as a PDF, whole or not at all; `certifier`, the network's chair who certifies it."""
    return write_output(path, lambda temporary: _draw(check, user, certifier, temporary))


def _draw(check: QualityCheck, user: UserInfo, certifier: Certifier | None, temporary: Path) -> None:
    canvas = thai_pdf.new_canvas(temporary, PAGE, document_info(check))
    rows = [_row(n, f) for n, f in enumerate(check.findings, 1)]
    pages = _paginate(rows, _table_top(check))
    printed = thai_pdf.thai_digits(format_thai_datetime(now_utc()))
    for page, chunk in enumerate(pages, 1):
        y = _heading(canvas, check)
        for row in chunk:
            y = _draw_row(canvas, row, y)
        if not rows:
            thai_pdf.draw(canvas, LEFT + PAD, y - 18, "ไม่พบรายการที่ควรตรวจสอบในเดือนนี้", REGULAR, SIZE)
            y -= 24
        if page == len(pages):
            _signature(canvas, user, certifier, y)
        thai_pdf.draw(canvas, LEFT, BOTTOM - 14, f"พิมพ์เมื่อ {printed}", REGULAR, 10)
        shown = thai_pdf.thai_digits(f"หน้า {page}/{len(pages)}")
        thai_pdf.draw(canvas, RIGHT, BOTTOM - 14, shown, REGULAR, 10, "right")
        canvas.showPage()
    canvas.save()
