"""Measures the eight exports and the dashboard's figures at province scale (the demo) and at national
scale (benchmarks/generate.py: 76 provinces, 100,000 entrepreneurs, a year), each beside its floors
measured in the same run: openpyxl write_only writing the same cells with nothing else (no styles, no
query), and the bare SQL aggregate the figures come from. Prints figures; never fails.

    .venv/bin/python benchmarks/bench_reports.py [--repeat 3] [--national-dir /tmp/otop-national] [--quick]
"""

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate  # noqa: E402
from otop_desktop.core.users import UserInfo  # noqa: E402
from otop_desktop.demo import build_demo  # noqa: E402
from otop_desktop.services.office import Office  # noqa: E402
from otop_desktop.services.reports import dashboard, exports, writers  # noqa: E402
from otop_desktop.store.database import open_database  # noqa: E402

YEAR = 2569
TOTAL = "coalesce(domestic_offline,0)+coalesce(domestic_online,0)+coalesce(export_offline,0)+coalesce(export_online,0)"
SQL_FLOOR = (
    f"SELECT substr(e.tambon_code, 1, 4), e.product_type_id, s.month, count(*), sum({TOTAL})"
    " FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
    " WHERE s.fiscal_year = ? AND e.tambon_code >= ? AND e.tambon_code < ? GROUP BY 1, 2, 3"
)


def timed(run, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def bare_writer(report: exports.Report, path: Path) -> float:
    """openpyxl write_only writing the report's cells as plain values, rows already in memory."""
    from openpyxl import Workbook

    from otop_desktop.services.reports.writers import baht

    rows = [
        [baht(v) if c.kind == "money" and v is not None else v for v, c in zip(row, report.columns)]
        for sheet in report.sheets
        for row in sheet.rows
    ]
    start = time.perf_counter()
    book = Workbook(write_only=True)
    target = book.create_sheet("floor")
    for line in (report.title, report.area_name, report.period_text, report.at_text, *report.notes):
        target.append([line])
    target.append([c.heading for c in report.columns])
    for row in rows:
        target.append(row)
    book.save(path)
    return time.perf_counter() - start


def sql_floor(path: Path, prefix: str) -> float:
    """The one aggregate every summary report's figures could come from, on the bare connection."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\uffff"
    with sqlite3.connect(path) as con:
        start = time.perf_counter()
        con.execute(SQL_FLOOR, (YEAR, prefix, upper)).fetchall()
        return time.perf_counter() - start


def measure(label: str, path: Path, user: UserInfo, prefix: str, repeat: int, out: Path) -> None:
    database = open_database(path)
    office = Office(database, user)
    print(f"\n{label}: {path}")
    print(f"  {'job':<22} {'median':>8} {'min':>8} {'max':>8}   {'writer floor':>12} {'SQL floor':>10}   ratio")
    try:
        office.query(dashboard.dashboard, fiscal_year=YEAR, month=9)  # brings the summary up to date once
        times = timed(lambda: office.query(dashboard.dashboard, fiscal_year=YEAR, month=9), repeat)
        sql = statistics.median(sql_floor(path, prefix) for _ in range(repeat))
        print(
            f"  {'dashboard figures':<22} {statistics.median(times):8.3f} {min(times):8.3f} {max(times):8.3f}   "
            f"{'':>12} {sql:10.3f}   {statistics.median(times) / sql:5.2f}× SQL   (aim < 0.5 s)"
        )
        for export in exports.EXPORTS:
            target = out / f"{export.name}.xlsx"
            times = timed(
                lambda export=export, target=target: office.query(
                    writers.save_export, name=export.name, fiscal_year=YEAR, path=target
                ),
                repeat,
            )
            floors = []
            for _ in range(repeat):
                with database.unit_of_work() as uow:
                    report = exports.build_report(uow=uow, user=user, name=export.name, fiscal_year=YEAR)
                    floors.append(bare_writer(report, out / "floor.xlsx"))
            ours, writer = statistics.median(times), statistics.median(floors)
            print(
                f"  {export.name:<22} {ours:8.3f} {min(times):8.3f} {max(times):8.3f}   {writer:12.3f} {sql:10.3f}   "
                f"{ours / writer:5.2f}× writer, {ours / (writer + sql):5.2f}× writer+SQL"
            )
    finally:
        database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--national-dir", type=Path, help="where to keep the generated national database")
    parser.add_argument("--quick", action="store_true", help="the province scale alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="otop-bench-reports-") as folder:
        folder = Path(folder)
        demo = build_demo(folder / "demo" / "otop.db").path
        measure(
            "Province scale (the demo, Ubon Ratchathani)",
            demo,
            UserInfo("province34", "province", "34", "", ""),
            "34",
            args.repeat,
            folder,
        )
        if args.quick:
            return
        national = (args.national_dir or folder / "national") / "otop.db"
        if not national.exists():
            made = generate(national, entrepreneurs=100_000, years=1)
            print(f"\n(generated {made['sale_rows']:,} rows in {made['seconds']:.1f} s)")
        measure(
            "National scale (76 provinces, 100,000 entrepreneurs, one year)",
            national,
            UserInfo("dept", "department", "00", "", ""),
            "",
            args.repeat,
            folder,
        )


if __name__ == "__main__":
    main()
