"""Each figure's history: every change of one entrepreneur's month (typed saves, Sync, district files and their
undoing, locks), read from the audit log and the import ledger, with who, when, old → new per channel."""

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import UserInfo
from otop_desktop.models import (
    AuditEntry,
    District,
    Entrepreneur,
    ImportLedger,
    ImportSaleBefore,
    MonthlySale,
    Province,
    User,
)
from otop_desktop.services.areas import check_district_visible
from otop_desktop.services.audit import AMOUNTS, IMPORT_ID, LISTED, SALE, amounts_from_text, sale_key
from otop_desktop.services.entry import AMOUNT_FIELDS, CHANNELS
from otop_desktop.services.lock_history import lock_changes, lock_state_at
from otop_desktop.services.money import format_baht
from otop_desktop.services.periods import check_period
from otop_desktop.services.thai import format_thai_datetime, month_label

Amounts = tuple | None  # four amounts in satang, or None: not on the month's list


class StepKind(enum.StrEnum):
    """Where a step of a figure's history came from."""

    EARLIER = "earlier"  # figures already there before the audit log says anything of them
    SYNC = "sync"  # put on the month's list, no amounts yet
    SAVE = "save"  # typed and saved
    FILE = "file"  # an imported district (or province) file
    UNDO = "undo"  # an import undone
    LOCK = "lock"  # the month locked or unlocked


STEP_NAMES = {
    StepKind.EARLIER: "ยอดก่อนมีบันทึกประวัติ",
    StepKind.SYNC: "Sync ข้อมูล",
    StepKind.SAVE: "บันทึกยอด",
    StepKind.FILE: "นำเข้าไฟล์",
    StepKind.UNDO: "ยกเลิกการนำเข้า",
    StepKind.LOCK: "ล็อก/ปลดล็อก",
}
NO_AMOUNT = "—"
MAYBE_LISTED = "maybe listed"  # a save of older versions that may have put the entrepreneur on the list


@dataclass(frozen=True)
class ChannelChange:
    """One channel's amount before and after a step, in satang (None: blank)."""

    channel: str
    old: int | None
    new: int | None

    def text(self) -> str:
        """'ในประเทศ ออฟไลน์ 1,000.00 → 1,200.00'."""
        return f"{self.channel} {format_baht(self.old, blank=NO_AMOUNT)} → {format_baht(self.new, blank=NO_AMOUNT)}"


@dataclass(frozen=True)
class HistoryStep:
    """One change of the month: what, who, when, the channels it changed, and the lock state after it."""

    kind: StepKind
    at: datetime | None  # UTC; None for figures older than the log
    username: str
    display_name: str
    changes: tuple[ChannelChange, ...]
    detail: str  # in Thai: which file and import, undone or not; listed; the lock's reason
    lock_state: str  # in Thai
    import_id: int | None = None
    file_name: str = ""

    @property
    def who(self) -> str:
        """'นางสมศรี ใจดี (prov)', or the login alone."""
        if self.display_name and self.display_name != self.username:
            return f"{self.display_name} ({self.username})"
        return self.username or NO_AMOUNT

    @property
    def when(self) -> str:
        """Thailand's time in the Buddhist era."""
        return NO_AMOUNT if self.at is None else format_thai_datetime(self.at)

    @property
    def what(self) -> str:
        """The step's kind in Thai."""
        return STEP_NAMES[self.kind]

    def changes_text(self) -> str:
        """The channels it changed, old → new, or a dash."""
        return "; ".join(change.text() for change in self.changes) or NO_AMOUNT

    def line(self) -> str:
        """The step in one line (the command line's)."""
        parts = (self.when, self.who, self.what, self.changes_text(), self.detail, f"สถานะ: {self.lock_state}")
        return " | ".join(part for part in parts if part)


@dataclass(frozen=True)
class FigureHistory:
    """An entrepreneur's month and every step that made its figures, oldest first."""

    entrepreneur_id: int
    name: str
    district_name: str
    fiscal_year: int
    month: int
    current: Amounts
    steps: tuple[HistoryStep, ...]

    @property
    def title(self) -> str:
        """'กลุ่มทอผ้าไหม (อำเภอเมืองอุบลราชธานี) เดือนสิงหาคม 2569'."""
        return f"{self.name} (อำเภอ{self.district_name}) เดือน{month_label(self.fiscal_year, self.month)}"


@dataclass
class _Event:
    """A step while the history is worked out backwards from today's figures."""

    kind: StepKind
    at: datetime | None
    username: str
    order: int = 0
    fields: dict | None = None  # a save: amount index → old satang
    before: Amounts = None  # a file or an undo: the figures before it
    detail: str = ""
    import_id: int | None = None
    file_name: str = ""
    after: Amounts = None


