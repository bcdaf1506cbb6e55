"""The command line runs the same services: demo, users, entry, screenshots; errors in Thai, exit 2."""

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from otop_desktop.cli import main
from tests.conftest import PASSWORD
from tests.engines import contents, location, rows, value


@pytest.fixture
def cli(world, monkeypatch, capsys):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)

    def run(*args):
        code = main([*location(world.database), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def sales(database):
    return rows(database, "SELECT * FROM monthly_sale ORDER BY 1, 2, 3")


def test_entry_set_and_show(cli, world):
    silk = world.ids["ไหม"]
    code, out, _ = cli(
        "entry", "set", "--user", "mueang", "--year", "2569", "--month", "9", str(silk), "๑,๒๕๐.๕", "0", "", ""
    )
    assert code == 0 and out.startswith("บันทึกข้อมูลเรียบร้อย")
    before = sales(world.database)
    code, out, _ = cli(
        "entry", "set", "--user", "mueang", "--year", "2569", "--month", "9", str(silk), "1250.50", "0.00", "", ""
    )
    assert code == 0 and out.startswith("ไม่มีข้อมูลที่เปลี่ยนแปลง") and sales(world.database) == before
    code, out, _ = cli("entry", "show", "--user", "mueang", "--year", "2569", "--month", "9")
    assert code == 0 and "กันยายน 2569" in out and "1,250.50\t0.00\t-\t-\t1,250.50" in out


def test_entry_show_prints_a_row_nobody_filled_in_as_dashes_not_as_zero(cli, world):
    """As the จต.๒ prints it and the grid shows it: nothing entered is "-" to the total, a typed 0 is 0.00."""
    month = ("--user", "mueang", "--year", "2569", "--month", "9")
    assert cli("entry", "sync", *month)[0] == 0
    assert cli("entry", "set", *month, str(world.ids["ไหม"]), "0", "", "", "")[0] == 0
    code, out, _ = cli("entry", "show", *month)
    rows = {line.split("\t")[0]: line for line in out.splitlines()}
    assert code == 0 and rows[str(world.ids["ไหม"])].endswith("\t0.00\t-\t-\t-\t0.00")
    assert rows[str(world.ids["ข้าว"])].endswith("\t-\t-\t-\t-\t-")


def test_an_area_code_in_thai_digits_reads_as_the_code(cli):
    """As a year and a month typed in Thai digits are: ๓๔๐๑ is district 3401, not someone else's area."""
    month = ("entry", "show", "--user", "prov", "--year", "2569", "--month", "8")
    arabic, thai = cli(*month, "--district", "3401"), cli(*month, "--district", " ๓๔๐๑ ")
    assert arabic[0] == thai[0] == 0 and arabic[1] == thai[1] and "ไหม" not in arabic[2]


def test_entry_set_takes_the_otop_code_or_the_number_as_entry_show_lists_them(cli, world):
    from otop_desktop.services import entrepreneurs

    silk = world.ids["ไหม"]
    with world.database.unit_of_work() as uow:
        info = entrepreneurs.get_entrepreneur(uow=uow, user=world.province, entrepreneur_id=silk)
        entrepreneurs.save_entrepreneur(
            uow=uow, user=world.province, info=info.__class__(**{**vars(info), "otop_code": "3401-00125"})
        )
    month = ("--user", "mueang", "--year", "2569", "--month", "9")
    code, out, _ = cli("entry", "set", *month, "3401-00125", "10", "", "", "")
    assert code == 0 and out.startswith("บันทึกข้อมูลเรียบร้อย")
    code, out, _ = cli("entry", "set", *month, f"เลขที่ {silk}", "20", "", "", "")
    assert code == 0 and out.startswith("บันทึกข้อมูลเรียบร้อย")
    code, out, _ = cli("entry", "show", *month)
    heading, silk_row = out.splitlines()[1], next(line for line in out.splitlines() if line.startswith(f"{silk}\t"))
    assert heading.split("\t")[:4] == ["เลขที่", "รหัส OTOP", "ตำบล", "ชื่อผู้ประกอบการ"]
    assert silk_row.split("\t")[1] == "3401-00125" and silk_row.endswith("\t20.00\t-\t-\t-\t20.00")
    before = sales(world.database)
    for unknown in ("3401-99999", "3415-00001 ", "๑๒๓๔๕๖๗๘๙๐๑๒๓๔๕๖๗๘๙"):
        code, _, err = cli("entry", "set", *month, unknown, "30", "", "", "")
        assert code == 2 and "ไม่พบผู้ประกอบการรหัส OTOP" in err, err
    assert sales(world.database) == before


def test_an_otop_code_of_digits_alone_is_taken_as_the_code(cli, world):
    """'33010001' is a code an office may give, and entry show lists it: entry set takes it as the code; where the
    same digits are also another entrepreneur's number here, it asks which is meant, and saves nothing."""
    from otop_desktop.services import entrepreneurs

    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]

    def coded(entrepreneur_id: int, code: str) -> None:
        with world.database.unit_of_work() as uow:
            info = entrepreneurs.get_entrepreneur(uow=uow, user=world.province, entrepreneur_id=entrepreneur_id)
            entrepreneurs.save_entrepreneur(
                uow=uow, user=world.province, info=info.__class__(**{**vars(info), "otop_code": code})
            )

    coded(silk, "34010001")
    month = ("--user", "mueang", "--year", "2569", "--month", "9")
    code, out, err = cli("entry", "set", *month, "34010001", "10", "", "", "")
    assert code == 0 and out.startswith("บันทึกข้อมูลเรียบร้อย"), err
    code, out, err = cli("entry", "set", *month, "๓๔๐๑๐๐๐๑", "11", "", "", "")  # the same code in Thai digits
    assert code == 0 and out.startswith("บันทึกข้อมูลเรียบร้อย"), err
    assert rows(
        world.database, "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id = ? AND month = 9", silk
    ) == [(1100,)]
    coded(silk, str(rice))  # the digits of another entrepreneur's number
    before = sales(world.database)
    code, _, err = cli("entry", "set", *month, str(rice), "30", "", "", "")
    assert code == 2 and f"เลขที่ {rice}" in err and sales(world.database) == before
    code, _, err = cli("entry", "set", *month, f"เลขที่ {rice}", "30", "", "", "")
    assert code == 0, err


def test_entry_refusals_print_thai_and_change_nothing(cli, world):
    before = sales(world.database)
    code, _, err = cli(
        "entry", "set", "--user", "mueang", "--year", "2569", "--month", "8", str(world.ids["ไหม"]), "-1", "", "", ""
    )
    assert code == 2 and "ติดลบ" in err
    code, _, err = cli(
        "entry", "set", "--user", "mueang", "--year", "2569", "--month", "8", str(world.ids["วาริน"]), "1", "", "", ""
    )
    assert code == 2 and "ในพื้นที่ของท่าน (เลขที่ผิด หรืออยู่ในพื้นที่อื่น)" in err
    code, _, err = cli("entry", "show", "--user", "mueang", "--year", "2569", "--month", "8", "--district", "3415")
    assert code == 2 and "อำเภอของท่าน" in err
    assert sales(world.database) == before


def test_wrong_password_is_refused(cli, monkeypatch):
    monkeypatch.setenv("OTOP_PASSWORD", "not-the-password")
    code, _, err = cli("entry", "show", "--user", "mueang", "--year", "2569", "--month", "8")
    assert code == 2 and "ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง" in err


def test_entry_sync(cli):
    code, out, _ = cli("entry", "sync", "--user", "mueang", "--year", "2569", "--month", "9")
    assert code == 0 and "เพิ่มรายชื่อจากเดือนก่อนหน้าและบันทึกแล้ว 2 ราย" in out
    assert "\tกลุ่มทอผ้าไหมบ้านในเมือง" in out and "\tกลุ่มแม่บ้านข้าวหอมมะลิ" in out
    code, _, err = cli("entry", "sync", "--user", "mueang", "--year", "2570", "--month", "9")
    assert code == 2 and "ยังไม่เริ่ม" in err and "Traceback" not in err


def test_entry_set_asks_for_unusual_ok(cli, world):
    args = (
        "entry",
        "set",
        "--user",
        "mueang",
        "--year",
        "2569",
        "--month",
        "8",
        str(world.ids["ไหม"]),
        "9999999",
        "",
        "",
        "",
    )
    code, _, err = cli(*args)
    assert code == 2 and "สูงกว่า 10 เท่า" in err and "--unusual-ok" in err and "Traceback" not in err
    code, out, _ = cli(*args, "--unusual-ok")
    assert code == 0 and "บันทึกข้อมูลเรียบร้อย" in out


def test_user_add_and_list(cli, monkeypatch):
    monkeypatch.setenv("OTOP_NEW_PASSWORD", "another-secret")
    code, out, _ = cli(
        "user", "add", "det", "--role", "district", "--area", "3407", "--as", "admin", "--name", "นายเดช อุดม"
    )
    assert code == 0 and "det" in out
    code, _, err = cli("user", "add", "det2", "--role", "district", "--area", "3407", "--as", "prov")
    assert code == 2 and "ผู้ดูแลระบบ" in err
    with pytest.raises(SystemExit):  # reading the province's users needs a login, as every command on its data
        cli("user", "list")
    code, out, _ = cli("user", "list", "--as", "admin")
    assert "det" in out and "นายเดช อุดม" in out and "det2" not in out


def test_user_passwd_sets_a_new_password(cli, world, monkeypatch):
    from otop_desktop.core.errors import LoginFailed
    from otop_desktop.services import auth

    monkeypatch.setenv("OTOP_NEW_PASSWORD", "a-new-secret")
    code, out, _ = cli("user", "passwd", "mueang", "--as", "admin")
    assert code == 0 and "ตั้งรหัสผ่านใหม่ให้ mueang แล้ว" in out
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="mueang", password="a-new-secret").area_code == "3401"
        with pytest.raises(LoginFailed):
            auth.authenticate(uow=uow, username="mueang", password=PASSWORD)
    code, _, err = cli("user", "passwd", "warin", "--as", "prov")
    assert code == 2 and "ผู้ดูแลระบบ" in err
    monkeypatch.setenv("OTOP_NEW_PASSWORD", "short")
    code, _, err = cli("user", "passwd", "warin", "--as", "admin")
    assert code == 2 and "อย่างน้อย 8" in err


