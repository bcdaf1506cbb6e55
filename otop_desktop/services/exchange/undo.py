"""Undoing an import from what it recorded, on either engine: the sales rows it added are deleted, the rows it
overwrote or marked seen get their values from before back, the entrepreneurs and print records it added go (not
while a signed copy of one of those prints is in the register), and a province
file's confirmations at the department are put back as they were. Nothing is undone that somebody changed
since: the officer is told which row, by whom and when, and nothing changes.

The last batch of files is undone together (newest first); any earlier import can be undone alone while
nobody has touched its rows since (a wrong file found a week later, with other districts' files taken in
after it)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, bindparam, select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput, MonthLocked
from otop_desktop.core.users import UserInfo
from otop_desktop.models import ImportLedger
from otop_desktop.services import access
from otop_desktop.services.audit import AMOUNTS, SALE, AuditNote, amounts_text, record, sale_key
from otop_desktop.services.exchange import prints
from otop_desktop.services.exchange.kinds import Outcome
from otop_desktop.services.exchange.merge import _sql, _upper
from otop_desktop.services.names import person_name
from otop_desktop.services.periods import stored_months
from otop_desktop.services.sales_guard import check_sales_writable
from otop_desktop.services.thai import format_thai_datetime, month_label

NOTHING_CHANGED = "ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ"

# The district-months whose figures an undo would change: a locked one refuses it, as it refuses a save.
_DISTRICT_MONTHS = _sql(
    "SELECT substr(e.tambon_code, 1, 4), s.month FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
    " WHERE s.import_id = :id UNION SELECT substr(e.tambon_code, 1, 4), b.month FROM import_sale_before b"
    " JOIN entrepreneur e ON e.id = b.entrepreneur_id WHERE b.import_id = :id"
)

# Rows the import wrote that no longer carry its id, or rows it only marked seen that were saved since.
_TOUCHED_SEEN = _sql(
    "SELECT e.name, s.fiscal_year, s.month, s.updated_by, s.updated_at, s.import_id FROM import_sale_before b"
    " JOIN monthly_sale s ON s.entrepreneur_id = b.entrepreneur_id "
    "AND s.fiscal_year = b.fiscal_year AND s.month = b.month"
    " JOIN entrepreneur e ON e.id = s.entrepreneur_id WHERE b.import_id = :id AND ("
    " (b.written AND (s.import_id IS NULL OR s.import_id <> :id))"
    " OR (NOT b.written AND (s.revision <> b.revision OR coalesce(s.import_id, 0) <> coalesce(b.prior_import_id, 0))))"
    " ORDER BY s.updated_at DESC LIMIT 1"
)
_CARRYING = _sql("SELECT count(*) FROM monthly_sale WHERE import_id = :id")
# Where a row the import added went (its id is gone from it): the newest change in the file's area and months.
_CHANGED_IN_AREA = _sql(
    "SELECT e.name, s.fiscal_year, s.month, s.updated_by, s.updated_at, s.import_id FROM monthly_sale s"
    " JOIN entrepreneur e ON e.id = s.entrepreneur_id WHERE s.fiscal_year = :year AND s.month IN :months"
    " AND e.tambon_code >= :low AND e.tambon_code < :high AND s.updated_at > :since"
    " AND (s.import_id IS NULL OR s.import_id <> :id) ORDER BY s.updated_at DESC LIMIT 1",
    "months",
).bindparams(bindparam("since", type_=DateTime()))
_PEOPLE_IN_USE = _sql(
    "SELECT e.name, s.fiscal_year, s.month, s.updated_by, s.updated_at, s.import_id FROM entrepreneur e"
    " JOIN monthly_sale s ON s.entrepreneur_id = e.id WHERE "
    "e.import_id = :id AND (s.import_id IS NULL OR s.import_id <> :id)"
    " ORDER BY s.updated_at DESC LIMIT 1"
)
_PEOPLE_EDITED = _sql(
    "SELECT e.name, a.username, a.at FROM audit_log a JOIN entrepreneur e ON a.entity_key = CAST(e.id AS VARCHAR(20))"
    " WHERE a.entity = 'entrepreneur' AND e.import_id = :id AND a.id > :after ORDER BY a.id DESC LIMIT 1"
)
_LOCKS_TOUCHED = _sql(
    "SELECT l.fiscal_year, l.month, l.changed_by, l.changed_at FROM import_lock_before b JOIN province_lock l"
    " ON l.province_code = b.province_code AND l.fiscal_year = b.fiscal_year AND l.month = b.month"
    " WHERE b.import_id = :id AND (l.changed_at <> :at OR l.changed_by <> :by) LIMIT 1"
).bindparams(bindparam("at", type_=DateTime()))

_DELETE_ADDED = _sql(
    "DELETE FROM monthly_sale WHERE import_id = :id AND NOT EXISTS (SELECT 1 FROM import_sale_before b"
    " WHERE b.import_id = :id AND b.entrepreneur_id = monthly_sale.entrepreneur_id"
    " AND b.fiscal_year = monthly_sale.fiscal_year AND b.month = monthly_sale.month)"
)
_RESTORE = _sql(
    "UPDATE monthly_sale SET domestic_offline = b.domestic_offline, domestic_online = b.domestic_online,"
    " export_offline = b.export_offline, export_online = b.export_online, revision = b.revision,"
    " updated_by = b.updated_by, updated_at = b.updated_at, origin = b.origin, source_revision = b.source_revision,"
    " import_id = b.prior_import_id FROM import_sale_before b WHERE b.import_id = :id"
    " AND monthly_sale.entrepreneur_id = b.entrepreneur_id AND monthly_sale.fiscal_year = b.fiscal_year"
    " AND monthly_sale.month = b.month"
)
# Each row the import wrote, with what it goes back to (no `before`: the import added it, the undo deletes it).
_UNDONE_ROWS = _sql(
    "SELECT s.entrepreneur_id, s.fiscal_year, s.month, s.domestic_offline, s.domestic_online, s.export_offline,"
    " s.export_online, b.import_id, b.domestic_offline, b.domestic_online, b.export_offline, b.export_online"
    " FROM monthly_sale s LEFT JOIN import_sale_before b ON b.import_id = :id"
    " AND b.entrepreneur_id = s.entrepreneur_id AND b.fiscal_year = s.fiscal_year AND b.month = s.month"
    " WHERE s.import_id = :id"
)
_FORGET_SALES = _sql("DELETE FROM import_sale_before WHERE import_id = :id")
_DELETE_PEOPLE = _sql("DELETE FROM entrepreneur WHERE import_id = :id")
_RESTORE_LOCKS = _sql(
    "UPDATE province_lock SET locked = b.locked, changed_by = "
    "b.changed_by, changed_at = b.changed_at, reason = b.reason"
    " FROM import_lock_before b WHERE b.import_id = :id AND b.existed AND province_lock.province_code = b.province_code"
    " AND province_lock.fiscal_year = b.fiscal_year AND province_lock.month = b.month"
)
_DELETE_LOCKS = _sql(
    "DELETE FROM province_lock WHERE EXISTS (SELECT 1 FROM "
    "import_lock_before b WHERE b.import_id = :id AND NOT b.existed"
    " AND province_lock.province_code = b.province_code AND province_lock.fiscal_year = b.fiscal_year"
    " AND province_lock.month = b.month)"
)
_FORGET_LOCKS = _sql("DELETE FROM import_lock_before WHERE import_id = :id")


@dataclass(frozen=True)
class UndoPlan:
    """What an undo would take back, checked as the undo checks it: the files and the sales rows they wrote."""

    files: tuple[str, ...]
    rows: int

    def question(self) -> str:
        """The question before the undo, naming what it takes back."""
        if len(self.files) == 1:
            what = f"ไฟล์ {self.files[0]}"
        else:
            what = (
                f"{len(self.files):,} ไฟล์ที่นำเข้าพร้อมกัน ({', '.join(self.files[:3])}{'…' if len(self.files) > 3 else ''})"
            )
        return f"ยกเลิกการนำเข้า{what}: ยอดจำหน่าย {self.rows:,} รายการที่นำเข้าจะกลับเป็นเหมือนก่อนนำเข้า ต้องการดำเนินการหรือไม่?"


def plan_undo(*, uow, user: UserInfo, ledger_id: int | None = None) -> UndoPlan:
    """What undoing the last batch of imports (or the import `ledger_id`) would take back, with every check the
    undo makes, nothing written: a refusal comes before the officer is asked, not after."""
    access.check(user, access.Action.IMPORT_FILES)
    entries = _last_batch(uow.session) if ledger_id is None else [_applied(uow.session, ledger_id)]
    for entry in entries:
        _check_undoable(uow, user, entry)
    return UndoPlan(tuple(entry.file_name for entry in entries), sum(entry.rows_written for entry in entries))


def undo_last_import(database, user: UserInfo) -> str:
    """Undo the last batch of imports (every file taken in with the newest one), if nobody changed their rows since."""
    access.check(user, access.Action.IMPORT_FILES)
    with database.unit_of_work() as uow:
        uow.begin_write()
        batch = _last_batch(uow.session)
        for entry in batch:
            _undo(uow, user, entry)
        uow.commit()
    if len(batch) == 1:
        return f"ยกเลิกการนำเข้าไฟล์ {batch[0].file_name} แล้ว ข้อมูลกลับเป็นเหมือนก่อนนำเข้า"
    return f"ยกเลิกการนำเข้า {len(batch):,} ไฟล์แล้ว (การนำเข้าครั้งล่าสุด) ข้อมูลกลับเป็นเหมือนก่อนนำเข้า"


def undo_import(database, user: UserInfo, ledger_id: int) -> str:
    """Undo one import from the history, the last or an earlier one, if nobody changed its rows since."""
    access.check(user, access.Action.IMPORT_FILES)
    with database.unit_of_work() as uow:
        uow.begin_write()
        entry = _applied(uow.session, ledger_id)
        _undo(uow, user, entry)
        uow.commit()
    return f"ยกเลิกการนำเข้าไฟล์ {entry.file_name} แล้ว ข้อมูลกลับเป็นเหมือนก่อนนำเข้า"


def _last_batch(session) -> list[ImportLedger]:
    """The last import still applied and every file taken in with it, newest first."""
    last = session.scalar(
        select(ImportLedger).where(ImportLedger.outcome == Outcome.APPLIED).order_by(ImportLedger.id.desc())
    )
    if last is None:
        raise InvalidInput("ไม่มีการนำเข้าที่ยกเลิกได้")
    if last.batch is None:
        return [last]
    return list(
        session.scalars(
            select(ImportLedger)
            .where(ImportLedger.batch == last.batch, ImportLedger.outcome == Outcome.APPLIED)
            .order_by(ImportLedger.id.desc())
        )
    )


def _applied(session, ledger_id: int) -> ImportLedger:
    """The import `ledger_id`, refused unless it is in the history and still applied."""
    # A number past a row id's 64 bits is no import (SQLite raised OverflowError on it)
    entry = session.get(ImportLedger, ledger_id) if 0 < ledger_id < 2**63 else None
    if entry is None or entry.outcome != Outcome.APPLIED:
        state = "ไม่พบในประวัติการนำเข้า" if entry is None else "ไม่ได้เปลี่ยนข้อมูล (ไม่ได้นำเข้าหรือยกเลิกไปแล้ว)"
        raise InvalidInput(f"รายการนำเข้าที่ {ledger_id} {state} จึงไม่มีสิ่งที่ต้องยกเลิก")
    return entry


def _check_undoable(uow, user: UserInfo, entry: ImportLedger) -> None:
    """Refuse an undo that would lose what someone did since, or that the import's record cannot support."""
    if entry.rows_written is None:
        raise InvalidInput(
            f"ไฟล์ {entry.file_name} นำเข้าด้วยโปรแกรมรุ่นก่อนที่จะบันทึกค่าเดิมไว้ จึงยกเลิกการนำเข้าไม่ได้ "
            f"(ใช้ไฟล์สำรองในโฟลเดอร์ backups แทนได้) {NOTHING_CHANGED}"
        )
    _check_not_locked(uow, user, entry)
    _check_untouched(uow.session, entry)
    prints.check_undo(uow.session, entry.id, entry.file_name, NOTHING_CHANGED)


