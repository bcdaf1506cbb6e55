"""The roadmap board: each district's month — entered, printed, sent, locked — against the roadmap's
dates, the late cells, and the month's reporting and on-time rates as DHIS2 counts them."""

from dataclasses import replace
from datetime import date

from otop_desktop.core.users import UserInfo
from otop_desktop.services import locks
from otop_desktop.services.forms.jt2 import print_jt2
from otop_desktop.services.office import Office
from otop_desktop.services.reports.roadmap import board_text, roadmap_board
from tests.engines import connect

YEAR = 2569
TODAY = date(2026, 11, 25)  # long after fiscal 2569 ended


def board(world, user=None, today=TODAY):
    return Office(world.database, user or world.province).query(roadmap_board, fiscal_year=YEAR, today=today)


def cell(result, district, month):
    row = next(r for r in result.rows if r.code == district)
    return next(c for c in row.cells if c.month == month)


def saved_on(world, month, when):
    """Move the month's saves to a local time (UTC+7 in Thailand; the test machine's zone is what counts)."""
    with connect(world.database) as con:
        con.execute("UPDATE monthly_sale SET updated_at = ? WHERE fiscal_year = ? AND month = ?", (when, YEAR, month))


def test_entry_counts_and_late_entry(world):
    result = board(world)
    august = cell(result, "3401", 8)
    assert (august.listed, august.entered, august.complete) == (3, 3, True)
    assert august.entry_late  # the fixture saved everything today, long after August ended
    september = cell(result, "3401", 9)
    assert september.entered == 0 and september.entry_late  # nothing, and the month is over
    saved_on(world, 8, "2026-08-29 03:00:00")
    august = cell(board(world), "3401", 8)
    assert not august.entry_late and august.on_time
    assert august.entry_due == date(2026, 8, 31) and august.lock_due == date(2026, 9, 5)


def test_a_month_counts_the_entrepreneurs_not_on_its_list_as_the_lock_panel_does(world):
    """September: Mueang's two active entrepreneurs, listed in August, are not on September's list; the board
    counts them as the lock panel, the dashboard and the printed form do (it said 1/1 complete where printing
    refused the month as 1 of 3)."""
    from tests.conftest import save

    save(world.database, world.province, YEAR, 9, {world.ids["ไหม"]: (1, None, None, None)})
    september = cell(board(world), "3401", 9)
    with world.database.unit_of_work() as uow:
        panel = locks.lock_overview(uow=uow, user=world.province, fiscal_year=YEAR, month=9)
    mueang = next(d for d in panel.districts if d.district_code == "3401")
    assert (september.listed, september.entered) == (mueang.expected, mueang.entered) == (2, 1)
    assert not september.complete and "3401" in board_text(board(world))


def test_months_not_yet_due_are_not_late(world):
    saved_on(world, 8, "2026-08-19 03:00:00")
    result = board(world, today=date(2026, 8, 20))
    august = cell(result, "3401", 8)
    assert august.begun and not august.entry_late and not august.lock_late
    september = cell(result, "3401", 9)
    assert not september.begun and not september.entry_late


def test_lock_printed_and_rates(world, tmp_path):
    saved_on(world, 8, "2026-08-30 03:00:00")
    office = Office(world.database, world.province)
    office.run(locks.lock_district, district_code="3401", fiscal_year=YEAR, month=8)
    office.run(print_jt2, district_code="3401", fiscal_year=YEAR, month=8, path=tmp_path / "jt2.pdf")
    result = board(world)
    mueang = cell(result, "3401", 8)
    assert mueang.locked_at is not None and mueang.printed_at is not None
    assert mueang.lock_late  # locked today, long after 5 September
    assert not cell(result, "3415", 8).locked_at and cell(result, "3415", 8).lock_late
    rate = next(r for r in result.rates if r.month == 8)
    assert rate.expected == 25 and rate.complete == 2 and rate.on_time == 2 and rate.locked == 1
    assert rate.rate(rate.complete) == 8.0
    with connect(world.database) as con:  # as if it had been locked on the 3rd
        con.execute("UPDATE district_lock SET changed_at = '2026-09-03 03:00:00'")
    assert not cell(board(world), "3401", 8).lock_late


def test_a_district_sees_its_own_row_and_the_department_one_per_province(world):
    mine = board(world, world.mueang)
    assert [r.code for r in mine.rows] == ["3401"]
    department = UserInfo("dept", "department", "00", "", "")
    national = board(world, department)
    assert national.unit_name == "จังหวัด" and len(national.rows) == 77
    # The department sees no month the province has not confirmed.
    assert cell(national, "34", 8).listed == 0
    Office(world.database, world.province).run(locks.lock_province, fiscal_year=YEAR, month=8, incomplete_ok=True)
    assert cell(board(world, department), "34", 8).listed == 4


def test_board_text_marks_each_step(world):
    saved_on(world, 8, "2026-08-30 03:00:00")
    text = board_text(board(world))
    line = next(line for line in text.splitlines() if line.startswith("3401"))
    marks = line.split()[2:]
    assert marks[10] == "E*"  # August: entered in full on time, not locked past the 5th
    assert marks[9] == "E!*"  # July: entered late (today), not locked
    assert marks[11] == ".!*"  # September: nothing entered past the month's end, not locked
    assert "อัตราการรายงาน" in text
    assert "! หลังกำหนด (ทำช้า หรือ . ยังไม่ได้ทำ)" in text  # ".!" reads as the legend says
    long = board_text(replace(board(world), rows=[replace(board(world).rows[0], name="ชื่ออำเภอที่ยาวมาก" * 3)]))
    assert [line.split()[0] for line in long.splitlines() if "…" in line] == ["3401"]  # cut: the months stay in line


def test_a_months_rates_wait_for_its_dates_and_the_due_month_is_named(world):
    """20 August 2569: August's end has not come, July's lock date has passed, nothing is confirmed."""
    result = board(world, today=date(2026, 8, 20))
    rates = {r.month: r for r in result.rates}
    assert rates[8].shown("complete") is None and rates[8].shown("locked") is None  # '–', not '0% (0/25)'
    assert rates[7].shown("complete") == (2, 8.0) and rates[7].shown("locked") == (0, 0.0)
    assert rates[9].shown("on_time") is None
    assert (result.due.fiscal_year, result.due.month) == (YEAR, 10)  # October 2568: the oldest not confirmed
    line = next(line for line in board_text(result).splitlines() if line.strip().startswith("ล็อกแล้ว"))
    assert line.split()[-2:] == ["–", "–"]  # August and September


def test_a_provinces_month_is_due_at_the_department_on_its_confirmation_day_not_before(world):
    """On 5 December the department's board said "ครบกำหนดวันนี้" and counted every province late: a province's
    month reaches the department with its confirmation, due the 5th, so it is late from the 6th; a district's
    month is due at its last day, as before."""
    from datetime import date

    department = UserInfo("dept", "department", "00", "", "")
    on_the_day = cell(board(world, department, today=date(2026, 9, 5)), "34", 8)
    assert on_the_day.entry_due == date(2026, 9, 5) and not on_the_day.entry_late
    assert cell(board(world, department, today=date(2026, 9, 6)), "34", 8).entry_late
    assert cell(board(world, today=date(2026, 9, 5)), "3415", 8).entry_due == date(2026, 8, 31)