def test_user_disable_closes_a_login(cli, world):
    from otop_desktop.core.errors import LoginFailed
    from otop_desktop.services import auth

    code, out, _ = cli("user", "disable", "warin", "--as", "admin")
    assert code == 0 and "ปิดบัญชีผู้ใช้งาน warin แล้ว" in out
    with world.database.unit_of_work() as uow, pytest.raises(LoginFailed):
        auth.authenticate(uow=uow, username="warin", password=PASSWORD)
    code, out, _ = cli("user", "list", "--as", "admin")  # still listed, as closed: the admin may reopen it
    (warin,) = [line for line in out.splitlines() if line.startswith("warin ")]
    assert warin.endswith("\tปิดบัญชีแล้ว (เปิดอีกครั้ง: user enable)") and "เจ้าหน้าที่อำเภอ\t3415 " in warin
    code, _, err = cli("user", "disable", "warin", "--as", "admin")
    assert code == 2 and "ไม่พบผู้ใช้งาน warin" in err


def test_user_passwd_self_changes_ones_own_password(cli, world, monkeypatch):
    from otop_desktop.core.errors import LoginFailed
    from otop_desktop.services import auth

    monkeypatch.setenv("OTOP_PASSWORD", "not-the-current")
    monkeypatch.setenv("OTOP_NEW_PASSWORD", "warin-new-pass")
    code, _, err = cli("user", "passwd-self", "--user", "warin")
    assert code == 2 and "รหัสผ่านปัจจุบันไม่ถูกต้อง" in err
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    code, out, _ = cli("user", "passwd-self", "--user", "warin")
    assert code == 0 and "เปลี่ยนรหัสผ่านของ warin แล้ว" in out
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="warin", password="warin-new-pass").area_code == "3415"
        with pytest.raises(LoginFailed):
            auth.authenticate(uow=uow, username="warin", password=PASSWORD)
    monkeypatch.setenv("OTOP_PASSWORD", "warin-new-pass")
    monkeypatch.setenv("OTOP_NEW_PASSWORD", "short")
    code, _, err = cli("user", "passwd-self", "--user", "warin")
    assert code == 2 and "อย่างน้อย 8" in err


