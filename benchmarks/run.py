"""One run that measures every main job at province and national scale against its floor, and writes the
table to benchmarks/RESULTS.md with the date, the machine and the commit. Each job runs in a process of its
own, so its peak memory (the process's maximum resident size) is its own. See benchmarks/README.md.

    .venv/bin/python benchmarks/run.py [--quick] [--repeat 3] [--work DIR] [--no-write] [--forms]
"""

import argparse
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.floors import MONTH_ROWS, upper  # noqa: E402

YEAR, MONTH = 2569, 9
EVIDENCE_JOB = "signed จต.๒: take in 100 scanned pages"
LONG = 5.0  # a job this slow runs once: the table says so (min = max)
UPSERT = (
    "INSERT INTO monthly_sale (entrepreneur_id, fiscal_year, month, domestic_offline, domestic_online, export_offline,"
    " export_online, revision, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,1,'bench','2026-01-01 00:00:00')"
    " ON CONFLICT (entrepreneur_id, fiscal_year, month) DO UPDATE SET domestic_offline=excluded.domestic_offline,"
    " domestic_online=excluded.domestic_online, export_offline=excluded.export_offline,"
    " export_online=excluded.export_online, revision=revision+1"
)


# --- measuring ----------------------------------------------------------------------------------------------
def runs(job, repeat: int) -> list[float]:
    """Times of `job()`; a slow job runs once."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
        if times[-1] > LONG:
            break
    return times


def user_of(role: str, area: str):
    from otop_desktop.core.users import UserInfo

    return UserInfo(f"bench-{area}", role, area, "", "")


def largest(path: Path, width: int) -> str:
    """The area (province: 2, district: 4) with the most entrepreneurs."""
    with sqlite3.connect(path) as con:
        return con.execute(
            f"SELECT substr(tambon_code, 1, {width}), count(*) FROM entrepreneur GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
        ).fetchone()[0]


# --- the jobs (each runs in a child process) -----------------------------------------------------------------
def job_open_month(path: Path, repeat: int, role: str, area: str, district: str | None) -> dict:
    from otop_desktop.services import entry
    from otop_desktop.services.office import Office
    from otop_desktop.store.database import open_database

    database = open_database(path)
    office = Office(database, user_of(role, area))
    rows = len(office.query(entry.load_month, fiscal_year=YEAR, month=MONTH, district_code=district).rows)
    prefix = district or ("" if role == "department" else area)
    con = sqlite3.connect(path)
    times, floor = alternate(
        lambda: office.query(entry.load_month, fiscal_year=YEAR, month=MONTH, district_code=district),
        lambda: con.execute(MONTH_ROWS, (YEAR, MONTH, prefix, upper(prefix))).fetchall(),
        repeat,
    )
    return {"times": times, "floor": floor, "floor_name": "bare SQL, same rows and columns", "rows": rows}


QUALITY_MONTH = (
    "SELECT e.id, e.name, e.tambon_code, e.active, s.domestic_offline, s.domestic_online, s.export_offline,"
    " s.export_online FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
    " WHERE s.fiscal_year = ? AND s.month = ? AND e.tambon_code >= ? AND e.tambon_code < ?"
)
QUALITY_HISTORY = (
    "SELECT s.entrepreneur_id, s.domestic_offline, s.domestic_online, s.export_offline, s.export_online"
    " FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
    " WHERE (s.fiscal_year, s.month) IN ({periods}) AND e.tambon_code >= ? AND e.tambon_code < ?"
)


def job_quality(path: Path, repeat: int, area: str) -> dict:
    """The data-quality check of a province's month, beside the bare SQL reading what any such check must: the
    month's rows and the 12 months before of the same entrepreneurs."""
    from otop_desktop.services.office import Office
    from otop_desktop.services.quality.check import check_month
    from otop_desktop.services.thai import periods_before
    from otop_desktop.store.database import open_database

    database = open_database(path)
    office = Office(database, user_of("province", area))
    result = office.query(check_month, fiscal_year=YEAR, month=MONTH)
    times = runs(lambda: office.query(check_month, fiscal_year=YEAR, month=MONTH), repeat)
    periods = ", ".join(f"({y}, {m})" for y, m in periods_before(YEAR, MONTH, 12))
    con = sqlite3.connect(path)

    def floor():
        con.execute(QUALITY_MONTH, (YEAR, MONTH, area, upper(area))).fetchall()
        con.execute(QUALITY_HISTORY.format(periods=periods), (area, upper(area))).fetchall()

    return {
        "times": times,
        "floor": runs(floor, repeat),
        "floor_name": "bare SQL: the month's rows and their 12 months before",
        "rows": result.rows,
        "note": f"{len(result.findings)} findings",
    }


