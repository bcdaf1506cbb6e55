"""The roadmap board (attachment 3): for each district (each province at the department) and each month
of a fiscal year, which step it has reached — entered, จต.๒ printed, sent or taken in, locked — when, and
whether on time (entry by the month's end, the lock by the 5th of the next month); and per month the
reporting rate and the on-time rate as DHIS2 reports them: complete reports over those expected."""

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select

from otop_desktop.core.users import UserInfo
from otop_desktop.models import District, DistrictLock, ExportLog, ImportLedger, PrintRecord, Province, ProvinceLock
from otop_desktop.services import access, deadlines
from otop_desktop.services.deadlines import deadline_of
from otop_desktop.services.evidence.register import quarter_evidence
from otop_desktop.services.locks import unlisted_counts
from otop_desktop.services.periods import stored_months
from otop_desktop.services.reports import figures, summary
from otop_desktop.services.thai import (
    FISCAL_MONTHS,
    THAI_MONTHS_SHORT,
    first_day,
    last_day,
    to_local,
    today_in_thailand,
)


@dataclass(frozen=True)
class Cell:
    """One area's month on the board."""

    month: int
    begun: bool
    listed: int  # entrepreneurs expected: on the month's list, and the district's not on it (locks.unlisted_counts)
    entered: int  # of them, with figures
    saved_at: datetime | None  # the last save, local time
    printed_at: datetime | None  # the first จต.๒ printed for the month
    sent_at: datetime | None  # the file sent (a district) or taken in (a province, the department)
    locked_at: datetime | None  # locked (confirmed) and still locked
    entry_due: date
    lock_due: date
    entry_late: bool
    lock_late: bool

    @property
    def complete(self) -> bool:
        """Every entrepreneur on the list has figures: the month's report is in."""
        return self.listed > 0 and self.entered == self.listed

    @property
    def on_time(self) -> bool:
        """Complete, and saved by the month's end."""
        return self.complete and not self.entry_late


@dataclass(frozen=True)
class BoardRow:
    """A district (or a province at the department) across the twelve months."""

    code: str
    name: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class MonthRate:
    """A month's reporting figures: expected, complete, complete on time, locked."""

    month: int
    label: str
    expected: int
    complete: int
    on_time: int
    locked: int
    entry_due: bool = True  # the month's end has come: the reporting and on-time rates mean something
    lock_due: bool = True  # the 5th of the next month has come: so does the locked rate

    def rate(self, count: int) -> float | None:
        """A count over those expected, as a percentage for display (None when none is expected)."""
        return None if not self.expected else 100 * count / self.expected

    def shown(self, kind: str) -> tuple[int, float] | None:
        """'complete', 'on_time' or 'locked' as (count, percentage); None until its date has come ('–', not
        '0% (0/1)' for a month not yet due) or when none is expected."""
        due = self.lock_due if kind == "locked" else self.entry_due
        count = getattr(self, kind)
        return (count, self.rate(count)) if due and self.expected else None


@dataclass(frozen=True)
class Board:
    """The board of an area and fiscal year."""

    fiscal_year: int
    area_name: str
    unit_name: str  # อำเภอ or จังหวัด: what a row is
    rows: tuple[BoardRow, ...]
    rates: tuple[MonthRate, ...]
    today: date
    due: deadlines.MonthDeadline | None = None  # the month to confirm next (services/deadlines.py), to mark
    # The signed จต.๒ on file (issue 29), districts only: district → its four quarters; per quarter (on file, expected).
    evidence: dict = field(default_factory=dict)
    evidence_rates: tuple[tuple[int, int], ...] = ()

    def evidence_due(self, quarter: int) -> date:
        """The day the signed จต.๒ of quarter `quarter` (0 to 3) are due: the same for every district."""
        return next(iter(self.evidence.values()))[quarter].due


def _local(stored: datetime | None) -> datetime | None:
    return None if stored is None else to_local(stored).replace(tzinfo=None)


def _units(session, scope, level: int) -> list[tuple[str, str]]:
    if level == 2:
        return sorted(tuple(row) for row in session.execute(select(Province.code, Province.name_th)))
    query = (
        select(District.code, District.name_th).where(District.code.startswith(scope.prefix)).order_by(District.code)
    )
    return [tuple(row) for row in session.execute(query)]


def _entries(session, scope, level: int) -> dict[tuple[str, int], tuple[int, int, datetime | None]]:
    """(area, month) → (listed, entered, last saved), from the monthly summary."""
    key = "province" if level == 2 else "district"
    sums = summary.sums_by(session, scope, key, "month")
    saved = summary.last_saved(session, scope, key)
    return {
        (code, month): (s.listed, s.reported, _local(saved.get((code, month)))) for (code, month), s in sums.items()
    }