def test_user_enable_reopens_a_closed_login(cli, world):
    from otop_desktop.services import auth

    code, _, err = cli("user", "enable", "warin", "--as", "admin")
    assert code == 2 and "ไม่พบผู้ใช้งานที่ปิดบัญชีไว้ warin" in err
    assert cli("user", "disable", "warin", "--as", "admin")[0] == 0
    code, _, err = cli("user", "enable", "warin", "--as", "prov")
    assert code == 2 and "ผู้ดูแลระบบ" in err
    code, out, _ = cli("user", "enable", "warin", "--as", "admin")
    assert code == 0 and "เปิดบัญชีผู้ใช้งาน warin อีกครั้งแล้ว" in out
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="warin", password=PASSWORD).area_code == "3415"
    assert "warin" in cli("user", "list", "--as", "admin")[1]


def test_screenshot_into_a_file_or_a_device_is_refused_in_thai_and_writes_nothing(cli, qapp, tmp_path):
    """--out naming a file (the office's database itself) or /dev/full ended in FileExistsError's traceback."""
    (tmp_path / "out").mkdir()
    existing = tmp_path / "out" / "notes.txt"
    existing.write_text("kept", encoding="utf-8")
    for out in (existing, Path("/dev/full")):
        code, out_text, err = cli("screenshot", "--user", "prov", "--out", str(out))
        assert code == 2 and "ไม่ใช่โฟลเดอร์" in err and "Traceback" not in err and not out_text, err
    assert existing.read_text(encoding="utf-8") == "kept" and sorted(existing.parent.iterdir()) == [existing]


