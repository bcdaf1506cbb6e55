"""District files under stress: any order and repetition ends in the same province (hypothesis),
thousands of mutated files end in a clean refusal or a valid import, and a killed import leaves the
database as before or as after, never between."""

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from otop_desktop.core.errors import OtopError
from otop_desktop.services.exchange import fileformat, merge
from otop_desktop.store.database import copy_file, open_database
from tests.conftest import make_world, save
from tests.engines import connect
from tests.exchange_helpers import copy_database, export, register, sales_dump

MONTHS = (7, 8, 9)


@pytest.fixture(scope="module")
def templates(tmp_path_factory, file_template):
    """A province and two district offices with registered keys, the province holding the districts' figures."""
    folder = tmp_path_factory.mktemp("templates")
    province_db = open_database(file_template.fresh(folder / "province" / "otop.db"))
    world = make_world(province_db)
    districts = {}
    for user in (world.mueang, world.warin):
        db = copy_database(world.database, folder / user.area_code / "otop.db")
        register(province_db, world.province, db, user, folder)
        baseline = export(db, user, folder / f"baseline-{user.area_code}.otop", months=MONTHS)
        with province_db.unit_of_work() as uow:
            merge.apply(
                uow=uow,
                user=world.province,
                preview_=merge.preview(uow=uow, user=world.province, data=baseline, file_name="b"),
            )
        db.close()
        districts[user.area_code] = (folder / user.area_code / "otop.db", user)
    province_db.close()
    return world, folder, districts


def fresh_copy(source: Path, target: Path):
    return open_database(copy_file(source, target))


def import_all(db, user, files) -> None:
    for data in files:
        with db.unit_of_work() as uow:
            result = merge.preview(uow=uow, user=user, data=data, file_name="f")
            if not result.already:
                merge.apply(uow=uow, user=user, preview_=result)


