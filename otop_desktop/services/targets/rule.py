"""KPI targets: the year's rule (base year, adjustment factor, three tiers), each district's targets for
round 1 (October-March, half the adjusted base) and round 2 (the whole year), and achievement.

Rounding: every figure is rounded to whole baht, half up, at each step, as the printed tables are."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import func, select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import UserInfo
from otop_desktop.models import District, DistrictBase, Entrepreneur, MonthlySale, PrintedTarget, TargetSettings
from otop_desktop.services import access
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.entry import AMOUNT_FIELDS
from otop_desktop.services.periods import check_period
from otop_desktop.services.targets.achievement import (  # achievement_of and the names kept here for callers
    ROUND_MONTHS,
    TIER_NAMES,
    Achievement,
    achievement_of,
    ended_months,
)
from otop_desktop.services.thai import (
    FISCAL_MONTHS,
    fiscal_year_of,
    format_thai_date,
    last_day,
    months_text,
    now_utc,
    today_in_thailand,
)

DEFAULT_FACTOR, DEFAULT_PERCENTS = Decimal("0.926"), (Decimal(2), Decimal(3), Decimal(5))


@dataclass(frozen=True)
class Settings:
    """The rule of a fiscal year."""

    fiscal_year: int
    base_year: int
    factor: Decimal
    percents: tuple[Decimal, Decimal, Decimal]
    saved: bool  # False while these are the defaults, never saved


@dataclass(frozen=True)
class RoundFigures:
    """Adjusted base, the round's base and its three tiers, in satang (whole baht)."""

    adjusted: int
    round_base: int
    basic: int
    standard: int
    high: int

    @property
    def tiers(self) -> tuple[int, int, int]:
        """ขั้นต้น, ขั้นมาตรฐาน, ขั้นสูง."""
        return self.basic, self.standard, self.high


@dataclass(frozen=True)
class TargetLine:
    """One district's row of the targets table (or the รวม row)."""

    district_code: str
    district_name: str
    base: int | None
    base_source: str | None
    figures: RoundFigures | None
    printed: bool  # figures are the printed table's, kept by the officer's choice
    achievement: Achievement | None
    actual: int = 0  # the round's sales so far, shown even before there are targets
    base_now: int | None = None  # for a base computed from data that has changed since: what the data says now

    @property
    def base_stale(self) -> bool:
        """Whether the base was computed from the base year's sales and they have changed since (an import, a
        correction)."""
        return self.base_now is not None


@dataclass(frozen=True)
class TargetTable:
    """The targets of a province for a fiscal year and round, with the total row (a district's table: its
    own row, and no total of the province)."""

    settings: Settings
    round_no: int
    lines: tuple[TargetLine, ...]
    total: TargetLine | None  # over the districts with targets only, so its tiers and its actual match
    covered: int = 0  # districts with targets
    district_count: int = 0
    pace_words: str = ""  # while the round runs, which months the rows are paced by (_Pace.words)

    @property
    def numbered(self) -> list[tuple[str, TargetLine]]:
        """The rows as shown and printed: each district's line numbered, then the total row (if any) unnumbered."""
        return [(str(n), line) for n, line in enumerate(self.lines, 1)] + ([("", self.total)] if self.total else [])

    @property
    def stale(self) -> tuple[TargetLine, ...]:
        """Districts whose base, computed from data, no longer matches the base year's sales."""
        return tuple(line for line in self.lines if line.base_stale)


