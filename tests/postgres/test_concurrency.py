"""Two office PCs on one server at once: saving the same district-month in 200 rounds loses no update (each
round one save lands and the other is refused with the Thai message), and a lock racing saves ends with the
month locked and no save after it."""

import multiprocessing
import random
import time

from sqlalchemy import text

from otop_desktop.core.errors import MonthLocked
from otop_desktop.core.users import UserInfo
from otop_desktop.services import entry, locks, saving
from otop_desktop.services.audit import sale_key
from otop_desktop.store.database import open_database

YEAR, MONTH, ROUNDS = 2569, 8, 200
MUEANG = UserInfo("mueang", "district", "3401", "", "")
PROVINCE = UserInfo("prov", "province", "34", "", "")


def _seen(database, entrepreneur_id: int) -> int:
    with database.unit_of_work() as uow:
        rows = entry.load_month(uow=uow, user=MUEANG, fiscal_year=YEAR, month=MONTH).rows
    return next(r.revision for r in rows if r.entrepreneur_id == entrepreneur_id)


def _saver(url: str, pc: int, entrepreneur_id: int, rounds: int, barrier, outcomes) -> None:
    database = open_database(url)
    try:
        for round_ in range(rounds):
            seen = _seen(database, entrepreneur_id)
            barrier.wait()  # both PCs have the month on screen at the same revision
            try:
                with database.unit_of_work() as uow:
                    saving.save_month(
                        uow=uow,
                        user=MUEANG,
                        fiscal_year=YEAR,
                        month=MONTH,
                        unusual_ok=True,
                        changes=[saving.SaleChange(entrepreneur_id, (round_ * 10 + pc + 1, 0, 0, 0), seen)],
                    )
                outcomes.put((round_, pc, "saved", ""))
            except saving.SavedMeanwhile as refused:
                outcomes.put((round_, pc, "refused", refused.message))
            barrier.wait()
    finally:
        database.close()


def _save_until_locked(url: str, entrepreneur_id: int, outcomes, landing=None) -> None:
    database = open_database(url)
    try:
        for attempt in range(10_000):
            try:
                with database.unit_of_work() as uow:
                    saving.save_month(
                        uow=uow,
                        user=MUEANG,
                        fiscal_year=YEAR,
                        month=MONTH,
                        unusual_ok=True,
                        changes=[
                            saving.SaleChange(entrepreneur_id, (attempt + 1, 0, 0, 0), _seen(database, entrepreneur_id))
                        ],
                    )
                outcomes.put(("saved", attempt))
                if landing is not None:
                    landing.set()
            except MonthLocked:
                outcomes.put(("locked", attempt))
                return
    finally:
        database.close()


def _lock_later(url: str, landing=None) -> None:
    database = open_database(url)
    try:
        if landing is not None:  # the race starts once saves are landing (a loaded machine starts the saver late)
            assert landing.wait(120)
        time.sleep(random.uniform(0.3, 1.0))
        with database.unit_of_work() as uow:
            locks.lock_district(uow=uow, user=PROVINCE, district_code="3401", fiscal_year=YEAR, month=MONTH)
    finally:
        database.close()


def _drain(queue, count: int) -> list:
    return [queue.get(timeout=120) for _ in range(count)]


def test_two_pcs_saving_the_same_month_lose_no_update(server_world, server_url):
    silk = server_world.ids["ไหม"]
    context = multiprocessing.get_context("spawn")
    barrier, outcomes = context.Barrier(2), context.Queue()
    pcs = [context.Process(target=_saver, args=(server_url, pc, silk, ROUNDS, barrier, outcomes)) for pc in (0, 1)]
    for process in pcs:
        process.start()
    results = _drain(outcomes, 2 * ROUNDS)
    for process in pcs:
        process.join(60)
        assert process.exitcode == 0
    by_round = {}
    for round_, pc, outcome, message in results:
        by_round.setdefault(round_, []).append((pc, outcome, message))
    for round_, both in sorted(by_round.items()):
        assert sorted(o for _, o, _ in both) == ["refused", "saved"], (round_, both)
        assert all("มีการบันทึกยอด" in m and "ก่อนแล้ว" in m for _, o, m in both if o == "refused")
    with server_world.database.engine.connect() as connection:
        amount, revision = connection.execute(
            text(
                "SELECT domestic_offline, revision FROM monthly_sale WHERE "
                "entrepreneur_id = :id AND fiscal_year = :y AND month = :m"
            ),
            {"id": silk, "y": YEAR, "m": MONTH},
        ).one()
        saves = connection.execute(
            text(
                "SELECT count(*) FROM audit_log WHERE action = 'save' AND entity_key = :key"
                " AND field = 'domestic_offline'"
            ),
            {"key": sale_key(silk, YEAR, MONTH)},
        ).scalar()
    last = next(pc for pc, o, _ in by_round[ROUNDS - 1] if o == "saved")
    assert amount == (ROUNDS - 1) * 10 + last + 1  # the last round's landed save, nobody's overwritten
    assert saves >= ROUNDS and revision >= ROUNDS  # one landed save a round, each audited


def test_a_lock_racing_saves_ends_locked_with_no_save_after_it(server_world, server_url):
    silk = server_world.ids["ไหม"]
    context = multiprocessing.get_context("spawn")
    outcomes, landing = context.Queue(), context.Event()
    saver = context.Process(target=_save_until_locked, args=(server_url, silk, outcomes, landing))
    locker = context.Process(target=_lock_later, args=(server_url, landing))
    saver.start()
    locker.start()
    locker.join(120)
    saver.join(120)
    assert locker.exitcode == 0 and saver.exitcode == 0
    seen = []
    while not outcomes.empty():
        seen.append(outcomes.get())
    assert seen and seen[-1][0] == "locked" and any(o == "saved" for o, _ in seen)
    with server_world.database.engine.connect() as connection:
        locked_at = connection.execute(
            text(
                "SELECT changed_at FROM district_lock WHERE district_code = '3401'"
                " AND fiscal_year = :y AND month = :m AND locked"
            ),
            {"y": YEAR, "m": MONTH},
        ).scalar()
        last_saved = connection.execute(
            text("SELECT max(updated_at) FROM monthly_sale WHERE fiscal_year = :y AND month = :m"),
            {"y": YEAR, "m": MONTH},
        ).scalar()
    assert locked_at is not None and last_saved < locked_at
