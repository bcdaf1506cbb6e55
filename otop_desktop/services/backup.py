"""Backups an office can carry away: a verified copy of its database file (on a USB stick), named for the office
and Thailand's date; and restoring one: checked (whole, this program's, a schema this version knows or can
upgrade), shown before anything changes, the current file kept in backups/, then renamed over it when whole.
An office on a PostgreSQL server backs up with the server's own tools (pg_dump), not here."""

import logging
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import DatabaseProblem, ForeignDatabase, InvalidInput, PermissionDenied
from otop_desktop.core.files import check_input_path, check_output_path, write_output
from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.models import MonthlySale, Setting, User
from otop_desktop.paths import BACKUP_SUFFIX
from otop_desktop.services import access
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.auth import mixes_offices
from otop_desktop.services.thai import BE_OFFSET, format_thai_date, months_text, now_utc, to_local, today_in_thailand
from otop_desktop.store.database import check_copy, copy_file, foreign_objects, open_database
from otop_desktop.store.identity import check_identity, file_state

log = logging.getLogger(__name__)

LAST_BACKUP_KEY = "backup.last_made"  # naive UTC, ISO format
REMIND_AFTER = timedelta(days=30)
BEFORE_RESTORE = "before-restore"
IN_USE = (
    "ไฟล์ฐานข้อมูลยังเปิดอยู่ในโปรแกรมอีกหน้าต่างหนึ่งหรือโปรแกรมอื่น จึงยังไม่ได้กู้คืน ข้อมูลปัจจุบันไม่เปลี่ยนแปลง "
    "กรุณาปิดโปรแกรมหน้าต่างอื่นก่อนแล้วกู้คืนอีกครั้ง"
)
ON_SERVER = (
    "ฐานข้อมูลนี้อยู่บนเซิร์ฟเวอร์ PostgreSQL ของสำนักงาน ให้สำรองและกู้คืนด้วยเครื่องมือของเซิร์ฟเวอร์เอง "
    "(pg_dump และ pg_restore ที่เครื่องเซิร์ฟเวอร์ ดู README หัวข้อ “สำรองข้อมูลบนเซิร์ฟเวอร์”)"
)


class OnServer(InvalidInput):
    """A backup or restore asked of a server's database: its own tools do it."""

    title = "ฐานข้อมูลอยู่บนเซิร์ฟเวอร์"

    def __init__(self) -> None:
        super().__init__(ON_SERVER)


