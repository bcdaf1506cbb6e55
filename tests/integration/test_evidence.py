"""The signed จต.๒ comes home (issue 29): a printed form scanned as a scanner or a phone makes it is taken in
and matched to its print; a page without a readable code is listed for typing; another office's form and an
unknown code are refused; the same file twice is said; a later scan of the same print is kept beside the
first; a change of figures after printing shows on the kept copy and on the roadmap board."""

from datetime import date

import pypdfium2
import pytest

from otop_desktop.cli import main
from otop_desktop.core.errors import InvalidInput, PermissionDenied
from otop_desktop.core.users import UserInfo
from otop_desktop.services.evidence.intake import Outcome, take_in_scans
from otop_desktop.services.evidence.register import export_evidence, list_evidence, open_copy, quarter_evidence
from otop_desktop.services.forms.jt2 import print_jt2, render_jt2
from otop_desktop.services.forms.verify import check_letter, record_print, shown_code
from otop_desktop.services.office import Office
from otop_desktop.services.reports.dashboard import dashboard
from otop_desktop.services.reports.roadmap import board_text, roadmap_board
from otop_desktop.services.thai import format_thai_date, today_in_thailand
from tests.conftest import PASSWORD, save
from tests.engines import connect, location
from tests.integration.test_jt2_paper import jt2_of
from tests.scans import page_image, scan_to_jpeg, scan_to_pdf, scanned, without_qr

YEAR = 2569


def printed(world, tmp_path, name="jt2.pdf", **period):
    office = Office(world.database, world.mueang)
    return office.query(
        print_jt2, district_code="3401", fiscal_year=YEAR, path=tmp_path / name, **(period or {"month": 8})
    )


def take_in(world, paths, user=None, **options):
    return Office(world.database, user or world.province).query(take_in_scans, paths=paths, **options)


def kept(world) -> tuple[int, int]:
    with connect(world.database) as con:
        return (
            con.execute("SELECT count(*) FROM evidence_file").fetchone()[0],
            con.execute("SELECT count(*) FROM evidence_page").fetchone()[0],
        )


def test_a_phones_scan_and_a_scanners_pdf_are_matched_to_their_print(world, tmp_path):
    form = printed(world, tmp_path)
    photo = scan_to_jpeg(form.path, tmp_path / "ภาพถ่าย จต.๒.jpg", degrees=1.5)
    result = take_in(world, [photo])
    (page,) = result.pages
    assert page.outcome is Outcome.RECORDED and page.code == form.code and not page.typed
    assert (page.form_name, page.area_code, page.period, page.printed_by) == ("จต.๒", "3401", "สิงหาคม 2569", "mueang")
    assert page.matches and page.figures_text == "ตัวเลขตรงกับฐานข้อมูล"
    assert "จต.๒ อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี สิงหาคม 2569 พิมพ์โดย mueang" in page.print_text

    folder = tmp_path / "จากเครื่องสแกน"
    folder.mkdir()
    scan_to_pdf([scanned(page_image(form.path), -2), scanned(page_image(form.path), 1)], folder / "batch.pdf")
    result = take_in(world, [folder])
    assert [(p.page, p.outcome) for p in result.pages] == [(1, Outcome.BESIDE), (2, Outcome.BESIDE)]
    assert "ได้รับแบบนี้แล้วเมื่อ" in result.pages[0].reason
    assert kept(world) == (2, 3)  # the later scan kept beside the first, nothing overwritten

    copies = _list(world)
    assert [(c.file_name, c.pages_text, c.code) for c in copies] == [
        ("ภาพถ่าย จต.๒.jpg", "หน้า 1/1", form.code),
        ("batch.pdf", "หน้า 1-2/2", form.code),
    ]
    opened = Office(world.database, world.province).query(open_copy, file_id=copies[0].file_id, folder=tmp_path)
    assert opened.read_bytes() == photo.read_bytes()


def _list(world, user=None, **options):
    return Office(world.database, user or world.province).query(list_evidence, fiscal_year=YEAR, **options)