def job_save_month(path: Path, repeat: int, area: str) -> dict:
    from benchmarks.bench_exchange import floor_connection
    from otop_desktop.services import entry, saving
    from otop_desktop.services.office import Office
    from otop_desktop.services.reports import summary
    from otop_desktop.store.database import copy_file, open_database

    path = copy_file(
        path, Path(tempfile.mkdtemp(prefix="otop-save-")) / "otop.db"
    )  # unlocked here, not in the shared one
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM district_lock WHERE fiscal_year = ? AND month = ?", (YEAR, MONTH))
        con.execute("DELETE FROM province_lock WHERE fiscal_year = ? AND month = ?", (YEAR, MONTH))
    database = open_database(path)
    with database.unit_of_work() as uow:
        summary.refresh(uow)  # as the window's dashboard has done before anyone saves
    office = Office(database, user_of("province", area))
    period = {"fiscal_year": YEAR, "month": MONTH}
    sheet = office.query(entry.load_month, **period)
    # The usual months, as the grid reads them when the month opens and hands them to its save.
    handed = {"usual": office.query(entry.usual_months, **period)} if hasattr(entry, "usual_months") else {}
    writes = [0]  # each save and each floor round bumps every row's revision once
    shown = {r.entrepreneur_id: (r.amounts, r.import_id) for r in sheet.rows}  # what the grid shows, reloaded

    def save():
        seen = writes[0]
        writes[0] += 1
        changes = [
            saving.SaleChange(
                r.entrepreneur_id,
                ((r.amounts[0] or 0) + writes[0], *r.amounts[1:]),
                r.revision + seen,
                shown[r.entrepreneur_id],
            )
            for r in sheet.rows
        ]
        office.run(saving.save_month, **period, changes=changes, unusual_ok=True, **handed)
        shown.update((c.entrepreneur_id, (c.amounts, None)) for c in changes)

    rows = [(r.entrepreneur_id, YEAR, MONTH, (r.amounts[0] or 0) + 99, *r.amounts[1:]) for r in sheet.rows]

    def floor():
        writes[0] += 1
        shown.update((row[0], (row[3:], shown[row[0]][1])) for row in rows)
        con = floor_connection(path)
        con.executemany(UPSERT, rows)
        con.commit()
        con.close()

    times, floors = alternate(save, floor, repeat, writes=True)
    database.close()
    return {"times": times, "floor": floors, "floor_name": "executemany upsert, one transaction", "rows": len(rows)}


def alternate(job, floor, repeat: int, writes: bool = False) -> tuple[list[float], list[float]]:
    """The job and its floor in turns, after one of each unmeasured: a machine slowed for a while slows both.
    Writes start after `os.sync()`, so that neither pays the disk's write-back of the other."""
    job()
    floor()
    times, floors = [], []
    for _ in range(repeat):
        if writes:
            os.sync()
        times += runs(job, 1)
        if writes:
            os.sync()
        floors += runs(floor, 1)
    return times, floors


def job_merge(work: Path, scale: str, districts: int) -> dict:
    from benchmarks import bench_exchange

    work.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"merge-{scale}-", dir=work))  # a fresh folder: nothing left from a run before
    if scale == "department":
        result = bench_exchange.national_provinces(work)
    else:
        result = bench_exchange.demo_province(work) if scale == "province" else bench_exchange.national(work, districts)
    return {
        "times": [result["merge"]],
        "floor": [result["floor"]],
        "floor_name": "executemany upsert, one transaction",
        "rows": result["rows"],
    }


