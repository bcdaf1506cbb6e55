"""`otop-desktop evidence add|list|export|deadline`: the signed จต.๒ the province receives back, scanned."""

from dataclasses import replace

from otop_desktop.commands.common import area_code, as_user, on_the_database, path, user_and_year
from otop_desktop.core.errors import InvalidInput


def add(commands) -> dict:
    """Add `evidence` and its four actions."""
    evidence = commands.add_parser("evidence", help="ทะเบียนสำเนา จต.๒ ที่ลงนามแล้วซึ่งอำเภอส่งกลับมา (ไฟล์สแกน)")
    actions = evidence.add_subparsers(dest="action", required=True)
    taking = actions.add_parser(
        "add",
        help="รับไฟล์สแกน (PDF, JPEG, PNG หรือทั้งโฟลเดอร์) อ่านรหัสจาก QR code แล้วจับคู่กับการพิมพ์ "
        "(0 รับครบทุกหน้า, 1 มีหน้าที่ไม่รับ อ่านรหัสไม่ได้ หรือยังรอหน้าที่ลงนามของแบบ)",
    )
    taking.add_argument("files", nargs="+", type=path, help="ไฟล์สแกนหรือโฟลเดอร์")
    taking.add_argument("--user", required=True, help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    taking.add_argument(
        "--code",
        help="รหัสตรวจสอบเอกสารและเลขหน้าที่พิมพ์ท้ายแบบ เช่น 'ABCD-EFGH-JKLM 3/3' สำหรับหน้าเดียวที่อ่าน QR code ไม่ได้"
        " (หน้าที่อ่าน QR code ได้ใช้รหัสที่อ่านได้)",
    )
    listing = user_and_year(actions.add_parser("list", help="รายการสำเนาที่ลงนามแล้วของปีงบประมาณ"))
    listing.add_argument("--district", type=area_code, help="รหัสอำเภอ 4 หลัก (ค่าเริ่มต้น: ทุกอำเภอที่เห็นได้)")
    export = user_and_year(actions.add_parser("export", help="ส่งออกไฟล์สแกนทั้งปี แยกโฟลเดอร์ตามไตรมาสและอำเภอ"))
    export.add_argument("--out", type=path, required=True, help="โฟลเดอร์ที่จะเขียน (ต้องมีอยู่แล้ว)")
    due = actions.add_parser("deadline", help="กำหนดส่งสำเนาที่ลงนามแล้ว: วันที่ของเดือนถัดจากสิ้นไตรมาส (ค่าเริ่มต้น 5)")
    due.add_argument("--user", required=True, help="ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)")
    due.add_argument("--day", type=int, help="ตั้งเป็นวันที่ 1 ถึง 28 (ไม่ระบุ: แสดงกำหนดปัจจุบัน)")
    return {"evidence": run_evidence}


@on_the_database
@as_user
def run_evidence(args, office) -> int:
    """One action of `evidence`."""
    return {"add": _add, "list": _list, "export": _export, "deadline": _deadline}[args.action](args, office)


def page_line(page, last: int | None = None) -> str:
    """A page's outcome on one line (pages `page.page` to `last` when they all say the same)."""
    from otop_desktop.services.forms.verify import shown_code

    pages = f"{page.page}–{last}" if last and last != page.page else f"{page.page}"
    where = f"{page.file_name} หน้า {pages}/{page.pages}" if page.pages else page.file_name
    parts = [f"{where}: {page.outcome_name}" + (f" {shown_code(page.code)}" if page.code else "")]
    parts += [text for text in (page.print_text, page.figures_text, page.reason) if text]
    return " · ".join(parts)


def _runs(pages) -> list[tuple]:
    """(first page, last page number) of each run of one file's pages in a row that say the same: a scanned form
    of twenty pages is one line, not twenty."""
    runs: list[list] = []
    for page in pages:
        if runs:
            first, last = runs[-1]
            if page.page == last + 1 and replace(page, page=first.page, place=first.place) == first:  # fared alike
                runs[-1][1] = page.page
                continue
        runs.append([page, page.page])
    return [tuple(run) for run in runs]


def _add(args, office) -> int:
    from otop_desktop.services.evidence.intake import Outcome, take_in_scans
    from otop_desktop.services.forms.verify import typed_problem

    problem = typed_problem(args.code) if args.code is not None else ""
    if problem:  # a code typed on the command line is checked before any file is read
        raise InvalidInput(f"--code: {problem}")
    intake = office.query(take_in_scans, paths=args.files, code=args.code)
    for page, last in _runs(intake.pages):
        print(page_line(page, last))
        for change in page.changes:
            print(f"    {change}")
    print(intake.summary())
    return 1 if intake.count(Outcome.REFUSED) or intake.count(Outcome.NO_CODE) or intake.unsigned else 0


def _list(args, office) -> int:
    from otop_desktop.services import names
    from otop_desktop.services.evidence.register import list_evidence
    from otop_desktop.services.forms.verify import shown_code
    from otop_desktop.services.thai import format_thai_datetime

    copies = office.query(list_evidence, fiscal_year=args.year, district_code=args.district)
    people = office.query(names.list_names)  # who printed and who received, as people
    for copy in copies:
        figures = "ตัวเลขตรง" if copy.matches else f"ตัวเลขเปลี่ยนหลังพิมพ์ {len(copy.changes)} รายการ"
        print(
            f"{copy.district_code} อำเภอ{copy.district_name} · {copy.period} · {shown_code(copy.code)} · "
            f"พิมพ์โดย {people.person(copy.printed_by)} · รับ {format_thai_datetime(copy.received_at)}"
            f" โดย {people.person(copy.received_by)} · "
            f"{copy.kept_text} · {figures}"
        )
    prints, on_file = {copy.code for copy in copies}, {copy.code for copy in copies if copy.signed}
    pages = sum(len(copy.pages_kept) for copy in copies)
    print(f"รวม {len(prints)} แบบที่พิมพ์ ได้รับหน้าที่ลงนามแล้ว {len(on_file)} แบบ · สำเนา {len(copies)} ไฟล์ ({pages} หน้า)")
    return 0


def _export(args, office) -> int:
    from otop_desktop.services.evidence.register import export_evidence

    exported = office.query(export_evidence, fiscal_year=args.year, folder=args.out)
    print(exported.said)
    return 0


def _deadline(args, office) -> int:
    from otop_desktop.services.evidence.due import quarter_due_day, set_quarter_due_day

    if args.day is not None:
        office.query(set_quarter_due_day, day=args.day)
    day = office.query(quarter_due_day)
    print(f"กำหนดส่งสำเนา จต.๒ ที่ลงนามแล้ว: วันที่ {day} ของเดือนถัดจากสิ้นไตรมาส")
    return 0
