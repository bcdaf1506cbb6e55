"""`otop-desktop targets …`: the year's rule, computing from data, taking in a printed table, showing."""

from pathlib import Path

from otop_desktop.commands.common import add_out, area_code, as_user, on_the_database, path, user_and_year
from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.money import MAX_BASE_SATANG, format_baht, parse_amount


def add(commands) -> dict:
    """Add `targets settings|compute|base|import|show`."""
    group = commands.add_parser("targets", help="ค่าเป้าหมายตัวชี้วัด").add_subparsers(dest="targets_command", required=True)
    settings = user_and_year(group.add_parser("settings", help="แสดงหรือบันทึกหลักเกณฑ์ของปี"))
    settings.add_argument("--base-year", type=int, help="ปีฐาน พ.ศ.")
    settings.add_argument("--factor", help="ตัวปรับลด เช่น 0.926")
    settings.add_argument("--tiers", help="ร้อยละ ขั้นต้น,มาตรฐาน,สูง เช่น 2,3,5")
    compute = user_and_year(group.add_parser("compute", help="คำนวณยอดปีฐานจากข้อมูลในโปรแกรมแล้วแสดงค่าเป้าหมาย"))
    compute.add_argument(
        "--replace-printed",
        action="store_true",
        help="แทนที่ค่าเป้าหมายที่นำเข้าจากตารางที่พิมพ์ไว้ด้วยค่าที่คำนวณ (ไม่ใส่: ไม่คำนวณถ้ามีค่าที่นำเข้าไว้)",
    )
    compute.add_argument(
        "--replace-entered",
        action="store_true",
        help="แทนที่ยอดปีฐานที่กรอกเองไว้ด้วยยอดจากข้อมูล (ไม่ใส่: ไม่คำนวณถ้ามียอดที่กรอกไว้ต่างจากข้อมูล)",
    )
    base = user_and_year(group.add_parser("base", help="กรอกยอดจำหน่ายปีฐานของอำเภอเอง"))
    base.add_argument("--district", type=area_code, required=True, help="รหัสอำเภอ 4 หลัก")
    base.add_argument("--amount", required=True, help="บาท เช่น 1,555,156,555")
    taking = user_and_year(group.add_parser("import", help="นำเข้าตารางค่าเป้าหมายที่พิมพ์ (.csv หรือ .xlsx)"))
    taking.add_argument("file", type=path, help="ตารางค่าเป้าหมายที่พิมพ์ไว้ (CSV หรือ Excel)")
    taking.add_argument("--round", type=int, choices=(1, 2), required=True, help="รอบที่ 1 (6 เดือนแรก) หรือ 2 (ทั้งปี)")
    choice = taking.add_mutually_exclusive_group(required=True)
    choice.add_argument("--check", action="store_true", help="แสดงช่องที่ไม่ตรงหลักเกณฑ์ ไม่บันทึก")
    choice.add_argument("--keep", choices=("printed", "computed"), help="บันทึก: ใช้ค่าที่พิมพ์หรือค่าคำนวณทุกแถว")
    taking.add_argument("--printed-for", default="", help="รหัสอำเภอที่ใช้ค่าที่พิมพ์ (คั่นด้วย ,) ที่เหลือใช้ค่าคำนวณ")
    taking.add_argument("--accept-matches", action="store_true", help="ยอมรับการจับคู่ชื่ออำเภอที่ไม่แน่ใจ")
    show = user_and_year(group.add_parser("show", help="แสดงค่าเป้าหมายและผลการดำเนินงานของรอบ"))
    show.add_argument("--round", type=int, choices=(1, 2), required=True, help="รอบที่ 1 (6 เดือนแรก) หรือ 2 (ทั้งปี)")
    add_out(show, "ส่งออกเป็นไฟล์ Excel ตามแบบของหนังสือ", option="--xlsx")
    return {"targets": run_targets}


