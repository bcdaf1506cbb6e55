"""Which month is due and how urgent (services/deadlines.py): the one rule the lock tab, the dashboard and the
roadmap board share."""

from datetime import date

from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.services import locks
from otop_desktop.services.deadlines import (
    Urgency,
    due_month,
    month_deadline,
    printing_month_start,
    reporting_month_start,
)
from otop_desktop.services.office import Office

DEC_4 = date(2026, 12, 4)  # fiscal 2570: October 2569 confirmed or not, November due tomorrow


def due(world, user, today=DEC_4):
    return Office(world.database, user).run(due_month, today=today).result


def lock_province(world, year, month):
    Office(world.database, world.province).run(locks.lock_province, fiscal_year=year, month=month, incomplete_ok=True)


def test_orange_from_three_days_before_red_once_late():
    def urgency(today, confirmed=False):
        return month_deadline(2570, 11, today=today, confirmed=confirmed).urgency  # due 5 December 2569

    assert urgency(date(2026, 12, 1)) is Urgency.CALM
    assert [urgency(date(2026, 12, d)) for d in (2, 4, 5)] == [Urgency.SOON] * 3
    assert urgency(date(2026, 12, 6)) is Urgency.LATE
    assert urgency(date(2026, 12, 6), confirmed=True) is Urgency.CONFIRMED
    assert month_deadline(2570, 11, today=DEC_4).words == "กำหนดยืนยันข้อมูล 5 ธันวาคม 2569 (อีก 1 วัน)"


def test_the_due_month_is_the_first_deadline_not_yet_confirmed(world):
    assert (due(world, world.province).month, due(world, world.province).urgency) == (10, Urgency.LATE)
    lock_province(world, 2570, 10)
    november = due(world, world.province)
    assert (november.fiscal_year, november.month, november.days_left) == (2570, 11, 1)
    assert november.urgency is Urgency.SOON and november.label == "พฤศจิกายน 2569"
    lock_province(world, 2570, 11)
    assert (due(world, world.province).month, due(world, world.province).urgency) == (12, Urgency.CALM)


def test_a_district_user_is_due_by_its_own_districts_lock(world):
    Office(world.database, world.province).run(
        locks.lock_district,
        district_code="3401",
        fiscal_year=2570,
        month=10,
        incomplete_ok=True,  # nothing entered
    )
    assert due(world, world.mueang).month == 11 and due(world, world.warin).month == 10


def test_last_month_of_the_previous_fiscal_year_is_due_in_october(world):
    september = due(world, world.province, today=date(2026, 10, 3))
    assert (september.fiscal_year, september.month, september.urgency) == (2569, 9, Urgency.SOON)
    assert due(world, world.province, today=date(2026, 10, 8)).month == 9  # late, still the one to confirm
    lock_province(world, 2569, 9)
    october = due(world, world.province, today=date(2026, 10, 8))
    assert (october.fiscal_year, october.month, october.urgency) == (2570, 10, Urgency.CALM)


def test_the_department_looks_at_the_first_deadline_not_passed(world):
    department = UserInfo("dept", "department", NATIONAL, "", "")
    assert due(world, department).month == 11
    assert due(world, department, today=date(2026, 12, 6)).month == 12


def test_the_month_being_reported_is_last_month_until_its_deadline():
    """The entry and report tabs open on it: on the 5th an office still finishes and prints November."""
    assert reporting_month_start(date(2026, 12, 5)) == date(2026, 11, 1)
    assert reporting_month_start(date(2026, 12, 6)) == date(2026, 12, 1)
    assert reporting_month_start(date(2026, 10, 1)) == date(2026, 9, 1)  # September: the fiscal year before
    assert reporting_month_start(date(2027, 1, 31)) == date(2027, 1, 1)


def test_the_reports_tab_opens_on_the_latest_month_a_form_can_certify():
    """A month prints from its last day (periods.check_month_at_end): the reports tab opens on it then, and on the
    month before until then (it opened on December on 6 December, whose print is refused)."""
    assert printing_month_start(date(2026, 12, 6)) == date(2026, 11, 1)
    assert printing_month_start(date(2026, 12, 30)) == date(2026, 11, 1)
    assert printing_month_start(date(2026, 12, 31)) == date(2026, 12, 1)
    assert printing_month_start(date(2026, 10, 1)) == date(2026, 9, 1)  # September: the fiscal year before
    assert printing_month_start(date(2027, 2, 28)) == date(2027, 2, 1)
