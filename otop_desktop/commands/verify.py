"""`otop-desktop verify CODE`: whether a printed form's figures still match the database."""

import sys

from otop_desktop.commands.common import as_user, on_the_database


def add(commands) -> dict:
    """Add `verify`."""
    verify = commands.add_parser(
        "verify",
        help="ตรวจรหัสตรวจสอบเอกสารบนแบบที่พิมพ์: แบบนั้นพิมพ์เมื่อใด โดยใคร และข้อมูลยังตรง"
        "กับที่พิมพ์หรือไม่ (0 ตรง, 1 ต่าง, 2 ไม่พบรหัสหรือรหัสพิมพ์ผิด)",
    )
    verify.add_argument("code", help="รหัสตรวจสอบเอกสาร เช่น ABCD-EFGH-JKLM")
    verify.add_argument("--user", required=True, help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    return {"verify": run_verify}


@on_the_database
@as_user
def run_verify(args, office) -> int:
    """Name the print, then exit 0 when its figures still match, 1 when they differ (each listed), 2 for a
    code mistyped or unknown; other prints of the same figures are listed last."""
    from otop_desktop.services import names
    from otop_desktop.services.forms.verify import AMOUNT_ORDER, CODE_NAME, shown_code, verify
    from otop_desktop.services.thai import format_thai_datetime

    result = office.query(verify, code=args.code)
    if result.malformed:
        print(f"ข้อผิดพลาด: {result.problem}", file=sys.stderr)
        return 2
    if not result.found:
        print(f"ไม่พบ{CODE_NAME} {args.code} ในฐานข้อมูลนี้", file=sys.stderr)
        return 2
    people = office.query(names.list_names)  # who printed, as a person, as the verify box names them
    print(
        f"{CODE_NAME} {shown_code(result.code)}: แบบ {result.form_name} {result.area_name} {result.period} "
        f"พิมพ์โดย {people.person(result.printed_by)} เมื่อ {format_thai_datetime(result.printed_at)}"
    )
    if result.received:
        print(result.received)
    if result.legacy:
        print("รหัสแบบเดิมนี้ระบุชุดตัวเลข ไม่ระบุครั้งที่พิมพ์: ดูเวลาพิมพ์ที่ท้ายกระดาษเทียบกับรายการพิมพ์ด้านล่าง")
    if result.completeness:
        print(f"บนแบบระบุว่า{result.completeness}")
    if result.matches:
        print("ตรงกับข้อมูลในฐานข้อมูลทุกรายการ")
    else:
        print(f"ข้อมูลเปลี่ยนไปหลังพิมพ์ {len(result.differences)} รายการ (ยอด {AMOUNT_ORDER}):")
        for difference in result.differences:
            print("  " + difference.describe())
    if result.others:
        print(f"ตัวเลขชุดเดียวกันนี้พิมพ์อีก {len(result.others)} ครั้ง:")
        for other in result.others:
            when = format_thai_datetime(other.printed_at)
            print(f"  {shown_code(other.code)} พิมพ์โดย {people.person(other.printed_by)} เมื่อ {when}")
    return 0 if result.matches else 1
