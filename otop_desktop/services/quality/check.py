"""The month's data-quality check of an area (a district, a province, the country), in a fixed handful of
set-based queries whatever the number of rows: the month's rows, each entrepreneur's usual month and channels
over the 12 months before, last month's list, the district's expected entrepreneurs and last year's month;
the rest is one pass over those rows. DHIS2's data quality tools are the model: outliers against a unit's own
history (the median, which the outliers themselves hardly move), completeness, consistency over time."""

from dataclasses import dataclass, replace

from sqlalchemy import String, case, cast, func, select, tuple_
from sqlalchemy.orm import aliased

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.models import District, Entrepreneur, MonthlySale, QualityReview, Tambon
from otop_desktop.services import access
from otop_desktop.services.areas import describe_area
from otop_desktop.services.entry import (
    AMOUNT_FIELDS,
    CHANNEL_FACTOR,
    HISTORY_MONTHS,
    MIN_HISTORY,
    code_range,
    is_unusual_channel,
    usual_month,
)
from otop_desktop.services.locks import DistrictStatus, unlisted_counts
from otop_desktop.services.names import person_names
from otop_desktop.services.periods import check_period
from otop_desktop.services.quality import sentences
from otop_desktop.services.quality.confirmed import with_confirmations
from otop_desktop.services.quality.findings import ORDER, Finding, Kind, QualityCheck, Review
from otop_desktop.services.thai import periods_before, previous_period, sort_key

SWING_PERCENT = 50  # a district's month this far from the same month last year is raised (the officer may choose)
NEW_CHANNEL_SATANG = 1_000_000  # 10,000 baht: a channel's first figure this large is raised, smaller ones are not
PERSISTENT = (Kind.DUPLICATE,)  # findings about the register, not a month: a review holds in later months too


@dataclass(frozen=True)
class _Row:
    """One entrepreneur's month as the check reads it."""

    entrepreneur_id: int
    name: str
    tambon_code: str
    active: bool
    amounts: tuple

    @property
    def total(self) -> int:
        return sum(a or 0 for a in self.amounts)

    @property
    def entered(self) -> bool:
        return any(a is not None for a in self.amounts)


def area_prefix(user: UserInfo, area_code: str | None) -> str:
    """The tambon-code prefix of the area checked: the user's own, or a district (a province at the department)
    the user may see; '' is the whole country."""
    if not area_code or area_code == NATIONAL:
        return "" if user.is_national else user.area_code
    if len(area_code) not in (2, 4) or not area_code.isdigit():
        raise InvalidInput(f"รหัสพื้นที่ต้องเป็นรหัสอำเภอ 4 หลัก หรือรหัสจังหวัด 2 หลัก (ได้รับ {area_code[:12]})")
    access.check(user, access.Action.VIEW, area_code)
    return area_code


def check_month(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    area_code: str | None = None,
    swing_percent: int = SWING_PERCENT,
) -> QualityCheck:
    """The findings of a month in the user's area (or a district of it), checked ones included and marked."""
    check_period(fiscal_year, month)
    if type(swing_percent) is not int or not 1 <= swing_percent <= 1000:
        raise InvalidInput("สัดส่วนการเปลี่ยนแปลงของอำเภอต้องเป็นร้อยละ 1 ถึง 1000")
    prefix = area_prefix(user, area_code)
    findings, rows = month_findings(uow, prefix, fiscal_year, month, swing_percent)
    refusal = access.refusal(user, access.Action.REVIEW_QUALITY) or ""
    name = describe_area(uow=uow, area_code=prefix or NATIONAL)
    return QualityCheck(fiscal_year, month, prefix, name, swing_percent, rows, findings, not refusal, refusal)


