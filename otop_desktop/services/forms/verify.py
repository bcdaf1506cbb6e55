"""The document code of a printed form (รหัสตรวจสอบเอกสาร): each print gets a code of its own, recorded with
the digest of exactly the figures it printed, so anyone holding the paper can ask which print it is (who,
when, what form, which period and area), whether the database still holds those figures (and if not, which
entrepreneur, month and amount changed), and which other prints carry the same figures. A code is twelve
letters of base 32, the last a check letter, so a mistyped code is told as mistyped, not as unknown. Codes
issued before migration 0014 are the first ten letters of the figures' digest (the same figures printed
twice share one); they still verify, naming every print of those figures."""

import base64
import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import OtopError
from otop_desktop.core.users import UserInfo
from otop_desktop.models import Forecast, ImportLedger, PrintRecord
from otop_desktop.services import access, areas
from otop_desktop.services.entry import AMOUNT_FIELDS, CHANNELS, load_month
from otop_desktop.services.money import format_baht
from otop_desktop.services.periods import check_period, stored_months
from otop_desktop.services.thai import FISCAL_MONTHS, format_thai_datetime, month_label, now_utc

FORM_NAMES = {"jt2": "จต.๒", "jt1": "จต.๑", "forecast": "ประมาณการรายได้"}
CODE_NAME = "รหัสตรวจสอบเอกสาร"  # the paper's; a district file's digest is its ลายนิ้วมือไฟล์
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # RFC 4648 base 32: no 0, 1, 8 or 9 to mistake for a letter
CODE_LENGTH = 12  # 11 random letters (55 bits: unique among a country's prints) and the check letter
LEGACY_LENGTH = 10  # the codes printed before each print had its own: the figures' digest, no check letter
LOOK_ALIKE = str.maketrans("018", "OIB")  # digits typed for the letters they look like
EXAMPLE = "ABCD-EFGH-JKLM"
PAGE_OF = re.compile(r"(\d{1,4})/(\d{1,4})")  # the page of the print a QR code is on, after its code


@dataclass(frozen=True)
class PrintedFigure:
    """One entrepreneur-month as printed."""

    entrepreneur_id: int
    name: str
    month: int
    amounts: tuple


AMOUNT_ORDER = " / ".join(CHANNELS)  # the order of a difference's amounts


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
class OtherPrint:
    """Another print of the same figures: its code, who printed it and when."""

    code: str
    form: str
    printed_by: str
    printed_at: datetime


@dataclass(frozen=True)
class Verification:
    """What a code says: malformed, unknown, or the print it names, what changed since, and the other prints
    of the same figures."""

    code: str
    found: bool
    form: str = ""
    area_code: str = ""
    period: str = ""
    printed_by: str = ""
    printed_at: datetime | None = None
    differences: tuple[Difference, ...] = ()
    problem: str = ""  # why the text cannot be a code at all ('' when it can)
    area_name: str = ""  # 'อำเภอวารินชำราบ จังหวัดอุบลราชธานี'
    completeness: str = ""  # 'กรอกแล้ว 2 จาก 3 ราย (ยังไม่ครบ)' as the paper says it (จต.๒ since 0014)
    others: tuple[OtherPrint, ...] = ()
    legacy: bool = False  # a code of the figures (before 0014): the paper is one of these prints, not told which
    received: str = ""  # a print made at a district, known here from its file: 'มากับไฟล์ข้อมูลอำเภอ … นำเข้าเมื่อ …'

    @property
    def form_name(self) -> str:
        """The form's name as printed on it."""
        return FORM_NAMES.get(self.form, self.form)

    @property
    def malformed(self) -> bool:
        """Whether the text typed cannot be a code (wrong length, a letter codes never hold, a wrong check)."""
        return bool(self.problem)

    @property
    def matches(self) -> bool:
        """Whether the database still holds exactly the printed figures."""
        return self.found and not self.differences


def normalise(code: str) -> str:
    """The code as typed, in any case, with or without dashes or spaces; 0, 1 and 8 read as O, I and B."""
    return "".join(code.upper().split()).replace("-", "").translate(LOOK_ALIKE)


def check_letter(body: str) -> str:
    """The check letter of a code's body (Luhn mod 32: catches any one letter mistyped and most swaps)."""
    total, factor = 0, 2
    for letter in reversed(body):
        added = factor * ALPHABET.index(letter)
        total += added // 32 + added % 32
        factor = 3 - factor
    return ALPHABET[-total % 32]