def test_the_same_file_twice_is_said_and_not_kept_twice(world, tmp_path):
    form = printed(world, tmp_path)
    photo = scan_to_jpeg(form.path, tmp_path / "a.jpg")
    assert take_in(world, [photo]).pages[0].outcome is Outcome.RECORDED
    again = take_in(world, [photo]).pages
    assert [p.outcome for p in again] == [Outcome.SAME_SCAN] and "ไฟล์นี้" in again[0].reason
    assert again[0].printed_by == "mueang"
    assert kept(world) == (1, 1)


def test_a_page_without_a_readable_code_is_listed_then_matched_by_the_typed_code(world, tmp_path):
    form = printed(world, tmp_path)
    torn = tmp_path / "torn.jpg"
    scanned(without_qr(page_image(form.path))).save(torn, "JPEG")
    (page,) = take_in(world, [torn]).pages
    assert page.outcome is Outcome.NO_CODE and "กรุณาพิมพ์รหัสตรวจสอบเอกสารและเลขหน้าที่พิมพ์ท้ายแบบ" in page.reason
    assert kept(world) == (0, 0)
    (page,) = take_in(world, [torn], codes={(str(torn), 1): shown_code(form.code).lower()}).pages
    assert page.outcome is Outcome.NO_CODE and page.typed and "กรุณาพิมพ์เลขหน้าต่อท้าย" in page.reason
    assert kept(world) == (0, 0)  # the code alone does not say whether this is the page with the signatures
    footer = f"{shown_code(form.code).lower()} · หน้า ๑/๑"  # as the footer prints it
    (page,) = take_in(world, [torn], codes={(str(torn), 1): footer}).pages
    assert page.outcome is Outcome.RECORDED and page.typed and page.code == form.code and page.place == (1, 1)
    assert kept(world) == (1, 1)


def test_a_code_typed_for_the_intake_goes_to_its_one_unreadable_page_never_over_a_code_read(world, tmp_path):
    """The command line's --code filed a September page whose QR read as September under the November print it
    was typed for, every page of a nine-page file under that one code, and, of two pages unread, the first (not
    the signed one): it is for the intake's one page whose QR cannot be read; a code read stays that page's, and
    with two pages unread neither is guessed at."""
    august = printed(world, tmp_path)
    september = printed(world, tmp_path, "again.pdf")  # another print (its own code), as September's was
    photo = scan_to_jpeg(september.path, tmp_path / "september.jpg")
    torn, other = tmp_path / "torn.jpg", tmp_path / "other.jpg"
    scanned(without_qr(page_image(august.path))).save(torn, "JPEG")
    scanned(without_qr(page_image(september.path))).save(other, "JPEG")
    typed = f"{shown_code(august.code)} 1/1"
    read, first, second = take_in(world, [photo, torn, other], code=typed).pages
    assert read.outcome is Outcome.RECORDED and read.code == september.code and not read.typed
    for unread in (first, second):
        assert unread.outcome is Outcome.NO_CODE and "อ่าน QR code ไม่ได้ 2 หน้า" in unread.reason
    assert kept(world) == (1, 1)
    (alone,) = take_in(world, [torn], code=typed).pages
    assert alone.outcome is Outcome.RECORDED and alone.code == august.code and alone.typed and alone.reason == ""
    assert kept(world) == (2, 2)


def test_the_provinces_own_print_of_a_districts_form_is_not_the_districts_signed_copy(world, tmp_path):
    """The province printed อำเภอวารินชำราบ's October and its scan was filed as the district's signed copy, for a
    district that had sent nothing: the register takes what the district printed (from its file, or a login of
    the district on the same database), not the province's own print."""
    office = Office(world.database, world.province)
    form = office.query(print_jt2, district_code="3415", fiscal_year=YEAR, month=8, path=tmp_path / "w.pdf")
    (page,) = take_in(world, [scan_to_jpeg(form.path, tmp_path / "w.jpg")]).pages
    assert page.outcome is Outcome.REFUSED and "ไม่ใช่ฉบับที่อำเภอพิมพ์" in page.reason
    assert kept(world) == (0, 0)


