"""`otop-desktop export-district | import | imports | receipt | keys | undo-import`: district files from a terminal."""

from otop_desktop.commands.common import USER_HELP, add_out, area_code, as_user, on_the_database, path
from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.thai import format_thai_datetime, month_label, months_text, shown_safely

# The exchange's services (signatures, the merge, openpyxl-free but heavy) are imported by the commands that use
# them, so that `otop-desktop print …` and every other group start without them.

EXCHANGE_COMMANDS = ("export-district", "exports", "import", "imports", "receipt", "keys", "undo-import", "backups")


def add(commands) -> dict:
    """Add the file-exchange commands."""
    export_parser = commands.add_parser("export-district", help="ส่งออกไฟล์ข้อมูล (.otop) ของอำเภอ (หรือของจังหวัด)")
    export_parser.add_argument("--user", required=True, help=USER_HELP)
    export_parser.add_argument("--year", type=int, required=True, help="ปีงบประมาณ พ.ศ.")
    export_parser.add_argument("--months", required=True, help="เดือน เช่น 10,11,12 หรือ all")
    add_out(export_parser, "ไฟล์ .otop ที่จะเขียน", required=True)
    commands.add_parser("exports", help="ไฟล์ที่สำนักงานนี้ส่งออกแล้ว").add_argument("--user", required=True, help=USER_HELP)
    taking = commands.add_parser("import", help="นำเข้าไฟล์ .otop ของอำเภอ (หลายไฟล์ได้)")
    taking.add_argument("files", nargs="+", type=path, help="ไฟล์ .otop ที่จะนำเข้า (หลายไฟล์ได้)")
    taking.add_argument("--user", required=True, help=USER_HELP)
    taking.add_argument("--dry-run", action="store_true", help="แสดงผลที่จะเกิดขึ้น ไม่เปลี่ยนข้อมูล")
    taking.add_argument(
        "--take-conflicts", action="store_true", help="แถวที่ขัดแย้งทุกแถวใช้ค่าจากไฟล์ (ค่าเริ่มต้น: ใช้ค่าของจังหวัด)"
    )
    taking.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="REF",
        help="แถวที่ขัดแย้งแถวนี้ใช้ค่าจากไฟล์; REF ตามที่ --dry-run แสดง (เช่น 1a2b3c4d:8) ระบุได้หลายครั้ง",
    )
    commands.add_parser("imports", help="ประวัติการนำเข้าไฟล์ (เลขรายการใช้กับ undo-import --id)").add_argument(
        "--user", required=True, help=USER_HELP
    )
    receipt = commands.add_parser("receipt", help="ออกใบตอบรับให้อำเภอ หรือ (อำเภอ) นำเข้าใบตอบรับ")
    receipt.add_argument("--user", required=True, help=USER_HELP)
    receipt.add_argument("--district", type=area_code, help="อำเภอที่ออกใบตอบรับให้ (จังหวัด)")
    receipt.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ. (จังหวัด)")
    receipt.add_argument("--months", default="all", help="เดือน เช่น 10,11,12 หรือ all (ค่าเริ่มต้น)")
    add_out(receipt, "ไฟล์ใบตอบรับที่จะเขียน (จังหวัด)")
    receipt.add_argument("--read", type=path, help="ไฟล์ใบตอบรับที่จะนำเข้า (อำเภอ)")
    key = commands.add_parser("keys", help="กุญแจลงนามของสำนักงาน").add_subparsers(dest="keys_command", required=True)
    show = key.add_parser("show", help="แสดงลายนิ้วมือกุญแจของสำนักงานนี้ และเขียนไฟล์กุญแจ")
    show.add_argument("--user", required=True, help=USER_HELP)
    add_out(show, "เขียนไฟล์กุญแจสาธารณะ (.key) เพื่อส่งให้อีกสำนักงาน")
    register = key.add_parser("register", help="ลงทะเบียนกุญแจของอีกสำนักงาน")
    register.add_argument("--user", required=True, help=USER_HELP)
    register.add_argument("--file", type=path, help="ไฟล์กุญแจ .key")
    register.add_argument("--area", type=area_code, help="รหัสพื้นที่ของกุญแจ (เมื่อลงทะเบียนด้วยลายนิ้วมือ)")
    register.add_argument("--fingerprint", help="ลายนิ้วมือที่อ่านทางโทรศัพท์ (อย่างน้อย 20 หลัก; กับ --file: เทียบกับกุญแจในไฟล์)")
    key.add_parser("list", help="แสดงกุญแจที่ลงทะเบียน").add_argument("--user", required=True, help=USER_HELP)
    retire = key.add_parser("retire", help="ยกเลิกกุญแจของอีกสำนักงาน (ไฟล์ที่ลงนามด้วยกุญแจนี้จะไม่รับอีก)")
    retire.add_argument("--user", required=True, help=USER_HELP)
    retire.add_argument("--area", type=area_code, required=True, help="รหัสพื้นที่ของกุญแจ")
    retire.add_argument("--fingerprint", required=True, help="ลายนิ้วมือของกุญแจ (อย่างน้อย 8 หลัก ตามที่ keys list แสดง)")
    renew = key.add_parser("new", help="สร้างกุญแจใหม่ของสำนักงานนี้ (กุญแจเดิมยกเลิก)")
    renew.add_argument("--user", required=True, help=USER_HELP)
    undoing = commands.add_parser("undo-import", help="ยกเลิกการนำเข้าครั้งล่าสุด หรือรายการที่ระบุ (กลับเป็นข้อมูลก่อนนำเข้า)")
    undoing.add_argument("--user", required=True, help=USER_HELP)
    undoing.add_argument("--id", type=int, help="เลขรายการตามที่ imports แสดง (ค่าเริ่มต้น: การนำเข้าครั้งล่าสุดทั้งชุด)")
    backups = commands.add_parser("backups", help="จำนวนไฟล์สำรองก่อนนำเข้าที่เก็บไว้ (ไฟล์ที่เก่ากว่าจะถูกลบ)")
    backups.add_argument("--user", required=True, help=USER_HELP)
    backups.add_argument("--keep", type=int, help="กำหนดจำนวนที่เก็บ (1–1,000)")
    return dict.fromkeys(EXCHANGE_COMMANDS, run_exchange)