RUN_ENV = "OTOP_BENCH_RUN"


def sql_floors(path: Path, prefix: str, count: int) -> list[float]:
    """The bare SQL aggregate's times on this database and area, measured once a run and shared by the jobs
    that compare with it (the dashboard and the eight exports), in a file beside the database named after the
    run: the same floor, without measuring a three-second query twenty-seven times at national scale."""
    from benchmarks.bench_reports import sql_floor

    kept = path.parent / f"sql-floor-{os.environ.get(RUN_ENV, 'once')}-{prefix or 'all'}.json"
    times = json.loads(kept.read_text()) if kept.exists() else []
    if len(times) >= count:
        return times[:count]
    times += [sql_floor(path, prefix) for _ in range(count - len(times))]
    kept.write_text(json.dumps(times))
    return times


# The server's save beside the floor it had until session 40 (the same upsert into a second database, filled by
# COPY rather than by the program's merge), for comparison: the same saves, no aim.
APART = "floor on a second database (before session 40)"


def job_postgres(work: Path, national: bool = False) -> dict:
    """The demo province's (or the country's 880 district files') merge and a whole-month save on the local
    PostgreSQL server, each beside COPY."""
    from benchmarks import bench_postgres

    why = bench_postgres.reachable()
    if why:
        return {"error": [f"skipped: no PostgreSQL server ({why})"]}
    work.mkdir(parents=True, exist_ok=True)
    measure = bench_postgres.national_on_server if national else bench_postgres.demo_on_server
    result = measure(Path(tempfile.mkdtemp(prefix="postgres-", dir=work)))
    floor_name = "COPY to a temporary table, one INSERT … ON CONFLICT"
    return {
        "merge": {
            "times": [result["merge"]],
            "floor": [result["merge_floor"]],
            "floor_name": floor_name,
            "rows": result["rows"],
        },
        "save": {
            "times": result["saves"],
            "floor": result["save_floors"],
            "floor_name": f"{floor_name}, on the save's own database",
            "rows": result["save_rows"],
        },
        "save_apart": {  # the save's floor until session 40, measured in the same turns: shown, not judged
            "times": result["saves"],
            "floor": result["save_floors_elsewhere"],
            "floor_name": f"{floor_name}, on a second database filled by COPY",
            "rows": result["save_rows"],
        },
        "open": {**result["open"], "floor_name": "bare SQL, same rows and columns"},
        "province": result.get("province", "34"),
    }


def job_dashboard(path: Path, repeat: int, role: str, area: str) -> dict:
    from otop_desktop.services.office import Office
    from otop_desktop.services.reports import dashboard
    from otop_desktop.store.database import open_database

    database = open_database(path)
    office = Office(database, user_of(role, area))
    start = time.perf_counter()
    office.query(dashboard.dashboard, fiscal_year=YEAR, month=MONTH)  # brings the summary up to date
    first = time.perf_counter() - start
    times = runs(lambda: office.query(dashboard.dashboard, fiscal_year=YEAR, month=MONTH), repeat)
    prefix = "" if role == "department" else area
    return {
        "times": times,
        "floor": sql_floors(path, prefix, len(times)),
        "floor_name": "bare SQL aggregate",
        "note": f"first read {first:.2f} s (summary rebuilt)",
    }


def job_export(path: Path, repeat: int, role: str, area: str, name: str, out: Path) -> dict:
    from benchmarks.bench_reports import bare_writer
    from otop_desktop.services.office import Office
    from otop_desktop.services.reports import exports, writers
    from otop_desktop.store.database import open_database

    database = open_database(path)
    user = user_of(role, area)
    office = Office(database, user)
    times = runs(
        lambda: office.query(writers.save_export, name=name, fiscal_year=YEAR, path=out / f"{name}.xlsx"), repeat
    )
    floors, prefix = [], "" if role == "department" else area
    for seconds in sql_floors(path, prefix, len(times)):
        with database.unit_of_work() as uow:  # built anew each time: a report's rows may be read only once
            report = exports.build_report(uow=uow, user=user, name=name, fiscal_year=YEAR)
            floors.append(bare_writer(report, out / "floor.xlsx") + seconds)
    return {"times": times, "floor": floors, "floor_name": "openpyxl write_only, same cells + bare SQL aggregate"}


