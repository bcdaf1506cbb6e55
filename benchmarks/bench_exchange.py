"""Merging district files: the 25 demo districts for a year, and 880 district files at national scale
(about 1.2 million entrepreneur-months), each beside SQLite's own bulk upsert of the same rows in the
same run. Prints figures; never fails.

    .venv/bin/python benchmarks/bench_exchange.py [--national-districts 880]
"""

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import exchange_files  # noqa: E402
from otop_desktop.core.users import UserInfo  # noqa: E402
from otop_desktop.demo import DISTRICT_BASE_BAHT, build_demo  # noqa: E402
from otop_desktop.services.exchange import (  # noqa: E402
    batch,  # noqa: E402
    export,
    fileformat,
    keys,  # noqa: E402
    merge,
)
from otop_desktop.services.thai import FISCAL_MONTHS, now_utc, sort_key  # noqa: E402
from otop_desktop.store.bulk import bulk_insert  # noqa: E402
from otop_desktop.store.database import copy_file, open_database  # noqa: E402

YEAR = 2569
UPSERT = (
    "INSERT INTO monthly_sale (entrepreneur_id, fiscal_year, month, domestic_offline, domestic_online, export_offline,"
    " export_online, revision, updated_by, updated_at, origin, source_revision, import_id)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (entrepreneur_id, fiscal_year, month) DO UPDATE SET domestic_offline=excluded.domestic_offline,"
    " domestic_online=excluded.domestic_online, export_offline=excluded.export_offline,"
    " export_online=excluded.export_online, revision=excluded.revision, updated_by=excluded.updated_by,"
    " updated_at=excluded.updated_at, origin=excluded.origin, source_revision=excluded.source_revision,"
    " import_id=excluded.import_id"
)


