"""The eight exports read back as their users' tools read them: every row and every total against sums
computed here with plain SQL, in the workbook (openpyxl) and in the CSV; the department counts only
confirmed months; a district user gets only its district; big areas split over sheets by province."""

import csv
import shutil
import sqlite3
import subprocess
from collections import Counter
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from otop_desktop.core.errors import InvalidInput, PermissionDenied
from otop_desktop.core.users import UserInfo
from otop_desktop.services.money import format_baht
from otop_desktop.services.office import Office
from otop_desktop.services.reports import exports, writers
from otop_desktop.store.database import open_database
from tests.conftest import demo_copy

YEAR = 2569
TOTAL = "coalesce(domestic_offline,0)+coalesce(domestic_online,0)+coalesce(export_offline,0)+coalesce(export_online,0)"
ENTERED = (
    "CASE WHEN domestic_offline IS NOT NULL OR domestic_online IS NOT NULL OR export_offline IS NOT NULL"
    " OR export_online IS NOT NULL THEN e.id END"
)
CHANNEL_SUMS = (
    "sum(coalesce(domestic_offline,0)), sum(coalesce(domestic_online,0)), sum(coalesce(export_offline,0)),"
    " sum(coalesce(export_online,0))"
)
PROVINCE = UserInfo("province34", "province", "34", "", "")
DEPARTMENT = UserInfo("dept", "department", "00", "", "")
MUEANG = UserInfo("amphoe3401", "district", "3401", "", "")


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_built):
    """The demo province, plus a second province (Khon Kaen, 40) whose October is not confirmed."""
    path = demo_copy(demo_built, tmp_path_factory.mktemp("exports") / "otop.db").path
    with sqlite3.connect(path) as con:
        con.execute(
            "INSERT INTO entrepreneur (uid, name, name_key, tambon_code, product_type_id, entrepreneur_type_id,"
            " main_product, active, created_at) SELECT 'kk' || id, 'ขอนแก่น ' || name, name_key,"
            " '400101', product_type_id, entrepreneur_type_id, main_product, 1, created_at FROM entrepreneur"
            " WHERE tambon_code LIKE '3415%'"
        )
        con.execute(
            "INSERT INTO monthly_sale (entrepreneur_id, fiscal_year, month, domestic_offline, domestic_online,"
            " export_offline, export_online, revision, updated_by, updated_at, origin, source_revision)"
            " SELECT k.id, s.fiscal_year, s.month, s.domestic_offline + 7, s.domestic_online, s.export_offline,"
            " s.export_online, 1, 'x', s.updated_at, '4001', 1 FROM monthly_sale s JOIN entrepreneur e"
            " ON e.id = s.entrepreneur_id JOIN entrepreneur k ON k.uid = 'kk' || e.id"
        )
        con.execute(
            "INSERT INTO province_lock (province_code, fiscal_year, month, locked, changed_by, changed_at, reason)"
            f" SELECT '40', {YEAR}, month, 1, 'x', '2026-01-01 00:00:00', '' FROM province_lock"
            f" WHERE province_code = '34' AND fiscal_year = {YEAR} AND month != 10"
        )
    return path


def sql(path, query, *params):
    with sqlite3.connect(path) as con:
        return con.execute(query, params).fetchall()


def write(path, user, name, suffix, tmp_path, **options):
    database = open_database(path)
    try:
        out = tmp_path / f"{name}{suffix}"
        Office(database, user).query(writers.save_export, name=name, fiscal_year=YEAR, path=out, **options)
        return out
    finally:
        database.close()


def sheet_table(out):
    """(heading row, data rows, total rows) of each sheet, from the workbook or the CSV, as Python values:
    money in satang read from the numbers as written."""
    if out.suffix == ".csv":
        with out.open(encoding="utf-8-sig", newline="") as stream:
            lines = list(csv.reader(stream))
        return [_split(lines, text=True)]
    book = load_workbook(out)
    return [_split([[c.value for c in row] for row in sheet.iter_rows()], text=False) for sheet in book.worksheets]


def _split(lines, text):
    start = next(i for i, line in enumerate(lines) if len(line) > 3 and line[0] in ("ที่", "เดือน"))
    headings = lines[start]
    body = [line for line in lines[start + 1 :] if any(v not in (None, "") for v in line)]
    totals = [line for line in body if str(line[0]).startswith("รวม")]
    rows = [line for line in body if not str(line[0]).startswith("รวม")]
    return headings, rows, totals


