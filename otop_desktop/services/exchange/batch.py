"""Taking in many files at once (one transaction per file, refusals logged; a local file is also backed up
first). The receipts the province sends back: services/exchange/receipts.py; undoing imports: undo.py."""

import json
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import DatabaseBusy, InvalidInput, OtopError
from otop_desktop.core.files import TEMPORARY_PREFIX
from otop_desktop.core.users import UserInfo
from otop_desktop.models import ImportLedger, Setting
from otop_desktop.paths import BACKUPS_FOLDER
from otop_desktop.services import access
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.exchange import merge
from otop_desktop.services.exchange.fileformat import digest, read_file_bytes
from otop_desktop.services.exchange.kinds import Outcome, RowKind
from otop_desktop.services.periods import stored_months
from otop_desktop.services.thai import BE_OFFSET, months_text, now_utc, to_local
from otop_desktop.store.database import copy_file, open_database

log = logging.getLogger("otop_desktop.exchange")


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file of a batch (or would happen, in a dry run)."""

    file_name: str
    status: str  # applied, already, refused; busy (the database stayed busy), skipped (not reached)
    message: str
    counts: dict[str, int]
    ledger_id: int | None
    path: str = ""
    preview: merge.ImportPreview | None = None  # kept by a dry run, for the officer to read the rows


@dataclass(frozen=True)
class LedgerEntry:
    """One line of the import history as an officer reads it."""

    id: int
    imported_at: datetime
    file_name: str
    kind: str
    source_area: str
    outcome: str  # applied, refused, undone
    imported_by: str
    details: str  # in Thai

    @property
    def outcome_name(self) -> str:
        """The outcome in Thai."""
        return OUTCOME_NAMES.get(self.outcome, self.outcome)


BACKUPS_KEPT_KEY = "merge.backups_kept"
DEFAULT_BACKUPS_KEPT = 10
BACKUP_PREFIX = "before-import"
OUTCOME_NAMES = {
    Outcome.APPLIED: "นำเข้าแล้ว",
    Outcome.REFUSED: "ไม่รับ",
    Outcome.UNDONE: "ยกเลิกแล้ว",
    Outcome.ALREADY: "นำเข้าแล้วก่อนหน้านี้",
    Outcome.BUSY: "ฐานข้อมูลไม่ว่าง",
    Outcome.SKIPPED: "ยังไม่ได้นำเข้า",
}
UNEXPECTED = (
    "เกิดข้อผิดพลาดที่โปรแกรมไม่ได้คาดไว้ขณะอ่านไฟล์นี้ ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ จากไฟล์นี้ "
    "ไฟล์อื่นในชุดยังนำเข้าตามปกติ กรุณาส่งไฟล์นี้และบันทึกการทำงานของโปรแกรมให้ผู้ดูแลระบบ"
)


def describe(outcome: str, summary: str) -> str:
    """A ledger entry's details in Thai: the row counts of an import, or the reason of a refusal."""
    try:
        counts = json.loads(summary) if summary.startswith("{") else None
    except ValueError:
        counts = None
    if not isinstance(counts, dict):
        return summary
    taken = counts.pop(merge.CONFLICT_TAKEN, None)
    shown = [f"{merge.KINDS_SHOWN.get(k, k)} {v:,}" for k, v in counts.items() if isinstance(v, int) and v]
    conflicts = counts.get(RowKind.CONFLICT)
    if isinstance(taken, int) and isinstance(conflicts, int) and conflicts:  # which figures each kept
        kept = f"ใช้ค่าจากไฟล์ {taken:,} · คงค่าเดิมของที่นี่ {conflicts - taken:,}"
        shown = [f"{text} ({kept})" if text.startswith(merge.KINDS_SHOWN[RowKind.CONFLICT]) else text for text in shown]
    return ", ".join(shown) or "ไม่มีแถวข้อมูล"


def backup_database(database, reason: str = BACKUP_PREFIX) -> Path:
    """A consistent copy of the database file (SQLite's backup API) in the backups folder."""
    folder = database.path.parent / BACKUPS_FOLDER
    local = to_local(now_utc())  # named by Thailand's date and time, B.E., as an officer looks for it
    stamp = f"{local.year + BE_OFFSET}-{local:%m-%d-%H%M%S-%f}"
    return copy_file(database.path, folder / f"{database.path.stem}-{reason}-{stamp}.db")


def backups_kept(*, uow, user: UserInfo | None = None) -> int:
    """How many backups taken before imports the province keeps (the oldest are deleted)."""
    value = uow.session.scalar(select(Setting.value).where(Setting.key == BACKUPS_KEPT_KEY))
    return int(value) if value and value.isdigit() else DEFAULT_BACKUPS_KEPT


