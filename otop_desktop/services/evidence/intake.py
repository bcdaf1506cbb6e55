"""Taking in the signed จต.๒ that come back: every page of every file (PDF from a scanner, JPEG or PNG from a
phone, or a whole folder) is read for its QR code, or takes the code and page the officer typed from its footer, and is
matched to its print record as `verify` names it. A page of the office's own จต.๒ is recorded with the file's
bytes (kept whole, once, under its SHA-256; never overwritten); a later scan of a print already on file is
kept beside the first; the same file again is said and not stored twice; a code of another office, an
unknown one or another form is refused with its reason; a page with no readable code is listed for typing.
One unit of work: cancelled or failed, nothing is kept."""

import enum
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import UserInfo
from otop_desktop.models import EvidenceFile, EvidencePage, PrintRecord, User
from otop_desktop.services import access
from otop_desktop.services.evidence import scans
from otop_desktop.services.evidence.register import period_name
from otop_desktop.services.forms.verify import (
    CODE_NAME,
    EXAMPLE,
    FORM_NAMES,
    Verification,
    code_problem,
    read_qr,
    shown_code,
    typed_problem,
    verify,
)
from otop_desktop.services.names import person_names
from otop_desktop.services.periods import stored_months
from otop_desktop.services.thai import format_thai_datetime, now_utc

EVIDENCE_FORM = "jt2"
CANCELLED = "ยกเลิกแล้ว ยังไม่ได้เก็บสำเนาใด ๆ ไว้"
# A form printed on a district's own PC is known here once the district's file that carries its print record
# (exchange/prints.py) is imported; until then its code is unknown.
UNSIGNED_PAGE = (  # the same words for every such page of a print: a command lists them as one run
    "เก็บไว้แล้ว แต่ยังไม่นับว่าได้รับสำเนาที่ลงนาม จนกว่าจะได้รับหน้าที่มีลายมือชื่อ (หน้า {pages}/{pages} ของแบบ) กรุณาสแกนหน้านั้นมาด้วย"
)
UNKNOWN = (
    f"ไม่พบ{CODE_NAME} {{code}} ในฐานข้อมูลนี้: ยังไม่ได้รับไฟล์ข้อมูลของอำเภอที่พิมพ์แบบนี้ "
    "(นำเข้าไฟล์ข้อมูลอำเภอของเดือนนั้นก่อน แล้วรับสำเนานี้อีกครั้ง) หรือเป็นแบบของจังหวัดอื่น"
)


class Outcome(enum.StrEnum):
    """What became of a page."""

    RECORDED = "recorded"  # a print received for the first time
    BESIDE = "beside"  # a print already on file: this later scan kept beside the first
    SAME_SCAN = "same_scan"  # this very file was taken in before: nothing stored again
    REFUSED = "refused"  # another office's code, an unknown one, another form, or a file that cannot be read
    NO_CODE = "no_code"  # no readable code: listed, for the officer to type the code printed under the QR


OUTCOME_NAMES = {
    Outcome.RECORDED: "บันทึกแล้ว",
    Outcome.BESIDE: "มีแล้ว เก็บคู่ฉบับเดิม",
    Outcome.SAME_SCAN: "ไฟล์นี้รับไว้แล้ว",
    Outcome.REFUSED: "ไม่รับ",
    Outcome.NO_CODE: "อ่านรหัสไม่ได้",
}


