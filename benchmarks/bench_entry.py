"""Measures the entry path on the demo province and one four times larger: start-up to the login
dialog, opening a whole-province month in the grid, and saving it. Prints figures; never fails.

    .venv/bin/python benchmarks/bench_entry.py [--repeat 5]
"""

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from otop_desktop.core.users import UserInfo  # noqa: E402
from otop_desktop.demo import build_demo  # noqa: E402
from otop_desktop.services import entry, saving  # noqa: E402
from otop_desktop.store.database import open_database  # noqa: E402
from otop_desktop.ui.app import application  # noqa: E402
from otop_desktop.ui.bus import DataBus  # noqa: E402
from otop_desktop.ui.context import AppContext  # noqa: E402
from otop_desktop.ui.main_window import MainWindow  # noqa: E402
from otop_desktop.ui.tasks import wait_for_background  # noqa: E402

PROVINCE_USER = UserInfo("province34", "province", "34", "", "")
YEAR, MONTH = 2569, 9


def show(label: str, times: list[float], aim: float | None = None) -> None:
    aim_text = f"   (aim < {aim:.2f} s)" if aim else ""
    print(f"  {label:<46} median {statistics.median(times):7.3f} s   best {min(times):7.3f} s{aim_text}")


def startup(data_dir: Path, repeat: int) -> list[float]:
    """Wall time from starting the process to the login dialog on screen."""
    env = {**os.environ, "OTOP_STARTUP_PROBE": "1", "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "otop_desktop", "--data-dir", str(data_dir)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for line in process.stdout:
            if "login dialog shown" in line:
                times.append(time.perf_counter() - start)
                break
        process.wait()
    return times


def floor_upsert(path: Path, changes: list[saving.SaleChange]) -> float:
    """SQLite's own bulk upsert of the same rows, for comparison."""
    rows = [(c.entrepreneur_id, YEAR, MONTH, *c.amounts) for c in changes]
    con = sqlite3.connect(path)
    start = time.perf_counter()
    con.executemany(
        "INSERT INTO monthly_sale (entrepreneur_id, fiscal_year, month, domestic_offline, domestic_online,"
        " export_offline, export_online, revision, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,1,'bench',"
        " '2026-01-01 00:00:00') ON CONFLICT DO UPDATE SET domestic_offline=excluded.domestic_offline,"
        " domestic_online=excluded.domestic_online, export_offline=excluded.export_offline,"
        " export_online=excluded.export_online, revision=revision+1",
        rows,
    )
    con.commit()
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def measure(label: str, scale: int, work: Path, repeat: int) -> None:
    data_dir = work / f"scale{scale}"
    start = time.perf_counter()
    summary = build_demo(data_dir / "otop.db", scale=scale)
    with sqlite3.connect(data_dir / "otop.db") as con:  # the demo confirms its ended months: save into one here
        con.execute("DELETE FROM district_lock WHERE fiscal_year = ? AND month = ?", (YEAR, MONTH))
        con.execute("DELETE FROM province_lock WHERE fiscal_year = ? AND month = ?", (YEAR, MONTH))
    print(
        f"\n{label}: {summary.entrepreneurs:,} entrepreneurs, {summary.sale_rows:,} monthly rows"
        f" (built in {time.perf_counter() - start:.1f} s)"
    )
    show("start-up to the login dialog", startup(data_dir, repeat), 1.0)

    database = open_database(data_dir / "otop.db")
    window = MainWindow(AppContext(database, PROVINCE_USER, DataBus()))
    window.show()
    tab = window.entry_tab
    wait_for_background()  # the years there are arrive off the GUI thread
    tab.picker.set_period(YEAR, MONTH)
    wait_for_background()

    def open_month():
        start, shown = time.perf_counter(), []
        tab.reload(then=lambda: shown.append(time.perf_counter()))  # the month loads off the GUI thread
        while not shown:
            time.sleep(0.001)
            QApplication.processEvents()
        wait_for_background()  # the usual-month history follows on another thread; not part of opening
        return shown[0] - start

    opens = [open_month() for _ in range(repeat)]
    show(f"open the whole province month ({tab.model.rowCount():,} rows)", opens, 0.2)
    wait_for_background()
    start = time.perf_counter()
    with database.unit_of_work() as uow:
        entry.usual_months(uow=uow, user=PROVINCE_USER, fiscal_year=YEAR, month=MONTH)
    print(f"  {'usual-month history (background, after opening)':<46} {time.perf_counter() - start:7.3f} s")

    bump = [0]

    def save_all():
        bump[0] += 1
        with database.unit_of_work() as uow:
            sheet = entry.load_month(uow=uow, user=PROVINCE_USER, fiscal_year=YEAR, month=MONTH)
        changes = [
            saving.SaleChange(r.entrepreneur_id, ((r.amounts[0] or 0) + bump[0], *r.amounts[1:])) for r in sheet.rows
        ][:10_000]
        start = time.perf_counter()
        with database.unit_of_work() as uow:
            saving.save_month(uow=uow, user=PROVINCE_USER, fiscal_year=YEAR, month=MONTH, changes=changes)
        save_all.last = (time.perf_counter() - start, changes)

    saves = []
    for _ in range(repeat):
        save_all()
        saves.append(save_all.last[0])
    changed = save_all.last[1]
    show(f"save {len(changed):,} changed rows (service, with audit)", saves, 0.5 if len(changed) >= 10_000 else None)
    window.close()
    database.close()
    floor = floor_upsert(data_dir / "otop.db", changed)
    print(f"  {'SQLite executemany upsert, same rows (floor)':<46} {floor:7.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    application()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as work:
        measure("Demo province (Ubon Ratchathani)", 1, Path(work), args.repeat)
        measure("Province four times larger", 4, Path(work), args.repeat)


if __name__ == "__main__":
    main()
