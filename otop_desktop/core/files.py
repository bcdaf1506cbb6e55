"""The one way the program writes a file (forms, exports, district files, receipts, keys, backups, settings):
into a unique hidden temporary file in the target's folder, flushed and fsynced, renamed over the target
only when whole; removed on any failure without hiding the first error. Only a regular file, or a name not
yet taken in an existing folder, can be a target; anything else is refused in Thai before any work. A file
chosen to be read is first checked not to be the program's own open database (check_input_path)."""

import errno
import io
import logging
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from otop_desktop.core.errors import InvalidInput

log = logging.getLogger(__name__)

TEMPORARY_PREFIX = ".otop-"  # hidden on Linux and macOS; never derived from the target's name
TEMPORARY_SUFFIX = ".tmp"
REASONS = {
    errno.ENOSPC: "พื้นที่ในดิสก์เต็ม",
    errno.EDQUOT: "เกินโควตาพื้นที่ดิสก์",
    errno.EACCES: "ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้",
    errno.EPERM: "ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้",
    errno.EROFS: "ดิสก์นี้เขียนไม่ได้ (อ่านได้อย่างเดียว)",
    errno.ENOENT: "ไม่พบโฟลเดอร์นี้",
    errno.ENAMETOOLONG: "ชื่อไฟล์ยาวเกินไป",
    errno.ENOTDIR: "ส่วนหนึ่งของเส้นทางเป็นไฟล์ ไม่ใช่โฟลเดอร์",
    errno.EIO: "ดิสก์อ่านเขียนผิดพลาด",
}
_umask_lock, _umask = threading.Lock(), []


# The SQLite files this process has open (store.database keeps the count), with the files SQLite keeps beside one.
_open_databases: dict[Path, int] = {}
SIDE_FILES = ("-wal", "-shm", "-journal")


def keep_unread(database_file: Path | str, opened: bool = True) -> None:
    """Count a SQLite file this process opens (or, `opened` False, closes): check_input_path refuses it."""
    place = Path(database_file).resolve()
    count = _open_databases.get(place, 0) + (1 if opened else -1)
    if count > 0:
        _open_databases[place] = count
    else:
        _open_databases.pop(place, None)


def check_input_path(path: Path | str) -> Path:
    """A file the officer chose to read, refused in Thai when it is the program's own open database or a file
    SQLite keeps beside it: on Linux and macOS a process that opens and closes such a file loses every lock
    SQLite holds on it, and another program would then take the database for unused and delete its log (see
    ui/file_dialogs). A device, a pipe or a socket is no file either: /dev/zero read as a table or a scan filled
    the memory until the system killed the program, and a pipe waited for ever. Names and stat only: the file
    itself is not opened."""
    chosen = Path(path)
    try:
        mode = chosen.stat().st_mode  # through a link, as the reader would open it
    except (OSError, ValueError):
        mode = None  # no such file (the reader says so)
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        raise InvalidInput(f"“{chosen.name}” ไม่ใช่ไฟล์ข้อมูล (เป็นอุปกรณ์หรือช่องทางสื่อสารของระบบ) จึงไม่ได้อ่าน กรุณาเลือกไฟล์อื่น")
    if _is_open_database(chosen):
        raise InvalidInput(
            f"“{chosen.name}” คือฐานข้อมูลของโปรแกรมที่เปิดใช้อยู่ (หรือไฟล์ที่ฐานข้อมูลใช้คู่กัน) ไม่ใช่ไฟล์ที่จะอ่านเข้ามา"
            " จึงไม่ได้อ่านไฟล์นี้ กรุณาเลือกไฟล์อื่น"
        )
    return chosen


def _is_open_database(path: Path) -> bool:
    """Whether `path` is a SQLite file this process has open, or a file SQLite keeps beside one (there or not
    yet), by names and stat alone."""
    for database in list(_open_databases):
        try:
            if path.name in {database.name + side for side in SIDE_FILES}:
                if os.path.samefile(path.parent, database.parent):
                    return True
            elif os.path.samefile(path, database):
                return True
        except OSError:  # no such file (the reader or writer says so), or a folder gone
            continue
    return False


def _refuse(path, why: str) -> InvalidInput:
    text = os.fspath(path) if path is not None else ""
    shown = Path(text).name or text.strip()
    return InvalidInput(f"บันทึกไฟล์ {shown} ไม่ได้: {why}" if shown else f"บันทึกไฟล์ไม่ได้: {why}")


def check_output_path(path: Path | str | None, suffixes: tuple[str, ...] = (), *, restoring: bool = False) -> Path:
    """The file to write, or a Thai refusal naming it: no name, a folder, a device, a FIFO or a socket, a missing
    folder, the program's own open database or a file SQLite keeps beside it (unless `restoring` it: a restore
    puts a backup in its place), or (given `suffixes`, e.g. ('.pdf',)) a name that does not end in one of them."""
    text = os.fspath(path) if path is not None else ""
    if not text.strip() or text in (".", "..") or text.endswith(("/", os.sep)):
        raise _refuse(text, "ไม่ได้ระบุชื่อไฟล์ (ต้องเป็นชื่อไฟล์ ไม่ใช่โฟลเดอร์)")
    target = Path(text)
    if target.name in ("", ".", ".."):
        raise _refuse(text, "ไม่ได้ระบุชื่อไฟล์ (ต้องเป็นชื่อไฟล์ ไม่ใช่โฟลเดอร์)")
    try:
        found = os.stat(target)
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise _refuse(text, os_error_words(error)) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise _refuse(text, "ชื่อนี้เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์")
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise _refuse(text, "ชื่อนี้ไม่ใช่ไฟล์ธรรมดา (เป็นอุปกรณ์ ท่อ หรือซ็อกเก็ต) กรุณาเลือกชื่อไฟล์อื่น")
    if target.is_symlink():
        target = target.resolve()  # write the file the link points at; the link stays
    if not restoring and _is_open_database(target):  # --replace or not: the office's data is never an output
        raise _refuse(text, "ชื่อนี้คือฐานข้อมูลของโปรแกรมที่เปิดใช้อยู่ (หรือไฟล์ที่ฐานข้อมูลใช้คู่กัน) กรุณาเลือกชื่อไฟล์อื่น")
    if not target.parent.is_dir():
        raise _refuse(text, f"ไม่พบโฟลเดอร์ {target.parent} กรุณาเลือกโฟลเดอร์ที่มีอยู่")
    if suffixes and target.suffix.lower() not in suffixes:
        raise _refuse(text, f"ชื่อไฟล์ต้องลงท้ายด้วย {' หรือ '.join(suffixes)}")
    return target


