"""What a district officer is shown from the command line is the district's own: its targets row without the
province's total, no list of the office's users, its export rows named for the district."""

from tests.integration.test_cli import cli  # noqa: F401 - the fixture
from tests.integration.test_exports import sheet_table


def test_targets_show_as_a_district_prints_its_own_row_and_no_province_total(cli, tmp_path):
    for code in ("3401", "3415"):
        assert (
            cli("targets", "base", "--user", "prov", "--year", "2569", "--district", code, "--amount", "1,000,000")[0]
            == 0
        )
    code, out, err = cli(
        "targets", "show", "--user", "warin", "--year", "2569", "--round", "1", "--xlsx", str(tmp_path / "t.xlsx")
    )
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines()[2:] if "\t" in line]
    assert [row[:2] for row in rows] == [["1", "วารินชำราบ"]]
    assert "รวม" not in out and "เมืองอุบลราชธานี" not in out
    _, rows, totals = sheet_table(tmp_path / "t.xlsx")[0]
    assert [row[1] for row in rows] == ["วารินชำราบ"] and totals == []
    code, out, _ = cli("targets", "show", "--user", "prov", "--year", "2569", "--round", "1")
    assert code == 0 and "\tรวม 2 จาก 25 อำเภอที่มีเป้าหมาย\t" in out  # the province still sees its total


def test_user_list_is_refused_to_all_but_admins(cli):
    for user in ("mueang", "prov"):
        code, out, err = cli("user", "list", "--as", user)
        assert (code, out) == (2, "") and "เฉพาะผู้ดูแลระบบ" in err and "Traceback" not in err
    code, out, _ = cli("user", "list", "--as", "admin")
    assert code == 0 and "mueang" in out


def test_domestic_export_of_a_district_is_labelled_with_the_district(cli, tmp_path):
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"de{suffix}"
        code, _, err = cli("export", "domestic-export", "--user", "mueang", "--year", "2569", "--out", str(out))
        assert code == 0, err
        headings, rows, _ = sheet_table(out)[0]
        assert headings[1:3] == ["รหัส", "อำเภอ"] and [[str(v) for v in row[1:3]] for row in rows] == [
            ["3401", "เมืองอุบลราชธานี"]
        ]
    code, _, err = cli(
        "export", "domestic-export", "--user", "prov", "--year", "2569", "--out", str(tmp_path / "p.csv")
    )
    headings, rows, _ = sheet_table(tmp_path / "p.csv")[0]
    assert code == 0 and headings[2] == "จังหวัด" and [row[1:3] for row in rows] == [["34", "อุบลราชธานี"]]
