"""Locks: every role × scope × state for lock, unlock and save; a refusal leaves the sales untouched."""

from datetime import date

import pytest

from otop_desktop.core.errors import InvalidInput, MonthLocked, PermissionDenied
from otop_desktop.services import entry, locks, sync
from tests.conftest import save
from tests.engines import connect, location, rows

YEAR, MONTH = 2569, 8
ROLES = ("district", "province", "admin")
SCOPES = ("own", "other", "province")
STATES = ("open", "district-locked", "province-locked")


def sales_bytes(path) -> list[tuple]:
    with connect(path) as con:
        return con.execute("SELECT * FROM monthly_sale ORDER BY 1, 2, 3").fetchall()


def actor(world, role):
    return {"district": world.mueang, "province": world.province, "admin": world.admin}[role]


def arrange(world, state):
    with world.database.unit_of_work() as uow:
        if state == "district-locked":
            locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH)
        elif state == "province-locked":
            locks.lock_province(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH)


def expected_lock(role, scope, state, action):
    """The rule, written out: which error (or None) each combination gives."""
    if role == "district":
        return PermissionDenied
    if scope == "other":
        return PermissionDenied
    if action == "lock":
        if scope == "own":
            return None if state == "open" else InvalidInput  # already locked, by itself or the province
        return InvalidInput if state == "province-locked" else None
    if scope == "own":
        return None if state == "district-locked" else InvalidInput  # not locked, or the province is
    return InvalidInput if state == "open" else None


def expected_save(role, scope, state):
    if role == "district" and scope != "own":
        return PermissionDenied  # another district, or the province's rows including another district
    if scope == "other":
        return PermissionDenied  # a district of another province (or another district for a district user)
    return None if state == "open" else MonthLocked


def lock_action(world, user, scope, action):
    district = {"own": "3401", "other": "3415" if user.role == "district" else "4601"}.get(scope)
    with world.database.unit_of_work() as uow:
        period = {"uow": uow, "user": user, "fiscal_year": YEAR, "month": MONTH}
        reason = {"reason": "แก้ยอดที่กรอกผิด"} if action == "unlock" else {}
        if scope == "province":
            (locks.lock_province if action == "lock" else locks.unlock_province)(**period, **reason)
        else:
            (locks.lock_district if action == "lock" else locks.unlock_district)(
                district_code=district, **period, **reason
            )


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ("lock", "unlock"))
def test_lock_and_unlock(world, action, role, scope, state):
    arrange(world, state)
    before, state_before = sales_bytes(world.database), lock_state(world)
    error = expected_lock(role, scope, state, action)
    if error is None:
        lock_action(world, actor(world, role), scope, action)
        district_locked, province_locked = lock_state(world)
        if scope == "own":  # the lock state itself moved as asked, not only the sales stayed
            assert district_locked == (action == "lock")
        else:
            assert province_locked == (action == "lock") and (action == "unlock" or district_locked)
    else:
        with pytest.raises(error):
            lock_action(world, actor(world, role), scope, action)
        assert lock_state(world) == state_before
    assert sales_bytes(world.database) == before


def lock_state(world) -> tuple[bool, bool]:
    """Whether district 3401's month is locked (by itself or the province), and the province's month."""
    with world.database.unit_of_work() as uow:
        district = "3401" in locks.locked_districts(uow.session, ["3401"], YEAR, MONTH)
        province = locks.lock_overview(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH).province_locked
    return district, province


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("role", ROLES)
def test_save(world, role, scope, state):
    user = actor(world, role)
    other = world.ids["วาริน"] if role == "district" else _foreign_entrepreneur(world)
    ids = {"own": [world.ids["ไหม"]], "other": [other], "province": [world.ids["ไหม"], world.ids["วาริน"]]}[scope]
    arrange(world, state)
    before = sales_bytes(world.database)
    error = expected_save(role, scope, state)
    changes = {i: (7, 7, 7, 7) for i in ids}
    if error is None:
        save(world.database, user, YEAR, MONTH, changes)
        assert sales_bytes(world.database) != before
    else:
        with pytest.raises(error):
            save(world.database, user, YEAR, MONTH, changes)
        assert sales_bytes(world.database) == before


def _foreign_entrepreneur(world) -> int:
    """An entrepreneur of Kalasin (46), outside the province users' area, put there directly."""
    with connect(world.database) as con:
        cursor = con.execute(
            "INSERT INTO entrepreneur (uid, name, tambon_code, product_type_id, "
            "entrepreneur_type_id, main_product, active, created_at)"
            " VALUES ('kalasin0000000000000000000000001', 'กลุ่มกาฬสินธุ์', "
            "'460101', 1, 1, '', TRUE, '2026-01-01 00:00:00.000000')"
            " RETURNING id"
        )
        return cursor.fetchone()[0]


