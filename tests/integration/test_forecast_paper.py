"""The forecast form on paper, measured: every amount drawn at a readable size inside its own cell (no
column line crosses it) for the largest figures a province's forecast can hold, the total row read back as
separate amounts, the reporter's position printed once, 'พิมพ์เมื่อ' and 'หน้า x/y'; its workbook prints
A4 landscape one page wide with the headings repeated (LibreOffice prints it so)."""

import re
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from reportlab.pdfgen.canvas import Canvas

from otop_desktop.services.forms import forecast_pdf, thai_pdf
from otop_desktop.services.forms.forecast_pdf import render_forecast
from otop_desktop.services.forms.forecast_sheet import ForecastRow, ForecastSheet
from otop_desktop.services.forms.forecast_xlsx import export_forecast_xlsx
from otop_desktop.services.money import MAX_SATANG, format_baht
from otop_desktop.services.thai import FISCAL_MONTHS, format_thai_datetime, month_label
from tests.integration.test_exports import libreoffice
from tests.integration.test_jt2 import pdf_text

LARGEST = MAX_SATANG - 1  # the most one forecast cell (a province's month through one channel) may hold
AMOUNT = re.compile(r"^[\d๐-๙][\d๐-๙,]*\.[\d๐-๙]{2}$")
READABLE = 11  # pt: jt2's rows; the form printed its monthly amounts at about 7


def sheet_of(amount=LARGEST, remark="", position="", name="นางสมศรี ใจดี") -> ForecastSheet:
    rows = tuple(ForecastRow(m, month_label(2569, m), (amount,) * 4, 4 * amount, remark, None) for m in FISCAL_MONTHS)
    return ForecastSheet("34", "อุบลราชธานี", 2569, rows, (12 * amount,) * 4, 48 * amount, 0, True, name, position)


class Recorder:
    """What the renderer draws: each text with its font, size and extent, and the vertical lines, by page."""

    def __init__(self, monkeypatch):
        self.texts, self.lines, self.page = [], [], 0
        real_draw = thai_pdf.draw

        def draw(canvas, x, y, text, font=thai_pdf.REGULAR, size=14, align="left"):
            width = thai_pdf.width(text, font, size)
            left = x - width if align == "right" else x - width / 2 if align == "centre" else x
            self.texts.append((self.page, y, left, left + width, text, font, size))
            real_draw(canvas, x, y, text, font, size, align)

        def line(canvas, x1, y1, x2, y2):
            if x1 == x2:
                self.lines.append((self.page, x1, min(y1, y2), max(y1, y2)))
            real_line(canvas, x1, y1, x2, y2)

        def rect(canvas, x, y, width, height, stroke=1, fill=0, **kw):
            if stroke:
                self.lines += [(self.page, x, y, y + height), (self.page, x + width, y, y + height)]
            real_rect(canvas, x, y, width, height, stroke=stroke, fill=fill, **kw)

        def show_page(canvas):
            self.page += 1
            real_show(canvas)

        real_line, real_rect, real_show = Canvas.line, Canvas.rect, Canvas.showPage
        monkeypatch.setattr(thai_pdf, "draw", draw)
        monkeypatch.setattr(Canvas, "line", line)
        monkeypatch.setattr(Canvas, "rect", rect)
        monkeypatch.setattr(Canvas, "showPage", show_page)

    def cell_of(self, page, y, left, right):
        """The column lines either side of a text on its baseline: (line left of it, line right of it)."""
        xs = sorted(x for p, x, bottom, top in self.lines if p == page and bottom <= y <= top)
        return max((x for x in xs if x <= (left + right) / 2), default=None), min(
            (x for x in xs if x > (left + right) / 2), default=None
        )


@pytest.mark.parametrize("thai_digits", [True, False])
def test_every_amount_of_the_largest_year_fits_its_cell_at_a_readable_size(monkeypatch, tmp_path, thai_digits):
    recorder = Recorder(monkeypatch)
    render_forecast(sheet_of(), tmp_path / "f.pdf", thai_digits=thai_digits, code="ABCDEFGHIJ")
    amounts = [t for t in recorder.texts if AMOUNT.match(t[4])]
    assert len(amounts) == 13 * 5  # twelve months and the total row, four channels and the row total each
    digits = thai_pdf.thai_digits if thai_digits else str
    assert {t[4] for t in amounts} == {
        digits(format_baht(v)) for v in (LARGEST, 4 * LARGEST, 12 * LARGEST, 48 * LARGEST)
    }
    for page, y, left, right, text, _font, size in amounts:
        assert size >= READABLE, (text, size)
        line_left, line_right = recorder.cell_of(page, y, left, right)
        assert line_left is not None and line_right is not None, text
        assert line_left + 2 <= left and right <= line_right - 2, (
            f"{text} at {size} pt: {left:.1f}-{right:.1f} in {line_left:.1f}-{line_right:.1f}"
        )
    months = [t for t in recorder.texts if t[4] in {digits(row.label) for row in sheet_of().rows} | {"รวมทั้งสิ้น"}]
    for page, y, left, right, text, _font, size in months:
        line_left, line_right = recorder.cell_of(page, y, left, right)
        assert size >= READABLE and line_left + 2 <= left and right <= line_right - 2, text


