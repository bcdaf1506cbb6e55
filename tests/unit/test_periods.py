"""One check of a fiscal year, month and quarter (services/periods.py): its ranges, and, read over the code,
every public service taking a period goes through it."""

import ast
import re
from pathlib import Path

import pytest

from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.periods import check_period

ROOT = Path(__file__).resolve().parents[2] / "otop_desktop"
PERIOD = {"fiscal_year", "month", "months", "quarter"}
# Public functions that take a period but store and read nothing: calendar arithmetic and labels of a period
# a checked service already holds. None of them is run as a service (test below).
PURE = {
    "thai.*",
    "changes.touched",
    "targets.workbook.round_period",
    "forms.verify.figures_digest",
    "forms.jt2.quarter_months",
    "audit.sale_key",
    "audit.sale_key_prefix",
    "exchange.export.sent_words",  # what a file just written holds, in words
    "evidence.register.period_name",
    "exchange.agreement.well_formed",  # a receipt's figures against the months its verified manifest names
}


def _functions() -> dict[str, tuple[ast.FunctionDef, set[str]]]:
    """'module.function' → (its definition, the names it calls), for every function of services/."""
    found = {}
    for path in (ROOT / "services").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT / "services").with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                calls = {
                    call.func.id if isinstance(call.func, ast.Name) else call.func.attr
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call) and isinstance(call.func, (ast.Name, ast.Attribute))
                }
                found[f"{module}.{node.name}"] = (node, calls)
    return found


def _checked(functions) -> set[str]:
    """The functions that call check_period, or (to any depth) a function that does."""
    checked = {"periods.check_period"} | {name for name, (_, calls) in functions.items() if "check_period" in calls}
    while True:
        names = {name.rsplit(".", 1)[1] for name in checked}
        more = {name for name, (_, calls) in functions.items() if calls & names} - checked
        if not more:
            return checked
        checked |= more


def _pure(name: str) -> bool:
    return name in PURE or f"{name.split('.')[0]}.*" in PURE


def test_every_public_service_taking_a_period_goes_through_the_one_check():
    functions = _functions()
    checked = _checked(functions)
    offenders = [
        name
        for name, (node, _) in functions.items()
        if not node.name.startswith("_")
        and not _pure(name)
        and name not in checked
        and PERIOD & {a.arg for a in [*node.args.args, *node.args.kwonlyargs]}
    ]
    assert not offenders, offenders
    assert {
        "locks.lock_district",
        "forms.forecast.save_forecast",
        "reports.roadmap.roadmap_board",
        "reports.writers.save_export",
        "exchange.receipts.write_receipt",
    } <= checked


def test_the_pure_period_helpers_are_never_run_as_a_service():
    helpers = {name.rsplit(".", 1)[1] for name in _functions() if _pure(name)}
    callers = [*ROOT.glob("ui/*.py"), *ROOT.glob("cli*.py")]
    offenders = [
        f"{path.name}: {found}"
        for path in callers
        for found in re.findall(r"\.(?:run|query)\((?:[\w.]+\.)?(\w+)", path.read_text(encoding="utf-8"))
        if found in helpers
    ]
    assert not offenders, offenders


def test_no_other_range_of_months_years_or_quarters():
    """The ranges are written once: no other module compares a month, year or quarter with its bounds."""
    pattern = re.compile(
        r"(month|quarter)s? not in (FISCAL_MONTHS|\(1, 2, 3, 4\))|FISCAL_YEAR\b|\b2500\b|\b2700\b"
        r"|1 <= (month|m) <= 12"
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "services").rglob("*.py")
        if path.name not in ("periods.py", "fileformat.py")  # a file's manifest is refused as a bad file
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not offenders, offenders


@pytest.mark.parametrize("year", [0, -7, 1999, 2499, 2701, 99999, True, "2569", 2569.0])
def test_a_year_outside_the_buddhist_era_range_is_refused_in_thai(year):
    with pytest.raises(InvalidInput, match="ปีงบประมาณต้องเป็นปี พ.ศ. 2500 ถึง 2700"):
        check_period(year)


def test_a_christian_era_year_is_said_as_such_with_its_buddhist_era_year():
    with pytest.raises(InvalidInput) as refused:
        check_period(2026)
    assert refused.value.message.endswith("ปีที่ใส่ (2026) เป็นปี ค.ศ. ซึ่งตรงกับ พ.ศ. 2569"), refused.value.message
    with pytest.raises(InvalidInput) as refused:
        check_period(1800)
    assert "ค.ศ." not in refused.value.message and "ที่ใส่มาคือ 1800" in refused.value.message


@pytest.mark.parametrize("month", [0, 13, -1, True, "1"])
def test_a_month_outside_one_to_twelve_is_refused_in_thai(month):
    with pytest.raises(InvalidInput, match="เดือนต้องเป็นตัวเลข 1 ถึง 12"):
        check_period(2569, month)
    with pytest.raises(InvalidInput, match="เดือนต้องเป็นตัวเลข 1 ถึง 12"):
        check_period(2569, months=[10, month])


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_a_quarter_outside_one_to_four_is_refused_in_thai(quarter):
    with pytest.raises(InvalidInput, match="ไตรมาสต้องเป็น 1 ถึง 4"):
        check_period(2569, quarter=quarter)


def test_the_edges_of_the_ranges_are_taken():
    for year, month, quarter in ((2500, 1, 1), (2700, 12, 4), (2569, 10, None)):
        check_period(year, month, months=(month,), quarter=quarter)


def test_the_months_ended_are_those_whose_last_day_has_gone():
    """What the send page ticks: on 1 November a fiscal year has one month ended, October; on 5 December,
    November's due day, December still runs and is not sent; the year before has all twelve."""
    from datetime import date

    from otop_desktop.services.periods import months_ended

    assert months_ended(2570, date(2026, 11, 1)) == (10,)
    assert months_ended(2570, date(2026, 10, 31)) == ()
    assert months_ended(2570, date(2026, 12, 5)) == (10, 11)
    assert months_ended(2569, date(2026, 10, 1)) == (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
    assert months_ended(2569, date(2026, 8, 20))[-1] == 7