def test_screenshot_renders_login_and_every_tab(cli, qapp, tmp_path):
    code, out, _ = cli("screenshot", "--user", "prov", "--out", str(tmp_path), "--year", "2569", "--month", "8")
    files = sorted(tmp_path.glob("*.png"))
    assert code == 0 and [f.name for f in files] == [
        "00-login.png",
        "01-dashboard.png",
        "02-entry.png",
        "03-quality.png",
        "04-locks.png",
        "05-targets.png",
        "06-reports.png",
        "07-roadmap.png",
    ]
    image = QImage(str(files[1]))
    assert image.width() >= 1200 and image.height() >= 700


def test_a_mistyped_data_folder_is_said_and_no_database_is_made_there(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder in (tmp_path / "typo-dir", empty):
        code = main(["--data-dir", str(folder), "entry", "show", "--user", "prov", "--year", "2569", "--month", "8"])
        err = capsys.readouterr().err
        assert code == 2 and f"ไม่พบฐานข้อมูลของโปรแกรมในโฟลเดอร์ {folder} (ไม่มีไฟล์ otop.db)" in err
        assert "รหัสผ่าน" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "typo-dir").exists() and list(empty.iterdir()) == []


def test_demo_command_prints_the_logins(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "demo"]) == 0
    out = capsys.readouterr().out
    assert "province34" in out and "demo-province" in out and "amphoe3433" in out
    assert "  province34   demo-province  เจ้าหน้าที่จังหวัด\t34" in out  # the role in Thai
    assert main(["--data-dir", str(tmp_path), "demo"]) == 2
    assert "--force" in capsys.readouterr().err


