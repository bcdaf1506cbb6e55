"""The merge and the save on an office's PostgreSQL server, each beside PostgreSQL's own bulk path (COPY into
a temporary table and one INSERT … ON CONFLICT of the same rows, in one transaction) on a second database of
the same schema. The demo province's 25 district files for a year go into an empty server database, which
learns the entrepreneurs from them (its floor inserts them by COPY too); then the province's whole month is
saved. Prints figures; never fails.

    .venv/bin/python benchmarks/bench_postgres.py [--admin-url postgresql:///postgres]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_exchange import YEAR, demo_district_files, merge_files  # noqa: E402
from benchmarks.floors import MONTH_ROWS, upper  # noqa: E402
from otop_desktop.core.users import UserInfo  # noqa: E402
from otop_desktop.demo import DISTRICT_BASE_BAHT  # noqa: E402
from otop_desktop.services import entry, saving  # noqa: E402
from otop_desktop.services.exchange import (
    fileformat,  # noqa: E402
    keys,  # noqa: E402
)
from otop_desktop.store.database import open_database  # noqa: E402
from otop_desktop.store.server import create_server_database, drop_server_database  # noqa: E402

ADMIN_URL = os.environ.get("OTOP_TEST_POSTGRES", "postgresql:///postgres")
PROVINCE = UserInfo("province34", "province", "34", "", "")
SALE_COLUMNS = (
    "entrepreneur_id",
    "fiscal_year",
    "month",
    "domestic_offline",
    "domestic_online",
    "export_offline",
    "export_online",
    "revision",
    "updated_by",
    "updated_at",
    "origin",
    "source_revision",
    "import_id",
)
PEOPLE_COLUMNS = (
    "uid",
    "name",
    "name_key",
    "tambon_code",
    "product_type_id",
    "entrepreneur_type_id",
    "main_product",
    "active",
    "created_at",
)


def reachable(admin_url: str = ADMIN_URL) -> str | None:
    """None when a server answers at `admin_url`, else why not."""
    import psycopg

    try:
        psycopg.connect(admin_url, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        return str(error).strip().splitlines()[0][:160]
    return None


def _district_files(work: Path) -> tuple[list[bytes], bytes]:
    """The demo's 25 district files of the year, and the public key that signed them."""
    database, files = demo_district_files(work)
    with database.unit_of_work() as uow:
        public_key, _ = keys.signer(uow=uow)
    database.close()
    return files, public_key


def _server(admin_url: str, public_key: bytes):
    """A fresh, migrated server database that knows the demo key for every demo district."""
    name = f"otop_bench_{uuid.uuid4().hex[:10]}"
    database = open_database(create_server_database(admin_url, name), create=True)
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO office_key (fingerprint, area_code, public_key, registered_by, registered_at)"
            " VALUES (%(fingerprint)s, %(area)s, %(key)s, 'bench', now())",
            [
                {"fingerprint": keys.fingerprint_of(public_key), "area": code, "key": public_key}
                for code in DISTRICT_BASE_BAHT
            ],
        )
    return name, database


def copy_rows(cursor, table: str, columns, rows) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def copy_upsert(cursor, rows: list[tuple]) -> None:
    """PostgreSQL's own bulk upsert of monthly rows: COPY into a temporary table, one INSERT … ON CONFLICT."""
    names = ", ".join(SALE_COLUMNS)
    cursor.execute(f"CREATE TEMPORARY TABLE floor_rows AS SELECT {names} FROM monthly_sale WITH NO DATA")
    copy_rows(cursor, "floor_rows", SALE_COLUMNS, rows)
    updates = ", ".join(f"{c} = excluded.{c}" for c in SALE_COLUMNS[3:])
    cursor.execute(
        f"INSERT INTO monthly_sale ({names}) SELECT {names} FROM floor_rows"
        f" ON CONFLICT (entrepreneur_id, fiscal_year, month) DO UPDATE SET {updates}"
    )
    cursor.execute("DROP TABLE floor_rows")