@dataclass(frozen=True)
class PageResult:
    """One page as taken in: which file and page, the code and the print it names, and what became of it."""

    path: str
    file_name: str
    page: int
    pages: int
    outcome: Outcome
    code: str = ""
    typed: bool = False
    place: tuple[int, int] | None = None  # the page of the print it shows, as its QR code names it
    fiscal_year: int | None = None  # of the print it shows
    unsigned: bool = False  # kept, but its print has no page with the signatures on file: not counted yet
    form_name: str = ""
    area_code: str = ""
    area_name: str = ""
    period: str = ""
    printed_by: str = ""  # the login
    printed_by_name: str = ""  # as people read it
    printed_at: datetime | None = None  # UTC
    matches: bool | None = None  # the figures printed are still those in the database
    changes: tuple[str, ...] = ()  # what changed since the print, as verify describes it
    reason: str = ""  # why refused, when on file already, or what the page showed instead of a code

    @property
    def outcome_name(self) -> str:
        """The outcome in Thai."""
        return OUTCOME_NAMES[self.outcome] + (" รอหน้าที่ลงนาม" if self.unsigned else "")

    @property
    def print_text(self) -> str:
        """'จต.๒ อำเภอ… สิงหาคม 2569 พิมพ์โดย นางสาววิไล บุญมา เมื่อ …' ('' without a print)."""
        if self.printed_at is None:
            return ""
        when = format_thai_datetime(self.printed_at)
        who = self.printed_by_name or self.printed_by
        return f"{self.form_name} {self.area_name} {self.period} พิมพ์โดย {who} เมื่อ {when}"

    @property
    def figures_text(self) -> str:
        """Whether the figures still hold, as a sentence ('' without a print)."""
        if self.matches is None:
            return ""
        if self.matches:
            return "ตัวเลขตรงกับฐานข้อมูล"
        return f"ตัวเลขเปลี่ยนไปหลังพิมพ์ {len(self.changes)} รายการ: ควรขอฉบับใหม่ที่ลงนามแล้ว"


@dataclass(frozen=True)
class Intake:
    """Every page taken in, in order."""

    pages: tuple[PageResult, ...]

    def count(self, outcome: Outcome) -> int:
        """How many pages had this outcome."""
        return sum(page.outcome is outcome for page in self.pages)

    @property
    def stored(self) -> int:
        """Pages kept (recorded, or kept beside an earlier copy)."""
        return self.count(Outcome.RECORDED) + self.count(Outcome.BESIDE)

    @property
    def unsigned(self) -> int:
        """Pages kept whose print still lacks its page with the signatures."""
        return sum(page.unsigned for page in self.pages)

    def summary(self) -> str:
        """'บันทึกแล้ว 3 หน้า · มีในทะเบียนแล้ว 1 · ไม่รับ 0 · อ่านรหัสไม่ได้ 1 (จาก 5 หน้า)', and how many of the
        pages kept wait for their print's page with the signatures, if any."""
        waiting = f" · {self.unsigned} หน้ารอหน้าที่ลงนามของแบบ (ยังไม่นับว่าได้รับ)" if self.unsigned else ""
        return (
            f"บันทึกแล้ว {self.count(Outcome.RECORDED)} หน้า · เก็บคู่กับฉบับเดิม {self.count(Outcome.BESIDE)} · "
            f"ไฟล์ที่เคยรับแล้ว {self.count(Outcome.SAME_SCAN)} · ไม่รับ {self.count(Outcome.REFUSED)} · "
            f"อ่านรหัสไม่ได้ {self.count(Outcome.NO_CODE)} (จาก {len(self.pages)} หน้า){waiting}"
        )