@dataclass(frozen=True)
class BackupMade:
    """A backup written: where, how big, when."""

    path: Path
    size: int
    made_at: datetime
    beside_data: bool = False  # in the database's own folder: the same disk, no help when the PC breaks

    @property
    def advice(self) -> str:
        """What the officer does with it next, in Thai."""
        if self.beside_data:
            return (
                "ไฟล์สำรองนี้อยู่ในโฟลเดอร์เดียวกับข้อมูลของโปรแกรม (ดิสก์เดียวกัน) ถ้าเครื่องเสียจะเสียไปด้วยกัน"
                " กรุณาคัดลอกไปเก็บในแฟลชไดรฟ์หรือเครื่องอื่น"
            )
        return "เก็บแฟลชไดรฟ์ไว้นอกสำนักงาน"


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds, as an officer checks it before restoring."""

    file_name: str
    office: str
    last_saved: datetime | None
    months: tuple[tuple[int, int], ...]  # (fiscal year, month) with figures
    users: int
    upgraded_from: str | None  # the older schema revision it was upgraded from, None when current
    now: "BackupContents | None" = None  # before a restore: what this office's file holds now, which it replaces

    def lines(self) -> list[str]:
        """The contents in Thai, one fact a line (the CLI prints them, the restore dialog shows them), then what
        the restore would replace, and a warning when the backup is older than what is here."""
        lines = [
            f"ไฟล์: {self.file_name}",
            f"สำนักงาน: {self.office}",
            f"บันทึกยอดจำหน่ายล่าสุด: {self._saved()}",
            f"เดือนที่มียอดจำหน่าย: {self._months()}",
            f"ผู้ใช้งาน: {self.users:,} คน",
        ]
        if self.upgraded_from:
            lines.append("ไฟล์สำรองจากโปรแกรมรุ่นก่อน: จะปรับรุ่นฐานข้อมูลให้เป็นรุ่นปัจจุบันเมื่อกู้คืน")
        if self.now is not None:
            lines.append(
                f"ข้อมูลปัจจุบันในเครื่องนี้ (จะถูกแทนที่): บันทึกยอดจำหน่ายล่าสุด {self.now._saved()}"
                f" · เดือนที่มียอดจำหน่าย: {self.now._months()}"
            )
            newer = self.now.last_saved
            if newer is not None and (self.last_saved is None or self.last_saved < newer):
                lines.append(
                    f"คำเตือน: ไฟล์สำรองนี้เก่ากว่าข้อมูลปัจจุบัน ยอดที่บันทึกหลัง {self._saved()} จะหายไปเมื่อกู้คืน"
                    " (ข้อมูลปัจจุบันจะเก็บสำเนาไว้ในโฟลเดอร์ backups)"
                )
        return lines

    def _saved(self) -> str:
        return _shown_time(self.last_saved) if self.last_saved else "ยังไม่มีการบันทึกยอดจำหน่าย"

    def _months(self) -> str:
        years: dict[int, list[int]] = {}
        for year, month in self.months:
            years.setdefault(year, []).append(month)
        return "; ".join(f"ปีงบประมาณ {year}: {months_text(found)}" for year, found in sorted(years.items())) or "ไม่มี"


@dataclass(frozen=True)
class RestoreDone:
    """A restore carried out: what the file now holds, and where the file it replaced was kept."""

    contents: BackupContents
    kept: Path


def _shown_time(stored: datetime) -> str:
    local = to_local(stored)
    return f"{format_thai_date(local)} เวลา {local:%H:%M} น."


def _local_file(database, user: UserInfo, action: access.Action) -> None:
    """Refuse a user the policy does not allow, and a database on a server (its own tools back it up)."""
    access.check(user, action)
    if database.on_server:
        raise OnServer()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def backup_file_name(*, uow, user: UserInfo) -> str:
    """'otop-ubon-ratchathani-2569-12-04.otopbackup': the office's area in Latin letters and Thailand's date (B.E.)."""
    from otop_desktop.models import District, Province

    code = user.area_code
    province = uow.session.get(Province, code[:2]) if code != NATIONAL else None
    district = uow.session.get(District, code[:4]) if len(code) >= 4 else None
    parts = [p.name_en for p in (province, district) if p is not None] or ["department"]
    today = today_in_thailand()
    return f"otop-{_slug('-'.join(parts)) or code}-{today.year + BE_OFFSET}-{today:%m-%d}{BACKUP_SUFFIX}"


def _unused(path: Path) -> Path:
    """The usual name, or with '-2', '-3', … when a backup of the same day is already there (never overwritten)."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name.removesuffix(BACKUP_SUFFIX)}-{number}{BACKUP_SUFFIX}")
    return candidate


def make_backup(database, user: UserInfo, *, path: Path | str) -> BackupMade:
    """Write a verified copy of the database file to `path` (a file, or a folder to put the usual name in)."""
    _local_file(database, user, access.Action.BACK_UP)
    target = Path(path)
    if target.is_dir():
        with database.unit_of_work() as uow:
            target = _unused(target / backup_file_name(uow=uow, user=user))
    check_output_path(target, (BACKUP_SUFFIX,))  # a device, a missing folder, a name restore would not list: refused
    written = copy_file(database.path, target)
    made_at = now_utc()
    with database.unit_of_work() as uow:
        uow.session.merge(Setting(key=LAST_BACKUP_KEY, value=made_at.isoformat()))
        record(
            uow.session,
            [
                AuditNote(
                    username=user.username,
                    action="backup",
                    entity="database",
                    entity_key=written.name[:80],
                    old_value=None,
                    new_value=str(written),
                )
            ],
        )
        uow.note(touched(Kind.FILES))
        uow.commit()
    beside = os.path.samefile(written.parent, database.path.parent)
    return BackupMade(written, written.stat().st_size, made_at, beside)