def test_a_very_large_photo_is_read_smaller_and_an_impossible_one_is_refused_as_too_large(world, tmp_path):
    """A 108-megapixel phone photo took a gigabyte and printed Pillow's English warning; a 40000×40000 PNG was
    called damaged. A photo over 30 megapixels is decoded at a fraction of its size (its QR code still read); an
    image larger than any camera's is refused as too large, before it is decoded."""
    import struct
    import zlib

    from otop_desktop.services.evidence import scans

    form = printed(world, tmp_path)
    page = page_image(form.path)
    large = page.resize((page.width * 7000 // page.width, page.height * 7000 // page.width))  # 7000 wide: 35+ MP
    assert large.width * large.height > scans.READ_PIXELS
    photo = tmp_path / "108mp.jpg"
    large.convert("RGB").save(photo, "JPEG", quality=85)
    assert scans._image("108mp.jpg", photo.read_bytes()).width * 2 <= large.width
    (read,) = take_in(world, [photo]).pages
    assert read.outcome is Outcome.RECORDED and read.code == form.code

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    bomb = tmp_path / "bomb.png"  # a header that claims 40000×40000: a few bytes on disk
    bomb.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 40000, 40000, 1, 0, 0, 0, 0))
        + chunk(b"IEND", b"")
    )
    (refused,) = take_in(world, [bomb]).pages
    assert refused.outcome is Outcome.REFUSED and "ใหญ่เกินกว่าภาพสแกนหรือภาพถ่ายใด ๆ" in refused.reason

    # A PDF page 5 metres a side drew 1.6 billion pixels at 200 dpi: the program died after 10 GB. It is drawn
    # no larger than READ_PIXELS, and said unread.
    import pypdfium2
    from reportlab.pdfgen.canvas import Canvas

    huge = tmp_path / "huge-page.pdf"
    canvas = Canvas(str(huge), pagesize=(14400, 14400))
    canvas.drawString(100, 100, "not a form")
    canvas.save()
    document = pypdfium2.PdfDocument(huge.read_bytes())
    try:
        drawn = scans._render(document, 1, scans.DPI)
        assert drawn.width * drawn.height <= scans.READ_PIXELS
    finally:
        document.close()
    (unread,) = take_in(world, [huge]).pages
    assert unread.outcome is Outcome.NO_CODE


def test_another_offices_form_an_unknown_code_and_another_form_are_refused(world, tmp_path):
    other = UserInfo("amnat", "province", "37", "", "")
    with world.database.unit_of_work() as uow:  # a print of Amnat Charoen's office, in the same database
        foreign = "ABCDEFGHJKL" + check_letter("ABCDEFGHJKL")
        record_print(
            uow=uow, user=other, code=foreign, form="jt2", area_code="3701", fiscal_year=YEAR, months=[8], figures=[]
        )
    theirs = scan_to_jpeg(render_jt2(jt2_of([3]), tmp_path / "amnat.pdf", code=foreign), tmp_path / "amnat.jpg")
    unknown_code = "ZYXWVUTSRQP" + check_letter("ZYXWVUTSRQP")
    unknown = scan_to_jpeg(render_jt2(jt2_of([3]), tmp_path / "x.pdf", code=unknown_code), tmp_path / "x.jpg")
    result = take_in(world, [theirs, unknown])
    assert [p.outcome for p in result.pages] == [Outcome.REFUSED, Outcome.REFUSED]
    assert "สำนักงานอื่น (3701)" in result.pages[0].reason and "ไม่พบรหัสตรวจสอบเอกสาร" in result.pages[1].reason
    assert kept(world) == (0, 0)
    (note, broken) = tmp_path / "note.txt", tmp_path / "broken.pdf"
    note.write_text("not a scan", encoding="utf-8")
    broken.write_bytes(b"%PDF-1.4 cut short")
    refused = take_in(world, [note, broken]).pages
    assert [p.file_name for p in refused] == ["note.txt", "broken.pdf"]
    assert {p.outcome for p in refused} == {Outcome.REFUSED}
    assert "ไม่ใช่ไฟล์สแกนที่รับได้" in refused[0].reason and "ไม่ใช่ PDF ที่อ่านได้" in refused[1].reason


