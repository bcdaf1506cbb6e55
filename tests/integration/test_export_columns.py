"""The exports' columns read back with openpyxl: "ที่" is a number in every workbook that has it (the eight
exports and the targets table), and the `project` export's text columns are as wide as their longest text
(capped), so district, product type, entrepreneur type and names are not clipped."""

import pytest
from openpyxl import load_workbook
from reportlab.pdfbase import pdfmetrics

from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.reports.exports import EXPORTS
from tests.integration.test_cli import cli  # noqa: F401 - the fixture
from tests.integration.test_exports import PROVINCE, demo, write  # noqa: F401 - demo is the fixture

CAP = 60  # a column may stop growing here; a longer text then clips
PROJECT_TEXTS = ("จังหวัด", "อำเภอ", "ตำบล", "ชื่อผู้ประกอบการ/กลุ่ม", "ผลิตภัณฑ์หลัก", "ประเภทผลิตภัณฑ์", "ประเภทผู้ประกอบการ")


def table_of(sheet):
    """(heading row number, headings) of a sheet: the row whose first cell is ที่."""
    row = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "ที่")
    return row, [cell.value for cell in sheet[row]]


def assert_running_numbers(sheet) -> int:
    row, _ = table_of(sheet)
    numbers = [
        sheet.cell(r, 1)
        for r in range(row + 1, sheet.max_row + 1)
        if sheet.cell(r, 1).value is not None and not str(sheet.cell(r, 1).value).startswith(("รวม", "หมายเหตุ"))
    ]
    assert numbers and [c.value for c in numbers] == list(range(1, len(numbers) + 1))
    assert all(c.data_type == "n" and isinstance(c.value, int) for c in numbers), [
        (c.coordinate, c.value) for c in numbers[:3]
    ]
    return len(numbers)


@pytest.mark.parametrize("name", [e.name for e in EXPORTS if e.name not in ("monthly-types", "monthly-channels")])
def test_the_running_number_is_a_number_in_every_export(demo, tmp_path, name):  # noqa: F811
    book = load_workbook(write(demo, PROVINCE, name, ".xlsx", tmp_path))
    assert sum(assert_running_numbers(sheet) for sheet in book.worksheets) > 0


def test_the_running_number_is_a_number_in_the_targets_workbook(cli, tmp_path):  # noqa: F811
    code, _, err = cli(
        "targets", "base", "--user", "prov", "--year", "2569", "--district", "3401", "--amount", "1,000,000"
    )
    assert code == 0, err
    code, _, err = cli(
        "targets", "show", "--user", "prov", "--year", "2569", "--round", "1", "--xlsx", str(tmp_path / "t.xlsx")
    )
    assert code == 0, err
    assert assert_running_numbers(load_workbook(tmp_path / "t.xlsx").active) >= 1


def shown_width(text: str) -> float:
    """Excel's width units (the default font's digit, 7 px at 96 dpi) a text takes at 14 pt in Sarabun."""
    thai_pdf.register_fonts()
    return pdfmetrics.stringWidth(text, thai_pdf.REGULAR, 14) * 96 / 72 / 7


def test_the_project_exports_text_columns_fit_their_longest_text(demo, tmp_path):  # noqa: F811
    from openpyxl.utils import get_column_letter

    sheet = load_workbook(write(demo, PROVINCE, "project", ".xlsx", tmp_path)).active
    row, headings = table_of(sheet)
    for heading in PROJECT_TEXTS:
        column = headings.index(heading) + 1
        texts = [sheet.cell(r, column).value for r in range(row + 1, sheet.max_row + 1)]
        widest = max(shown_width(t) for t in texts if isinstance(t, str))
        width = sheet.column_dimensions[get_column_letter(column)].width
        assert width >= min(CAP, widest) and width <= CAP, (heading, width, widest)
