"""`otop-desktop export` and `otop-desktop roadmap`: the same services from a terminal."""

from openpyxl import load_workbook

from tests.integration.test_cli import cli  # noqa: F401 - the fixture
from tests.integration.test_exports import sheet_table


def test_the_list_of_exports_needs_no_database(tmp_path, capsys):
    """The names are the program's own: a new PC, or a mistyped --data-dir, still lists them, and nothing is made."""
    from otop_desktop.cli import main

    empty = tmp_path / "no-office-yet"
    assert main(["--data-dir", str(empty), "export", "--list"]) == 0
    assert capsys.readouterr().out.startswith("overview\t") and not empty.exists()


def test_export_list_prints_name_tab_title(cli):
    code, out, _ = cli("export", "--list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 8
    assert lines[0] == "overview\tแบบสรุปภาพรวมรายงานยอดจำหน่ายสินค้า OTOP (จังหวัด)"
    assert lines[-1].startswith("so4\t") and lines[-1].endswith("รายอำเภอ (สอ.๔)")


def test_export_writes_the_workbook_and_the_csv(cli, world, tmp_path):
    code, out, err = cli("export", "so3", "--user", "prov", "--year", "2569", "--out", str(tmp_path / "so3.xlsx"))
    assert code == 0, err
    assert "5 แถว" in out
    headings, rows, totals = sheet_table(tmp_path / "so3.xlsx")[0]
    # The fixture's eleven months: food 500,050 + 100,000 + 10,000 + 300,001 satang a month; textiles 1,200,000.
    assert rows[0][1] == "อาหาร" and round(rows[0][6] * 100) == 11 * (600_050 + 10_000 + 300_001)
    assert round(totals[0][6] * 100) == 11 * (1_200_000 + 600_050 + 10_000 + 300_001)
    code, out, err = cli(
        "export", "so3", "--user", "mueang", "--year", "2569", "--month", "8", "--out", str(tmp_path / "so3.csv")
    )
    assert code == 0, err
    headings, rows, totals = sheet_table(tmp_path / "so3.csv")[0]
    assert totals[0][6] == "18100.50"  # Mueang's August alone: 1,200,000 + 600,050 + 10,000 satang
    assert load_workbook(tmp_path / "so3.xlsx").worksheets[0].cell(2, 1).value == "จังหวัดอุบลราชธานี"


def test_export_refusals_are_thai(cli, tmp_path):
    code, _, err = cli(
        "export", "so3", "--user", "mueang", "--year", "2569", "--district", "3415", "--out", str(tmp_path / "x.xlsx")
    )
    assert code == 2 and "เฉพาะข้อมูลของอำเภอของท่าน" in err
    code, _, err = cli("export", "so3", "--user", "prov", "--year", "2569")
    assert code == 2 and "--out" in err
    assert not list(tmp_path.glob("x*"))


def test_roadmap_prints_the_board(cli):
    code, out, err = cli("roadmap", "--user", "prov", "--year", "2569")
    assert code == 0, err
    lines = out.splitlines()
    assert "ปีงบประมาณ 2569" in lines[0]
    assert sum(line[:4].isdigit() for line in lines) == 25
    mueang = next(line for line in lines if line.startswith("3401"))
    assert mueang.split()[2] == "E!*"  # October: entered (late: the fixture saved today), not locked
    code, out, _ = cli("roadmap", "--user", "warin", "--year", "2569")
    assert sum(line[:4].isdigit() for line in out.splitlines()) == 1
