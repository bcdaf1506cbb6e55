"""Saving a month's edited amounts: every check, the rows and their audit entries in one transaction (Sync, which
lists the entrepreneurs the month is missing, is services/sync.py)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sqlalchemy import and_, bindparam, select, true

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput, PermissionDenied
from otop_desktop.core.users import UserInfo
from otop_desktop.models import Entrepreneur, MonthlySale
from otop_desktop.services.audit import amount_text, as_row, record_rows, sale_key, sale_key_prefix, sale_trail
from otop_desktop.services.entrepreneurs import entrepreneur_labels
from otop_desktop.services.entry import (
    AMOUNT_FIELDS,
    CHANNEL_FACTOR,
    CHANNELS,
    UNUSUAL_FACTOR,
    Amounts,
    UsualMonths,
    code_bounds,
    history_mark,
    is_unusual,
    mark_of,
    mark_question,
    scope_prefix,
    typical_months,
    unusual_channel,
)
from otop_desktop.services.money import MAX_SATANG, check_amount, format_baht
from otop_desktop.services.names import person_names
from otop_desktop.services.periods import check_period
from otop_desktop.services.sales_guard import check_sales_writable, locked_question
from otop_desktop.services.thai import format_thai_datetime, month_label, now_utc, sort_key
from otop_desktop.store.bulk import collector_paused, insert_rows, stored_time, update_rows_as_seen
from otop_desktop.store.together import read_together


@dataclass(frozen=True)
class SaleChange:
    """New amounts, in satang, for one entrepreneur in the month being saved."""

    entrepreneur_id: int
    amounts: Amounts
    # The row's revision when the user's grid showed it (0: not on the month's list yet). A save refuses the
    # change if someone saved the row since (a lost update); None skips the check (the command line).
    seen_revision: int | None = None
    # What the grid showed beside that revision: the row's amounts and the import that wrote them (None: typed
    # here). A save whose changed rows all come with it writes them without reading the month first; the write
    # itself takes only rows still as shown, and if any is not, the save reads the month and checks as always.
    seen: tuple[Amounts, int | None] | None = None


@dataclass(frozen=True)
class SaveResult:
    """What a save did."""

    saved_at: datetime
    rows_changed: int
    cells_changed: int


@dataclass(frozen=True)
class UnusualAmount:
    """A saved month far above the entrepreneur's usual month, or one channel far above that channel's, which the
    user must confirm: `total` and `typical` are the month's totals, or with `channel` that channel's amounts."""

    entrepreneur_id: int
    name: str  # with the OTOP code and tambon, as messages name an entrepreneur
    total: int
    typical: int
    channel: int | None = None  # an index of AMOUNT_FIELDS; None: the month's total

    def text(self) -> str:
        """'กลุ่มทอผ้าไหม: 99,999.99 บาท (ปกติเดือนละ 12,000.00 บาท)', or with the channel named."""
        what = "" if self.channel is None else f"ช่องทาง{CHANNELS[self.channel]} "
        return f"{self.name}: {what}{format_baht(self.total)} บาท (ปกติเดือนละ {format_baht(self.typical)} บาท)"


class SavedMeanwhile(InvalidInput):
    """Rows someone else saved after the user's grid showed them: nothing was saved; `rows` lists them as
    (name, saved by, saved at), `ids` their entrepreneurs (the grid keeps the officer's other edits)."""

    title = "มีผู้บันทึกข้อมูลนี้ไปก่อนแล้ว"

    def __init__(self, message: str, rows, ids=()):
        super().__init__(message)
        self.rows = rows
        self.ids = frozenset(ids)


class UnusualAmounts(InvalidInput):
    """A save with unusual amounts the user has not confirmed; `amounts` lists them."""

    title = "ยอดจำหน่ายสูงผิดปกติ"

    def __init__(self, message: str, amounts):
        super().__init__(message)
        self.amounts = tuple(amounts)


def _area_month(session, user: UserInfo, fiscal_year: int, month: int) -> tuple[dict[int, str], dict[int, tuple]]:
    """In one statement, every entrepreneur of the user's area with its tambon, and the month's rows
    already there (amounts, revision, the import that wrote them): what a save checks and writes against.
    The statement is built once and its rows fetched at once (a province's month: thousands)."""
    prefix = scope_prefix(user, None, None)
    connection = session.connection()
    query = _area_query(bool(prefix), bool(prefix) and connection.dialect.name == "postgresql")
    tambons, existing = {}, {}
    for entrepreneur_id, tambon, a, b, c, d, revision, import_id in connection.execute(
        query, {"year": fiscal_year, "month": month, **code_bounds(prefix)}
    ).all():  # unpacked: cheaper than a Row's slices
        tambons[entrepreneur_id] = tambon
        if revision is not None:
            existing[entrepreneur_id] = ((a, b, c, d), revision, import_id)
    return tambons, existing


@cache
def _area_query(narrowed: bool, lateral: bool):
    """Every entrepreneur of an area (`low` ≤ tambon code < `high`, or the whole country) and its row of the
    month if any. For an area on PostgreSQL, each entrepreneur's row is looked up by its key (a lateral join): a
    plain join let the planner read the whole country's month, or every entrepreneur of the country, for one
    province's (a third of a national save)."""
    sale = MonthlySale.__table__.c
    of_month = and_(
        sale.entrepreneur_id == Entrepreneur.id, sale.fiscal_year == bindparam("year"), sale.month == bindparam("month")
    )
    found = (*(sale[f] for f in AMOUNT_FIELDS), sale.revision, sale.import_id)
    if lateral:
        row = select(*found).where(of_month).limit(1).lateral()
        query = select(Entrepreneur.id, Entrepreneur.tambon_code, *row.c).outerjoin(row, true())
    else:
        query = select(Entrepreneur.id, Entrepreneur.tambon_code, *found).outerjoin(MonthlySale.__table__, of_month)
    if narrowed:
        query = query.where(Entrepreneur.tambon_code >= bindparam("low"), Entrepreneur.tambon_code < bindparam("high"))
    return query


@collector_paused
def save_month(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    changes: list[SaleChange],
    today: date | None = None,
    unusual_ok: bool = False,
    usual: UsualMonths | None = None,
) -> SaveResult:
    """Save edited amounts of a month in one transaction; a refused row means nothing is saved.
    A change for an entrepreneur not yet on the month's list puts it there (what Sync found), amounts or not.
    Totals far above an entrepreneur's usual month are refused (UnusualAmounts, listing them) until the
    user has seen them and confirmed (`unusual_ok`); the confirmation is recorded in the audit log.
    `usual`, the grid's usual months, spares reading the history again while its mark still holds."""
    check_period(fiscal_year, month)
    _check_amounts(changes)
    fresh = not uow.session.in_transaction()  # nothing of the caller's yet in the transaction, to be lost
    uow.begin_write()  # what is read below (locks, revisions) cannot change before the write
    if fresh and usual is not None and _all_seen(changes):
        saved = _save_as_seen(uow, user, (fiscal_year, month), changes, today, unusual_ok, usual)
        if saved is not None:
            return saved
        uow.begin_write()  # anew if it rolled back what it wrote
    tambons, existing = _area_month(uow.session, user, fiscal_year, month)
    _refuse_outside(changes, tambons)
    check_sales_writable(
        uow=uow,
        user=user,
        fiscal_year=fiscal_year,
        month=month,
        district_codes={tambons[c.entrepreneur_id][:4] for c in changes},
        today=today,
    )
    _check_not_saved_meanwhile(uow.session, changes, existing, fiscal_year, month)
    changed = [
        c for c in changes if c.entrepreneur_id not in existing or tuple(c.amounts) != existing[c.entrepreneur_id][0]
    ]
    usual = _usual_still(
        usual,
        (fiscal_year, month),
        {tambons[c.entrepreneur_id] for c in changed},
        lambda: history_mark(uow.session, usual.area_code, fiscal_year, month),
    )
    unusual = _unusual(uow, user, (fiscal_year, month), changed, usual)
    if unusual and not unusual_ok:
        raise _unusual_refusal(unusual)
    saved_at = now_utc()
    cells_changed = 0
    if changed:
        uow.note(
            touched(
                Kind.SALES,
                fiscal_year=fiscal_year,
                month=month,
                districts={tambons[c.entrepreneur_id][:4] for c in changed},
            )
        )
        cells_changed = _write_changes(uow.session, user, (fiscal_year, month), changed, existing, unusual, saved_at)
    uow.commit()
    return SaveResult(saved_at, len(changed), cells_changed)


def _all_seen(changes: list[SaleChange]) -> bool:
    """Whether every change comes with what the grid showed of a row already listed, and changes it."""
    return bool(changes) and all(
        c.seen is not None and c.seen_revision and tuple(c.amounts) != tuple(c.seen[0]) for c in changes
    )


def _save_as_seen(
    uow, user: UserInfo, period, changes: list[SaleChange], today, unusual_ok: bool, usual: UsualMonths
) -> SaveResult | None:
    """The grid's save of rows it showed, without reading the month's rows first: each row is updated only if it
    still holds the revision, amounts and import the grid showed (so those are the audit's old values), in one
    statement whose count says whether all were. The unusual totals are judged and the audit entries made while
    the server writes. None, with nothing written, when a row was not as shown (the transaction rolled back: a
    savepoint to go back to costs SQLite a copy of every page the update writes, as much as the update) or the
    grid's usual months no longer hold: save_month then reads the month and checks as always (naming who saved
    meanwhile)."""
    session = uow.session
    fiscal_year, month = period
    area = scope_prefix(user, None, None)
    questions = [_tambons_question(area), locked_question(area, fiscal_year, month)]
    if _usual_for(usual, period):
        questions.append(mark_question(usual.area_code, fiscal_year, month))
    tambons, locked, *marked = read_together(session, questions)  # one round trip on a server
    tambons = dict(tambons)
    _refuse_outside(changes, tambons)
    districts = {tambons[c.entrepreneur_id][:4] for c in changes}
    check_sales_writable(
        uow=uow,
        user=user,
        fiscal_year=fiscal_year,
        month=month,
        district_codes=districts,
        today=today,
        locked={code for (code,) in locked},
    )
    usual = _usual_still(usual, period, {tambons[c.entrepreneur_id] for c in changes}, lambda: mark_of(marked[0][0]))
    if usual is None:
        return None
    existing, typed, imported = {}, [], []
    for change in changes:
        (amounts, import_id), revision = change.seen, change.seen_revision
        existing[change.entrepreneur_id] = (amounts, revision, import_id)
        (typed if import_id is None else imported).append(
            (change.entrepreneur_id, *change.amounts, revision, *amounts, import_id)
        )
    saved_at = now_utc()
    written, (flagged, (audit, cells)) = _update_as_seen(
        session,
        typed,
        imported,
        shared={
            "fiscal_year": fiscal_year,
            "month": month,
            "updated_by": user.username,
            "updated_at": stored_time(saved_at),
            "origin": user.area_code,
        },
        meanwhile=lambda: (
            _flagged(changes, usual.totals, usual.channels),
            _change_rows(user, period, changes, existing),
        ),
    )
    if written != len(changes):  # some row changed since the grid showed it
        session.rollback()
        return None
    unusual = _named_unusual(session, flagged)
    if unusual and not unusual_ok:
        raise _unusual_refusal(unusual)
    uow.note(touched(Kind.SALES, fiscal_year=fiscal_year, month=month, districts=districts))
    record_rows(session, audit + _confirm_rows(user, period, unusual), at=saved_at)
    uow.commit()
    return SaveResult(saved_at, len(changes), cells)


_SEEN = ("revision", *AMOUNT_FIELDS, "import_id")  # what a row must still hold to be updated as the grid saw it


def _update_as_seen(session, typed: list[tuple], imported: list[tuple], shared: dict, meanwhile):
    """Update the rows as seen (update_rows_as_seen), those typed before apart from those a file wrote, as
    _upsert_sales does and for its reason (a file's have their import cleared); (rows updated, `meanwhile`'s
    result, run during the last update)."""
    batches = [(rows, extra) for rows, extra in ((typed, {}), (imported, {"import_id": None})) if rows]
    written = 0
    for i, (rows, extra) in enumerate(batches):
        count, result = update_rows_as_seen(
            session,
            MonthlySale.__table__,
            rows,
            key=("entrepreneur_id",),
            columns=AMOUNT_FIELDS,
            seen=_SEEN,
            shared=shared | extra,
            version="revision",
            meanwhile=meanwhile if i == len(batches) - 1 else lambda: None,
        )
        written += count
    return written, result


def _refuse_outside(changes: list[SaleChange], tambons: dict[int, str]) -> None:
    outside = [c.entrepreneur_id for c in changes if c.entrepreneur_id not in tambons]
    if outside:
        raise PermissionDenied(f"ไม่พบผู้ประกอบการเลขที่ {outside[0]} ในพื้นที่ของท่าน (เลขที่ผิด หรืออยู่ในพื้นที่อื่น) ไม่ได้บันทึกข้อมูลใด ๆ")


def _tambons_question(area: str) -> tuple:
    """The statement and parameters that read every entrepreneur of the area with its tambon (the area's
    entrepreneurs alone: a save as seen needs no row of the month)."""
    return _tambons_query(bool(area)), code_bounds(area)


@cache
def _tambons_query(narrowed: bool):
    query = select(Entrepreneur.id, Entrepreneur.tambon_code)
    if narrowed:
        query = query.where(Entrepreneur.tambon_code >= bindparam("low"), Entrepreneur.tambon_code < bindparam("high"))
    return query


def _check_amounts(changes) -> None:
    """Refuse a change without four amounts or with one no cell may hold (check_amount's rule). A whole
    province's month is looked at once; only one with something wrong goes through the cells one by one,
    so that the first wrong cell is the one named."""
    width = len(AMOUNT_FIELDS)
    if all(len(change.amounts) == width for change in changes):
        cells = [amount for change in changes for amount in change.amounts if amount is not None]
        if not cells or (set(map(type, cells)) == {int} and min(cells) >= 0 and max(cells) < MAX_SATANG):
            return
    for change in changes:
        if len(change.amounts) != width:
            raise InvalidInput("ข้อมูลยอดจำหน่ายต้องมี 4 ช่อง")
        for amount in change.amounts:
            check_amount(amount)


def _unusual_refusal(unusual: list["UnusualAmount"]) -> UnusualAmounts:
    return UnusualAmounts(
        f"ยังไม่ได้บันทึก: {unusual_rule(unusual)}: "
        + "; ".join(u.text() for u in unusual[:10])
        + (f" และอีก {len(unusual) - 10} ราย" if len(unusual) > 10 else "")
        + " กรุณาตรวจสอบ หากถูกต้องให้ยืนยันอีกครั้ง",
        unusual,
    )


SALE_COLUMNS = ("entrepreneur_id", "fiscal_year", "month", *AMOUNT_FIELDS, "revision", "updated_by", "updated_at")
SALE_COLUMNS += ("origin", "import_id")


def unusual_rule(unusual) -> str:
    """What made these amounts unusual, in Thai: the month's total, one channel, or either."""
    by_channel = sum(1 for u in unusual if u.channel is not None)
    total = f"ยอดรวมสูงกว่า {UNUSUAL_FACTOR} เท่าของเดือนปกติ"
    channel = f"ยอดช่องทางใดช่องทางหนึ่งสูงกว่า {CHANNEL_FACTOR} เท่าของเดือนปกติของช่องทางนั้น"
    said = total if not by_channel else channel if by_channel == len(unusual) else f"{total} หรือ{channel}"
    return f"ยอดของ {len(unusual)} รายสูงผิดปกติ: {said} (ค่ามัธยฐาน 12 เดือนก่อน)"


def _write_changes(session, user: UserInfo, period, changed, existing: dict, unusual, saved_at) -> int:
    """Upsert the changed rows and write their audit entries, each as one bulk statement of plain tuples
    (the rows of a province's month: no ORM object or dict a row); returns how many cells changed."""
    fiscal_year, month = period
    stamp, name, origin = stored_time(saved_at), user.username, user.area_code
    typed, imported = [], []
    for change in changed:
        entrepreneur_id = change.entrepreneur_id
        _, old_revision, old_import = existing.get(entrepreneur_id, _UNLISTED)
        # import_id None: typed here, no longer the figure of a file
        (typed if old_import is None else imported).append(
            (entrepreneur_id, fiscal_year, month, *change.amounts, old_revision + 1, name, stamp, origin, None)
        )
    audit, cells = _upsert_sales(  # the audit entries are made while the server upserts
        session, typed, imported, meanwhile=lambda: _audit_rows(user, period, changed, existing, unusual)
    )
    record_rows(session, audit, at=saved_at)
    return cells


_UNLISTED = ((None,) * len(AMOUNT_FIELDS), 0, None)  # a row not yet on the month's list: no amounts, revision 0


def _audit_rows(user: UserInfo, period, changed, existing: dict, unusual) -> tuple[list[tuple], int]:
    """The save's audit entries and how many cells changed: one entry a changed cell, then what the save
    noted beside them (rows newly listed, a file's figures overwritten), the unusual totals confirmed, and the
    month's list grown."""
    rows, cells = _change_rows(user, period, changed, existing)
    rows += _confirm_rows(user, period, unusual)
    listed = sum(1 for change in changed if change.entrepreneur_id not in existing)
    if listed:
        fiscal_year, month = period
        key, before = f"{user.area_code}/{fiscal_year}/{month:02d}", len(existing)
        rows.append((user.username, "sync", "month", key, "entrepreneurs", str(before), str(before + listed), None))
    return rows, cells


def _change_rows(user: UserInfo, period, changed, existing: dict) -> tuple[list[tuple], int]:
    """An audit entry a changed cell, then the trail beside them (rows newly listed, a file's figures
    overwritten); and how many cells changed."""
    fiscal_year, month = period
    name, prefix = user.username, sale_key_prefix(fiscal_year, month)
    rows, trail = [], []
    for change in changed:
        entrepreneur_id = change.entrepreneur_id
        old_amounts, _, old_import = existing.get(entrepreneur_id, _UNLISTED)
        key = f"{prefix}{entrepreneur_id}"
        for field, old, new in zip(AMOUNT_FIELDS, old_amounts, change.amounts):
            if old != new:
                rows.append((name, "save", "monthly_sale", key, field, amount_text(old), amount_text(new), None))
        listed = entrepreneur_id not in existing
        if listed or old_import is not None:
            trail += map(as_row, sale_trail(name, key, listed=listed, import_id=old_import))
    return rows + trail, len(rows)


def _confirm_rows(user: UserInfo, period, unusual: list[UnusualAmount]) -> list[tuple]:
    """The audit entries of the unusual amounts the user confirmed, each on its field (or the total)."""
    fiscal_year, month = period
    return [
        (user.username, "confirm_unusual", "monthly_sale", sale_key(u.entrepreneur_id, fiscal_year, month))
        + (_unusual_field(u), amount_text(u.typical), amount_text(u.total), _unusual_note(u))
        for u in unusual
    ]


def _unusual_field(unusual: UnusualAmount) -> str:
    return "total" if unusual.channel is None else AMOUNT_FIELDS[unusual.channel]


def _unusual_note(unusual: UnusualAmount) -> str:
    if unusual.channel is None:
        return f"ยืนยันยอดสูงกว่า {UNUSUAL_FACTOR} เท่าของเดือนปกติ"
    return f"ยืนยันยอดช่องทางสูงกว่า {CHANNEL_FACTOR} เท่าของเดือนปกติของช่องทาง"


def _upsert_sales(session, typed: list[tuple], imported: list[tuple], meanwhile):
    """Upsert the rows (import_id None in each), those typed before apart from those a file wrote: a row typed
    before keeps its import_id (None) untouched, since SQLite rewrites the index of every column an upsert sets,
    changed or not, and import_id's index entries lie as scattered as the rows (a third of the pages a save
    wrote); a row from a file has its import_id cleared. `meanwhile` runs during the last upsert (insert_rows);
    its result is returned."""
    table, conflict = MonthlySale.__table__, ("entrepreneur_id", "fiscal_year", "month")
    batches = [(rows, update) for rows, update in ((typed, SALE_COLUMNS[3:-1]), (imported, SALE_COLUMNS[3:])) if rows]
    for rows, update in batches[:-1]:
        insert_rows(session, table, SALE_COLUMNS, rows, conflict=conflict, update=update, plain=True)
    rows, update = batches[-1] if batches else ([], ())
    return insert_rows(
        session, table, SALE_COLUMNS, rows, conflict=conflict, update=update, plain=True, meanwhile=meanwhile
    )


def _check_not_saved_meanwhile(session, changes, existing: dict, fiscal_year: int, month: int) -> None:
    """Refuse the whole save if a row changed since the user's grid showed it, naming who saved it and when."""
    stale = [
        c.entrepreneur_id
        for c in changes
        if c.seen_revision is not None and existing.get(c.entrepreneur_id, (None, 0))[1] != c.seen_revision
    ]
    if not stale:
        return
    query = (
        select(MonthlySale.entrepreneur_id, MonthlySale.updated_by, MonthlySale.updated_at)
        .where(
            MonthlySale.entrepreneur_id.in_(stale), MonthlySale.fiscal_year == fiscal_year, MonthlySale.month == month
        )
        .order_by(MonthlySale.updated_at.desc())
    )
    found = session.execute(query).all()
    labels = entrepreneur_labels(session, [number for number, _, _ in found])
    rows = [(labels[number], by, at) for number, by, at in found]
    people = person_names(session, [by for _, by, _ in rows[:5]])
    more = f" และอีก {len(rows) - 5} ราย" if len(rows) > 5 else ""

    def saved(by, at) -> str:
        return f"(โดย {people.get(by, by)} เมื่อ {format_thai_datetime(at)})"

    if len({(by, at) for _, by, at in rows}) == 1:  # one save elsewhere (a Sync lists hundreds): said once
        shown = "; ".join(name for name, _, _ in rows[:5]) + f"{more} {saved(*rows[0][1:])}"
    else:
        shown = "; ".join(f"{name} {saved(by, at)}" for name, by, at in rows[:5]) + more
    raise SavedMeanwhile(
        f"ยังไม่ได้บันทึก: ระหว่างที่ท่านแก้ไข มีการบันทึกยอดของ {len(stale):,} รายในเดือน{month_label(fiscal_year, month)} "
        f"ไปก่อนแล้ว (จากเครื่องอื่นหรือหน้าต่างอื่น): {shown} ถ้าบันทึกตอนนี้จะทับยอดที่บันทึกไว้ก่อน "
        "กรุณาโหลดข้อมูลล่าสุดแล้วตรวจสอบอีกครั้ง",
        rows,
        stale,
    )


def _usual_for(usual: UsualMonths | None, period) -> bool:
    """Whether the grid handed usual months of this month, read while the history was not being rebuilt."""
    return usual is not None and usual.mark is not None and (usual.fiscal_year, usual.month) == period


def _usual_still(usual: UsualMonths | None, period, tambons, mark: Callable[[], tuple | None]) -> UsualMonths | None:
    """The grid's usual months if they are of this month, cover the changed rows' tambons, and the history has
    not changed since they were read (`mark`: the history's mark now, asked last); otherwise None (the save
    reads the history itself)."""
    if not _usual_for(usual, period) or not all(tambon.startswith(usual.area_code) for tambon in tambons):
        return None
    return usual if mark() == usual.mark else None


def _unusual(uow, user: UserInfo, period, changes, usual: UsualMonths | None) -> list[UnusualAmount]:
    """The changes whose month's total, or one channel, is far above its usual month (entry's two rules), in one
    pass over the month (a province's: thousands of rows)."""
    if usual is not None:
        typical, channels = usual.totals, usual.channels
    else:
        wanted = [c.entrepreneur_id for c in changes if any(c.amounts)]  # None, 0: nothing to judge
        if not wanted:
            return []
        fiscal_year, month = period
        typical, channels = typical_months(
            uow=uow, user=user, fiscal_year=fiscal_year, month=month, entrepreneur_ids=wanted
        )
    return _named_unusual(uow.session, _flagged(changes, typical, channels))


def _flagged(changes, typical: dict, channels: dict) -> dict[int, tuple]:
    """The changes far above their usual month, or with one channel far above its own, as entrepreneur:
    (amount, usual, channel or None for the total): arithmetic alone, so that it can run while the server writes."""
    flagged = {}
    for change in changes:
        amounts = change.amounts
        total = sum(filter(None, amounts))
        if not total:
            continue
        i = change.entrepreneur_id
        if is_unusual(total, typical.get(i)):
            flagged[i] = (total, typical[i], None)
        elif (channel := unusual_channel(amounts, usual_channels := channels.get(i))) is not None:
            flagged[i] = (amounts[channel], usual_channels[channel], channel)
    return flagged


def _named_unusual(session, flagged: dict[int, tuple]) -> list[UnusualAmount]:
    """The flagged changes named, in the order of their names."""
    if not flagged:
        return []
    names = entrepreneur_labels(session, flagged)  # name, code and tambon: namesakes differ
    return sorted(
        (UnusualAmount(i, names[i], *found) for i, found in flagged.items()),
        key=lambda u: (sort_key(u.name), u.entrepreneur_id),
    )
