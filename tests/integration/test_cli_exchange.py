"""The file-exchange commands from a terminal: keys, export-district, import (dry run, per-row conflict
choice, the same file twice), receipts both ways and undo-import, on a province and a district database."""

import re

import pytest

from otop_desktop.cli import main
from tests.conftest import PASSWORD, save
from tests.engines import connect, location
from tests.exchange_helpers import copy_database, sales_dump


@pytest.fixture
def run(monkeypatch, capsys):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)

    def run(database, *args):
        code = main([*location(database), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def month_figures(path, month=8):
    with connect(path) as con:
        return dict(
            con.execute(
                "SELECT entrepreneur_id, domestic_offline FROM monthly_sale WHERE fiscal_year=2569 AND month=?",
                (month,),
            )
        )


def test_exchange_commands_end_to_end(run, world, tmp_path):
    province = world.database
    district = copy_database(world.database, tmp_path / "district" / "otop.db")
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]

    code, out, _ = run(district, "keys", "show", "--user", "mueang", "--out", str(tmp_path / "3401.key"))
    assert code == 0 and "ลายนิ้วมือกุญแจของสำนักงานนี้" in out
    district_fingerprint = re.search(r"\((\w+)\)", out).group(1)
    register = ("keys", "register", "--user", "prov", "--file", str(tmp_path / "3401.key"), "--fingerprint")
    misread = f"ZZZZ-{district_fingerprint[:20]}"  # a letter no fingerprint has: refused, not dropped
    for wrong in ("0" * 20, district_fingerprint[:12], misread):  # not the file's, too short to compare, misheard
        code, _, err = run(province, *register, wrong)
        assert code == 2 and "ลายนิ้วมือ" in err
    assert run(province, "keys", "list", "--user", "prov")[1].count("\n") == 1  # this office's key alone
    code, out, _ = run(province, *register, district_fingerprint[:20])
    assert code == 0 and "ลงทะเบียนกุญแจของอำเภอเมืองอุบลราชธานี (3401) แล้ว" in out and "โทรถาม" not in out
    code, out, _ = run(province, *register[:-1])  # a file alone: registered, and the officer told to compare by phone
    assert code == 0 and "ลงทะเบียนกุญแจของอำเภอเมืองอุบลราชธานี (3401) แล้ว" in out and "กรุณาโทรถาม" in out
    code, out, _ = run(province, "keys", "list", "--user", "prov")
    listed = [line.split("\t") for line in out.splitlines()]
    assert [row[0] for row in listed] == ["สำนักงานนี้", "อำเภอเมืองอุบลราชธานี (3401)"]
    assert listed[1][2] == "นางสมศรี ใจดี"  # who registered it, as a person (the login is prov)
    code, out, _ = run(province, "keys", "show", "--user", "prov")
    province_fingerprint = re.search(r"\((\w+)\)", out).group(1)  # read out over the phone
    code, out, _ = run(
        district, "keys", "register", "--user", "mueang", "--area", "34", "--fingerprint", province_fingerprint[:24]
    )
    assert code == 0 and "ลงทะเบียนกุญแจของจังหวัดอุบลราชธานี (34) แล้ว" in out

    baseline = tmp_path / "baseline.otop"
    assert (
        run(
            district, "export-district", "--user", "mueang", "--year", "2569", "--months", "all", "--out", str(baseline)
        )[0]
        == 0
    )
    code, out, _ = run(province, "import", str(baseline), "--user", "prov")
    assert code == 0 and "นำเข้าแล้ว" in out

    save(
        province, world.province, 2569, 8, {silk: (111, 0, None, None), rice: (111, 0, None, None)}
    )  # province corrections
    save(
        district, world.mueang, 2569, 8, {silk: (222, 0, None, None), rice: (333, 0, None, None)}
    )  # the district's changes
    august = tmp_path / "august.otop"
    code, out, _ = run(
        district, "export-district", "--user", "mueang", "--year", "2569", "--months", "8", "--out", str(august)
    )
    assert code == 0 and "ส่งออกแล้ว" in out
    code, out, _ = run(district, "exports", "--user", "mueang")
    assert [line.split("\t")[1:3] for line in out.splitlines()] == [
        ["august.otop", "ปีงบประมาณ 2569 ส.ค."],
        ["baseline.otop", "ปีงบประมาณ 2569 ทั้งปี"],
    ]

    before = sales_dump(world.database)
    code, out, _ = run(province, "import", str(august), "--user", "prov", "--dry-run")
    assert code == 0 and "ยังไม่ได้เปลี่ยนข้อมูลใด ๆ" in out
    assert "  อำเภอเมืองอุบลราชธานี (3401) ปีงบประมาณ 2569 ส่งโดย mueang เมื่อ " in out  # where from, by name
    from otop_desktop.services.exchange.fileformat import digest

    # the fingerprint the district read out with the file, to compare before importing
    assert f" · ลายนิ้วมือไฟล์ {digest(august.read_bytes())[:16]} (เทียบกับที่ผู้ส่งแจ้ง)" in out
    assert sales_dump(world.database) == before
    refs = dict(re.findall(r"\[ขัดแย้ง\] (\S+) .*\(--take (\S+)\)", out))
    assert len(refs) == 2

    silk_name = next(name for name in refs if "ไหม" in name)
    code, out, _ = run(province, "import", str(august), "--user", "prov", "--take", refs[silk_name])
    assert code == 0 and "ขัดแย้ง 2" in out
    assert (
        month_figures(world.database)[silk] == 222 and month_figures(world.database)[rice] == 111
    )  # only the chosen row took the file's
    code, out, _ = run(province, "undo-import", "--user", "prov")
    assert code == 0 and "ยกเลิกการนำเข้าไฟล์ august.otop แล้ว" in out
    assert sales_dump(world.database) == before
    assert run(province, "import", str(august), "--user", "prov", "--take", refs[silk_name])[0] == 0

    code, out, _ = run(province, "import", str(august), "--user", "prov")
    assert code == 0 and "ไฟล์นี้นำเข้าแล้วเมื่อ" in out and "ไม่มีการเปลี่ยนแปลง" in out
    assert month_figures(world.database)[silk] == 222

    receipt = tmp_path / "receipt-3401.otop"
    assert run(province, "lock", "--user", "prov", "--district", "3401", "--year", "2569", "--month", "8")[0] == 0
    code, out, _ = run(
        province,
        "receipt",
        "--user",
        "prov",
        "--district",
        "3401",
        "--year",
        "2569",
        "--months",
        "8",
        "--out",
        str(receipt),
    )
    assert code == 0 and "เขียนใบตอบรับแล้ว" in out
    code, out, err = run(district, "receipt", "--user", "mueang", "--read", str(receipt))
    assert code == 0, err
    code, out, err = run(
        district, "entry", "set", "--user", "mueang", "--year", "2569", "--month", "8", str(rice), "1", "", "", ""
    )
    assert code == 2 and "ล็อก" in err

    code, _, err = run(province, "undo-import", "--user", "prov")  # the month is locked now: its figures stand
    assert code == 2 and "ยกเลิกการนำเข้าไฟล์ august.otop ไม่ได้: ข้อมูลเดือนสิงหาคม 2569 ของอำเภอเมืองอุบลราชธานี ถูกล็อก" in err
    assert month_figures(world.database)[silk] == 222
    code, out, _ = run(province, "imports", "--user", "prov")
    applied = [line.split("\t") for line in out.splitlines() if "\tนำเข้าแล้ว\t" in line]
    assert code == 0 and applied[0][2] == "august.otop"
    assert applied[0][5] == "นางสมศรี ใจดี"  # who imported it, as a person (the login is prov)
    assert (
        run(
            province,
            "unlock",
            "--user",
            "prov",
            "--district",
            "3401",
            "--year",
            "2569",
            "--month",
            "8",
            "--reason",
            "นำเข้าไฟล์ผิด",
        )[0]
        == 0
    )
    code, out, _ = run(province, "undo-import", "--user", "prov", "--id", applied[0][0])
    assert code == 0 and "ยกเลิกการนำเข้าไฟล์ august.otop แล้ว" in out
    assert sales_dump(world.database) == before
    code, _, err = run(province, "undo-import", "--user", "prov", "--id", applied[0][0])
    assert code == 2 and "ยกเลิกไปแล้ว" in err
    code, _, err = run(province, "undo-import", "--user", "prov", "--id", "9" * 23)  # past 64 bits: OverflowError
    assert code == 2 and "ไม่พบในประวัติการนำเข้า" in err and "Traceback" not in err


def test_import_of_a_bad_file_says_so_and_exits_2(run, world, tmp_path):
    junk = tmp_path / "junk.otop"
    junk.write_bytes(b"PK\x03\x04 not really")
    before = sales_dump(world.database)
    code, out, _ = run(world.database, "import", str(junk), "--user", "prov")
    assert code == 2 and "junk.otop: " in out
    assert sales_dump(world.database) == before


def test_a_refused_file_says_no_english_log_line_on_the_command_line(world, tmp_path):
    """The officer's terminal shows the Thai refusal only, not Python's 'WARNING:otop_desktop.exchange:…'."""
    import os
    import re
    import subprocess
    import sys

    junk = tmp_path / "junk.otop"
    junk.write_bytes(b"PK\x03\x04 not really")
    script = "import sys; from otop_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "OTOP_PASSWORD": PASSWORD}
    done = subprocess.run(
        [sys.executable, "-c", script, *location(world.database), "import", str(junk), "--user", "prov"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2 and "junk.otop: " in done.stdout
    assert not re.search(r"[A-Za-z]{4,}", done.stderr), done.stderr  # e.g. "refused junk.otop: …" from the log


@pytest.mark.sqlite_only("the office's database as a file an output could name")
def test_no_output_is_written_over_the_offices_own_database(run, world, tmp_path):
    """keys show, export-district and receipt wrote their file over otop.db when asked to with --replace (the
    office's data gone, a key or a zip in its place): the program's open database, and the files SQLite keeps
    beside it, are no output's name."""
    database = world.database.path
    assert run(world.database, "lock", "--user", "prov", "--district", "3401", "--year", "2569", "--month", "8")[0] == 0
    before = sales_dump(world.database)
    kept = database.read_bytes()
    for out in (database, database.with_name(database.name + "-wal")):
        for command in (
            ("keys", "show", "--user", "mueang"),
            ("export-district", "--user", "mueang", "--year", "2569", "--months", "8"),
            ("receipt", "--user", "prov", "--district", "3401", "--year", "2569", "--months", "8"),
        ):
            code, out_text, err = run(world.database, *command, "--out", str(out), "--replace")
            assert code == 2 and "คือฐานข้อมูลของโปรแกรมที่เปิดใช้อยู่" in err, (command, out_text, err)
    assert sales_dump(world.database) == before and database.read_bytes()[:16] == kept[:16] == b"SQLite format 3\0"


def test_an_exchange_file_or_a_key_is_written_only_under_its_kinds_suffix(run, world, tmp_path):
    """A district file, a receipt and a key took any name (x.pdf, odd.xlsx), to be opened by the wrong program
    or missed by the import's list; like every other output, each now takes only its own suffix."""
    for command, name, suffix in (
        (("keys", "show", "--user", "mueang"), "3401.pdf", ".key"),
        (("export-district", "--user", "mueang", "--year", "2569", "--months", "8"), "odd.xlsx", ".otop"),
        (("receipt", "--user", "prov", "--district", "3401", "--year", "2569", "--months", "8"), "r.zip", ".otop"),
    ):
        code, _, err = run(world.database, *command, "--out", str(tmp_path / name))
        assert code == 2 and f"ชื่อไฟล์ต้องลงท้ายด้วย {suffix}" in err, (command, err)
        assert not (tmp_path / name).exists()


def test_a_district_is_told_a_receipt_will_come_and_a_province_sending_to_the_department_is_not(world):
    """The province's export promised "กรมฯจะส่งใบตอบรับกลับมา", which the department cannot send: only the province
    sends receipts, to its districts."""
    from otop_desktop.services.exchange.export import sent_words

    district = sent_words(world.mueang, 2569, [8], 3, "ab" * 32)
    province = sent_words(world.province, 2569, [8], 3, "ab" * 32)
    assert "ส่งไฟล์นี้ให้จังหวัด" in district and "จังหวัดจะส่งใบตอบรับกลับมา" in district
    assert "ส่งไฟล์นี้ให้กรมฯ" in province and "ใบตอบรับ" not in province