def test_a_print_counts_as_received_once_its_page_with_the_signatures_is_on_file(world, tmp_path):
    """Each page's QR code names its page of the print: a scan of the first pages alone is kept but does not put
    the print on file (the signatures are on the last page); the last page, later or in the same file, does."""
    paper, pages = long_print(world, tmp_path)
    assert pages > 2
    first = scan_to_pdf([scanned(page_image(paper, 1)), scanned(page_image(paper, 2))], tmp_path / "first.pdf")
    result = take_in(world, [first])
    assert [(p.outcome, p.place, p.unsigned) for p in result.pages] == [
        (Outcome.RECORDED, (1, pages), True),
        (Outcome.RECORDED, (2, pages), True),
    ]
    said = f"เก็บไว้แล้ว แต่ยังไม่นับว่าได้รับสำเนาที่ลงนาม จนกว่าจะได้รับหน้าที่มีลายมือชื่อ (หน้า {pages}/{pages} ของแบบ)"
    assert result.pages[0].reason.startswith(said) and result.pages[1].reason == result.pages[0].reason
    waiting = "first.pdf หน้า 1-2/2 (ยังไม่ได้รับหน้าที่ลงนามของแบบนี้ ยังไม่นับว่าได้รับ)"
    assert _on_file(world) == () and _list(world)[0].kept_text == waiting
    out = tmp_path / "ส่งออก"
    out.mkdir()
    Office(world.database, world.province).query(export_evidence, fiscal_year=YEAR, folder=out)
    (exported,) = [p.name for p in out.rglob("*.pdf")]
    assert " ยังไม่มีหน้าที่ลงนาม (" in exported  # told apart from a signed copy without the program
    blocked = tmp_path / "ปิดไว้"  # its quarter's folder name taken by a file: it ended in FileExistsError's traceback
    blocked.mkdir()
    quarter = next(out.iterdir()).name
    (blocked / quarter).write_text("ไฟล์ของคนอื่น", encoding="utf-8")
    with pytest.raises(InvalidInput, match=f"ไม่ใช่โฟลเดอร์ .*ส่งออกไปแล้ว 0 ไฟล์ในโฟลเดอร์ {blocked}"):
        Office(world.database, world.province).query(export_evidence, fiscal_year=YEAR, folder=blocked)
    assert [p.name for p in blocked.iterdir()] == [quarter]

    last = scan_to_jpeg(paper, tmp_path / "last.jpg", page=pages)
    (page,) = take_in(world, [last]).pages
    assert (page.outcome, page.place, page.reason, page.unsigned) == (Outcome.RECORDED, (pages, pages), "", False)
    assert _on_file(world) == (8,) and [c.kept_text for c in _list(world)] == [
        "first.pdf หน้า 1-2/2",
        "last.jpg หน้า 1/1",
    ]

    whole = scan_to_pdf([scanned(page_image(paper, n)) for n in (1, pages)], tmp_path / "whole.pdf")
    again = take_in(world, [whole]).pages
    assert [(p.outcome, p.reason.startswith("ได้รับแบบนี้แล้ว")) for p in again] == [(Outcome.BESIDE, True)] * 2


def test_a_whole_scan_says_nothing_of_its_first_pages_and_the_command_line_one_line_a_run(
    world, tmp_path, monkeypatch, capsys
):
    paper, pages = long_print(world, tmp_path)
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    first = scan_to_pdf([scanned(page_image(paper, n)) for n in range(1, pages)], tmp_path / "first.pdf")
    assert main([*location(world.database), "evidence", "add", str(first), "--user", "prov"]) == 1
    said = capsys.readouterr().out.splitlines()  # the pages before the last fare alike: one line
    assert said[0].startswith(f"first.pdf หน้า 1–{pages - 1}/{pages - 1}: บันทึกแล้ว") and "ยังไม่นับว่าได้รับ" in said[0]
    assert not any(line.startswith("first.pdf") for line in said[1:])
    assert said[-1].endswith(f"(จาก {pages - 1} หน้า) · {pages - 1} หน้ารอหน้าที่ลงนามของแบบ (ยังไม่นับว่าได้รับ)")
    assert _on_file(world) == ()
    whole = scan_to_pdf([scanned(page_image(paper, n)) for n in range(1, pages + 1)], tmp_path / "whole.pdf")
    result = take_in(world, [whole]).pages
    assert [p.outcome for p in result] == [Outcome.RECORDED] * pages and {p.reason for p in result} == {""}
    assert _on_file(world) == (8,)