def _months(text: str) -> list[int]:
    """--months as numbers ("all": the twelve); their range is the services' check."""
    if text == "all":
        return list(range(1, 13))
    try:
        return [int(m) for m in text.split(",") if m.strip()]
    except ValueError:
        raise InvalidInput(
            f"--months: “{shown_safely(text)[:40]}” ต้องเป็นเดือน 1 ถึง 12 คั่นด้วยจุลภาค เช่น 10,11,12 หรือ all"
        ) from None


@on_the_database
@as_user
def run_exchange(args, office) -> int:
    """Carry out a file-exchange command as --user."""
    from otop_desktop.services import names
    from otop_desktop.services.exchange import batch, export, receipts, undo
    from otop_desktop.services.exchange.fileformat import read_file_bytes

    command = args.command
    if command == "export-district":
        months = _months(args.months)
        path, digest, rows = office.query(export.export_file, fiscal_year=args.year, months=months, path=args.out)
        print(f"ส่งออกแล้ว: {path}")
        print(export.sent_words(office.user, args.year, months, rows, digest))
        return 0
    if command == "exports":
        people = office.query(names.list_names)
        for sent in office.query(export.list_exports):
            months = months_text(sent.months)
            print(
                f"{format_thai_datetime(sent.created_at)}\t{sent.file_name}\tปีงบประมาณ {sent.fiscal_year} {months}"
                f"\t{sent.rows:,} รายการ\t{people.person(sent.created_by)}\t{sent.file_digest[:16]}"
            )
        return 0
    if command == "import":
        return _import(args, office)
    if command == "receipt":
        if args.read:
            data = read_file_bytes(args.read)
            print(office.query(receipts.read_receipt, data=data, file_name=args.read.name))
        else:
            path = office.query(
                receipts.write_receipt,
                district_code=args.district,
                fiscal_year=args.year,
                months=_months(args.months),
                path=args.out,
            )
            print(f"เขียนใบตอบรับแล้ว: {path}")
        return 0
    if command == "imports":
        people = office.query(names.list_names)  # who imported, as a person, as the exchange dialog names them
        entries = office.query(batch.list_ledger)
        if not entries:
            print("ยังไม่มีการนำเข้าไฟล์ในฐานข้อมูลนี้")
        for entry in entries:
            print(
                f"{entry.id}\t{format_thai_datetime(entry.imported_at)}\t{entry.file_name}\t{entry.source_area}"
                f"\t{entry.outcome_name}\t{people.person(entry.imported_by)}\t{entry.details}"
            )
        return 0
    if command == "undo-import":
        if args.id is None:
            print(office.query_batch(undo.undo_last_import))
        else:
            print(office.query_batch(undo.undo_import, ledger_id=args.id))
        return 0
    if command == "backups":
        if office.database.on_server:  # imports on a server run in one transaction: no copy is made before them
            raise InvalidInput(
                "ฐานข้อมูลนี้อยู่บนเซิร์ฟเวอร์ การนำเข้าทำในธุรกรรมเดียวจึงไม่ทำสำเนาก่อนนำเข้า"
                " ให้สำรองด้วยเครื่องมือของเซิร์ฟเวอร์เอง (pg_dump)"
            )
        if args.keep is not None:
            office.query(batch.set_backups_kept, count=args.keep)
        print(f"เก็บไฟล์สำรองก่อนนำเข้าไว้ {office.query(batch.backups_kept):,} ไฟล์ล่าสุด")
        for backup in office.query_batch(batch.list_backups):
            print(f"{format_thai_datetime(backup.made_at)}\t{backup.size:,} ไบต์\t{backup.path}")
        return 0
    return _keys(args, office)