def job_jt2(path: Path, repeat: int, whole: bool) -> dict:
    from benchmarks.bench_forms import floor as plain_floor
    from otop_desktop.services.forms import thai_pdf
    from otop_desktop.services.forms.jt2 import jt2_form, preview_province_jt2, render_jt2
    from otop_desktop.services.office import Office
    from otop_desktop.store.database import open_database

    database = open_database(path)
    office = Office(database, user_of("province", "34"))
    work = Path(tempfile.mkdtemp(prefix="otop-jt2-"))
    district = largest(path, 4)
    if whole:
        times = runs(
            lambda: office.query(preview_province_jt2, fiscal_year=YEAR, month=MONTH, path=work / "all.pdf"), repeat
        )
        forms = [
            office.query(jt2_form, district_code=d, fiscal_year=YEAR, month=MONTH)
            for (d,) in sqlite3.connect(path).execute("SELECT code FROM district WHERE province_code = '34'")
        ]
        floor = runs(
            lambda: [plain_floor(f, work / f"floor-{n}.pdf") for n, f in enumerate(forms) if f.figures], repeat
        )
        return {"times": times, "floor": floor, "floor_name": "reportlab, same texts unshaped"}
    form = office.query(jt2_form, district_code=district, fiscal_year=YEAR, month=MONTH)
    render_jt2(form, work / "first.pdf")  # the word list and fonts load once a process

    def render():
        thai_pdf.shaped.cache_clear()
        render_jt2(form, work / "jt2.pdf")

    return {
        "times": runs(render, repeat),
        "floor": runs(lambda: plain_floor(form, work / "floor.pdf"), repeat),
        "floor_name": "reportlab, same texts unshaped",
        "rows": sum(len(t.lines) for t in form.tambons),
    }


def job_jt2_cold(path: Path, repeat: int) -> dict:
    """The first print of a session: `otop-desktop print jt2` of the largest district as a new process (start-up,
    imports, login, the word list, fonts, the print and its record), beside the same print in a process that has
    printed before (texts shaped anew each time), alternating."""
    from otop_desktop.core.users import UserInfo
    from otop_desktop.services.forms import thai_pdf
    from otop_desktop.services.forms.jt2 import print_jt2
    from otop_desktop.services.office import Office
    from otop_desktop.store.database import open_database

    district, work = largest(path, 4), Path(tempfile.mkdtemp(prefix="otop-cold-"))
    command = [
        sys.executable,
        "-m",
        "otop_desktop",
        "--data-dir",
        str(path.parent),
        "print",
        "jt2",
        "--user",
        "province34",
        "--year",
        str(YEAR),
        "--month",
        str(MONTH),
        "--district",
        district,
        "--out",
        str(work / "cold.pdf"),
        "--replace",  # each run prints over the one before
        "--incomplete-ok",
    ]
    environment = {**os.environ, "OTOP_PASSWORD": "demo-province", "PYTHONPATH": str(ROOT)}
    office = Office(open_database(path), UserInfo("province34", "province", "34", "", ""))
    period = {"district_code": district, "fiscal_year": YEAR, "month": MONTH, "incomplete_ok": True}
    office.query(print_jt2, path=work / "first.pdf", **period)
    times, floor = [], []
    for _ in range(repeat):
        times += runs(lambda: subprocess.run(command, check=True, env=environment, capture_output=True, cwd=ROOT), 1)
        thai_pdf.shaped.cache_clear()
        floor += runs(lambda: office.query(print_jt2, path=work / "warm.pdf", **period), 1)
    return {
        "times": times,
        "floor": floor,
        "floor_name": "the same print in a process that has printed before",
        "note": f"district {district}, as a new process",
    }


