"""`otop-desktop entry show|sync|set`: a month's sales from a terminal."""

from otop_desktop.commands.common import (
    ENTREPRENEUR_HELP,
    area_code,
    as_user,
    entrepreneur_named,
    on_the_database,
    user_and_period,
)


def add(commands) -> dict:
    """Add `entry show|sync|set`."""
    entry = commands.add_parser("entry", help="ยอดจำหน่ายรายเดือน").add_subparsers(dest="entry_command", required=True)
    for name, text in (
        ("show", "แสดงยอดจำหน่ายของเดือน"),
        ("sync", "ดึงรายชื่อผู้ประกอบการจากเดือนก่อน"),
        ("set", "บันทึกยอดจำหน่ายของผู้ประกอบการหนึ่งราย"),
    ):
        command = user_and_period(entry.add_parser(name, help=text))
        command.add_argument("--district", type=area_code, help="รหัสอำเภอ (ผู้ใช้ระดับจังหวัด)")
    setter = entry.choices["set"]
    setter.add_argument(
        "entrepreneur",
        help=ENTREPRENEUR_HELP,
    )
    setter.add_argument(
        "amounts",
        nargs=4,
        metavar="AMOUNT",
        help="ในประเทศออฟไลน์ ในประเทศออนไลน์ ต่างประเทศออฟไลน์ ต่างประเทศออนไลน์ (บาท; '' = ว่าง)",
    )
    setter.add_argument(
        "--unusual-ok",
        action="store_true",
        help="ยืนยันยอดที่สูงผิดปกติ: ยอดรวมสูงกว่า 10 เท่า หรือช่องทางใดสูงกว่า 5 เท่าของเดือนปกติ (โปรแกรมจะแสดงยอดก่อน)",
    )
    return {"entry": run_entry}


@on_the_database
@as_user
def run_entry(args, office) -> int:
    """Show, Sync or set a month's sales as --user."""
    from otop_desktop.services import entry, saving, sync
    from otop_desktop.services.money import entered_total, format_baht, parse_amount, sum_amounts
    from otop_desktop.services.thai import format_thai_datetime, month_label

    if args.entry_command == "sync":
        result = office.query(sync.sync_month, fiscal_year=args.year, month=args.month, district_code=args.district)
        for row in result.rows:
            print(f"+\t{row.entrepreneur_id}\t{row.tambon_name}\t{row.name}")
        source = "จากเดือนก่อนหน้า" if result.from_previous_month else "จากผู้ประกอบการที่ยังดำเนินกิจการ (เดือนก่อนหน้าไม่มีรายชื่อ) "
        print(f"เพิ่มรายชื่อ{source}และบันทึกแล้ว {result.added:,} ราย (มีอยู่แล้ว {result.already_listed:,} ราย)")
    elif args.entry_command == "set":
        amounts = tuple(parse_amount(text) for text in args.amounts)
        try:
            result = office.query(
                saving.save_month,
                fiscal_year=args.year,
                month=args.month,
                changes=[saving.SaleChange(entrepreneur_named(office, args.entrepreneur), amounts)],
                unusual_ok=args.unusual_ok,
            )
        except saving.UnusualAmounts as refused:
            raise saving.UnusualAmounts(refused.message + " (ใส่ --unusual-ok เพื่อยืนยัน)", refused.amounts) from None
        if not result.rows_changed:
            print("ไม่มีข้อมูลที่เปลี่ยนแปลง: ยอดที่ใส่ตรงกับที่บันทึกไว้แล้ว จึงไม่ได้บันทึกซ้ำ")
        else:
            print(f"บันทึกข้อมูลเรียบร้อย เมื่อ {format_thai_datetime(result.saved_at)} ({result.cells_changed} ช่อง)")
    else:
        sheet = office.query(entry.load_month, fiscal_year=args.year, month=args.month, district_code=args.district)
        print(f"{month_label(args.year, args.month)} ปีงบประมาณ {args.year}: {len(sheet.rows):,} ราย")
        # The program's number (what entry set and history take) and the OTOP code (entry set takes it too).
        print("\t".join(("เลขที่", "รหัส OTOP", "ตำบล", "ชื่อผู้ประกอบการ", *entry.CHANNELS, "รวม (บาท)")))
        for row in sheet.rows:
            cells = "\t".join(format_baht(a, blank="-") for a in row.amounts)
            total = format_baht(entered_total(row.amounts), blank="-")
            print(f"{row.entrepreneur_id}\t{row.otop_code or '-'}\t{row.tambon_name}\t{row.name}\t{cells}\t{total}")
        print(f"รวม\t{format_baht(sum(sum_amounts(r.amounts) for r in sheet.rows))}")
    return 0