def test_a_typed_code_counts_by_the_page_typed_with_it(world, tmp_path):
    """A page whose QR code cannot be read takes the code and the page typed from its footer: the first page so
    typed waits for the signatures as a read one does, the last puts the print on file; a page the print
    cannot have is asked again."""
    paper, pages = long_print(world, tmp_path)
    code = shown_code("MNPQRSTUVWX" + check_letter("MNPQRSTUVWX"))
    torn = [tmp_path / "first.jpg", tmp_path / "last.jpg"]
    scanned(without_qr(page_image(paper, 1))).save(torn[0], "JPEG")
    scanned(without_qr(page_image(paper, pages))).save(torn[1], "JPEG")
    (page,) = take_in(world, [torn[0]], codes={(str(torn[0]), 1): f"{code} {pages + 1}/{pages}"}).pages
    assert page.outcome is Outcome.NO_CODE and "กรุณาพิมพ์เลขหน้า" in page.reason
    (page,) = take_in(world, [torn[0]], codes={(str(torn[0]), 1): f"{code} 1/{pages}"}).pages
    assert (page.outcome, page.place, page.unsigned) == (Outcome.RECORDED, (1, pages), True) and _on_file(world) == ()
    (page,) = take_in(world, [torn[1]], codes={(str(torn[1]), 1): f"{code} หน้า {pages}/{pages}"}).pages
    assert (page.place, page.unsigned, page.reason) == ((pages, pages), False, "") and _on_file(world) == (8,)


def long_print(world, tmp_path):
    """A จต.๒ of Mueang's August over several pages, as printed and recorded: (its PDF, its pages)."""
    code = "MNPQRSTUVWX" + check_letter("MNPQRSTUVWX")
    with world.database.unit_of_work() as uow:
        record_print(
            uow=uow,
            user=world.mueang,
            code=code,
            form="jt2",
            area_code="3401",
            fiscal_year=YEAR,
            months=[8],
            figures=[],
        )
        uow.commit()
    paper = render_jt2(jt2_of([30, 25]), tmp_path / "long.pdf", code=code)
    return paper, len(pypdfium2.PdfDocument(paper))


def _on_file(world) -> tuple[int, ...]:
    """The months of fiscal 2569's fourth quarter (July to September) Mueang's signed copies put on file."""
    office = Office(world.database, world.province)
    return office.query(quarter_evidence, fiscal_year=YEAR, district_codes=["3401"])["3401"][3].months_on_file


def test_the_programs_own_pdf_is_not_taken_for_the_signed_copy(world, tmp_path):
    """The PDF the program printed has no signature on it: fed to the register as it is, it is refused for what it
    is, and nothing is kept; the same page scanned is taken."""
    form = printed(world, tmp_path)
    result = take_in(world, [form.path])
    (page,) = result.pages
    assert page.outcome is Outcome.REFUSED and "แบบที่โปรแกรมนี้พิมพ์ออกมา" in page.reason and "สแกน" in page.reason
    assert kept(world) == (0, 0)
    scan = scan_to_pdf([scanned(page_image(form.path))], tmp_path / "signed.pdf")
    assert [p.outcome for p in take_in(world, [scan]).pages] == [Outcome.RECORDED]


def test_a_district_user_may_not_take_in_and_a_cancel_keeps_nothing(world, tmp_path):
    form = printed(world, tmp_path)
    photos = [scan_to_jpeg(form.path, tmp_path / f"{n}.jpg", degrees=n / 2) for n in range(1, 4)]
    with pytest.raises(PermissionDenied):
        take_in(world, photos, user=world.mueang)
    seen = []
    with pytest.raises(InvalidInput, match="ยกเลิกแล้ว"):
        take_in(
            world, photos, progress=lambda done, total: seen.append((done, total)), cancelled=lambda: len(seen) >= 2
        )
    assert seen == [(0, 3), (1, 3)] and kept(world) == (0, 0)
    assert take_in(world, photos).stored == 3