def _undo(uow, user: UserInfo, entry: ImportLedger) -> None:
    session, params = uow.session, {"id": entry.id}
    _check_undoable(uow, user, entry)
    _record_rows(session, user, entry.id)
    prints.undo(session, entry.id)
    session.execute(_DELETE_ADDED, params)
    session.execute(_RESTORE, params)
    session.execute(_FORGET_SALES, params)
    session.execute(_DELETE_PEOPLE, params)
    session.execute(_RESTORE_LOCKS, params)
    session.execute(_DELETE_LOCKS, params)
    session.execute(_FORGET_LOCKS, params)
    entry.outcome = Outcome.UNDONE
    months = stored_months(entry.months)
    confirmed = Kind.LOCKS if entry.kind == "province" else Kind.NONE
    uow.note(
        touched(
            Kind.SALES | Kind.ENTREPRENEURS | Kind.FILES | Kind.PRINTS | confirmed,
            fiscal_year=entry.fiscal_year,
            months=months or None,
        )
    )
    record(
        session,
        [
            AuditNote(
                username=user.username,
                action="undo",
                entity="file",
                entity_key=entry.file_digest[:40],
                field=entry.source_area,
                old_value=str(entry.id),
                new_value=None,
                note=f"ยกเลิกการนำเข้า {entry.file_name}"[:2000],
            )
        ],
    )


