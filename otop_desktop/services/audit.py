"""The append-only audit log: every change with who, when, what, the old and the new value."""

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import select

from otop_desktop.models import AuditEntry
from otop_desktop.services.thai import now_utc
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


def record(session, entries: Iterable[AuditNote], at: datetime | None = None) -> None:
    """Append the entries to the audit log, all stamped `at` (now by default)."""
    stamp = at or now_utc()
    rows = [{"at": stamp, **vars(entry)} for entry in entries]
    if rows:
        bulk_insert(session, AuditEntry.__table__, rows)


AUDIT_COLUMNS = ("at", *(field.name for field in fields(AuditNote)))


def record_rows(session, rows: list[tuple], at: datetime) -> None:
    """Append many entries given as tuples in AuditNote's field order, all stamped `at`: one bulk statement
    with no object a row (a province's save writes thousands)."""
    if rows:
        stamp = stored_time(at)
        insert_rows(session, AuditEntry.__table__, AUDIT_COLUMNS, [(stamp, *row) for row in rows])


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
