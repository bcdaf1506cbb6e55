"""จต.๒ on the page: its columns (amounts as wide as the form's largest figures need, one type size for
every row), rows, page breaks (a tambon continued as 'ตำบล … (ต่อ)', the district total kept with its last
rows), the heading, the closing and the footer with the code's QR code, which names the page too. จต.๑ shares
the columns, heading and footer. Draws on the canvas its caller's writer gave it; writes nothing."""

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.bahttext import baht_text
from otop_desktop.services.forms.completeness import entered_of_expected, paper_text
from otop_desktop.services.forms.signatories import DUTIES, chair_position
from otop_desktop.services.forms.thai_pdf import BOLD, REGULAR
from otop_desktop.services.forms.verify import CODE_NAME, qr_text, shown_code
from otop_desktop.services.money import entered_total, format_baht
from otop_desktop.services.thai import format_thai_datetime

FORM_NAME = "แบบ จต.๒"
TITLE = "แบบรายงานยอดจำหน่ายผลิตภัณฑ์ OTOP"
TABLE_HEADING_HEIGHT = 36
HEADING_HEIGHT = 20 + 18 + 12 + TABLE_HEADING_HEIGHT  # the form's heading and the table's, on every page
SIZE, SMALLEST, PAD = 11, 9, 4  # the rows' type size; the least the amounts shrink to (all together); cell padding
NUMBER_WIDTH, KIND_WIDTH, NAME_WIDTH = 36, 92, 140  # 'ที่' fits four Thai digits; the name column's least
CLOSING_HEIGHT = 20 + 22 + 44 + 60 + 16  # the total in words, the certification, one-line signature blocks
SIGNATURE_SIZE, SIGNATURE_LEADING = 12, 16  # a block's name and position, each wrapped in its third of the page
KEEP_WITH_TOTAL = 3  # entrepreneurs' rows that go to the last page with the district total


@dataclass(frozen=True)
class Row:
    """One row as printed: its kind (tambon, line, subtotal, total), texts per column, height, tambon."""

    kind: str
    cells: tuple  # texts per column; a list where the text wraps
    height: float
    tambon: str = ""


class Layout:
    """Columns and sizes of the landscape page; `amount_widths` of the value columns and the total."""

    def __init__(self, digits: bool, value_columns: int = 4, amount_widths=None, size: float = SIZE):
        self.page_width, self.page_height = landscape(A4)
        self.left, self.right, self.top, self.bottom = (
            3 * cm,
            self.page_width - 2 * cm,
            self.page_height - 1.5 * cm,
            1.5 * cm,
        )
        self.size, self.leading = size, 14
        amounts = list(amount_widths or [*[328 / value_columns] * value_columns, 90])
        widths = [NUMBER_WIDTH, 0, KIND_WIDTH, *amounts]
        widths[1] = (self.right - self.left) - sum(widths)
        self.edges = [self.left]
        for column_width in widths:
            self.edges.append(self.edges[-1] + column_width)
        self.digits = digits

    def number(self, value) -> str:
        """A number or a text with digits, in Thai digits when the form prints them."""
        text = value if isinstance(value, str) else f"{value:,}"
        return thai_pdf.thai_digits(text) if self.digits else text

    def money(self, satang) -> str:
        """An amount as printed; '-' for none."""
        return self.number(format_baht(satang, blank="-"))


def _amount_columns(form, digits: bool) -> list[list[tuple[str, str]]]:
    """Per value column and the total column: each (text, font) it prints."""
    plain = Layout(digits)
    columns = [[] for _ in range(len(form.headings) + 1)]
    for tambon in form.tambons:
        for values, font in [
            *((line.amounts + (line.total,), REGULAR) for line in tambon.lines),
            (tambon.totals + (tambon.total,), BOLD),
        ]:
            for column, value in zip(columns, values):
                column.append((plain.money(value), font))
    for column, value in zip(columns, form.totals + (form.total,)):
        column.append((plain.money(value), BOLD))
    return columns