def _baht(value: Decimal) -> int:
    """Satang, rounded to whole baht half up."""
    return int((value / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * 100


def exact_round(base: int, settings: Settings, round_no: int) -> dict[str, Decimal]:
    """The rule without rounding, in satang: adjusted = base × factor; round 1 takes half of it,
    round 2 all; each tier adds its percent to the round's base."""
    adjusted = Decimal(base) * settings.factor
    round_base = adjusted / 2 if round_no == 1 else adjusted
    tiers = [round_base * (100 + pct) / 100 for pct in settings.percents]
    return dict(zip(("adjusted", "round_base", "basic", "standard", "high"), (adjusted, round_base, *tiers)))


def compute_round(base: int, settings: Settings, round_no: int) -> RoundFigures:
    """The rule, each step rounded to whole baht half up before the next."""
    adjusted = _baht(Decimal(base) * settings.factor)
    round_base = _baht(Decimal(adjusted) / 2) if round_no == 1 else adjusted
    tiers = [_baht(Decimal(round_base) * (100 + pct) / 100) for pct in settings.percents]
    return RoundFigures(adjusted, round_base, *tiers)


def parse_decimal(text: str, what: str) -> Decimal:
    """A factor or percentage typed by an officer, as an exact Decimal."""
    try:
        value = Decimal(str(text).strip().replace(",", ""))
    except InvalidOperation:
        raise InvalidInput(f"{what}: “{text}” ไม่ใช่ตัวเลข") from None
    if not value.is_finite() or value < 0:
        raise InvalidInput(f"{what}: ต้องเป็นตัวเลขไม่ติดลบ")
    return value


def get_settings(*, uow, user: UserInfo, fiscal_year: int) -> Settings:
    """The year's rule, or the letter's defaults (factor 0.926; +2 %, +3 %, +5 %) if never saved."""
    check_period(fiscal_year)
    row = uow.session.get(TargetSettings, (user.province_code, fiscal_year))
    if row is None:
        return Settings(fiscal_year, fiscal_year - 1, DEFAULT_FACTOR, DEFAULT_PERCENTS, False)
    percents = tuple(Decimal(p) for p in (row.basic_pct, row.standard_pct, row.high_pct))
    return Settings(fiscal_year, row.base_year, Decimal(row.factor), percents, True)


def _check_manager(user: UserInfo) -> None:
    access.check(user, access.Action.SET_TARGETS)


def save_settings(*, uow, user: UserInfo, fiscal_year: int, base_year: int, factor, percents) -> Settings:
    """Save the year's rule (province users): factor between 0 and 2, percentages below 100, rising."""
    _check_manager(user)
    check_period(fiscal_year)
    check_period(base_year)
    factor = parse_decimal(factor, "ตัวปรับลด")
    percents = tuple(parse_decimal(p, f"ร้อยละ{name}") for p, name in zip(percents, TIER_NAMES))
    if not 0 < factor <= 2:
        raise InvalidInput("ตัวปรับลดต้องมากกว่า 0 และไม่เกิน 2 (เช่น 0.926)")
    if any(p >= 100 for p in percents) or list(percents) != sorted(percents):
        raise InvalidInput("ร้อยละของขั้นต้น ขั้นมาตรฐาน และขั้นสูง ต้องน้อยกว่า 100 และเรียงจากน้อยไปมาก")
    if not fiscal_year - 10 <= base_year < fiscal_year:
        raise InvalidInput(f"ปีฐานต้องเป็นปีก่อนปีงบประมาณ {fiscal_year} (ไม่เกิน 10 ปี)")
    row = uow.session.get(TargetSettings, (user.province_code, fiscal_year))
    old = None if row is None else f"{row.base_year} {row.factor} {row.basic_pct}/{row.standard_pct}/{row.high_pct}"
    if row is None:
        row = TargetSettings(province_code=user.province_code, fiscal_year=fiscal_year)
        uow.session.add(row)
    row.base_year, row.factor = base_year, str(factor)
    row.basic_pct, row.standard_pct, row.high_pct = (str(p) for p in percents)
    row.changed_by, row.changed_at = user.username, now_utc()
    record(
        uow.session,
        [
            AuditNote(
                username=user.username,
                action="save",
                entity="target_settings",
                entity_key=f"{user.province_code}/{fiscal_year}",
                field="rule",
                old_value=old,
                new_value=f"{base_year} {factor} {'/'.join(str(p) for p in percents)}",
            )
        ],
    )
    uow.note(touched(Kind.TARGETS, fiscal_year=fiscal_year))
    uow.commit()
    return Settings(fiscal_year, base_year, factor, percents, True)


def _district_sums(session, province_code: str, fiscal_year: int, months) -> dict[str, int]:
    """Per district: sales of the months in satang."""
    district = func.substr(Entrepreneur.tambon_code, 1, 4)
    total = sum(func.coalesce(getattr(MonthlySale, f), 0) for f in AMOUNT_FIELDS)
    query = (
        select(district, func.sum(total))
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(
            MonthlySale.fiscal_year == fiscal_year,
            MonthlySale.month.in_(months),
            Entrepreneur.tambon_code.startswith(province_code),
        )
        .group_by(district)
    )
    return {code: int(amount or 0) for code, amount in session.execute(query)}


@dataclass(frozen=True)
class _Pace:
    """The round's months that have ended and each district's sales in them: what a row is paced by."""

    round_no: int
    ended: tuple[int, ...]
    sums: dict[str, int]

    @property
    def words(self) -> str:
        """'ระหว่างรอบ เทียบยอดของ 2/6 เดือนที่พ้นกำหนดยืนยันแล้ว (ต.ค. พ.ย.) กับค่าเป้าหมายตามสัดส่วน', '' outside a
        round."""
        months = len(ROUND_MONTHS[self.round_no])
        if not 0 < len(self.ended) < months:
            return ""
        ended = f"{len(self.ended)}/{months} เดือนที่พ้นกำหนดยืนยันแล้ว ({months_text(self.ended)})"
        # The actual sales beside it count every month entered, the running one too: say so, or the two disagree.
        return f"ระหว่างรอบ เทียบยอดของ {ended} กับค่าเป้าหมายตามสัดส่วน (ช่องยอดจำหน่ายจริงนับทุกเดือนที่กรอกแล้ว)"

    def of(self, figures: RoundFigures, actual: int, codes) -> Achievement:
        """The achievement of the districts `codes` (one, or those of the total row)."""
        ended_actual = sum(self.sums.get(code, 0) for code in codes)
        return achievement_of(figures, actual, self.round_no, ended=self.ended, ended_actual=ended_actual)


def _pace(session, province_code: str, fiscal_year: int, round_no: int, today: date, sums) -> _Pace:
    ended = ended_months(fiscal_year, round_no, today)
    if len(ended) == len(ROUND_MONTHS[round_no]):
        return _Pace(round_no, ended, sums)
    return _Pace(round_no, ended, _district_sums(session, province_code, fiscal_year, ended) if ended else {})


def _figures(code, settings, round_no, bases, printed) -> tuple[RoundFigures | None, bool]:
    if code in printed:
        row = printed[code]
        return RoundFigures(row.adjusted, row.round_base, row.basic, row.standard, row.high), True
    if code in bases:
        return compute_round(bases[code].base_satang, settings, round_no), False
    return None, False


def target_table(*, uow, user: UserInfo, fiscal_year: int, round_no: int, today: date | None = None) -> TargetTable:
    """Targets and achievement of every district (a district user: its own row) and the province total, paced
    while the round runs by the months that have ended on `today` (Thailand's date by default)."""
    check_period(fiscal_year)
    if round_no not in ROUND_MONTHS:
        raise InvalidInput("รอบการประเมินต้องเป็น 1 หรือ 2")
    session = uow.session
    settings = get_settings(uow=uow, user=user, fiscal_year=fiscal_year)
    districts = session.execute(
        select(District.code, District.name_th)
        .where(District.province_code == user.province_code)
        .order_by(District.code)
    ).all()
    bases = {
        row.district_code: row
        for row in session.scalars(
            select(DistrictBase).where(
                DistrictBase.fiscal_year == fiscal_year, DistrictBase.district_code.startswith(user.province_code)
            )
        )
    }
    printed = {
        row.district_code: row
        for row in session.scalars(
            select(PrintedTarget).where(
                PrintedTarget.fiscal_year == fiscal_year,
                PrintedTarget.round_no == round_no,
                PrintedTarget.district_code.startswith(user.province_code),
            )
        )
    }
    sums = _district_sums(session, user.province_code, fiscal_year, ROUND_MONTHS[round_no])
    pace = _pace(session, user.province_code, fiscal_year, round_no, today or today_in_thailand(), sums)
    from_data = any(row.source == "data" for row in bases.values())
    base_year = _district_sums(session, user.province_code, settings.base_year, FISCAL_MONTHS) if from_data else {}
    lines = []
    for code, name in districts:
        figures, is_printed = _figures(code, settings, round_no, bases, printed)
        actual = sums.get(code, 0)
        base = bases.get(code)
        now = base_year.get(code, 0)
        stale = base is not None and base.source == "data" and code not in printed and now != base.base_satang
        lines.append(
            TargetLine(
                code,
                name,
                base and base.base_satang,
                base and base.source,
                figures,
                is_printed,
                figures and pace.of(figures, actual, [code]),
                actual,
                now if stale else None,
            )
        )
    if user.district_code is not None:  # its own row only: the province's sums are not a district's to see
        lines = [line for line in lines if line.district_code == user.district_code]
        total = None
    else:
        total = _total_line(lines, sums, pace)
    covered = sum(1 for line in lines if line.figures)
    return TargetTable(settings, round_no, tuple(lines), total, covered, len(lines), pace.words)


def _total_line(lines: list[TargetLine], sums, pace: _Pace) -> TargetLine:
    """The รวม row: every column summed over the same districts, those with targets, and named so when
    that is not the whole province ('รวม 1 จาก 25 อำเภอที่มีเป้าหมาย'). With no targets at all it
    sums the actual sales of the province."""
    with_figures = [line for line in lines if line.figures]
    if not with_figures:
        return TargetLine("", "รวม", None, None, None, False, None, sum(sums.values()))
    name = "รวม" if len(with_figures) == len(lines) else f"รวม {len(with_figures)} จาก {len(lines)} อำเภอที่มีเป้าหมาย"
    bases = [line.base for line in with_figures if line.base is not None]
    figures = RoundFigures(
        *(
            sum(getattr(line.figures, f) for line in with_figures)
            for f in ("adjusted", "round_base", "basic", "standard", "high")
        )
    )
    covered = {line.district_code for line in with_figures}
    actual = sum(amount for code, amount in sums.items() if code in covered)
    return TargetLine(
        "",
        name,
        sum(bases) if bases else None,
        None,
        figures,
        any(line.printed for line in lines),
        pace.of(figures, actual, covered),
        actual,
    )


def save_base(
    *, uow, user: UserInfo, fiscal_year: int, district_code: str, base_satang: int, source: str = "entered"
) -> None:
    """Set one district's base-year sales for the year's targets, and commit."""
    _save_base(uow, user, fiscal_year, district_code, base_satang, source)
    uow.commit()


def _save_base(uow, user: UserInfo, fiscal_year: int, district_code: str, base_satang: int, source: str) -> None:
    check_period(fiscal_year)
    _check_manager(user)
    if district_code[:2] != user.province_code or uow.session.get(District, district_code) is None:
        raise InvalidInput(f"ไม่พบอำเภอรหัส {district_code} ในจังหวัดของท่าน")
    if base_satang is None or base_satang < 0:
        raise InvalidInput("ยอดจำหน่ายปีฐานต้องเป็นจำนวนเงินไม่ติดลบ")
    row = uow.session.get(DistrictBase, (district_code, fiscal_year))
    old = None if row is None else str(row.base_satang)
    if row is None:
        row = DistrictBase(district_code=district_code, fiscal_year=fiscal_year)
        uow.session.add(row)
    row.base_satang, row.source, row.changed_by, row.changed_at = base_satang, source, user.username, now_utc()
    uow.note(touched(Kind.TARGETS, fiscal_year=fiscal_year, districts={district_code}))
    record(
        uow.session,
        [
            AuditNote(
                username=user.username,
                action="save",
                entity="district_base",
                entity_key=f"{district_code}/{fiscal_year}",
                field="base_satang",
                old_value=old,
                new_value=str(base_satang),
                note=source,
            )
        ],
    )


def bases_from_data(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    replace_printed: bool = False,
    replace_entered: bool = False,
    today: date | None = None,
) -> dict[str, int]:
    """Take every district's base from the program's own sales of the base year, which must have ended (a year
    still running would give targets a fraction of a year's); returns what it set. As a typed base does, it
    replaces the printed figures kept for those districts, and it replaces bases the officer typed that the data
    does not give: each only once the officer has been asked and agreed (`replace_printed`, `replace_entered`),
    as a lock of an incomplete month waits for `incomplete_ok`."""
    _check_manager(user)
    settings = get_settings(uow=uow, user=user, fiscal_year=fiscal_year)
    if fiscal_year_of(today or today_in_thailand()) <= settings.base_year:
        raise InvalidInput(
            f"ปีฐาน {settings.base_year} ยังไม่สิ้นปีงบประมาณ (สิ้นสุด {format_thai_date(last_day(settings.base_year, 9))})"
            " ยอดจำหน่ายในโปรแกรมยังไม่ครบปี จึงยังคำนวณยอดปีฐานจากข้อมูลไม่ได้"
            " กรุณากรอกยอดปีฐานเอง หรือนำเข้าตารางค่าเป้าหมายที่พิมพ์ไว้"
        )
    sums = _district_sums(uow.session, user.province_code, settings.base_year, FISCAL_MONTHS)
    if not sums:
        raise InvalidInput(
            f"ไม่มีข้อมูลยอดจำหน่ายของปีฐาน {settings.base_year} ในโปรแกรม กรุณากรอกยอดปีฐานเอง หรือนำเข้าตารางค่าเป้าหมาย"
        )
    kept = _printed_kept(uow.session, user.province_code, fiscal_year)
    if kept and not replace_printed:
        raise InvalidInput(
            f"มีค่าเป้าหมายที่นำเข้าจากตารางที่พิมพ์ไว้ {kept} อำเภอ การคำนวณจะแทนที่ค่าเหล่านั้นด้วยค่าที่คำนวณตามหลักเกณฑ์"
            " หากต้องการ กรุณายืนยัน"
        )
    typed = _typed_otherwise(uow.session, fiscal_year, sums)
    if typed and not replace_entered:
        raise InvalidInput(
            f"ยอดปีฐานที่กรอกเองไว้ {len(typed)} อำเภอ ({', '.join(typed[:5])}{' …' if len(typed) > 5 else ''})"
            " ต่างจากยอดจำหน่ายในโปรแกรม การคำนวณจะแทนที่ยอดที่กรอกไว้ด้วยยอดจากข้อมูล หากต้องการ กรุณายืนยัน"
        )
    for code, amount in sorted(sums.items()):
        _save_base(uow, user, fiscal_year, code, amount, "data")
        _drop_printed(uow.session, fiscal_year, code)
    uow.commit()
    return dict(sums)


def _typed_otherwise(session, fiscal_year: int, sums: dict[str, int]) -> list[str]:
    """The names of the districts whose base the officer typed and the base year's sales do not give."""
    query = (
        select(District.name_th, DistrictBase.base_satang, DistrictBase.district_code)
        .join(District, District.code == DistrictBase.district_code)
        .where(DistrictBase.fiscal_year == fiscal_year, DistrictBase.source == "entered")
        .order_by(DistrictBase.district_code)
    )
    return [name for name, base, code in session.execute(query) if code in sums and sums[code] != base]


def last_changed(*, uow, user: UserInfo, fiscal_year: int) -> datetime | None:
    """When the year's bases were last changed, for 'ข้อมูล ณ วันที่'."""
    check_period(fiscal_year)
    return uow.session.scalar(
        select(func.max(DistrictBase.changed_at)).where(
            DistrictBase.fiscal_year == fiscal_year, DistrictBase.district_code.startswith(user.province_code)
        )
    )


def enter_base(*, uow, user: UserInfo, fiscal_year: int, district_code: str, base_satang: int) -> None:
    """An officer types a district's base-year sales; it replaces any printed figures kept for the year."""
    _save_base(uow, user, fiscal_year, district_code, base_satang, "entered")
    _drop_printed(uow.session, fiscal_year, district_code)
    uow.commit()


def _printed_kept(session, province_code: str, fiscal_year: int) -> int:
    """How many districts of the province keep printed figures for the year."""
    return session.scalar(
        select(func.count(func.distinct(PrintedTarget.district_code))).where(
            PrintedTarget.fiscal_year == fiscal_year, PrintedTarget.district_code.startswith(province_code)
        )
    )


def _drop_printed(session, fiscal_year: int, district_code: str) -> None:
    """Forget the printed figures kept for a district's year: a base set anew makes its targets by the rule."""
    for kept in session.scalars(
        select(PrintedTarget).where(
            PrintedTarget.district_code == district_code, PrintedTarget.fiscal_year == fiscal_year
        )
    ):
        session.delete(kept)
