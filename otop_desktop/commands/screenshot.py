"""`otop-desktop screenshot`: each tab of the main window rendered to a PNG, offscreen."""

import os

from otop_desktop.commands.common import area_code, login, on_the_database, path


def add(commands) -> dict:
    """Add `screenshot`."""
    shot = commands.add_parser("screenshot", help="บันทึกภาพหน้าจอแต่ละแท็บเป็น PNG (ไม่ต้องมีจอ)")
    shot.add_argument("--out", required=True, type=path, help="โฟลเดอร์ที่จะเก็บภาพหน้าจอ (PNG)")
    shot.add_argument("--user", required=True, help="เข้าสู่ระบบเป็นผู้ใช้นี้ (รหัสผ่านจาก $OTOP_PASSWORD)")
    shot.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ. ของแท็บบันทึกข้อมูล")
    shot.add_argument("--month", type=int, help="เดือน 1-12 ของแท็บบันทึกข้อมูล")
    shot.add_argument("--district", type=area_code, help="อำเภอที่เลือก (ผู้ใช้ระดับจังหวัด)")
    return {"screenshot": run_screenshot}


@on_the_database
def run_screenshot(args, office) -> int:
    """Check the period first (a wrong month is refused before the login), then render as --user."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from otop_desktop.services.periods import check_period
    from otop_desktop.services.thai import today_in_thailand
    from otop_desktop.ui.app import application
    from otop_desktop.ui.screenshot import render_screenshots

    period = None
    if args.year is not None or args.month is not None:  # both, and real ones, or the tab's own month
        check_period(args.year, args.month if args.month is not None else 0)
        period = (args.year, args.month)
    office = login(office, args.user)
    application()
    today = today_in_thailand()
    for saved in render_screenshots(
        office.database, office.user, args.out, today=today, period=period, district_code=args.district
    ):
        print(saved)
    return 0