class _Batch:
    """What one intake has learnt so far: verifications by code, files stored, prints on file before it."""

    def __init__(self, uow, user: UserInfo):
        self.uow, self.user, self.now = uow, user, now_utc()
        self.verified: dict[str, tuple[Verification | None, str, PrintRecord | None]] = {}
        self.files: dict[str, int] = {}  # SHA-256 → the kept file's id (its bytes not held in memory)
        self.people: dict[str, str] = {}
        self.unread: list[tuple[PageResult, Path]] = []  # pages no code was read on, where --code waits for one

    def person(self, login: str) -> str:
        """A login as people read it (its display name), asked once."""
        if login not in self.people:
            self.people[login] = person_names(self.uow.session, [login]).get(login, login)
        return self.people[login]

    def look_up(self, code: str) -> tuple[Verification | None, str, PrintRecord | None]:
        """(verification, refusal, record) of a code; a refusal ('' when none) names why it cannot be taken."""
        if code not in self.verified:
            self.verified[code] = self._look_up(code)
        return self.verified[code]

    def _look_up(self, code: str):
        session = self.uow.session
        record = session.scalar(select(PrintRecord).where(PrintRecord.code == code).order_by(PrintRecord.id).limit(1))
        if record is None:
            result = verify(uow=self.uow, user=self.user, code=code)
            if result.malformed:
                return None, result.problem, None
            return None, UNKNOWN.format(code=shown_code(code)), None
        refusal = access.refusal(self.user, access.Action.VIEW, record.area_code)
        if refusal:
            return None, f"เป็นแบบของสำนักงานอื่น ({record.area_code}): {refusal}", None
        result = verify(uow=self.uow, user=self.user, code=code)
        if record.form != EVIDENCE_FORM:
            return result, f"เป็นแบบ {FORM_NAMES.get(record.form, record.form)} ทะเบียนนี้รับเฉพาะแบบ จต.๒ ที่ลงนามแล้ว", None
        printer = (
            None
            if record.import_id is not None
            else session.scalar(select(User.area_code).where(User.username == record.printed_by))
        )
        if printer is not None and printer != record.area_code:
            return (
                result,
                f"แบบนี้พิมพ์ที่สำนักงานนี้โดย {self.person(record.printed_by)} ซึ่งไม่ใช่เจ้าหน้าที่ของอำเภอ จึงไม่ใช่ฉบับที่อำเภอพิมพ์"
                " เพื่อให้นตผ.อำเภอรับรองและพัฒนาการอำเภอลงนาม ทะเบียนรับเฉพาะฉบับที่อำเภอพิมพ์ (จากไฟล์ข้อมูลของอำเภอ"
                " หรือผู้ใช้ของอำเภอนั้น)",
                None,
            )
        return result, "", record

    def stored_file(self, scan: scans.ScannedFile) -> int:
        """The kept file's id: added (once, its bytes whole) the first time one of its pages is kept, then let
        go of, so a batch of many photos is never all in memory at once."""
        session = self.uow.session
        found = self.files.get(scan.sha256) or session.scalar(
            select(EvidenceFile.id).where(EvidenceFile.sha256 == scan.sha256)
        )
        if found is None:
            row = EvidenceFile(
                sha256=scan.sha256,
                name=scan.name[:255],
                kind=scan.kind,
                pages=scan.pages,
                size=len(scan.data),
                content=scan.data,
                received_by=self.user.username,
                received_at=self.now,
            )
            session.add(row)
            session.flush()
            found = row.id
            session.expunge(row)
        self.files[scan.sha256] = found
        return found


def _described(batch: "_Batch", base: PageResult, verification: Verification | None, record) -> PageResult:
    """The page's result with the print its code names, as verify says it (a quarter's period as a quarter)."""
    if verification is None or not verification.found:
        return base
    period = period_name(record.fiscal_year, _months(record)) if record is not None else verification.period
    return replace(
        base,
        fiscal_year=record.fiscal_year if record is not None else None,
        form_name=verification.form_name,
        area_code=verification.area_code,
        area_name=verification.area_name,
        period=period,
        printed_by=verification.printed_by,
        printed_by_name=batch.person(verification.printed_by),
        printed_at=verification.printed_at,
        matches=verification.matches,
        changes=tuple(d.describe() for d in verification.differences),
    )


def _earlier_copy(batch: _Batch, record: PrintRecord, sha256: str) -> EvidencePage | None:
    """The first page of this print kept from another file that puts it on file (EvidencePage.counts), if any."""
    return batch.uow.session.scalar(
        select(EvidencePage)
        .join(EvidenceFile, EvidenceFile.id == EvidencePage.file_id)
        .where(EvidencePage.print_record_id == record.id, EvidenceFile.sha256 != sha256, EvidencePage.counts)
        .order_by(EvidencePage.received_at, EvidencePage.id)
        .limit(1)
    )


def _take_code(batch: _Batch, scan: scans.ScannedFile, base: PageResult, code: str) -> PageResult:
    """Match one code of a page to its print and keep the page, or say why not."""
    verification, refusal, record = batch.look_up(code)
    base = _described(batch, replace(base, code=code), verification, record)
    if record is None:
        return replace(base, outcome=Outcome.REFUSED, reason=refusal)
    earlier = _earlier_copy(batch, record, scan.sha256)
    page, pages = base.place or (None, None)
    batch.uow.session.add(
        EvidencePage(
            file_id=batch.stored_file(scan),
            page=base.page,
            print_record_id=record.id,
            typed=base.typed,
            print_page=page,
            print_pages=pages,
            received_by=batch.user.username,
            received_at=batch.now,
        )
    )
    batch.uow.session.flush()
    batch.uow.note(
        touched(Kind.PRINTS, fiscal_year=record.fiscal_year, months=_months(record), districts={record.area_code})
    )
    if earlier is None:
        return replace(base, outcome=Outcome.RECORDED)
    when = format_thai_datetime(earlier.received_at)
    return replace(
        base, outcome=Outcome.BESIDE, reason=f"ได้รับแบบนี้แล้วเมื่อ {when} โดย {batch.person(earlier.received_by)}"
    )