def floor_connection(path: Path) -> sqlite3.Connection:
    """A bare connection set as the program sets its own (foreign keys checked; WAL, synchronous=NORMAL),
    so that a floor's rows pay the same checks in SQLite as the job's."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA synchronous=NORMAL")
    return con


class Floor:
    """SQLite's own bulk upsert of the rows a merge writes, into a copy of the same database: per round one
    transaction, timed from the entrepreneurs new to the database (the job inserts them too) to the commit.
    The rows are the ones the job writes, every column alike (the import that wrote them included), and the
    uids are mapped to ids untimed."""

    def __init__(self, path: Path):
        self.con = floor_connection(path)
        self.import_id = self.con.execute(
            "INSERT INTO import_ledger (file_digest, file_name, kind, source_area, months, imported_by, imported_at,"
            " outcome, summary) VALUES ('', 'floor', 'district', '', '', 'bench', '2026-01-01 00:00:00.000000',"
            " 'applied', '') RETURNING id"
        ).fetchone()[0]
        self.con.commit()
        self.rows = 0

    def round(self, files: list[bytes], learn_people: bool) -> float:
        opened = [fileformat.open_file(data).parts for data in files]
        people = [tuple(p[:6]) for parts in opened for p in parts["entrepreneurs.json"]] if learn_people else []
        os.sync()  # what the job wrote before is on disk: its write-back does not slow the floor
        start = time.perf_counter()
        self.con.executemany(
            "INSERT INTO entrepreneur (uid, name, name_key, tambon_code, product_type_id,"
            " entrepreneur_type_id, main_product, active, created_at)"
            " VALUES (?, ?, '', ?, ?, ?, ?, 1, '2026-01-01 00:00:00')",
            people,
        )
        inserted = time.perf_counter() - start
        ids = dict(self.con.execute("SELECT uid, id FROM entrepreneur"))
        rows = [
            (
                ids[r[0]],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[9],
                r[8].replace("T", " "),
                "x",
                r[7],
                self.import_id,
            )
            for parts in opened
            for r in parts["sales.json"]
        ]
        start = time.perf_counter()
        self.con.executemany(UPSERT, rows)
        self.con.commit()
        self.rows += len(rows)
        return time.perf_counter() - start + inserted


def merge_files(database, files: list[tuple[UserInfo, bytes]]) -> float:
    """Verify, preview and apply every file, one transaction each (no backup: measured apart)."""
    os.sync()  # what was written before is on disk: its write-back does not slow the merge
    start = time.perf_counter()
    for user, data in files:
        with database.unit_of_work() as uow:
            merge.apply(uow=uow, user=user, preview_=merge.preview(uow=uow, user=user, data=data, file_name="f"))
    return time.perf_counter() - start


ROUNDS = 4


def merge_beside_floor(
    database, floor_path: Path, files: list[tuple[UserInfo, bytes]], *, learn_people: bool = False, rounds: int = ROUNDS
) -> tuple[float, float, int]:
    """Merge the files and upsert their rows into the floor's copy, alternating in rounds of the same files, so
    that a machine slowed for a while (these are shared machines) slows both alike. Returns (merge seconds,
    floor seconds, rows)."""
    floor_ = Floor(floor_path)
    size = -(-len(files) // rounds)
    merged = based = 0.0
    for start in range(0, len(files), size):
        chunk = files[start : start + size]
        merged += merge_files(database, chunk)
        based += floor_.round([data for _, data in chunk], learn_people)
    floor_.con.close()
    return merged, based, floor_.rows


def demo_district_files(work: Path):
    """The demo province built in `work`, and its 25 district files of the year (signed with the demo's key);
    returns (the demo's open database, the files' bytes in district order)."""
    database = open_database(build_demo(work / "demo" / "otop.db").path)
    files = []
    for code in sorted(DISTRICT_BASE_BAHT):
        with database.unit_of_work() as uow:
            export.export_file(
                uow=uow,
                user=UserInfo(f"amphoe{code}", "district", code, "", ""),
                fiscal_year=YEAR,
                months=FISCAL_MONTHS,
                path=work / f"{code}.otop",
            )
        files.append((work / f"{code}.otop").read_bytes())
    return database, files


def demo_province(work: Path) -> dict:
    database, files = demo_district_files(work)
    source = database.path
    province = UserInfo("province34", "province", "34", "", "")
    with database.unit_of_work() as uow:
        own = keys.own_fingerprint(uow=uow)
        uow.commit()
    database.close()
    empty = copy_file(source, work / "target" / "otop.db")
    with sqlite3.connect(empty) as con:
        con.execute("DELETE FROM monthly_sale WHERE fiscal_year = ?", (YEAR,))
        con.execute("UPDATE office_key SET area_code = 'x' WHERE area_code = 'own'")
        for code in DISTRICT_BASE_BAHT:  # every demo district signs with the demo office's key here
            con.execute(
                "INSERT INTO office_key (fingerprint, area_code, public_key, registered_by, registered_at) "
                "SELECT ?, ?, public_key, 'bench', registered_at FROM "
                "office_key WHERE area_code = 'x' AND fingerprint = ?",
                (own, code, own),
            )
    floor_copy = copy_file(empty, work / "floor" / "otop.db")
    batch_copy = copy_file(empty, work / "batch" / "otop.db")
    target = open_database(empty)
    elapsed, base, rows = merge_beside_floor(target, floor_copy, [(province, data) for data in files])
    target.close()
    batch_database = open_database(batch_copy)
    for code in DISTRICT_BASE_BAHT:
        (work / f"{code}.otop").write_bytes(files[sorted(DISTRICT_BASE_BAHT).index(code)])
    start = time.perf_counter()
    outcomes = batch.import_files(
        batch_database, province, [work / f"{code}.otop" for code in sorted(DISTRICT_BASE_BAHT)]
    )
    with_backup = time.perf_counter() - start
    batch_database.close()
    return {
        "files": len(files),
        "rows": rows,
        "megabytes": sum(map(len, files)) / 1e6,
        "merge": elapsed,
        "with_backup": with_backup,
        "applied": sum(o.status == "applied" for o in outcomes),
        "floor": base,
    }


def national(work: Path, district_count: int) -> dict:
    target = open_database(work / "national" / "otop.db")
    with sqlite3.connect(target.path) as con:
        districts = [
            (code, [t for (t,) in con.execute("SELECT code FROM tambon WHERE district_code = ?", (code,))])
            for (code,) in con.execute("SELECT code FROM district WHERE province_code != '10' ORDER BY code")
        ]
    districts = [(code, tambons) for code, tambons in districts if tambons][:district_count]
    per_district = round(93_000 / 880)
    with target.unit_of_work() as uow:
        public_key, sign = keys.signer(uow=uow)
        fingerprint = keys.fingerprint_of(public_key)
        uow.commit()
    start = time.perf_counter()
    made_files = exchange_files("district", districts, per_district, public_key, sign, seed=880)
    people = [p for _, mine, _ in made_files for p in mine]
    files = [(code, data) for code, _, data in made_files]
    made = time.perf_counter() - start
    with target.unit_of_work() as uow:  # the province already knows its entrepreneurs; the files bring the months
        created = now_utc()
        bulk_insert(
            uow.session,
            __import__("otop_desktop.models", fromlist=["Entrepreneur"]).Entrepreneur.__table__,
            [
                {
                    "uid": p[0],
                    "name": p[1],
                    "name_key": sort_key(p[1]),
                    "tambon_code": p[2],
                    "product_type_id": p[3],
                    "entrepreneur_type_id": p[4],
                    "main_product": p[5],
                    "otop_code": None,
                    "active": True,
                    "created_at": created,
                }
                for p in people
            ],
        )
        uow.commit()
    with sqlite3.connect(target.path) as con:
        con.executemany(
            "INSERT INTO office_key (fingerprint, area_code, public_key, registered_by, registered_at) "
            "VALUES (?, ?, NULL, 'bench', '2026-01-01 00:00:00.000000')",
            [(fingerprint, code) for code, _ in districts],
        )
    target.close()
    floor_copy = copy_file(target.path, work / "national-floor" / "otop.db")
    target = open_database(target.path)
    users = {code[:2]: UserInfo(f"p{code[:2]}", "province", code[:2], "", "") for code, _ in districts}
    elapsed, base, rows = merge_beside_floor(target, floor_copy, [(users[code[:2]], data) for code, data in files])
    size = target.path.stat().st_size
    start = time.perf_counter()
    batch.backup_database(target, "bench")
    backup = time.perf_counter() - start
    target.close()
    return {
        "files": len(files),
        "rows": rows,
        "megabytes": sum(len(d) for _, d in files) / 1e6,
        "made": made,
        "merge": elapsed,
        "floor": base,
        "backup": backup,
        "database_megabytes": size / 1e6,
    }


def national_provinces(work: Path, entrepreneurs: int = 93_000) -> dict:
    """The department merging the 76 provinces' files of a year (every month confirmed), each signed by its
    province's key, into an empty national database that learns the entrepreneurs from the files."""
    target = open_database(work / "department" / "otop.db")
    with sqlite3.connect(target.path) as con:
        tambons: dict[str, list[str]] = {}
        for (code,) in con.execute("SELECT code FROM tambon WHERE substr(code, 1, 2) != '10' ORDER BY code"):
            tambons.setdefault(code[:2], []).append(code)
    with target.unit_of_work() as uow:
        public_key, sign = keys.signer(uow=uow)
        fingerprint = keys.fingerprint_of(public_key)
        uow.commit()
    start = time.perf_counter()
    made_files = exchange_files(
        "province", sorted(tambons.items()), entrepreneurs // len(tambons), public_key, sign, seed=76
    )
    files = [data for _, _, data in made_files]
    made = time.perf_counter() - start
    with sqlite3.connect(target.path) as con:
        con.executemany(
            "INSERT INTO office_key (fingerprint, area_code, public_key, registered_by, registered_at) "
            "VALUES (?, ?, NULL, 'bench', '2026-01-01 00:00:00.000000')",
            [(fingerprint, p) for p in tambons],
        )
    target.close()
    floor_copy = copy_file(target.path, work / "department-floor" / "otop.db")
    target = open_database(target.path)
    department = UserInfo("dept", "department", "00", "", "")
    # The department learns the entrepreneurs from the files: so does the floor.
    elapsed, base, rows = merge_beside_floor(
        target, floor_copy, [(department, data) for data in files], learn_people=True
    )
    target.close()
    return {
        "files": len(files),
        "rows": rows,
        "megabytes": sum(map(len, files)) / 1e6,
        "made": made,
        "merge": elapsed,
        "floor": base,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national-districts", type=int, default=880)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        demo = demo_province(Path(work))
        print(
            f"\n25 demo district files, fiscal year {YEAR}: {demo['rows']:,} "
            f"entrepreneur-months, {demo['megabytes']:.1f} MB"
        )
        print(f"  merge (verify, preview, apply; one transaction a file)   {demo['merge']:7.2f} s")
        print(
            "  the same through import_files (one backup first)       "
            f"{demo['with_backup']:7.2f} s   {demo['applied']} applied"
        )
        print(
            "  SQLite executemany upsert of the same rows (floor)     "
            f"{demo['floor']:7.2f} s   ratio {demo['merge'] / demo['floor']:.1f}×"
        )
        country = national(Path(work), args.national_districts)
        print(
            f"\n{country['files']} district files at national scale: {country['rows']:,} entrepreneur-months, "
            f"{country['megabytes']:.0f} MB of files (made in {country['made']:.0f} s)"
        )
        print(f"  merge (verify, preview, apply; one transaction a file)   {country['merge']:7.2f} s")
        print(
            "  SQLite executemany upsert of the same rows (floor)     "
            f"{country['floor']:7.2f} s   ratio {country['merge'] / country['floor']:.1f}×"
        )
        print(
            f"  one backup of the merged database ({country['database_megabytes']:.0f} "
            f"MB)              {country['backup']:7.2f} s"
        )


if __name__ == "__main__":
    main()
