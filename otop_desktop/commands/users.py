"""`otop-desktop user …`: adding users, closing and opening logins, passwords (an admin's, and one's own)."""

import getpass
import os

from otop_desktop.commands.common import (
    NEW_PASSWORD_ENV,
    PASSWORD_ENV,
    area_code,
    login,
    on_the_database,
    password_from,
)
from otop_desktop.core.errors import OtopError


def add(commands) -> dict:
    """Add `user add|list|disable|passwd|enable|passwd-self`."""
    user = commands.add_parser("user", help="จัดการผู้ใช้งาน").add_subparsers(dest="user_command", required=True)
    adding = user.add_parser("add", help="เพิ่มผู้ใช้งาน (รหัสผ่านใหม่จาก $OTOP_NEW_PASSWORD หรือถามทางแป้นพิมพ์)")
    adding.add_argument("username", help="ชื่อผู้ใช้งานที่จะเพิ่ม")
    adding.add_argument(
        "--role",
        choices=("district", "province", "admin", "department"),
        required=True,
        help="district: อำเภอ, province: จังหวัด, admin: ผู้ดูแลระบบ, department: กรม",
    )
    adding.add_argument(
        "--area", type=area_code, required=True, help="รหัสอำเภอ 4 หลัก รหัสจังหวัด 2 หลัก หรือ 00 (กรมฯ ทั้งประเทศ)"
    )
    adding.add_argument("--name", default="", help="ชื่อ-สกุล สำหรับช่องลงนาม")
    adding.add_argument("--position", default="", help="ตำแหน่ง สำหรับช่องลงนาม")
    adding.add_argument(
        "--as",
        dest="actor",
        help="ผู้ดูแลระบบที่เพิ่ม (รหัสผ่านจาก $OTOP_PASSWORD); ไม่ต้องใส่สำหรับผู้ใช้คนแรกของฐานข้อมูลที่ยังไม่มีผู้ใช้"
        " (ฐานข้อมูลใหม่สร้างเมื่อเปิดโปรแกรมครั้งแรก)",
    )
    user.add_parser("list", help="แสดงผู้ใช้งานในพื้นที่ของผู้ดูแลระบบ").add_argument(
        "--as", dest="actor", required=True, help="ผู้ดูแลระบบ (รหัสผ่านจาก $OTOP_PASSWORD)"
    )
    disable = user.add_parser("disable", help="ปิดบัญชีผู้ใช้งาน (ย้ายหรือลาออก); ชื่อยังคงอยู่ในประวัติ")
    disable.add_argument("username", help="ชื่อผู้ใช้งาน")
    disable.add_argument("--as", dest="actor", required=True, help="ผู้ดูแลระบบ (รหัสผ่านจาก $OTOP_PASSWORD)")
    passwd = user.add_parser("passwd", help="ตั้งรหัสผ่านใหม่ให้ผู้ใช้งาน (รหัสผ่านใหม่จาก $OTOP_NEW_PASSWORD)")
    passwd.add_argument("username", help="ชื่อผู้ใช้งาน")
    passwd.add_argument("--as", dest="actor", required=True, help="ผู้ดูแลระบบ (รหัสผ่านจาก $OTOP_PASSWORD)")
    enable = user.add_parser("enable", help="เปิดบัญชีผู้ใช้งานที่ปิดไว้อีกครั้ง (รหัสผ่านเดิม)")
    enable.add_argument("username", help="ชื่อผู้ใช้งาน")
    enable.add_argument("--as", dest="actor", required=True, help="ผู้ดูแลระบบ (รหัสผ่านจาก $OTOP_PASSWORD)")
    own = user.add_parser(
        "passwd-self",
        help="เปลี่ยนรหัสผ่านของตนเอง (รหัสผ่านปัจจุบันจาก $OTOP_PASSWORD รหัสผ่านใหม่จาก $OTOP_NEW_PASSWORD หรือถามทางแป้นพิมพ์)",
    )
    own.add_argument("--user", required=True, help="ผู้ใช้งานที่เปลี่ยนรหัสผ่านของตน")
    return {"user": run_user}


@on_the_database
def run_user(args, office) -> int:
    """Carry out a `user` command as the admin given by --as (passwd-self: as the user who proves it)."""
    from otop_desktop.services import auth

    if args.user_command == "passwd-self":
        return _change_own_password(office, args.user)
    office = login(office, args.actor) if args.actor else office
    if args.user_command == "list":  # closed logins too, after the open ones: the admin reopens them by name
        for line in office.query(auth.user_lines):
            user = line.user
            state = "เปิดอยู่" if line.active else "ปิดบัญชีแล้ว (เปิดอีกครั้ง: user enable)"
            shown = "\t".join((user.role_name, f"{user.area_code} {line.area_name}", user.display_name, user.position))
            print(f"{user.username:<14} {shown}\t{state}")
        return 0
    if args.user_command == "disable":
        office.query(auth.deactivate_user, username=args.username)
        print(f"ปิดบัญชีผู้ใช้งาน {args.username} แล้ว")
        return 0
    if args.user_command == "enable":
        office.query(auth.reactivate_user, username=args.username)
        print(f"เปิดบัญชีผู้ใช้งาน {args.username} อีกครั้งแล้ว (ใช้รหัสผ่านเดิม)")
        return 0
    password = password_from(NEW_PASSWORD_ENV, f"รหัสผ่านใหม่ของ {args.username}: ")
    if args.user_command == "passwd":
        office.query(auth.set_password, username=args.username, password=password)
        print(f"ตั้งรหัสผ่านใหม่ให้ {args.username} แล้ว")
        return 0
    created = office.query(
        auth.create_user,
        username=args.username,
        password=password,
        role=args.role,
        area_code=args.area,
        display_name=args.name,
        position=args.position,
    )
    print(f"เพิ่มผู้ใช้งาน {created.username} ({created.role_name}, พื้นที่ {created.area_code}) แล้ว")
    return 0


def _change_own_password(office, username: str) -> int:
    """`user passwd-self`: the current password proves who types it, as at login; the new one is asked twice."""
    from otop_desktop.services import auth

    current = password_from(PASSWORD_ENV, f"รหัสผ่านปัจจุบันของ {username}: ")
    new = password_from(NEW_PASSWORD_ENV, "รหัสผ่านใหม่: ")
    if not os.environ.get(NEW_PASSWORD_ENV) and getpass.getpass("พิมพ์รหัสผ่านใหม่อีกครั้ง: ") != new:
        raise OtopError("รหัสผ่านใหม่ทั้งสองครั้งไม่ตรงกัน ยังไม่ได้เปลี่ยนรหัสผ่าน")
    office.query(auth.change_own_password, username=username, current_password=current, new_password=new)
    print(f"เปลี่ยนรหัสผ่านของ {username} แล้ว")
    return 0
