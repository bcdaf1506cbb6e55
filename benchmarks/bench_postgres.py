"""The merge and the save on an office's PostgreSQL server, each beside PostgreSQL's own bulk path (COPY into
a temporary table and one INSERT … ON CONFLICT of the same rows, in one transaction) on a second database of
the same schema. The demo province's 25 district files for a year go into an empty server database, which
learns the entrepreneurs from them (its floor inserts them by COPY too); then the province's whole month is
saved. Prints figures; never fails.

    .venv/bin/python benchmarks/bench_postgres.py [--admin-url postgresql:///postgres]
"""

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_exchange import YEAR, demo_district_files, merge  # noqa: E402
from otop_desktop.demo import DISTRICT_BASE_BAHT  # noqa: E402
from otop_desktop.services import entry  # noqa: E402
from otop_desktop.services.auth import UserInfo  # noqa: E402
from otop_desktop.services.exchange import keys  # noqa: E402
from otop_desktop.services.exchange import merge as exchange  # noqa: E402
from otop_desktop.store.database import open_database  # noqa: E402
from otop_desktop.store.server import create_server_database, drop_server_database  # noqa: E402

ADMIN_URL = os.environ.get("OTOP_TEST_POSTGRES", "postgresql:///postgres")
PROVINCE = UserInfo("province34", "province", "34", "", "")
SALE_COLUMNS = ("entrepreneur_id", "fiscal_year", "month", "domestic_offline", "domestic_online", "export_offline",
                "export_online", "revision", "updated_by", "updated_at", "origin", "source_revision")
PEOPLE_COLUMNS = ("uid", "name", "name_key", "tambon_code", "product_type_id", "entrepreneur_type_id", "main_product",
                  "active", "created_at")


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
    database = open_database(create_server_database(admin_url, name))
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO office_key (fingerprint, area_code, public_key, registered_by, registered_at)"
            " VALUES (%(fingerprint)s, %(area)s, %(key)s, 'bench', now())",
            [{"fingerprint": keys.fingerprint_of(public_key), "area": code, "key": public_key} for code in DISTRICT_BASE_BAHT])
    return name, database


class CopyFloor:
    """PostgreSQL's own bulk path into the floor's database: the entrepreneurs new to it by COPY, then the rows
    by COPY into a temporary table and one INSERT … ON CONFLICT DO UPDATE, one transaction a round."""

    def __init__(self, database):
        self.raw = database.engine.raw_connection()
        self.rows = 0

    def _copy(self, cursor, table: str, columns, rows) -> None:
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def upsert(self, cursor, rows: list[tuple]) -> None:
        names = ", ".join(SALE_COLUMNS)
        cursor.execute(f"CREATE TEMPORARY TABLE floor_rows AS SELECT {names} FROM monthly_sale WITH NO DATA")
        self._copy(cursor, "floor_rows", SALE_COLUMNS, rows)
        updates = ", ".join(f"{c} = excluded.{c}" for c in SALE_COLUMNS[3:])
        cursor.execute(f"INSERT INTO monthly_sale ({names}) SELECT {names} FROM floor_rows"
                       f" ON CONFLICT (entrepreneur_id, fiscal_year, month) DO UPDATE SET {updates}")
        cursor.execute("DROP TABLE floor_rows")

    def round(self, files: list[bytes]) -> float:
        opened = [exchange.open_file(data).parts for data in files]
        people = [(p[0], p[1], "", p[2], p[3], p[4], p[5], True, "2026-01-01 00:00:00") for parts in opened
                  for p in parts["entrepreneurs.json"]]
        with self.raw.cursor() as cursor:
            start = time.perf_counter()
            self._copy(cursor, "entrepreneur", PEOPLE_COLUMNS, people)
            inserted = time.perf_counter() - start
            cursor.execute("SELECT uid, id FROM entrepreneur")
            ids = dict(cursor.fetchall())
            rows = [(ids[r[0]], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[9], r[8].replace("T", " "), "x", r[7])
                    for parts in opened for r in parts["sales.json"]]
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
            chunk = files[start:start + size]
            merged += merge(target, [(PROVINCE, data) for data in chunk])
            based += floor.round(chunk)
        with target.unit_of_work() as uow:
            sheet = entry.load_month(uow=uow, user=PROVINCE, fiscal_year=YEAR, month=9)
        saves, save_floors = [], []
        for bump in (1, 2, 3):
            changes = [entry.SaleChange(r.entrepreneur_id, ((r.amounts[0] or 0) + bump, *r.amounts[1:])) for r in sheet.rows]
            start = time.perf_counter()
            with target.unit_of_work() as uow:
                entry.save_month(uow=uow, user=PROVINCE, fiscal_year=YEAR, month=9, changes=changes, unusual_ok=True)
            saves.append(time.perf_counter() - start)
            with floor.raw.cursor() as cursor:
                cursor.execute("SELECT e.id, s.domestic_offline, s.domestic_online, s.export_offline, s.export_online,"
                               " s.revision FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
                               " WHERE s.fiscal_year = %s AND s.month = 9", (YEAR,))
                rows = [(eid, YEAR, 9, (a or 0) + bump, b, c, d, rev + 1, "bench", "2026-09-30 00:00:00", "34", 0)
                        for eid, a, b, c, d, rev in cursor.fetchall()]
                start = time.perf_counter()
                floor.upsert(cursor, rows)
                floor.raw.commit()
                save_floors.append(time.perf_counter() - start)
        floor.raw.close()
        target.close()
        floor_database.close()
        return {"merge": merged, "merge_floor": based, "rows": floor.rows, "files": len(files), "saves": saves,
                "save_floors": save_floors, "save_rows": len(sheet.rows)}
    finally:
        for name in names:
            drop_server_database(admin_url, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-url", default=ADMIN_URL)
    args = parser.parse_args()
    why = reachable(args.admin_url)
    if why:
        print(f"no PostgreSQL server at {args.admin_url}: {why}")
        return
    with tempfile.TemporaryDirectory() as work:
        result = demo_on_server(Path(work), args.admin_url)
    print(f"merge {result['files']} demo district files on PostgreSQL: {result['merge']:.2f} s,"
          f" COPY floor {result['merge_floor']:.2f} s, ratio {result['merge'] / result['merge_floor']:.2f}×")
    save, save_floor = sorted(result["saves"])[1], sorted(result["save_floors"])[1]
    print(f"save the province's month ({result['save_rows']:,} rows): {save:.3f} s, COPY floor {save_floor:.3f} s,"
          f" ratio {save / save_floor:.2f}×")


if __name__ == "__main__":
    main()
