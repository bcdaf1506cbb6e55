"""The receipt the province sends back to a district after an import: signed like a district file, it carries
what the import did, the lock state of the district's months and the province's figures of them. The district
takes it in without a network: its locks follow the province's, in the order the receipts were written."""

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from otop_desktop import __version__
from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.files import check_output_path, write_bytes
from otop_desktop.core.users import UserInfo
from otop_desktop.models import DistrictLock, ImportLedger, ProvinceLock
from otop_desktop.services import access
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.exchange import agreement, keys, verification
from otop_desktop.services.exchange.batch import OUTCOME_NAMES, describe
from otop_desktop.services.exchange.fileformat import FILE_SUFFIX, STAMP, BadFile, write_file
from otop_desktop.services.exchange.kinds import Outcome
from otop_desktop.services.periods import check_period, stored_months
from otop_desktop.services.thai import format_thai_datetime, free_text, months_text, now_utc
from otop_desktop.store.master_data import master_data_version

MALFORMED = "ใบตอบรับผิดรูปแบบ จึงไม่นำเข้า"


def write_receipt(
    *, uow, user: UserInfo, district_code: str, fiscal_year: int, months, path: Path | str, ledger_id: int | None = None
) -> Path:
    """A signed receipt for a district: what its last import did (accepted, refused and why), the current lock
    state of its months and the province's figures of them, so the district sees its locks without a network."""
    check_period(fiscal_year, months=months)
    access.check(user, access.Action.WRITE_RECEIPT, district_code)
    check_output_path(path, (FILE_SUFFIX,))
    session, months = uow.session, sorted(set(months))
    locks = _lock_states(session, user, district_code, fiscal_year, months)
    ledger = _import_of(session, district_code, fiscal_year, ledger_id)
    body = {
        "district_code": district_code,
        "fiscal_year": fiscal_year,
        "locks": locks,
        "figures": agreement.month_figures(session, district_code, fiscal_year, months),  # earlier versions skip it
        "import": None
        if ledger is None
        else {
            "file_name": ledger.file_name,
            "outcome": ledger.outcome,
            "summary": ledger.summary,
            "imported_at": ledger.imported_at.strftime(STAMP),
        },
    }
    manifest = {
        "kind": "receipt",
        "source_area": user.province_code,
        "province_code": user.province_code,
        "target_area": district_code,
        "fiscal_year": fiscal_year,
        "months": months,
        "created_at": now_utc().strftime(STAMP),
        "created_by": user.username,
        "app_version": __version__,
        "master_data_version": master_data_version(),
        "file_id": uuid.uuid4().hex,
        "row_counts": {"receipt.json": len(locks)},
    }
    public_key, sign = keys.signer(uow=uow)
    path = write_bytes(path, write_file(manifest, {"receipt.json": body}, public_key, sign))
    uow.note(touched(Kind.FILES))
    uow.commit()
    return path


def _import_of(session, district_code: str, fiscal_year: int, ledger_id: int | None):
    """The ledger entry the receipt answers: the one asked for, else the district's last import of the year."""
    if ledger_id:
        return session.get(ImportLedger, ledger_id)
    return session.scalar(
        select(ImportLedger)
        .where(ImportLedger.source_area == district_code, ImportLedger.fiscal_year == fiscal_year)
        .order_by(ImportLedger.id.desc())
    )


def _lock_states(session, user: UserInfo, district_code: str, fiscal_year: int, months) -> list[list]:
    """Each month's [month, locked, by, at, reason]: locked when the district or the whole province is."""
    locks = []
    for month in months:
        district = session.get(DistrictLock, (district_code, fiscal_year, month))
        province = session.get(ProvinceLock, (user.province_code, fiscal_year, month))
        source = district or province
        locks.append(
            [
                month,
                bool(district and district.locked) or bool(province and province.locked),
                source.changed_by if source else "",
                source.changed_at.strftime(STAMP) if source else "",
                source.reason if source else "",
            ]
        )
    return locks


def read_receipt(*, uow, user: UserInfo, data: bytes, file_name: str) -> str:
    """A district takes in its receipt: its months' lock state becomes the province's, unless a newer
    receipt already set a month (receipts are recorded in the ledger and applied in the order they were
    written, whatever the order they arrive in). Returns a summary in Thai."""
    access.check(user, access.Action.READ_RECEIPT)
    uow.begin_write()
    opened = verification.verify(uow=uow, user=user, data=data, expected_kind="receipt")
    body, manifest = opened.parts.get("receipt.json"), opened.manifest
    if (
        manifest.target_area != user.district_code
        or not isinstance(body, dict)
        or body.get("district_code") != user.district_code
    ):
        meant = str(manifest.target_area)[:6]
        raise BadFile(f"ใบตอบรับนี้ออกให้อำเภอรหัส {meant} ไม่ใช่อำเภอของท่าน ({user.district_code})")
    if _taken_before(uow.session, opened.digest):
        return "ใบตอบรับนี้นำเข้าไว้แล้ว ไม่มีการเปลี่ยนแปลงข้อมูลใด ๆ"
    taken, skipped = _apply_locks(uow.session, user, manifest, body, _newer_receipts(uow.session, manifest))
    figures = body.get("figures", {})  # absent from a receipt of an earlier version
    if not agreement.well_formed(figures, manifest.months):
        raise BadFile(MALFORMED)
    if not taken:
        raise InvalidInput(
            f"ใบตอบรับนี้ (ออกเมื่อ {format_thai_datetime(manifest.created_at)}) เก่ากว่าใบที่รับไว้แล้วทุกเดือน "
            "จึงไม่นำเข้า สถานะการล็อกยังเป็นตามใบตอบรับที่ใหม่กว่า"
        )
    locked = [m for m, is_locked, *_ in body["locks"] if is_locked and m in taken]
    compared = agreement.disagreement(uow.session, user.district_code, manifest.fiscal_year, figures, locked)
    said = _summary(manifest, body, locked, skipped) + (f" · {compared}" if compared else "")
    _record_receipt(uow.session, user, opened, file_name, taken, said)
    uow.note(touched(Kind.FILES))
    uow.commit()
    return said