def satang(value):
    """A money cell back to satang: a number from the workbook, text from the CSV; never a rounding."""
    if value in (None, ""):
        return 0
    amount = Decimal(str(value)) * 100
    assert amount == amount.to_integral_value(), value
    return int(amount)


def columns(headings, *names):
    return [headings.index(name) for name in names]


@pytest.fixture(params=[".xlsx", ".csv"])
def suffix(request):
    return request.param


def test_overview_rows_and_total_agree_with_sql(demo, suffix, tmp_path):
    headings, rows, totals = sheet_table(write(demo, PROVINCE, "overview", suffix, tmp_path))[0]
    expected = {
        code: (listed, entered, *money)
        for code, listed, entered, *money in sql(
            demo,
            (
                f"SELECT substr(tambon_code,1,4), count(DISTINCT e.id), count(DISTINCT {ENTERED}), {CHANNEL_SUMS}"
                " FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id WHERE fiscal_year = ?"
                " AND tambon_code LIKE '34%' GROUP BY 1"
            ),
            YEAR,
        )
    }
    assert len(rows) == 25 and headings[2] == "อำเภอ"
    for row in rows:
        want = expected[str(row[1])]
        assert [int(row[3]), int(row[4])] == list(want[:2])
        assert [satang(v) for v in row[5:9]] == list(want[2:])
        assert satang(row[9]) == sum(want[2:])
    total = totals[0]
    assert total[0] == "รวม"
    assert [satang(v) for v in total[5:10]] == [sum(w[i] for w in expected.values()) for i in range(2, 6)] + [
        sum(sum(w[2:]) for w in expected.values())
    ]
    assert (
        int(total[3])
        == sql(
            demo,
            "SELECT count(DISTINCT entrepreneur_id) FROM monthly_sale s JOIN entrepreneur e"
            " ON e.id = s.entrepreneur_id WHERE fiscal_year = ? AND tambon_code LIKE '34%'",
            YEAR,
        )[0][0]
    )


def test_monthly_types_and_channels_agree_with_sql(demo, suffix, tmp_path):
    by_type = {
        (m, t): v
        for m, t, v in sql(
            demo,
            (
                f"SELECT month, product_type_id, sum({TOTAL}) FROM monthly_sale "
                "s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
                " WHERE fiscal_year = ? AND tambon_code LIKE '34%' GROUP BY 1, 2"
            ),
            YEAR,
        )
    }
    headings, rows, totals = sheet_table(write(demo, PROVINCE, "monthly-types", suffix, tmp_path))[0]
    assert [r[0] for r in rows][:2] == ["ตุลาคม 2568", "พฤศจิกายน 2568"] and len(rows) == 12
    months = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
    for month, row in zip(months, rows):
        assert [satang(v) for v in row[1:6]] == [by_type.get((month, t), 0) for t in range(1, 6)]
        assert satang(row[6]) == sum(by_type.get((month, t), 0) for t in range(1, 6))
        assert row[7] == "ยืนยันแล้ว"  # the demo province confirmed every month of 2569
    assert satang(totals[0][6]) == sum(by_type.values())
    channels = {
        m: v
        for m, *v in sql(
            demo,
            (
                f"SELECT month, {CHANNEL_SUMS} FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
                " WHERE fiscal_year = ? AND tambon_code LIKE '34%' GROUP BY 1"
            ),
            YEAR,
        )
    }
    headings, rows, totals = sheet_table(write(demo, PROVINCE, "monthly-channels", suffix, tmp_path))[0]
    for month, row in zip(months, rows):
        want = channels[month]
        assert [satang(v) for v in row[1:8]] == [*want, want[0] + want[1], want[2] + want[3], sum(want)]
    assert [satang(v) for v in totals[0][1:8]] == [sum(c[i] for c in channels.values()) for i in range(4)] + [
        sum(c[0] + c[1] for c in channels.values()),
        sum(c[2] + c[3] for c in channels.values()),
        sum(sum(c) for c in channels.values()),
    ]