def form_layout(form, digits: bool) -> Layout:
    """The columns for this form's figures: each amount column as wide as its widest figure (and its heading)
    at the rows' size; when they leave the names too little room, every amount shrinks alike."""
    columns = _amount_columns(form, digits)
    headings = [*form.headings, "รวม"]
    room = Layout(digits).right - Layout(digits).left - NUMBER_WIDTH - KIND_WIDTH - NAME_WIDTH
    size = SIZE
    while True:
        widths = [
            max(
                [thai_pdf.width(t, f, size) for t, f in column]
                + [thai_pdf.width(part, BOLD, 12) for part in heading.split("\n")]
            )
            + 2 * PAD
            + 0.5
            for column, heading in zip(columns, headings)
        ]
        if sum(widths) <= room or size <= SMALLEST:
            break
        size -= 0.5
    usual = [*[328 / len(form.headings)] * len(form.headings), 90]  # the columns of a district of usual figures
    if sum(max(w, u) for w, u in zip(widths, usual)) <= room:
        widths = [max(w, u) for w, u in zip(widths, usual)]
    return Layout(digits, len(form.headings), widths, size)


def _tambon_row(name: str, layout: Layout, columns: int, continued: bool = False) -> Row:
    label = f"ตำบล{name}" + (" (ต่อ)" if continued else "")
    return Row("tambon", ("", label, "", *[""] * (columns + 1)), layout.leading + 4, name)


def rows_of(form, layout: Layout) -> list[Row]:
    """The form's rows in order: each tambon's heading, entrepreneurs and subtotal; the district total."""
    room, kind_room = layout.edges[2] - layout.edges[1] - 2 * PAD, layout.edges[3] - layout.edges[2] - 2 * PAD
    rows, columns = [], len(form.headings)
    for tambon in form.tambons:
        rows.append(_tambon_row(tambon.name, layout, columns))
        for line in tambon.lines:
            name = thai_pdf.break_lines(line.name, REGULAR, SIZE, room)
            kind = thai_pdf.break_lines(line.product_type, REGULAR, SIZE, kind_room)
            cells = (
                layout.number(str(line.number)),
                name,
                kind,
                *(layout.money(a) for a in line.amounts),
                layout.money(entered_total(line.amounts)),  # nothing entered: -
            )
            rows.append(Row("line", cells, max(len(name), len(kind)) * layout.leading + 4, tambon.name))
        cells = ("", f"รวมตำบล{tambon.name}", "", *(layout.money(a) for a in tambon.totals), layout.money(tambon.total))
        rows.append(Row("subtotal", cells, layout.leading + 4, tambon.name))
    cells = (
        "",
        f"รวมทั้งอำเภอ{form.district_name}",
        "",
        *(layout.money(a) for a in form.totals),
        layout.money(form.total),
    )
    rows.append(Row("total", cells, layout.leading + 4))
    return rows


def _carried(page: list[Row], wanted: int) -> int:
    """How many of the page's last rows go to the next page: `wanted` entrepreneurs' rows (and what lies
    between), and the tambon's heading above them, so that no page ends on a heading."""
    carried = 0
    while wanted and carried < len(page) - 1:
        carried += 1
        wanted -= page[-carried].kind == "line"
    while carried < len(page) - 1 and page[-carried - 1].kind == "tambon":
        carried += 1
    return carried


def paginate(
    rows: list[Row], layout: Layout, first_y: float, columns: int, closing: float = CLOSING_HEIGHT
) -> list[list[Row]]:
    """The rows page by page, the closing on the last; a page that starts inside a tambon names it '(ต่อ)'.
    The last subtotal, the district total and the closing go together, with the last entrepreneurs."""
    lines = [index for index, row in enumerate(rows) if row.kind == "line"]
    ending = lines[-KEEP_WITH_TOTAL] if len(lines) >= KEEP_WITH_TOTAL else 0  # from here on, all on one page
    pages, current, y = [], [], first_y
    for index, row in enumerate(rows):
        needed = sum(r.height for r in rows[index:]) + closing if index >= ending else row.height
        if current and y - needed < layout.bottom:
            still = sum(r.kind == "line" for r in rows[index:])
            carried = _carried(current, max(0, KEEP_WITH_TOTAL - still) if index >= ending else row.kind == "subtotal")
            moved = current[len(current) - carried :]
            pages.append(current[: len(current) - carried])
            first = (moved or [row])[0]
            current = (
                [_tambon_row(first.tambon, layout, columns, continued=True)]
                if first.kind in ("line", "subtotal")
                else []
            ) + moved
            y = first_y - sum(r.height for r in current)
        current.append(row)
        y -= row.height
    pages.append(current)
    return pages


FIRST_HEADINGS = ("ที่", "ชื่อผู้ประกอบการ", "ประเภท\nผลิตภัณฑ์")


