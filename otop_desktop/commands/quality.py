"""`otop-desktop quality`: the month's data-quality check, one line a finding and a count per kind at the end;
`quality review --key K --note N` marks findings checked (ตรวจแล้ว)."""

from otop_desktop.commands.common import add_out, area_code, as_user, on_the_database, user_and_period


def add(commands) -> dict:
    """Add `quality`."""
    command = user_and_period(
        commands.add_parser("quality", help="ตรวจสอบข้อมูลของเดือน (ยอดผิดปกติ รายที่หายไป ชื่อซ้ำ ฯลฯ) ก่อนล็อก")
    )
    command.add_argument("action", nargs="?", choices=("review",), help="review: บันทึกว่ารายการที่ระบุตรวจแล้ว")
    command.add_argument(
        "--district", type=area_code, help="รหัสอำเภอ 4 หลัก (หรือจังหวัด 2 หลักสำหรับกรมฯ) ไม่ระบุ: ทั้งพื้นที่ของผู้ใช้"
    )
    command.add_argument("--swing", type=int, default=50, help="ร้อยละที่ยอดอำเภอเปลี่ยนจากเดือนเดียวกันปีก่อน (ค่าเริ่มต้น 50)")
    add_out(command, "บันทึกผลเป็นไฟล์ .pdf .xlsx หรือ .csv")
    command.add_argument("--key", action="append", default=[], help="รหัสรายการที่ตรวจแล้ว (ใช้กับ review ระบุได้หลายครั้ง)")
    command.add_argument("--note", help="หมายเหตุการตรวจ (ใช้กับ review)")
    return {"quality": run_quality}


def finding_line(finding) -> str:
    """One finding on one line: kind, district, tambon, entrepreneur, channel, the sentence, the review, the key."""
    review = finding.review
    state = f"ตรวจแล้ว ({review.reviewed_by}: {review.note})" if review else "ยังไม่ตรวจ"
    who = f"{finding.entrepreneur_name} ({finding.entrepreneur_id})" if finding.entrepreneur_id else ""
    parts = (finding.kind.title, finding.district_name, finding.tambon_name, who, finding.channel_name)
    return "\t".join((*parts, finding.text, state, finding.key))


@on_the_database
@as_user
def run_quality(args, office) -> int:
    """Print (or write) the month's findings as --user, or mark the --key findings checked."""
    from otop_desktop.services.quality import check, reviews, sheet
    from otop_desktop.services.thai import month_label

    period = {"fiscal_year": args.year, "month": args.month, "swing_percent": args.swing}
    if args.action == "review":
        marked = office.query(reviews.mark_checked, keys=args.key, note=args.note or "", **period)
        print(f"บันทึกว่าตรวจแล้ว {marked.count:,} รายการ")
        return 0
    if args.out is not None:
        result = office.query(sheet.save_check, path=args.out, area_code=args.district, **period)
    else:
        result = office.query(check.check_month, area_code=args.district, **period)
    print(f"ตรวจสอบข้อมูล {result.area_name} เดือน{month_label(args.year, args.month)} ({result.rows:,} ราย)")
    for finding in result.findings:
        print(finding_line(finding))
    if args.out is not None:
        print(f"บันทึก {args.out} แล้ว")
    print(result.counts_text())
    return 0