@on_the_database
@as_user
def run_targets(args, office) -> int:
    """Carry out a `targets` command as --user."""
    from otop_desktop.services.targets import rule

    if args.targets_command == "settings":
        return _settings(args, office)
    if args.targets_command == "compute":
        try:  # printed figures and typed bases are replaced only when asked for (the window asks)
            found = office.query(
                rule.bases_from_data,
                fiscal_year=args.year,
                replace_printed=args.replace_printed,
                replace_entered=args.replace_entered,
            )
        except InvalidInput as refused:
            flag = "--replace-entered" if "กรอกเองไว้" in refused.message else "--replace-printed"
            raise InvalidInput(refused.message.replace("กรุณายืนยัน", f"ใส่ {flag} เพื่อยืนยัน")) from None
        print(f"คำนวณยอดปีฐานจากข้อมูลในโปรแกรมแล้ว {len(found)} อำเภอ")
        return _show(office, args.year, 1, None) or _show(office, args.year, 2, None)
    if args.targets_command == "import":
        return _import(args, office)
    if args.targets_command == "base":
        office.query(
            rule.enter_base,
            fiscal_year=args.year,
            district_code=args.district,
            base_satang=parse_amount(args.amount, maximum=MAX_BASE_SATANG),
        )
        print(
            f"บันทึกยอดจำหน่ายปีฐานของอำเภอรหัส {args.district} แล้ว: "
            f"{format_baht(parse_amount(args.amount, maximum=MAX_BASE_SATANG))} บาท"
        )
        return 0
    return _show(office, args.year, args.round, args.xlsx)


def _settings(args, office) -> int:
    from otop_desktop.services.targets import rule

    current = office.query(rule.get_settings, fiscal_year=args.year)
    if args.base_year is not None or args.factor or args.tiers:
        percents = args.tiers.split(",") if args.tiers else current.percents
        if len(percents) != 3:
            raise InvalidInput("--tiers ต้องมี 3 ค่า เช่น 2,3,5")
        current = office.query(
            rule.save_settings,
            fiscal_year=args.year,
            base_year=current.base_year if args.base_year is None else args.base_year,
            factor=args.factor or current.factor,
            percents=percents,
        )
    state = "" if current.saved else " (ค่าเริ่มต้นตามหนังสือ ยังไม่ได้บันทึก)"
    print(
        f"ปีงบประมาณ {current.fiscal_year}: ปีฐาน {current.base_year} ตัวปรับลด {current.factor} "
        f"ขั้นต้น +{current.percents[0]}% ขั้นมาตรฐาน +{current.percents[1]}% ขั้นสูง +{current.percents[2]}%{state}"
    )
    return 0