def _taken_before(session, file_digest: str) -> bool:
    """Whether this very receipt was taken in already."""
    return bool(
        session.scalar(
            select(func.count())
            .select_from(ImportLedger)
            .where(ImportLedger.file_digest == file_digest, ImportLedger.outcome == Outcome.APPLIED)
        )
    )


def _apply_locks(session, user: UserInfo, manifest, body: dict, newer: set[int]) -> tuple[list[int], list[int]]:
    """Set each month's lock as the receipt says, but for the months a newer receipt set: (taken, skipped). A
    month already as the receipt says is left as it is (who locked or unlocked it, and when). A month outside the
    receipt's, twice, or of the wrong type refuses the whole receipt."""
    taken, skipped = [], []
    try:
        for month, locked, by, at, reason in body["locks"]:
            if type(month) is not int or month not in manifest.months or not isinstance(locked, bool):
                raise ValueError(month)
            if month in taken + skipped:
                raise ValueError(month)
            if month in newer:
                skipped.append(month)
                continue
            taken.append(month)
            row = session.get(DistrictLock, (user.district_code, manifest.fiscal_year, month))
            if (row.locked if row is not None else False) == locked:
                continue  # as it is here already: no lock or unlock to note (a month never locked stays unnoted)
            if row is None:
                row = DistrictLock(district_code=user.district_code, fiscal_year=manifest.fiscal_year, month=month)
                session.add(row)
            row.locked, row.changed_by = locked, free_text(str(by), "ผู้ล็อกในใบตอบรับ", limit=80) or manifest.created_by
            row.reason = free_text(str(reason), "เหตุผลในใบตอบรับ", limit=2000)
            row.changed_at = datetime.strptime(at, STAMP) if at else manifest.created_at
    except (KeyError, TypeError, ValueError):
        raise BadFile(MALFORMED) from None
    return taken, skipped


def _record_receipt(session, user: UserInfo, opened, file_name: str, taken: list[int], said: str) -> None:
    """The receipt in the ledger, with what it told the district (list_receipts shows it again; an older receipt
    arriving later cannot undo it), and in the audit log."""
    manifest, body = opened.manifest, opened.parts["receipt.json"]
    session.add(
        ImportLedger(
            file_digest=opened.digest,
            file_name=file_name[:260],
            kind="receipt",
            source_area=manifest.source_area,
            fiscal_year=manifest.fiscal_year,
            months=",".join(map(str, taken)),
            file_created_at=manifest.created_at,
            imported_by=user.username,
            imported_at=now_utc(),
            outcome=Outcome.APPLIED,
            summary=said[:2000],
        )
    )
    record(
        session,
        [
            AuditNote(
                username=user.username,
                action="receipt",
                entity="file",
                entity_key=opened.digest[:40],
                field="locks",
                old_value=None,
                new_value=json.dumps(body["locks"], ensure_ascii=False)[:2000],
                note=file_name,
            )
        ],
    )


def _summary(manifest, body: dict, locked: list[int], skipped: list[int]) -> str:
    """What the district is told: the months locked, what its last import did, the months left as they were."""
    text = f"รับใบตอบรับจากจังหวัด (ออกเมื่อ {format_thai_datetime(manifest.created_at)}): "
    text += f"เดือนที่ล็อกแล้ว {len(locked)} เดือน" + (f" ({months_text(locked)})" if locked else "")
    done = body.get("import") if isinstance(body.get("import"), dict) else {}
    if done:
        outcome = str(done.get("outcome", ""))
        text += (
            f" · การนำเข้าล่าสุด {str(done.get('file_name', ''))[:80]}: {OUTCOME_NAMES.get(outcome, 'ไม่ทราบผล')}"
            f" ({describe(outcome, str(done.get('summary', '')))[:200]})"
        )
    if skipped:
        text += f" · ไม่เปลี่ยนเดือน {months_text(skipped)} เพราะมีใบตอบรับที่ออกภายหลังรับไว้แล้ว"
    return text


def _newer_receipts(session, manifest) -> set[int]:
    """The receipt's months that a receipt written later has already set here."""
    newer = set()
    for months, created_at in session.execute(
        select(ImportLedger.months, ImportLedger.file_created_at).where(
            ImportLedger.kind == "receipt",
            ImportLedger.outcome == Outcome.APPLIED,
            ImportLedger.fiscal_year == manifest.fiscal_year,
        )
    ):
        if created_at is not None and created_at >= manifest.created_at:
            newer.update(stored_months(months))
    return newer & set(manifest.months)


@dataclass(frozen=True)
class ReceiptLine:
    """A receipt the district took in: when, its file, the months it set, and what it said."""

    taken_at: datetime  # UTC
    file_name: str
    fiscal_year: int | None
    months: tuple[int, ...]
    said: str


def list_receipts(*, uow, user: UserInfo, limit: int = 50) -> list[ReceiptLine]:
    """The receipts this district took in, newest first, each with what it said: what came back of the files
    it sent, after the message that said so is closed."""
    access.check(user, access.Action.READ_RECEIPT)
    rows = uow.session.scalars(
        select(ImportLedger).where(ImportLedger.kind == "receipt").order_by(ImportLedger.id.desc()).limit(limit)
    )
    return [
        ReceiptLine(row.imported_at, row.file_name, row.fiscal_year, stored_months(row.months), row.summary or "")
        for row in rows
    ]