def figure_history(*, uow, user: UserInfo, entrepreneur_id: int, year: int, month: int) -> FigureHistory:
    """Every change of an entrepreneur's month in the user's area, oldest first, from the audit log and the
    ledger of imported files: typed saves, Sync, files (which, undone or not), undos, and the lock state."""
    check_period(year, month)
    session = uow.session
    person = _person(session, user, entrepreneur_id)
    row = session.get(MonthlySale, (entrepreneur_id, year, month))
    current = None if row is None else tuple(getattr(row, f) for f in AMOUNT_FIELDS)
    trail = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == SALE, AuditEntry.entity_key == sale_key(entrepreneur_id, year, month))
        .order_by(AuditEntry.id)
    ).all()
    kept = select(ImportSaleBefore).where(
        ImportSaleBefore.entrepreneur_id == entrepreneur_id,
        ImportSaleBefore.fiscal_year == year,
        ImportSaleBefore.month == month,
    )
    events = _save_events(session, trail, person.tambon_code, year, month)
    events += _file_events(session, trail, {b.import_id: b for b in session.scalars(kept)}, row)
    files = {event.import_id: event.file_name for event in events if event.kind is StepKind.FILE}
    for event in events:  # an undo names the file it undid
        event.file_name = event.file_name or files.get(event.import_id, "")
    locks = lock_changes(session, person.tambon_code[:4], year, month)
    steps = _walk(events, current)
    if len(steps) == 1 and steps[0].kind is StepKind.EARLIER:  # the row itself says who wrote it last, and when
        steps[0].at, steps[0].username = row.updated_at, row.updated_by
    names = _display_names(session, {e.username for e in (*steps, *locks)})
    lock_steps = [_Event(StepKind.LOCK, c.at, c.username, c.order, detail=c.detail) for c in locks]
    timeline = sorted((*steps, *lock_steps), key=lambda e: (e.at is not None, e.at or datetime.min, e.order))
    district = session.get(District, person.tambon_code[:4])
    return FigureHistory(
        entrepreneur_id,
        person.name,
        district.name_th,
        year,
        month,
        current,
        tuple(_step(e, names, locks) for e in timeline),
    )


def _person(session, user: UserInfo, entrepreneur_id) -> Entrepreneur:
    """The entrepreneur, if it exists and is in the user's area."""
    known = type(entrepreneur_id) is int and 0 < entrepreneur_id < 2**31  # else no such row, on either engine
    person = session.get(Entrepreneur, entrepreneur_id) if known else None
    if person is None:
        raise InvalidInput(f"ไม่พบผู้ประกอบการรหัส {entrepreneur_id}")
    check_district_visible(user, person.tambon_code[:4])
    return person


def _older_listings(session, tambon_code: str, year: int, month: int) -> set[datetime]:
    """When a save written before saves named each entrepreneur they listed put entrepreneurs of the tambon's
    areas on the month's list: the month's Sync entries with no 'listed' entry beside them."""
    areas = {tambon_code, tambon_code[:4], tambon_code[:2], "00"}
    keys = [f"{area}/{year}/{month:02d}" for area in areas]
    query = select(AuditEntry.at).where(
        AuditEntry.entity == "month", AuditEntry.action == "sync", AuditEntry.entity_key.in_(keys)
    )
    stamps = set(session.scalars(query))
    if not stamps:
        return stamps
    named = select(AuditEntry.at).where(
        AuditEntry.entity == SALE, AuditEntry.field == LISTED, AuditEntry.at.in_(sorted(stamps))
    )
    return stamps - set(session.scalars(named))


def _save_events(session, trail, tambon_code: str, year: int, month: int) -> list[_Event]:
    """One event per save (its entries share one stamp), and one per row an undo changed."""
    listing = _older_listings(session, tambon_code, year, month)
    saves: dict[datetime, _Event] = {}
    events = []
    for entry in trail:
        if entry.action == "undo" and entry.field == AMOUNTS:
            undid = int(entry.note) if (entry.note or "").isdigit() else None
            event = _Event(StepKind.UNDO, entry.at, entry.username, entry.id, import_id=undid)
            event.before = amounts_from_text(entry.old_value)
            event.detail = "" if entry.new_value is not None else "ออกจากรายการของเดือน"
            events.append(event)
            continue
        event = saves.get(entry.at)
        if event is None:
            event = saves[entry.at] = _Event(StepKind.SAVE, entry.at, entry.username, entry.id, fields={})
            events.append(event)
        _note_save_entry(event, entry)
    for event in saves.values():
        event.fields[MAYBE_LISTED] = event.at in listing  # listed if nothing stood before (worked out in _walk)
    return events


def _note_save_entry(event: _Event, entry) -> None:
    """Add one audit entry of a save to its event: an amount's old value, the listing, the file overwritten, an
    unusual amount confirmed (first: a channel's confirmation names the channel's field, its usual month no old
    value of it)."""
    if entry.action == "confirm_unusual":
        event.detail = entry.note or "ยืนยันยอดสูงกว่า 10 เท่าของเดือนปกติ"
    elif entry.field in AMOUNT_FIELDS:
        event.fields[AMOUNT_FIELDS.index(entry.field)] = _satang(entry.old_value)
    elif entry.field == LISTED:
        event.fields[LISTED] = True
    elif entry.field == IMPORT_ID and entry.old_value:
        event.import_id = int(entry.old_value)


