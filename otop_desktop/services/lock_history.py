"""A month's locks over time, for each figure's history: the district's and the province's locks and unlocks from
the audit log, the province's confirmations its files bring to the department, and the lock rows as they stand
where the log says nothing of them."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from otop_desktop.models import AuditEntry, DistrictLock, ImportLedger, ProvinceLock
from otop_desktop.services.periods import check_period


@dataclass(frozen=True)
class LockChange:
    """The month locked or unlocked, for a district or its whole province: who, when, and why in Thai."""

    at: datetime
    username: str
    order: int  # the audit entry's id (0 for a lock read from elsewhere): same-time changes in order
    scope: str  # "district" or "province"
    locked: bool
    detail: str


def lock_changes(session, district_code: str, year: int, month: int) -> list[LockChange]:
    """The month's locks and unlocks, of the district and of its province (a province lock's own district
    entries left out), and at the department the province's confirmations that came with its files."""
    check_period(year, month)
    district_key, province_key = f"{district_code}/{year}/{month:02d}", f"{district_code[:2]}/{year}/{month:02d}"
    query = (
        select(AuditEntry)
        .where(
            or_(
                (AuditEntry.entity == "district_lock") & (AuditEntry.entity_key == district_key),
                (AuditEntry.entity == "province_lock") & (AuditEntry.entity_key == province_key),
            )
        )
        .order_by(AuditEntry.id)
    )
    entries = list(session.scalars(query))
    province_stamps = {e.at for e in entries if e.entity == "province_lock"}
    events = []
    for entry in entries:
        if entry.entity == "district_lock" and entry.at in province_stamps:
            continue
        scope = "province" if entry.entity == "province_lock" else "district"
        events.append(_lock(entry.at, entry.username, entry.id, scope, entry.new_value == "1", reason=entry.note))
    events += _confirmations(session, district_code[:2], year, month)
    return events + _standing_locks(session, district_code, year, month, {e.at for e in events})


def _standing_locks(session, district_code: str, year: int, month: int, logged) -> list[LockChange]:
    """The lock rows as they stand, where the audit log holds nothing of their last change (the demo's)."""
    rows = (
        ("district", session.get(DistrictLock, (district_code, year, month))),
        ("province", session.get(ProvinceLock, (district_code[:2], year, month))),
    )
    return [
        _lock(row.changed_at, row.changed_by, 0, scope, row.locked, reason=row.reason)
        for scope, row in rows
        if row is not None and row.changed_at not in logged
    ]


def _lock(at, username: str, order: int, scope: str, locked: bool, *, reason=None, detail: str = "") -> LockChange:
    words = ("ล็อก" if locked else "ปลดล็อก") + ("ข้อมูลทั้งจังหวัด" if scope == "province" else "ข้อมูลอำเภอ")
    detail = detail or words + (f" เหตุผล: {reason}" if reason else "")
    return LockChange(at, username, order, scope, locked, detail)


def _confirmations(session, province_code: str, year: int, month: int) -> list[LockChange]:
    """At the department: a province file confirms its months (and undoing it takes that back)."""
    query = select(ImportLedger).where(
        ImportLedger.kind == "province",
        ImportLedger.source_area == province_code,
        ImportLedger.fiscal_year == year,
        ImportLedger.outcome.in_(("applied", "undone")),
    )
    events = []
    for entry in session.scalars(query):
        if str(month) not in entry.months.split(","):
            continue
        events.append(
            _lock(
                entry.imported_at,
                entry.imported_by,
                0,
                "province",
                True,
                detail=f"จังหวัดยืนยันข้อมูล (ไฟล์ {entry.file_name})",
            )
        )
        undo = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "file", AuditEntry.action == "undo", AuditEntry.old_value == str(entry.id)
            )
        ).first()
        if undo is not None:
            words = f"การยืนยันของจังหวัดถูกยกเลิก (ยกเลิกการนำเข้าไฟล์ {entry.file_name})"
            events.append(_lock(undo.at, undo.username, undo.id, "province", False, detail=words))
    return events


def lock_state_at(changes, at: datetime) -> str:
    """The month's lock at a moment, in Thai, from its changes."""
    state = {"district": False, "province": False}
    for change in sorted(changes, key=lambda c: (c.at, c.order)):
        if change.at > at:
            break
        state[change.scope] = change.locked
    if state["province"]:
        return "ยืนยันทั้งจังหวัดแล้ว"
    return "อำเภอล็อกแล้ว" if state["district"] else "ยังไม่ล็อก"