amounts = st.one_of(st.none(), st.integers(min_value=0, max_value=10**9))
edit_round = st.dictionaries(
    st.tuples(st.sampled_from(("ไหม", "ข้าว", "วาริน")), st.sampled_from(MONTHS)),
    st.tuples(amounts, amounts, amounts, amounts),
    min_size=1,
    max_size=4,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_order_and_repetition_gives_the_same_province(templates, tmp_path_factory, data):
    world, folder, districts = templates
    work = tmp_path_factory.mktemp("example")
    files = []  # (district, round, bytes) in the order they were made
    for code, (path, user) in districts.items():
        db = fresh_copy(path, work / code / "otop.db")
        for number, edits in enumerate(data.draw(st.lists(edit_round, min_size=1, max_size=3), label=f"edits {code}")):
            for (name, month), value in edits.items():
                if (name == "วาริน") == (code == "3415"):
                    save(db, user, 2569, month, {world.ids[name]: value})
            files.append((code, number, export(db, user, work / f"{code}-{number}.otop", months=MONTHS)))
        db.close()
    order = data.draw(st.lists(st.integers(0, len(files) - 1), min_size=1, max_size=12), label="import order")
    chosen = sorted(set(order))
    shuffled = fresh_copy(world.path, work / "shuffled" / "otop.db")
    import_all(shuffled, world.province, [files[i][2] for i in order])
    canonical = fresh_copy(world.path, work / "canonical" / "otop.db")
    import_all(canonical, world.province, [files[i][2] for i in chosen])
    try:
        assert sales_dump(shuffled.path) == sales_dump(canonical.path)
        # Every figure traces to a file that carries exactly that figure (several may: any of them will do).
        by_digest = {fileformat.open_file(content).digest: content for _, _, content in files}
        for row in sales_dump(shuffled.path, with_trace=True):
            if row[-1] in by_digest:
                carried = {
                    (r[0], r[1], r[2]): tuple(r[3:8])
                    for r in fileformat.open_file(by_digest[row[-1]]).parts["sales.json"]
                }
                assert carried[(row[0], row[1], row[2])] == row[3:7] + (row[7],)
        # Nothing newer is lost: each district's newest chosen file is fully present.
        for code in districts:
            newest = max((i for i in chosen if files[i][0] == code), default=None)
            if newest is None:
                continue
            opened = fileformat.open_file(files[newest][2])
            held = {(r[0], r[1], r[2]): r[3:7] + (r[7],) for r in sales_dump(shuffled.path)}
            for row in opened.parts["sales.json"]:
                assert held[(row[0], row[1], row[2])] == tuple(row[3:8])
    finally:
        shuffled.close()
        canonical.close()


def mutations(good: bytes, rng: random.Random):
    """Bit flips, truncations, insertions, and archives reordered or rewritten entry by entry."""
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    while True:
        choice = rng.randrange(5)
        data = bytearray(good)
        if choice == 0:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif choice == 1:
            del data[rng.randrange(len(data)) :]
        elif choice == 2:
            at = rng.randrange(len(data))
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            shuffled = entries[:]
            rng.shuffle(shuffled)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", rng.choice((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))) as archive:
                for name, content in shuffled:
                    if choice == 4 and rng.random() < 0.5:
                        content = bytearray(content)
                        if content:
                            content[rng.randrange(len(content))] ^= 0x20
                        content = bytes(content)
                    archive.writestr(name, content)
            data = bytearray(buffer.getvalue())
        yield bytes(data)


def snapshot(path: Path) -> tuple:
    with sqlite3.connect(path) as con:
        return (
            con.execute(
                "SELECT count(*), total(domestic_offline), total(domestic_online), total(export_offline),"
                " total(export_online), total(source_revision), group_concat(origin) FROM monthly_sale"
            ).fetchone(),
            con.execute("SELECT count(*) FROM entrepreneur").fetchone(),
        )


def test_thousands_of_mutated_files_end_in_refusal_or_a_valid_import(templates, tmp_path):
    world, folder, districts = templates
    path, user = districts["3401"]
    district = fresh_copy(path, tmp_path / "d" / "otop.db")
    save(district, user, 2569, 8, {world.ids["ไหม"]: (12, 34, 56, 78)})
    good = export(district, user, tmp_path / "good.otop", months=MONTHS)
    district.close()
    province = fresh_copy(world.path, tmp_path / "p" / "otop.db")
    rng, outcomes = random.Random(2568), {"refused": 0, "imported": 0}
    before = snapshot(province.path)
    for data, _ in zip(mutations(good, rng), range(2000)):
        try:
            with province.unit_of_work() as uow:
                result = merge.preview(uow=uow, user=world.province, data=data, file_name="m")
                if not result.already:
                    merge.apply(uow=uow, user=world.province, preview_=result)
        except OtopError:
            outcomes["refused"] += 1
            assert snapshot(province.path) == before, "a refused file changed the database"
        else:
            outcomes["imported"] += 1
            before = snapshot(province.path)
    province.close()
    assert outcomes["refused"] > 1500 and sum(outcomes.values()) == 2000


KILLER = """
import sys
from otop_desktop.core.users import UserInfo
from otop_desktop.services.exchange.batch import import_files
from otop_desktop.store.database import copy_file, open_database
database = open_database(sys.argv[1])
print("ready", flush=True)
outcomes = import_files(database, UserInfo("prov", "province", "34", "", ""), [sys.argv[2]])
assert [o.status for o in outcomes] == ["applied"], outcomes
"""


@pytest.fixture(scope="module")
def big_import(templates, tmp_path_factory):
    """A district file long enough to cut (every row of the district changed, 3,000 new entrepreneurs: 9,000
    new rows), the province's sales before and after it, and how long its import runs in a child process here
    (checked to end as the import in this process does)."""
    world, folder, districts = templates
    work = tmp_path_factory.mktemp("big")
    path, user = districts["3401"]
    district = fresh_copy(path, work / "d" / "otop.db")
    for month in MONTHS:  # change every row so the import writes a lot
        save(district, user, 2569, month, {world.ids[name]: (month, 1, 2, 3) for name in ("ไหม", "ข้าว", "ปิด")})
    add_many_entrepreneurs(district.path, "3401", 3000)
    big = work / "big.otop"
    export(district, user, big, months=MONTHS)
    district.close()
    before = sales_dump(world.path)
    after_db = fresh_copy(world.path, work / "after" / "otop.db")
    import_all(after_db, world.province, [big.read_bytes()])
    after = sales_dump(after_db.path)
    after_db.close()
    timed = fresh_copy(world.path, work / "timed" / "otop.db")
    timed.close()
    code, took, errors = run_import(timed.path, big)  # unkilled: how long the import runs here
    assert code == 0 and sales_dump(timed.path) == after, errors
    assert before != after
    return big, before, after, took


@pytest.mark.parametrize("trial", range(8))
def test_a_killed_import_leaves_before_or_after_never_between(templates, big_import, tmp_path, trial):
    world, _, _ = templates
    big, before, after, took = big_import
    victim = fresh_copy(world.path, tmp_path / "victim" / "otop.db")
    victim.close()
    code, _, errors = run_import(victim.path, big, kill_after=took * (trial + 0.5) / 8)  # spread over the import
    with connect(victim) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert code in (0, -signal.SIGKILL), errors  # finished, or killed: never an error of its own
    assert sales_dump(victim.path) in (before, after)


def add_many_entrepreneurs(database_path: Path, district_code: str, count: int) -> None:
    """New entrepreneurs of the district with a year of sales, written straight into an office's file."""
    with sqlite3.connect(database_path) as con:
        (tambon,) = con.execute("SELECT code FROM tambon WHERE district_code = ? LIMIT 1", (district_code,)).fetchone()
        first = con.execute("SELECT max(id) FROM entrepreneur").fetchone()[0] + 1
        con.executemany(
            "INSERT INTO entrepreneur (id, uid, name, tambon_code, product_type_id, entrepreneur_type_id, main_product,"
            " active, created_at) VALUES (?, ?, ?, ?, 1, 1, 'ผ้าไหม', 1, '2026-08-01 00:00:00.000000')",
            [(first + n, f"{first + n:032x}", f"กลุ่มทดสอบ {n}", tambon) for n in range(count)],
        )
        con.executemany(
            "INSERT INTO monthly_sale (entrepreneur_id, fiscal_year, month, domestic_offline, revision, updated_by,"
            " updated_at) VALUES (?, 2569, ?, ?, 1, 'test', '2026-10-01 00:00:00.000000')",  # after the months
            [(first + n, month, 100 * n + month) for n in range(count) for month in MONTHS],
        )


def run_import(database_path: Path, file: Path, kill_after: float | None = None) -> tuple[int, float, str]:
    """Import a file in a child process, killed with SIGKILL `kill_after` seconds after it starts the import;
    returns its exit code, how long it ran, and what it wrote to stderr."""
    process = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(database_path), str(file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert process.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(process.pid, signal.SIGKILL)
    _, errors = process.communicate(timeout=120)
    return process.returncode, time.perf_counter() - started, errors