def test_the_total_row_reads_back_as_separate_amounts(tmp_path):
    path = render_forecast(sheet_of(remark="ช่วงเทศกาลและงานแสดงสินค้า OTOP ประจำปีที่เมืองทองธานี"), tmp_path / "f.pdf")
    lines = pdf_text(path, "-raw").splitlines()
    total = next(line for line in lines if line.startswith("รวมทั้งสิ้น ")).split()
    assert total == [
        "รวมทั้งสิ้น",
        *[thai_pdf.thai_digits(format_baht(12 * LARGEST))] * 4,
        thai_pdf.thai_digits(format_baht(48 * LARGEST)),
    ]
    october = next(line for line in lines if line.startswith("ตุลาคม ")).split()
    assert october[2:] == [
        *[thai_pdf.thai_digits(format_baht(LARGEST))] * 4,
        thai_pdf.thai_digits(format_baht(4 * LARGEST)),
    ]


@pytest.mark.parametrize(
    "position, shown",
    [
        ("พัฒนาการจังหวัดอุบลราชธานี", ["พัฒนาการจังหวัดอุบลราชธานี"]),
        ("พัฒนาการจังหวัด", ["พัฒนาการจังหวัดอุบลราชธานี"]),
        ("", ["ตำแหน่ง..............................", "พัฒนาการจังหวัดอุบลราชธานี"]),
        ("นักวิชาการพัฒนาชุมชนชำนาญการพิเศษ", ["นักวิชาการพัฒนาชุมชนชำนาญการพิเศษ", "พัฒนาการจังหวัดอุบลราชธานี"]),
    ],
)
def test_the_reporters_position_prints_once(tmp_path, position, shown):
    sheet = sheet_of(amount=1_000_00, position=position)
    lines = pdf_text(render_forecast(sheet, tmp_path / "f.pdf"), "-raw").splitlines()
    start = lines.index("(นางสมศรี ใจดี)")
    assert lines[start + 1 : start + 1 + len(shown)] == shown
    assert sum("พัฒนาการจังหวัดอุบลราชธานี" in line for line in lines) == 1
    book = load_workbook(export_forecast_xlsx(sheet, tmp_path / "f.xlsx")).active
    column = [book.cell(row, 5).value for row in range(1, book.max_row + 1)]
    start = column.index("(นางสมศรี ใจดี)")
    assert column[start + 1 : start + 1 + len(shown)] == shown and column.count("พัฒนาการจังหวัดอุบลราชธานี") == 1


def test_printed_at_in_thailands_time_and_page_numbers(monkeypatch, tmp_path):
    at = datetime(2026, 1, 30, 18, 5, tzinfo=UTC)  # 01:05 on the 31st in Thailand
    monkeypatch.setattr(forecast_pdf, "now_utc", lambda: at)
    short = pdf_text(render_forecast(sheet_of(amount=1_000_00), tmp_path / "short.pdf"), "-raw")
    assert f"พิมพ์เมื่อ {thai_pdf.thai_digits(format_thai_datetime(at))}" in short
    assert "๓๑ มกราคม ๒๕๖๙ เวลา ๐๑:๐๕ น." in short and "หน้า ๑/๑" in short
    long = render_forecast(
        sheet_of(amount=1_000_00, remark="หมายเหตุยาว " * 30), tmp_path / "long.pdf", thai_digits=False
    )
    text = pdf_text(long, "-raw")
    pages = text.split("\f")[:-1]
    assert len(pages) > 1
    for number, page in enumerate(pages, 1):  # each page: its heading, its number, the time it was printed
        assert "ออฟไลน์ ออนไลน์ ออฟไลน์ ออนไลน์" in page and f"หน้า {number}/{len(pages)}" in page
        assert "พิมพ์เมื่อ 31 มกราคม 2569 เวลา 01:05 น." in page
    assert "ผู้รายงาน" in pages[-1], pages[-1][-300:]
    assert "รวมทั้งสิ้น 12,000.00 12,000.00" in pages[-1] and "กันยายน 2569" in pages[-1]  # September, the total, the block


def test_the_workbook_prints_a4_landscape_one_page_wide_with_its_headings(tmp_path):
    path = export_forecast_xlsx(sheet_of(), tmp_path / "forecast.xlsx", "ABCDEFGHIJ")
    sheet = load_workbook(path).active
    setup = sheet.page_setup
    assert (setup.orientation, str(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == ("landscape", "9", 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$5:$7"
    pdf = libreoffice(path, "pdf", tmp_path)
    from tests.integration.test_pdf_hygiene import pdf_info

    info = pdf_info(pdf)
    assert info["Pages"] == "1" and info["Page size"].startswith("841.")  # one page, landscape: nothing split off
    text = pdf_text(pdf, "-raw")
    assert "หมายเหตุ" in text and "ออนไลน์" in text and "###" not in text
