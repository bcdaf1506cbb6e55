"""Taking in the letter's printed tables: matches, every cell that breaks the rule with the right
expected value, the total row, nothing saved until the officer chooses, and the choice saved."""

from pathlib import Path

import pytest

from otop_desktop.cli import main
from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.targets import printed, rule
from tests.conftest import PASSWORD
from tests.engines import connect, location

DATA = Path(__file__).resolve().parents[1] / "data"


def baht(value: int) -> int:
    return value * 100


@pytest.fixture
def letter_rule(world):
    with world.database.unit_of_work() as uow:
        rule.save_settings(
            uow=uow, user=world.province, fiscal_year=2568, base_year=2566, factor="0.926", percents=(2, 3, 4)
        )
    return world


def check(world, name, round_no):
    table = printed.read_printed_table(DATA / name)
    with world.database.unit_of_work() as uow:
        matches = printed.match_districts(uow=uow, user=world.province, table=table)
        report = printed.check_printed(
            uow=uow, user=world.province, fiscal_year=2568, round_no=round_no, table=table, matches=matches
        )
    return table, matches, report


def keep_printed(world, table, matches, fiscal_year: int, kept: set) -> None:
    """The officer's choice saved: the printed figures of `kept`, the rule's for the other rows (round 1)."""
    with world.database.unit_of_work() as uow:
        printed.apply_printed(
            uow=uow,
            user=world.province,
            fiscal_year=fiscal_year,
            round_no=1,
            table=table,
            matches=matches,
            keep_printed=kept,
        )


def cells(report):
    return {(d.row_no, d.column): (d.printed, d.expected) for d in report.disagreements}


def saved_tables(path):
    with connect(path) as con:
        return (
            con.execute("SELECT * FROM district_base ORDER BY 1").fetchall(),
            con.execute("SELECT * FROM printed_target ORDER BY 1").fetchall(),
        )


def test_round_one_lists_the_cells_that_break_the_rule(letter_rule):
    table, matches, report = check(letter_rule, "round1.csv", 1)
    assert len(table.rows) == 25 and table.total is not None
    found = cells(report)
    # Row 1: the adjusted figure is not 0.926 × base; everything after it follows from the base.
    assert found[("1", "adjusted")] == (baht(1_563_259_697), baht(1_440_074_970))
    assert found[("1", "round_base")] == (baht(657_925_565), baht(720_037_485))
    # Row 8 (ตาลสุม): tiers printed at about +0.7/+1.3/+1.7 %.
    assert found[("8", "basic")] == (baht(76_076_207), baht(77_077_531))
    # Within a baht of the exact rule agrees (the letter cuts fractions): row 24's 233,129,162.73 printed as …162.
    assert ("24", "adjusted") not in found and ("24", "basic") not in found
    assert found[("24", "round_base")] == (baht(116_566_551), baht(116_564_582))  # a slip of 1,969.63 baht
    # Row 5: typos in the adjusted and round figures; its tiers follow the rule.
    assert {column for row, column in found if row == "5"} == {"adjusted", "round_base"}
    # The printed total is not the sum of the printed rows.
    assert found[("รวม", "base")] == (baht(9_527_555_689), baht(9_539_784_893))
    assert found[("รวม", "high")][0] == baht(4_598_705_305)
    line = next(d for d in report.disagreements if (d.row_no, d.column) == ("1", "adjusted"))
    assert line.difference == baht(123_184_727) and str(line.percent) == "8.55"
    assert "ปรับลดยอดจำหน่าย" in line.describe() and "1,563,259,697.00" in line.describe()


def test_round_two_flags_its_misprinted_names_and_its_slips(letter_rule):
    table, matches, report = check(letter_rule, "round2.csv", 2)
    weak = {m.row_no: (m.printed_name, m.district_name) for m in matches if m.needs_confirmation}
    assert weak["4"] == ("คอนมณี", "ดอนมดแดง") and weak["20"] == ("น้ำยืน", "น้ำขุ่น")
    found = cells(report)
    assert found[("2", "adjusted")] == (baht(1_905_797_693), baht(1_805_797_693))
    assert found[("รวม", "standard")][0] == baht(8_057_535_592)


def test_headings_percent_disagreeing_with_the_figures_is_pointed_out(world):
    _, _, report = check(world, "round1.csv", 1)  # the year's settings still say +5 %
    assert any("ขั้นสูง" in hint and "+4%" in hint for hint in report.hints)
    for hint in report.hints:  # "most" only where most rows hold the value
        fits, rows = map(int, hint.split("(")[1].split(" แถว")[0].split(" จาก "))
        assert ("ส่วนใหญ่" in hint) == (2 * fits > rows), hint