def test_lock_unlock_and_locks(cli):
    code, out, _ = cli("lock", "--user", "prov", "--year", "2569", "--month", "8", "--district", "3401")
    assert code == 0 and "ล็อกข้อมูลอำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี (3401) เดือนสิงหาคม 2569 แล้ว" in out
    code, out, _ = cli("locks", "--user", "prov", "--year", "2569", "--month", "8")
    lines = out.splitlines()
    assert code == 0 and lines[1] == "สถานะการล็อกข้อมูลระดับจังหวัด (อำเภอที่ล็อกข้อมูล: 1/25 อำเภอ)"
    assert any(line.startswith("3401\tเมืองอุบลราชธานี\tล็อกแล้ว\tครบ 3 ราย\tล็อกโดย นางสมศรี ใจดี เมื่อ ") for line in lines)
    assert any(line.startswith("3402\tศรีเมืองใหม่\tยังไม่ล็อก\tไม่มีผู้ประกอบการ") for line in lines)
    code, _, err = cli("entry", "set", "--user", "mueang", "--year", "2569", "--month", "8", "1", "5", "", "", "")
    assert code == 2 and "ถูกล็อก" in err
    code, _, err = cli(
        "unlock", "--user", "mueang", "--year", "2569", "--month", "8", "--district", "3401", "--reason", "x"
    )
    assert code == 2 and "เฉพาะเจ้าหน้าที่ระดับจังหวัด" in err
    code, out, _ = cli("lock", "--user", "prov", "--year", "2569", "--month", "8", "--province")
    assert code == 0 and "24 อำเภอ" in out
    code, out, _ = cli(
        "unlock", "--user", "admin", "--year", "2569", "--month", "8", "--province", "--reason", "เปิดแก้ไข"
    )
    assert code == 0 and "(24 อำเภอเปลี่ยนสถานะ)" in out  # 3401, confirmed on its own before, stays confirmed
    assert "ยังล็อกอยู่ 1 อำเภอ (ยืนยันไว้ก่อนล็อกทั้งจังหวัด): เมืองอุบลราชธานี" in out
    code, out, _ = cli(
        "unlock", "--user", "admin", "--year", "2569", "--month", "8", "--district", "3401", "--reason", "เปิดแก้ไข"
    )
    assert code == 0
    code, out, _ = cli("locks", "--user", "prov", "--year", "2569", "--month", "8")
    (mueang,) = [line for line in out.splitlines() if line.startswith("3401\t")]
    assert mueang.split("\t")[2] == "ยังไม่ล็อก" and "\tปลดล็อกโดย " in mueang and mueang.endswith(" เหตุผล: เปิดแก้ไข")


def test_locking_a_district_that_has_not_entered_everyone_asks_for_incomplete_ok(cli, world):
    september = ("--user", "prov", "--year", "2569", "--month", "9", "--district", "3401")
    code, out, err = cli("lock", *september)
    said = "ยังไม่ได้ล็อก: อำเภอเมืองอุบลราชธานี ยังกรอกยอดเดือนกันยายน 2569 ไม่ครบ: ยังไม่กรอกเลย (0 จาก 2 ราย)"
    assert code == 2 and said in err
    assert "--incomplete-ok" in err and "คำเตือน" not in out
    assert value(world.database, "SELECT count(*) FROM district_lock WHERE month = 9") == 0
    code, out, _ = cli("lock", *september, "--incomplete-ok")
    assert code == 0 and "ล็อกข้อมูลอำเภอเมืองอุบลราชธานี" in out
    assert value(world.database, "SELECT count(*) FROM district_lock WHERE month = 9 AND locked") == 1