def _satang(baht_text: str | None) -> int | None:
    """A save's audit value ('1234.50', the baht with two decimals) in satang."""
    if baht_text is None:
        return None
    baht, _, satang = baht_text.partition(".")
    return int(baht) * 100 + (int(satang or 0) if not baht.startswith("-") else -int(satang or 0))


def _file_events(session, trail, befores: dict, row) -> list[_Event]:
    """The imports that wrote this row: from what they kept to undo, the row itself, later saves and undos."""
    undone = {int(e.note): e for e in trail if e.action == "undo" and e.field == AMOUNTS and (e.note or "").isdigit()}
    ids = {b.import_id for b in befores.values() if b.written}
    ids |= {b.prior_import_id for b in befores.values() if b.prior_import_id}
    ids |= {int(e.old_value) for e in trail if e.field == IMPORT_ID and (e.old_value or "").isdigit()} | set(undone)
    if row is not None and row.import_id:
        ids.add(row.import_id)
    ledger = list(session.scalars(select(ImportLedger).where(ImportLedger.id.in_(sorted(ids))))) if ids else []
    areas = _area_names(session, {entry.source_area for entry in ledger})
    events = []
    for entry in ledger:
        event = _Event(StepKind.FILE, entry.imported_at, entry.imported_by, -1, import_id=entry.id)
        event.file_name = entry.file_name
        kept = befores.get(entry.id)
        if kept is not None and kept.written:
            event.before = tuple(getattr(kept, f) for f in AMOUNT_FIELDS)
        elif entry.id in undone:  # what the undo put back is what stood before the file
            event.before = amounts_from_text(undone[entry.id].new_value)
        undo_word = " ยกเลิกการนำเข้าแล้ว" if entry.outcome == "undone" else ""
        source = areas.get(entry.source_area, entry.source_area)
        event.detail = f"ไฟล์ {entry.file_name} จาก{source} (นำเข้าครั้งที่ {entry.id}){undo_word}"
        events.append(event)
    return events


def _area_names(session, codes) -> dict[str, str]:
    """Districts ('อำเภอ…') and provinces ('จังหวัด…') by code."""
    codes = sorted(codes)
    names = {
        code: f"อำเภอ{name}"
        for code, name in session.execute(select(District.code, District.name_th).where(District.code.in_(codes)))
    }
    query = select(Province.code, Province.name_th).where(Province.code.in_(codes))
    names.update({code: f"จังหวัด{name}" for code, name in session.execute(query)})
    return names


def _walk(events: list[_Event], current: Amounts) -> list[_Event]:
    """Work the figures before and after each step back from today's: each save's old values, each file's
    figures before it, each undo's figures before it. Figures older than the log make a first step."""
    events = sorted(events, key=lambda e: (e.at, e.order))
    state = current
    for event in reversed(events):
        event.after = state
        if event.kind is StepKind.SAVE:
            amounts = list(state or (None,) * len(AMOUNT_FIELDS))
            for index, old in event.fields.items():
                if isinstance(index, int):
                    amounts[index] = old
            state = tuple(amounts)
            if event.fields[MAYBE_LISTED] and all(a is None for a in state):
                event.fields[LISTED] = True
            if event.fields.get(LISTED):
                state = None
                event.kind = StepKind.SYNC if all(a is None for a in event.after or ()) else StepKind.SAVE
        else:
            state = event.before
        event.before = state
    if state is not None:
        earlier = "บันทึกก่อนที่โปรแกรมจะเก็บประวัติการแก้ไข ผู้บันทึกและเวลาตามที่แถวข้อมูลระบุ"
        events.insert(0, _Event(StepKind.EARLIER, None, "", after=state, detail=earlier))
    return events


def _changes(before: Amounts, after: Amounts) -> tuple[ChannelChange, ...]:
    """The channels whose amount differs, old → new."""
    old, new = before or (None,) * len(CHANNELS), after or (None,) * len(CHANNELS)
    return tuple(ChannelChange(CHANNELS[i], old[i], new[i]) for i in range(len(CHANNELS)) if old[i] != new[i])


def _display_names(session, usernames) -> dict[str, str]:
    query = select(User.username, User.display_name).where(User.username.in_(sorted(usernames)))
    return dict(session.execute(query).all())


def _step(event: _Event, names: dict, locks) -> HistoryStep:
    """The public step of an event."""
    detail = event.detail
    if event.kind in (StepKind.SAVE, StepKind.SYNC):
        parts = ["เพิ่มในรายการของเดือน"] if event.fields.get(LISTED) else []
        if event.import_id:
            parts.append(f"แทนยอดจากไฟล์ {event.file_name} (นำเข้าครั้งที่ {event.import_id})")
        detail = " ".join([*parts, detail]).strip()
    if event.kind is StepKind.UNDO:
        detail = f"ยกเลิกการนำเข้าไฟล์ {event.file_name} (นำเข้าครั้งที่ {event.import_id}) {detail}".strip()
    changes = () if event.kind is StepKind.LOCK else _changes(event.before, event.after)
    return HistoryStep(
        event.kind,
        event.at,
        event.username,
        names.get(event.username, ""),
        changes,
        detail,
        NO_AMOUNT if event.at is None else lock_state_at(locks, event.at),
        event.import_id,
        event.file_name,
    )