def job_evidence(path: Path, repeat: int) -> dict:
    """Taking in 100 scanned pages of signed จต.๒ beside the QR decoder alone on the same pages."""
    from benchmarks.bench_evidence import measure

    return measure(path, repeat)


def job_jt2_in_app(path: Path, repeat: int) -> dict:
    """The first print of a session in the app (benchmarks/first_print.py: a new process started as the app
    starts, its warm-up done while the officer picks the form), beside the next print in that process."""
    district, first, later = largest(path, 4), [], []
    for _ in range(repeat):
        process = subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "first_print.py"),
                str(path.parent),
                district,
                str(YEAR),
                str(MONTH),
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        )
        words = process.stdout.split("FIRST ", 1)[1].split()
        first.append(float(words[0]))
        later.append(float(words[2]))
    return {
        "times": first,
        "floor": later,
        "floor_name": "the next print in the same app",
        "note": f"district {district}, in the app after its start and warm-up",
    }


def job_startup(path: Path, repeat: int) -> dict:
    from benchmarks.bench_entry import startup

    empty = (
        "import time; t=time.perf_counter(); from PySide6.QtWidgets import QApplication, QWidget; "
        "app=QApplication([]); w=QWidget(); w.show(); app.processEvents(); w.close()"
    )
    floor = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", empty], check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        floor.append(time.perf_counter() - start)
    return {
        "times": startup(path.parent, repeat),
        "floor": floor,
        "floor_name": "an empty PySide6 window shown and closed",
    }


def job_window(path: Path, repeat: int, role: str, area: str) -> dict:
    """The main window on the database with every tab loaded (the dashboard, the whole area's month in the
    grid, the roadmap board), for the time until all is shown and the process's peak memory."""
    from PySide6.QtWidgets import QApplication

    from otop_desktop.store.database import open_database
    from otop_desktop.ui.app import application
    from otop_desktop.ui.bus import DataBus
    from otop_desktop.ui.context import AppContext
    from otop_desktop.ui.main_window import MainWindow
    from otop_desktop.ui.tasks import wait_for_background

    application()
    database = open_database(path)

    def open_window():
        window = MainWindow(AppContext(database, user_of(role, area), DataBus()))
        window.show()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            wait_for_background()
            QApplication.processEvents()
        window.close()
        window.deleteLater()
        QApplication.processEvents()

    return {"times": runs(open_window, repeat), "floor_name": "none: the figure to read is the peak memory"}


def job_window_drawn(path: Path, repeat: int, role: str, area: str) -> dict:
    """The main window built, shown and drawn once (one pass of the event loop), beside the same window on an
    empty database (the same tabs, master data only, no figures), alternating: what the data costs the window's
    opening. What the tabs read after that, off the GUI thread, is waited out between rounds, untimed."""
    from PySide6.QtWidgets import QApplication

    from otop_desktop.store.database import open_database
    from otop_desktop.ui.app import application
    from otop_desktop.ui.bus import DataBus
    from otop_desktop.ui.context import AppContext
    from otop_desktop.ui.main_window import MainWindow
    from otop_desktop.ui.tasks import wait_for_background

    application()
    full = open_database(path)
    empty = open_database(Path(tempfile.mkdtemp(prefix="otop-empty-")) / "otop.db")

    def drawn(database) -> float:
        start = time.perf_counter()
        window = MainWindow(AppContext(database, user_of(role, area), DataBus()))
        window.show()
        QApplication.processEvents()
        took = time.perf_counter() - start
        wait_for_background()
        QApplication.processEvents()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        return took

    drawn(full), drawn(empty)  # unmeasured: the first of each pays what a process pays once
    times, floors = [], []
    for _ in range(repeat):
        times.append(drawn(full))
        floors.append(drawn(empty))
    return {"times": times, "floor": floors, "floor_name": "the same window on an empty database"}