def code_problem(code: str) -> str:
    """Why a normalised code cannot be one, in Thai; '' when it can."""
    strange = sorted({letter for letter in code if letter not in ALPHABET})
    if strange:
        return f"{CODE_NAME}มีเฉพาะอักษร A-Z และเลข 2-7 แต่ที่พิมพ์มี {' '.join(strange)} กรุณาพิมพ์ตามที่เห็นบนกระดาษ เช่น {EXAMPLE}"
    if len(code) not in (CODE_LENGTH, LEGACY_LENGTH):
        return f"{CODE_NAME}มี {CODE_LENGTH} ตัว เช่น {EXAMPLE} แต่ที่พิมพ์มี {len(code)} ตัว กรุณาตรวจดูอีกครั้ง"
    if len(code) == CODE_LENGTH and check_letter(code[:-1]) != code[-1]:
        return f"{CODE_NAME}นี้พิมพ์ผิดอย่างน้อยหนึ่งตัว (ตัวตรวจท้ายรหัสไม่ตรง) กรุณาพิมพ์ใหม่ตามที่เห็นบนกระดาษ"
    return ""


def shown_code(code: str) -> str:
    """'ABCD-EFGH-JKLM', or a code printed before 0014 as 'ABCDE-FGHIJ'."""
    if len(code) == CODE_LENGTH:
        return f"{code[:4]}-{code[4:8]}-{code[8:]}"
    return f"{code[:5]}-{code[5:]}"


def qr_text(code: str, page: int, pages: int) -> str:
    """What a page's QR code reads: the code as printed, then the page of the print it is on ('ABCD-EFGH-JKLM
    5/5'), so that a scan shows whether the page with the signatures (the last) came back, not only a page
    that carries the code. The code under the QR code, which people type, is the code alone."""
    return f"{shown_code(code)} {page}/{pages}"


def read_qr(text: str) -> tuple[str, tuple[int, int] | None]:
    """A QR code's text, or the footer's as typed ('ABCD-EFGH-JKLM · หน้า ๓/๕'), as (the code normalised, (page,
    pages) of the print when the text names them); None for a print from before the page was in its QR code
    (0021), a page the print cannot have, or a text that is no code (code_problem says)."""
    head, _, tail = text.strip().rpartition(" ")
    place = PAGE_OF.fullmatch(tail)
    if head and place:
        head = head.strip().removesuffix("หน้า").strip().rstrip("·").strip()
        page, pages = int(place[1]), int(place[2])  # Thai digits too
        return normalise(head), ((page, pages) if 1 <= page <= pages else None)
    return normalise(text), None


def typed_problem(text: str) -> str:
    """Why a code typed from a page's footer cannot be taken for that page, in Thai; '' when it can. The page
    must be typed with it: it says whether this is the page with the signatures."""
    code, place = read_qr(text)
    problem = code_problem(code)
    if problem or place:
        return problem
    return f"กรุณาพิมพ์เลขหน้าต่อท้าย{CODE_NAME}ด้วย ตามที่พิมพ์ท้ายแบบ (มุมขวาล่าง) เช่น {EXAMPLE} 3/3 (เลขหน้าบอกว่าเป็นหน้าที่ลงนามหรือไม่)"


def figures_digest(form: str, area_code: str, fiscal_year: int, months, figures) -> str:
    """The digest of exactly these figures of a form (the same figures printed again give the same digest)."""
    canonical = json.dumps(
        [form, area_code, fiscal_year, list(months), sorted([f.entrepreneur_id, f.month, *f.amounts] for f in figures)],
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def legacy_code(digest: str) -> str:
    """The code a print carried before 0014: the first ten base-32 letters of its figures' digest."""
    return base64.b32encode(bytes.fromhex(digest)).decode()[:LEGACY_LENGTH]


def new_code(*, uow) -> str:
    """A code no print has carried, for the print about to be made (drawn on it before it is recorded)."""
    while True:
        body = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH - 1))
        code = body + check_letter(body)
        if uow.session.scalar(select(PrintRecord.id).where(PrintRecord.code == code).limit(1)) is None:
            return code


def record_print(
    *,
    uow,
    user: UserInfo,
    code: str,
    form: str,
    area_code: str,
    fiscal_year: int,
    months,
    figures: list[PrintedFigure],
    paper_period: tuple[int, list] | None = None,
    completeness: str | None = None,
    commit: bool = True,
) -> str:
    """Record a print under its code: the figures it showed and their digest; `paper_period` (fiscal year,
    months) when the paper is for another period than its figures' (จต.๑), and what `completeness` it stated.
    `commit` False: the caller commits, with the other prints of one file (a province's every district)."""
    check_period(fiscal_year, months=months)
    access.check(user, access.Action.VIEW, area_code)
    paper_year, paper_months = paper_period or (None, None)
    uow.session.add(
        PrintRecord(
            code=code,
            form=form,
            area_code=area_code,
            fiscal_year=fiscal_year,
            months=",".join(map(str, months)),
            digest=figures_digest(form, area_code, fiscal_year, months, figures),
            printed_by=user.username,
            printed_at=now_utc(),
            paper_fiscal_year=paper_year,
            paper_months=",".join(map(str, paper_months)) if paper_months else None,
            completeness=completeness,
            figures=json.dumps([[f.entrepreneur_id, f.name, f.month, *f.amounts] for f in figures], ensure_ascii=False),
        )
    )
    uow.note(touched(Kind.PRINTS, fiscal_year=fiscal_year, months=months, districts={area_code}))
    if commit:
        uow.commit()
    return code