def test_targets_import_check_saves_nothing_and_keep_saves(cli, world, tmp_path):
    from pathlib import Path

    table = Path(__file__).resolve().parents[1] / "data" / "round1.csv"
    code, out, _ = cli("targets", "import", str(table), "--user", "prov", "--year", "2569", "--round", "1", "--check")
    assert code == 0 and "ยังไม่ได้บันทึก" in out and "แถว 1 เมืองอุบลราชธานี · ปรับลดยอดจำหน่าย" in out
    assert value(world.database, "SELECT count(*) FROM district_base") == 0
    code, _, err = cli(
        "targets", "import", str(table), "--user", "prov", "--year", "2569", "--round", "1", "--keep", "computed"
    )
    assert code == 2 and "--accept-matches" in err
    code, out, _ = cli(
        "targets",
        "import",
        str(table),
        "--user",
        "prov",
        "--year",
        "2569",
        "--round",
        "1",
        "--keep",
        "computed",
        "--accept-matches",
        "--printed-for",
        "3401",
    )
    assert code == 0 and "ใช้ค่าที่พิมพ์ 1 อำเภอ" in out
    quiet = {"audit_log": "action NOT IN ('login', 'login_failed')"}  # what a refused run may leave: its login
    saved = contents(world.database, quiet)
    taking = ["targets", "import", str(table), "--user", "prov", "--year", "2569", "--round", "1", "--accept-matches"]
    # A code of no district in the table was taken and counted as printed; with --keep printed it was ignored unsaid.
    for keep, codes, said in (
        ("computed", "3401,9999", "9999 ไม่อยู่ในตาราง"),
        ("computed", "3401,3415x", "3415x ไม่อยู่ในตาราง"),
        ("printed", "3401", "ใช้คู่กับ --keep computed"),
    ):
        code, _, err = cli(*taking, "--keep", keep, "--printed-for", codes)
        assert code == 2 and said in err and "ยังไม่ได้บันทึก" in err, err
    # Said first, before the matches are listed and before the uncertain matches' refusal.
    code, out, err = cli(*taking[:-1], "--keep", "computed", "--printed-for", "9999")
    assert code == 2 and "9999 ไม่อยู่ในตาราง" in err and out == "", out
    # A year out of range is said first, not after the table's names were matched and listed.
    code, out, err = cli(*[("1999" if a == "2569" else a) for a in taking], "--check")
    assert code == 2 and "2500 ถึง 2700" in err and out == "", out
    assert contents(world.database, quiet) == saved
    code, out, _ = cli(
        "targets", "show", "--user", "prov", "--year", "2569", "--round", "1", "--xlsx", str(tmp_path / "t.xlsx")
    )
    assert (
        code == 0 and "1\tเมืองอุบลราชธานี\t1,555,156,555.00\t1,563,259,697.00" in out and (tmp_path / "t.xlsx").exists()
    )
    # why the total's monthly need is not its column's sum: said under the table, on screen and in the workbook
    from openpyxl import load_workbook

    from otop_desktop.services.targets.workbook import NEED_NOTE

    assert f"หมายเหตุ: {NEED_NOTE}" in out
    assert f"หมายเหตุ: {NEED_NOTE}" in [
        c.value for row in load_workbook(tmp_path / "t.xlsx").active.iter_rows() for c in row
    ]
    code, out, _ = cli("targets", "settings", "--user", "prov", "--year", "2569", "--tiers", "2,3,4")
    assert code == 0 and "ขั้นสูง +4%" in out


def test_targets_base_typed_by_hand(cli, world):
    code, out, _ = cli(
        "targets", "base", "--user", "prov", "--year", "2569", "--district", "3415", "--amount", "1,234,567"
    )
    assert code == 0 and "1,234,567.00" in out
    code, _, err = cli("targets", "base", "--user", "warin", "--year", "2569", "--district", "3415", "--amount", "5")
    assert code == 2 and "เฉพาะเจ้าหน้าที่ระดับจังหวัด" in err


def test_lock_says_the_months_unchecked_findings_first(cli, world):
    """The inactive group of Mueang still has figures in August: one finding nobody has checked, which the
    command line says before it locks, as the window's lock question does."""
    code, out, _ = cli("lock", "--user", "prov", "--year", "2569", "--month", "8", "--district", "3401")
    assert code == 0 and "คำเตือน: มีรายการจากการตรวจสอบข้อมูลที่ยังไม่ได้ตรวจ" in out
    assert "ล็อกข้อมูลอำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี (3401)" in out
    code, out, _ = cli("lock", "--user", "prov", "--year", "2569", "--month", "8", "--district", "3415")
    assert code == 0 and "คำเตือน" not in out