def month_findings(uow, prefix: str, fiscal_year: int, month: int, swing_percent: int = SWING_PERCENT):
    """(findings of the area under `prefix`, in district, kind, tambon and Thai name order, with their reviews;
    the month's row count). The caller has checked the period and that the user may see the area."""
    session = uow.session
    rows = _month_rows(session, prefix, fiscal_year, month)
    history = _history(session, prefix, fiscal_year, month)
    districts = dict(
        session.execute(select(District.code, District.name_th).where(District.code.startswith(prefix[:4]))).all()
    )
    tambons = dict(session.execute(select(Tambon.code, Tambon.name_th).where(Tambon.code.startswith(prefix))).all())
    context = sentences.Context(fiscal_year, month, districts, tambons)
    findings = []
    for row in rows:
        findings += _row_findings(context, row, history.get(row.entrepreneur_id))
    findings += _duplicates(context, rows)
    listed = {row.tambon_code[:4] for row in rows}
    findings += [context.missing(*row) for row in _missing(session, prefix, fiscal_year, month) if row[2][:4] in listed]
    findings += _district_findings(session, context, prefix, rows, swing_percent)
    findings = with_confirmations(session, findings, {r.entrepreneur_id: r.amounts for r in rows}, (fiscal_year, month))
    reviews = _reviews(session, prefix, fiscal_year, month)
    people = person_names(session, {review.reviewed_by for review in reviews.values()})
    findings = [_with_review(f, reviews.get(f.key), people) for f in findings]
    findings.sort(key=lambda f: (f.district_code, ORDER[f.kind], f.tambon_name, sort_key(f.entrepreneur_name), f.key))
    return tuple(findings), len(rows)


def _with_review(finding: Finding, review, people: dict[str, str]) -> Finding:
    if review is None:
        return finding
    by_name = people.get(review.reviewed_by, "")
    return replace(finding, review=Review(review.reviewed_by, review.reviewed_at, review.note, by_name))


def _month_rows(session, prefix: str, fiscal_year: int, month: int) -> list[_Row]:
    query = (
        select(
            Entrepreneur.id,
            Entrepreneur.name,
            Entrepreneur.tambon_code,
            Entrepreneur.active,
            *(getattr(MonthlySale, f) for f in AMOUNT_FIELDS),
        )
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(MonthlySale.fiscal_year == fiscal_year, MonthlySale.month == month, code_range(prefix))
    )
    return [_Row(r[0], r[1], r[2], bool(r[3]), tuple(r[4:8])) for r in session.execute(query)]


def _history(session, prefix: str, fiscal_year: int, month: int) -> dict[int, tuple]:
    """Each entrepreneur's 12 months before, in one grouped query: (usual month, largest figure per channel, months
    with figures, each channel's usual month or None where it sold in fewer than three). The usual month is
    entry.usual_month (the median of the months with figures, three at least, the two middle ones' mean
    truncated to satang), taken here from the month totals SQL lists for each entrepreneur, and a channel's the
    same of its own figures: sorting a dozen numbers in Python is quicker than SQLite's window over every row."""
    periods = periods_before(fiscal_year, month, HISTORY_MONTHS)
    total = sum(func.coalesce(getattr(MonthlySale, f), 0) for f in AMOUNT_FIELDS)
    query = (
        select(
            MonthlySale.entrepreneur_id,
            *(func.max(func.coalesce(getattr(MonthlySale, f), 0)) for f in AMOUNT_FIELDS),
            func.aggregate_strings(cast(case((total > 0, total)), String), ","),
            *(_positive_list(getattr(MonthlySale, f)) for f in AMOUNT_FIELDS),
        )
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(code_range(prefix), tuple_(MonthlySale.fiscal_year, MonthlySale.month).in_(periods))
        .group_by(MonthlySale.entrepreneur_id)
    )
    history = {}
    width = len(AMOUNT_FIELDS)
    for entrepreneur_id, *found in session.execute(query):
        largest, totals, channels = found[:width], _numbers(found[width]), found[width + 1 :]
        medians = tuple(usual_month(_numbers(listed)) for listed in channels)
        history[entrepreneur_id] = (usual_month(totals), tuple(largest), len(totals), medians)
    return history


def _positive_list(column):
    """A group's positive figures of a column as one comma-separated text (the median is taken in Python)."""
    return func.aggregate_strings(cast(case((column > 0, column)), String), ",")


def _numbers(listed: str | None) -> list[int]:
    return [int(value) for value in listed.split(",")] if listed else []


def _row_findings(context, row: _Row, history) -> list[Finding]:
    """The findings of one row: against its own history, zeros, and an inactive entrepreneur's figures."""
    found, total = [], row.total
    usual = history[0] if history else None
    if usual and total > 0:
        if total > usual * 10:
            found.append(context.outlier(Kind.OUTLIER_HIGH, row, usual))
        elif total * 10 < usual:
            found.append(context.outlier(Kind.OUTLIER_LOW, row, usual))
        else:
            found += _channel_outliers(context, row, history[3])
    if history is not None and history[2] >= MIN_HISTORY:
        for channel, amount in enumerate(row.amounts):
            if amount and amount >= NEW_CHANNEL_SATANG and not history[1][channel]:
                found.append(context.new_channel(row, channel, amount))
    if all(a == 0 for a in row.amounts):
        found.append(context.all_zero(row))
    if not row.active and total > 0:
        found.append(context.inactive(row))
    return found