def _import(args, office) -> int:
    from otop_desktop.services.periods import check_period
    from otop_desktop.services.targets import printed

    check_period(args.year)  # before the table's names are matched and listed (a wrong year came 25 lines later)
    if args.keep == "printed" and args.printed_for.strip():
        raise InvalidInput(
            "--printed-for ใช้คู่กับ --keep computed (ค่าคำนวณ ยกเว้นอำเภอที่ระบุใช้ค่าที่พิมพ์)"
            " ส่วน --keep printed ใช้ค่าที่พิมพ์ทุกอำเภออยู่แล้ว ยังไม่ได้บันทึก"
        )
    table = printed.read_printed_table(args.file)
    for note in table.rounded:
        print(f"ปัดเศษสตางค์: {note}")
    matches = office.query(printed.match_districts, table=table)
    # What is kept printed, checked before the matches and the rule's findings are listed (a code of no district
    # in the table was said some 140 lines later, after the uncertain matches' refusal).
    keep = {m.district_code for m in matches} if args.keep == "printed" else _printed_for(args.printed_for, matches)
    for match in matches:
        flag = "  ตรวจสอบ" if match.needs_confirmation else ""
        where = f"{match.district_code} {match.district_name}"
        print(f"แถว {match.row_no}: “{match.printed_name}” → {where} ({match.how}){flag}")
    report = office.query(
        printed.check_printed, fiscal_year=args.year, round_no=args.round, table=table, matches=matches
    )
    for hint in report.hints:
        print(f"ข้อสังเกต: {hint}")
    if report.disagreements:
        print(f"ช่องที่ไม่ตรงหลักเกณฑ์ {len(report.disagreements)} ช่อง ใน {len(report.codes_disagreeing())} อำเภอ:")
    else:
        print("ทุกช่องตรงตามหลักเกณฑ์ (ปัดเศษต่างไม่ถึง 1 บาทไม่นับ)")
    for disagreement in report.disagreements:
        print("  " + disagreement.describe())
    if args.check:
        print("ตรวจสอบเท่านั้น ยังไม่ได้บันทึกข้อมูลใด ๆ")
        return 0
    if any(m.needs_confirmation for m in matches) and not args.accept_matches:
        raise InvalidInput("มีการจับคู่ชื่ออำเภอที่ไม่แน่ใจ (ตรวจสอบ) กรุณาตรวจดูแล้วใส่ --accept-matches หากถูกต้อง ยังไม่ได้บันทึก")
    saved = office.query(
        printed.apply_printed,
        fiscal_year=args.year,
        round_no=args.round,
        table=table,
        matches=matches,
        keep_printed=keep,
    )
    if not keep:
        used = "ใช้ค่าคำนวณตามหลักเกณฑ์ทุกอำเภอ"
    elif len(keep) >= saved:
        used = "ใช้ค่าที่พิมพ์ทุกอำเภอ"
    else:
        used = f"ใช้ค่าที่พิมพ์ {len(keep)} อำเภอ ที่เหลือ {saved - len(keep)} อำเภอใช้ค่าคำนวณตามหลักเกณฑ์"
    print(f"บันทึกแล้ว {saved} อำเภอ: {used}")
    return 0


def _printed_for(given: str, matches) -> set[str]:
    """The districts --printed-for names (with --keep computed), each one of the table's; refused in Thai when one is
    not (a typo took no district's printed figures, and was counted as if it had)."""
    chosen = {code.strip() for code in given.split(",") if code.strip()}
    in_table = {m.district_code for m in matches}
    unknown = sorted(chosen - in_table)
    if unknown:
        raise InvalidInput(
            f"--printed-for: รหัสอำเภอ {', '.join(unknown)} ไม่อยู่ในตารางที่นำเข้า"
            f" (อำเภอในตาราง: {', '.join(sorted(in_table)) or 'ไม่มี'}) ยังไม่ได้บันทึก"
        )
    return chosen


def _show(office, fiscal_year: int, round_no: int, xlsx: Path | None) -> int:
    from otop_desktop.services import areas
    from otop_desktop.services.targets import rule, workbook

    table = office.query(rule.target_table, fiscal_year=fiscal_year, round_no=round_no)
    print(f"รอบการประเมินที่ {round_no} ปีงบประมาณ {fiscal_year} ({workbook.round_period(fiscal_year, round_no)})")
    print("\t".join(workbook.headings(table)))
    for number, line in table.numbered:
        values = workbook.line_values(number, line)
        print("\t".join("-" if v is None else v if isinstance(v, str) else format_baht(int(v * 100)) for v in values))
    if table.total is not None and table.total.achievement is not None:
        print(f"หมายเหตุ: {workbook.NEED_NOTE}")
    for line in table.stale:
        print(
            f"ยอดปีฐานล้าสมัย: อำเภอ{line.district_name} คำนวณจากข้อมูลไว้ {format_baht(line.base)} บาท "
            f"แต่ข้อมูลปี {table.settings.base_year} ตอนนี้รวม {format_baht(line.base_now)} บาท (คำนวณใหม่: targets compute)"
        )
    if xlsx:
        name = office.query(areas.describe_area, area_code=office.user.province_code).removeprefix("จังหวัด")
        print(f"ส่งออกแล้ว: {workbook.export_targets(table, xlsx, name)}")
    return 0