def test_the_command_line_says_what_it_did_where_it_had_nothing_to_list(cli):
    """`imports` with nothing taken in says so (it printed nothing); `signatories set` says what it saved or
    removed, before the table of the office's blocks."""
    code, out, _ = cli("imports", "--user", "prov")
    assert code == 0 and out.strip() == "ยังไม่มีการนำเข้าไฟล์ในฐานข้อมูลนี้"
    code, out, _ = cli("signatories", "set", "--user", "prov", "--duty", "certifies", "--name", "นายสมชาย รักถิ่น")
    assert code == 0 and out.splitlines()[0] == "บันทึกผู้รับรองของสำนักงาน 34 แล้ว"
    assert "ผู้รับรอง (--duty certifies)\tนายสมชาย รักถิ่น" in out
    code, out, _ = cli("signatories", "set", "--user", "prov", "--duty", "certifies", "--name", "")
    assert code == 0 and out.splitlines()[0] == "ลบผู้รับรองของสำนักงาน 34 แล้ว"


def test_a_typed_text_may_start_with_a_dash(cli, world, capsys):
    """A remark, a reason or a note is free text: "-ลดลง…" is its value, not an unknown option; an option written
    where the value was left out is still said to want one."""
    period = ["--user", "prov", "--year", "2569", "--month"]
    code, _, err = cli("forecast", "set", *period, "11", "500", "", "", "", "--remark", "-ลดลงเพราะน้ำท่วม")
    assert code == 0, err
    assert rows(world.database, "SELECT remark FROM forecast") == [("-ลดลงเพราะน้ำท่วม",)]
    assert cli("lock", *period, "8", "--district", "3401")[0] == 0
    code, _, err = cli("unlock", *period, "8", "--district", "3401", "--rea", "-ยอดผิด")  # as argparse, a name's start
    assert code == 0, err
    assert rows(world.database, "SELECT reason FROM district_lock WHERE district_code = '3401'") == [("-ยอดผิด",)]
    with pytest.raises(SystemExit) as refused:  # argparse's own refusal, in Thai (ThaiArgumentParser)
        cli("unlock", "--year", "2569", "--month", "8", "--district", "3401", "--reason", "--user", "prov")
    assert refused.value.code == 2 and "--reason: ต้องมีค่าตามหลัง" in capsys.readouterr().err


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_the_help_breaks_thai_between_words_never_inside_one(monkeypatch, capsys, columns):
    """argparse wraps at spaces and cut a Thai word where the line ran out, a tone mark starting the next line
    ("ไม่ต" / "้องใส่สำหรับ…"); every command's help now breaks between words."""
    import unicodedata

    from otop_desktop.cli import _parser
    from otop_desktop.services.forms.thai_pdf import words

    monkeypatch.setenv("COLUMNS", str(columns))
    pages = []
    for command in (["user", "add"], ["forecast", "set"], ["evidence", "add"], ["export"], ["targets", "import"]):
        with pytest.raises(SystemExit):
            _parser().parse_args([*command, "--help"])
        pages.append(capsys.readouterr().out)
    lines = [line for page in pages for line in page.splitlines()]
    assert not [line for line in lines if line.strip() and unicodedata.category(line.strip()[0]) == "Mn"]
    broken = [  # a line's last Thai word and the next line's first, joined, read as one word: cut inside it
        (a, b)
        for a, b in zip(lines, lines[1:])
        if a.strip() and b.strip() and "\u0e00" <= a.rstrip()[-1] <= "\u0e7f" and "\u0e00" <= b.strip()[0] <= "\u0e7f"
        if len(words(a.split()[-1] + b.split()[0])) < len(words(a.split()[-1])) + len(words(b.split()[0]))
    ]
    assert not broken, broken[:3]