def draw_heading(
    canvas: Canvas,
    form,
    layout: Layout,
    form_name: str = FORM_NAME,
    title: str = TITLE,
    last_heading: str | None = None,
    office: str | None = None,
    first_headings: tuple[str, str, str] = FIRST_HEADINGS,
) -> float:
    """The form's heading and the table's column headings; returns the y where rows start."""
    y = layout.top
    thai_pdf.draw(canvas, layout.right, y, form_name, BOLD, 14, "right")
    middle = (layout.left + layout.right) / 2
    thai_pdf.draw(canvas, middle, y, title, BOLD, 16, "centre")
    y -= 20
    office = office or f"สำนักงานพัฒนาชุมชนอำเภอ{form.district_name} จังหวัด{form.province_name}"
    thai_pdf.draw(canvas, middle, y, office, REGULAR, 14, "centre")
    y -= 18
    thai_pdf.draw(canvas, middle, y, layout.number(form.period_text), REGULAR, 14, "centre")
    y -= 12
    top, height = y, TABLE_HEADING_HEIGHT
    canvas.setLineWidth(0.6)
    canvas.rect(layout.left, top - height, layout.right - layout.left, height)
    headings = (
        *first_headings,
        *form.headings,
        last_heading or ("รวมไตรมาส\n(บาท)" if form.quarter else "รวม (บาท)"),
    )
    for column, text in enumerate(headings):
        left, right = layout.edges[column], layout.edges[column + 1]
        if column:
            canvas.line(left, top, left, top - height)
        parts = text.split("\n")
        for i, part in enumerate(parts):
            baseline = top - (height / 2) + (len(parts) - 1) * 7 - i * 14 - 4
            thai_pdf.draw(canvas, (left + right) / 2, baseline, layout.number(part), BOLD, 12, "centre")
    return top - height


def _draw_cell(canvas: Canvas, row: Row, column: int, y: float, layout: Layout, font: str) -> None:
    cell = row.cells[column]
    left, right = layout.edges[column], layout.edges[column + 1]
    for i, text in enumerate(cell if isinstance(cell, list) else [cell]):
        baseline = y - layout.leading * (i + 1) + 1
        if column >= 3:  # amounts: all at the form's size; shrinks further only past what the columns allow
            size = layout.size
            while size > 7 and thai_pdf.width(text, font, size) > right - left - 2 * PAD:
                size -= 0.5
            thai_pdf.draw(canvas, right - PAD, baseline, text, font, size, "right")
        elif column == 0:
            thai_pdf.draw(canvas, (left + right) / 2, baseline, text, font, SIZE, "centre")
        elif column == 2 and row.kind in ("sum", "sum_total"):  # the summary's counts: numbers, to the right
            thai_pdf.draw(canvas, right - PAD, baseline, text, font, SIZE, "right")
        else:  # a total's label has the name's and the type's columns, and shrinks only past both
            room = (layout.edges[3] if row.kind in ("subtotal", "total") else right) - left - 2 * PAD
            size = SIZE
            while size > 8 and thai_pdf.width(text, font, size) > room:
                size -= 0.5
            thai_pdf.draw(canvas, left + PAD, baseline, text, font, size)


def draw_row(canvas: Canvas, row: Row, y: float, layout: Layout) -> float:
    """One row with its borders and shading; returns its bottom."""
    bottom = y - row.height
    font = REGULAR if row.kind in ("line", "sum") else BOLD
    if row.kind in ("subtotal", "total", "sum_total"):
        canvas.setFillGray(0.93 if row.kind == "subtotal" else 0.86)
        canvas.rect(layout.left, bottom, layout.right - layout.left, row.height, stroke=0, fill=1)
        canvas.setFillGray(0)
    canvas.rect(layout.left, bottom, layout.right - layout.left, row.height)
    spanned = {"tambon": (1, 2), "subtotal": (2,), "total": (2,)}.get(row.kind, ())  # a label across columns
    for column in range(1, len(layout.edges) - 1):
        if column not in spanned:
            canvas.line(layout.edges[column], y, layout.edges[column], bottom)
    for column in range(len(row.cells)):
        _draw_cell(canvas, row, column, y, layout, font)
    return bottom


