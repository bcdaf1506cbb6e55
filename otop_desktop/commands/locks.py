"""`otop-desktop lock | unlock | locks`: confirming a month (a district's or the whole province's), and its state."""

from otop_desktop.commands.common import area_code, as_user, on_the_database, user_and_period


def add(commands) -> dict:
    """Add `lock`, `unlock` and `locks`."""
    for name, text in (
        ("lock", "ล็อก (ยืนยัน) ข้อมูลของอำเภอหรือทั้งจังหวัด"),
        ("unlock", "ปลดล็อกข้อมูล (ต้องระบุ --reason)"),
        ("locks", "แสดงสถานะการล็อกของเดือน"),
    ):
        command = user_and_period(commands.add_parser(name, help=text))
        if name != "locks":
            scope = command.add_mutually_exclusive_group(required=True)
            scope.add_argument("--district", type=area_code, help="รหัสอำเภอ 4 หลัก")
            scope.add_argument("--province", action="store_true", help="ทั้งจังหวัด")
        if name == "unlock":
            command.add_argument("--reason", required=True, help="เหตุผลในการปลดล็อก")
        if name == "lock":
            command.add_argument(
                "--incomplete-ok",
                action="store_true",
                help="ล็อกแม้อำเภอยังกรอกยอดไม่ครบ (ถ้าไม่ใส่ โปรแกรมจะแจ้งอำเภอที่ยังไม่ครบและยังไม่ล็อก)",
            )
    return {"lock": run_lock, "unlock": run_lock, "locks": run_locks}


@on_the_database
@as_user
def run_lock(args, office) -> int:
    """Lock or unlock a district's month, or the whole province's, as --user."""
    from otop_desktop.services import areas, locks
    from otop_desktop.services.thai import month_label

    period = {"fiscal_year": args.year, "month": args.month}
    reason = {"reason": args.reason} if args.command == "unlock" else {}
    done = "ล็อก" if args.command == "lock" else "ปลดล็อก"
    if args.command == "lock":
        action = locks.lock_province if args.province else locks.lock_district
        try:  # a district, or the province, not entered in full is locked only with --incomplete-ok
            count = office.query(action, **period, **_district(args), incomplete_ok=args.incomplete_ok)
        except locks.IncompleteMonth as refused:
            raise locks.IncompleteMonth(refused.message + " (ใส่ --incomplete-ok เพื่อยืนยัน)", refused.districts) from None
    else:
        action = locks.unlock_province if args.province else locks.unlock_district
        count = office.query(action, **period, **_district(args), **reason)
    if args.province:
        print(f"{done}ข้อมูลทั้งจังหวัด เดือน{month_label(args.year, args.month)} แล้ว ({count} อำเภอเปลี่ยนสถานะ)")
        if args.command == "unlock":
            _say_still_locked(office, period)
    else:
        place = office.query(areas.describe_area, area_code=args.district)
        print(f"{done}ข้อมูล{place} ({args.district}) เดือน{month_label(args.year, args.month)} แล้ว")
    if args.command == "lock":
        _warn_unchecked(office, args, period)
    return 0


def _say_still_locked(office, period) -> None:
    """After the province's unlock, the districts confirmed on their own before its lock, which stay locked."""
    from otop_desktop.services import locks

    overview = office.query(locks.lock_overview, **period)
    kept = [d.district_name for d in overview.districts if d.locked]
    if kept:
        print(f"ยังล็อกอยู่ {len(kept)} อำเภอ (ยืนยันไว้ก่อนล็อกทั้งจังหวัด): {', '.join(kept)} ปลดล็อกทีละอำเภอได้ด้วย --district")


def _district(args) -> dict:
    return {} if args.province else {"district_code": args.district}


def _warn_unchecked(office, args, period) -> None:
    """Say, once locked, how many findings of the month's data-quality check nobody has marked checked (the
    window's lock question says the same)."""
    from otop_desktop.services.quality.reviews import unchecked_counts

    counts = office.query(unchecked_counts, **period)
    count = counts.get(args.district, 0) if args.district else sum(counts.values())
    if count:
        where = f" --district {args.district}" if args.district else ""
        print(
            f"คำเตือน: มีรายการจากการตรวจสอบข้อมูลที่ยังไม่ได้ตรวจ {count:,} รายการ "
            f"(ดูได้ด้วย: otop-desktop quality --user {args.user} --year {args.year} --month {args.month}{where})"
        )


@on_the_database
@as_user
def run_locks(args, office) -> int:
    """The month's locks as the lock tab shows them."""
    from otop_desktop.services import locks, names
    from otop_desktop.services.thai import format_thai_datetime, month_label

    overview = office.query(locks.lock_overview, fiscal_year=args.year, month=args.month)
    people = office.query(names.list_names)  # who locked, as the lock tab names them
    print(f"เดือน{month_label(args.year, args.month)} ปีงบประมาณ {args.year}")
    print(overview.status_line() + (" — ยืนยันทั้งจังหวัดแล้ว" if overview.province_locked else ""))
    print(overview.deadline_words)
    for status in overview.districts:
        lock = status.lock
        who = ""
        if lock:  # a row unlocked says so: who unlocked it and why, not a name that reads as who locked it
            done = "ล็อก" if status.locked else "ปลดล็อก"
            who = f"{done}โดย {people.person(lock.changed_by)} เมื่อ {format_thai_datetime(lock.changed_at)}"
            who += f" เหตุผล: {lock.reason}" if lock.reason else ""
        state = "ล็อกแล้ว" if status.locked else "ยังไม่ล็อก"
        print(f"{status.district_code}\t{status.district_name}\t{state}\t{status.entry_text()}\t{who}")
    return 0