def conflict_ref(row) -> str:
    """How an officer names a conflicting row on the command line: the entrepreneur's id prefix and the month."""
    return f"{row.uid[:8]}:{row.month}"


def _import(args, office) -> int:
    """Import the files, or (--dry-run) say exactly what importing them would do, file after file."""
    from otop_desktop.services import names
    from otop_desktop.services.exchange import batch
    from otop_desktop.services.exchange.kinds import Outcome

    refs = set(args.take)
    take_if = (lambda row: True) if args.take_conflicts else (lambda row: conflict_ref(row) in refs)
    outcomes = office.query_batch(batch.import_files, paths=args.files, take_if=take_if, dry_run=args.dry_run)
    shown = office.query(names.list_names) if any(outcome.preview for outcome in outcomes) else None
    if args.dry_run:
        print("ตรวจสอบเท่านั้น (--dry-run) ยังไม่ได้เปลี่ยนข้อมูลใด ๆ ถ้านำเข้าจะเป็นดังนี้:")
    for outcome in outcomes:
        message = outcome.message
        if args.dry_run and outcome.status == Outcome.APPLIED:
            message = "จะนำเข้า" + message.removeprefix("นำเข้าแล้ว")
        print(f"{outcome.file_name}: {message}")
        if outcome.preview is not None:
            _print_rows(outcome.preview, shown)
    if args.dry_run:
        print("ตรวจสอบเท่านั้น (--dry-run) ยังไม่ได้เปลี่ยนข้อมูลใด ๆ")
    return 2 if any(outcome.status in (Outcome.REFUSED, Outcome.BUSY, Outcome.SKIPPED) for outcome in outcomes) else 0


def _print_rows(preview, shown) -> None:
    """A file's preview: where from and who sent it (as people read them, `shown`: names.Names), the counts of each
    kind of row, and every row that changes a figure."""
    from otop_desktop.services.exchange import merge
    from otop_desktop.services.exchange.kinds import RowKind
    from otop_desktop.services.money import format_baht

    manifest = preview.opened.manifest
    print(
        f"  {shown.area(manifest.source_area)} ({manifest.source_area}) ปีงบประมาณ {manifest.fiscal_year} "
        f"ส่งโดย {shown.person(manifest.created_by)} เมื่อ {format_thai_datetime(manifest.created_at)}"
        f" · ลายนิ้วมือไฟล์ {preview.opened.digest[:16]} (เทียบกับที่ผู้ส่งแจ้ง)"
    )
    print("  " + ", ".join(f"{merge.KINDS_SHOWN[k]} {v:,}" for k, v in preview.counts.items()))
    for person in preview.moved:
        print(
            f"  [ย้ายพื้นที่] {person.name}: ในไฟล์อยู่ตำบลรหัส {person.file_tambon} "
            f"จังหวัดย้ายไปอำเภอ{person.district_name} (ตำบลรหัส {person.tambon_code}) แล้ว คงพื้นที่ใหม่ไว้"
        )
    rows = (*preview.rows, *preview.new_rows())
    blank = {id(row) for row in rows if row.kind == RowKind.NEW and not row.old and all(a is None for a in row.new)}
    if blank:  # a synced list's empty rows: counted, so the figures that change stand out
        print(f"  [{merge.KINDS_SHOWN[RowKind.NEW]}] รายชื่อที่ยังไม่มียอด {len(blank):,} ราย")
    for row in (row for row in rows if id(row) not in blank):
        old = " / ".join(format_baht(a, blank="-") for a in row.old) if row.old else "(ยังไม่มี)"
        new = " / ".join(format_baht(a, blank="-") for a in row.new)
        ref = f" (--take {conflict_ref(row)})" if row.kind == RowKind.CONFLICT else ""
        print(
            f"  [{merge.KINDS_SHOWN[row.kind]}] {row.name} {month_label(row.fiscal_year, row.month)}: "
            f"{old} → {new} {row.reason}{ref}"
        )


