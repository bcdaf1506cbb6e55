"""`otop-desktop export-district | import | receipt | keys | undo-import`: district files from a terminal."""

from pathlib import Path

from otop_desktop.services import exchange, exchange_batch, keys
from otop_desktop.services.money import format_baht
from otop_desktop.services.thai import format_thai_datetime, month_label, months_text


def add_exchange_commands(commands) -> None:
    """Register the file-exchange commands."""
    export = commands.add_parser("export-district", help="ส่งออกไฟล์ข้อมูล (.otop) ของอำเภอ (หรือของจังหวัด)")
    export.add_argument("--user", required=True)
    export.add_argument("--year", type=int, required=True)
    export.add_argument("--months", required=True, help="เดือน เช่น 10,11,12 หรือ all")
    export.add_argument("--out", type=Path, required=True)
    commands.add_parser("exports", help="ไฟล์ที่สำนักงานนี้ส่งออกแล้ว").add_argument("--user", required=True)
    taking = commands.add_parser("import", help="นำเข้าไฟล์ .otop ของอำเภอ (หลายไฟล์ได้)")
    taking.add_argument("files", nargs="+", type=Path)
    taking.add_argument("--user", required=True)
    taking.add_argument("--dry-run", action="store_true", help="แสดงผลที่จะเกิดขึ้น ไม่เปลี่ยนข้อมูล")
    taking.add_argument("--take-conflicts", action="store_true", help="แถวที่ขัดแย้งทุกแถวใช้ค่าจากไฟล์ (ค่าเริ่มต้น: ใช้ค่าของจังหวัด)")
    taking.add_argument("--take", action="append", default=[], metavar="REF",
                        help="แถวที่ขัดแย้งแถวนี้ใช้ค่าจากไฟล์; REF ตามที่ --dry-run แสดง (เช่น 1a2b3c4d:8) ระบุได้หลายครั้ง")
    receipt = commands.add_parser("receipt", help="ออกใบตอบรับให้อำเภอ หรือ (อำเภอ) นำเข้าใบตอบรับ")
    receipt.add_argument("--user", required=True)
    receipt.add_argument("--district", help="อำเภอที่ออกใบตอบรับให้ (จังหวัด)")
    receipt.add_argument("--year", type=int)
    receipt.add_argument("--months", default="all")
    receipt.add_argument("--out", type=Path, help="ไฟล์ใบตอบรับที่จะเขียน (จังหวัด)")
    receipt.add_argument("--read", type=Path, help="ไฟล์ใบตอบรับที่จะนำเข้า (อำเภอ)")
    key = commands.add_parser("keys", help="กุญแจลงนามของสำนักงาน").add_subparsers(dest="keys_command", required=True)
    show = key.add_parser("show", help="แสดงลายนิ้วมือกุญแจของสำนักงานนี้ และเขียนไฟล์กุญแจ")
    show.add_argument("--user", required=True)
    show.add_argument("--out", type=Path, help="เขียนไฟล์กุญแจสาธารณะ (.key) เพื่อส่งให้อีกสำนักงาน")
    register = key.add_parser("register", help="ลงทะเบียนกุญแจของอีกสำนักงาน")
    register.add_argument("--user", required=True)
    register.add_argument("--file", type=Path, help="ไฟล์กุญแจ .key")
    register.add_argument("--area", help="รหัสพื้นที่ของกุญแจ (เมื่อลงทะเบียนด้วยลายนิ้วมือ)")
    register.add_argument("--fingerprint", help="ลายนิ้วมือที่อ่านทางโทรศัพท์ (อย่างน้อย 20 หลัก)")
    key.add_parser("list", help="แสดงกุญแจที่ลงทะเบียน").add_argument("--user", required=True)
    undo = commands.add_parser("undo-import", help="ยกเลิกการนำเข้าครั้งล่าสุด (กลับเป็นข้อมูลก่อนนำเข้า)")
    undo.add_argument("--user", required=True)


def _months(text: str) -> list[int]:
    return list(range(1, 13)) if text == "all" else [int(m) for m in text.split(",") if m.strip()]


