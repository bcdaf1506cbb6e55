"""The register of signed จต.๒ on file: each print's pages kept from a file and whether its figures still
hold; a kept file opened (a copy written for the viewer) or all of a year's exported into a folder per quarter
and district, named so a person finds a form without the program; and per district and quarter, whether
the quarter's signed copy is on file, when it came, by its deadline (services/evidence/due.py), and
whether the figures changed after it was printed."""

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from otop_desktop.core.errors import InvalidInput, NotFound
from otop_desktop.core.files import output_folder, write_bytes
from otop_desktop.core.users import UserInfo
from otop_desktop.models import District, EvidenceFile, EvidencePage, PrintRecord
from otop_desktop.services import access
from otop_desktop.services.evidence.due import quarter_due, quarter_due_day
from otop_desktop.services.forms.jt2 import quarter_months
from otop_desktop.services.forms.verify import shown_code, verify
from otop_desktop.services.periods import QUARTERS, check_period, stored_months
from otop_desktop.services.thai import (
    first_day,
    fiscal_index,
    format_thai_date,
    month_label,
    to_local,
    today_in_thailand,
)

EXTENSIONS = {"pdf": ".pdf", "jpeg": ".jpg", "png": ".png"}
UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')  # characters no file name may hold on Windows


@dataclass(frozen=True)
class Copy:
    """A print's pages kept from one file: the file and its pages, the print, who received it and when, and
    whether its figures still hold."""

    file_id: int
    file_name: str
    pages_kept: tuple[int, ...]  # of the file's pages, those showing this print
    pages: int  # in the file
    code: str
    district_code: str
    district_name: str
    fiscal_year: int
    months: tuple[int, ...]
    period: str
    printed_by: str
    printed_at: datetime  # UTC
    received_by: str
    received_at: datetime  # UTC
    typed: bool  # a page's code was typed, not read from its QR code
    matches: bool
    changes: tuple[str, ...]
    signed: bool = True  # the print is on file: its page with the signatures kept, from this file or another

    @property
    def quarter(self) -> int:
        """The fiscal quarter of the print's first month."""
        return fiscal_index(self.months[0]) // 3 + 1

    @property
    def kept_text(self) -> str:
        """The file and its pages kept, and, while the print's page with the signatures is in no file kept, that
        the print does not count as received yet."""
        unsigned = "" if self.signed else " (ยังไม่ได้รับหน้าที่ลงนามของแบบนี้ ยังไม่นับว่าได้รับ)"
        return f"{self.file_name} {self.pages_text}{unsigned}"

    @property
    def pages_text(self) -> str:
        """'หน้า 1-3/9', 'หน้า 2/9', 'หน้า 1,4/9'."""
        kept = self.pages_kept
        if len(kept) > 1 and kept == tuple(range(kept[0], kept[-1] + 1)):
            return f"หน้า {kept[0]}-{kept[-1]}/{self.pages}"
        return f"หน้า {','.join(map(str, kept))}/{self.pages}"