def test_province_lock_locks_every_district_and_its_unlock_frees_them(world):
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3415", fiscal_year=YEAR, month=MONTH)
    with world.database.unit_of_work() as uow:
        assert locks.lock_province(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH) == 24
    with world.database.unit_of_work() as uow:
        overview = locks.lock_overview(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH)
    assert overview.province_locked and overview.locked_count == 25
    assert overview.status_line() == "สถานะการล็อกข้อมูลระดับจังหวัด (อำเภอที่ล็อกข้อมูล: 25/25 อำเภอ)"
    with world.database.unit_of_work() as uow:
        with pytest.raises(InvalidInput, match="ปลดล็อกทั้งจังหวัดก่อน"):
            locks.unlock_district(
                uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH, reason="x"
            )
        assert locks.lock_overview(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH).kept_by_unlock == 1
        # the province's unlock takes back its own lock: 3415, confirmed on its own before, stays confirmed
        assert (
            locks.unlock_province(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH, reason="เปิดให้แก้") == 24
        )
    with world.database.unit_of_work() as uow:
        overview = locks.lock_overview(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH)
    assert not overview.province_locked and overview.locked_count == 1
    assert [d.district_code for d in overview.districts if d.locked] == ["3415"] and overview.kept_by_unlock == 0
    with world.database.unit_of_work() as uow:  # and with the province not locked as a whole, it opens them all
        assert locks.unlock_province(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH, reason="ทั้งหมด") == 1
    with world.database.unit_of_work() as uow:
        assert locks.lock_overview(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH).locked_count == 0


def test_a_locked_month_error_names_the_month_who_and_when(world):
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH)
    with pytest.raises(MonthLocked) as refused:
        save(world.database, world.mueang, YEAR, MONTH, {world.ids["ไหม"]: (1, 1, 1, 1)})
    message = refused.value.message
    assert "สิงหาคม 2569" in message and "เมืองอุบลราชธานี" in message and "โดย นางสมศรี ใจดี" in message and "น." in message
    with world.database.unit_of_work() as uow:
        with pytest.raises(MonthLocked):
            sync.sync_month(uow=uow, user=world.mueang, fiscal_year=YEAR, month=MONTH)
    save(world.database, world.mueang, YEAR, 9, {world.ids["ไหม"]: (1, 1, 1, 1)})  # another month is open


def test_a_locked_month_tells_each_reader_what_they_can_do(world):
    """A district is told to ask the province; the province's staff, who may unlock it, where to do so."""
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH)
    for user, said, not_said in (
        (world.mueang, "กรุณาติดต่อสำนักงานพัฒนาชุมชนจังหวัดเพื่อปลดล็อก", "แท็บ “ล็อกข้อมูล”"),
        (world.province, "ปลดล็อกที่แท็บ “ล็อกข้อมูล”", "ติดต่อสำนักงานพัฒนาชุมชนจังหวัด"),
    ):
        with pytest.raises(MonthLocked) as refused:
            save(world.database, user, YEAR, MONTH, {world.ids["ไหม"]: (1, 1, 1, 1)})
        assert said in refused.value.message and not_said not in refused.value.message
        with world.database.unit_of_work() as uow:
            sheet = entry.load_month(uow=uow, user=user, fiscal_year=YEAR, month=MONTH, district_code="3401")
        assert said in sheet.notice and not_said not in sheet.notice


def test_unlocking_needs_a_reason_and_history_keeps_it(world):
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH)
    with world.database.unit_of_work() as uow:
        with pytest.raises(InvalidInput, match="เหตุผล"):
            locks.unlock_district(
                uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH, reason="  "
            )
        locks.unlock_district(
            uow=uow, user=world.admin, district_code="3401", fiscal_year=YEAR, month=MONTH, reason="ยอดผิด"
        )
    with world.database.unit_of_work() as uow:
        locks.lock_province(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH)
    with world.database.unit_of_work() as uow:
        history = locks.lock_history(uow=uow, user=world.mueang, district_code="3401", fiscal_year=YEAR, month=MONTH)
        with pytest.raises(PermissionDenied):
            locks.lock_history(uow=uow, user=world.mueang, district_code="3415", fiscal_year=YEAR, month=MONTH)
    assert [(e.username, e.action, e.scope, e.reason) for e in history] == [
        ("prov", "ล็อก", "อำเภอ", "ล็อกทั้งจังหวัด"),
        ("prov", "ล็อก", "ทั้งจังหวัด", ""),
        ("admin", "ปลดล็อก", "อำเภอ", "ยอดผิด"),
        ("prov", "ล็อก", "อำเภอ", ""),
    ]


