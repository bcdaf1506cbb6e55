"""What the data-quality check finds: the kinds of finding, each finding with the area, entrepreneur and
channel it concerns and a Thai sentence saying what is unusual, and the check's result for a month."""

import enum
from dataclasses import dataclass
from datetime import datetime

from otop_desktop.services.entry import CHANNELS


class Kind(enum.Enum):
    """A kind of finding, in the order the check lists them; the value is what a review stores."""

    OUTLIER_HIGH = "high"
    OUTLIER_LOW = "low"
    NEW_CHANNEL = "new_channel"
    MISSING = "missing"
    INCOMPLETE = "incomplete"
    SWING = "swing"
    ALL_ZERO = "all_zero"
    DUPLICATE = "duplicate"
    INACTIVE = "inactive"

    @property
    def title(self) -> str:
        """The kind in Thai, as a column or a count names it."""
        return TITLES[self]


TITLES = {
    Kind.OUTLIER_HIGH: "ยอดสูงผิดปกติ",
    Kind.OUTLIER_LOW: "ยอดต่ำผิดปกติ",
    Kind.NEW_CHANNEL: "ช่องทางใหม่ยอดสูง",
    Kind.MISSING: "หายจากรายชื่อ",
    Kind.INCOMPLETE: "อำเภอกรอกไม่ครบ",
    Kind.SWING: "ยอดอำเภอเปลี่ยนมาก",
    Kind.ALL_ZERO: "ศูนย์ทั้งสี่ช่องทาง",
    Kind.DUPLICATE: "ชื่อซ้ำในตำบล",
    Kind.INACTIVE: "เลิกกิจการแต่มียอด",
}
ORDER = {kind: index for index, kind in enumerate(Kind)}


@dataclass(frozen=True)
class Review:
    """A finding marked ตรวจแล้ว: who, when (UTC) and the note."""

    reviewed_by: str
    reviewed_at: datetime
    note: str
    by_name: str = ""  # the reviewer's display name, where the login has one

    @property
    def shown_by(self) -> str:
        """Who, as the paper and the tab name them: the display name, else the login (as the lock pages do)."""
        return self.by_name or self.reviewed_by


@dataclass(frozen=True)
class Finding:
    """One line of the check. `key` names the finding and the figure it questions (a review holds while the
    figure stays); its second part is the district. `channel` indexes entry.AMOUNT_FIELDS (None: the row)."""

    kind: Kind
    key: str
    district_code: str
    district_name: str
    text: str
    entrepreneur_id: int | None = None
    entrepreneur_name: str = ""
    tambon_name: str = ""
    channel: int | None = None
    review: Review | None = None

    @property
    def channel_name(self) -> str:
        """The channel in Thai ('' for a finding about a whole row or a district)."""
        return "" if self.channel is None else CHANNELS[self.channel]

    @property
    def reviewed(self) -> bool:
        """Whether someone has marked it checked."""
        return self.review is not None


@dataclass(frozen=True)
class QualityCheck:
    """A month's check of an area: the findings (checked ones included, marked), and how many rows it read."""

    fiscal_year: int
    month: int
    area_code: str  # '' for the whole country
    area_name: str
    swing_percent: int
    rows: int  # the month's rows of the area, the measure of the false-alarm rate
    findings: tuple[Finding, ...]
    may_review: bool = False
    refusal: str = ""  # why this user may not mark findings checked

    @property
    def unchecked(self) -> tuple[Finding, ...]:
        """The findings nobody has marked checked."""
        return tuple(f for f in self.findings if not f.reviewed)

    def counts(self) -> dict[Kind, int]:
        """Findings per kind, in the check's order, kinds found only."""
        counts = {kind: 0 for kind in Kind}
        for finding in self.findings:
            counts[finding.kind] += 1
        return {kind: count for kind, count in counts.items() if count}

    def counts_text(self) -> str:
        """'ยอดสูงผิดปกติ 1 · ชื่อซ้ำในตำบล 2 · รวม 3 รายการ (ยังไม่ตรวจ 2)'."""
        parts = [f"{kind.title} {count:,}" for kind, count in self.counts().items()]
        return " · ".join([*parts, f"รวม {len(self.findings):,} รายการ (ยังไม่ตรวจ {len(self.unchecked):,})"])

    @property
    def swing_text(self) -> str:
        """The rule the district totals were held to, as the paper states it."""
        return f"เกณฑ์{Kind.SWING.title}: ยอดรวมเปลี่ยนเกินร้อยละ {self.swing_percent:,} จากเดือนเดียวกันปีก่อน"
