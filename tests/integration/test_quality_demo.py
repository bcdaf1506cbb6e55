"""The data-quality check on the demo province: six problems planted in September 2569 (an amount ×20, one ÷50,
a missing month, a name typed twice, an inactive entrepreneur with figures, a first large export) are each
listed once with their sentence, and nothing else beyond what the untouched demo raises; on the untouched
demo the check raises under half a per cent of the rows (only four typed zeros, see test_false_alarms)."""

import shutil

import pytest

from otop_desktop.cli import main
from otop_desktop.core.users import UserInfo
from otop_desktop.services.office import Office
from otop_desktop.services.quality.check import check_month
from otop_desktop.services.quality.findings import Kind
from otop_desktop.services.thai import FISCAL_MONTHS
from otop_desktop.store.database import open_database
from tests.engines import connect

YEAR, MONTH = 2569, 9
PROVINCE = UserInfo("province34", "province", "34", "", "")
FULL_HISTORY = (  # active entrepreneurs of a district with figures in each of the 12 months before September
    "SELECT e.id FROM entrepreneur e JOIN monthly_sale s ON s.entrepreneur_id = e.id"
    " WHERE e.active AND substr(e.tambon_code, 1, 4) = ? AND s.fiscal_year = 2569 AND s.month != 9"
    " AND coalesce(s.domestic_offline, 0) > 0 GROUP BY e.id HAVING count(*) = 11 ORDER BY e.id"
)


@pytest.fixture(scope="module")
def demo_file(demo_built):
    return demo_built.path  # each test plants its problems in a copy (demo)


@pytest.fixture
def demo(demo_file, tmp_path):
    """A copy of the demo for one test to plant problems in."""
    path = tmp_path / "otop.db"
    shutil.copy(demo_file, path)
    return path


def check(path, month=MONTH, year=YEAR):
    database = open_database(path)
    try:
        return Office(database, PROVINCE).query(check_month, fiscal_year=year, month=month)
    finally:
        database.close()