def test_overview_counts_entries_and_a_district_user_sees_only_its_row(world):
    with world.database.unit_of_work() as uow:
        overview = locks.lock_overview(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH)
        own = locks.lock_overview(uow=uow, user=world.mueang, fiscal_year=YEAR, month=MONTH)
    by_code = {d.district_code: d for d in overview.districts}
    assert len(overview.districts) == 25 and overview.district_count == 25
    assert (by_code["3401"].listed, by_code["3401"].entered, by_code["3401"].last_saved_by) == (3, 3, "prov")
    assert by_code["3402"].entered == 0
    assert [d.district_code for d in own.districts] == ["3401"] and own.district_count == 25


def test_an_entrepreneur_added_after_a_month_ended_is_not_expected_in_it(world):
    """Added today, an entrepreneur is expected from the month running on; one added today with earlier months
    listed (as the demo's and a district file's are) is expected from its first listed month."""
    from tests.conftest import add_entrepreneur

    def expected(year: int, month: int) -> int:
        with world.database.unit_of_work() as uow:
            overview = locks.lock_overview(uow=uow, user=world.province, fiscal_year=year, month=month)
        return {d.district_code: d for d in overview.districts}["3415"].expected

    before = {period: expected(*period) for period in ((YEAR, 6), (YEAR, MONTH), (2570, 3))}
    add_entrepreneur(world.database, world.province, "กลุ่มผ้าทอเพิ่มวันนี้", "341501")
    add_entrepreneur(world.database, world.province, "กลุ่มจักสานเคยส่งยอด", "341501", list_in=(YEAR, 7))
    after = {period: expected(*period) for period in before}
    # June: neither was known then; August: the one listed in July, not on August's list; March 2570: both
    assert after == {(YEAR, 6): before[YEAR, 6], (YEAR, MONTH): before[YEAR, MONTH] + 1, (2570, 3): before[2570, 3] + 2}


def test_an_entrepreneur_taken_back_today_is_not_expected_in_months_that_ended_before(world):
    """The closed group of Mueang, listed until August, ticked active again today: September (ended, not on its
    list) does not count it, where it made every confirmed month read incomplete and refused their reprint; the
    month running does."""
    from otop_desktop.services import entrepreneurs

    def expected(year: int, month: int) -> int:
        with world.database.unit_of_work() as uow:
            overview = locks.lock_overview(uow=uow, user=world.province, fiscal_year=year, month=month)
        return {d.district_code: d for d in overview.districts}["3401"].expected

    before = {period: expected(*period) for period in ((YEAR, 9), (2570, 3))}
    with world.database.unit_of_work() as uow:
        info = entrepreneurs.get_entrepreneur(uow=uow, user=world.province, entrepreneur_id=world.ids["ปิด"])
        entrepreneurs.save_entrepreneur(
            uow=uow, user=world.province, info=info.__class__(**{**vars(info), "active": True})
        )
    assert {period: expected(*period) for period in before} == {
        (YEAR, 9): before[YEAR, 9],
        (2570, 3): before[2570, 3] + 1,
    }


def test_deadline_is_the_fifth_of_the_next_month():
    assert locks.deadline_of(2569, 8) == date(2026, 9, 5)
    assert locks.deadline_of(2569, 12) == date(2026, 1, 5)
    assert locks.deadline_of(2569, 9) == date(2026, 10, 5)
    assert locks.deadline_text(2569, 8, date(2026, 9, 2)).endswith("(อีก 3 วัน)")
    assert locks.deadline_text(2569, 8, date(2026, 9, 7)).endswith("(เลยกำหนด 2 วัน)")
    assert locks.deadline_text(2569, 8, date(2026, 9, 7), confirmed=True).endswith("(ยืนยันทั้งจังหวัดแล้ว)")


def test_a_district_lock_with_entrepreneurs_missing_needs_a_confirmation_too(world):
    from tests.conftest import add_entrepreneur

    add_entrepreneur(world.database, world.province, "กลุ่มผ้าทอวาริน", "341501", list_in=(YEAR, MONTH))  # 3415: 1 of 2
    with world.database.unit_of_work() as uow:
        with pytest.raises(locks.IncompleteMonth) as refused:
            locks.lock_district(uow=uow, user=world.province, district_code="3415", fiscal_year=YEAR, month=MONTH)
    assert refused.value.message.startswith(
        "ยังไม่ได้ล็อก: อำเภอวารินชำราบ ยังกรอกยอดเดือนสิงหาคม 2569 ไม่ครบ: กรอกแล้ว 1 จาก 2 ราย"
    )
    assert [d.district_code for d in refused.value.districts] == ["3415"]
    assert not rows(world.database, "SELECT 1 FROM district_lock WHERE district_code = '3415' AND locked")
    with world.database.unit_of_work() as uow:  # a district entered in full locks without one; this one with it
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH)
        locks.lock_district(
            uow=uow, user=world.province, district_code="3415", fiscal_year=YEAR, month=MONTH, incomplete_ok=True
        )
    assert len(rows(world.database, "SELECT 1 FROM district_lock WHERE month = ? AND locked", MONTH)) == 2


