"""The append-only audit log: every change with who, when, what, the old and the new value."""

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from operator import attrgetter

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from otop_desktop.models import AuditEntry
from otop_desktop.services.thai import escaped, now_utc
from otop_desktop.store.bulk import bulk_insert, insert_rows, stored_time


@dataclass(frozen=True)
class AuditLine:
    """One audit entry as shown to a user."""

    at: datetime
    username: str
    action: str
    entity: str
    entity_key: str
    field: str
    old_value: str | None
    new_value: str | None
    note: str | None


@dataclass(frozen=True)
class AuditNote:
    """One line for the audit log: who did what to which record, the field's old and new value, and why."""

    username: str
    action: str
    entity: str
    entity_key: str
    field: str = ""
    old_value: str | None = None
    new_value: str | None = None
    note: str | None = None


# The trail of one entrepreneur's month (services/history.py reads it): besides each amount a save changed,
# a save that puts the entrepreneur on the month's list notes field "listed", one that overwrites the figures
# of an imported file notes "import_id" (old: the import's id), and undoing an import notes field "amounts",
# the row's four amounts before and after ("satang|satang|…", blank for none; new None: the row went).
SALE = "monthly_sale"
AMOUNTS, LISTED, IMPORT_ID = "amounts", "listed", "import_id"


def sale_key(entrepreneur_id: int, fiscal_year: int, month: int) -> str:
    """The audit key of one entrepreneur's month: '2569/08/12', the month first (migration 0022): the entries of
    a province's save share the month, so their keys lie together in the key's index, where entrepreneur-first
    keys sent each of them to a page of its own (on a server 2 ms of a 2,564-row save)."""
    return f"{sale_key_prefix(fiscal_year, month)}{entrepreneur_id}"


def sale_key_prefix(fiscal_year: int, month: int) -> str:
    """What the audit keys of every entrepreneur's month `month` start with: '2569/08/'."""
    return f"{fiscal_year}/{month:02d}/"


def amounts_text(amounts) -> str | None:
    """Four amounts in satang as one audit value ('100000||0|'); None for no row."""
    return None if amounts is None else "|".join("" if a is None else str(a) for a in amounts)


def amounts_from_text(text: str | None) -> tuple | None:
    """The amounts amounts_text wrote; None for no row."""
    return None if text is None else tuple(int(a) if a else None for a in text.split("|"))


def amount_text(satang: int | None) -> str | None:
    """An amount as the log keeps it: baht with two decimals, no separators ('1234.50'); None for a blank."""
    return None if satang is None else f"{satang // 100}.{satang % 100:02d}"


def sale_trail(username: str, key: str, *, listed: bool, import_id: int | None) -> list[AuditNote]:
    """What a save notes beside the amounts: the entrepreneur newly listed, the imported figures overwritten."""
    notes = [AuditNote(username, "save", SALE, key, LISTED, None, "1")] if listed else []
    if import_id is not None:
        notes.append(AuditNote(username, "save", SALE, key, IMPORT_ID, str(import_id), None))
    return notes


def record(session, entries: Iterable[AuditNote], at: datetime | None = None) -> None:
    """Append the entries to the audit log, all stamped `at` (now by default). Text that would act on a terminal
    reading the log (an escape sequence in a backup's folder name, an RTL mark) is kept as its escapes."""
    stamp = at or now_utc()
    rows = [
        {"at": stamp, **{k: escaped(v) if isinstance(v, str) else v for k, v in vars(entry).items()}}
        for entry in entries
    ]
    if rows:
        bulk_insert(session, AuditEntry.__table__, rows)


AUDIT_COLUMNS = ("at", *(field.name for field in fields(AuditNote)))
# A note as the tuple record_rows takes. dataclasses.astuple deep-copies each field: 28 µs a note, 72 ms for the
# trail of a province's month of imported rows.
as_row = attrgetter(*AUDIT_COLUMNS[1:])


def record_rows(session, rows: Iterable[tuple], at: datetime) -> None:
    """Append many entries given as tuples in AuditNote's field order (text or None), all stamped `at`: one
    bulk statement with no object a row (a province's save writes thousands). `rows` may be made as they are
    written (a generator)."""
    stamp = stored_time(at)
    insert_rows(session, AuditEntry.__table__, AUDIT_COLUMNS, ((stamp, *row) for row in rows), plain=True)


def last_change(*, uow, user=None) -> int | None:
    """The newest audit entry's number (0 for none). Every write of this program leaves an entry, so a larger
    number means the data changed since: in this window, another window, the command line or another PC on the
    office's server. One index's last key: instant at any size. None when the database does not answer now (a
    server down a moment): a probe asked again later, with no one to tell."""
    try:
        return uow.session.scalar(select(func.max(AuditEntry.id))) or 0
    except SQLAlchemyError:
        return None


def list_audit(*, uow, entity: str | None = None, entity_key_prefix: str | None = None, limit: int = 500):
    """The newest audit entries, optionally for one kind of record and keys starting with a prefix."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if entity_key_prefix:
        query = query.where(AuditEntry.entity_key.startswith(entity_key_prefix))
    return [
        AuditLine(e.at, e.username, e.action, e.entity, e.entity_key, e.field, e.old_value, e.new_value, e.note)
        for e in uow.session.scalars(query)
    ]