def output_folder(path: Path | str) -> Path:
    """The folder to write files into, made if need be, or a Thai refusal naming it: a file or a device of that
    name, a folder the office may not write in, a full disk."""
    folder = Path(path)
    shown = folder.name or os.fspath(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file, a device
        raise InvalidInput(f"บันทึกลงโฟลเดอร์ {shown} ไม่ได้: ชื่อนี้ไม่ใช่โฟลเดอร์ กรุณาระบุโฟลเดอร์") from None
    except OSError as error:
        raise InvalidInput(f"บันทึกลงโฟลเดอร์ {shown} ไม่ได้: {os_error_words(error)}") from None
    return folder


def write_output(
    path: Path | str,
    write: Callable[[Path], object],
    before_naming: Callable[[], object] | None = None,
    *,
    restoring: bool = False,
) -> Path:
    """Call `write(temporary)`, fsync it, call `before_naming()` (e.g. record a print), then rename it over `path`
    (`restoring`: the program's open database, which a restore replaces; see check_output_path)."""
    target = check_output_path(path, restoring=restoring)
    try:
        handle, name = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=target.parent)
    except OSError as error:
        raise _refuse(path, os_error_words(error)) from None
    temporary = Path(name)
    try:
        os.close(handle)
        write(temporary)
        _settle(temporary, target)
        if before_naming is not None:
            before_naming()
        os.replace(temporary, target)
    except BaseException as error:
        _discard(temporary)
        if isinstance(error, OSError):
            raise _refuse(path, os_error_words(error)) from error
        raise
    _sync_folder(target.parent)
    return target


def write_bytes(path: Path | str, data: bytes, before_naming: Callable[[], object] | None = None) -> Path:
    """Write `data` whole as the file `path` (see write_output)."""
    return write_output(path, lambda temporary: _put(temporary, data), before_naming)


def save_workbook(book, temporary: Path) -> None:
    """Save an openpyxl workbook into the writer's temporary file (through memory: openpyxl leaves its zip
    open when the disk fails, and the zip would complain in English when collected)."""
    buffer = io.BytesIO()
    book.save(buffer)
    _put(temporary, buffer.getvalue())


def is_temporary(path: Path | str) -> bool:
    """Whether a file's name is one of the writer's temporaries (left behind only by a killed process)."""
    name = Path(path).name
    return name.startswith(TEMPORARY_PREFIX) and name.endswith(TEMPORARY_SUFFIX)


LEFT_FOR = 3600  # seconds: a temporary this old was left by a killed process, not one still writing it


def clear_leftovers(folder: Path | str, left_for: float = LEFT_FOR) -> int:
    """Remove the writer's temporaries (and SQLite's -wal, -shm, -journal beside a copied database's) that a killed
    process left in `folder` over `left_for` seconds ago: a copy of the database is some megabytes, on the office's
    disk or its flash drive, every time. Returns how many files went; a file that cannot go is left."""
    import time

    gone, now = 0, time.time()
    try:
        found = [path for path in Path(folder).iterdir() if path.name.startswith(TEMPORARY_PREFIX)]
    except OSError:
        return 0
    for path in found:
        base = path.name.removesuffix("-wal").removesuffix("-shm").removesuffix("-journal")
        if not is_temporary(base):
            continue
        try:
            if now - path.stat().st_mtime > left_for:
                path.unlink()
                gone += 1
        except OSError:
            continue
    return gone


def _put(temporary: Path, data: bytes) -> None:
    with open(temporary, "wb") as stream:
        stream.write(data)


def _settle(temporary: Path, target: Path) -> None:
    """Flush the temporary file to the disk and give it the mode a new file (or the replaced one) would have."""
    handle = os.open(temporary, os.O_RDWR)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
    try:
        os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
    except FileNotFoundError:
        os.chmod(temporary, 0o666 & ~_current_umask())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _discard(temporary: Path) -> None:
    """Remove a temporary file after a failure, with what SQLite kept beside it when it was a database's copy (a
    full USB stick kept each attempt's -journal); a failure here is logged, never raised over the first one."""
    for leftover in (temporary, *(temporary.with_name(temporary.name + side) for side in SIDE_FILES)):
        try:
            leftover.unlink(missing_ok=True)
        except OSError as error:
            log.warning("could not remove the temporary file %s: %s", leftover, error)


def os_error_words(error: OSError) -> str:
    """Why the system refused a file, in Thai (a full disk, no right to write, a name too long, …)."""
    if error.errno in REASONS:
        return REASONS[error.errno]
    return f"ระบบแจ้งข้อผิดพลาด {errno.errorcode.get(error.errno, error.errno or '')}".strip() + " กรุณาเลือกที่บันทึกอื่น"


def _current_umask() -> int:
    with _umask_lock:
        if not _umask:
            _umask.append(os.umask(0o022))
            os.umask(_umask[0])
        return _umask[0]