def _record_rows(session, user: UserInfo, import_id: int) -> None:
    """Note in the audit log each row the undo changes, from what to what, so each figure's history keeps it."""
    record(
        session,
        [
            AuditNote(
                username=user.username,
                action="undo",
                entity=SALE,
                entity_key=sale_key(*row[:3]),
                field=AMOUNTS,
                old_value=amounts_text(row[3:7]),
                new_value=None if row[7] is None else amounts_text(row[8:12]),
                note=str(import_id),
            )
            for row in session.execute(_UNDONE_ROWS, {"id": import_id})
        ],
    )


NOTHING_CHANGED = "จึงยังไม่ได้ยกเลิก ข้อมูลทุกเดือนยังเป็นตามที่นำเข้า"


def _check_not_locked(uow, user: UserInfo, entry: ImportLedger) -> None:
    """Refuse when a month whose figures the undo would change is locked (confirmed) for one of its districts."""
    districts: dict[int, set[str]] = {}
    for district, month in uow.session.execute(_DISTRICT_MONTHS, {"id": entry.id}):
        districts.setdefault(month, set()).add(district)
    for month, codes in sorted(districts.items()):
        try:
            check_sales_writable(
                uow=uow,
                user=user,
                district_codes=codes,
                fiscal_year=entry.fiscal_year,
                month=month,
                from_file=True,
                consequence=NOTHING_CHANGED,
            )
        except MonthLocked as locked:
            raise MonthLocked(f"ยกเลิกการนำเข้าไฟล์ {entry.file_name} ไม่ได้: {locked.message}") from locked


