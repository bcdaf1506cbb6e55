"""Every file the program writes, asked for a place that cannot take it: no name, a folder, a device, a
FIFO, a missing or read-only folder, a full disk. Each ends in one Thai line (exit 2), no file under the
name asked for, no temporary left, nothing recorded; a user's own files beside the target stay untouched."""

import errno
import os
import socket
import stat
import subprocess
from pathlib import Path

import pytest

from otop_desktop.cli import main
from tests.conftest import PASSWORD
from tests.engines import connect, location

COMMANDS = {  # each command that writes a file, with the name its file gets below
    "jt2": ("print", "jt2", "--user", "mueang", "--year", "2569", "--month", "8", "--out"),
    "jt1": ("print", "jt1", "--user", "mueang", "--year", "2569", "--month", "9", "--out"),
    "forecast-pdf": ("print", "forecast", "--user", "prov", "--year", "2569", "--out"),
    "forecast-xlsx": ("print", "forecast", "--user", "prov", "--year", "2569", "--out"),
    "export-xlsx": ("export", "overview", "--user", "prov", "--year", "2569", "--out"),
    "export-csv": ("export", "overview", "--user", "prov", "--year", "2569", "--out"),
    "export-district": ("export-district", "--user", "mueang", "--year", "2569", "--months", "8", "--out"),
    "receipt": ("receipt", "--user", "prov", "--district", "3401", "--year", "2569", "--months", "8", "--out"),
    "key": ("keys", "show", "--user", "mueang", "--out"),
    "targets-xlsx": ("targets", "show", "--user", "prov", "--year", "2569", "--round", "1", "--xlsx"),
}
SUFFIX = {
    "jt2": ".pdf",
    "jt1": ".pdf",
    "forecast-pdf": ".pdf",
    "forecast-xlsx": ".xlsx",
    "export-xlsx": ".xlsx",
    "export-csv": ".csv",
    "export-district": ".otop",
    "receipt": ".otop",
    "key": ".key",
    "targets-xlsx": ".xlsx",
}


@pytest.fixture
def cli(world, monkeypatch, capsys):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)

    def run(command: str, out, *more: str) -> tuple[int, str, str]:
        try:
            code = main([*location(world.database), *COMMANDS[command], str(out), *more])
        except SystemExit as refused:  # the parser's own refusal (an empty name), said in Thai like the rest
            code = refused.code
        said = capsys.readouterr()
        return code, said.out, said.err

    if (
        main(
            [
                *location(world.database),
                "targets",
                "settings",
                "--user",
                "prov",
                "--year",
                "2569",
                "--base-year",
                "2568",
            ]
        )
        != 0
    ):  # targets show needs the year's settings
        pytest.fail(capsys.readouterr().err)
    capsys.readouterr()
    return run


def printed(world) -> int:
    with connect(world.database) as con:
        return con.execute("SELECT count(*) FROM print_record").fetchone()[0]


def listing(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def is_thai_refusal(code: int, err: str) -> bool:
    lines = err.strip().splitlines()
    return code == 2 and len(lines) == 1 and lines[0].startswith("ข้อผิดพลาด: บันทึกไฟล์") and "Error" not in err


def refused_in_thai(code: int, err: str) -> None:
    assert is_thai_refusal(code, err), err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_users_own_files_beside_the_target_stay_untouched(cli, world, tmp_path, command):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"report{SUFFIX[command]}"
    for name in (
        f"report.part{SUFFIX[command]}",
        f"report{SUFFIX[command]}.part",
        "report.part",
        ".report.part",
        f".{target.name}.tmp",
        ".otop-own.tmp",
    ):
        (folder / name).write_bytes(b"the officer's own file")
    mine = listing(folder)
    code, _, err = cli(command, target)
    assert code == 0, err
    after = listing(folder)
    assert after.pop(target.name) and after == mine  # the new file, and everything else as it was


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_already_there_is_replaced_only_when_asked(cli, world, tmp_path, command):
    """The window's save dialog asks before it writes over a file (a signed form's scan may sit under the name);
    a command has nobody to ask, so it refuses unless --replace."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"report{SUFFIX[command]}"
    target.write_bytes(b"the officer's own file")
    before, prints = listing(folder), printed(world)
    code, out, err = cli(command, target)
    refused_in_thai(code, err)
    assert "--replace" in err and target.name in err and not out
    assert listing(folder) == before and printed(world) == prints
    code, _, err = cli(command, target, "--replace")
    assert code == 0, err
    assert target.read_bytes() != b"the officer's own file" and set(listing(folder)) == set(before)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_place_that_is_no_file_is_refused_in_thai_and_nothing_is_made(cli, world, tmp_path, command):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a-folder").mkdir()
    os.mkfifo(folder / "a-fifo")
    places = [folder / "a-fifo", *_devices(folder)]  # never the real /dev: broken code would replace it
    before, prints = listing(folder), printed(world)
    cwd = os.getcwd()
    os.chdir(folder)  # '', '.' and a bare name are taken relative to here
    wrong = []
    try:
        for out in (
            "",
            "/",
            ".",
            "..",
            folder / "a-folder",
            f"{folder}/",
            *places,
            folder / "no-such-folder" / f"x{SUFFIX[command]}",
        ):
            try:
                code, _, err = cli(command, out)
            except Exception as error:  # noqa: BLE001 - the old code's ValueError and FileNotFoundError, listed below
                code, err = 1, repr(error)
            # An empty name is the parser's to refuse (it named the current folder), the rest the writer's.
            empty = out == "" and code == 2 and err.count("\n") == 1 and "ว่างอยู่ กรุณาระบุชื่อไฟล์" in err
            if not (empty or is_thai_refusal(code, err)) or listing(folder) != before or printed(world) != prints:
                wrong.append(f"{out}: {err.strip()[:120]}")
    finally:
        os.chdir(cwd)
    assert not wrong, wrong
    assert all(place.exists() and not place.is_file() for place in places)


def _devices(folder: Path) -> list[Path]:
    """Copies of /dev/full and /dev/null (as root) and a socket, made in the test's own folder."""
    made = []
    for name, minor in (("full", 7), ("null", 3)):
        try:
            os.mknod(folder / name, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
            made.append(folder / name)
        except PermissionError:
            pass
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "a-socket"))
    server.close()
    return [*made, folder / "a-socket"]