def last_backup(*, uow) -> datetime | None:
    """When a backup of this database was last written (naive UTC), None if never."""
    value = uow.session.scalar(select(Setting.value).where(Setting.key == LAST_BACKUP_KEY))
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def backup_reminder(*, uow, user: UserInfo) -> str:
    """A Thai reminder when the file has not been backed up for a month (or ever); '' otherwise or on a server."""
    if uow.session.get_bind().dialect.name != "sqlite" or not access.allowed(user, access.Action.BACK_UP):
        return ""
    made = last_backup(uow=uow)
    if made is None:
        return "ยังไม่เคยสำรองข้อมูลของเครื่องนี้ หากเครื่องเสีย ข้อมูลทั้งหมดจะหายไป กรุณาสำรองข้อมูลลงแฟลชไดรฟ์"
    if to_local(made).date() + REMIND_AFTER > today_in_thailand():
        return ""
    return f"สำรองข้อมูลครั้งล่าสุดเมื่อ {format_thai_date(to_local(made))} นานกว่า 1 เดือนแล้ว กรุณาสำรองข้อมูลลงแฟลชไดรฟ์"


def _existing(path: Path | str) -> Path:
    source = Path(path)
    if source.is_dir():
        raise InvalidInput(f"{source} เป็นโฟลเดอร์ กรุณาเลือกไฟล์สำรอง (.otopbackup) ในโฟลเดอร์นั้น")
    check_input_path(source)  # this office's own open file is no backup to read from this process, nor a device
    if not source.is_file():
        raise InvalidInput(f"ไม่พบไฟล์สำรอง {source.name or source} กรุณาเลือกไฟล์ที่มีอยู่")
    log = Path(f"{source}-wal")
    if log.is_file() and log.stat().st_size:  # a database in use (or left by a crash): its newest saves are there
        raise InvalidInput(LIVE_FILE.format(name=source.name, log=log.name))
    return source


# The file alone lacks what the log beside it holds: a copy of it would restore a day without its latest saves.
LIVE_FILE = (
    "“{name}” ยังมีข้อมูลล่าสุดอยู่ในไฟล์ {log} ข้างกัน (โปรแกรมยังเปิดใช้ไฟล์นี้อยู่ หรือปิดไม่เรียบร้อย)"
    " ถ้าใช้ไฟล์นี้ ข้อมูลที่บันทึกล่าสุดจะหายไป จึงไม่ได้ใช้ กรุณาใช้ไฟล์สำรอง (.otopbackup) จากเมนู ไฟล์ → สำรองข้อมูล…"
    " หรือปิดโปรแกรมที่ใช้ไฟล์นี้ให้เรียบร้อยก่อน"
)


def _checked_source(copy: Path, name: str) -> str | None:
    """Refuse a file that is damaged, not this program's, or a newer version's; its schema revision."""
    damaged = DatabaseProblem(
        f"ไฟล์สำรอง {name} เสียหายหรือไม่ใช่ไฟล์สำรองของโปรแกรมนี้ (ตรวจความสมบูรณ์ไม่ผ่าน) "
        "จึงไม่ได้ใช้ ข้อมูลปัจจุบันไม่เปลี่ยนแปลง กรุณาใช้ไฟล์สำรองอื่น"
    )
    try:
        revision, tables = file_state(copy)
    except DatabaseProblem as refused:
        raise damaged from refused
    check_identity(revision, tables, name)
    if revision is None:  # an empty database, or one never set up: nothing of an office's
        raise ForeignDatabase(name)
    try:
        check_copy(copy)
    except DatabaseProblem as refused:
        raise damaged from refused
    return revision