def set_backups_kept(*, uow, user: UserInfo, count: int) -> None:
    """The province sets how many backups before imports to keep (1–1,000); the change is audited."""
    access.check(user, access.Action.IMPORT_FILES)
    if not isinstance(count, int) or not 1 <= count <= 1000:
        raise InvalidInput("จำนวนไฟล์สำรองที่เก็บไว้ต้องเป็น 1 ถึง 1,000 ไฟล์")
    old = backups_kept(uow=uow)
    if old == count:
        return
    uow.session.merge(Setting(key=BACKUPS_KEPT_KEY, value=str(count)))
    record(
        uow.session,
        [
            AuditNote(
                username=user.username,
                action="update",
                entity="setting",
                entity_key=BACKUPS_KEPT_KEY,
                field="value",
                old_value=str(old),
                new_value=str(count),
            )
        ],
    )
    uow.note(touched(Kind.FILES))
    uow.commit()


@dataclass(frozen=True)
class Backup:
    """A backup taken before an import: the file, its size and when it was made."""

    path: Path
    size: int
    made_at: datetime


def list_backups(database, user: UserInfo) -> list[Backup]:
    """The whole backups taken before imports, newest first (a file cut short, or not yet named, is not one)."""
    access.check(user, access.Action.IMPORT_FILES)
    return [] if database.on_server else _whole_backups(database)


def _whole_backups(database) -> list[Backup]:
    folder = database.path.parent / BACKUPS_FOLDER
    found = sorted(folder.glob(f"{database.path.stem}-{BACKUP_PREFIX}-*.db"), key=lambda p: p.name, reverse=True)
    return [
        Backup(path, path.stat().st_size, datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None))
        for path in found
        if _whole_database_file(path)
    ]


def _whole_database_file(path: Path) -> bool:
    """Whether the file is an SQLite database as long as its header says (a cut copy is shorter)."""
    try:
        with path.open("rb") as stream:
            header = stream.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return int.from_bytes(header[28:32], "big") * page_size == size > 0


def prune_backups(database, keep: int) -> list[Path]:
    """Delete the oldest backups taken before imports beyond the newest `keep`, and temporaries a killed backup
    left an hour or more ago; returns what was deleted."""
    folder = database.path.parent / BACKUPS_FOLDER
    found = [backup.path for backup in _whole_backups(database)]
    stale = time.time() - 3600
    removed = []
    for old in [*found[keep:], *(p for p in folder.glob(f"{TEMPORARY_PREFIX}*") if p.stat().st_mtime < stale)]:
        try:
            old.unlink()
            removed.append(old)
        except OSError as error:  # another program has it open: try again next time
            log.warning("could not delete backup %s: %s", old, error)
    return removed


def _refuse(database, user: UserInfo, name: str, data: bytes | None, reason: str) -> None:
    """Log a refused file in the ledger and the audit log; the data stayed as it was."""
    log.warning("refused %s: %s", name, reason)
    try:
        with database.unit_of_work() as uow:
            uow.session.add(
                ImportLedger(
                    file_digest=digest(data or b""),
                    file_name=name[:260],
                    kind="?",
                    source_area="",
                    fiscal_year=None,
                    months="",
                    file_created_at=None,
                    imported_by=user.username,
                    imported_at=now_utc(),
                    outcome=Outcome.REFUSED,
                    summary=reason[:2000],
                )
            )
            record(
                uow.session,
                [
                    AuditNote(
                        username=user.username,
                        action="refuse",
                        entity="file",
                        entity_key=name[:80],
                        field="",
                        old_value=None,
                        new_value=None,
                        note=reason[:2000],
                    )
                ],
            )
            uow.note(touched(Kind.FILES))
            uow.commit()
    except DatabaseBusy:
        log.warning("refusal of %s not recorded: the database was busy", name)