def test_the_refusals_name_the_file_and_the_reason(cli, tmp_path):
    code, _, err = cli("receipt", tmp_path / "missing" / "r.otop")
    assert "บันทึกไฟล์ r.otop ไม่ได้" in err and "ไม่พบโฟลเดอร์" in err and str(tmp_path / "missing") in err
    code, _, err = cli("receipt", tmp_path)
    assert "เป็นโฟลเดอร์" in err
    os.mkfifo(tmp_path / "pipe")
    code, _, err = cli("receipt", tmp_path / "pipe")
    assert "บันทึกไฟล์ pipe ไม่ได้" in err and "ไม่ใช่ไฟล์ธรรมดา" in err


@pytest.fixture
def small_disk(tmp_path):
    """A 64 KiB tmpfs (as root); yields its folder and a function that fills it up to the last few bytes."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("needs root to mount a small tmpfs")

    def fill() -> None:
        with open(folder / "filler", "wb", buffering=0) as stream:
            try:
                while True:
                    stream.write(b"\0" * 512)
            except OSError as error:
                assert error.errno == errno.ENOSPC

    yield folder, fill
    subprocess.run(["umount", "-l", str(folder)], check=True)  # -l: even if a leaked handle holds it


@pytest.mark.parametrize("command", ["receipt", "targets-xlsx", "jt2", "export-csv", "key"])
def test_a_full_disk_leaves_nothing_under_the_name_and_records_nothing(cli, world, small_disk, command):
    folder, fill = small_disk
    fill()
    before, prints = listing(folder), printed(world)
    code, _, err = cli(command, folder / f"report{SUFFIX[command]}")
    refused_in_thai(code, err)
    assert "พื้นที่ในดิสก์เต็ม" in err
    assert listing(folder) == before and printed(world) == prints


def test_a_read_only_folder_is_refused_in_thai(cli, world, tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() == 0:  # root writes through a folder's mode: a read-only mount instead
        if subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)], capture_output=True
        ).returncode:
            pytest.skip("cannot mount a read-only tmpfs")
    else:
        folder.chmod(0o555)
    try:
        for command in ("jt2", "receipt", "targets-xlsx", "export-district"):
            code, _, err = cli(command, folder / f"x{SUFFIX[command]}")
            refused_in_thai(code, err)
        assert printed(world) == 0 and not list(folder.iterdir())
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", "-l", str(folder)], check=True)  # -l: even if a leaked handle holds it


def test_a_print_is_recorded_only_once_its_file_is_on_the_disk(cli, world, tmp_path, monkeypatch):
    from otop_desktop.core import files

    def no_room(handle):
        raise OSError(errno.ENOSPC, "No space left on device")

    folder = tmp_path / "out"
    folder.mkdir()
    with monkeypatch.context() as patch:
        patch.setattr(files.os, "fsync", no_room)
        for command in ("jt2", "jt1", "forecast-pdf", "forecast-xlsx"):
            code, _, err = cli(command, folder / f"x{SUFFIX[command]}")
            refused_in_thai(code, err)
    assert printed(world) == 0 and not list(folder.iterdir())
    code, _, err = cli("jt2", folder / "x.pdf")
    assert code == 0 and printed(world) == 1 and [p.name for p in folder.iterdir()] == ["x.pdf"], err


def test_the_first_error_is_kept_when_the_cleanup_fails_too(tmp_path, monkeypatch, caplog):
    from otop_desktop.core import files

    def broken(temporary: Path) -> None:
        temporary.write_bytes(b"half")
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(
        Path, "unlink", lambda self, missing_ok=False: (_ for _ in ()).throw(PermissionError(13, "denied"))
    )
    with pytest.raises(files.InvalidInput, match="ดิสก์อ่านเขียนผิดพลาด"):
        files.write_output(tmp_path / "x.pdf", broken)
    assert "could not remove the temporary file" in caplog.text
    assert not (tmp_path / "x.pdf").exists()


def test_a_replaced_file_keeps_its_mode_and_a_new_one_gets_the_usual_mode(tmp_path):
    from otop_desktop.core import files

    old = tmp_path / "old.csv"
    old.write_bytes(b"old")
    old.chmod(0o640)
    files.write_bytes(old, b"new")
    assert old.read_bytes() == b"new" and (old.stat().st_mode & 0o777) == 0o640
    new = files.write_bytes(tmp_path / "new.csv", b"new")
    assert (new.stat().st_mode & 0o777) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(
    "command, wrong", [("jt2", "jt2.xlsx"), ("jt1", "jt1.csv"), ("forecast-pdf", "f.docx"), ("targets-xlsx", "t.pdf")]
)
def test_a_form_under_another_kind_of_name_is_refused(cli, world, tmp_path, command, wrong):
    """A PDF saved as 'x.xlsx' (or a workbook as '.pdf') would open as nothing: the name must say what it is."""
    before, out = printed(world), tmp_path / "out"
    out.mkdir()
    code, _, err = cli(command, out / wrong)
    refused_in_thai(code, err)
    assert "ชื่อไฟล์ต้องลงท้ายด้วย" in err and listing(out) == {} and printed(world) == before