class CopyFloor:
    """PostgreSQL's own bulk path into the floor's database: the entrepreneurs new to it by COPY, then the rows
    by COPY into a temporary table and one INSERT … ON CONFLICT DO UPDATE, one transaction a round. The rows
    are the ones the job writes, every column alike (the import that wrote them included, as the SQLite floor)."""

    def __init__(self, database):
        self.raw = database.engine.raw_connection()
        with self.raw.cursor() as cursor:
            cursor.execute(
                "INSERT INTO import_ledger (file_digest, file_name, kind, source_area, months, imported_by,"
                " imported_at, outcome, summary) VALUES ('', 'floor', 'district', '', '', 'bench', now(),"
                " 'applied', '') RETURNING id"
            )
            self.import_id = cursor.fetchone()[0]
        self.raw.commit()
        self.rows = 0

    def _copy(self, cursor, table: str, columns, rows) -> None:
        copy_rows(cursor, table, columns, rows)

    def upsert(self, cursor, rows: list[tuple]) -> None:
        copy_upsert(cursor, rows)

    def round(self, files: list[bytes], new_people: bool = True) -> float:
        opened = [fileformat.open_file(data).parts for data in files]
        people = (
            [
                (p[0], p[1], "", p[2], p[3], p[4], p[5], True, "2026-01-01 00:00:00")
                for parts in opened
                for p in parts["entrepreneurs.json"]
            ]
            if new_people
            else []
        )
        with self.raw.cursor() as cursor:
            start = time.perf_counter()
            if people:
                self._copy(cursor, "entrepreneur", PEOPLE_COLUMNS, people)
            inserted = time.perf_counter() - start
            cursor.execute("SELECT uid, id FROM entrepreneur")
            ids = dict(cursor.fetchall())
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
            self.upsert(cursor, rows)
            self.raw.commit()
        self.rows += len(rows)
        return time.perf_counter() - start + inserted