def test_names_are_matched_without_codes_tolerating_misspellings(letter_rule, tmp_path):
    text = (DATA / "round1.csv").read_text(encoding="utf-8").splitlines()
    stripped = ["row,district,base,adjusted,round,basic,standard,high"]
    stripped += [",".join(line.split(",")[:2] + line.split(",")[3:]) for line in text[1:]]
    path = tmp_path / "no-codes.csv"
    path.write_text("\n".join(stripped), encoding="utf-8")
    table = printed.read_printed_table(path)
    with letter_rule.database.unit_of_work() as uow:
        matches = printed.match_districts(uow=uow, user=letter_rule.province, table=table)
    by_row = {m.row_no: m.district_code for m in matches}
    assert by_row["1"] == "3401" and by_row["6"] == "3422" and by_row["8"] == "3420"  # ลำโรง→สำโรง, ตาลชุม→ตาลสุม
    assert len(set(by_row.values())) == 25


def test_a_name_like_no_district_or_a_district_twice_is_refused_not_sent_to_another(letter_rule, tmp_path):
    """A row "XYZ garbage" went to น้ำขุ่น at 0 % and, with the matches accepted, its figures became น้ำขุ่น's
    targets; a district printed twice sent its second row to เขื่องใน at 42 %. Such a table is refused, naming
    the rows; the one row left for the one district left in a whole table stays theirs, said as such."""
    lines = (DATA / "round1.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], [line.split(",") for line in lines[1:]]

    def table_of(edited_rows):
        path = tmp_path / f"t{len(list(tmp_path.iterdir()))}.csv"
        path.write_text("\n".join([header] + [",".join(r) for r in edited_rows]), encoding="utf-8")
        return printed.read_printed_table(path)

    def matched(table):
        with letter_rule.database.unit_of_work() as uow:
            return printed.match_districts(uow=uow, user=letter_rule.province, table=table)

    garbage = [r[:1] + ["XYZ garbage", ""] + r[3:] if r[0] == "3" else r[:2] + [""] + r[3:] for r in rows[:5]]
    with pytest.raises(InvalidInput, match="แถว 3 “XYZ garbage” .*ไม่ตรงกับอำเภอใด|ไม่ตรงกับอำเภอใด.*แถว 3 “XYZ garbage”"):
        matched(table_of(garbage))
    twice = [r[:2] + [""] + r[3:] for r in rows[:4]] + [["5", rows[0][1], ""] + rows[4][3:]]
    with pytest.raises(InvalidInput, match="ตารางมีอำเภอเมืองอุบลราชธานีสองแถว \\(แถว 1 และแถว 5\\)"):
        matched(table_of(twice))
    by_code = rows[:4] + [["5", "ชื่ออื่น", rows[0][2]] + rows[4][3:]]
    with pytest.raises(InvalidInput, match="ตารางมีอำเภอเมืองอุบลราชธานีสองแถว"):
        matched(table_of(by_code))
    misspelt = [r[:2] + [""] + r[3:] for r in rows[:4]] + [["5", rows[0][1][:-1], ""] + rows[4][3:]]
    with pytest.raises(InvalidInput, match="แถว 5 .* คล้ายอำเภอเมืองอุบลราชธานี .* ซึ่งแถว 1 .* ใช้แล้ว"):
        matched(table_of(misspelt))  # the second, misspelt, went to another district at 53 %
    coded = [r[:1] + [f"{r[2]} {r[1]}", ""] + r[3:] for r in rows[:5]]  # the code typed before the name
    assert [m.district_code for m in matched(table_of(coded))] == [r[2] for r in rows[:5]]
    whole = [r[:1] + ["XYZ garbage", ""] + r[3:] if r[0] == "3" else r for r in rows]  # the others by code
    (left,) = [m for m in matched(table_of(whole)) if m.row_no == "3"]
    assert left.district_code == rows[2][2] and left.how.startswith("อำเภอเดียวที่เหลือ") and left.needs_confirmation


def test_nothing_is_saved_until_the_officer_chooses_and_the_choice_is_saved(letter_rule):
    before = saved_tables(letter_rule.database)
    table, matches, report = check(letter_rule, "round1.csv", 1)
    assert saved_tables(letter_rule.database) == before == ([], [])
    keep_printed(letter_rule, table, matches, 2568, {"3401"})
    bases, kept = saved_tables(letter_rule.database)
    assert len(bases) == 25 and [row[0] for row in kept] == ["3401"]
    with letter_rule.database.unit_of_work() as uow:
        result = rule.target_table(uow=uow, user=letter_rule.province, fiscal_year=2568, round_no=1)
    lines = {line.district_code: line for line in result.lines}
    assert lines["3401"].printed and lines["3401"].figures.adjusted == baht(1_563_259_697)
    assert not lines["3415"].printed and lines["3415"].figures.adjusted == baht(1_805_797_693)


def test_bases_computed_from_data_replace_the_printed_figures_kept_as_a_typed_base_does(
    letter_rule, monkeypatch, capsys
):
    """Computed after the letter's table was taken in, the bases come from data and the row's targets from the rule:
    a printed adjusted figure kept beside a computed base would mix two years' figures on one row."""
    from tests.conftest import save

    table, matches, _ = check(letter_rule, "round1.csv", 1)
    keep_printed(letter_rule, table, matches, 2568, {"3401"})
    save(letter_rule.database, letter_rule.province, 2566, 5, {letter_rule.ids["ไหม"]: (1_000_000, None, None, None)})
    compute = [*location(letter_rule.database), "targets", "compute", "--user", "prov", "--year", "2568"]
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    assert main(compute) == 2  # the command line asks as the window does: --replace-printed
    assert "ตารางที่พิมพ์ไว้ 1 อำเภอ" in capsys.readouterr().err and saved_tables(letter_rule.database)[1] != []
    with letter_rule.database.unit_of_work() as uow:  # the service itself waits for the officer's yes
        with pytest.raises(InvalidInput, match="กรุณายืนยัน"):
            rule.bases_from_data(uow=uow, user=letter_rule.province, fiscal_year=2568)
    with letter_rule.database.unit_of_work() as uow:
        found = rule.bases_from_data(uow=uow, user=letter_rule.province, fiscal_year=2568, replace_printed=True)
    assert found == {"3401": 1_000_000}
    bases, kept = saved_tables(letter_rule.database)
    assert kept == []
    with letter_rule.database.unit_of_work() as uow:
        line = next(
            line
            for line in rule.target_table(uow=uow, user=letter_rule.province, fiscal_year=2568, round_no=1).lines
            if line.district_code == "3401"
        )
    assert not line.printed and line.base == 1_000_000


def test_a_bad_file_is_refused_in_thai(tmp_path, letter_rule):
    bad = tmp_path / "bad.csv"
    bad.write_text("ที่,อำเภอ,a,b,c,d,e,f\n1,เมือง,1,2,สาม,4,5,6\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="แถวที่ 2"):
        printed.read_printed_table(bad)
    with pytest.raises(InvalidInput, match=".csv หรือ .xlsx"):
        printed.read_printed_table(tmp_path / "x.pdf")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InvalidInput, match="อ่านไฟล์") as refused:
        printed.read_printed_table(broken)
    assert "Error" not in refused.value.message and "BadZip" not in refused.value.message  # no class names
    with pytest.raises(InvalidInput, match="ไม่พบไฟล์ missing.csv"):  # not called damaged
        printed.read_printed_table(tmp_path / "missing.csv")
    thai_excel = tmp_path / "cp874.csv"  # as Thai Windows Excel saves "CSV": the old Thai code page
    thai_excel.write_bytes((DATA / "round1.csv").read_text(encoding="utf-8").encode("cp874"))
    with pytest.raises(InvalidInput, match="UTF-8"):
        printed.read_printed_table(thai_excel)


def test_a_number_too_large_for_money_in_a_workbook_is_refused_in_thai(tmp_path):
    """1e26 in a cell raised decimal.InvalidOperation (a traceback) where 1e20 was refused as too large."""
    from openpyxl import Workbook

    for huge in (1e20, 1e26, 1e300):
        book = Workbook()
        book.active.append(["ที่", "อำเภอ", "ปีฐาน", "ปรับลด", "รอบ", "ต้น", "มาตรฐาน", "สูง"])
        book.active.append([1, "น้ำยืน", huge, 1, 1, 1, 1, 1])
        book.save(tmp_path / "huge.xlsx")
        with pytest.raises(InvalidInput, match="สูงเกินกว่าที่เป็นไปได้"):
            printed.read_printed_table(tmp_path / "huge.xlsx")


def test_a_workbook_with_thai_digits_reads_like_the_csv(tmp_path, letter_rule):
    from openpyxl import Workbook

    from otop_desktop.services.thai import to_thai_digits

    book = Workbook()
    sheet = book.active
    sheet.append(["เป้าหมายตัวชี้วัด"])
    sheet.append(["ที่", "อำเภอ", "ปีฐาน", "ปรับลด", "รอบ", "ต้น", "มาตรฐาน", "สูง"])
    for line in (DATA / "round1.csv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split(",")
        sheet.append([parts[0], parts[1], *(f"{to_thai_digits(f'{int(v):,}')}" for v in parts[3:])])
    path = tmp_path / "round1.xlsx"
    book.save(path)
    from_xlsx = printed.read_printed_table(path)
    from_csv = printed.read_printed_table(DATA / "round1.csv")
    assert [r.values for r in from_xlsx.rows] == [r.values for r in from_csv.rows]
    assert from_xlsx.total.values == from_csv.total.values


def test_formula_results_become_satang_and_real_fractions_are_reported(tmp_path):
    """Excel keeps =251759355*0.926 as the float 233129162.73000002: that is 233,129,162.73 baht, taken
    without a word; =1000/3 is a real fraction of a satang, rounded half up and reported."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ที่", "อำเภอ", "ปีฐาน", "ปรับลด", "รอบ", "ต้น", "มาตรฐาน", "สูง"])
    formula_result = 251759355 * 0.926
    assert formula_result == 233129162.73000002  # what openpyxl reads from the cached formula value
    sheet.append([1, "น้ำยืน", 251759355, formula_result, formula_result / 2, 1000 / 3, 118895874.0, 121227165])
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    table = printed.read_printed_table(path)
    values = table.rows[0].values
    assert (
        values["adjusted"] == 23_312_916_273 and values["round_base"] == 11_656_458_137
    )  # 116564581.365 → .37 half up
    assert values["basic"] == 33_333 and values["standard"] == 11_889_587_400
    assert len(table.rounded) == 2
    assert "116,564,581.365 ปัดเป็น 116,564,581.37 บาท" in table.rounded[0]
    assert "333.333333333333" in table.rounded[1] and "ปัดเป็น 333.33 บาท" in table.rounded[1]


def test_the_programs_own_export_and_a_table_with_a_note_beside_it_read_back(letter_rule, tmp_path):
    """The six figures are found by their headings: the program's own export goes on with the actual sales, the
    tier reached, the gap and what is needed a month, and an office's table may carry a note; both were read as
    their last six columns ("ปรับลดยอดจำหน่าย: “ขั้นสูง (สัดส่วน…)”: กรุณากรอกเป็นตัวเลข")."""
    from openpyxl import load_workbook

    from otop_desktop.services.targets import workbook

    world = letter_rule
    table, matches, _ = check(world, "round1.csv", 1)
    keep_printed(world, table, matches, 2568, set())  # the rule's figures for every district
    with world.database.unit_of_work() as uow:
        shown = rule.target_table(uow=uow, user=world.province, fiscal_year=2568, round_no=1)
    exported = workbook.export_targets(shown, tmp_path / "targets.xlsx", "อุบลราชธานี")
    book = load_workbook(exported)
    sheet = book.worksheets[0]
    header = next(row for row in sheet.iter_rows() if any(c.value == "อำเภอ" for c in row))
    sheet.cell(header[0].row, sheet.max_column + 1, "หมายเหตุ")  # an office's own column, after the six
    noted = tmp_path / "noted.xlsx"
    book.save(noted)
    expected = {line.district_name: (line.base, *vars(line.figures).values()) for line in shown.lines if line.figures}
    for path in (exported, noted):
        again = printed.read_printed_table(path)
        assert {r.name: tuple(r.values[k] for k in printed.COLUMNS) for r in again.rows} == expected
        with world.database.unit_of_work() as uow:
            found = printed.match_districts(uow=uow, user=world.province, table=again)
            report = printed.check_printed(
                uow=uow, user=world.province, fiscal_year=2568, round_no=1, table=again, matches=found
            )
        assert report.disagreements == ()  # the program's own rounding agrees with itself
        assert {m.how for m in found} == {"ชื่อตรง"}


def test_a_formula_the_file_never_calculated_is_named_as_such(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ที่", "อำเภอ", "ปีฐาน", "ปรับลด", "รอบ", "ต้น", "มาตรฐาน", "สูง"])
    sheet.append([1, "น้ำยืน", 251759355, 233129163, 116564582, "=E2*1.02", 120061519, 122392811])
    path = tmp_path / "formula.xlsx"
    book.save(path)  # openpyxl writes formulas without their results, as a program that does not calculate
    with pytest.raises(InvalidInput, match="แถวที่ 2 คอลัมน์ ค่าเป้าหมายขั้นต้น: เป็นสูตรที่ไฟล์ยังไม่มีผลคำนวณ"):
        printed.read_printed_table(path)
