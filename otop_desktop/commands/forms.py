"""`otop-desktop print jt2|jt1|forecast` (the printed forms) and `otop-desktop signatories` (who signs them)."""

from otop_desktop.commands.common import add_out, area_code, as_user, on_the_database, user_and_period, user_and_year
from otop_desktop.core.errors import InvalidInput, OtopError

CODE_LABEL = "รหัสตรวจสอบเอกสาร (พิมพ์อยู่ท้ายแบบ ตรวจได้ด้วย otop-desktop verify):"


def add(commands) -> dict:
    """Add `print` and `signatories`."""
    forms = commands.add_parser("print", help="พิมพ์แบบรายงานเป็น PDF").add_subparsers(dest="form", required=True)
    jt2 = user_and_year(forms.add_parser("jt2", help="แบบ จต.๒ รายงานยอดจำหน่ายของอำเภอประจำเดือนหรือไตรมาส"))
    period = jt2.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", type=int, help="เดือน 1-12")
    period.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="ไตรมาสของปีงบประมาณ (1 = ต.ค.-ธ.ค.)")
    where = jt2.add_mutually_exclusive_group()
    where.add_argument("--district", type=area_code, help="รหัสอำเภอ 4 หลัก (ผู้ใช้ระดับอำเภอ: อำเภอของตน)")
    where.add_argument("--all-districts", action="store_true", help="ทุกอำเภอของจังหวัดในไฟล์เดียว (ผู้ใช้ระดับจังหวัด)")
    jt2.add_argument(
        "--incomplete-ok",
        action="store_true",
        help="พิมพ์แม้ยังกรอกไม่ครบทุกราย (แบบจะระบุ 'กรอกแล้ว n จาก N ราย' ไว้ข้างคำรับรอง)",
    )
    jt2.add_argument("--arabic-digits", action="store_true", help="ใช้เลขอารบิก (ค่าเริ่มต้น: เลขไทย)")
    add_out(jt2, "ไฟล์ PDF ที่จะเขียน", required=True)
    signatories = commands.add_parser("signatories", help="ผู้จัดทำ ผู้รับรอง และผู้ลงนามบนแบบพิมพ์ของสำนักงาน")
    signatories.add_argument("action", choices=("show", "set"), help="show: แสดงผู้ลงนาม, set: กำหนดผู้ลงนาม")
    signatories.add_argument("--user", required=True, help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    signatories.add_argument("--area", type=area_code, help="รหัสอำเภอหรือจังหวัด (ค่าเริ่มต้น: สำนักงานของผู้ใช้)")
    signatories.add_argument(
        "--duty", choices=("prepares", "certifies", "signs"), help="ผู้จัดทำ ผู้รับรอง (นตผ.) หรือผู้รายงาน (ผู้ลงนาม)"
    )
    signatories.add_argument("--name", default="", help="ชื่อ-สกุล (ว่าง = ลบ)")
    signatories.add_argument("--position", default="", help="ตำแหน่ง")
    jt1 = user_and_period(forms.add_parser("jt1", help="แบบ จต.๑ แบบจัดเก็บข้อมูล (รายชื่อพร้อมช่องว่างให้กรอก)"))
    jt1.add_argument("--district", type=area_code, help="รหัสอำเภอ 4 หลัก (ผู้ใช้ระดับอำเภอ: อำเภอของตน)")
    jt1.add_argument("--arabic-digits", action="store_true", help="ใช้เลขอารบิก (ค่าเริ่มต้น: เลขไทย)")
    add_out(jt1, "ไฟล์ PDF ที่จะเขียน", required=True)
    fc = forms.add_parser("forecast", help="แบบประมาณการรายได้ของจังหวัด (.pdf หรือ .xlsx)")
    add_out(user_and_year(fc), "ไฟล์ .pdf หรือ .xlsx", required=True)
    fc.add_argument("--arabic-digits", action="store_true", help="ใช้เลขอารบิก (ค่าเริ่มต้น: เลขไทย)")
    return {"print": run_print, "signatories": run_signatories}


@on_the_database
@as_user
def run_print(args, office) -> int:
    """Print a form as --user; its verification code alone on the last line."""
    from otop_desktop.services.forms.verify import shown_code

    if args.form == "forecast":
        from otop_desktop.services.forms.forecast import print_forecast

        printed = office.query(print_forecast, fiscal_year=args.year, path=args.out, thai_digits=not args.arabic_digits)
        print(f"บันทึก{printed.title} แล้ว: {printed.path}")
        print(CODE_LABEL)
        print(shown_code(printed.code))  # alone on the last line, for scripts
        return 0
    if args.form == "jt1":
        from otop_desktop.services.forms.jt1 import print_jt1

        printed = office.query(
            print_jt1,
            district_code=args.district or office.user.area_code,
            fiscal_year=args.year,
            month=args.month,
            path=args.out,
            thai_digits=not args.arabic_digits,
        )
        print(f"บันทึก{printed.title} แล้ว: {printed.path}")
        print(CODE_LABEL)
        print(shown_code(printed.code))  # alone on the last line, for scripts
        return 0
    return _print_jt2(args, office)


def _print_jt2(args, office) -> int:
    """จต.๒ of a district, or of every district of the province; an incomplete month only with --incomplete-ok."""
    from otop_desktop.services.forms.completeness import IncompleteForm
    from otop_desktop.services.forms.jt2 import print_jt2, print_province_jt2
    from otop_desktop.services.forms.verify import shown_code

    period = {
        "fiscal_year": args.year,
        "month": args.month,
        "quarter": args.quarter,
        "path": args.out,
        "thai_digits": not args.arabic_digits,
        "incomplete_ok": args.incomplete_ok,
    }
    try:
        if args.all_districts:
            printed = office.query(print_province_jt2, **period)
        elif not args.district and len(office.user.area_code) != 4:  # a province's or the department's user
            raise InvalidInput(
                "แบบ จต.๒ เป็นของอำเภอ: กรุณาระบุ --district รหัสอำเภอ 4 หลัก"
                " หรือใส่ --all-districts เพื่อพิมพ์ทุกอำเภอของจังหวัดในไฟล์เดียว"
            )
        else:
            printed = office.query(print_jt2, district_code=args.district or office.user.area_code, **period)
    except IncompleteForm as refused:
        raise IncompleteForm(
            refused.message.replace("กรุณายืนยัน", "ใส่ --incomplete-ok เพื่อยืนยัน"), refused.entries
        ) from None
    if args.all_districts:
        print(f"บันทึกแบบ จต.๒ {len(printed.codes)} อำเภอ แล้ว: {printed.path}")
        if printed.skipped:
            print(
                f"ไม่มีแบบของ {len(printed.skipped)} อำเภอ (ยังไม่มีรายชื่อผู้ประกอบการของช่วงเวลานี้): "
                + " ".join(printed.skipped)
            )
        for entry in printed.incomplete:
            print(f"พิมพ์ทั้งที่ยังไม่ครบ: {entry.line()}")
        for district, code in sorted(printed.codes.items()):
            print(f"{district}\t{shown_code(code)}")
        return 0
    print(f"บันทึก{printed.title} แล้ว: {printed.path}")
    print(CODE_LABEL)
    print(shown_code(printed.code))  # alone on the last line, for scripts
    return 0


@on_the_database
@as_user
def run_signatories(args, office) -> int:
    """Show, or set then show, an office's signatories."""
    from otop_desktop.services.forms.signatories import DUTIES, get_signatories, set_signatory

    area = args.area or office.user.area_code
    if args.action == "set":
        if not args.duty:
            raise OtopError("กรุณาระบุ --duty prepares, certifies หรือ signs")
        info = office.query(set_signatory, area_code=area, duty=args.duty, name=args.name, position=args.position)
        print(f"{'บันทึก' if info.name else 'ลบ'}{DUTIES[args.duty]}ของสำนักงาน {area} แล้ว")
    found = office.query(get_signatories, area_code=area)
    for duty, role in DUTIES.items():
        person = found.get(duty)
        print(f"{role} (--duty {duty})\t{person.name if person else '-'}\t{person.position if person else ''}")
    return 0