def job_prepare(path: Path, kind: str, entrepreneurs: int = 0, years: int = 0) -> dict:
    """Build a database in a process of its own, so the parent stays small: on Linux a child's peak resident
    size starts from its parent's at the fork."""
    start = time.perf_counter()
    if kind == "demo":
        from otop_desktop.demo import build_demo

        build_demo(path)
    else:
        from benchmarks.generate import generate

        generate(path, entrepreneurs=entrepreneurs, years=years)
    return {"times": [time.perf_counter() - start]}


def prepare(path: Path, kind: str, **options) -> None:
    if not path.exists():
        result = spawn(job="prepare", path=str(path), kind=kind, **options)
        if "error" in result:
            raise SystemExit(f"could not build {path}: {result['error']}")


def child(args) -> None:
    """Run one job and print its figures as JSON, with this process's peak memory."""
    spec = json.loads(args.child)
    kind = spec.pop("job")
    if kind not in ("merge", "startup", "prepare", "postgres"):
        from PySide6.QtWidgets import QApplication  # noqa: F401 - no Qt in these jobs; importing keeps memory honest

    job = globals()[f"job_{kind}"]
    paths = {k: Path(v) for k, v in spec.items() if k in ("path", "work", "out")}
    result = job(**{**spec, **paths})
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(result))


# --- the parent: databases, the jobs, the table ------------------------------------------------------------
def spawn(**spec) -> dict:
    process = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(spec)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    for line in process.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    return {"error": (process.stderr or process.stdout).strip().splitlines()[-1:] or ["no output"]}


class Table:
    """The rows measured so far, printed as they come and written as Markdown at the end."""

    def __init__(self):
        self.rows: list[list[str]] = []

    def add(self, scale: str, job: str, result: dict, aim: float | None = None, aim_text: str = "") -> None:
        if "error" in result:
            row = [scale, job, "failed: " + " ".join(result["error"]), "", "", "", "", ""]
        else:
            times, floor = result["times"], result.get("floor") or []
            median, base = statistics.median(times), statistics.median(floor) if floor else None
            ratio = median / base if base else None
            verdict = "" if aim is None or ratio is None else (" ✓" if ratio <= aim else f" ✗ (aim {aim:g}×)")
            note = "; ".join(
                x
                for x in (result.get("note", ""), f"{result['rows']:,} rows" if result.get("rows") else "", aim_text)
                if x
            )
            row = [
                scale,
                job,
                f"{median:.3f} ({min(times):.3f}–{max(times):.3f}, n={len(times)})",
                f"{result['peak_mb']:.0f}",
                f"{base:.3f}" if base is not None else "",
                result.get("floor_name", ""),
                (f"{ratio:.2f}×{verdict}" if ratio is not None else ""),
                note,
            ]
        self.rows.append(row)
        print(" | ".join(row), flush=True)

    def markdown(self) -> str:
        head = ["scale", "job", "time s: median (min–max, runs)", "peak MB", "floor s", "floor", "ratio", "notes"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in self.rows])