def run_exchange(args, database, user) -> int:
    """Carry out a file-exchange command as `user`."""
    command = args.command
    if command == "export-district":
        with database.unit_of_work() as uow:
            path, digest, rows = exchange.export_file(uow=uow, user=user, fiscal_year=args.year,
                                                      months=_months(args.months), path=args.out)
        print(f"ส่งออกแล้ว: {path} ({rows:,} รายการ, รหัสตรวจสอบ {digest[:16]})")
        return 0
    if command == "exports":
        with database.unit_of_work() as uow:
            for sent in exchange.list_exports(uow=uow):
                months = months_text(int(m) for m in sent.months.split(",") if m)
                print(f"{format_thai_datetime(sent.created_at)}\t{sent.file_name}\tปีงบประมาณ {sent.fiscal_year} {months}"
                      f"\t{sent.rows:,} รายการ\t{sent.created_by}\t{sent.file_digest[:16]}")
        return 0
    if command == "import":
        return _import(args, database, user)
    if command == "receipt":
        with database.unit_of_work() as uow:
            if args.read:
                print(exchange_batch.read_receipt(uow=uow, user=user, data=args.read.read_bytes(), file_name=args.read.name))
            else:
                path = exchange_batch.write_receipt(uow=uow, user=user, district_code=args.district, fiscal_year=args.year,
                                                    months=_months(args.months), path=args.out)
                print(f"เขียนใบตอบรับแล้ว: {path}")
        return 0
    if command == "undo-import":
        print(exchange_batch.undo_last_import(database, user))
        return 0
    return _keys(args, database, user)


def conflict_ref(row: exchange.RowDiff) -> str:
    """How an officer names a conflicting row on the command line: the entrepreneur's id prefix and the month."""
    return f"{row.uid[:8]}:{row.month}"


def _import(args, database, user) -> int:
    if not args.dry_run:
        failed, refs = 0, set(args.take)
        take_if = (lambda row: True) if args.take_conflicts else (lambda row: conflict_ref(row) in refs)
        for outcome in exchange_batch.import_files(database, user, args.files, take_if=take_if):
            failed += outcome.status == "refused"
            print(f"{outcome.file_name}: {outcome.message}")
        return 2 if failed else 0
    for path in args.files:
        with database.unit_of_work() as uow:
            preview = exchange.preview(uow=uow, user=user, data=path.read_bytes(), file_name=path.name)
        manifest = preview.opened.manifest
        print(f"{path.name}: อำเภอรหัส {manifest.source_area} ปีงบประมาณ {manifest.fiscal_year} "
              f"ส่งโดย {manifest.created_by} เมื่อ {format_thai_datetime(manifest.created_at)}")
        if preview.already:
            print(f"  {preview.already}")
        print("  " + ", ".join(f"{exchange.KINDS_SHOWN[k]} {v:,}" for k, v in preview.counts.items()))
        for row in preview.rows:
            old = " / ".join(format_baht(a, blank="-") for a in row.old) if row.old else "-"
            new = " / ".join(format_baht(a, blank="-") for a in row.new)
            ref = f" (--take {conflict_ref(row)})" if row.kind == "conflict" else ""
            print(f"  [{exchange.KINDS_SHOWN[row.kind]}] {row.name} {month_label(row.fiscal_year, row.month)}: "
                  f"{old} → {new} {row.reason}{ref}")
    print("ตรวจสอบเท่านั้น (--dry-run) ยังไม่ได้เปลี่ยนข้อมูลใด ๆ")
    return 0


def _keys(args, database, user) -> int:
    with database.unit_of_work() as uow:
        if args.keys_command == "show":
            fingerprint = keys.own_fingerprint(uow=uow)
            uow.commit()
            print(f"ลายนิ้วมือกุญแจของสำนักงานนี้: {keys.spoken(fingerprint)}  ({fingerprint})")
            if args.out:
                print(f"เขียนไฟล์กุญแจแล้ว: {keys.write_key_file(uow=uow, user=user, path=args.out)}")
        elif args.keys_command == "register":
            if args.file:
                info = keys.register_key_file(uow=uow, user=user, path=args.file)
            else:
                info = keys.register_key(uow=uow, user=user, area_code=args.area or "", fingerprint=args.fingerprint)
            print(f"ลงทะเบียนกุญแจของพื้นที่ {info.area_code} แล้ว ({keys.spoken(info.fingerprint)})")
        else:
            keys.own_fingerprint(uow=uow)  # this office's key is made on first use; list it with the others
            uow.commit()
            for info in keys.list_keys(uow=uow):
                whose = "สำนักงานนี้" if info.area_code == keys.OWN else info.area_code
                known = "" if info.has_public_key else " (ลงทะเบียนด้วยลายนิ้วมือ รอไฟล์แรก)"
                print(f"{whose}\t{keys.spoken(info.fingerprint)}\t{info.registered_by}{known}")
    return 0