def _signature_blocks(form) -> list[tuple[str, str, str]]:
    """(role after the dotted line, name in parentheses, position) of who prepares, certifies and signs:
    as the office set them, or dotted lines to fill in by hand."""
    defaults = {
        "prepares": "ตำแหน่ง......................................",
        "certifies": chair_position(f"อำเภอ{form.district_name}"),
        "signs": f"พัฒนาการอำเภอ{form.district_name}",
    }
    named = {s.duty: s for s in form.signatories}
    blocks = []
    for duty, role in DUTIES.items():
        person = named.get(duty)
        blocks.append(
            (role, person.name if person else "." * 44, (person.position if person else "") or defaults[duty])
        )
    return blocks


def _closing(canvas: Canvas, form, layout: Layout, y: float) -> None:
    """The total in words, the certification line and the three signature blocks, each dated by hand."""
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
    for i, (role, lines) in enumerate(_signature_lines(form, layout)):
        centre = layout.left + block * i + block / 2
        thai_pdf.draw(canvas, centre, y, f"ลงชื่อ{'.' * 40}{role}", REGULAR, SIGNATURE_SIZE, "centre")
        below = y - 20
        for line in lines:
            thai_pdf.draw(canvas, centre, below, line, REGULAR, SIGNATURE_SIZE, "centre")
            below -= SIGNATURE_LEADING
        thai_pdf.draw(canvas, centre, below - 4, f"วันที่{'.' * 40}", REGULAR, SIGNATURE_SIZE, "centre")


def _signature_lines(form, layout: Layout) -> list[tuple[str, list[str]]]:
    """Each block's role and its lines under the signature: the name in parentheses, then the position, each
    wrapped within the block's third of the page (a position such as '… ปฏิบัติราชการแทนผู้ว่าราชการจังหวัด…'
    takes two or three lines instead of running into the next block)."""
    room = (layout.right - layout.left) / 3 - 12
    return [
        (
            role,
            thai_pdf.break_lines(f"({name})", REGULAR, SIGNATURE_SIZE, room, keep=(name,))
            + thai_pdf.break_lines(position, REGULAR, SIGNATURE_SIZE, room),
        )
        for role, name, position in _signature_blocks(form)
    ]


def closing_height(form, layout: Layout) -> float:
    """The closing's height: one line more for each line a block's name or position wraps onto."""
    lines = max(len(lines) for _, lines in _signature_lines(form, layout))
    return CLOSING_HEIGHT + SIGNATURE_LEADING * max(0, lines - 2)


def draw_footer(canvas: Canvas, form, layout: Layout, page: int, pages: int, code: str | None) -> None:
    """'พิมพ์เมื่อ …', the code with its QR code and 'หน้า x/y'."""
    printed = layout.number(format_thai_datetime(form.printed_at))
    thai_pdf.draw(canvas, layout.left, layout.bottom - 12, f"พิมพ์เมื่อ {printed}", REGULAR, 10)
    page_text = f"หน้า {layout.number(f'{page}/{pages}')}"
    if code:  # the code stays in Latin letters and digits: it is typed into the program as printed
        page_text = f"{CODE_NAME} {shown_code(code)} · {page_text}"
        draw_qr(canvas, qr_text(code, page, pages), layout.left, layout.top - 44, 48)
    thai_pdf.draw(canvas, layout.right, layout.bottom - 12, page_text, REGULAR, 10, "right")


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """A QR code of the verification code (and the page, verify.qr_text), for a phone or a scanner to read instead
    of typing it: encoded by zxing-cpp (the decoder that reads scans back; reportlab's own encoder and drawing
    took a tenth of a second of every first print to import), each text drawn once as a form XObject (0.45 ms a
    page), each row's dark modules as runs of filled rectangles, inside the quiet zone of four light modules a
    reader needs."""
    import zxingcpp

    name = "QR" + "".join(c if c.isalnum() else "_" for c in text)
    if not canvas.hasForm(name):
        symbol = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        image = memoryview(symbol.to_image(scale=1, add_quiet_zones=True))
        (rows, columns), modules = image.shape, image.tobytes()
        unit = size / max(rows, columns)
        canvas.beginForm(name, 0, 0, size, size)
        canvas.setFillGray(0)
        for row in range(rows):
            for start, end in _dark_runs(modules[row * columns : (row + 1) * columns]):
                canvas.rect(start * unit, size - (row + 1) * unit, (end - start) * unit, unit, stroke=0, fill=1)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _dark_runs(row: bytes) -> list[tuple[int, int]]:
    """(start, end) of each run of dark modules (value 0) in one row of the symbol."""
    runs, start = [], None
    for column, value in enumerate((*row, 255)):
        if value == 0 and start is None:
            start = column
        elif value != 0 and start is not None:
            runs.append((start, column))
            start = None
    return runs


