"""A reproducible (seeded) national database for benchmarks: 76 provinces with their real districts and
tambons (Bangkok aside), about 100,000 entrepreneurs in the national mix of types (55 % community groups,
43 % single owners, 2 % SMEs) and product types, and monthly sales for several fiscal years, every month
confirmed (locked) by its province as the department's database holds them. Written through the program's
own bulk path of each engine (store/bulk.insert_rows: one executemany on SQLite, COPY on PostgreSQL), in
one transaction, to a file or (a postgresql:// URL) an empty database on a server; a department user
`dept` logs in with the password `bench-dept`. `exchange_files` makes the signed district and province files
of a year that the merge benchmarks take in (bench_exchange.py).

    .venv/bin/python benchmarks/generate.py --out /tmp/national/otop.db [--entrepreneurs 100000] [--years 5]
    .venv/bin/python benchmarks/generate.py --out postgresql:///otop_bench   # an empty database on a server
"""

import argparse
import random
import sys
import time
from datetime import datetime
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from otop_desktop.models import Entrepreneur, MonthlySale, ProvinceLock  # noqa: E402
from otop_desktop.services import auth  # noqa: E402
from otop_desktop.services.thai import FISCAL_MONTHS, sort_key  # noqa: E402
from otop_desktop.store.bulk import insert_rows  # noqa: E402
from otop_desktop.store.database import is_server_url, open_database  # noqa: E402

LAST_YEAR = 2569
BANGKOK = "10"
PRODUCT_WEIGHTS = (33, 8, 25, 26, 8)
TYPE_WEIGHTS = (55, 43, 2)
SEASON = (1.0, 1.1, 1.3, 1.2, 1.0, 0.95, 1.05, 0.9, 0.85, 0.85, 0.9, 0.9)
WORDS = ("กลุ่มแม่บ้าน", "กลุ่มอาชีพ", "วิสาหกิจชุมชน", "กลุ่มทอผ้า", "กลุ่มเกษตรกร")
PRODUCTS = ("ข้าวหอมมะลิ", "น้ำพริกเผา", "ผ้าไหมมัดหมี่", "ตะกร้าสานไม้ไผ่", "สบู่สมุนไพร", "ชาใบหม่อน", "กล้วยตาก")
PASSWORD = "bench-dept"


def _tambons(session) -> list[str]:
    return [
        code
        for (code,) in session.execute(
            text("SELECT code FROM tambon WHERE substr(code, 1, 2) <> :bangkok ORDER BY code"), {"bangkok": BANGKOK}
        )
    ]


def _entrepreneurs(rng: random.Random, tambons: list[str], count: int) -> list[tuple]:
    created = datetime(2020, 1, 1)
    rows = []
    for number in range(1, count + 1):
        tambon = rng.choice(tambons)
        product = rng.choices(range(1, 6), PRODUCT_WEIGHTS)[0]
        name = f"{rng.choice(WORDS)}{rng.choice(PRODUCTS)} {number}"
        rows.append(
            (
                number,
                f"b{number:08d}",
                name,
                sort_key(name),
                tambon,
                product,
                rng.choices(range(1, 4), TYPE_WEIGHTS)[0],
                rng.choice(PRODUCTS),
                f"{tambon[:4]}-{number:06d}",
                True,
                created,
            )
        )
    return rows


def _sales(rng: random.Random, entrepreneurs: list[tuple], years: list[int]):
    """Each entrepreneur's months: a lognormal size, the season, an online and (for a few) an export share."""
    stamp = datetime(2026, 1, 1)
    for number, _, _, _, tambon, *_ in entrepreneurs:
        yearly = rng.lognormvariate(19.1, 1.0)  # satang: a mean near 3.3 million baht a year (315 billion / 93,000)
        online = rng.uniform(0.05, 0.35)
        export = rng.uniform(0.05, 0.3) if rng.random() < 0.08 else 0.0
        for year in years:
            for index, month in enumerate(FISCAL_MONTHS):
                satang = int(yearly * SEASON[index] / 12.3 * rng.uniform(0.8, 1.2))
                abroad = int(satang * export)
                home = satang - abroad
                home_online, abroad_online = int(home * online), int(abroad * online)
                yield (
                    number,
                    year,
                    month,
                    home - home_online,
                    home_online,
                    abroad - abroad_online if export else None,
                    abroad_online if export else None,
                    1,
                    "bench",
                    stamp,
                    tambon[:4],
                    1,
                )


