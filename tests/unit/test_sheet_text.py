"""The one rule for text in spreadsheets, and that every writer of a workbook or a CSV file goes through it:
text a spreadsheet would run (= + - @, TAB, CR) stays text; numbers stay numbers."""

import re
from pathlib import Path

from openpyxl import Workbook

from otop_desktop.services.sheet_text import CSV_FORMULA_STARTS, csv_text, put, text_cell, xlsx_text

ROOT = Path(__file__).resolve().parents[2] / "otop_desktop"
HOSTILE = ('=HYPERLINK("http://x","ดูรายละเอียด")', "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")
WRITES_A_SHEET = re.compile(r"\bWorkbook\(|\bcsv\.writer\(|\bcsv\.DictWriter\(|\.writerows?\(|clipboard\(\)\.setText\(")
CELL_WITH_A_VALUE = re.compile(r"\.cell\([^()]*,[^()]*,|\.cell\([^()]*\bvalue=")


def test_csv_text_neutralises_what_a_spreadsheet_would_run_and_nothing_else():
    for text in HOSTILE:
        assert csv_text(text) == "'" + text
    for text in ("กลุ่มทอผ้าไหม", "a=1", "3401", "", "'already"):
        assert csv_text(text) == text
    assert set(CSV_FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


def test_a_workbook_cell_of_text_is_a_string_never_a_formula_or_an_error():
    sheet = Workbook().active
    for row, text in enumerate((*HOSTILE, "#N/A", "#REF!"), 1):
        cell = put(sheet, row, 1, text)
        assert cell.data_type == "s", text
    numbers = [put(sheet, 1, 2, 5), text_cell(sheet.cell(2, 2, 1.5)), put(sheet, 3, 2, None)]
    assert [c.data_type for c in numbers] == ["n", "n", "n"] and numbers[0].value == 5


def test_xlsx_text_escapes_only_what_xml_would_lose():
    assert xlsx_text("\rx") == "_x000D_x"
    assert xlsx_text("a_x0041_b") == "a_x005F_x0041_b"  # a literal escape stays literal in Excel and Calc
    assert xlsx_text("\tx\n_x") == "\tx\n_x"


def _module_texts():
    return {path: path.read_text(encoding="utf-8") for path in ROOT.rglob("*.py")}


def test_every_module_writing_a_workbook_or_csv_goes_through_sheet_text():
    writers = {
        path.relative_to(ROOT).as_posix() for path, text in _module_texts().items() if WRITES_A_SHEET.search(text)
    }
    assert {
        "services/reports/writers.py",
        "services/targets/workbook.py",
        "services/forms/forecast_xlsx.py",
        "ui/sales_view.py",
    } <= writers  # the grid's copy is tab-separated text a spreadsheet takes in
    offenders = [
        name
        for name in writers
        if "otop_desktop.services.sheet_text import" not in (ROOT / name).read_text(encoding="utf-8")
    ]
    assert not offenders, offenders


def test_no_cell_is_given_a_value_except_through_sheet_text():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path, text in _module_texts().items()
        if path.name != "sheet_text.py"
        for number, line in enumerate(text.splitlines(), 1)
        if CELL_WITH_A_VALUE.search(line)
    ]
    assert not offenders, offenders


def test_the_patterns_catch_what_they_should():
    for line in (
        "book = Workbook()",
        "Workbook(write_only=True)",
        "out = csv.writer(stream)",
        "out.writerow([x])",
        "csv.DictWriter(f, names)",
        "QGuiApplication.clipboard().setText(text)",
    ):
        assert WRITES_A_SHEET.search(line), line
    for line in ("sheet.cell(row, 1, title).font = f", "cell = table.cell(4, column, text)", "s.cell(1, 2, value=v)"):
        assert CELL_WITH_A_VALUE.search(line), line
    assert not CELL_WITH_A_VALUE.search("cell = table.cell(row, column)")
    assert not WRITES_A_SHEET.search("load_workbook(path)")