def _check_untouched(session, entry: ImportLedger) -> None:
    """Refuse, naming the change, when anything the import wrote was changed since."""
    params = {"id": entry.id}
    found = session.execute(_TOUCHED_SEEN, params).first()
    if found is None and session.execute(_CARRYING, params).scalar_one() != entry.rows_written:
        months = list(stored_months(entry.months))
        found = session.execute(
            _CHANGED_IN_AREA,
            {
                "id": entry.id,
                "year": entry.fiscal_year,
                "months": months or [0],
                "low": entry.source_area,
                "high": _upper(entry.source_area),
                "since": entry.imported_at,
            },
        ).first()
        if found is None:
            raise InvalidInput(
                f"ยกเลิกการนำเข้าไฟล์ {entry.file_name} ไม่ได้ เพราะมีการแก้ไขยอดที่ไฟล์นี้นำเข้าภายหลังแล้ว "
                f"(การยกเลิกจะทำให้การแก้ไขนั้นหายไป) {NOTHING_CHANGED}"
            )
    if found is None:
        found = session.execute(_PEOPLE_IN_USE, params).first()
    if found is not None:
        raise InvalidInput(_touched_message(session, entry, *found))
    edited = session.execute(_PEOPLE_EDITED, {"id": entry.id, "after": entry.last_audit_id or 0}).first()
    if edited is not None:
        name, username, at = edited
        raise InvalidInput(
            f"ยกเลิกการนำเข้าไฟล์ {entry.file_name} ไม่ได้ เพราะข้อมูลผู้ประกอบการ {name} ที่มากับไฟล์นี้ "
            f"ถูกแก้ไขโดย {person_name(session, username)} เมื่อ {_when(at)} {NOTHING_CHANGED}"
        )
    if entry.kind == "province":
        lock = session.execute(
            _LOCKS_TOUCHED, {"id": entry.id, "at": entry.imported_at, "by": entry.imported_by}
        ).first()
        if lock is not None:
            year, month, username, at = lock
            raise InvalidInput(
                f"ยกเลิกการนำเข้าไฟล์ {entry.file_name} ไม่ได้ เพราะการยืนยันข้อมูลเดือน{month_label(year, month)} "
                f"ถูกเปลี่ยนภายหลังโดย {person_name(session, username)} เมื่อ {_when(at)} {NOTHING_CHANGED}"
            )


def _touched_message(session, entry: ImportLedger, name, year, month, username, at, import_id) -> str:
    if import_id is not None and import_id != entry.id:
        later = session.get(ImportLedger, import_id)
        how = f"ถูกนำเข้าทับด้วยไฟล์ {later.file_name} (ยกเลิกการนำเข้าไฟล์นั้นก่อน)" if later else "ถูกนำเข้าทับภายหลัง"
    else:
        how = f"ถูกแก้ไขโดย {person_name(session, username)} เมื่อ {_when(at)}"
    return (
        f"ยกเลิกการนำเข้าไฟล์ {entry.file_name} ไม่ได้ เพราะยอดของ {name} เดือน{month_label(year, month)} {how} "
        f"(การยกเลิกจะทำให้การแก้ไขนั้นหายไป) {NOTHING_CHANGED}"
    )


def _when(at) -> str:
    """A time read by plain SQL (SQLite gives it as text) in Thai."""
    return format_thai_datetime(datetime.fromisoformat(at) if isinstance(at, str) else at)