def exchange_files(
    kind: str,
    areas: list[tuple[str, list[str]]],
    per_area: int,
    public_key: bytes,
    sign,
    *,
    seed: int,
    fiscal_year: int = LAST_YEAR,
) -> list[tuple[str, list, bytes]]:
    """Signed exchange files of a year, one per area: district files (kind "district", a district's tambons)
    or province files (kind "province", a province's tambons), each with `per_area` new entrepreneurs and
    their twelve months. Returns (area, entrepreneurs, file bytes)."""
    import uuid

    from otop_desktop.services.exchange.fileformat import STAMP, write_file
    from otop_desktop.services.thai import now_utc
    from otop_desktop.store.master_data import master_data_version

    rng = random.Random(seed)
    stamp = now_utc().strftime(STAMP)
    made = []
    for area, tambons in areas:
        people = [
            [
                uuid.UUID(int=rng.getrandbits(128)).hex,
                f"กลุ่ม {area}-{n}",
                rng.choice(tambons),
                rng.randint(1, 5),
                rng.choice((1, 1, 2, 2, 3)),
                "สินค้า",
                None,
                True,
            ]
            for n in range(per_area)
        ]
        sales = [
            [
                p[0],
                fiscal_year,
                month,
                rng.randrange(10**8),
                rng.randrange(10**7),
                None,
                None,
                1,
                stamp,
                f"amphoe{p[2][:4]}",
            ]
            for p in people
            for month in FISCAL_MONTHS
        ]
        manifest = {
            "kind": kind,
            "source_area": area,
            "province_code": area[:2],
            "target_area": "",
            "fiscal_year": fiscal_year,
            "months": list(FISCAL_MONTHS),
            "created_at": stamp,
            "created_by": f"bench{area}",
            "app_version": "bench",
            "master_data_version": master_data_version(),
            "file_id": uuid.UUID(int=rng.getrandbits(128)).hex,
            "row_counts": {"entrepreneurs.json": len(people), "sales.json": len(sales)},
        }
        made.append(
            (area, people, write_file(manifest, {"entrepreneurs.json": people, "sales.json": sales}, public_key, sign))
        )
    return made


PEOPLE_COLUMNS = (
    "id",
    "uid",
    "name",
    "name_key",
    "tambon_code",
    "product_type_id",
    "entrepreneur_type_id",
    "main_product",
    "otop_code",
    "active",
    "created_at",
)
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
)
LOCK_COLUMNS = ("province_code", "fiscal_year", "month", "locked", "changed_by", "changed_at", "reason")


def generate(out: "Path | str", *, entrepreneurs: int = 100_000, years: int = 5, seed: int = 2569) -> dict:
    """Write the database at `out`, a file (replacing one there) or an empty database on a server; returns
    what it holds and how long it took."""
    server = is_server_url(out)
    if not server:
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    database = open_database(out)  # the schema and the master data, as the program makes them
    try:
        with database.unit_of_work() as uow:
            auth.create_user(uow=uow, user=None, username="dept", password=PASSWORD, role="department", area_code="00")
        rng = random.Random(seed)
        fiscal_years = list(range(LAST_YEAR - years + 1, LAST_YEAR + 1))
        with database.unit_of_work() as uow:
            session = uow.session
            people = _entrepreneurs(rng, _tambons(session), entrepreneurs)
            insert_rows(session, Entrepreneur.__table__, PEOPLE_COLUMNS, people)
            sales = _sales(rng, people, fiscal_years)
            while chunk := list(islice(sales, 200_000)):  # streamed: a national run is millions of rows
                insert_rows(session, MonthlySale.__table__, SALE_COLUMNS, chunk)
            provinces = [
                code
                for (code,) in session.execute(
                    text("SELECT code FROM province WHERE code <> :bangkok"), {"bangkok": BANGKOK}
                )
            ]
            insert_rows(
                session,
                ProvinceLock.__table__,
                LOCK_COLUMNS,
                [
                    (p, y, m, True, "bench", datetime(2026, 1, 1), "")
                    for p in provinces
                    for y in fiscal_years
                    for m in FISCAL_MONTHS
                ],
            )
            if server:  # ids were given: the sequence goes on after them
                session.execute(
                    text("SELECT setval(pg_get_serial_sequence('entrepreneur', 'id'), max(id)) FROM entrepreneur")
                )
            uow.commit()
        with database.engine.connect() as connection:
            rows = connection.execute(text("SELECT count(*) FROM monthly_sale")).scalar_one()
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
    finally:
        database.close()
    return {
        "path": out,
        "provinces": len(provinces),
        "entrepreneurs": len(people),
        "sale_rows": rows,
        "years": fiscal_years,
        "seconds": time.perf_counter() - start,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="a file, or postgresql://… (an empty database)")
    parser.add_argument("--entrepreneurs", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2569)
    made = generate(parser.parse_args().out, **{k: v for k, v in vars(parser.parse_args()).items() if k != "out"})
    print(
        f"{made['path']}: {made['provinces']} provinces, {made['entrepreneurs']:,} entrepreneurs, "
        f"{made['sale_rows']:,} monthly rows over fiscal years {made['years'][0]}–{made['years'][-1]}, "
        f"in {made['seconds']:.1f} s"
    )


if __name__ == "__main__":
    main()