def period_name(fiscal_year: int, months) -> str:
    """'สิงหาคม 2569' for a month's form, 'ไตรมาส 1 ปีงบประมาณ 2569' for a quarter's."""
    months = tuple(months)
    if len(months) == 1:
        return month_label(fiscal_year, months[0])
    if len(months) == 3 and months == quarter_months(fiscal_index(months[0]) // 3 + 1):
        return f"ไตรมาส {fiscal_index(months[0]) // 3 + 1} ปีงบประมาณ {fiscal_year}"
    return ", ".join(month_label(fiscal_year, m) for m in months)


def _kept_rows(uow, fiscal_year: int, prefix: str):
    """(page, file id, name and pages, record, district name) of every kept page of the year's จต.๒ in an area."""
    return uow.session.execute(
        select(EvidencePage, EvidenceFile.id, EvidenceFile.name, EvidenceFile.pages, PrintRecord, District.name_th)
        .join(EvidenceFile, EvidenceFile.id == EvidencePage.file_id)
        .join(PrintRecord, PrintRecord.id == EvidencePage.print_record_id)
        .join(District, District.code == PrintRecord.area_code)
        .where(
            PrintRecord.form == "jt2",
            PrintRecord.fiscal_year == fiscal_year,
            PrintRecord.area_code.startswith(prefix),
        )
        .order_by(PrintRecord.area_code, EvidencePage.received_at, EvidencePage.file_id, EvidencePage.page)
    )


class _Checks:
    """verify, once per code."""

    def __init__(self, uow, user: UserInfo):
        self.uow, self.user, self.done = uow, user, {}

    def __call__(self, code: str):
        if code not in self.done:
            self.done[code] = verify(uow=self.uow, user=self.user, code=code)
        return self.done[code]


def _area(user: UserInfo, district_code: str | None) -> str:
    """The area listed: a district asked for, or the user's own."""
    area = district_code or (user.area_code if user.role == "district" else user.province_code)
    access.check(user, access.Action.VIEW, area)
    return area


def list_evidence(*, uow, user: UserInfo, fiscal_year: int, district_code: str | None = None) -> tuple[Copy, ...]:
    """Every print's pages kept from each file, of the year's จต.๒ in the user's area (or one district), by
    district and receipt."""
    check_period(fiscal_year)
    checks, copies = _Checks(uow, user), {}
    rows = list(_kept_rows(uow, fiscal_year, _area(user, district_code)))
    on_file = {record.id for page, *_, record, _ in rows if page.counts}  # the prints a kept page puts on file
    for page, file_id, file_name, pages, record, name in rows:
        key = (file_id, record.id)
        if key in copies:
            kept = copies[key]
            copies[key] = replace(kept, pages_kept=(*kept.pages_kept, page.page), typed=kept.typed or page.typed)
            continue
        months, result = stored_months(record.months), checks(record.code)
        copies[key] = Copy(
            *(file_id, file_name, (page.page,), pages, record.code, record.area_code, name, record.fiscal_year),
            *(months, period_name(record.fiscal_year, months), record.printed_by, record.printed_at),
            *(page.received_by, page.received_at, page.typed, result.matches),
            tuple(d.describe() for d in result.differences),
            record.id in on_file,
        )
    return tuple(copies.values())


def safe_name(text: str) -> str:
    """A file or folder name any system takes: no separator or reserved character, no trailing dot or space."""
    return UNSAFE.sub("-", text).strip().rstrip(".")[:150] or "-"


def open_copy(*, uow, user: UserInfo, file_id: int, folder: Path | str) -> Path:
    """Write a kept file, as it came, into `folder` (a temporary folder the viewer opens it from)."""
    file = uow.session.get(EvidenceFile, file_id)
    areas = uow.session.scalars(
        select(PrintRecord.area_code)
        .join(EvidencePage, EvidencePage.print_record_id == PrintRecord.id)
        .where(EvidencePage.file_id == file_id)
    ).all()
    if file is None or not areas:
        raise NotFound("ไม่พบไฟล์สแกนนี้ในทะเบียน")
    access.check(user, access.Action.VIEW, areas[0])
    name = safe_name(f"{Path(file.name).stem} ({file.id})") + EXTENSIONS[file.kind]
    return write_bytes(Path(folder) / name, file.content)


@dataclass(frozen=True)
class Exported:
    """A register written out: the folder, and how many files went into it."""

    folder: Path
    files: int
    already: int = 0  # files there from an earlier export, the same bytes: left as they were

    @property
    def said(self) -> str:
        """'ส่งออก 12 ไฟล์ไว้ที่ … (อีก 3 ไฟล์มีอยู่แล้วจากครั้งก่อน)'."""
        earlier = f" (อีก {self.already} ไฟล์มีอยู่แล้วจากครั้งก่อน เหมือนเดิมทุกไบต์)" if self.already else ""
        return f"ส่งออก {self.files} ไฟล์ไว้ที่ {self.folder}{earlier}"


def _export_name(copy: Copy) -> Path:
    """'ไตรมาส 1/3401 อำเภอเมืองอุบลราชธานี/จต.๒ สิงหาคม 2569 รหัส ABCD-EFGH-JKLM รับ 3 กันยายน 2569 (7).pdf'; a copy
    of a print whose page with the signatures has not come says so in its name."""
    quarter = f"ปีงบประมาณ {copy.fiscal_year} ไตรมาส {copy.quarter}"
    district = safe_name(f"{copy.district_code} อำเภอ{copy.district_name}")
    received = format_thai_date(to_local(copy.received_at))
    waiting = "" if copy.signed else " ยังไม่มีหน้าที่ลงนาม"
    name = f"จต.๒ {copy.period} รหัส {shown_code(copy.code)} รับ {received}{waiting} ({copy.file_id})"
    return Path(quarter) / district / safe_name(name)


def export_evidence(
    *, uow, user: UserInfo, fiscal_year: int, folder: Path | str, progress=None, cancelled=None
) -> Exported:
    """Write every kept file of the year into `folder`: one folder per quarter, one per district in it, each
    file under the form, period, code and date received (a file holding several districts' forms goes to
    each of them)."""
    copies = list_evidence(uow=uow, user=user, fiscal_year=fiscal_year)
    root = Path(folder)
    if not root.is_dir():
        why = "ชื่อนี้ไม่ใช่โฟลเดอร์" if root.exists() else "ไม่พบโฟลเดอร์นี้"  # a file, a device: as output_folder says
        raise InvalidInput(f"ส่งออกลงโฟลเดอร์ {root} ไม่ได้: {why} กรุณาเลือกโฟลเดอร์ที่มีอยู่")
    kept = {
        file_id: (kind, sha256)
        for file_id, kind, sha256 in uow.session.execute(
            select(EvidenceFile.id, EvidenceFile.kind, EvidenceFile.sha256).where(
                EvidenceFile.id.in_({copy.file_id for copy in copies})
            )
        )
    }
    targets = []  # (copy, where it goes, whether the same file is there already); nothing written before all known
    for copy in copies:
        kind, sha256 = kept[copy.file_id]
        name = root / _export_name(copy)
        target = name.with_name(name.name + EXTENSIONS[kind])
        targets.append((copy, target, target.is_file() and _sha256_of(target) == sha256))
    other = [target for _, target, same in targets if target.exists() and not same]
    if other:  # a file of that name the officer changed, or another's: never written over
        raise InvalidInput(
            f"ในโฟลเดอร์ {root} มีไฟล์ชื่อเดียวกับที่จะส่งออกแต่เนื้อไฟล์ต่างกัน {len(other)} ไฟล์"
            f" (เช่น {other[0].relative_to(root)}) จึงไม่ได้ส่งออกและไม่ได้เขียนทับ กรุณาเลือกโฟลเดอร์อื่น"
        )
    written = 0
    for done, (copy, target, same) in enumerate(targets):
        if cancelled and cancelled():
            raise InvalidInput(f"ยกเลิกแล้ว ส่งออกไปแล้ว {written} ไฟล์ในโฟลเดอร์ {root}")
        if progress:
            progress(done, len(targets))
        if same:
            continue
        try:
            output_folder(target.parent)
            write_bytes(target, uow.session.get(EvidenceFile, copy.file_id).content)
        except InvalidInput as refused:  # a folder the office may not write in, a full disk: say what is there
            raise InvalidInput(f"{refused.message} (ส่งออกไปแล้ว {written} ไฟล์ในโฟลเดอร์ {root})") from None
        written += 1
    return Exported(root, written, sum(1 for *_, same in targets if same))


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class QuarterEvidence:
    """A district's quarter: which of its months a signed copy on file covers, when the last of them came,
    its deadline, and whether the figures changed after the copy on file was printed."""

    quarter: int
    begun: bool
    months_on_file: tuple[int, ...]
    received_at: datetime | None  # local time the quarter became whole on file
    due: date
    overdue: bool  # past the deadline, not whole on file
    changed: tuple[str, ...]  # codes of the latest copies on file whose figures changed since printing

    @property
    def on_file(self) -> bool:
        """Every month of the quarter has a signed copy on file."""
        return len(self.months_on_file) == 3

    @property
    def late(self) -> bool:
        """On file, but after the deadline."""
        return self.on_file and self.received_at.date() > self.due


def _received(uow, fiscal_year: int, prefix: str) -> dict[tuple[str, int], tuple[datetime, str, datetime]]:
    """(district, month) → (first received, code of the latest print on file, its time printed)."""
    found: dict[tuple[str, int], tuple[datetime, str, datetime]] = {}
    rows = uow.session.execute(
        select(PrintRecord.area_code, PrintRecord.months, PrintRecord.code, PrintRecord.printed_at)
        .add_columns(EvidencePage.received_at)
        .join(EvidencePage, EvidencePage.print_record_id == PrintRecord.id)
        .where(
            PrintRecord.form == "jt2",
            PrintRecord.fiscal_year == fiscal_year,
            PrintRecord.area_code.startswith(prefix),
            EvidencePage.counts,
        )
    )
    for area, months, code, printed_at, received_at in rows:
        for month in stored_months(months):
            first, latest, latest_at = found.get((area, month), (received_at, code, printed_at))
            if printed_at > latest_at:
                latest, latest_at = code, printed_at
            found[(area, month)] = (min(first, received_at), latest, latest_at)
    return found


def quarter_evidence(
    *, uow, user: UserInfo, fiscal_year: int, district_codes, today: date | None = None, figures: bool = True
) -> dict[str, tuple[QuarterEvidence, ...]]:
    """District → its four quarters' signed copies, for the roadmap board and the dashboard (without `figures`,
    not checking whether the copies' figures changed since)."""
    check_period(fiscal_year)
    today = today or today_in_thailand()
    received = _received(uow, fiscal_year, user.province_code if user.role != "district" else user.area_code)
    checks, board, due_day = _Checks(uow, user), {}, quarter_due_day(uow=uow)
    for code in district_codes:
        quarters = []
        for quarter in QUARTERS:
            months = quarter_months(quarter)
            have = [received[(code, m)] for m in months if (code, m) in received]
            due = quarter_due(fiscal_year, quarter, due_day)
            whole = len(have) == 3
            latest = sorted({latest for _, latest, _ in have})
            quarters.append(
                QuarterEvidence(
                    quarter,
                    first_day(fiscal_year, months[0]) <= today,
                    tuple(m for m in months if (code, m) in received),
                    to_local(max(first for first, _, _ in have)).replace(tzinfo=None) if whole else None,
                    due,
                    not whole and today > due,
                    tuple(c for c in latest if figures and not checks(c).matches),
                )
            )
        board[code] = tuple(quarters)
    return board
