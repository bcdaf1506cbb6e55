"""The `otop-desktop` command: the GUI with no arguments, and the same services headless."""

import argparse
import getpass
import os
import signal
import sys
from pathlib import Path

from otop_desktop import __version__
from otop_desktop.cli_parser import ThaiArgumentParser
from otop_desktop.paths import checked_url, database_target
from otop_desktop.core.errors import OtopError

PASSWORD_ENV = "OTOP_PASSWORD"
NEW_PASSWORD_ENV = "OTOP_NEW_PASSWORD"


def _parser() -> argparse.ArgumentParser:
    from otop_desktop.cli_backup import add_backup_commands
    from otop_desktop.cli_exchange import add_exchange_commands
    from otop_desktop.cli_reports import add_report_commands
    from otop_desktop.cli_targets import add_target_commands

    parser = ThaiArgumentParser(prog="otop-desktop", description="รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP")
    parser.add_argument("--data-dir", help="โฟลเดอร์ข้อมูล (ค่าเริ่มต้น: $OTOP_DATA_DIR หรือโฟลเดอร์ข้อมูลของผู้ใช้)")
    parser.add_argument("--database-url", help="ใช้ฐานข้อมูลบนเซิร์ฟเวอร์ PostgreSQL ของสำนักงานแทนไฟล์ในเครื่อง "
                        "เช่น postgresql://otop@server/otop (ค่าเริ่มต้น: $OTOP_DATABASE_URL) "
                        "รหัสผ่านอยู่ในไฟล์ .pgpass ของ PostgreSQL ห้ามใส่ไว้ใน URL")
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", help="สร้างฐานข้อมูลตัวอย่างจังหวัดอุบลราชธานี (ไฟล์ในเครื่อง หรือฐานข้อมูลว่างบนเซิร์ฟเวอร์)")
    demo.add_argument("--force", action="store_true", help="สร้างทับไฟล์ฐานข้อมูลเดิม (บนเซิร์ฟเวอร์ไม่สร้างทับ)")
    demo.add_argument("--scale", type=int, default=1, help="คูณจำนวนผู้ประกอบการ (สำหรับวัดความเร็ว)")
    setup = commands.add_parser("server-setup", help="สร้างฐานข้อมูลของสำนักงานบนเซิร์ฟเวอร์ PostgreSQL พร้อมผู้ดูแลระบบคนแรก "
                                "(รหัสผ่านจาก $OTOP_NEW_PASSWORD หรือถามทางแป้นพิมพ์)")
    setup.add_argument("--admin-url", required=True, help="การเชื่อมต่อของผู้มีสิทธิ์สร้างฐานข้อมูล เช่น postgresql://postgres@server/postgres")
    setup.add_argument("--name", default="otop", help="ชื่อฐานข้อมูลใหม่ (ค่าเริ่มต้น: otop)")
    setup.add_argument("--owner", help="บทบาท (role) ที่โปรแกรมใช้เชื่อมต่อ เป็นเจ้าของตาราง (ค่าเริ่มต้น: ผู้ใช้ใน --admin-url)")
    setup.add_argument("--admin", default="admin", help="ชื่อผู้ใช้งานของผู้ดูแลระบบคนแรก (ค่าเริ่มต้น: admin)")
    setup.add_argument("--area", required=True, help="รหัสจังหวัด 2 หลัก หรือ 00 (กรมฯ ทั้งประเทศ)")
    setup.add_argument("--display-name", default="", help="ชื่อ-สกุลของผู้ดูแลระบบ")
    user = commands.add_parser("user", help="จัดการผู้ใช้งาน").add_subparsers(dest="user_command", required=True)
    add = user.add_parser("add", help="เพิ่มผู้ใช้งาน (รหัสผ่านใหม่จาก $OTOP_NEW_PASSWORD หรือถามทางแป้นพิมพ์)")
    add.add_argument("username")
    add.add_argument("--role", choices=("district", "province", "admin", "department"), required=True)
    add.add_argument("--area", required=True, help="รหัสอำเภอ 4 หลัก รหัสจังหวัด 2 หลัก หรือ 00 (กรมฯ ทั้งประเทศ)")
    add.add_argument("--name", default="", help="ชื่อ-สกุล สำหรับช่องลงนาม")
    add.add_argument("--position", default="", help="ตำแหน่ง สำหรับช่องลงนาม")
    add.add_argument("--as", dest="actor", help="ผู้ดูแลระบบที่เพิ่ม (รหัสผ่านจาก $OTOP_PASSWORD); ไม่ต้องใส่สำหรับผู้ใช้คนแรก")
    user.add_parser("list", help="แสดงผู้ใช้งานในพื้นที่ของผู้ดูแลระบบ").add_argument(
        "--as", dest="actor", required=True, help="ผู้ดูแลระบบ (รหัสผ่านจาก $OTOP_PASSWORD)")
    disable = user.add_parser("disable", help="ปิดบัญชีผู้ใช้งาน (ย้ายหรือลาออก); ชื่อยังคงอยู่ในประวัติ")
    disable.add_argument("username")
    disable.add_argument("--as", dest="actor", required=True, help="ผู้ดูแลระบบ (รหัสผ่านจาก $OTOP_PASSWORD)")
    passwd = user.add_parser("passwd", help="ตั้งรหัสผ่านใหม่ให้ผู้ใช้งาน (รหัสผ่านใหม่จาก $OTOP_NEW_PASSWORD)")
    passwd.add_argument("username")
    passwd.add_argument("--as", dest="actor", required=True, help="ผู้ดูแลระบบ (รหัสผ่านจาก $OTOP_PASSWORD)")
    enable = user.add_parser("enable", help="เปิดบัญชีผู้ใช้งานที่ปิดไว้อีกครั้ง (รหัสผ่านเดิม)")
    enable.add_argument("username")
    enable.add_argument("--as", dest="actor", required=True, help="ผู้ดูแลระบบ (รหัสผ่านจาก $OTOP_PASSWORD)")
    own = user.add_parser("passwd-self", help="เปลี่ยนรหัสผ่านของตนเอง (รหัสผ่านปัจจุบันจาก $OTOP_PASSWORD "
                          "รหัสผ่านใหม่จาก $OTOP_NEW_PASSWORD หรือถามทางแป้นพิมพ์)")
    own.add_argument("--user", required=True, help="ผู้ใช้งานที่เปลี่ยนรหัสผ่านของตน")
    shot = commands.add_parser("screenshot", help="บันทึกภาพหน้าจอแต่ละแท็บเป็น PNG (ไม่ต้องมีจอ)")
    shot.add_argument("--out", required=True, type=Path)
    shot.add_argument("--user", required=True, help="เข้าสู่ระบบเป็นผู้ใช้นี้ (รหัสผ่านจาก $OTOP_PASSWORD)")
    shot.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ. ของแท็บบันทึกข้อมูล")
    shot.add_argument("--month", type=int, help="เดือน 1-12 ของแท็บบันทึกข้อมูล")
    shot.add_argument("--district", help="อำเภอที่เลือก (ผู้ใช้ระดับจังหวัด)")
    _add_entry_commands(commands)
    _add_lock_commands(commands)
    forms = commands.add_parser("print", help="พิมพ์แบบรายงานเป็น PDF").add_subparsers(dest="form", required=True)
    jt2 = _user_and_year(forms.add_parser("jt2", help="แบบ จต.๒ รายงานยอดจำหน่ายของอำเภอประจำเดือนหรือไตรมาส"))
    period = jt2.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", type=int, help="เดือน 1-12")
    period.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="ไตรมาสของปีงบประมาณ (1 = ต.ค.-ธ.ค.)")
    where = jt2.add_mutually_exclusive_group()
    where.add_argument("--district", help="รหัสอำเภอ 4 หลัก (ผู้ใช้ระดับอำเภอ: อำเภอของตน)")
    where.add_argument("--all-districts", action="store_true", help="ทุกอำเภอของจังหวัดในไฟล์เดียว (ผู้ใช้ระดับจังหวัด)")
    jt2.add_argument("--incomplete-ok", action="store_true",
                     help="พิมพ์แม้ยังกรอกไม่ครบทุกราย (แบบจะระบุ 'กรอกแล้ว n จาก N ราย' ไว้ข้างคำรับรอง)")
    jt2.add_argument("--arabic-digits", action="store_true", help="ใช้เลขอารบิก (ค่าเริ่มต้น: เลขไทย)")
    jt2.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    signatories = commands.add_parser("signatories", help="ผู้จัดทำ ผู้รับรอง และผู้ลงนามบนแบบพิมพ์ของสำนักงาน")
    signatories.add_argument("action", choices=("show", "set"))
    signatories.add_argument("--user", required=True, help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    signatories.add_argument("--area", help="รหัสอำเภอหรือจังหวัด (ค่าเริ่มต้น: สำนักงานของผู้ใช้)")
    signatories.add_argument("--duty", choices=("prepares", "certifies", "signs"), help="ผู้จัดทำ ผู้รับรอง หรือผู้ลงนาม")
    signatories.add_argument("--name", default="", help="ชื่อ-สกุล (ว่าง = ลบ)")
    signatories.add_argument("--position", default="", help="ตำแหน่ง")
    jt1 = _user_and_period(forms.add_parser("jt1", help="แบบ จต.๑ แบบจัดเก็บข้อมูล (รายชื่อพร้อมช่องว่างให้กรอก)"))
    jt1.add_argument("--district", help="รหัสอำเภอ 4 หลัก (ผู้ใช้ระดับอำเภอ: อำเภอของตน)")
    jt1.add_argument("--arabic-digits", action="store_true", help="ใช้เลขอารบิก (ค่าเริ่มต้น: เลขไทย)")
    jt1.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    fc = forms.add_parser("forecast", help="แบบประมาณการรายได้ของจังหวัด (.pdf หรือ .xlsx)")
    _user_and_year(fc).add_argument("--out", type=Path, required=True, help="ไฟล์ .pdf หรือ .xlsx")
    fc.add_argument("--arabic-digits", action="store_true", help="ใช้เลขอารบิก (ค่าเริ่มต้น: เลขไทย)")
    forecast = commands.add_parser("forecast", help="ประมาณการรายได้ของจังหวัดรายเดือน").add_subparsers(
        dest="forecast_command", required=True)
    _user_and_year(forecast.add_parser("show", help="แสดงประมาณการเทียบยอดจริง"))
    setter = _user_and_period(forecast.add_parser("set", help="บันทึกประมาณการของเดือน (บาท 4 ช่อง)"))
    setter.add_argument("amounts", nargs=4, metavar="AMOUNT", help="ในประเทศออฟไลน์ ออนไลน์ ต่างประเทศออฟไลน์ ออนไลน์ ('' = ว่าง)")
    setter.add_argument("--remark", default="", help="หมายเหตุ")
    verify = commands.add_parser("verify", help="ตรวจรหัสตรวจสอบเอกสารบนแบบที่พิมพ์: แบบนั้นพิมพ์เมื่อใด โดยใคร และข้อมูลยังตรง"
                                 "กับที่พิมพ์หรือไม่ (0 ตรง, 1 ต่าง, 2 ไม่พบรหัสหรือรหัสพิมพ์ผิด)")
    verify.add_argument("code", help="รหัสตรวจสอบเอกสาร เช่น ABCD-EFGH-JKLM")
    verify.add_argument("--user", required=True, help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    add_target_commands(commands, _user_and_year)
    add_exchange_commands(commands)
    add_report_commands(commands)
    add_backup_commands(commands)
    return parser


def _add_lock_commands(commands) -> None:
    for name, text in (("lock", "ล็อก (ยืนยัน) ข้อมูลของอำเภอหรือทั้งจังหวัด"), ("unlock", "ปลดล็อกข้อมูล (ต้องระบุ --reason)"),
                       ("locks", "แสดงสถานะการล็อกของเดือน")):
        command = _user_and_period(commands.add_parser(name, help=text))
        if name != "locks":
            scope = command.add_mutually_exclusive_group(required=True)
            scope.add_argument("--district", help="รหัสอำเภอ 4 หลัก")
            scope.add_argument("--province", action="store_true", help="ทั้งจังหวัด")
        if name == "unlock":
            command.add_argument("--reason", required=True, help="เหตุผลในการปลดล็อก")
        if name == "lock":
            command.add_argument("--incomplete-ok", action="store_true",
                                 help="ล็อกทั้งจังหวัดแม้บางอำเภอยังกรอกไม่ครบ (โปรแกรมจะแสดงรายชื่ออำเภอก่อน)")


def _user_and_year(command):
    """The options of a command acting as a user on a fiscal year."""
    command.add_argument("--user", required=True, help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    command.add_argument("--year", type=int, required=True, help="ปีงบประมาณ พ.ศ.")
    return command


def _user_and_period(command):
    """The options every command acting on a month takes: who, and which fiscal year and month."""
    _user_and_year(command).add_argument("--month", type=int, required=True, help="เดือน 1-12")
    return command


def _add_entry_commands(commands) -> None:
    entry = commands.add_parser("entry", help="ยอดจำหน่ายรายเดือน").add_subparsers(dest="entry_command", required=True)
    for name, text in (("show", "แสดงยอดจำหน่ายของเดือน"), ("sync", "ดึงรายชื่อผู้ประกอบการจากเดือนก่อน"),
                       ("set", "บันทึกยอดจำหน่ายของผู้ประกอบการหนึ่งราย")):
        command = _user_and_period(entry.add_parser(name, help=text))
        command.add_argument("--district", help="รหัสอำเภอ (ผู้ใช้ระดับจังหวัด)")
    setter = entry.choices["set"]
    setter.add_argument("entrepreneur_id", type=int)
    setter.add_argument("amounts", nargs=4, metavar="AMOUNT",
                        help="ในประเทศออฟไลน์ ในประเทศออนไลน์ ต่างประเทศออฟไลน์ ต่างประเทศออนไลน์ (บาท; '' = ว่าง)")
    setter.add_argument("--unusual-ok", action="store_true",
                        help="ยืนยันยอดที่สูงกว่า 10 เท่าของเดือนปกติ (โปรแกรมจะแสดงยอดก่อน)")


def _password(env: str, prompt: str) -> str:
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise OtopError(f"ไม่พบรหัสผ่าน: ตั้งค่าตัวแปร {env} หรือรันคำสั่งจากหน้าจอที่พิมพ์ได้")
    return getpass.getpass(prompt)


def _login(office, username: str):
    """The office with `username` logged in (the password from $OTOP_PASSWORD or typed)."""
    from otop_desktop.services.auth import authenticate

    password = _password(PASSWORD_ENV, f"รหัสผ่านของ {username}: ")
    return office.as_user(office.query(authenticate, username=username, password=password))


def _cmd_demo(args) -> int:
    from otop_desktop.demo import build_demo
    from otop_desktop.services.money import format_baht

    from otop_desktop.store.database import is_server_url, shown_url

    target = database_target(args.data_dir, args.database_url)
    summary = build_demo(target, scale=args.scale, overwrite=args.force)
    print(f"สร้างฐานข้อมูลตัวอย่างแล้ว: {shown_url(target) if is_server_url(target) else summary.path}")
    print(f"ผู้ประกอบการ {summary.entrepreneurs:,} ราย ยอดจำหน่ายรายเดือน {summary.sale_rows:,} รายการ")
    for year, total in sorted(summary.total_satang_by_year.items()):
        print(f"  ปีงบประมาณ {year}: {format_baht(total)} บาท")
    print("ผู้ใช้งานตัวอย่าง (ชื่อผู้ใช้งาน / รหัสผ่าน):")
    for login in summary.logins:
        print(f"  {login.username:<12} {login.password:<14} {login.role:<9} {login.area_code}")
    return 0


def _cmd_server_setup(args) -> int:
    """An office's database on its PostgreSQL server: created, migrated, master data loaded, first admin made."""
    from otop_desktop.services.server_setup import set_up_server

    admin_url = checked_url(args.admin_url, "--admin-url")
    password = _password(NEW_PASSWORD_ENV, f"รหัสผ่านของผู้ดูแลระบบ {args.admin}: ")
    url = set_up_server(admin_url, args.name, owner=args.owner, admin=args.admin, password=password, area_code=args.area,
                        display_name=args.display_name)
    print(f"สร้างฐานข้อมูล {args.name} พร้อมผู้ดูแลระบบ {args.admin} แล้ว")
    print(f"ทุกเครื่องในสำนักงานเปิดโปรแกรมด้วย: otop-desktop --database-url {url}")
    print("(หรือตั้งค่าในหน้าต่างเข้าสู่ระบบ: ฐานข้อมูล… แล้วเลือกเซิร์ฟเวอร์) รหัสผ่านของฐานข้อมูลเก็บในไฟล์ .pgpass ของแต่ละเครื่อง")
    return 0


def _cmd_user(args, office) -> int:
    from otop_desktop.services import auth

    if args.user_command == "passwd-self":
        return _change_own_password(office, args.user)
    office = _login(office, args.actor) if args.actor else office
    if args.user_command == "list":
        for user in office.query(auth.list_users, user=office.user):
            print(f"{user.username:<14} {user.role:<9} {user.area_code:<5} {user.display_name} {user.position}")
        return 0
    if args.user_command == "disable":
        office.query(auth.deactivate_user, username=args.username)
        print(f"ปิดบัญชีผู้ใช้งาน {args.username} แล้ว")
        return 0
    if args.user_command == "enable":
        office.query(auth.reactivate_user, username=args.username)
        print(f"เปิดบัญชีผู้ใช้งาน {args.username} อีกครั้งแล้ว (ใช้รหัสผ่านเดิม)")
        return 0
    password = _password(NEW_PASSWORD_ENV, f"รหัสผ่านใหม่ของ {args.username}: ")
    if args.user_command == "passwd":
        office.query(auth.set_password, username=args.username, password=password)
        print(f"ตั้งรหัสผ่านใหม่ให้ {args.username} แล้ว")
        return 0
    created = office.query(auth.create_user, user=office.user, username=args.username, password=password, role=args.role,
                           area_code=args.area, display_name=args.name, position=args.position)
    print(f"เพิ่มผู้ใช้งาน {created.username} ({created.role_name}, พื้นที่ {created.area_code}) แล้ว")
    return 0


def _change_own_password(office, username: str) -> int:
    """`user passwd-self`: the current password proves who types it, as at login; the new one is asked twice."""
    from otop_desktop.services import auth

    current = _password(PASSWORD_ENV, f"รหัสผ่านปัจจุบันของ {username}: ")
    new = _password(NEW_PASSWORD_ENV, "รหัสผ่านใหม่: ")
    if not os.environ.get(NEW_PASSWORD_ENV) and getpass.getpass("พิมพ์รหัสผ่านใหม่อีกครั้ง: ") != new:
        raise OtopError("รหัสผ่านใหม่ทั้งสองครั้งไม่ตรงกัน ยังไม่ได้เปลี่ยนรหัสผ่าน")
    office.query(auth.change_own_password, username=username, current_password=current, new_password=new)
    print(f"เปลี่ยนรหัสผ่านของ {username} แล้ว")
    return 0


def _cmd_screenshot(args, office) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from otop_desktop.ui.app import application
    from otop_desktop.services.thai import today_in_thailand
    from otop_desktop.ui.screenshot import render_screenshots

    from otop_desktop.services.periods import check_period

    period = None
    if args.year is not None or args.month is not None:  # both, and real ones, or the tab's own month
        check_period(args.year, args.month if args.month is not None else 0)
        period = (args.year, args.month)
    office = _login(office, args.user)
    application()
    today = today_in_thailand()
    for path in render_screenshots(office.database, office.user, args.out, today=today, period=period, district_code=args.district):
        print(path)
    return 0


def _cmd_entry(args, office) -> int:
    from otop_desktop.services import entry
    from otop_desktop.services.money import format_baht, parse_amount, sum_amounts
    from otop_desktop.services.thai import format_thai_datetime, month_label

    office = _login(office, args.user)
    if args.entry_command == "sync":
        result = office.query(entry.sync_month, fiscal_year=args.year, month=args.month, district_code=args.district)
        for row in result.rows:
            print(f"+\t{row.entrepreneur_id}\t{row.tambon_name}\t{row.name}")
        source = "จากเดือนก่อนหน้า" if result.from_previous_month else "จากผู้ประกอบการที่ยังดำเนินกิจการ (เดือนก่อนหน้าไม่มีรายชื่อ)"
        print(f"เพิ่มรายชื่อ{source}และบันทึกแล้ว {result.added:,} ราย (มีอยู่แล้ว {result.already_listed:,} ราย)")
    elif args.entry_command == "set":
        amounts = tuple(parse_amount(text) for text in args.amounts)
        try:
            result = office.query(entry.save_month, fiscal_year=args.year, month=args.month,
                                  changes=[entry.SaleChange(args.entrepreneur_id, amounts)], unusual_ok=args.unusual_ok)
        except entry.UnusualAmounts as refused:
            raise entry.UnusualAmounts(refused.message + " (ใส่ --unusual-ok เพื่อยืนยัน)", refused.amounts) from None
        print(f"บันทึกข้อมูลเรียบร้อย เมื่อ {format_thai_datetime(result.saved_at)} ({result.cells_changed} ช่อง)")
    else:
        sheet = office.query(entry.load_month, fiscal_year=args.year, month=args.month, district_code=args.district)
        print(f"{month_label(args.year, args.month)} ปีงบประมาณ {args.year}: {len(sheet.rows):,} ราย")
        for row in sheet.rows:
            cells = "\t".join(format_baht(a, blank="-") for a in row.amounts)
            print(f"{row.entrepreneur_id}\t{row.tambon_name}\t{row.name}\t{cells}\t{format_baht(sum_amounts(row.amounts))}")
        print(f"รวม\t{format_baht(sum(sum_amounts(r.amounts) for r in sheet.rows))}")
    return 0


def _cmd_lock(args, office) -> int:
    from otop_desktop.services import locks
    from otop_desktop.services.thai import month_label

    office = _login(office, args.user)
    period = {"fiscal_year": args.year, "month": args.month}
    reason = {"reason": args.reason} if args.command == "unlock" else {}
    if args.province:
        if args.command == "lock":
            try:
                count = office.query(locks.lock_province, **period, incomplete_ok=args.incomplete_ok)
            except locks.IncompleteMonth as refused:
                raise locks.IncompleteMonth(refused.message + " (ใส่ --incomplete-ok เพื่อยืนยัน)", refused.districts) from None
        else:
            count = office.query(locks.unlock_province, **period, **reason)
        done = "ล็อก" if args.command == "lock" else "ปลดล็อก"
        print(f"{done}ข้อมูลทั้งจังหวัด เดือน{month_label(args.year, args.month)} แล้ว ({count} อำเภอเปลี่ยนสถานะ)")
    else:
        action = locks.lock_district if args.command == "lock" else locks.unlock_district
        office.query(action, district_code=args.district, **period, **reason)
        done = "ล็อก" if args.command == "lock" else "ปลดล็อก"
        print(f"{done}ข้อมูลอำเภอรหัส {args.district} เดือน{month_label(args.year, args.month)} แล้ว")
    return 0


def _cmd_locks(args, office) -> int:
    from otop_desktop.services import locks
    from otop_desktop.services.thai import format_thai_datetime, month_label, today_in_thailand

    office = _login(office, args.user)
    overview = office.query(locks.lock_overview, fiscal_year=args.year, month=args.month)
    print(f"เดือน{month_label(args.year, args.month)} ปีงบประมาณ {args.year}")
    print(overview.status_line() + (" — ยืนยันทั้งจังหวัดแล้ว" if overview.province_locked else ""))
    print(locks.deadline_text(args.year, args.month, today_in_thailand(), overview.province_locked))
    for status in overview.districts:
        lock = status.lock
        who = f"{lock.changed_by} {format_thai_datetime(lock.changed_at)} {lock.reason}".strip() if lock else ""
        state = "ล็อกแล้ว" if status.locked else "ยังไม่ล็อก"
        print(f"{status.district_code}\t{status.district_name}\t{state}\t{status.entry_text()}\t{who}")
    return 0


def _cmd_print(args, office) -> int:
    from otop_desktop.services.forms.verify import shown_code

    office = _login(office, args.user)
    if args.form == "forecast":
        from otop_desktop.services.forms.forecast import print_forecast

        printed = office.query(print_forecast, fiscal_year=args.year, path=args.out, thai_digits=not args.arabic_digits)
        print(f"บันทึก{printed.title} แล้ว: {printed.path}")
        print(shown_code(printed.code))
        return 0
    if args.form == "jt1":
        from otop_desktop.services.forms.jt1 import print_jt1

        printed = office.query(print_jt1, district_code=args.district or office.user.area_code, fiscal_year=args.year,
                               month=args.month, path=args.out, thai_digits=not args.arabic_digits)
        print(f"บันทึก{printed.title} แล้ว: {printed.path}")
        print(shown_code(printed.code))
        return 0
    return _print_jt2(args, office)


def _print_jt2(args, office) -> int:
    """จต.๒ of a district, or of every district of the province; an incomplete month only with --incomplete-ok."""
    from otop_desktop.services.forms.completeness import IncompleteForm
    from otop_desktop.services.forms.jt2 import print_jt2, print_province_jt2
    from otop_desktop.services.forms.verify import shown_code

    period = {"fiscal_year": args.year, "month": args.month, "quarter": args.quarter, "path": args.out,
              "thai_digits": not args.arabic_digits, "incomplete_ok": args.incomplete_ok}
    try:
        if args.all_districts:
            printed = office.query(print_province_jt2, **period)
        else:
            printed = office.query(print_jt2, district_code=args.district or office.user.area_code, **period)
    except IncompleteForm as refused:
        raise IncompleteForm(refused.message.replace("กรุณายืนยัน", "ใส่ --incomplete-ok เพื่อยืนยัน"), refused.entries) from None
    if args.all_districts:
        print(f"บันทึกแบบ จต.๒ {len(printed.codes)} อำเภอ แล้ว: {printed.path}")
        if printed.skipped:
            print(f"ไม่มีแบบของ {len(printed.skipped)} อำเภอ (ยังไม่มีรายชื่อผู้ประกอบการของช่วงเวลานี้): "
                  + " ".join(printed.skipped))
        for entry in printed.incomplete:
            print(f"พิมพ์ทั้งที่ยังไม่ครบ: {entry.line()}")
        for district, code in sorted(printed.codes.items()):
            print(f"{district}\t{shown_code(code)}")
        return 0
    print(f"บันทึก{printed.title} แล้ว: {printed.path}")
    print(shown_code(printed.code))  # alone on the last line, for scripts
    return 0


def _cmd_signatories(args, office) -> int:
    from otop_desktop.services.forms.signatories import DUTIES, get_signatories, set_signatory

    office = _login(office, args.user)
    area = args.area or office.user.area_code
    if args.action == "set":
        if not args.duty:
            raise OtopError("กรุณาระบุ --duty prepares, certifies หรือ signs")
        office.query(set_signatory, area_code=area, duty=args.duty, name=args.name, position=args.position)
    found = office.query(get_signatories, area_code=area)
    for duty, role in DUTIES.items():
        person = found.get(duty)
        print(f"{duty}\t{role}\t{person.name if person else '-'}\t{person.position if person else ''}")
    return 0


def _cmd_forecast(args, office) -> int:
    from otop_desktop.services.entry import CHANNELS
    from otop_desktop.services.forms.forecast import load_forecast, save_forecast
    from otop_desktop.services.money import format_baht, parse_amount

    office = _login(office, args.user)
    if args.forecast_command == "set":
        amounts = tuple(parse_amount(text) for text in args.amounts)
        sheet = office.query(save_forecast, fiscal_year=args.year, months={args.month: (amounts, args.remark)})
    else:
        sheet = office.query(load_forecast, fiscal_year=args.year)
    print(f"ประมาณการรายได้ จังหวัด{sheet.province_name} ปีงบประมาณ {sheet.fiscal_year}")
    print("\t".join(("เดือน", *(channel.replace(" ", "") for channel in CHANNELS), "รวม", "ยอดจริง", "หมายเหตุ")))
    for row in sheet.rows:
        cells = "\t".join(format_baht(a, blank="-") for a in row.amounts)
        print(f"{row.label}\t{cells}\t{format_baht(row.total)}\t{format_baht(row.actual, blank='-')}\t{row.remark}")
    print(f"รวมทั้งสิ้น\t{chr(9).join(format_baht(a) for a in sheet.totals)}\t{format_baht(sheet.total)}\t{format_baht(sheet.actual_total)}")
    return 0


def _cmd_verify(args, office) -> int:
    """Name the print, then exit 0 when its figures still match, 1 when they differ (each listed), 2 for a
    code mistyped or unknown; other prints of the same figures are listed last."""
    from otop_desktop.services.forms.verify import CODE_NAME, shown_code, verify
    from otop_desktop.services.thai import format_thai_datetime

    office = _login(office, args.user)
    result = office.query(verify, code=args.code)
    if result.malformed:
        print(f"ข้อผิดพลาด: {result.problem}", file=sys.stderr)
        return 2
    if not result.found:
        print(f"ไม่พบ{CODE_NAME} {args.code} ในฐานข้อมูลนี้", file=sys.stderr)
        return 2
    print(f"{CODE_NAME} {shown_code(result.code)}: แบบ {result.form_name} {result.area_name} {result.period} "
          f"พิมพ์โดย {result.printed_by} เมื่อ {format_thai_datetime(result.printed_at)}")
    if result.legacy:
        print("รหัสแบบเดิมนี้ระบุชุดตัวเลข ไม่ระบุครั้งที่พิมพ์: ดูเวลาพิมพ์ที่ท้ายกระดาษเทียบกับรายการพิมพ์ด้านล่าง")
    if result.completeness:
        print(f"บนแบบระบุว่า{result.completeness}")
    if result.matches:
        print("ตรงกับข้อมูลในฐานข้อมูลทุกรายการ")
    else:
        print(f"ข้อมูลเปลี่ยนไปหลังพิมพ์ {len(result.differences)} รายการ:")
        for difference in result.differences:
            print("  " + difference.describe())
    if result.others:
        print(f"ตัวเลขชุดเดียวกันนี้พิมพ์อีก {len(result.others)} ครั้ง:")
        for other in result.others:
            print(f"  {shown_code(other.code)} พิมพ์โดย {other.printed_by} เมื่อ {format_thai_datetime(other.printed_at)}")
    return 0 if result.matches else 1


def _logged_in(run):
    """A command of another module, run as the user given by --user."""
    return lambda args, office: run(args, _login(office, args.user))


def _commands() -> dict:
    """One registry: every subcommand the parser knows, and nothing else (an unknown command is argparse's
    error). Built when a command runs, so starting the GUI imports none of the commands' services."""
    from otop_desktop.cli_backup import BACKUP_COMMANDS, run_backup
    from otop_desktop.cli_exchange import EXCHANGE_COMMANDS, run_exchange
    from otop_desktop.cli_reports import run_export, run_roadmap
    from otop_desktop.cli_targets import run_targets

    return {
        "user": _cmd_user, "screenshot": _cmd_screenshot, "entry": _cmd_entry,
        "lock": _cmd_lock, "unlock": _cmd_lock, "locks": _cmd_locks, "print": _cmd_print, "verify": _cmd_verify,
        "signatories": _cmd_signatories, "forecast": _cmd_forecast,
        "targets": _logged_in(run_targets),
        "export": lambda args, office: run_export(args, office, _login),
        "roadmap": lambda args, office: run_roadmap(args, office, _login),
        **{name: _logged_in(run_exchange) for name in EXCHANGE_COMMANDS},
        **{name: _logged_in(run_backup) for name in BACKUP_COMMANDS},
    }


def _gui_only(argv: list[str]):
    """(data folder, database URL) when the command line asks for the GUI (no command), else False."""
    early = ThaiArgumentParser(prog="otop-desktop", add_help=False)
    early.add_argument("--data-dir")
    early.add_argument("--database-url")
    known, rest = early.parse_known_args(argv)
    return False if rest else (known.data_dir, known.database_url)


def _say(error: OtopError) -> None:
    """A refusal on one line of stderr, with any control or direction character it quotes shown as "?": the
    Thai message, then what the database driver said, if anything."""
    from otop_desktop.services.thai import shown_safely

    detail = f" (รายละเอียด: {error.detail})" if error.detail else ""
    print(f"ข้อผิดพลาด: {' '.join(shown_safely(error.message + detail).split())}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; no command starts the GUI."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `otop-desktop locks … | head` ends quietly
    argv = sys.argv[1:] if argv is None else argv
    gui = _gui_only(argv)
    if gui is not False:  # straight to the login dialog, without building the commands' parser
        from otop_desktop.ui.app import run_gui

        try:
            return run_gui(*gui)
        except OtopError as error:
            _say(error)
            return 2
    args = _parser().parse_args(argv)
    try:
        path = database_target(args.data_dir, args.database_url)
    except OtopError as error:
        _say(error)
        return 2
    if args.command is None:
        from otop_desktop.ui.app import run_gui

        return run_gui(args.data_dir, args.database_url)
    try:
        if args.command == "demo":
            return _cmd_demo(args)
        if args.command == "server-setup":
            return _cmd_server_setup(args)
        from otop_desktop.store.database import open_database

        database = open_database(path)
        try:
            from otop_desktop.services.office import Office

            return _commands()[args.command](args, Office(database))
        finally:
            database.close()
    except OtopError as error:
        _say(error)
        return 2