def test_per_province_reports_hold_the_provinces_own_row_or_every_province(demo, suffix, tmp_path):
    query = (
        f"SELECT substr(tambon_code,1,2), count(DISTINCT substr(tambon_code,1,4)), count(DISTINCT e.id),"
        f" count(DISTINCT {ENTERED}), sum(coalesce(domestic_offline,0)+coalesce(domestic_online,0)),"
        f" sum(coalesce(export_offline,0)+coalesce(export_online,0)) FROM monthly_sale s JOIN entrepreneur e"
        " ON e.id = s.entrepreneur_id JOIN province_lock p ON p.province_code = substr(tambon_code,1,2)"
        " AND p.fiscal_year = s.fiscal_year AND p.month = s.month AND p.locked WHERE s.fiscal_year = ? GROUP BY 1"
    )
    confirmed = {code: rest for code, *rest in sql(demo, query, YEAR)}
    headings, rows, totals = sheet_table(write(demo, PROVINCE, "provinces", suffix, tmp_path))[0]
    assert [str(r[1]) for r in rows] == ["34"]
    headings, rows, totals = sheet_table(write(demo, DEPARTMENT, "provinces", suffix, tmp_path))[0]
    listed = {str(r[1]): r for r in rows}
    assert len(rows) == 77  # every province, those without figures at nothing
    for code in ("34", "40"):
        row, want = listed[code], confirmed[code]
        assert [int(v) for v in row[3:6]] == want[:3]
        assert [satang(v) for v in row[6:9]] == [want[3], want[4], want[3] + want[4]]
    assert listed["40"][9] == "พ.ย.–ก.ย."  # October was never confirmed: not counted
    assert satang(totals[0][8]) == sum(w[3] + w[4] for w in confirmed.values())
    unconfirmed = sql(
        demo,
        f"SELECT sum({TOTAL}) FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
        " WHERE fiscal_year = ? AND month = 10 AND tambon_code LIKE '40%'",
        YEAR,
    )[0][0]
    assert unconfirmed > 0  # the figures exist, the department just does not count them yet
    headings, rows, totals = sheet_table(write(demo, DEPARTMENT, "domestic-export", suffix, tmp_path))[0]
    row = next(r for r in rows if str(r[1]) == "40")
    domestic, export = confirmed["40"][3], confirmed["40"][4]
    assert [satang(row[3]), satang(row[5]), satang(row[7])] == [domestic, export, domestic + export]
    shown = Decimal(str(row[4])) / (100 if suffix == ".csv" else 1)
    assert abs(shown - Decimal(domestic) / (domestic + export)) < Decimal("0.0001")


def test_project_lists_every_entrepreneur_with_its_sums(demo, suffix, tmp_path):
    want = Counter(
        (d, t, n, *m)
        for d, t, n, *m in sql(
            demo,
            (
                f"SELECT di.name_th, t.name_th, e.name, {CHANNEL_SUMS} FROM monthly_sale s JOIN entrepreneur e"
                " ON e.id = s.entrepreneur_id JOIN tambon t ON t.code = "
                "e.tambon_code JOIN district di ON di.code = t.district_code"
                " WHERE fiscal_year = ? AND tambon_code LIKE '34%' GROUP BY e.id"
            ),
            YEAR,
        )
    )
    headings, rows, totals = sheet_table(write(demo, PROVINCE, "project", suffix, tmp_path))[0]
    money = columns(
        headings, "ในประเทศ ออฟไลน์ (บาท)", "ในประเทศ ออนไลน์ (บาท)", "ต่างประเทศ ออฟไลน์ (บาท)", "ต่างประเทศ ออนไลน์ (บาท)"
    )
    got = Counter((r[2], r[3], r[4], *(satang(r[i]) for i in money)) for r in rows)
    assert got == want
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    assert satang(totals[0][headings.index("รวม (บาท)")]) == sum(sum(w[3:]) * n for w, n in want.items())