def _with_unlisted(session, scope, entries: dict, today: date) -> dict:
    """Each district-month's list counted with the district's entrepreneurs not on it (locks.unlisted_counts), as
    the lock panel, the dashboard, the check and the printed form count it: a district that entered one of three
    is not complete here either. Months begun only; at a province and a district (the department's dashboard
    counts the lists alone, and so does its board)."""
    counted = dict(entries)
    for month in FISCAL_MONTHS:
        if first_day(scope.fiscal_year, month) > today:
            continue
        for code, missing in unlisted_counts(session, scope.prefix, scope.fiscal_year, month).items():
            listed, entered, saved = counted.get((code, month), (0, 0, None))
            counted[(code, month)] = (listed + missing, entered, saved)
    return counted


def _first_times(rows) -> dict[tuple[str, int], datetime]:
    """(area, month) → the earliest time, from (area, months text, time) rows."""
    first: dict[tuple[str, int], datetime] = {}
    for area, months, at in rows:
        for month in stored_months(months):
            key = (area, month)
            if key not in first or at < first[key]:
                first[key] = at
    return {key: _local(at) for key, at in first.items()}


def _steps(session, scope, level: int) -> tuple[dict, dict, dict]:
    """printed, sent or taken in, locked: (area, month) → when."""
    year, prefix = scope.fiscal_year, scope.prefix
    printed = _first_times(
        session.execute(
            select(PrintRecord.area_code, PrintRecord.months, PrintRecord.printed_at).where(
                PrintRecord.form == "jt2", PrintRecord.fiscal_year == year, PrintRecord.area_code.startswith(prefix)
            )
        )
    )
    taken = select(ImportLedger.source_area, ImportLedger.months, ImportLedger.imported_at).where(
        ImportLedger.fiscal_year == year, ImportLedger.outcome == "applied", ImportLedger.source_area.startswith(prefix)
    )
    sent_here = select(ExportLog.area_code, ExportLog.months, ExportLog.created_at).where(
        ExportLog.fiscal_year == year, ExportLog.area_code.startswith(prefix)
    )
    sent = _first_times([*session.execute(taken), *session.execute(sent_here)])
    if level == 2:
        locks = select(ProvinceLock.province_code, ProvinceLock.month, ProvinceLock.changed_at).where(
            ProvinceLock.fiscal_year == year, ProvinceLock.locked
        )
    else:
        locks = select(DistrictLock.district_code, DistrictLock.month, DistrictLock.changed_at).where(
            DistrictLock.fiscal_year == year, DistrictLock.locked, DistrictLock.district_code.startswith(prefix)
        )
    locked = {(code, month): _local(at) for code, month, at in session.execute(locks)}
    return printed, sent, locked


def _cell(code: str, month: int, fiscal_year: int, today: date, entries, printed, sent, locked) -> Cell:
    listed, entered, saved = entries.get((code, month), (0, 0, None))
    lock_due = deadline_of(fiscal_year, month)
    # A district records its month by the month's last day; a province's month reaches the department with its
    # confirmation, due the 5th (it showed every province late on the 5th, beside "ครบกำหนดวันนี้").
    entry_due = lock_due if len(code) == 2 else last_day(fiscal_year, month)
    locked_at = locked.get((code, month))
    complete = listed > 0 and entered == listed
    entry_late = (saved.date() > entry_due) if complete else today > entry_due
    lock_late = (locked_at.date() > lock_due) if locked_at else today > lock_due
    return Cell(
        month,
        first_day(fiscal_year, month) <= today,
        listed,
        entered,
        saved,
        printed.get((code, month)),
        sent.get((code, month)),
        locked_at,
        entry_due,
        lock_due,
        entry_late,
        lock_late,
    )


def roadmap_board(*, uow, user: UserInfo, fiscal_year: int, today: date | None = None) -> Board:
    """The board of the user's area: a district user sees its own row; the department, one row a province."""
    today = today or today_in_thailand()
    scope = figures.scope_for(uow, user, fiscal_year)
    summary.refresh(uow)
    session = uow.session
    scope = figures.Scope(scope.prefix, fiscal_year, FISCAL_MONTHS, scope.confirmed_only, scope.area_name)
    level = 2 if not scope.prefix else 4
    entries = _entries(session, scope, level)
    if level == 4:
        entries = _with_unlisted(session, scope, entries, today)
    printed, sent, locked = _steps(session, scope, level)
    rows = tuple(
        BoardRow(
            code,
            name,
            tuple(_cell(code, month, fiscal_year, today, entries, printed, sent, locked) for month in FISCAL_MONTHS),
        )
        for code, name in _units(session, scope, level)
        if access.allowed(user, access.Action.VIEW, code)
    )
    rates = tuple(_rate(rows, index, fiscal_year, today) for index in range(len(FISCAL_MONTHS)))
    due = deadlines.due_month(uow=uow, user=user, today=today)
    board = Board(fiscal_year, scope.area_name, "จังหวัด" if level == 2 else "อำเภอ", rows, rates, today, due)
    return signed_copies(uow, user, board) if level == 4 else board