def _said_if_unsigned(batch: _Batch, results: list[PageResult]) -> list[PageResult]:
    """The pages recorded that are not the one with the signatures, of prints with no page that counts on file
    once the intake is over (a later page of the file may be that one): said to wait for it. One query for all."""
    waiting = {result.code: batch.look_up(result.code)[2].id for result in results if _before_signed_page(result)}
    if not waiting:
        return results
    on_file = set(
        batch.uow.session.scalars(
            select(EvidencePage.print_record_id).where(
                EvidencePage.print_record_id.in_(set(waiting.values())), EvidencePage.counts
            )
        )
    )
    return [
        replace(result, unsigned=True, reason=UNSIGNED_PAGE.format(pages=result.place[1]))
        if _before_signed_page(result) and waiting[result.code] not in on_file
        else result
        for result in results
    ]


def _before_signed_page(result: PageResult) -> bool:
    """A page recorded whose QR code says it is not its print's last page."""
    return result.outcome is Outcome.RECORDED and result.place is not None and result.place[0] != result.place[1]


def _months(record: PrintRecord) -> list[int]:
    return list(stored_months(record.months))


def _on_file(batch: _Batch, sha256: str) -> dict[int, list[str]]:
    """Page → the codes already kept from this very file."""
    rows = batch.uow.session.execute(
        select(EvidencePage.page, PrintRecord.code)
        .join(EvidenceFile, EvidenceFile.id == EvidencePage.file_id)
        .join(PrintRecord, PrintRecord.id == EvidencePage.print_record_id)
        .where(EvidenceFile.sha256 == sha256)
        .order_by(EvidencePage.page, EvidencePage.id)
    )
    found: dict[int, list[str]] = {}
    for page, code in rows:
        found.setdefault(page, []).append(code)
    return found


def _same_scan(batch: _Batch, base: PageResult, codes: list[str], first) -> list[PageResult]:
    """A page of a file taken in before: said, with the print it showed, and not stored again."""
    when = format_thai_datetime(first.received_at)
    who = batch.person(first.received_by)
    reason = f"ไฟล์นี้ (เนื้อไฟล์เดียวกันทุกไบต์) รับไว้แล้วเมื่อ {when} โดย {who} ชื่อไฟล์ {first.name}"
    return [
        _described(batch, replace(base, code=code, outcome=Outcome.SAME_SCAN, reason=reason), *batch.look_up(code)[::2])
        for code in codes
    ]


def _unread(base: PageResult, found: scans.PageCodes) -> PageResult:
    other = f" (QR code บนหน้านี้อ่านได้ว่า {found.other[0][:40]} ซึ่งไม่ใช่{CODE_NAME})" if found.other else ""
    return replace(
        base,
        outcome=Outcome.NO_CODE,
        reason=f"อ่าน QR code ไม่ได้{other} ถ้าเป็นแบบ จต.๒ กรุณาพิมพ์{CODE_NAME}และเลขหน้าที่พิมพ์ท้ายแบบ (มุมขวาล่าง)"
        f" เช่น {EXAMPLE} 3/3 ถ้าไม่ใช่แบบ จต.๒ ไม่ต้องทำอะไร (ไม่ได้เก็บไว้)",
    )


def _take_file(batch: _Batch, scan: scans.ScannedFile, typed: dict, default: str | None, tick) -> list[PageResult]:
    """Every page of one file: already on file, typed for it, or read from its QR code. With `default` (the command
    line's --code), a page whose QR code cannot be read is noted in the batch (_take_default), never given it here:
    the code goes to the intake's one such page, never over a code read (it filed a page that read as September
    under the November print it was typed for, every page of a file under one code, and with two pages unread
    the first, not the signed one)."""
    first = batch.uow.session.execute(
        select(EvidenceFile.received_at, EvidenceFile.received_by, EvidenceFile.name).where(
            EvidenceFile.sha256 == scan.sha256
        )
    ).first()
    on_file = _on_file(batch, scan.sha256) if first is not None else {}
    key = str(scan.path)
    given = {page: typed.get((key, page)) for page in range(1, scan.pages + 1)}
    to_read = [p for p in range(1, scan.pages + 1) if p not in on_file and not given[p]]
    reader = scans.read_pages(scan, to_read)
    results = []
    for page in range(1, scan.pages + 1):
        tick()
        base = PageResult(key, scan.name, page, scan.pages, Outcome.NO_CODE)
        if page in on_file:
            results += _same_scan(batch, base, on_file[page], first)
            continue
        if given[page]:
            results += _typed_page(batch, scan, base, given[page])
            continue
        found = next(reader)[1]
        if not found.codes:
            results.append(_unread(base, found))
            if default:
                batch.unread.append((results[-1], scan.path))
            continue
        results += [_take_code(batch, scan, replace(base, place=found.places.get(code)), code) for code in found.codes]
    return results


