"""จต.๒ and จต.๑ on paper, measured as drawn: every text of the table between its column lines (four-digit
'ที่', the quarter's headings, the largest district's totals at the rows' type size), Thai digits only in
Thai-digit mode, a tambon carried over a page named '(ต่อ)', the district total never alone with the
signatures, '-' for a subtotal of no figures, dated signature blocks; จต.๑'s legend on every page and its
product types inside their rows."""

import re
from datetime import UTC, datetime

import pytest
from reportlab.pdfbase.pdfmetrics import getAscentDescent

from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.jt1 import Jt1Form, Jt1Line, render_jt1
from otop_desktop.services.forms.jt2 import AMOUNT_HEADINGS, Jt2Form, Jt2Line, Jt2Tambon, _column_totals, render_jt2
from otop_desktop.services.money import format_baht, sum_amounts
from otop_desktop.services.thai import THAI_MONTHS, calendar_year_be
from tests.integration.test_forecast_paper import Recorder
from tests.integration.test_jt2 import form_of, pdf_text

AMOUNT = re.compile(r"^[\d๐-๙][\d๐-๙,]*\.[\d๐-๙]{2}$")
NAMES = ("กลุ่มทอผ้าไหมบ้านนาคำ", "กลุ่มแม่บ้านเกษตรกรบ้านหนองบัวทอผ้าไหมมัดหมี่ลายโบราณ", "นายทองใบ พิมพ์ทอง")
KINDS = ("อาหาร", "ของใช้ ของตกแต่ง ของที่ระลึก", "สมุนไพรที่ไม่ใช่อาหาร")


def jt2_of(counts, amounts=(999_999_99, 250_000_00, None, 1_00), first=1, quarter=False) -> Jt2Form:
    """A district's form with `counts` entrepreneurs in each tambon, numbered from `first`."""
    tambons, number = [], first
    for t, count in enumerate(counts):
        lines = []
        for i in range(count):
            shown = amounts[:3] if quarter else amounts
            lines.append(Jt2Line(number, NAMES[(t + i) % 3], KINDS[i % 3], shown, sum_amounts(shown), number))
            number += 1
        totals = _column_totals([line.amounts for line in lines])
        tambons.append(Jt2Tambon(["วารินชำราบ", "บุ่งไหม", "คำน้ำแซบ"][t % 3], tuple(lines), totals, sum_amounts(totals)))
    totals = _column_totals([line.amounts for tambon in tambons for line in tambon.lines])
    months = (7, 8, 9) if quarter else (9,)
    headings = (
        tuple(f"{THAI_MONTHS[m - 1]}\n{calendar_year_be(2569, m)}" for m in months) if quarter else AMOUNT_HEADINGS
    )
    return Jt2Form(
        "3415",
        "วารินชำราบ",
        "อุบลราชธานี",
        2569,
        months,
        tuple(tambons),
        totals,
        sum_amounts(totals),
        datetime(2026, 9, 30, 3, 0, tzinfo=UTC),
        (),
        headings,
    )


def in_cells(recorder):
    """The texts drawn inside the table: those with a column line either side."""
    for page, y, left, right, text, font, size in recorder.texts:
        line_left, line_right = recorder.cell_of(page, y, left, right)
        if line_left is not None and line_right is not None:
            yield page, y, left, right, text, font, size, line_left, line_right


@pytest.mark.parametrize("quarter", [False, True])
def test_every_text_of_the_table_fits_its_cell_and_every_amount_one_size(monkeypatch, tmp_path, quarter):
    recorder = Recorder(monkeypatch)
    form = jt2_of([14, 9], first=9_970, quarter=quarter)  # 'ที่' up to ๙๙๙๒; a total of about 290 million
    render_jt2(form, tmp_path / "jt2.pdf")
    cells = list(in_cells(recorder))
    texts = {cell[4] for cell in cells}
    assert {"๙๙๗๐", "๙๙๙๒", "รวมทั้งอำเภอวารินชำราบ"} <= texts
    for _page, _y, left, right, text, _font, _size, line_left, line_right in cells:
        assert line_left + 1.5 <= left and right <= line_right - 1.5, (
            f"{text!r}: {left:.1f}-{right:.1f} in {line_left:.1f}-{line_right:.1f}"
        )
    sizes = {size for *_, text, font, size, _, _ in cells if AMOUNT.match(text)}
    assert len(sizes) == 1 and min(sizes) >= 10, sizes  # the total row as the rows: one size, readable
    if quarter:
        assert {"กรกฎาคม", "๒๕๖๙", "รวมไตรมาส", "(บาท)"} <= texts
    assert not [t[4] for t in recorder.texts if re.search(r"[0-9]", t[4])]  # Thai digits everywhere, no code given


def test_a_total_label_wider_than_the_name_column_has_the_type_column_too(monkeypatch, tmp_path):
    """A district's total label can be wider than the name column ('รวมทั้งอำเภอเมืองอุบลราชธานี' was, on a print
    whose amounts left the names little room): the subtotals and the total draw no line between the name and the
    type, so the label sits inside its row's cell as every text does. A name longer than any district's makes
    it wider here."""
    from dataclasses import replace

    recorder = Recorder(monkeypatch)
    long_name = "เมืองอุบลราชธานีเฉลิมพระเกียรติ"
    render_jt2(replace(jt2_of([14, 9], first=9_970), district_name=long_name), tmp_path / "jt2.pdf")
    (cell,) = [cell for cell in in_cells(recorder) if cell[4] == f"รวมทั้งอำเภอ{long_name}"]
    _page, _y, left, right, _text, _font, _size, line_left, line_right = cell
    assert line_left + 1.5 <= left and right <= line_right - 1.5, (
        f"{left:.1f}-{right:.1f} in {line_left:.1f}-{line_right:.1f}"
    )


