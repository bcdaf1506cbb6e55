"""`otop-desktop demo` (the demo province's data) and `otop-desktop server-setup` (an office's database on its
PostgreSQL server): the two commands that make a database rather than open one."""

from otop_desktop.commands.common import NEW_PASSWORD_ENV, area_code, password_from
from otop_desktop.paths import checked_url


def add(commands) -> dict:
    """Add `demo` and `server-setup`; their handlers take the database target, not an open database."""
    demo = commands.add_parser("demo", help="สร้างฐานข้อมูลตัวอย่างจังหวัดอุบลราชธานี (ไฟล์ในเครื่อง หรือฐานข้อมูลว่างบนเซิร์ฟเวอร์)")
    demo.add_argument("--force", action="store_true", help="สร้างทับไฟล์ฐานข้อมูลเดิม (บนเซิร์ฟเวอร์ไม่สร้างทับ)")
    demo.add_argument("--scale", type=int, default=1, help="คูณจำนวนผู้ประกอบการ (สำหรับวัดความเร็ว)")
    setup = commands.add_parser(
        "server-setup",
        help="สร้างฐานข้อมูลของสำนักงานบนเซิร์ฟเวอร์ PostgreSQL พร้อมผู้ดูแลระบบคนแรก "
        "(รหัสผ่านจาก $OTOP_NEW_PASSWORD หรือถามทางแป้นพิมพ์)",
    )
    setup.add_argument(
        "--admin-url", required=True, help="การเชื่อมต่อของผู้มีสิทธิ์สร้างฐานข้อมูล เช่น postgresql://postgres@server/postgres"
    )
    setup.add_argument("--name", default="otop", help="ชื่อฐานข้อมูลใหม่ (ค่าเริ่มต้น: otop)")
    setup.add_argument("--owner", help="บทบาท (role) ที่โปรแกรมใช้เชื่อมต่อ เป็นเจ้าของตาราง (ค่าเริ่มต้น: ผู้ใช้ใน --admin-url)")
    setup.add_argument("--admin", default="admin", help="ชื่อผู้ใช้งานของผู้ดูแลระบบคนแรก (ค่าเริ่มต้น: admin)")
    setup.add_argument("--area", type=area_code, required=True, help="รหัสจังหวัด 2 หลัก หรือ 00 (กรมฯ ทั้งประเทศ)")
    setup.add_argument("--display-name", default="", help="ชื่อ-สกุลของผู้ดูแลระบบ")
    return {"demo": run_demo, "server-setup": run_server_setup}


def run_demo(args, target) -> int:
    """Build the demo province at the database target (a file, or an empty database on a server)."""
    from otop_desktop.core.users import ROLE_NAMES
    from otop_desktop.demo import build_demo
    from otop_desktop.services.money import format_baht
    from otop_desktop.store.database import is_server_url, shown_url

    summary = build_demo(target, scale=args.scale, overwrite=args.force)
    print(f"สร้างฐานข้อมูลตัวอย่างแล้ว: {shown_url(target) if is_server_url(target) else summary.path}")
    print(f"ผู้ประกอบการ {summary.entrepreneurs:,} ราย ยอดจำหน่ายรายเดือน {summary.sale_rows:,} รายการ")
    for year, total in sorted(summary.total_satang_by_year.items()):
        print(f"  ปีงบประมาณ {year}: {format_baht(total)} บาท")
    print("ผู้ใช้งานตัวอย่าง (ชื่อผู้ใช้งาน / รหัสผ่าน / บทบาท / พื้นที่):")
    for login in summary.logins:
        print(f"  {login.username:<12} {login.password:<14} {ROLE_NAMES[login.role]}\t{login.area_code}")
    return 0


def run_server_setup(args, target) -> int:
    """An office's database on its PostgreSQL server: created, migrated, master data loaded, first admin made."""
    from otop_desktop.services.server_setup import check_server, set_up_server

    admin_url = checked_url(args.admin_url, "--admin-url")
    check_server(admin_url, args.name)  # the server reached and the name free, before a password is typed
    password = password_from(NEW_PASSWORD_ENV, f"รหัสผ่านของผู้ดูแลระบบ {args.admin}: ")
    url = set_up_server(
        admin_url,
        args.name,
        owner=args.owner,
        admin=args.admin,
        password=password,
        area_code=args.area,
        display_name=args.display_name,
    )
    print(f"สร้างฐานข้อมูล {args.name} พร้อมผู้ดูแลระบบ {args.admin} แล้ว")
    print(f"ทุกเครื่องในสำนักงานเปิดโปรแกรมด้วย: otop-desktop --database-url {url}")
    print("(หรือตั้งค่าในหน้าต่างเข้าสู่ระบบ: ฐานข้อมูล… แล้วเลือกเซิร์ฟเวอร์) รหัสผ่านของฐานข้อมูลเก็บในไฟล์ .pgpass ของแต่ละเครื่อง")
    return 0
