"""`otop-desktop export …` (the department's eight exports) and `otop-desktop roadmap` (the board)."""

import sys

from otop_desktop.commands.common import add_out, area_code, as_user, login, on_the_database


def add(commands) -> dict:
    """Add `export` and `roadmap`."""
    export = commands.add_parser("export", help="ส่งออกรายงานยอดจำหน่าย (8 แบบของกรมฯ) เป็น .xlsx หรือ .csv")
    export.add_argument("name", nargs="?", help="ชื่อรายงาน (ดูได้จาก --list)")
    export.add_argument("--list", action="store_true", help="แสดงรายงานที่มี: ชื่อที่ใช้ในคำสั่ง แล้วชื่อภาษาไทย คั่นด้วยแท็บ")
    export.add_argument("--user", help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    export.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ.")
    export.add_argument("--month", type=int, help="เดือน 1-12 (ไม่ระบุ: ทั้งปีงบประมาณ)")
    export.add_argument(
        "--district", type=area_code, help="รหัสอำเภอ 4 หลัก (หรือจังหวัด 2 หลักสำหรับกรมฯ) ไม่ระบุ: ทั้งพื้นที่ของผู้ใช้"
    )
    add_out(export, "ไฟล์ .xlsx หรือ .csv ที่จะเขียน")
    board = commands.add_parser("roadmap", help="ตารางติดตามขั้นตอนรายเดือนของแต่ละอำเภอ (กรอก พิมพ์ ส่ง ล็อก)")
    board.add_argument("--user", required=True, help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    board.add_argument("--year", type=int, required=True, help="ปีงบประมาณ พ.ศ.")
    return {"export": run_export, "roadmap": run_roadmap}


def run_export(args, target) -> int:
    """Print the list (it needs no database: a new PC may ask it first), or write one export."""
    if args.list:
        from otop_desktop.services.reports import exports

        for export in exports.EXPORTS:
            print(f"{export.name}\t{export.title}")
        return 0
    return _write_export(args, target)


@on_the_database
def _write_export(args, office) -> int:
    """Write one export as --user (logged in only once the options are complete)."""
    from otop_desktop.services.reports import writers

    missing = [
        option
        for option, value in (("NAME", args.name), ("--user", args.user), ("--year", args.year), ("--out", args.out))
        if value is None or value == ""
    ]
    if missing:
        print(f"ข้อผิดพลาด: ต้องระบุ {' '.join(missing)} (หรือ --list)", file=sys.stderr)
        return 2
    office = login(office, args.user)
    written = office.query(
        writers.save_export,
        name=args.name,
        fiscal_year=args.year,
        month=args.month,
        area_code=args.district,
        path=args.out,
    )
    print(
        f"บันทึก {written.path} แล้ว: {written.rows:,} แถว" + (f" {written.sheets} แผ่นงาน" if written.sheets > 1 else "")
    )
    return 0


@on_the_database
@as_user
def run_roadmap(args, office) -> int:
    """Print the board of the user's area."""
    from otop_desktop.services.reports import roadmap

    print(roadmap.board_text(office.query(roadmap.roadmap_board, fiscal_year=args.year)))
    return 0