def rows_by_page(recorder, form):
    """Per page, the table's rows from the top: 'ตำบล…' headings, line numbers, subtotals, the total."""
    name_x = 3 * 72 / 2.54 + 36 + 4  # the left margin, 'ที่', the name column's padding
    pages = {}
    for page, y, left, _right, text, _font, _size in recorder.texts:
        if (abs(left - name_x) < 0.5 and text.startswith(("ตำบล", "รวม"))) or (
            left < name_x - 4 and re.fullmatch(r"[๐-๙]+", text)
        ):
            pages.setdefault(page, []).append((-y, text))
    return [[text for _, text in sorted(rows)] for _, rows in sorted(pages.items())]


@pytest.mark.parametrize("count", range(14, 44, 3))
def test_a_continued_tambon_is_named_and_the_total_keeps_its_last_rows(monkeypatch, tmp_path, count):
    recorder = Recorder(monkeypatch)
    form = jt2_of([count // 2, count - count // 2])
    render_jt2(form, tmp_path / "jt2.pdf")
    pages = rows_by_page(recorder, form)
    assert len(pages) > 1
    for rows in pages[1:]:
        assert rows[0].startswith("ตำบล"), rows[:2]  # a page starts with its tambon, '(ต่อ)' when continued
    for rows in pages:
        assert not (rows[-1].startswith("ตำบล") and "รวม" not in rows[-1]), rows[-2:]  # no heading left alone
    assert any(row.endswith("(ต่อ)") for rows in pages for row in rows)
    last = pages[-1]
    assert last[-1] == "รวมทั้งอำเภอวารินชำราบ"
    assert sum(bool(re.fullmatch(r"[๐-๙]+", row)) for row in last) >= 3, last  # entrepreneurs with the total


def test_subtotals_of_no_figures_print_a_dash_and_signatures_are_dated(world, tmp_path):
    form = form_of(world)
    assert any(total is None for tambon in form.tambons for total in tambon.totals)
    lines = pdf_text(render_jt2(form, tmp_path / "jt2.pdf"), "-raw").splitlines()
    for tambon in form.tambons:
        printed = next(line for line in lines if line.startswith(f"รวมตำบล{tambon.name} ")).split()[1:]
        expected = [thai_pdf.thai_digits(format_baht(total, blank="-")) for total in tambon.totals]
        assert printed[: len(expected)] == expected
    assert sum(line.count("วันที่") for line in lines) == 3  # who prepares, certifies and signs


def test_an_entrepreneur_with_nothing_entered_prints_a_dash_for_the_total_too(tmp_path):
    form = jt2_of((2,), amounts=(None, None, None, None))  # listed, nothing entered yet (an incomplete print)
    lines = pdf_text(render_jt2(form, tmp_path / "jt2.pdf"), "-raw").splitlines()
    (first,) = [line.split() for line in lines if line.split()[:1] == ["๑"]]  # its name fits one line
    assert first[-5:] == ["-"] * 5, first  # the four channels and the total


def jt1_of(count: int) -> Jt1Form:
    lines = tuple(
        Jt1Line(n, "วารินชำราบ", NAMES[n % 3], KINDS[n % 3], (12_345_00, None, 1_00, None), n)
        for n in range(1, count + 1)
    )
    return Jt1Form(
        "3415", "วารินชำราบ", "อุบลราชธานี", 2569, 9, (2569, 8), "สิงหาคม 2569", lines, datetime(2026, 9, 1, tzinfo=UTC)
    )


def test_the_collection_sheet_has_its_legend_on_every_page_and_texts_inside_their_rows(monkeypatch, tmp_path):
    recorder = Recorder(monkeypatch)
    path = render_jt1(jt1_of(40), tmp_path / "jt1.pdf")
    pages = pdf_text(path, "-raw").split("\f")[:-1]
    assert len(pages) > 2
    for page in pages:
        assert "ตัวเลขสีเทาขนาดเล็กในแต่ละช่องคือยอดของเดือนสิงหาคม ๒๕๖๙" in " ".join(page.split())
    left = 3 * 72 / 2.54
    rows = [(p, bottom, top) for p, x, bottom, top in recorder.lines if abs(x - left) < 0.01 and top - bottom < 60]
    kinds = [t for t in recorder.texts if t[6] == 9]
    assert {"ของใช้ ของตกแต่ง", "ของที่ระลึก", "ต.วารินชำราบ"} <= {t[4] for t in kinds}
    for page, y, _, _, text, font, size in kinds:
        ascent, descent = getAscentDescent(font, size)
        bottom, top = next((b, t) for p, b, t in rows if p == page and b <= y <= t)
        assert y + ascent <= top - 1 and y + descent >= bottom + 1, (
            f"{text!r} at {y:.1f} in a row {bottom:.1f}-{top:.1f}"
        )