def _plain_copy(source: Path, temporary: Path) -> None:
    shutil.copyfile(source, temporary)


def _prepared(source: Path, target: Path, before_naming=None, restoring: bool = False) -> BackupContents:
    """Check a backup and copy it to `target`, upgraded to this version's schema (migrations on the copy only);
    what it holds. SQLite opens only a plain copy of the officer's file, so nothing is left beside it."""
    from otop_desktop.migrations import HEAD

    found = {}
    with tempfile.TemporaryDirectory(prefix="otop-restore-") as scratch:
        raw = write_output(Path(scratch) / "backup.db", lambda temporary: _plain_copy(source, temporary))
        revision = _checked_source(raw, source.name)

        def finish(temporary: Path) -> None:
            restored = open_database(temporary)
            try:
                with restored.unit_of_work() as uow:
                    found["contents"] = _contents(uow.session, source.name, None if revision == HEAD else revision)
                    foreign = foreign_objects(uow.session.connection())
                    mixed = mixes_offices(uow.session)
            finally:
                restored.close()
            if mixed:
                raise DatabaseProblem(
                    f"ไฟล์สำรอง {source.name} เป็นฐานข้อมูลของกรมฯ แต่มีผู้ใช้ระดับจังหวัดหรืออำเภอ ซึ่งฐานข้อมูลของกรมฯ มีไม่ได้"
                    " จึงไม่ได้ใช้ ข้อมูลปัจจุบันไม่เปลี่ยนแปลง กรุณาใช้ไฟล์สำรองที่โปรแกรมทำไว้"
                )
            if foreign:
                raise DatabaseProblem(
                    f"ไฟล์สำรอง {source.name} มีส่วนที่โปรแกรมนี้ไม่ได้สร้าง ({', '.join(foreign[:5])}"
                    f"{f' และอีก {len(foreign) - 5} รายการ' if len(foreign) > 5 else ''}) ซึ่งอาจเปลี่ยนข้อมูลที่บันทึก"
                    " จึงไม่ได้ใช้ ข้อมูลปัจจุบันไม่เปลี่ยนแปลง กรุณาใช้ไฟล์สำรองที่โปรแกรมทำไว้"
                )

        copy_file(raw, target, finish, before_naming, restoring)
    return found["contents"]


def _contents(session, file_name: str, upgraded_from: str | None) -> BackupContents:
    from otop_desktop.services.areas import describe_area

    areas = sorted(session.scalars(select(User.area_code).distinct()), key=lambda code: (len(code), code))
    office = describe_area(uow=_Reading(session), area_code=areas[0]) if areas else "ยังไม่มีผู้ใช้งาน"
    months = session.execute(select(MonthlySale.fiscal_year, MonthlySale.month).distinct()).all()
    order = sorted(((year, month) for year, month in months), key=lambda ym: (ym[0], (ym[1] - 10) % 12))
    return BackupContents(
        file_name,
        office,
        session.scalar(select(func.max(MonthlySale.updated_at))),
        tuple(order),
        session.scalar(select(func.count()).select_from(User)),
        upgraded_from,
    )


@dataclass(frozen=True)
class _Reading:
    """A session as a service reading through `uow.session` sees it."""

    session: object


def inspect_backup(database, user: UserInfo, *, path: Path | str) -> BackupContents:
    """Check a backup on a scratch copy (nothing of this office's file is touched) and say what it holds."""
    _local_file(database, user, access.Action.RESTORE)
    source = _existing(path)
    with tempfile.TemporaryDirectory(prefix="otop-restore-") as scratch:
        contents = _prepared(source, Path(scratch) / "check.db")
    return replace(contents, now=_current_contents(database))


