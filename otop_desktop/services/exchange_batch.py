"""Taking in many files at once (backup first, one transaction per file, refusals logged), undoing the
last imports from their backup, and the receipts the province sends back to a district."""

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from otop_desktop import __version__
from otop_desktop.models import AuditEntry, DistrictLock, ImportLedger, ProvinceLock
from otop_desktop.services import exchange, keys
from otop_desktop.services.audit import record
from otop_desktop.services.auth import UserInfo
from otop_desktop.services.database import copy_file
from otop_desktop.services.errors import InvalidInput, OtopError, PermissionDenied
from otop_desktop.services.exchange_file import STAMP, BadFile, digest, write_file
from otop_desktop.services.master_data import master_data_version
from otop_desktop.services.thai import format_thai_datetime, now_utc

log = logging.getLogger("otop_desktop.exchange")


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file of a batch."""

    file_name: str
    status: str  # applied, already, refused
    message: str
    counts: dict[str, int]
    ledger_id: int | None


def backup_database(database, reason: str) -> Path:
    """A consistent copy of the database file (SQLite's backup API) in the backups folder."""
    folder = database.path.parent / "backups"
    return copy_file(database.path, folder / f"{database.path.stem}-{reason}-{now_utc():%Y%m%d-%H%M%S-%f}.db")


def _refuse(database, user: UserInfo, name: str, data: bytes | None, reason: str) -> None:
    """Log a refused file in the ledger and the audit log; the data stayed as it was."""
    log.warning("refused %s: %s", name, reason)
    with database.unit_of_work() as uow:
        uow.session.add(ImportLedger(file_digest=digest(data or b""), file_name=name[:260], kind="?", source_area="",
                                     fiscal_year=None, months="", file_created_at=None, imported_by=user.username,
                                     imported_at=now_utc(), outcome="refused", summary=reason[:2000]))
        record(uow.session, [{"username": user.username, "action": "refuse", "entity": "file", "entity_key": name[:80],
                              "field": "", "old_value": None, "new_value": None, "note": reason[:2000]}])
        uow.commit()


def import_files(database, user: UserInfo, paths, *, take: dict | None = None,
                 take_if: Callable[[exchange.RowDiff], bool] | None = None,
                 progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None
                 ) -> list[FileOutcome]:
    """Import district files one by one after one backup; each file is one transaction, so a refused or
    interrupted file leaves the others whole. Conflicts keep this office's figures, except those the
    officer chose: by file (`take`: file digest → row keys) or by a rule over the rows (`take_if`)."""
    if not (user.is_provincial or user.is_national):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่ระดับจังหวัดเท่านั้นที่นำเข้าไฟล์ข้อมูลอำเภอ")
    paths = [Path(p) for p in paths]
    backup = str(backup_database(database, "before-import"))
    outcomes = []
    for done, path in enumerate(paths):
        if cancelled and cancelled():
            break
        if progress:
            progress(done, len(paths))
        outcomes.append(_import_one(database, user, path, backup, take or {}, take_if))
    if progress:
        progress(len(outcomes), len(paths))
    return outcomes


def _import_one(database, user: UserInfo, path: Path, backup: str, chosen: dict, take_if) -> FileOutcome:
    data = None
    try:
        data = path.read_bytes()
        with database.unit_of_work() as uow:
            preview = exchange.preview(uow=uow, user=user, data=data, file_name=path.name)
            if preview.already:
                return FileOutcome(path.name, "already", preview.already, preview.counts, None)
            take = set(chosen.get(preview.opened.digest, ()))
            take.update(row.key for row in preview.conflicts if take_if and take_if(row))
            ledger_id = exchange.apply(uow=uow, user=user, preview_=preview, take=take, backup_path=backup)
    except OSError as error:
        message = f"อ่านไฟล์ {path.name} ไม่ได้ ({error.strerror or error})"
    except OtopError as error:
        message = error.message
    else:
        counts = preview.counts
        summary = ", ".join(f"{exchange.KINDS_SHOWN[k]} {v:,}" for k, v in counts.items() if v)
        return FileOutcome(path.name, "applied", f"นำเข้าแล้ว: {summary}", counts, ledger_id)
    _refuse(database, user, path.name, data, message)
    return FileOutcome(path.name, "refused", message, {}, None)


def list_ledger(*, uow, limit: int = 200) -> list[ImportLedger]:
    """The newest ledger entries (plain rows are fine here: callers copy what they show)."""
    return list(uow.session.scalars(select(ImportLedger).order_by(ImportLedger.id.desc()).limit(limit)))


def undo_last_import(database, user: UserInfo) -> str:
    """Put the database back as it was before the last batch of imports, if nothing changed since."""
    if not (user.is_provincial or user.is_national):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่ระดับจังหวัดเท่านั้นที่ยกเลิกการนำเข้าได้")
    with database.unit_of_work() as uow:
        last = uow.session.scalar(select(ImportLedger).where(ImportLedger.outcome == "applied").order_by(ImportLedger.id.desc()))
        if last is None or not last.backup_path or not Path(last.backup_path).exists():
            raise InvalidInput("ไม่มีการนำเข้าที่ยกเลิกได้ (หรือไม่พบไฟล์สำรองของการนำเข้าครั้งล่าสุด)")
        newest_audit = uow.session.scalar(select(func.max(AuditEntry.id)))
        batch = list(uow.session.scalars(select(ImportLedger).where(ImportLedger.backup_path == last.backup_path,
                                                                    ImportLedger.outcome == "applied")))
        latest_of_batch = max(entry.last_audit_id or 0 for entry in batch)
        refused_since = uow.session.scalar(select(func.count()).select_from(ImportLedger).where(
            ImportLedger.id > last.id, ImportLedger.outcome != "applied"))
        if newest_audit != latest_of_batch + refused_since:
            raise InvalidInput("มีการแก้ไขข้อมูลหลังการนำเข้าครั้งล่าสุดแล้ว จึงยกเลิกการนำเข้าไม่ได้ "
                               "(การยกเลิกจะทำให้การแก้ไขเหล่านั้นหายไป)")
        undone = [(e.file_digest, e.file_name, e.kind, e.source_area, e.fiscal_year, e.months, e.file_created_at,
                   e.imported_by, e.imported_at, e.summary, e.backup_path) for e in batch]
        backup = Path(last.backup_path)
    database.engine.dispose()
    copy_file(backup, database.path)
    with database.unit_of_work() as uow:  # the restored file forgets the batch; the ledger keeps it, undone
        for values in undone:
            fields = dict(zip(("file_digest", "file_name", "kind", "source_area", "fiscal_year", "months",
                               "file_created_at", "imported_by", "imported_at", "summary", "backup_path"), values))
            uow.session.add(ImportLedger(outcome="undone", **fields))
        record(uow.session, [{"username": user.username, "action": "undo", "entity": "file", "entity_key": backup.name[:80],
                              "field": "", "old_value": str(len(undone)), "new_value": None, "note": "restored from backup"}])
        uow.commit()
    return f"ยกเลิกการนำเข้า {len(undone)} ไฟล์แล้ว ข้อมูลกลับเป็นเหมือนก่อนนำเข้า (จากไฟล์สำรอง {backup.name})"


# --- receipts ------------------------------------------------------------------------------------------------
def write_receipt(*, uow, user: UserInfo, district_code: str, fiscal_year: int, months, path: Path | str,
                  ledger_id: int | None = None) -> Path:
    """A signed receipt for a district: what its last import did (accepted, refused and why) and the
    current lock state of its months, so the district sees its locks without a network."""
    if not user.is_provincial or district_code[:2] != user.province_code:
        raise PermissionDenied("ใบตอบรับออกได้เฉพาะเจ้าหน้าที่จังหวัด สำหรับอำเภอในจังหวัดของตน")
    session, months = uow.session, sorted(set(months))
    ledger = session.get(ImportLedger, ledger_id) if ledger_id else session.scalar(
        select(ImportLedger).where(ImportLedger.source_area == district_code, ImportLedger.fiscal_year == fiscal_year)
        .order_by(ImportLedger.id.desc()))
    locks = []
    for month in months:
        district = session.get(DistrictLock, (district_code, fiscal_year, month))
        province = session.get(ProvinceLock, (user.province_code, fiscal_year, month))
        locked = bool(district and district.locked) or bool(province and province.locked)
        source = district or province
        locks.append([month, locked, source.changed_by if source else "", source.changed_at.strftime(STAMP) if source else "",
                      source.reason if source else ""])
    body = {"district_code": district_code, "fiscal_year": fiscal_year, "locks": locks,
            "import": None if ledger is None else {"file_name": ledger.file_name, "outcome": ledger.outcome,
                                                   "summary": ledger.summary, "imported_at": ledger.imported_at.strftime(STAMP)}}
    manifest = {"kind": "receipt", "source_area": user.province_code, "province_code": user.province_code,
                "target_area": district_code, "fiscal_year": fiscal_year, "months": months,
                "created_at": now_utc().strftime(STAMP), "created_by": user.username, "app_version": __version__,
                "master_data_version": master_data_version(), "file_id": uuid.uuid4().hex,
                "row_counts": {"receipt.json": len(locks)}}
    public_key, sign = keys.signer(uow=uow)
    path = Path(path)
    path.write_bytes(write_file(manifest, {"receipt.json": body}, public_key, sign))
    uow.commit()
    return path


def read_receipt(*, uow, user: UserInfo, data: bytes, file_name: str) -> str:
    """A district takes in its receipt: its months' lock state becomes the province's. Returns a summary."""
    if user.role != "district":
        raise PermissionDenied("ใบตอบรับใช้กับฐานข้อมูลของอำเภอ")
    opened = exchange.verify(uow=uow, user=user, data=data, expected_kind="receipt")
    body, manifest = opened.parts.get("receipt.json"), opened.manifest
    if manifest.target_area != user.district_code or not isinstance(body, dict) or body.get("district_code") != user.district_code:
        raise BadFile("ใบตอบรับนี้ออกให้อำเภออื่น ไม่ใช่อำเภอของท่าน")
    changed = 0
    try:
        for month, locked, by, at, reason in body["locks"]:
            if month not in manifest.months or not isinstance(locked, bool):
                raise ValueError(month)
            row = uow.session.get(DistrictLock, (user.district_code, manifest.fiscal_year, month))
            if row is None:
                row = DistrictLock(district_code=user.district_code, fiscal_year=manifest.fiscal_year, month=month)
                uow.session.add(row)
            changed += row.locked != locked
            row.locked, row.changed_by, row.reason = locked, str(by)[:80] or manifest.created_by, str(reason)
            row.changed_at = datetime.strptime(at, STAMP) if at else now_utc()
    except (KeyError, TypeError, ValueError):
        raise BadFile("ใบตอบรับผิดรูปแบบ จึงไม่นำเข้า") from None
    record(uow.session, [{"username": user.username, "action": "receipt", "entity": "file", "entity_key": opened.digest[:40],
                          "field": "locks", "old_value": None, "new_value": json.dumps(body["locks"], ensure_ascii=False)[:2000],
                          "note": file_name}])
    uow.commit()
    done = body.get("import") or {}
    locked = [m for m, is_locked, *_ in body["locks"] if is_locked]
    text = f"รับใบตอบรับจากจังหวัด (ออกเมื่อ {format_thai_datetime(manifest.created_at)}): "
    text += f"เดือนที่ล็อกแล้ว {len(locked)} เดือน" + (f" · การนำเข้าล่าสุด {done.get('file_name')}: {done.get('outcome')}" if done else "")
    return text
