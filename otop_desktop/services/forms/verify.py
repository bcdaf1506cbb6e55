"""The verification code of a printed form: a digest of exactly the figures printed, recorded with them,
so anyone holding the paper can ask whether the database still holds those figures, and if not, which
entrepreneur, month and amount changed since it was printed."""

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from otop_desktop.models import Forecast, PrintRecord
from otop_desktop.services import access
from otop_desktop.services.auth import UserInfo
from otop_desktop.services.changes import Kind, touched
from otop_desktop.services.entry import AMOUNT_FIELDS, load_month
from otop_desktop.services.money import format_baht
from otop_desktop.services.thai import FISCAL_MONTHS, month_label, now_utc
from otop_desktop.services.periods import check_period

FORM_NAMES = {"jt2": "จต.๒", "jt1": "จต.๑", "forecast": "ประมาณการรายได้"}
CODE_LENGTH = 10  # 50 bits of the digest: unique enough for the prints of a country, short enough to type


@dataclass(frozen=True)
class PrintedFigure:
    """One entrepreneur-month as printed."""

    entrepreneur_id: int
    name: str
    month: int
    amounts: tuple


@dataclass(frozen=True)
class Difference:
    """A printed figure the database no longer holds."""

    name: str
    period: str
    printed: tuple
    current: tuple | None  # None: no longer on the month's list

    def describe(self) -> str:
        """'กลุ่ม… สิงหาคม 2569: พิมพ์ 10,000.00 / - / - / - ตอนนี้ 12,000.00 / - / - / -'."""
        shown = lambda amounts: " / ".join(format_baht(a, blank="-") for a in amounts)  # noqa: E731
        now = shown(self.current) if self.current is not None else "ไม่อยู่ในรายชื่อของเดือนแล้ว"
        return f"{self.name} {self.period}: พิมพ์ {shown(self.printed)} ตอนนี้ {now}"


@dataclass(frozen=True)
class Verification:
    """What a code says: unknown, or the print it names and what changed since."""

    code: str
    found: bool
    form: str = ""
    area_code: str = ""
    period: str = ""
    printed_by: str = ""
    printed_at: datetime | None = None
    differences: tuple[Difference, ...] = ()

    @property
    def form_name(self) -> str:
        """The form's name as printed on it."""
        return FORM_NAMES.get(self.form, self.form)

    @property
    def matches(self) -> bool:
        """Whether the database still holds exactly the printed figures."""
        return self.found and not self.differences


def normalise(code: str) -> str:
    """The code as typed, in any case, with or without the dash or spaces."""
    return "".join(code.upper().split()).replace("-", "")


def shown_code(code: str) -> str:
    """'ABCDE-FGHIJ'."""
    return f"{code[:5]}-{code[5:]}"


def _digest(form: str, area_code: str, fiscal_year: int, months, figures) -> str:
    canonical = json.dumps([form, area_code, fiscal_year, list(months),
                            sorted([f.entrepreneur_id, f.month, *f.amounts] for f in figures)], separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def print_code(form: str, area_code: str, fiscal_year: int, months, figures) -> str:
    """The code of exactly these figures (the same figures printed again give the same code)."""
    digest = _digest(form, area_code, fiscal_year, months, figures)
    return base64.b32encode(bytes.fromhex(digest)).decode()[:CODE_LENGTH]


def record_print(*, uow, user: UserInfo, form: str, area_code: str, fiscal_year: int, months,
                 figures: list[PrintedFigure]) -> str:
    """Record a print and return its code."""
    check_period(fiscal_year, months=months)
    access.check(user, access.Action.VIEW, area_code)
    digest = _digest(form, area_code, fiscal_year, months, figures)
    code = print_code(form, area_code, fiscal_year, months, figures)
    uow.session.add(PrintRecord(
        code=code, form=form, area_code=area_code, fiscal_year=fiscal_year, months=",".join(map(str, months)),
        digest=digest, printed_by=user.username, printed_at=now_utc(),
        figures=json.dumps([[f.entrepreneur_id, f.name, f.month, *f.amounts] for f in figures], ensure_ascii=False)))
    uow.note(touched(Kind.PRINTS, fiscal_year=fiscal_year, months=months, districts={area_code}))
    uow.commit()
    return code


def _current(uow, user: UserInfo, record: PrintRecord) -> dict[tuple[int, int], tuple[str, tuple]]:
    """What the database holds now for what the print covered: (entrepreneur id, month) → (name, amounts).
    A forecast's twelve months are always there, blank where nothing was entered."""
    if record.form == "forecast":
        rows = {row.month: row for row in uow.session.scalars(select(Forecast).where(
            Forecast.province_code == record.area_code, Forecast.fiscal_year == record.fiscal_year))}
        return {(0, month): ("ประมาณการ", tuple(getattr(rows.get(month), f, None) for f in AMOUNT_FIELDS))
                for month in FISCAL_MONTHS}
    current = {}
    for month in (int(m) for m in record.months.split(",") if m):
        sheet = load_month(uow=uow, user=user, fiscal_year=record.fiscal_year, month=month, district_code=record.area_code)
        current.update({(row.entrepreneur_id, month): (row.name, tuple(row.amounts)) for row in sheet.rows})
    return current


# Forms whose print lists everyone of the period, so an entrepreneur listed since is a change. จต.๑ prints
# only this month's list beside last month's figures: last month's other rows were never on it.
LISTS_EVERYONE = {"jt2"}


def verify(*, uow, user: UserInfo, code: str) -> Verification:
    """Compare a print's figures with what the database holds now."""
    wanted = normalise(code)
    record = uow.session.scalar(select(PrintRecord).where(PrintRecord.code == wanted).order_by(PrintRecord.id.desc()))
    if record is None:
        return Verification(wanted, False)
    access.check(user, access.Action.VIEW, record.area_code)
    current = _current(uow, user, record)
    differences = []
    for entrepreneur_id, name, month, *amounts in json.loads(record.figures):
        now = current.pop((entrepreneur_id, month), (name, None))[1]
        if now != tuple(amounts):
            differences.append(Difference(name, month_label(record.fiscal_year, month), tuple(amounts), now))
    if record.form in LISTS_EVERYONE:
        for (_, month), (name, amounts) in sorted(current.items()):
            differences.append(Difference(f"{name} (เพิ่มหลังพิมพ์)", month_label(record.fiscal_year, month),
                                          (None,) * 4, amounts))
    months = [int(m) for m in record.months.split(",") if m]
    period = (f"ปีงบประมาณ {record.fiscal_year}" if record.form == "forecast"
              else ", ".join(month_label(record.fiscal_year, m) for m in months))
    return Verification(wanted, True, record.form, record.area_code, period, record.printed_by, record.printed_at,
                        tuple(differences))
