"""`otop-desktop backup | restore`: the office's database file copied to a backup, and put back from one."""

from otop_desktop.commands.common import add_out, as_user, on_the_database, path
from otop_desktop.paths import BACKUP_SUFFIX
from otop_desktop.services.thai import format_thai_datetime

BACKUP_COMMANDS = ("backup", "restore")


def add(commands) -> dict:
    """Add `backup` and `restore`."""
    making = commands.add_parser("backup", help="สำรองข้อมูล: เขียนสำเนาฐานข้อมูลที่ตรวจแล้ว (ผู้ใช้งานทุกคนของสำนักงาน)")
    making.add_argument("--user", required=True, help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    add_out(
        making,
        f"ไฟล์ที่จะเขียน หรือโฟลเดอร์ (เช่น แฟลชไดรฟ์) ที่จะใส่ไฟล์ชื่อ otop-…{BACKUP_SUFFIX}",
        required=True,
    )
    restoring = commands.add_parser(
        "restore", help="กู้คืนจากไฟล์สำรอง (ผู้ดูแลระบบหรือเจ้าหน้าที่ระดับจังหวัด); ข้อมูลปัจจุบันเก็บไว้ในโฟลเดอร์ backups ก่อน"
    )
    restoring.add_argument("file", type=path, help="ไฟล์สำรอง")
    restoring.add_argument(
        "--user",
        help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD); ไม่ใส่ได้เฉพาะเครื่องใหม่ที่ฐานข้อมูลยังไม่มีผู้ใช้งาน (เช่น เครื่องเดิมเสีย)",
    )
    restoring.add_argument("--yes", action="store_true", help="ยืนยันการกู้คืน (ไม่ใส่: แสดงสิ่งที่อยู่ในไฟล์เท่านั้น)")
    return {"backup": run_backup, "restore": run_restore}


def run_restore(args, target) -> int:
    """Restore as --user; with no --user, on a new PC whose database has nobody to log in as yet (made here if
    there is none): the office's backup brings its users back."""
    if args.user:
        return run_backup(args, target)
    from otop_desktop.services import backup
    from otop_desktop.services.office import Office
    from otop_desktop.store.database import open_database

    database = open_database(target)
    try:
        office = Office(database)
        return _restore(args, office, backup.inspect_first_backup, backup.restore_first_backup)
    finally:
        database.close()


@on_the_database
@as_user
def run_backup(args, office) -> int:
    """Write a backup, or restore one (only with --yes; without it, say what the file holds)."""
    from otop_desktop.services import backup

    if args.command == "backup":
        made = office.query_batch(backup.make_backup, path=args.out)
        print(f"สำรองข้อมูลแล้ว: {made.path} ({made.size:,} ไบต์) เมื่อ {format_thai_datetime(made.made_at)}")
        print(made.advice)
        return 0
    return _restore(args, office, backup.inspect_backup, backup.restore_backup)


def _restore(args, office, inspect, restore) -> int:
    """Say what the backup holds; with --yes, restore it."""
    if not args.yes:
        contents = office.query_batch(inspect, path=args.file)
        print("\n".join(contents.lines()))
        print("ยังไม่ได้กู้คืน: ข้อมูลทั้งหมดในเครื่องนี้จะถูกแทนที่ด้วยข้อมูลในไฟล์นี้ หากแน่ใจ ให้สั่งอีกครั้งพร้อม --yes")
        return 2
    done = office.query_batch(restore, path=args.file)
    print("\n".join(done.contents.lines()))
    print(f"กู้คืนแล้ว ข้อมูลเดิมเก็บไว้ที่ {done.kept}")
    return 0