def test_figures_changed_after_printing_show_on_the_kept_copy_and_the_board(world, tmp_path):
    form = printed(world, tmp_path, quarter=3)  # April to June
    take_in(world, [scan_to_jpeg(form.path, tmp_path / "q3.jpg")])
    (copy,) = _list(world)
    assert copy.matches and copy.period == "ไตรมาส 3 ปีงบประมาณ 2569" and copy.quarter == 3
    today = date(2026, 7, 20)
    board = Office(world.database, world.province).query(roadmap_board, fiscal_year=YEAR, today=today)
    q3 = board.evidence["3401"][2]
    assert q3.on_file and not q3.changed and q3.due == date(2026, 7, 5) and q3.months_on_file == (4, 5, 6)
    assert q3.late  # taken in today, long after 5 July
    warin = board.evidence["3415"]
    assert warin[2].overdue and not warin[2].on_file and warin[3].begun and not warin[3].overdue
    assert board.evidence_rates == ((0, 25), (0, 25), (1, 25), (0, 25))
    figures = Office(world.database, world.province).query(dashboard, fiscal_year=YEAR, month=5)
    assert figures.signed == (3, 1, 25)  # the card of May's quarter: one district of 25 on file

    save(world.database, world.province, YEAR, 5, {world.ids["ไหม"]: (1_000_001, 200_000, None, None)})
    (copy,) = _list(world)
    assert not copy.matches and "10,000.01" in copy.changes[0]
    board = Office(world.database, world.province).query(roadmap_board, fiscal_year=YEAR, today=today)
    assert board.evidence["3401"][2].changed == (form.code,)
    assert board_text(board).splitlines()[-2:] == [
        "ได้รับ จต.๒ ที่ลงนามแล้ว (อำเภอ): ไตรมาส 1 0/25  ไตรมาส 2 0/25  ไตรมาส 3 1/25  ไตรมาส 4 0/25",
        "ตัวเลขเปลี่ยนหลังพิมพ์ฉบับที่ลงนาม ควรขอฉบับใหม่: 3401",
    ]
    status = Office(world.database, world.province).query(
        quarter_evidence, fiscal_year=YEAR, district_codes=["3401"], today=today
    )
    assert status["3401"][2].changed == (form.code,)