def _current(uow, user: UserInfo, record: PrintRecord) -> dict[tuple[int, int], tuple[str, tuple]]:
    """What the database holds now for what the print covered: (entrepreneur id, month) → (name, amounts).
    A forecast's twelve months are always there, blank where nothing was entered."""
    if record.form == "forecast":
        rows = {
            row.month: row
            for row in uow.session.scalars(
                select(Forecast).where(
                    Forecast.province_code == record.area_code, Forecast.fiscal_year == record.fiscal_year
                )
            )
        }
        return {
            (0, month): ("ประมาณการ", tuple(getattr(rows.get(month), f, None) for f in AMOUNT_FIELDS))
            for month in FISCAL_MONTHS
        }
    current = {}
    for month in stored_months(record.months):
        sheet = load_month(
            uow=uow, user=user, fiscal_year=record.fiscal_year, month=month, district_code=record.area_code
        )
        current.update({(row.entrepreneur_id, month): (row.name, tuple(row.amounts)) for row in sheet.rows})
    return current


# Forms whose print lists everyone of the period, so an entrepreneur listed since is a change. จต.๑ prints
# only this month's list beside last month's figures: last month's other rows were never on it.
LISTS_EVERYONE = {"jt2"}


def _differences(uow, user: UserInfo, record: PrintRecord) -> tuple[Difference, ...]:
    current = _current(uow, user, record)
    differences = []
    for entrepreneur_id, name, month, *amounts in json.loads(record.figures):
        now = current.pop((entrepreneur_id, month), (name, None))[1]
        if now != tuple(amounts):
            differences.append(Difference(name, month_label(record.fiscal_year, month), tuple(amounts), now))
    if record.form in LISTS_EVERYONE:
        for (_, month), (name, amounts) in sorted(current.items()):
            differences.append(
                Difference(f"{name} (เพิ่มหลังพิมพ์)", month_label(record.fiscal_year, month), (None,) * 4, amounts)
            )
    return tuple(differences)


def _period(record: PrintRecord) -> str:
    """The period the paper states: a forecast's fiscal year, or its months (a จต.๑'s own month)."""
    if record.form == "forecast":
        return f"ปีงบประมาณ {record.fiscal_year}"
    year = record.paper_fiscal_year or record.fiscal_year
    months = list(stored_months(record.paper_months or record.months))
    return ", ".join(month_label(year, m) for m in months)


def verify(*, uow, user: UserInfo, code: str) -> Verification:
    """Name the print a code belongs to, compare its figures with what the database holds now, and list the
    other prints of the same figures. The code as typed, or a page's QR code as a phone's reader gives it."""
    wanted = read_qr(code)[0]
    problem = code_problem(wanted)
    if problem:
        return Verification(wanted, False, problem=problem)
    records = list(uow.session.scalars(select(PrintRecord).where(PrintRecord.code == wanted).order_by(PrintRecord.id)))
    if not records:
        return Verification(wanted, False)
    record = records[0]
    access.check(user, access.Action.VIEW, record.area_code)
    others = tuple(
        OtherPrint(other.code, other.form, other.printed_by, other.printed_at)
        for other in uow.session.scalars(
            select(PrintRecord)
            .where(PrintRecord.digest == record.digest, PrintRecord.id != record.id)
            .order_by(PrintRecord.id)
        )
    )
    return Verification(
        wanted,
        True,
        record.form,
        record.area_code,
        _period(record),
        record.printed_by,
        record.printed_at,
        _differences(uow, user, record),
        area_name=_area_name(uow, record.area_code),
        completeness=record.completeness or "",
        others=others,
        legacy=len(wanted) == LEGACY_LENGTH,
        received=_received(uow, record),
    )


def _received(uow, record: PrintRecord) -> str:
    """Where a print made elsewhere came from: the district file that brought it ('' for a print made here)."""
    entry = uow.session.get(ImportLedger, record.import_id) if record.import_id else None
    if entry is None:
        return ""
    return (
        f"พิมพ์ที่อำเภอ ได้รับบันทึกการพิมพ์มากับไฟล์ข้อมูลอำเภอ {entry.file_name} นำเข้าเมื่อ {format_thai_datetime(entry.imported_at)}"
    )


def _area_name(uow, area_code: str) -> str:
    try:
        return areas.describe_area(uow=uow, area_code=area_code)
    except OtopError:  # an area no longer in the master data: its code says it
        return area_code