def _channel_outliers(context, row: _Row, medians: tuple) -> list[Finding]:
    """The channels far from their own usual month (entry.CHANNEL_FACTOR over, or under a fifth of it), in a month
    whose total looks usual."""
    found = []
    for channel, (amount, usual) in enumerate(zip(row.amounts, medians)):
        if is_unusual_channel(amount, usual):  # the entry grid's save asks about the same (entry.CHANNEL_FACTOR)
            found.append(context.channel_outlier(Kind.OUTLIER_HIGH, row, channel, usual))
        elif amount and usual and amount * CHANNEL_FACTOR < usual:
            found.append(context.channel_outlier(Kind.OUTLIER_LOW, row, channel, usual))
    return found


def _duplicates(context, rows: list[_Row]) -> list[Finding]:
    """One finding per name listed more than once in a tambon (spaces aside: Thai is typed with and without)."""
    groups: dict[tuple[str, str], list[_Row]] = {}
    for row in rows:
        groups.setdefault((row.tambon_code, "".join(row.name.split())), []).append(row)
    return [
        context.duplicate(sorted(same, key=lambda r: r.entrepreneur_id)) for same in groups.values() if len(same) > 1
    ]


def _missing(session, prefix: str, fiscal_year: int, month: int) -> list[tuple]:
    """Active entrepreneurs on last month's list and not on this month's: (id, name, tambon)."""
    before, now = aliased(MonthlySale), aliased(MonthlySale)
    last_year, last_month = previous_period(fiscal_year, month)
    listed_now = select(now.entrepreneur_id).where(
        now.entrepreneur_id == before.entrepreneur_id, now.fiscal_year == fiscal_year, now.month == month
    )
    query = (
        select(Entrepreneur.id, Entrepreneur.name, Entrepreneur.tambon_code)
        .join(before, before.entrepreneur_id == Entrepreneur.id)
        .where(
            before.fiscal_year == last_year,
            before.month == last_month,
            code_range(prefix),
            Entrepreneur.active,
            ~listed_now.exists(),
        )
    )
    return [tuple(r) for r in session.execute(query)]


def _district_totals(session, prefix: str, fiscal_year: int, month: int) -> dict[str, int]:
    district = func.substr(Entrepreneur.tambon_code, 1, 4)
    total = sum(func.coalesce(getattr(MonthlySale, f), 0) for f in AMOUNT_FIELDS)
    query = (
        select(district, func.sum(total))
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(MonthlySale.fiscal_year == fiscal_year, MonthlySale.month == month, code_range(prefix))
        .group_by(district)
    )
    return {code: int(value or 0) for code, value in session.execute(query)}


def _district_findings(session, context, prefix: str, rows: list[_Row], swing_percent: int) -> list[Finding]:
    """Districts with nothing or part entered (as the lock tab marks them), and months far from last year's."""
    listed: dict[str, list[int]] = {}
    for row in rows:
        counts = listed.setdefault(row.tambon_code[:4], [0, 0, 0])
        counts[0] += 1
        counts[1] += row.entered
        counts[2] += row.total
    unlisted = unlisted_counts(session, prefix, context.fiscal_year, context.month)
    last_year = _district_totals(session, prefix, context.fiscal_year - 1, context.month)
    found = []
    for code in sorted(set(context.districts) & (set(listed) | set(unlisted))):
        count, entered, total = listed.get(code, (0, 0, 0))
        status = DistrictStatus(code, context.districts[code], None, count, entered, None, None, unlisted.get(code, 0))
        if status.missing:
            found.append(context.incomplete(status))
        before = last_year.get(code, 0)
        if entered and before and abs(total - before) * 100 > swing_percent * before:
            found.append(context.swing(code, total, before, partly_entered=total < before and status.missing > 0))
    return found


def _reviews(session, prefix: str, fiscal_year: int, month: int) -> dict[str, QualityReview]:
    this_month = (QualityReview.fiscal_year == fiscal_year) & (QualityReview.month == month)
    lasting = QualityReview.kind.in_([kind.value for kind in PERSISTENT])
    query = select(QualityReview).where(QualityReview.area_code.startswith(prefix[:4]), this_month | lasting)
    return {review.finding_key: review for review in session.scalars(query)}