def plant(path) -> dict[Kind, int]:
    """The six problems, each in a different entrepreneur of September 2569; returns who has which."""
    with connect(path) as con:
        mueang = [i for (i,) in con.execute(FULL_HISTORY, ("3401",))]
        warin = [i for (i,) in con.execute(FULL_HISTORY, ("3415",))]
        non_exporters = [
            i
            for (i,) in con.execute(
                "SELECT e.id FROM entrepreneur e JOIN monthly_sale s ON s.entrepreneur_id = e.id"
                " WHERE substr(e.tambon_code, 1, 4) = '3415' AND s.fiscal_year = 2569 AND s.month = 9"
                " AND s.export_offline IS NULL AND s.domestic_offline >= 1000000 ORDER BY e.id"
            )
            if i in warin
        ]
        high, low, missing, export = mueang[len(mueang) // 2], mueang[0], warin[0], non_exporters[-1]
        inactive, original = warin[1], warin[2]
        period = f"fiscal_year = {YEAR} AND month = {MONTH}"
        scaled = "domestic_offline = domestic_offline {op}, domestic_online = domestic_online {op}"
        con.execute(
            f"UPDATE monthly_sale SET {scaled.format(op='* 20')} WHERE entrepreneur_id = ? AND {period}", (high,)
        )
        con.execute(
            f"UPDATE monthly_sale SET {scaled.format(op='/ 50')} WHERE entrepreneur_id = ? AND {period}", (low,)
        )
        con.execute(f"DELETE FROM monthly_sale WHERE entrepreneur_id = ? AND {period}", (missing,))
        con.execute("UPDATE entrepreneur SET active = 0 WHERE id = ?", (inactive,))
        con.execute(
            f"UPDATE monthly_sale SET export_offline = domestic_offline WHERE entrepreneur_id = ? AND {period}",
            (export,),
        )
        tambon, name = con.execute("SELECT tambon_code, name FROM entrepreneur WHERE id = ?", (original,)).fetchone()
        twin = con.execute(
            "SELECT max(e.id) FROM entrepreneur e JOIN monthly_sale s ON s.entrepreneur_id = e.id"
            f" WHERE e.tambon_code = ? AND e.id NOT IN (?, ?, ?, ?, ?, ?) AND s.{period}",
            (tambon, high, low, missing, export, inactive, original),
        ).fetchone()[0]
        con.execute("UPDATE entrepreneur SET name = ? || ' ' WHERE id = ?", (name, twin))
        con.commit()
    return {
        Kind.OUTLIER_HIGH: high,
        Kind.OUTLIER_LOW: low,
        Kind.MISSING: missing,
        Kind.INACTIVE: inactive,
        Kind.NEW_CHANNEL: export,
        Kind.DUPLICATE: max(original, twin),
    }


SENTENCES = {
    Kind.OUTLIER_HIGH: ("ยอดรวมเดือนนี้ ", " บาท สูงกว่าเดือนปกติ ", " เท่า (ปกติเดือนละ ", "ค่ามัธยฐานของ 12 เดือนก่อน"),
    Kind.OUTLIER_LOW: ("ยอดรวมเดือนนี้ ", "ต่ำกว่าหนึ่งในสิบของเดือนปกติ (เพียงร้อยละ ", "(ปกติเดือนละ "),
    Kind.MISSING: ("มีรายชื่อเดือนสิงหาคม 2569 และยังดำเนินกิจการ แต่ไม่มีในรายชื่อเดือนนี้",),
    Kind.INACTIVE: ("ถูกระบุว่าไม่ได้ดำเนินกิจการแล้ว แต่ยังมียอดจำหน่ายเดือนนี้ ",),
    Kind.NEW_CHANNEL: ("มียอดช่องทางต่างประเทศ ออฟไลน์ ", " บาท เป็นครั้งแรก (12 เดือนก่อนไม่มียอดช่องทางนี้เลย)"),
    Kind.DUPLICATE: (" มี 2 รายในตำบล", "อาจเป็นรายเดียวกันที่บันทึกซ้ำ"),
}


def test_each_planted_problem_is_listed_once_with_its_sentence_and_nothing_else(demo):
    untouched = {f.key for f in check(demo).findings}
    planted = plant(demo)
    result = check(demo)
    for kind, entrepreneur in planted.items():
        found = [f for f in result.findings if f.kind is kind and f.key not in untouched]
        assert [f.entrepreneur_id for f in found] == [entrepreneur], kind
        assert all(part in found[0].text for part in SENTENCES[kind]), found[0].text
    new = [f for f in result.findings if f.key not in untouched and f.entrepreneur_id not in planted.values()]
    # The missing month leaves its district one short, as the lock tab marks it: the one consequence listed.
    assert [(f.kind, f.district_code) for f in new] == [(Kind.INCOMPLETE, "3415")]
    assert "กรอกแล้ว" in new[0].text


def test_false_alarms_on_the_untouched_demo_are_four_typed_zeros_under_half_a_per_cent(demo):
    """The demo has no planted problem, so whatever the check raises on it is a false alarm. Its generator gives
    each entrepreneur a steady level (months within 0.7–1.5× of the median: never 10× off), keeps each channel
    it uses every month, lists everyone every month and names no two alike in a tambon; what it does make is a
    month of no sales now and then (4 %), typed as four zeros by exporters, which the check raises as it should
    ask a person: 107 of 33,332 rows over fiscal 2569 and October 2569, 0.32 %."""
    findings = rows = 0
    for year, month in [(2569, m) for m in FISCAL_MONTHS] + [(2570, 10)]:
        result = check(demo, month, year)
        assert set(result.counts()) <= {Kind.ALL_ZERO}, (year, month, result.counts_text())
        findings, rows = findings + len(result.findings), rows + result.rows
    assert findings / rows < 0.005


def test_the_command_lists_the_findings_and_marks_one_checked(demo, monkeypatch, capsys):
    plant(demo)
    monkeypatch.setenv("OTOP_PASSWORD", "demo-province")
    where = ["--data-dir", str(demo.parent)]
    period = ["--user", "province34", "--year", str(YEAR), "--month", str(MONTH)]
    assert main([*where, "quality", *period, "--district", "3415"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("ตรวจสอบข้อมูล อำเภอวารินชำราบ จังหวัดอุบลราชธานี เดือนกันยายน 2569")
    missing = next(line for line in lines if line.startswith("หายจากรายชื่อ\t"))
    assert "หายจากรายชื่อ 1 · อำเภอกรอกไม่ครบ 1 · " in lines[-1]
    assert lines[-1].endswith(f"รวม {len(lines) - 2} รายการ (ยังไม่ตรวจ {len(lines) - 2})")
    key = missing.split("\t")[-1]
    assert main([*where, "quality", "review", *period, "--key", key, "--note", "ย้ายไปอำเภออื่นแล้ว"]) == 0
    assert capsys.readouterr().out.strip() == "บันทึกว่าตรวจแล้ว 1 รายการ"
    assert main([*where, "quality", *period, "--district", "3415", "--out", str(demo.parent / "q.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "ตรวจแล้ว (province34: ย้ายไปอำเภออื่นแล้ว)" in out and (demo.parent / "q.xlsx").exists()


def test_the_paper_reads_back_each_finding_and_embeds_its_fonts(demo):
    from otop_desktop.services.quality.sheet import save_check
    from tests.integration.test_jt2 import pdf_text
    from tests.integration.test_pdf_hygiene import pdf_fonts, pdf_info

    plant(demo)
    database = open_database(demo)
    try:
        result = Office(database, PROVINCE).query(save_check, fiscal_year=YEAR, month=MONTH, path=demo.parent / "q.pdf")
    finally:
        database.close()
    text = " ".join(pdf_text(demo.parent / "q.pdf").split())
    for finding in result.findings:  # the sentence's start (a cell's lines interleave with its row's other cells)
        assert finding.text[:12] in text and finding.kind.title in text, finding.text
    assert "ผู้ตรวจสอบ" in text and "รวม ๑๖ รายการ (ยังไม่ตรวจ ๑๖)" in text.replace("\n", " ")
    assert "เกณฑ์ยอดอำเภอเปลี่ยนมาก: ยอดรวมเปลี่ยนเกินร้อยละ ๕๐" in text  # the rule it held the totals to
    assert " ๑๖ " in f" {text} " and " 16 " + result.findings[-1].kind.title not in text  # rows numbered as pages
    figures = text.replace("province34", "")  # a login is not a figure: as it is typed
    assert not any(digit in figures for digit in "0123456789")  # the findings' figures in Thai digits as the rest
    fonts = pdf_fonts(demo.parent / "q.pdf")
    assert fonts and all(row[-5] == "yes" for row in fonts)
    info = pdf_info(demo.parent / "q.pdf")
    assert info["Author"] == "สำนักงานพัฒนาชุมชน จังหวัดอุบลราชธานี" and "กันยายน 2569" in info["Subject"]


def test_the_usual_month_is_the_entry_grids_usual_month(demo):
    """The check's median is the one the entry grid marks ×10 by (entry.typical_months), for every entrepreneur."""
    from otop_desktop.services import entry
    from otop_desktop.services.quality.check import _history

    database = open_database(demo)
    try:
        with database.unit_of_work() as uow:
            grid = entry.typical_months(uow=uow, user=PROVINCE, fiscal_year=YEAR, month=MONTH)[0]
            mine = {e: usual for e, (usual, *_) in _history(uow.session, "34", YEAR, MONTH).items() if usual}
    finally:
        database.close()
    assert len(grid) > 2000 and mine == grid


def test_the_paper_has_the_networks_chair_certify_the_check(demo):
    """The letter has นตผ.จังหวัด certify the province's check: its chair's block beside the checker's, dotted to
    fill in by hand with the chair's position, or as the office set it (signatories); the office that checks
    certifies, so the province's check of one district is the province's network's, and a district's own check
    its district's network's."""
    from otop_desktop.services.forms.signatories import set_signatory
    from otop_desktop.services.quality.sheet import save_check
    from tests.integration.test_jt2 import pdf_text

    warin = UserInfo("amphoe3415", "district", "3415", "", "")
    database = open_database(demo)
    office = Office(database, PROVINCE)
    try:
        office.query(save_check, fiscal_year=YEAR, month=MONTH, path=demo.parent / "dotted.pdf")
        office.query(save_check, fiscal_year=YEAR, month=MONTH, area_code="3415", path=demo.parent / "of3415.pdf")
        Office(database, warin).query(save_check, fiscal_year=YEAR, month=MONTH, path=demo.parent / "by3415.pdf")
        office.run(set_signatory, area_code="34", duty="certifies", name="นายสมชาย รักถิ่น", position="ประธานเครือข่าย OTOP")
        office.query(save_check, fiscal_year=YEAR, month=MONTH, path=demo.parent / "named.pdf")
    finally:
        database.close()
    dotted, of_district, by_district, named = (
        " ".join(pdf_text(demo.parent / f"{name}.pdf").split()) for name in ("dotted", "of3415", "by3415", "named")
    )
    assert "ขอรับรองผลการตรวจสอบข้อมูลยอดจำหน่ายผลิตภัณฑ์ OTOP ข้างต้น" in dotted
    assert "ผู้ตรวจสอบ" in dotted and "ผู้รับรอง" in dotted and "ประธาน นตผ.จังหวัดอุบลราชธานี" in dotted
    assert "ประธาน นตผ.จังหวัดอุบลราชธานี" in of_district and "นตผ.อำเภอ" not in of_district
    assert "ประธาน นตผ.อำเภอวารินชำราบ" in by_district and "นตผ.จังหวัด" not in by_district
    assert "(นายสมชาย รักถิ่น)" in named and "ประธานเครือข่าย OTOP" in named and "นตผ.จังหวัด" not in named