def import_files(
    database,
    user: UserInfo,
    paths,
    *,
    take: dict | None = None,
    take_if: Callable[[merge.RowDiff], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    dry_run: bool = False,
) -> list[FileOutcome]:
    """Import district files one by one after one backup; each file is one transaction, so a refused or
    interrupted file leaves the others whole. Conflicts keep this office's figures, except those the
    officer chose: by file (`take`: file digest → row keys) or by a rule over the rows (`take_if`).
    A dry run does exactly the same where nothing stays (on a server in one transaction rolled back at the
    end, on SQLite in a scratch copy of the file), so what it reports is what the import will do, file
    after file (each outcome keeps its preview)."""
    access.check(user, access.Action.IMPORT_FILES)
    paths, batch = [Path(p) for p in paths], merge.new_batch()
    if dry_run and database.on_server:
        with database.rehearsal() as rehearsal:
            return _import_all(
                rehearsal, user, paths, None, batch, take or {}, take_if, progress, cancelled, keep_previews=True
            )
    if dry_run:  # SQLite's savepoints do not mix with its driver's own transactions: a scratch copy of the file
        with tempfile.TemporaryDirectory(prefix="otop-dry-run-") as folder:
            scratch = open_database(copy_file(database.path, Path(folder) / "dry-run.db"))
            try:
                return _import_all(
                    scratch, user, paths, None, batch, take or {}, take_if, progress, cancelled, keep_previews=True
                )
            finally:
                scratch.close()
    backup = None if database.on_server else _backup_once(database)
    return _import_all(
        database, user, paths, backup, batch, take or {}, take_if, progress, cancelled, keep_previews=False
    )


def _backup_once(database) -> Callable[[object], str]:
    """The batch's copy of the file as it was, for the office's own peace of mind (undo needs none): taken once,
    just before the first file that writes, so that refused files and files already here neither take one nor
    push an older one out of the backups kept. `take(uow)` inside that file's write transaction: the copy reads
    the file as last committed (SQLite's backup API, on its own connection), before this file's rows."""
    made: list[str] = []

    def take(uow) -> str:
        if not made:
            made.append(str(backup_database(database)))
            prune_backups(database, backups_kept(uow=uow))
        return made[0]

    return take


def _import_all(
    database, user, paths, backup, batch, take, take_if, progress, cancelled, keep_previews
) -> list[FileOutcome]:
    outcomes = []
    for done, path in enumerate(paths):
        if cancelled and cancelled():
            break
        if progress:
            progress(done, len(paths))
        outcome = _import_one(database, user, path, backup, batch, take, take_if, keep_previews)
        outcomes.append(outcome)
        if outcome.status == Outcome.BUSY:  # the others would wait and fail the same way: say so, change nothing
            outcomes += [
                FileOutcome(p.name, Outcome.SKIPPED, "ยังไม่ได้นำเข้า (ฐานข้อมูลไม่ว่าง) กรุณานำเข้าใหม่อีกครั้ง", {}, None, str(p))
                for p in paths[done + 1 :]
            ]
            break
    if progress:
        progress(len(outcomes), len(paths))
    return outcomes


BUSY_ATTEMPTS = 3


def _import_one(
    database, user: UserInfo, path: Path, backup, batch: str, chosen: dict, take_if, keep_preview: bool
) -> FileOutcome:
    """One file in one write transaction: the write lock is taken before the preview reads, so nothing can
    change between what the preview weighed and what is written. A busy database is tried again."""
    data, preview = None, None
    for attempt in range(1, BUSY_ATTEMPTS + 1):
        try:
            data = read_file_bytes(path)
            with database.unit_of_work() as uow:
                uow.begin_write()
                preview = merge.preview(uow=uow, user=user, data=data, file_name=path.name)
                if preview.already:
                    return FileOutcome(
                        path.name,
                        Outcome.ALREADY,
                        preview.already,
                        preview.counts,
                        None,
                        str(path),
                        preview if keep_preview else None,
                    )
                take = set(chosen.get(preview.opened.digest, ()))
                take.update(row.key for row in preview.conflicts if take_if and take_if(row))
                ledger_id = merge.write(
                    uow=uow, user=user, preview_=preview, take=take, backup_path=backup and backup(uow), batch=batch
                )
                uow.note(touched(Kind.FILES))
                uow.commit()
        except DatabaseBusy as busy:
            if attempt < BUSY_ATTEMPTS:
                continue
            log.warning("%s not imported: %s", path.name, busy.message)
            return FileOutcome(path.name, Outcome.BUSY, busy.message, {}, None, str(path))
        except OtopError as error:
            message = error.message
        except Exception:  # noqa: BLE001 - no file, however made, may stop the batch or end in a traceback
            log.exception("unexpected error importing %s", path)
            message = UNEXPECTED
        else:
            summary = describe(Outcome.APPLIED, json.dumps(merge.applied_counts(preview, take)))
            moved = f" · ผู้ประกอบการที่ย้ายพื้นที่แล้ว {len(preview.moved):,} ราย (คงพื้นที่ใหม่ไว้)" if preview.moved else ""
            if preview.printed.new:  # the district's prints: their codes verify here from now on
                moved += f" · บันทึกการพิมพ์แบบของอำเภอ {len(preview.printed.new):,} ฉบับ"
            return FileOutcome(
                path.name,
                Outcome.APPLIED,
                f"นำเข้าแล้ว: {summary}{moved}",
                preview.counts,
                ledger_id,
                str(path),
                preview if keep_preview else None,
            )
        break
    _refuse(database, user, path.name, data, message)
    return FileOutcome(path.name, Outcome.REFUSED, message, {}, None, str(path))


def list_ledger(*, uow, user: UserInfo | None = None, limit: int = 200) -> list[LedgerEntry]:
    """The newest ledger entries, in Thai."""
    rows = uow.session.scalars(select(ImportLedger).order_by(ImportLedger.id.desc()).limit(limit))
    return [
        LedgerEntry(
            e.id,
            e.imported_at,
            e.file_name,
            e.kind,
            e.source_area,
            e.outcome,
            e.imported_by,
            _period(e.fiscal_year, e.months) + describe(e.outcome, e.summary or ""),
        )
        for e in rows
    ]


def _period(fiscal_year: int | None, months: str | None) -> str:
    """What a file covered, before its details: 'ปีงบประมาณ 2569 ต.ค.–ส.ค. · ' ('' when it was not read)."""
    covered = stored_months(months)
    if not fiscal_year or not covered:
        return ""
    return f"ปีงบประมาณ {fiscal_year} {months_text(covered)} · "