def _keys(args, office) -> int:
    """`keys show | register | retire | new | list`."""
    from otop_desktop.services import names
    from otop_desktop.services.exchange import keys

    if args.keys_command == "show":
        fingerprint = office.query(keys.own_fingerprint)
        print(f"ลายนิ้วมือกุญแจของสำนักงานนี้: {keys.spoken(fingerprint)}  ({fingerprint})")
        if args.out:
            print(f"เขียนไฟล์กุญแจแล้ว: {office.query(keys.write_key_file, path=args.out)}")
    elif args.keys_command == "register":
        if args.file:
            info = office.query(keys.register_key_file, path=args.file, fingerprint=args.fingerprint)
            if args.fingerprint is None:
                print(
                    f"กรุณาโทรถามสำนักงานนั้นว่าลายนิ้วมือของกุญแจคือ {keys.spoken(info.fingerprint)} "
                    "(ลงทะเบียนพร้อม --fingerprint เพื่อให้โปรแกรมเทียบให้) กุญแจที่ไม่ได้ยืนยันอาจมาจากไฟล์ปลอม"
                )
        else:
            info = office.query(keys.register_key, area_code=args.area or "", fingerprint=args.fingerprint)
        print(f"ลงทะเบียนกุญแจของ{_named(office, info.area_code)} แล้ว ({keys.spoken(info.fingerprint)})")
        if info.others_text:
            print(info.others_text)
    elif args.keys_command == "retire":
        info = office.query(keys.retire_key, area_code=args.area, fingerprint=args.fingerprint)
        retired = f"{_named(office, info.area_code)} ({keys.spoken(info.fingerprint)})"
        print(f"ยกเลิกกุญแจของ{retired} แล้ว ไฟล์ที่ลงนามด้วยกุญแจนี้จะไม่รับอีก")
    elif args.keys_command == "new":
        fingerprint = office.query(keys.replace_own_key)
        print(
            f"สร้างกุญแจใหม่ของสำนักงานนี้แล้ว: {keys.spoken(fingerprint)}  ({fingerprint}) กุญแจเดิมยกเลิกแล้ว "
            "กรุณาส่งไฟล์กุญแจใหม่ (keys show --out) ให้อีกสำนักงานลงทะเบียน และให้ยกเลิกกุญแจเดิม"
        )
    else:
        office.query(keys.own_fingerprint)  # this office's key is made on first use; list it with the others
        shown = office.query(names.list_names)  # areas and people as the exchange dialog names them
        for info in office.query(keys.list_keys):
            whose = "สำนักงานนี้" if info.area_code == keys.OWN else f"{shown.area(info.area_code)} ({info.area_code})"
            known = "" if info.has_public_key else " (ลงทะเบียนด้วยลายนิ้วมือ รอไฟล์แรก)"
            retired = f" ({info.retired})" if info.retired else ""
            print(f"{whose}\t{keys.spoken(info.fingerprint)}\t{shown.person(info.registered_by)}{known}{retired}")
    return 0


def _named(office, area_code: str) -> str:
    """An office as people name it, with its code: 'อำเภอเมืองอุบลราชธานี (3401)'."""
    from otop_desktop.services import names

    return f"{office.query(names.list_names).area(area_code)} ({area_code})"