def _rate(rows, index: int, fiscal_year: int, today: date) -> MonthRate:
    month = FISCAL_MONTHS[index]
    cells = [row.cells[index] for row in rows]
    return MonthRate(
        month,
        THAI_MONTHS_SHORT[month - 1],
        len(cells),
        sum(c.complete for c in cells),
        sum(c.on_time for c in cells),
        sum(c.locked_at is not None for c in cells),
        today >= last_day(fiscal_year, month),
        today >= deadline_of(fiscal_year, month),
    )


def signed_copies(uow, user: UserInfo, board: Board) -> Board:
    """The board with each district's quarters of signed จต.๒ on file, and each quarter's count on file."""
    evidence = quarter_evidence(
        uow=uow,
        user=user,
        fiscal_year=board.fiscal_year,
        district_codes=[r.code for r in board.rows],
        today=board.today,
    )
    rates = tuple((sum(q[i].on_file for q in evidence.values()), len(evidence)) for i in range(4))
    return replace(board, evidence=evidence, evidence_rates=rates)


def board_text(board: Board) -> str:
    """The board as plain text for the command line: one line per area, a mark per month, then the rates.
    Marks: '-' not begun; '.' nothing yet; 'e' entered in part; 'E' entered in full; 'P' printed; 'S' sent or
    taken in; 'L' locked; '!' after a mark: late (done late, or after '.' not done past its date); '*': past the
    5th and still not locked."""
    lines = [
        f"แผนการดำเนินงาน ปีงบประมาณ {board.fiscal_year} {board.area_name}",
        "เครื่องหมาย: - ยังไม่ถึงเดือน  . ยังไม่มี  e กรอกบางส่วน  E กรอกครบ  P พิมพ์ จต.๒ แล้ว  "
        "S ส่ง/นำเข้าไฟล์แล้ว  L ล็อกแล้ว  ! หลังกำหนด (ทำช้า หรือ . ยังไม่ได้ทำ)  * เลยวันที่ 5 แล้วยังไม่ล็อก",
        f"{_pad('รหัส', 6)} {_pad(board.unit_name, 22)} "
        + " ".join(_pad(THAI_MONTHS_SHORT[m - 1], 6) for m in FISCAL_MONTHS),
    ]
    for row in board.rows:
        marks = " ".join(f"{_marks(cell):<6}" for cell in row.cells)
        lines.append(f"{row.code:<6} {_pad(row.name, 22)} {marks}")
    for title, kind in (
        ("อัตราการรายงาน (%)", "complete"),
        ("รายงานทันเวลา (%)", "on_time"),
        ("ล็อกแล้ว (%)", "locked"),
    ):
        values = " ".join(f"{'–' if r.shown(kind) is None else f'{r.shown(kind)[1]:.0f}':<6}" for r in board.rates)
        lines.append(f"{'':<6} {_pad(title, 22)} {values}")
    return "\n".join(lines + _signed_lines(board))


def _signed_lines(board: Board) -> list[str]:
    """The signed จต.๒ on file per quarter, and the districts whose copy's figures changed after printing."""
    if not board.evidence_rates:
        return []
    rates = "  ".join(f"ไตรมาส {n} {on}/{expected}" for n, (on, expected) in enumerate(board.evidence_rates, 1))
    lines = [f"ได้รับ จต.๒ ที่ลงนามแล้ว (อำเภอ): {rates}"]
    changed = [code for code, quarters in board.evidence.items() if any(q.changed for q in quarters)]
    if changed:
        lines.append(f"ตัวเลขเปลี่ยนหลังพิมพ์ฉบับที่ลงนาม ควรขอฉบับใหม่: {' '.join(changed)}")
    return lines


def _marks(cell: Cell) -> str:
    if not cell.begun and not cell.listed:
        return "-"
    marks = "E" if cell.complete else "e" if cell.entered else "."
    marks += "!" if cell.entry_late else ""
    marks += "P" if cell.printed_at else ""
    marks += "S" if cell.sent_at else ""
    if cell.locked_at:
        marks += "L" + ("!" if cell.lock_late else "")
    elif cell.lock_late:
        marks += "*"
    return marks


def _pad(text: str, width: int) -> str:
    """Text padded (or cut, ending '…') to a width of screen columns: Thai vowel and tone marks above and below
    take none, so a long district name does not push the month columns out of line."""
    columns = [unicodedata.category(ch) != "Mn" for ch in text]
    if sum(columns) > width:
        cut, used = [], 0
        for character, takes in zip(text, columns):
            if takes and used == width - 1:
                break
            cut.append(character)
            used += takes
        text = "".join(cut) + "…"
    shown = sum(1 for ch in text if unicodedata.category(ch) != "Mn")
    return text + " " * max(width - shown, 0)
