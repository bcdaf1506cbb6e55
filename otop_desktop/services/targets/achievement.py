"""Achievement of a round's targets: the tier reached, the gap to the next, what is still needed each month,
and, while the round runs, the tier reached against the share of the targets of the months that have ended
(Thailand's date): one district saving a month early cannot swing a province's row."""

from dataclasses import dataclass
from datetime import date

from otop_desktop.services.deadlines import deadline_of
from otop_desktop.services.periods import check_period
from otop_desktop.services.thai import FISCAL_MONTHS, months_text

TIER_NAMES = ("ขั้นต้น", "ขั้นมาตรฐาน", "ขั้นสูง")
ROUND_MONTHS = {1: FISCAL_MONTHS[:6], 2: FISCAL_MONTHS}  # round 2 is judged on the whole year


@dataclass(frozen=True)
class Achievement:
    """Actual sales of the round against its tiers.

    While the round runs, the sales of the months past their confirmation deadline are compared with the same
    share of each tier (`pace_tier`): two months of six against a third of the target, so a district is not red in its
    second month only because four months are still to come."""

    actual: int
    tier_reached: int  # 0 none, 1 ขั้นต้น, 2 ขั้นมาตรฐาน, 3 ขั้นสูง: against the whole round's tiers
    gap_to_next: int | None  # satang still needed for the next tier; None when the top one is reached
    remaining_months: int
    monthly_needed: tuple[int | None, int | None, int | None]  # per tier; 0 reached; None: round over
    elapsed_months: int = 0  # months of the round that have ended
    round_months: int = 6
    pace_tier: int = 0  # tier reached by the ended months' sales against the tiers pro-rated to them
    ended_text: str = ""  # the ended months by their short names, 'ต.ค. พ.ย.'

    @property
    def round_over(self) -> bool:
        """Whether every month of the round has ended, so the tier reached is final."""
        return self.remaining_months == 0

    @property
    def shown_tier(self) -> int:
        """The tier the row is coloured by: the final one, or the pro-rated one while the round runs."""
        return self.tier_reached if self.round_over else self.pace_tier

    @property
    def tier_name(self) -> str:
        """The tier reached, in Thai; while the round runs, the pro-rated tier and which months it is over."""
        if self.round_over:
            return TIER_NAMES[self.tier_reached - 1] if self.tier_reached else "ยังไม่ถึงขั้นต้น"
        if self.tier_reached and self.tier_reached == self.pace_tier:
            return TIER_NAMES[self.tier_reached - 1]  # already reached for the whole round
        if not self.elapsed_months:
            return "ยังไม่มีเดือนของรอบที่พ้นกำหนดยืนยัน"
        name = TIER_NAMES[self.pace_tier - 1] if self.pace_tier else "ต่ำกว่าขั้นต้น"
        return f"{name} (สัดส่วน {self.elapsed_months}/{self.round_months} เดือน: {self.ended_text})"


def ended_months(fiscal_year: int, round_no: int, today: date) -> tuple[int, ...]:
    """The round's months whose confirmation deadline (the 5th of the month after) has passed on `today`
    (Thailand's date): until then a month's figures are still coming in, and on 1–5 December counting
    November had every district read below its tier."""
    check_period(fiscal_year)
    return tuple(m for m in ROUND_MONTHS[round_no] if deadline_of(fiscal_year, m) < today)


def achievement_of(
    figures, actual: int, round_no: int, *, ended: tuple[int, ...], ended_actual: int | None = None
) -> Achievement:
    """Tier reached, the gap to the next, what must be sold each remaining month for each tier, and the tier
    reached by `ended_actual` (the ended months' sales; all of `actual` by default) against their share."""
    reached = sum(actual >= tier for tier in figures.tiers)
    gap = None if reached == 3 else figures.tiers[reached] - actual
    months = len(ROUND_MONTHS[round_no])
    elapsed = min(months, len(ended))
    remaining = months - elapsed
    needed = tuple(
        0 if actual >= tier else (None if remaining == 0 else -(-(tier - actual) // remaining))
        for tier in figures.tiers
    )
    paced = actual if ended_actual is None else ended_actual
    pace = sum(paced * months >= tier * elapsed for tier in figures.tiers) if elapsed else 0
    return Achievement(actual, reached, gap, remaining, needed, elapsed, months, pace, months_text(ended))