def test_a_province_lock_with_missing_reports_lists_them_and_needs_a_confirmation(world, monkeypatch, capsys):
    from otop_desktop.cli import main
    from tests.conftest import LONG_AGO, PASSWORD, add_entrepreneur

    add_entrepreneur(world.database, world.province, "กลุ่มจักสานนาคำ", "340201", added=LONG_AGO)  # 3402 enters nothing
    add_entrepreneur(world.database, world.province, "กลุ่มผ้าทอวาริน", "341501", list_in=(YEAR, MONTH))  # 3415: 1 of 2
    before = sales_bytes(world.database)
    with world.database.unit_of_work() as uow:
        with pytest.raises(locks.IncompleteMonth) as refused:
            locks.lock_province(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH)
    assert [d.district_code for d in refused.value.districts] == ["3402", "3415"]
    assert "อำเภอศรีเมืองใหม่: ยังไม่กรอกเลย (0 จาก 1 ราย)" in refused.value.message
    assert "อำเภอวารินชำราบ: กรอกแล้ว 1 จาก 2 ราย" in refused.value.message
    assert lock_state(world) == (False, False) and sales_bytes(world.database) == before

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    args = [
        *location(world.database),
        "lock",
        "--user",
        "prov",
        "--year",
        str(YEAR),
        "--month",
        str(MONTH),
        "--province",
    ]
    assert main(args) != 0
    err = capsys.readouterr().err
    assert "ยังกรอกไม่ครบ 2 อำเภอ" in err and "--incomplete-ok" in err and "Traceback" not in err
    assert lock_state(world) == (False, False)
    assert main([*args, "--incomplete-ok"]) == 0
    with world.database.unit_of_work() as uow:
        overview = locks.lock_overview(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH)
        history = locks.lock_history(uow=uow, user=world.province, district_code="3402", fiscal_year=YEAR, month=MONTH)
    assert overview.province_locked and [d.district_code for d in overview.incomplete] == ["3402", "3415"]
    assert history[-1].scope == "ทั้งจังหวัด" and "ยืนยันทั้งที่ยังกรอกไม่ครบ 2 อำเภอ" in history[-1].reason
    assert main([*location(world.database), "locks", "--user", "prov", "--year", str(YEAR), "--month", str(MONTH)]) == 0
    listing = capsys.readouterr().out
    assert "3402\tศรีเมืองใหม่\tล็อกแล้ว\tยังไม่กรอกเลย (0 จาก 1 ราย)" in listing


def test_a_month_not_begun_cannot_be_locked(world):
    """Nothing has been entered for a month that has not begun: there is nothing to confirm (as entry and
    printing refuse it); unlocking stays possible."""
    before = (
        lock_state(world),
        rows(world.database, "SELECT * FROM district_lock"),
        rows(world.database, "SELECT * FROM province_lock"),
    )
    both_locks_refused(world, 2571, 1, "ยังไม่เริ่ม ล็อกข้อมูลของเดือนนี้ได้ตั้งแต่วันที่ 1 มกราคม 2571")
    assert (
        lock_state(world),
        rows(world.database, "SELECT * FROM district_lock"),
        rows(world.database, "SELECT * FROM province_lock"),
    ) == before


def test_a_month_is_locked_from_its_last_day_on(world, monkeypatch):
    """The province locked December on 5 December, before the districts had recorded its month-end: a lock is of a
    whole month, from its last day on."""
    from otop_desktop.services import periods

    monkeypatch.setattr(periods, "today_in_thailand", lambda: date(2026, 8, 30))
    both_locks_refused(world, 2569, 8, "ยังไม่ถึงวันสิ้นเดือน .* ล็อกข้อมูลของเดือนนี้ได้ตั้งแต่วันที่ 31 สิงหาคม 2569")
    monkeypatch.setattr(periods, "today_in_thailand", lambda: date(2026, 8, 31))
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)


def both_locks_refused(world, fiscal_year: int, month: int, said: str) -> None:
    """The province's lock of a district's month and of its whole month, each refused saying `said` (a pattern)."""
    for lock in (
        lambda uow: locks.lock_district(
            uow=uow, user=world.province, district_code="3401", fiscal_year=fiscal_year, month=month
        ),
        lambda uow: locks.lock_province(
            uow=uow, user=world.province, fiscal_year=fiscal_year, month=month, incomplete_ok=True
        ),
    ):
        with pytest.raises(InvalidInput, match=said), world.database.unit_of_work() as uow:
            lock(uow)