def test_so3_and_so4_agree_with_sql(demo, suffix, tmp_path):
    by_type = {
        t: (listed, total)
        for t, listed, total in sql(
            demo,
            (
                f"SELECT product_type_id, count(DISTINCT e.id), sum({TOTAL}) FROM monthly_sale s JOIN entrepreneur e"
                " ON e.id = s.entrepreneur_id WHERE fiscal_year = ? AND tambon_code LIKE '34%' GROUP BY 1"
            ),
            YEAR,
        )
    }
    headings, rows, totals = sheet_table(write(demo, PROVINCE, "so3", suffix, tmp_path))[0]
    assert [r[1] for r in rows][0] == "อาหาร"
    for number, row in enumerate(rows, 1):
        assert (int(row[2]), satang(row[6])) == by_type[number]
    grand = sum(total for _, total in by_type.values())
    assert satang(totals[0][6]) == grand
    by_district = {
        d: total
        for d, total in sql(
            demo,
            (
                f"SELECT substr(tambon_code,1,4), sum({TOTAL}) FROM monthly_sale "
                "s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
                " WHERE fiscal_year = ? AND tambon_code LIKE '34%' GROUP BY 1"
            ),
            YEAR,
        )
    }
    headings, rows, totals = sheet_table(write(demo, PROVINCE, "so4", suffix, tmp_path))[0]
    assert {str(r[2]): satang(r[8]) for r in rows} == {
        code: by_district.get(code, 0) for code in (str(r[2]) for r in rows)
    }
    assert satang(totals[0][8]) == sum(by_district.values())


def test_a_district_user_gets_only_its_district(demo, suffix, tmp_path):
    headings, rows, totals = sheet_table(write(demo, MUEANG, "project", suffix, tmp_path))[0]
    assert {r[2] for r in rows} == {"เมืองอุบลราชธานี"}
    headings, rows, totals = sheet_table(write(demo, MUEANG, "so4", suffix, tmp_path))[0]
    assert [str(r[2]) for r in rows] == ["3401"]
    with pytest.raises(PermissionDenied):
        write(demo, MUEANG, "so4", suffix, tmp_path, area_code="3415")


def test_workbook_layout_for_print_and_reading(demo, tmp_path):
    out = write(demo, PROVINCE, "overview", ".xlsx", tmp_path)
    sheet = load_workbook(out).worksheets[0]
    lines = [sheet.cell(r, 1).value for r in range(1, 6)]
    assert lines[0] == exports.BY_NAME["overview"].title
    assert lines[1] == "จังหวัดอุบลราชธานี" and lines[2].startswith("ปีงบประมาณ พ.ศ. 2569")
    assert lines[3].startswith("ข้อมูล ณ วันที่ ") and " 25" in lines[3]  # a Buddhist-era year
    heading_row = next(r for r in range(1, 12) if sheet.cell(r, 1).value == "ที่")
    assert sheet.freeze_panes == f"A{heading_row + 1}"
    assert sheet.print_title_rows == f"${heading_row}:${heading_row}"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    money = sheet.cell(heading_row + 1, 6)
    assert isinstance(money.value, (int, float)) and money.number_format == "#,##0.00"
    assert sheet.cell(heading_row + 1, 3).font.name == writers.FONT
    assert sheet.column_dimensions["C"].width >= 20


def test_unconfirmed_months_are_marked_at_the_province(demo, tmp_path):
    with sqlite3.connect(demo) as con:
        con.execute(
            "UPDATE province_lock SET locked = 0 WHERE province_code = '34' AND fiscal_year = ? AND month = 3", (YEAR,)
        )
    try:
        out = write(demo, PROVINCE, "monthly-channels", ".xlsx", tmp_path)
        sheet = load_workbook(out).worksheets[0]
        notes = [sheet.cell(r, 1).value or "" for r in range(1, 8)]
        assert any("ยังไม่ยืนยัน" in note and "มี.ค." in note for note in notes)
        march = next(r for r in range(1, 30) if sheet.cell(r, 1).value == "มีนาคม 2569")
        assert sheet.cell(march, 9).value == "ยังไม่ยืนยัน"
        assert sheet.cell(march, 2).fill.fgColor.rgb.endswith("FFE0B2")
    finally:
        with sqlite3.connect(demo) as con:
            con.execute(
                "UPDATE province_lock SET locked = 1 WHERE province_code = '34' AND fiscal_year = ? AND month = 3",
                (YEAR,),
            )