def _current_contents(database) -> "BackupContents | None":
    """What this office's file holds now, beside the backup; None when it cannot be read (a damaged file is the
    very one a restore is for, so its preview must not fail on it)."""
    try:
        with database.unit_of_work() as uow:
            return _contents(uow.session, database.path.name, None)
    except (SQLAlchemyError, sqlite3.Error, OSError):
        log.warning("the current database could not be read for the restore preview", exc_info=True)
        return None


def restore_backup(database, user: UserInfo, *, path: Path | str) -> RestoreDone:
    """Replace the database file by a checked backup: prepared under a temporary name beside it, the current
    file kept in backups/, the database closed, then renamed over it. Everyone logs in again afterwards."""
    _local_file(database, user, access.Action.RESTORE)
    return _restore(database, user.username, path)


# A new PC's first start: its database has no user yet, so nobody can log in to restore; nothing here to protect.
FIRST_START = "(ตั้งค่าครั้งแรก)"  # who restored, in the log, when nobody could log in
NOT_FIRST_START = (
    "ฐานข้อมูลนี้มีผู้ใช้งานแล้ว การกู้คืนต้องเข้าสู่ระบบในฐานะผู้ดูแลระบบหรือเจ้าหน้าที่ระดับจังหวัด"
    " (กู้คืนโดยไม่เข้าสู่ระบบได้เฉพาะเครื่องใหม่ที่ยังไม่มีผู้ใช้งาน)"
)


def _first_start(database) -> None:
    """Refuse unless the database is a new PC's, with no user yet, and a file of this PC."""
    from otop_desktop.services.auth import has_users

    if database.on_server:
        raise OnServer()
    with database.unit_of_work() as uow:
        if has_users(uow=uow):
            raise PermissionDenied(NOT_FIRST_START)


def inspect_first_backup(database, user: UserInfo | None = None, *, path: Path | str) -> BackupContents:
    """inspect_backup on a new PC's first start, before anyone can log in: what the backup holds."""
    _first_start(database)
    source = _existing(path)
    with tempfile.TemporaryDirectory(prefix="otop-restore-") as scratch:
        return _prepared(source, Path(scratch) / "check.db")


def restore_first_backup(database, user: UserInfo | None = None, *, path: Path | str) -> RestoreDone:
    """restore_backup on a new PC's first start (a PC that broke, replaced): the office's backup brings its
    users with its data, and they log in as before."""
    _first_start(database)
    return _restore(database, FIRST_START, path)


def _restore(database, username: str, path: Path | str) -> RestoreDone:
    from otop_desktop.services.exchange.batch import backup_database

    source = _existing(path)
    found: dict = {}

    def before_naming() -> None:
        found["kept"] = backup_database(database, BEFORE_RESTORE)
        database.close()
        _release_journal(database.path)

    contents = _prepared(source, database.path, before_naming, restoring=True)
    database.keep_unread()  # open again: no file chosen to be read may be it
    with database.unit_of_work() as uow:  # the engine connects afresh, to the restored file
        record(
            uow.session,
            [
                AuditNote(
                    username=username,
                    action="restore",
                    entity="database",
                    entity_key=source.name[:80],
                    old_value=str(found["kept"]),
                    new_value=str(source),
                )
            ],
        )
        # What is here now is that backup, whole: the reminder counts from now (a new PC said "never backed up").
        uow.session.merge(Setting(key=LAST_BACKUP_KEY, value=now_utc().isoformat()))
        uow.note(touched(~Kind.NONE))  # everything may differ
        uow.commit()
    return RestoreDone(contents, found["kept"])


def _release_journal(path: Path) -> None:
    """Fold the write-ahead log into the file and leave WAL mode, so no -wal of the old file outlives it (SQLite
    would replay it into the restored one). Refused while another program or window holds the file."""
    con = sqlite3.connect(path, timeout=5)
    try:
        left = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0].lower() != "delete"
    except sqlite3.OperationalError:
        left = True
    finally:
        con.close()
    if left:
        raise DatabaseProblem(IN_USE)
    Path(f"{path}-shm").unlink(missing_ok=True)
