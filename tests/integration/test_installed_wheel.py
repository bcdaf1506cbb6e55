"""What an office installs is the wheel (README, "Installing in an office on Windows"): built from what git
holds, installed offline into a fresh environment, it must carry everything the program loads (Qt's Thai,
the fonts, the master data) and run: Qt's buttons in Thai, the demo, a month's entry and a printed form."""

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEEDED = (
    "otop_desktop/resources/translations/qt_th.qm",
    "otop_desktop/resources/fonts/Sarabun-Regular.ttf",
    "otop_desktop/resources/master/sub_districts.csv",
    "otop_desktop/migrations/env.py",
)
QT_IN_THAI = """
from PySide6.QtWidgets import QMessageBox
from otop_desktop.ui.app import application
application()
Button = QMessageBox.StandardButton
box = QMessageBox(QMessageBox.Icon.Question, "ถาม", "ข้อความ", Button.Yes | Button.No | Button.Save)
print("|".join(box.button(b).text() for b in (Button.Yes, Button.No, Button.Save)))
import otop_desktop
print(otop_desktop.__file__)
"""


def checkout_as_cloned(target: Path) -> Path:
    """The files a fresh clone has (tracked, or new and not ignored): what `pip wheel .` sees in an office's copy."""
    listed = (
        subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv with the wheel installed offline; the packages it needs come from the test environment's
    site-packages (a .pth file), as they would come from the wheelhouse."""
    if not (ROOT / ".git").exists():
        pytest.fail("this test builds the wheel from a git checkout")
    work = tmp_path_factory.mktemp("wheel")
    source = checkout_as_cloned(work / "checkout")
    wheelhouse = work / "wheelhouse"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheelhouse),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(wheelhouse.glob("otop_desktop-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        missing = set(NEEDED) - set(archive.namelist())
    assert not missing, f"the wheel lacks {sorted(missing)}"
    venv = work / "office"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-index",
            "--no-deps",
            "--find-links",
            str(wheelhouse),
            "otop-desktop",
        ],
        check=True,
        capture_output=True,
    )
    # After the install: pip must not see the checkout's editable install there and skip ours.
    Path(site, "test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def run(venv: Path, *args, cwd: Path, env_extra=None):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("OTOP_", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run([*args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_installed_program_shows_qt_in_thai(installed, tmp_path):
    result = run(installed, installed / "bin" / "python", "-c", QT_IN_THAI, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    buttons, module = result.stdout.splitlines()[:2]
    assert buttons == "ใช่ (&Y)|ไม่ใช่ (&N)|บันทึก"
    assert str(installed) in module, "the test must run the installed copy, not the checkout"
    assert "qt_th.qm is missing" not in result.stderr


def test_the_installed_program_makes_the_demo_takes_a_month_and_prints(installed, tmp_path):
    program, data = installed / "bin" / "otop-desktop", tmp_path / "data"
    made = run(installed, program, "--data-dir", data, "demo", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    login = {"OTOP_PASSWORD": "demo-3401"}
    shown = run(
        installed,
        program,
        "--data-dir",
        data,
        "entry",
        "show",
        "--user",
        "amphoe3401",
        "--year",
        "2569",
        "--month",
        "9",
        cwd=tmp_path,
        env_extra=login,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("กันยายน 2569 ปีงบประมาณ 2569:") and "ในเมือง" in shown.stdout
    printed = run(
        installed,
        program,
        "--data-dir",
        data,
        "print",
        "jt2",
        "--user",
        "amphoe3401",
        "--year",
        "2569",
        "--month",
        "9",
        "--out",
        tmp_path / "jt2.pdf",
        cwd=tmp_path,
        env_extra=login,
    )
    assert printed.returncode == 0, printed.stderr
    assert (tmp_path / "jt2.pdf").read_bytes().startswith(b"%PDF")