def _typed_page(batch: _Batch, scan: scans.ScannedFile, base: PageResult, typed: str) -> list[PageResult]:
    """A page taken under the code typed for it (its page on the form too: 'ABCD-EFGH-JKLM 3/3')."""
    code, place = read_qr(typed)
    if place is None and not code_problem(code):  # the code without its page: asked again, with it
        return [replace(base, typed=True, reason=typed_problem(typed))]
    return [_take_code(batch, scan, replace(base, typed=True, place=place), code)]


def _take_default(batch: _Batch, results: list[PageResult], default: str) -> list[PageResult]:
    """The intake's results with the command line's --code given to its one page whose QR code could not be read;
    with several such pages, none is guessed at: each is said so."""
    if len(batch.unread) == 1:
        placeholder, path = batch.unread[0]
        at = next(i for i, result in enumerate(results) if result is placeholder)
        item = _opened(path)  # read again: the one file of the intake this page is on
        base = PageResult(placeholder.path, placeholder.file_name, placeholder.page, placeholder.pages, Outcome.NO_CODE)
        taken = [item] if isinstance(item, PageResult) else _typed_page(batch, item, base, default)
        return results[:at] + taken + results[at + 1 :]
    unread = {id(placeholder) for placeholder, _ in batch.unread}
    said = (
        f"อ่าน QR code ไม่ได้ {len(batch.unread)} หน้า รหัสที่พิมพ์ (--code) ใช้ได้เมื่อมีหน้าเดียวที่อ่านไม่ได้ จึงไม่ได้ใช้กับหน้าใด"
        " กรุณารับทีละหน้า พร้อมรหัสและเลขหน้าที่พิมพ์ท้ายหน้านั้น"
    )
    return [replace(result, reason=said) if id(result) in unread else result for result in results]


def _opened(path: Path):
    """The scan, or the refusal of its file as a result."""
    try:
        return scans.open_scan(path)
    except InvalidInput as error:
        return PageResult(str(path), path.name, 0, 0, Outcome.REFUSED, reason=error.message)


def _page_counts(paths) -> list[tuple[Path, int]]:
    """Each file and its pages (0: it will be refused), read one at a time and let go of."""
    counted = []
    for path in scans.scan_files(paths):
        opened = _opened(path)
        counted.append((path, opened.pages))
    return counted


def take_in_scans(
    *,
    uow,
    user: UserInfo,
    paths,
    codes: dict | None = None,
    code: str | None = None,
    progress=None,
    cancelled=None,
) -> Intake:
    """Take in scanned files and folders: `codes` maps (file path, page) to a code typed from the paper; `code`
    is typed for every page whose QR code cannot be read. `progress(done, total)` counts pages; `cancelled()`
    stops before the next page, keeping nothing."""
    access.check(user, access.Action.RECEIVE_EVIDENCE, user.area_code)
    files = _page_counts(paths)
    if not files:
        raise InvalidInput(f"ไม่พบไฟล์สแกน ({scans.SUPPORTED}) ในที่ที่เลือก")
    typed = {(str(Path(p)), page): c for (p, page), c in (codes or {}).items() if c and c.strip()}
    total, done = sum(pages for _, pages in files), [0]

    def tick() -> None:
        if cancelled and cancelled():
            raise InvalidInput(CANCELLED)
        if progress:
            progress(done[0], total)
        done[0] += 1

    batch, results = _Batch(uow, user), []
    for path, _ in files:
        item = _opened(path)  # read again, one file at a time
        results += [item] if isinstance(item, PageResult) else _take_file(batch, item, typed, code, tick)
    if code and batch.unread:
        results = _take_default(batch, results, code)
    if progress:
        progress(total, total)
    results = _said_if_unsigned(batch, results)
    uow.commit()
    return Intake(tuple(results))