def demo_on_server(work: Path, admin_url: str = ADMIN_URL, rounds: int = 4) -> dict:
    """The merge of the 25 demo files and then the save of the province's whole month, each beside its
    COPY floor, alternating in rounds as the SQLite merge does."""
    files, public_key = _district_files(work)
    names = []
    try:
        name, target = _server(admin_url, public_key)
        names.append(name)
        floor_name, floor_database = _server(admin_url, public_key)
        names.append(floor_name)
        floor = CopyFloor(floor_database)
        merged = based = 0.0
        size = -(-len(files) // rounds)
        for start in range(0, len(files), size):
            chunk = files[start : start + size]
            merged += merge_files(target, [(PROVINCE, data) for data in chunk])
            based += floor.round(chunk)
        opened = open_beside_floor(target, PROVINCE)
        saves, save_floors, save_rows, elsewhere = save_beside_floor(target, floor, PROVINCE)
        floor.raw.close()
        target.close()
        floor_database.close()
        return {
            "merge": merged,
            "merge_floor": based,
            "rows": floor.rows,
            "files": len(files),
            "saves": saves,
            "save_floors": save_floors,
            "save_floors_elsewhere": elsewhere,
            "save_rows": save_rows,
            "open": opened,
        }
    finally:
        for name in names:
            drop_server_database(admin_url, name)


def open_beside_floor(target, user: UserInfo, month: int = 9, repeat: int = 5) -> dict:
    """Opening the province's month (entry.load_month, as the entry tab does) on the server, in turns with the bare
    SQL that returns the same rows and columns (floors.MONTH_ROWS, the floor of opening a month on SQLite too)."""

    floor_sql = MONTH_ROWS.replace("?", "%s")
    low = user.area_code
    with target.unit_of_work() as uow:
        rows = len(entry.load_month(uow=uow, user=user, fiscal_year=YEAR, month=month).rows)
    raw = target.engine.raw_connection()
    times, floors = [], []
    try:
        for turn in range(repeat + 1):  # the first of each unmeasured
            start = time.perf_counter()
            with target.unit_of_work() as uow:
                entry.load_month(uow=uow, user=user, fiscal_year=YEAR, month=month)
            took = time.perf_counter() - start
            start = time.perf_counter()
            with raw.cursor() as cursor:
                cursor.execute(floor_sql, (YEAR, month, low, upper(low)))
                cursor.fetchall()
            raw.commit()
            if turn:
                times.append(took)
                floors.append(time.perf_counter() - start)
    finally:
        raw.close()
    return {"times": times, "floor": floors, "rows": rows}


def save_beside_floor(
    target, floor: CopyFloor, user: UserInfo, month: int = 9, rounds: int = 15
) -> tuple[list[float], list[float], int, list[float]]:
    """The province's whole month saved `rounds` times (each amount raised by one), in turns with its floor: the
    same rows upserted by COPY into the save's own database, as SQLite's floor writes into the save's own file
    (each write raises every row's revision; the grid's next save is handed what the one before wrote). Beside
    them, the same upsert into the floor's database, built apart (by COPY, not by the program's merge): what
    the floor measured before (session 40), kept for comparison. (save seconds, floor seconds, rows, seconds
    of the upsert elsewhere)."""
    from otop_desktop.services.reports import summary

    with target.unit_of_work() as uow:
        summary.refresh(uow)  # as the window's dashboard has done before anyone saves
    with target.unit_of_work() as uow:  # the grid: the month, then its usual months, handed to the save
        sheet = entry.load_month(uow=uow, user=user, fiscal_year=YEAR, month=month)
        usual = entry.usual_months(uow=uow, user=user, fiscal_year=YEAR, month=month)
    shown = {r.entrepreneur_id: (r.amounts, r.revision, r.import_id) for r in sheet.rows}
    own = target.engine.raw_connection()
    saves, save_floors, elsewhere = [], [], []
    low, high = user.area_code, upper(user.area_code)

    def upserted(connection) -> float:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT e.id, s.domestic_offline, s.domestic_online, s.export_offline, s.export_online,"
                " s.revision FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
                " WHERE s.fiscal_year = %s AND s.month = %s AND e.tambon_code >= %s AND e.tambon_code < %s",
                (YEAR, month, low, high),
            )
            rows = [
                (eid, YEAR, month, (a or 0) + 1, b, c, d, rev + 1, "bench", "2026-09-30 00:00:00", low, 0, None)
                for eid, a, b, c, d, rev in cursor.fetchall()
            ]
            connection.commit()
            start = time.perf_counter()
            copy_upsert(cursor, rows)
            connection.commit()
            took = time.perf_counter() - start
        if connection is own:
            shown.update((row[0], (row[3:7], row[7], None)) for row in rows)
        return took

    try:
        for _ in range(rounds):
            changes = [  # as the grid hands them, reloaded after the write before
                saving.SaleChange(eid, ((amounts[0] or 0) + 1, *amounts[1:]), revision, (amounts, import_id))
                for eid, (amounts, revision, import_id) in shown.items()
            ]
            start = time.perf_counter()
            with target.unit_of_work() as uow:
                saving.save_month(
                    uow=uow, user=user, fiscal_year=YEAR, month=month, changes=changes, unusual_ok=True, usual=usual
                )
            saves.append(time.perf_counter() - start)
            shown.update((c.entrepreneur_id, (c.amounts, c.seen_revision + 1, None)) for c in changes)
            save_floors.append(upserted(own))
            elsewhere.append(upserted(floor.raw))
        with own.cursor() as cursor:  # every save and every floor wrote every row, in the order measured
            cursor.execute(
                "SELECT entrepreneur_id, revision FROM monthly_sale WHERE fiscal_year = %s AND month = %s"
                " AND entrepreneur_id = ANY(%s)",
                (YEAR, month, list(shown)),
            )
            found = dict(cursor.fetchall())
        own.commit()
        if found != {eid: revision for eid, (_, revision, _) in shown.items()}:
            raise RuntimeError("the saves and their floor did not write every row in turn")
    finally:
        own.close()
    return saves, save_floors, len(sheet.rows), elsewhere