def draw_form(canvas: Canvas, form, thai_digits: bool, code: str | None) -> None:
    """Every page of one form, each with its heading and footer, the closing after the total."""
    layout = form_layout(form, thai_digits)
    top, columns = layout.top - HEADING_HEIGHT, len(form.headings)
    pages = paginate(rows_of(form, layout), layout, top, columns, closing_height(form, layout))
    for number, page_rows in enumerate(pages, 1):
        y = draw_heading(canvas, form, layout)
        for row in page_rows:
            y = draw_row(canvas, row, y, layout)
        if number == len(pages):
            _closing(canvas, form, layout, y)
        draw_footer(canvas, form, layout, number, len(pages), code)
        canvas.showPage()


SUMMARY_NAME = "สรุปรวมทั้งจังหวัด"
SUMMARY_CLOSING = 20 + 20 + 18  # the total in words and the note under it


def draw_summary(canvas: Canvas, summary, thai_digits: bool, districts: int, skipped: tuple[str, ...]) -> None:
    """The province's page after its districts' forms (jt2.province_summary: a form whose lines are the
    districts): each district's totals and the province's, in figures and in words. Not a form to sign, and
    with no code: it says so, and each district's form carries its own."""
    layout = form_layout(summary, thai_digits)
    rows = [
        Row(
            "sum",
            (
                layout.number(str(line.number)),
                f"อำเภอ{line.name}",
                layout.number(line.product_type),
                *(layout.money(a) for a in line.amounts),
                layout.money(line.total),
            ),
            layout.leading + 4,
        )
        for line in summary.tambons[0].lines
    ]
    label = f"รวมทั้งจังหวัด{summary.province_name}"
    counted = layout.number(entered_of_expected(summary.entries))
    total = ("", label, counted, *(layout.money(a) for a in summary.totals), layout.money(summary.total))
    rows.append(Row("sum_total", total, layout.leading + 4))
    top = layout.top - HEADING_HEIGHT
    pages, current, y = [], [], top
    for index, row in enumerate(rows):  # the last district rows go with the total and the closing
        needed = row.height if len(rows) - index > KEEP_WITH_TOTAL + 1 else sum(r.height for r in rows[index:])
        if current and y - needed - (SUMMARY_CLOSING if needed != row.height else 0) < layout.bottom:
            pages.append(current)
            current, y = [], top
        current.append(row)
        y -= row.height
    pages.append(current)
    office = f"สำนักงานพัฒนาชุมชนจังหวัด{summary.province_name}"
    for number, page_rows in enumerate(pages, 1):
        y = draw_heading(
            canvas,
            summary,
            layout,
            form_name=SUMMARY_NAME,
            title="สรุปยอดจำหน่ายผลิตภัณฑ์ OTOP จากแบบ จต.๒ ของทุกอำเภอ",
            office=office,
            first_headings=(
                "ที่",
                "อำเภอ",
                "กรอก/ทั้งหมด\n(ราย)" if summary.quarter is None else "กรอก/ทั้งหมด\n(ราย-เดือน)",
            ),
        )
        for row in page_rows:
            y = draw_row(canvas, row, y, layout)
        if number == len(pages):
            y -= 20
            words = f"ยอดจำหน่ายรวมทั้งจังหวัด (ตัวอักษร): {baht_text(summary.total)}"
            thai_pdf.draw(canvas, layout.left, y, words, BOLD, 13)
            y -= 20
            note = f"รวมจากแบบ จต.๒ ของ {layout.number(str(districts))} อำเภอในไฟล์นี้"
            if skipped:  # listed with their entrepreneurs expected, and '-': nothing entered, no form to print
                note += f" อำเภอที่ยังไม่มีรายชื่อของช่วงนี้จึงไม่มีแบบ: {' '.join(skipped)}"
            note += " หน้านี้เป็นสรุป ไม่ใช่แบบที่ต้องลงนามรับรอง"
            for line in thai_pdf.break_lines(note, REGULAR, 12, layout.right - layout.left):
                thai_pdf.draw(canvas, layout.left, y, line, REGULAR, 12)
                y -= 16
        draw_footer(canvas, summary, layout, number, len(pages), None)
        canvas.showPage()