def test_the_command_line_takes_in_lists_and_exports(world, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    form = printed(world, tmp_path)
    photo = scan_to_jpeg(form.path, tmp_path / "photo.jpg")
    torn = tmp_path / "torn.png"
    scanned(without_qr(page_image(form.path)), degrees=-1).save(torn, "PNG")
    data = location(world.database)
    assert main([*data, "evidence", "add", str(photo), str(torn), "--user", "prov"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"photo.jpg หน้า 1/1: บันทึกแล้ว {shown_code(form.code)} · จต.๒ อำเภอเมืองอุบลราชธานี")
    assert lines[0].endswith("ตัวเลขตรงกับฐานข้อมูล") and lines[1].startswith("torn.png หน้า 1/1: อ่านรหัสไม่ได้")
    assert lines[-1].startswith("บันทึกแล้ว 1 หน้า")
    assert main([*data, "evidence", "add", str(torn), "--user", "prov", "--code", shown_code(form.code)]) == 2
    assert "กรุณาพิมพ์เลขหน้าต่อท้ายรหัสตรวจสอบเอกสาร" in capsys.readouterr().err
    assert main([*data, "evidence", "add", str(torn), "--user", "prov", "--code", f"{shown_code(form.code)} 1/1"]) == 0
    said = capsys.readouterr().out
    assert "torn.png หน้า 1/1: มีแล้ว เก็บคู่ฉบับเดิม" in said and "โดย นางสมศรี ใจดี" in said  # a person, not prov
    assert main([*data, "evidence", "list", "--user", "prov", "--year", "2569", "--district", "3401"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[-1] == "รวม 1 แบบที่พิมพ์ ได้รับหน้าที่ลงนามแล้ว 1 แบบ · สำเนา 2 ไฟล์ (2 หน้า)" and listed[0].startswith(
        "3401 อำเภอเมืองอุบลราชธานี · สิงหาคม 2569 · "
    )
    assert " โดย นางสมศรี ใจดี · " in listed[0]  # who received it, as a person (the login is prov)
    out = tmp_path / "ส่งออก"
    out.mkdir()
    assert main([*data, "evidence", "export", "--user", "prov", "--year", "2569", "--out", str(out)]) == 0
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    folder = "ปีงบประมาณ 2569 ไตรมาส 4/3401 อำเภอเมืองอุบลราชธานี/"
    assert [f.rsplit(" (", 1)[0] for f in files] == [
        f"{folder}จต.๒ สิงหาคม 2569 รหัส {shown_code(form.code)} รับ {format_thai_date(today_in_thailand())}"
    ] * 2
    assert {(out / f).read_bytes() for f in files} == {photo.read_bytes(), torn.read_bytes()}
    capsys.readouterr()
    # Again into the same folder: the files there are the same bytes and are left; one the officer changed is
    # never written over (the export overwrote it without a word).
    assert main([*data, "evidence", "export", "--user", "prov", "--year", "2569", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"ส่งออก 0 ไฟล์ไว้ที่ {out} (อีก 2 ไฟล์มีอยู่แล้วจากครั้งก่อน เหมือนเดิมทุกไบต์)"
    (out / files[0]).write_text("the officer's own note")
    assert main([*data, "evidence", "export", "--user", "prov", "--year", "2569", "--out", str(out)]) == 2
    assert "เนื้อไฟล์ต่างกัน 1 ไฟล์" in capsys.readouterr().err
    assert (out / files[0]).read_text() == "the officer's own note"
    # A file named as the folder: said as a file, not as a folder not found; a folder not there, as not found.
    for named, why in ((photo, "ชื่อนี้ไม่ใช่โฟลเดอร์"), (tmp_path / "ไม่มี", "ไม่พบโฟลเดอร์นี้")):
        assert main([*data, "evidence", "export", "--user", "prov", "--year", "2569", "--out", str(named)]) == 2
        assert why in capsys.readouterr().err
    assert main([*data, "evidence", "add", str(photo), "--user", "mueang"]) == 2
    assert "เฉพาะเจ้าหน้าที่ระดับจังหวัด" in capsys.readouterr().err
    bound = scan_to_pdf([scanned(page_image(form.path), d) for d in (-1, 1, 2)], tmp_path / "bound.pdf")
    assert main([*data, "evidence", "add", str(bound), "--user", "prov"]) == 0
    said = capsys.readouterr().out.splitlines()  # three pages that say the same: one line
    assert said[0].startswith("bound.pdf หน้า 1–3/3: มีแล้ว เก็บคู่ฉบับเดิม") and not said[1].startswith("bound.pdf")


def test_the_province_sets_the_quarters_deadline_and_the_board_follows(world, monkeypatch, capsys):
    """The 5th after the quarter ends, unless the province sets another day; audited, refused out of range or to
    a district, and the same from the command line."""
    from otop_desktop.services.evidence.due import quarter_due_day, set_quarter_due_day

    province = Office(world.database, world.province)

    def fourth_quarter_due() -> date:
        board = province.query(quarter_evidence, fiscal_year=YEAR, district_codes=["3401"], today=date(2026, 10, 1))
        return board["3401"][3].due

    assert province.query(quarter_due_day) == 5 and fourth_quarter_due() == date(2026, 10, 5)
    province.query(set_quarter_due_day, day=20)
    assert fourth_quarter_due() == date(2026, 10, 20)
    with connect(world.database) as con:
        audited = con.execute(f"SELECT old_value, new_value FROM audit_log WHERE entity_key = '{DUE_KEY}'").fetchall()
    assert [tuple(row) for row in audited] == [("5", "20")]
    for day in (0, 29, -1, True):
        with pytest.raises(InvalidInput, match="1 ถึง 28"):
            province.query(set_quarter_due_day, day=day)
    with pytest.raises(PermissionDenied):
        Office(world.database, world.mueang).query(set_quarter_due_day, day=10)
    assert province.query(quarter_due_day) == 20

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    assert main([*location(world.database), "evidence", "deadline", "--user", "prov", "--day", "12"]) == 0
    assert "วันที่ 12 ของเดือนถัดจากสิ้นไตรมาส" in capsys.readouterr().out and fourth_quarter_due() == date(2026, 10, 12)


DUE_KEY = "evidence.quarter_due_day"