def national_on_server(work: Path, admin_url: str = ADMIN_URL, district_count: int = 880, rounds: int = 4) -> dict:
    """As bench_exchange.national on the server: the 880 district files of a year (about 93,000 entrepreneurs
    the national database already knows) merged beside the COPY floor on a clone of the same database,
    alternating in rounds; then the largest province's whole month saved beside its floor."""
    from sqlalchemy import text

    from benchmarks.generate import exchange_files
    from otop_desktop.models import Entrepreneur
    from otop_desktop.services.thai import now_utc, sort_key
    from otop_desktop.store.bulk import bulk_insert

    names = []
    try:
        name = f"otop_bench_{uuid.uuid4().hex[:10]}"
        target = open_database(create_server_database(admin_url, name), create=True)
        names.append(name)
        with target.engine.connect() as connection:
            districts = [
                (
                    code,
                    [
                        t
                        for (t,) in connection.execute(
                            text("SELECT code FROM tambon WHERE district_code = :d"), {"d": code}
                        )
                    ],
                )
                for (code,) in connection.execute(
                    text("SELECT code FROM district WHERE province_code <> '10' ORDER BY code")
                )
            ]
        districts = [(code, tambons) for code, tambons in districts if tambons][:district_count]
        with target.unit_of_work() as uow:
            public_key, sign = keys.signer(uow=uow)
            uow.commit()
        made = exchange_files("district", districts, round(93_000 / 880), public_key, sign, seed=880)
        with target.unit_of_work() as uow:  # the country's entrepreneurs are known; the files bring the months
            created = now_utc()
            bulk_insert(
                uow.session,
                Entrepreneur.__table__,
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
                    for _, people, _ in made
                    for p in people
                ],
            )
            uow.session.execute(
                text(
                    "INSERT INTO office_key (fingerprint, area_code, public_key, registered_by, registered_at)"
                    " VALUES (:fingerprint, :area, NULL, 'bench', now())"
                ),
                [{"fingerprint": keys.fingerprint_of(public_key), "area": code} for code, _ in districts],
            )
            uow.commit()
        target.close()
        floor_name = f"otop_bench_{uuid.uuid4().hex[:10]}"
        floor_database = open_database(create_server_database(admin_url, floor_name, template=name))
        names.append(floor_name)
        target = open_database(target.url)
        floor = CopyFloor(floor_database)
        users = {code[:2]: UserInfo(f"p{code[:2]}", "province", code[:2], "", "") for code, _ in districts}
        files = [(code, data) for code, _, data in made]
        merged = based = 0.0
        size = -(-len(files) // rounds)
        for start in range(0, len(files), size):
            chunk = files[start : start + size]
            merged += merge_files(target, [(users[code[:2]], data) for code, data in chunk])
            based += floor.round([data for _, data in chunk], new_people=False)
        with target.engine.connect() as connection:
            largest = connection.execute(
                text(
                    "SELECT substr(e.tambon_code, 1, 2) FROM monthly_sale "
                    "s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
                    " WHERE s.fiscal_year = :year AND s.month = 9 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
                ),
                {"year": YEAR},
            ).scalar()
        opened = open_beside_floor(target, users[largest])
        saves, save_floors, save_rows, elsewhere = save_beside_floor(target, floor, users[largest])
        floor.raw.close()
        target.close()
        floor_database.close()
        return {
            "merge": merged,
            "merge_floor": based,
            "rows": floor.rows,
            "files": len(files),
            "saves": saves,
            "save_floors": save_floors,
            "save_floors_elsewhere": elsewhere,
            "save_rows": save_rows,
            "open": opened,
            "province": largest,
        }
    finally:
        for name in names:
            drop_server_database(admin_url, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-url", default=ADMIN_URL)
    parser.add_argument("--national", action="store_true", help="the 880 district files into a national database")
    args = parser.parse_args()
    why = reachable(args.admin_url)
    if why:
        print(f"no PostgreSQL server at {args.admin_url}: {why}")
        return
    with tempfile.TemporaryDirectory() as work:
        result = (national_on_server if args.national else demo_on_server)(Path(work), args.admin_url)
    print(
        f"merge {result['files']} district files on PostgreSQL: {result['merge']:.2f} s,"
        f" COPY floor {result['merge_floor']:.2f} s, ratio {result['merge'] / result['merge_floor']:.2f}×"
    )
    save, save_floor = statistics.median(result["saves"]), statistics.median(result["save_floors"])
    print(
        f"save the province's month ({result['save_rows']:,} rows): {save:.3f} s, COPY floor {save_floor:.3f} s,"
        f" ratio {save / save_floor:.2f}×"
    )
    apart = statistics.median(result["save_floors_elsewhere"])
    print(f"  the same upsert into the floor's database built apart: {apart:.3f} s ({save / apart:.2f}×)")


if __name__ == "__main__":
    main()