def scale_jobs(table: Table, scale: str, path: Path, repeat: int, work: Path, role: str) -> None:
    province, district = largest(path, 2), largest(path, 4)
    area = province if role == "province" else "00"
    table.add(
        scale,
        f"open month: one district ({district})",
        spawn(job="open_month", path=str(path), repeat=repeat, role="province", area=province, district=district),
        aim=2,
    )
    table.add(
        scale,
        f"open month: whole province ({province})",
        spawn(job="open_month", path=str(path), repeat=repeat, role="province", area=province, district=None),
        aim=2,
    )
    if role == "department":
        table.add(
            scale,
            f"open month: department, one district ({district})",
            spawn(job="open_month", path=str(path), repeat=repeat, role="department", area="00", district=district),
            aim=2,
        )
        table.add(
            scale,
            f"open month: department, whole province ({province})",
            spawn(job="open_month", path=str(path), repeat=repeat, role="department", area="00", district=province),
            aim=2,
        )
    table.add(
        scale,
        f"save month: whole province ({province})",
        spawn(job="save_month", path=str(path), repeat=repeat, area=province),
        aim=2,
    )
    table.add(
        scale,
        f"data-quality check: a province's month ({province})",
        spawn(job="quality", path=str(path), repeat=repeat, area=province),
        aim_text="aim < 1 s",
    )
    table.add(
        scale,
        "dashboard figures",
        spawn(job="dashboard", path=str(path), repeat=repeat, role=role, area=area),
        aim_text="aim < 0.5 s",
    )
    table.add(
        scale,
        f"main window drawn ({role})",
        spawn(job="window_drawn", path=str(path), repeat=repeat, role=role, area=area),
        aim=1.5,
    )
    table.add(
        scale,
        f"main window, every tab loaded ({role})",
        spawn(job="window", path=str(path), repeat=repeat, role=role, area=area),
        aim_text="peak memory aim < 400 MB",
    )
    for name in export_names(work):
        table.add(
            scale,
            f"export {name}",
            spawn(job="export", path=str(path), repeat=repeat, role=role, area=area, name=name, out=str(work)),
            aim=1.5,
        )


