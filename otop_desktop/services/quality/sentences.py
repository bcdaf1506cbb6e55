"""Each finding in words: what is unusual, in one Thai sentence with the figures that make it so, and the key
a review is kept under (kind/district/subject/period/figure: a changed figure is a new question)."""

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from otop_desktop.services.entry import CHANNELS
from otop_desktop.services.money import format_baht
from otop_desktop.services.quality.findings import Finding, Kind
from otop_desktop.services.thai import month_label, previous_period

MAX_KEY = 200


def _ratio(part: int, whole: int, times: int, places: str = "0.1", rounding: str = ROUND_HALF_UP) -> str:
    """part × times ÷ whole, exactly rounded for the sentence: '20.0', '1,234'."""
    value = (Decimal(part) * times / Decimal(whole)).quantize(Decimal(places), rounding=rounding)
    return f"{value:,}"


@dataclass(frozen=True)
class Context:
    """The month checked and the names of its districts and tambons."""

    fiscal_year: int
    month: int
    districts: dict[str, str]
    tambons: dict[str, str]

    @property
    def period(self) -> str:
        """The month checked as a key's part: '2569-09'."""
        return f"{self.fiscal_year}-{self.month:02d}"

    def _finding(self, kind: Kind, district: str, subject: str, text: str, figure="", **about) -> Finding:
        key = "/".join(str(part) for part in (kind.value, district, subject, self.period, figure) if part != "")
        if kind is Kind.DUPLICATE:  # about the register: the same pair is the same question every month
            key = f"{kind.value}/{district}/{subject}"
        return Finding(kind, key[:MAX_KEY], district, self.districts.get(district, district), text, **about)

    def _about(self, row) -> dict:
        return {
            "entrepreneur_id": row.entrepreneur_id,
            "entrepreneur_name": row.name,
            "tambon_name": self.tambons.get(row.tambon_code, row.tambon_code),
        }

    def outlier(self, kind: Kind, row, usual: int) -> Finding:
        """A month over 10× or under a tenth of the entrepreneur's usual month."""
        total = row.total
        how = (
            f"สูงกว่าเดือนปกติ {_ratio(total, usual, 1)} เท่า"
            if kind is Kind.OUTLIER_HIGH
            else f"ต่ำกว่าหนึ่งในสิบของเดือนปกติ (เพียงร้อยละ {_ratio(total, usual, 100)})"
        )
        text = (
            f"ยอดรวมเดือนนี้ {format_baht(total)} บาท {how} "
            f"(ปกติเดือนละ {format_baht(usual)} บาท: ค่ามัธยฐานของ 12 เดือนก่อน) อาจพิมพ์ตัวเลขเกินหรือขาดไป"
        )
        return self._finding(kind, row.tambon_code[:4], f"e{row.entrepreneur_id}", text, total, **self._about(row))

    def channel_outlier(self, kind: Kind, row, channel: int, usual: int) -> Finding:
        """One channel far over or under its own usual month, in a month whose total looks usual."""
        amount = row.amounts[channel]
        how = (
            f"สูงกว่าเดือนปกติของช่องทางนี้ {_ratio(amount, usual, 1)} เท่า"
            if kind is Kind.OUTLIER_HIGH
            else f"ต่ำกว่าเดือนปกติของช่องทางนี้มาก (เพียงร้อยละ {_ratio(amount, usual, 100)})"
        )
        text = (
            f"ยอดช่องทาง{CHANNELS[channel]} {format_baht(amount)} บาท {how} "
            f"(ปกติเดือนละ {format_baht(usual)} บาท: ค่ามัธยฐานของ 12 เดือนก่อน) อาจพิมพ์ตัวเลขเกินหรือขาดไปหนึ่งหลัก"
        )
        subject = f"e{row.entrepreneur_id}c{channel}"
        return self._finding(kind, row.tambon_code[:4], subject, text, amount, channel=channel, **self._about(row))

    def new_channel(self, row, channel: int, amount: int) -> Finding:
        """A channel's first figure in 12 months, and a large one."""
        text = (
            f"มียอดช่องทาง{CHANNELS[channel]} {format_baht(amount)} บาท เป็นครั้งแรก "
            "(12 เดือนก่อนไม่มียอดช่องทางนี้เลย) กรุณาตรวจสอบว่ากรอกถูกช่องหรือไม่"
        )
        subject = f"e{row.entrepreneur_id}c{channel}"
        return self._finding(
            Kind.NEW_CHANNEL, row.tambon_code[:4], subject, text, amount, channel=channel, **self._about(row)
        )

    def missing(self, entrepreneur_id: int, name: str, tambon_code: str) -> Finding:
        """Listed last month, still active, not on this month's list."""
        last = month_label(*previous_period(self.fiscal_year, self.month))
        text = f"มีรายชื่อเดือน{last} และยังดำเนินกิจการ แต่ไม่มีในรายชื่อเดือนนี้ (ยังไม่ได้ Sync หรือถูกลบออก)"
        about = {
            "entrepreneur_id": entrepreneur_id,
            "entrepreneur_name": name,
            "tambon_name": self.tambons.get(tambon_code, tambon_code),
        }
        return self._finding(Kind.MISSING, tambon_code[:4], f"e{entrepreneur_id}", text, **about)

    def all_zero(self, row) -> Finding:
        """Four channels typed as zero."""
        text = "กรอกยอดเป็นศูนย์ทั้งสี่ช่องทาง กรุณาตรวจสอบว่าไม่มียอดจำหน่ายจริง หรือยังไม่ได้เก็บข้อมูล"
        return self._finding(Kind.ALL_ZERO, row.tambon_code[:4], f"e{row.entrepreneur_id}", text, **self._about(row))

    def inactive(self, row) -> Finding:
        """An entrepreneur marked as no longer trading, with sales this month."""
        text = f"ถูกระบุว่าไม่ได้ดำเนินกิจการแล้ว แต่ยังมียอดจำหน่ายเดือนนี้ {format_baht(row.total)} บาท"
        return self._finding(
            Kind.INACTIVE, row.tambon_code[:4], f"e{row.entrepreneur_id}", text, row.total, **self._about(row)
        )

    def duplicate(self, rows) -> Finding:
        """The same name more than once in a tambon: the newest is named, the others quoted by id."""
        first, newest = rows[0], rows[-1]
        tambon = self.tambons.get(first.tambon_code, first.tambon_code)
        others = ", ".join(str(r.entrepreneur_id) for r in rows[:-1])
        text = (
            f"ชื่อ “{first.name}” มี {len(rows)} รายในตำบล{tambon} (เลขที่ {others} และ {newest.entrepreneur_id}) "
            "อาจเป็นรายเดียวกันที่บันทึกซ้ำ"
        )
        subject = "e" + "-".join(str(r.entrepreneur_id) for r in rows)
        return self._finding(Kind.DUPLICATE, first.tambon_code[:4], subject, text, **self._about(newest))

    def incomplete(self, status) -> Finding:
        """A district with nothing or part of its month entered (the lock tab's red and orange rows)."""
        text = f"อำเภอ{status.district_name} {status.entry_text()}"
        if not status.nothing_entered:  # 'ยังไม่กรอกเลย (0 จาก N ราย)' already says how many
            text += f" (ยังไม่มียอด {status.missing:,} ราย)"
        figure = f"{status.entered}-{status.expected}"
        return self._finding(Kind.INCOMPLETE, status.district_code, "d", text, figure)

    def swing(self, district: str, total: int, before: int, partly_entered: bool = False) -> Finding:
        """A district's month far from the same month last year; a fall while the district has not entered every
        entrepreneur says that this may be why (its incomplete line stands beside it)."""
        # A fall is cut, not rounded: a month with any sales never reads as a fall of 100 per cent.
        change = _ratio(abs(total - before), before, 100, rounding=ROUND_HALF_UP if total > before else ROUND_DOWN)
        how = f"เพิ่มขึ้นร้อยละ {change}" if total > before else f"ลดลงร้อยละ {change}"
        text = (
            f"ยอดรวมของอำเภอ{self.districts.get(district, district)}เดือนนี้ {format_baht(total)} บาท {how} "
            f"จากเดือนเดียวกันปีก่อน ({month_label(self.fiscal_year - 1, self.month)}: {format_baht(before)} บาท)"
        )
        if partly_entered:
            text += " ซึ่งอาจเป็นเพราะอำเภอยังกรอกยอดไม่ครบ"
        return self._finding(Kind.SWING, district, "d", text, total)