def test_a_big_export_splits_by_province_under_the_row_limit(demo, tmp_path):
    out = write(demo, DEPARTMENT, "project", ".xlsx", tmp_path, sheet_rows=2000)
    sheets = load_workbook(out).worksheets
    assert len(sheets) == 2
    captions = [s.cell(r, 1).value or "" for s in sheets for r in range(5, 8)]
    assert any("อุบลราชธานี" in c for c in captions) and any("ขอนแก่น" in c for c in captions)
    tables = [_split([[c.value for c in row] for row in s.iter_rows()], text=False) for s in sheets]
    assert {r[1] for r in tables[0][1]} == {"อุบลราชธานี"} and {r[1] for r in tables[1][1]} == {"ขอนแก่น"}
    grand = [t for t in tables[1][2] if t[0].startswith("รวมทั้งสิ้น")][0]
    money = tables[0][0].index("รวม (บาท)")
    assert satang(grand[money]) == sum(satang(r[money]) for _, rows, _ in tables for r in rows)


def test_refusals_are_thai_and_write_nothing(demo, tmp_path):
    with pytest.raises(InvalidInput, match="xlsx หรือ .csv"):
        write(demo, PROVINCE, "so3", ".pdf", tmp_path)
    with pytest.raises(InvalidInput, match="ไม่มีรายงานชื่อ"):
        write(demo, PROVINCE, "nope", ".xlsx", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cancelling_leaves_no_file(demo, tmp_path):
    database = open_database(demo)
    try:
        with pytest.raises(InvalidInput, match="ยกเลิก"):
            Office(database, PROVINCE).query(
                writers.save_export, name="project", fiscal_year=YEAR, path=tmp_path / "p.xlsx", cancelled=lambda: True
            )
    finally:
        database.close()
    assert list(tmp_path.iterdir()) == []


def libreoffice(source, target_format, out_dir):
    tool = shutil.which("soffice") or shutil.which("libreoffice")
    if tool is None:
        pytest.fail("LibreOffice is missing: ./dev.sh test installs libreoffice-calc-nogui")
    profile = out_dir / "profile"  # a profile of its own: a second LibreOffice must not wait on another's lock
    subprocess.run(
        [
            tool,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return out_dir / f"{source.stem}.{target_format.split(':')[0]}"


def test_libreoffice_reads_the_thai_headings_and_totals(demo, tmp_path):
    out = write(demo, PROVINCE, "so4", ".xlsx", tmp_path)
    total = sql(
        demo,
        f"SELECT sum({TOTAL}) FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
        " WHERE fiscal_year = ? AND tambon_code LIKE '34%'",
        YEAR,
    )[0][0]
    shown_total = format_baht(total)
    converted = libreoffice(out, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path)
    with converted.open(encoding="utf-8", newline="") as stream:
        lines = list(csv.reader(stream))
    assert lines[0][0] == exports.BY_NAME["so4"].title
    headings = next(line for line in lines if line[0] == "ที่")
    assert "ผู้ประกอบการในรายชื่อ (ราย)" in headings and "รวม (บาท)" in headings
    total_line = next(line for line in lines if line[0] == "รวม")
    assert total_line[headings.index("รวม (บาท)")] == shown_total  # as Calc shows it: separators, two decimals
    pdf = libreoffice(out, "pdf", tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert exports.BY_NAME["so4"].title in text
    assert "วารินชำราบ" in text and shown_total in text
    assert "###" not in text  # every amount fits its column


def test_a_month_still_to_come_says_so_rather_than_read_as_a_month_that_sold_nothing(demo, tmp_path):
    from otop_desktop.services.thai import fiscal_year_of, month_label, today_in_thailand

    today = today_in_thailand()
    database = open_database(demo)
    try:
        out = tmp_path / "coming.csv"
        year = fiscal_year_of(today)
        Office(database, PROVINCE).query(writers.save_export, name="monthly-channels", fiscal_year=year, path=out)
    finally:
        database.close()
    lines = {line.split(",")[0]: line for line in out.read_text(encoding="utf-8-sig").splitlines()}
    september = lines[month_label(year, 9)]
    assert september.endswith(",ยังไม่ถึงเดือนนี้") or today.month == 9
    assert not lines[month_label(year, 10)].endswith("ยังไม่ถึงเดือนนี้")  # October has begun whenever this runs
    this_month = lines[month_label(year, today.month)]
    assert not this_month.endswith("ยังไม่ถึงเดือนนี้")
    # a month begun with nothing entered says so too (the demo enters nothing of the month running)
    assert this_month.endswith(",ยังไม่มีข้อมูล") or this_month.endswith("ยืนยัน"), this_month