def export_names(work: Path) -> list[str]:
    """The eight exports' names, as `otop-desktop export --list` prints them (the parent imports none of it)."""
    listed = subprocess.run(
        [sys.executable, "-m", "otop_desktop", "--data-dir", str(work / "list"), "export", "--list"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return [line.split("\t")[0] for line in listed.splitlines() if line]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the province scale alone")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the generated databases here (reused when present)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md as it is")
    parser.add_argument(
        "--forms", action="store_true", help="the จต.๒ jobs alone, printed only (RESULTS.md left as it is)"
    )
    parser.add_argument(
        "--evidence", action="store_true", help="taking in 100 scanned pages alone, printed only (RESULTS.md left)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    started = time.perf_counter()
    os.environ[RUN_ENV] = f"{os.getpid()}-{int(time.time())}"  # the children share what is measured once a run
    work = args.work or Path(tempfile.mkdtemp(prefix="otop-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    table = Table()
    demo = work / "demo" / "otop.db"
    prepare(demo, "demo")
    if args.forms:
        forms_jobs(table, demo, args.repeat)
        return
    if args.evidence:
        table.add("province", EVIDENCE_JOB, spawn(job="evidence", path=str(demo), repeat=args.repeat))
        return
    table.add("—", "start-up to the login dialog", spawn(job="startup", path=str(demo), repeat=args.repeat), aim=2)
    scale_jobs(table, "province", demo, args.repeat, work, "province")
    table.add(
        "province",
        "merge 25 district files (a year)",
        spawn(job="merge", work=str(work / "merge-province"), scale="province", districts=25),
        aim=2,
    )
    server = spawn(job="postgres", work=str(work / "postgres"))
    for name, label, aim in (
        ("open", "open month: whole province (34)", 2),
        ("save", "save month: whole province (34)", 2),
        ("save_apart", f"save month: whole province (34), {APART}", None),
        ("merge", "merge 25 district files (a year)", 2),
    ):
        part = server if "error" in server else {**server[name], "peak_mb": server["peak_mb"]}
        table.add("province, PostgreSQL", label, part, aim=aim)
    table.add("province", "จต.๒: largest district", spawn(job="jt2", path=str(demo), repeat=args.repeat, whole=False))
    table.add("province", "จต.๒: whole province, one PDF", spawn(job="jt2", path=str(demo), repeat=1, whole=True))
    table.add(
        "province",
        "จต.๒: first print of a session, largest district",
        spawn(job="jt2_cold", path=str(demo), repeat=args.repeat),
        aim=2,
    )
    table.add("province", EVIDENCE_JOB, spawn(job="evidence", path=str(demo), repeat=args.repeat))
    table.add(
        "province",
        "จต.๒: first print of a session in the app, largest district",
        spawn(job="jt2_in_app", path=str(demo), repeat=args.repeat),
        aim=2,
    )
    if not args.quick:
        national = work / "national" / "otop.db"
        prepare(national, "national", entrepreneurs=100_000, years=1)
        scale_jobs(table, "national", national, args.repeat, work, "department")
        table.add(
            "national",
            "merge 880 district files (a year)",
            spawn(job="merge", work=str(work / "merge-national"), scale="national", districts=880),
            aim=2,
        )
        table.add(
            "national",
            "merge 76 province files at the department",
            spawn(job="merge", work=str(work / "merge-department"), scale="department", districts=0),
            aim=2,
        )
        server = spawn(job="postgres", work=str(work / "postgres-national"), national=True)
        province = server.get("province", "?")
        for name, label, aim in (
            ("merge", "merge 880 district files (a year)", 2),
            ("open", f"open month: whole province ({province})", 2),
            ("save", f"save month: whole province ({province})", 2),
            ("save_apart", f"save month: whole province ({province}), {APART}", None),
        ):
            part = server if "error" in server else {**server[name], "peak_mb": server["peak_mb"]}
            table.add("national, PostgreSQL", label, part, aim=aim)
        growth(table, work, args.repeat)
    took = time.perf_counter() - started
    print(f"\n{len(table.rows)} jobs in {took / 60:.1f} min")
    if not args.no_write:
        write_results(table, took, args.quick)


def forms_jobs(table: Table, demo: Path, repeat: int) -> None:
    """The จต.๒ jobs on the demo province: the largest district, its first print of a session, the province."""
    table.add("province", "จต.๒: largest district", spawn(job="jt2", path=str(demo), repeat=repeat, whole=False))
    table.add(
        "province",
        "จต.๒: first print of a session, largest district",
        spawn(job="jt2_cold", path=str(demo), repeat=repeat),
        aim=2,
    )
    table.add(
        "province",
        "จต.๒: first print of a session in the app, largest district",
        spawn(job="jt2_in_app", path=str(demo), repeat=repeat),
        aim=2,
    )


def growth(table: Table, work: Path, repeat: int) -> None:
    """The same jobs on 20,000 entrepreneurs with 1, 2 and 5 fiscal years of history: a job that reads one
    year should not slow down as the years pile up."""
    for years in (1, 2, 5):
        path = work / f"growth-{years}" / "otop.db"
        prepare(path, "national", entrepreneurs=20_000, years=years)
        scale = f"20,000 × {years} yr"
        province = largest(path, 2)
        table.add(
            scale,
            f"open month: whole province ({province})",
            spawn(job="open_month", path=str(path), repeat=repeat, role="province", area=province, district=None),
        )
        table.add(
            scale,
            "dashboard figures",
            spawn(job="dashboard", path=str(path), repeat=repeat, role="department", area="00"),
        )
        table.add(
            scale,
            "export overview",
            spawn(
                job="export",
                path=str(path),
                repeat=repeat,
                role="department",
                area="00",
                name="overview",
                out=str(work),
            ),
        )
        table.add(
            scale,
            f"save month: whole province ({province})",
            spawn(job="save_month", path=str(path), repeat=repeat, area=province),
        )


def write_results(table: Table, took: float, quick: bool) -> None:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    python, sqlite = platform.python_version(), sqlite3.sqlite_version
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {python}, SQLite {sqlite}"
    text = (
        f"# Benchmark results\n\nMeasured {date.today():%Y-%m-%d} on {machine}, commit {commit}, by "
        f"`python benchmarks/run.py{' --quick' if quick else ''}` "
        f"in {took / 60:.1f} min. Each job ran in a process of its "
        "own; peak MB is that process's maximum resident size. Ratios are the job's median over its floor's median, "
        "measured in the same run (benchmarks/README.md says what each floor is).\n\n" + table.markdown() + "\n"
    )
    (ROOT / "benchmarks" / "RESULTS.md").write_text(text + _standing(), encoding="utf-8")


def _standing() -> str:
    path = ROOT / "benchmarks" / "STANDING.md"
    return "\n" + path.read_text(encoding="utf-8") if path.exists() else ""


if __name__ == "__main__":
    main()
