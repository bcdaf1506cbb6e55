"""Every hostile text, TAB and CR included (which the program's own text rule refuses, but a writer must not
rely on it), through each writer straight: the report writer (.xlsx and .csv), the forecast workbook and the
targets workbook keep it exactly as text; LibreOffice, opening the workbook, shows the text, not a result."""

import csv
from decimal import Decimal

from openpyxl import load_workbook
from openpyxl.utils.escape import unescape

from otop_desktop.services.forms.forecast_sheet import ForecastRow, ForecastSheet
from otop_desktop.services.forms.forecast_xlsx import export_forecast_xlsx
from otop_desktop.services.reports.exports import Column, Report, Sheet
from otop_desktop.services.reports.writers import write_report
from otop_desktop.services.sheet_text import CSV_FORMULA_STARTS
from otop_desktop.services.targets.rule import Settings, TargetLine, TargetTable
from otop_desktop.services.targets.workbook import export_targets
from tests.integration.test_every_output import check_money, sheet_xml
from tests.integration.test_exports import libreoffice

HOSTILE = ('=HYPERLINK("http://x","ดูรายละเอียด")', "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "#N/A", "a_x0041_b")


def hostile_report() -> Report:
    columns = [
        Column("ที่", "text", 5),
        Column("ชื่อผู้ประกอบการ", "text", 30),
        Column("จำนวน", "count"),
        Column("ยอด (บาท)", "money", 20),
    ]
    rows = [[str(n), text, n, 100_000 * n + 5] for n, text in enumerate(HOSTILE, 1)]
    return Report("project", "=1+1 ชื่อรายงาน", "-พื้นที่", "@งวด", "+ณ วันที่", ["=หมายเหตุ"], columns, [Sheet("=แผ่น", rows)])


def workbook_values(path) -> list:
    """Each cell's value as Excel and Calc read it (OOXML's _xHHHH_ escapes decoded), with its type."""
    return [
        (unescape(c.value) if isinstance(c.value, str) else c.value, c.data_type)
        for sheet in load_workbook(path).worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    ]


def test_the_report_workbook_keeps_every_hostile_text_as_a_string(tmp_path):
    out = write_report(hostile_report(), tmp_path / "r.xlsx").path
    assert not any("<f" in xml for xml in sheet_xml(out))
    values = workbook_values(out)
    for text in (*HOSTILE, "=1+1 ชื่อรายงาน", "-พื้นที่", "@งวด", "+ณ วันที่", "=หมายเหตุ"):
        assert (text, "s") in values, text
    check_money(out)


def test_the_report_csv_neutralises_every_hostile_text_and_keeps_numbers(tmp_path):
    out = write_report(hostile_report(), tmp_path / "r.csv").path
    with out.open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream))
    fields = [field for line in lines for field in line]
    assert not [field for field in fields if field.startswith(CSV_FORMULA_STARTS)]
    body = lines[lines.index(["ที่", "ชื่อผู้ประกอบการ", "จำนวน", "ยอด (บาท)"]) + 1 :]
    assert [line[1] for line in body[: len(HOSTILE)]] == [
        "'" + t if t.startswith(CSV_FORMULA_STARTS) else t for t in HOSTILE
    ]
    assert [line[2:] for line in body[:2]] == [["1", "1000.05"], ["2", "2000.05"]]
    check_money(out)


def test_the_forecast_and_targets_workbooks_keep_every_hostile_text_as_a_string(tmp_path):
    rows = tuple(
        ForecastRow(month, text, (100, None, None, None), 100, text, None) for month, text in enumerate(HOSTILE, 1)
    )
    sheet = ForecastSheet("34", "=จังหวัด", 2569, rows, (900, 0, 0, 0), 900, 0, False, "=1+2", "@ตำแหน่ง")
    out = export_forecast_xlsx(sheet, tmp_path / "f.xlsx")
    assert not any("<f" in xml for xml in sheet_xml(out))
    values = workbook_values(out)
    assert {(text, "s") for text in (*HOSTILE, "@ตำแหน่ง")} <= set(values)
    assert (1, "n") in values  # 100 satang: a number of baht
    settings = Settings(2569, 2568, Decimal("0.926"), (Decimal(2), Decimal(3), Decimal(5)), False)
    lines = tuple(
        TargetLine(f"34{n:02}", text, None, None, None, False, None, 100) for n, text in enumerate(HOSTILE, 1)
    )
    out = export_targets(TargetTable(settings, 1, lines, None), tmp_path / "t.xlsx", "=จังหวัด")
    assert not any("<f" in xml for xml in sheet_xml(out))
    assert {(text, "s") for text in HOSTILE} <= set(workbook_values(out))


def test_libreoffice_shows_the_text_not_a_result(tmp_path):
    out = write_report(hostile_report(), tmp_path / "hostile.xlsx").path
    converted = libreoffice(out, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path)
    with converted.open(encoding="utf-8", newline="") as stream:
        lines = list(csv.reader(stream))
    shown = [line[1] for line in lines if len(line) > 3 and line[0].isdigit()]
    assert shown == list(HOSTILE)  # not "ดูรายละเอียด" (a link), "2", "1", "-1", an error, or a lost CR
    assert lines[0][0] == "=1+1 ชื่อรายงาน"
