"""แบบ จต.๒ read back as its users and their tools read it: pdftotext must give every name exactly as
stored, every amount as the database holds it (Thai digits read back as digits), the tambon subtotals,
the district total and its Thai words, the signature blocks; lines break only between words."""

import shutil
import subprocess

import pytest

from otop_desktop.services import entry
from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.bahttext import baht_text
from otop_desktop.services.forms.jt2 import jt2_form, render_jt2
from otop_desktop.services.money import format_baht, sum_amounts
from tests.conftest import add_entrepreneur, save
from tests.engines import connect, location

ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def pdf_text(path, *layout) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: ./dev.sh installs poppler-utils")
    return subprocess.run(
        [tool, *layout, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def form_of(world, district="3401", month=8):
    with world.database.unit_of_work() as uow:
        return jt2_form(uow=uow, user=world.province, district_code=district, fiscal_year=2569, month=month)


def test_every_name_amount_subtotal_and_the_total_in_words_read_back(world, tmp_path):
    form = form_of(world)
    path = render_jt2(form, tmp_path / "jt2.pdf")
    text = pdf_text(path)
    digits = text.translate(ARABIC)
    with world.database.unit_of_work() as uow:
        sheet = entry.load_month(uow=uow, user=world.province, fiscal_year=2569, month=8, district_code="3401")
    assert sheet.rows
    for row in sheet.rows:
        assert row.name in text
        for amount in row.amounts:
            if amount is not None:
                assert format_baht(amount) in digits
        assert format_baht(sum_amounts(row.amounts)) in digits
    for tambon in form.tambons:
        assert f"รวมตำบล{tambon.name}" in text and format_baht(tambon.total) in digits
    total = sum(sum_amounts(row.amounts) for row in sheet.rows)
    assert form.total == total and format_baht(total) in digits
    assert baht_text(total) in text and "รวมทั้งอำเภอเมืองอุบลราชธานี" in text
    assert "แบบ จต.๒" in text and "ประจำเดือนสิงหาคม ๒๕๖๙" in text and "หน้า ๑/๑" in text
    assert "ผู้จัดทำ" in text and "ประธาน นตผ.อำเภอเมืองอุบลราชธานี" in text and "พัฒนาการอำเภอเมืองอุบลราชธานี" in text
    assert "0" not in text.replace("OTOP", "")  # Thai digits are real characters, everywhere
    arabic = pdf_text(render_jt2(form, tmp_path / "arabic.pdf", thai_digits=False))
    assert format_baht(total) in arabic and "หน้า 1/1" in arabic


def test_long_unspaced_names_break_only_between_words(world, tmp_path):
    long_name = "กลุ่มแม่บ้านเกษตรกรบ้านหนองบัวทอผ้าไหมมัดหมี่ลายโบราณและผลิตภัณฑ์จักสานไม้ไผ่ตำบลขามใหญ่"
    other = add_entrepreneur(world.database, world.province, long_name, "340101", list_in=(2569, 8))
    save(world.database, world.province, 2569, 8, {other: (123_456, None, None, None)})
    boundaries, at = set(), 0
    for word in thai_pdf.words(long_name):
        at += len(word)
        boundaries.add(at)
    text = pdf_text(render_jt2(form_of(world), tmp_path / "long.pdf"))
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line and long_name.startswith(line))
    printed = []  # the name's lines, as printed one under the other
    for line in lines[start:]:
        if not long_name.startswith("".join(printed) + line):
            break
        printed.append(line)
    assert len(printed) > 2 and "".join(printed) == long_name
    at = 0
    for line in printed[:-1]:
        at += len(line)
        assert at in boundaries, f"broken inside a word after {long_name[:at]!r}"
    for room in (40, 90, 150):  # narrower than one word too: then between grapheme clusters, marks kept
        lines = thai_pdf.break_lines(long_name, thai_pdf.REGULAR, 11, room)
        assert "".join(lines) == long_name and not any(
            line[0] in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
            for line in lines
        )


def test_an_opening_bracket_goes_down_with_its_word(tmp_path):
    """The check's paper broke '… จากเดือนเดียวกันปีก่อน (' | 'กันยายน ๒๕๖๘: …)': the bracket now starts the next
    line, whatever the room, and nothing is lost."""
    text = "เพิ่มขึ้นร้อยละ 30.5 จากเดือนเดียวกันปีก่อน (กันยายน 2568: 6,087,197.90 บาท)"
    for room in range(60, 400, 7):
        lines = thai_pdf.break_lines(text, thai_pdf.REGULAR, 12, room)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "") and not any(
            line.endswith("(") for line in lines
        ), (room, lines)


def test_a_persons_name_is_never_broken_after_its_title():
    """The check's paper broke its checker 'นาง' | 'สมศรี ใจดี' (the dictionary cuts a title from the name): a name
    kept together goes down whole, at any width, and nothing is lost."""
    text = "ตรวจแล้ว โดย นางสมศรี ใจดี ๕ ธ.ค. ๒๕๖๙ ๑๐:๓๐ น.: ยืนยันกับกลุ่มแล้ว"
    broken = thai_pdf.break_lines(text, thai_pdf.REGULAR, 12, 92)
    assert any(line.endswith("นาง") for line in broken), broken  # what the name is kept from
    for room in range(60, 300, 4):
        lines = thai_pdf.break_lines(text, thai_pdf.REGULAR, 12, room, keep=("นางสมศรี ใจดี",))
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), (room, lines)
        assert any("นางสมศรี" in line for line in lines) and not any(line.endswith("นาง") for line in lines), lines


def test_a_district_user_prints_only_their_own_district(world):
    from otop_desktop.core.errors import PermissionDenied

    with world.database.unit_of_work() as uow, pytest.raises(PermissionDenied):
        jt2_form(uow=uow, user=world.mueang, district_code="3415", fiscal_year=2569, month=8)


def test_print_jt2_on_the_command_line(world, tmp_path, monkeypatch, capsys):
    from otop_desktop.cli import main
    from tests.conftest import PASSWORD

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    base = [*location(world.database), "print", "jt2", "--year", "2569", "--month", "8"]
    assert main([*base, "--user", "mueang", "--out", str(tmp_path / "own.pdf")]) == 0
    assert "อำเภอเมืองอุบลราชธานี" in pdf_text(tmp_path / "own.pdf")
    assert main([*base, "--user", "prov", "--out", str(tmp_path / "no.pdf")]) == 2
    assert "รหัสอำเภอ 4 หลัก หรือใส่ --all-districts" in capsys.readouterr().err  # the way to print them all, named
    assert (
        main([*base, "--user", "prov", "--district", "3415", "--arabic-digits", "--out", str(tmp_path / "w.pdf")]) == 0
    )
    assert "หน้า 1/1" in pdf_text(tmp_path / "w.pdf") and not (tmp_path / "no.pdf").exists()


def test_the_verification_code_tells_what_changed_since_printing(world, tmp_path, monkeypatch, capsys):
    from otop_desktop.cli import main
    from otop_desktop.services.forms.jt2 import print_jt2
    from otop_desktop.services.forms.verify import shown_code, verify
    from tests.conftest import PASSWORD

    with world.database.unit_of_work() as uow:
        printed = print_jt2(
            uow=uow, user=world.mueang, district_code="3401", fiscal_year=2569, month=8, path=tmp_path / "jt2.pdf"
        )
    assert shown_code(printed.code) in pdf_text(printed.path) and not list(tmp_path.glob("*.part*"))
    with world.database.unit_of_work() as uow:
        clean = verify(uow=uow, user=world.mueang, code=shown_code(printed.code).lower())
    assert clean.found and clean.matches and clean.form_name == "จต.๒"

    save(world.database, world.mueang, 2569, 8, {world.ids["ไหม"]: (1_000_001, 200_000, None, None)})
    with world.database.unit_of_work() as uow:
        changed = verify(uow=uow, user=world.mueang, code=printed.code)
    assert [(d.name, d.period, d.printed, d.current) for d in changed.differences] == [
        ("กลุ่มทอผ้าไหมบ้านในเมือง", "สิงหาคม 2569", (1_000_000, 200_000, None, None), (1_000_001, 200_000, None, None))
    ]
    with world.database.unit_of_work() as uow:
        assert not verify(uow=uow, user=world.mueang, code="AAAAA-BBBBB").found

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    data = [*location(world.database)]
    assert (
        main(
            [
                *data,
                "print",
                "jt2",
                "--user",
                "mueang",
                "--year",
                "2569",
                "--month",
                "8",
                "--out",
                str(tmp_path / "b.pdf"),
            ]
        )
        == 0
    )
    code = capsys.readouterr().out.splitlines()[-1]
    assert main([*data, "verify", code, "--user", "mueang"]) == 0
    save(world.database, world.mueang, 2569, 8, {world.ids["ข้าว"]: (1, None, None, None)})
    assert main([*data, "verify", code, "--user", "mueang"]) == 1
    said = capsys.readouterr().out  # the amounts' order is said once, above them
    assert "(ยอด ในประเทศ ออฟไลน์ / ในประเทศ ออนไลน์ / ต่างประเทศ ออฟไลน์ / ต่างประเทศ ออนไลน์):" in said
    assert "กลุ่มแม่บ้านข้าวหอมมะลิ สิงหาคม 2569: พิมพ์ 5,000.50 / 0.00 / 1,000.00 / - ตอนนี้ 0.01 / - / - / -" in said
    assert main([*data, "verify", "ZZZZZ-ZZZZZ", "--user", "mueang"]) == 2
    assert main([*data, "verify", code, "--user", "warin"]) == 2  # another district's print: not theirs to read


def test_the_district_officer_who_prints_is_its_preparer_unless_one_is_set(world, tmp_path):
    from dataclasses import replace

    from otop_desktop.services.forms.signatories import set_signatory

    officer = replace(world.mueang, display_name="นางสาววิไล บุญมา", position="นักวิชาการพัฒนาชุมชน")

    def printed_by(user) -> str:
        with world.database.unit_of_work() as uow:
            form = jt2_form(uow=uow, user=user, district_code="3401", fiscal_year=2569, month=8)
        return pdf_text(render_jt2(form, tmp_path / "jt2.pdf"))

    text = printed_by(officer)
    assert "(นางสาววิไล บุญมา)" in text and "นักวิชาการพัฒนาชุมชน" in text
    assert "นางสมศรี ใจดี" not in printed_by(world.province)  # the province printing a district's form prepared nothing
    with world.database.unit_of_work() as uow:
        set_signatory(uow=uow, user=world.mueang, area_code="3401", duty="prepares", name="นายสมหมาย จัดทำ", position="")
    assert "(นายสมหมาย จัดทำ)" in printed_by(officer) and "วิไล" not in printed_by(officer)  # the one set wins


def test_a_long_position_wraps_within_its_signature_block(world, tmp_path):
    """A position as long as an acting governor's wraps onto lines of its own block (it ran across the other two
    blocks); the page keeps room for the extra lines."""
    from otop_desktop.services.forms import thai_pdf
    from otop_desktop.services.forms.jt2_pdf import closing_height, form_layout
    from otop_desktop.services.forms.signatories import set_signatory

    position = (
        "พัฒนาการจังหวัดอุบลราชธานี ปฏิบัติราชการแทนผู้ว่าราชการจังหวัดอุบลราชธานี "
        "ประธานคณะทำงานขับเคลื่อนโครงการหนึ่งตำบลหนึ่งผลิตภัณฑ์ระดับจังหวัด"
    )
    form = form_of(world)
    layout = form_layout(form, True)
    short = closing_height(form, layout)
    with world.database.unit_of_work() as uow:
        set_signatory(
            uow=uow, user=world.province, area_code="3401", duty="certifies", name="นายยาว ตำแหน่ง", position=position
        )
    form = form_of(world)
    assert closing_height(form, layout) > short
    lines = [line.strip() for line in pdf_text(render_jt2(form, tmp_path / "long.pdf"), "-raw").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("พัฒนาการจังหวัดอุบลราชธานี"))
    wrapped = lines[start : next(i for i in range(start, len(lines)) if lines[i].startswith("วันที่"))]
    assert len(wrapped) > 1
    assert "".join(wrapped).replace(" ", "") == position.replace(" ", "")
    room = (layout.right - layout.left) / 3 - 12
    assert all(thai_pdf.width(line, thai_pdf.REGULAR, 12) <= room for line in wrapped)


def test_signatories_fill_the_signature_blocks_and_are_audited(world, tmp_path, monkeypatch, capsys):
    from otop_desktop.cli import main
    from otop_desktop.core.errors import PermissionDenied
    from otop_desktop.services.audit import list_audit
    from otop_desktop.services.forms.signatories import set_signatory
    from tests.conftest import PASSWORD

    with world.database.unit_of_work() as uow:
        set_signatory(
            uow=uow,
            user=world.mueang,
            area_code="3401",
            duty="prepares",
            name="นางสาวมาลี ใจงาม",
            position="นักวิชาการพัฒนาชุมชนชำนาญการ",
        )
        set_signatory(uow=uow, user=world.province, area_code="3401", duty="signs", name="นายสมชาย รักดี", position="")
        with pytest.raises(PermissionDenied):
            set_signatory(uow=uow, user=world.warin, area_code="3401", duty="signs", name="x", position="")
    text = pdf_text(render_jt2(form_of(world), tmp_path / "signed.pdf"))
    assert "(นางสาวมาลี ใจงาม)" in text and "นักวิชาการพัฒนาชุมชนชำนาญการ" in text
    assert "(นายสมชาย รักดี)" in text and "พัฒนาการอำเภอเมืองอุบลราชธานี" in text  # no position set: the default
    assert "ประธาน นตผ.อำเภอเมืองอุบลราชธานี" in text  # the certifier is not set: dotted line and default position
    with world.database.unit_of_work() as uow:
        audited = [e for e in list_audit(uow=uow, entity="signatory")]
    assert len(audited) == 2 and audited[-1].new_value == "นางสาวมาลี ใจงาม / นักวิชาการพัฒนาชุมชนชำนาญการ"
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    assert (
        main(
            [
                *location(world.database),
                "signatories",
                "set",
                "--user",
                "mueang",
                "--duty",
                "certifies",
                "--name",
                "นายประธาน เครือข่าย",
                "--position",
                "ประธาน นตผ.อำเภอเมืองอุบลราชธานี",
            ]
        )
        == 0
    )
    assert "ผู้รับรอง (--duty certifies)\tนายประธาน เครือข่าย" in capsys.readouterr().out


def test_a_quarter_shows_each_months_total_and_the_quarters(world, tmp_path, monkeypatch, capsys):
    from otop_desktop.cli import main
    from tests.conftest import PASSWORD

    with world.database.unit_of_work() as uow:
        form = jt2_form(uow=uow, user=world.mueang, district_code="3401", fiscal_year=2569, quarter=4)  # Jul-Sep
    assert form.months == (7, 8, 9) and form.quarter == 4
    silk = next(line for tambon in form.tambons for line in tambon.lines if line.name == "กลุ่มทอผ้าไหมบ้านในเมือง")
    assert silk.amounts == (1_200_000, 1_200_000, None) and silk.total == 2_400_000  # September not listed yet
    assert form.total == 2 * (1_200_000 + 600_050 + 10_000)
    assert {(f.entrepreneur_id, f.month) for f in form.figures} == {
        (i, m) for i in (world.ids["ไหม"], world.ids["ข้าว"], world.ids["ปิด"]) for m in (7, 8)
    }
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    data = [*location(world.database)]
    quarter = [
        *data,
        "print",
        "jt2",
        "--user",
        "mueang",
        "--year",
        "2569",
        "--quarter",
        "4",
        "--out",
        str(tmp_path / "q.pdf"),
    ]
    assert main(quarter) == 2 and not (tmp_path / "q.pdf").exists()  # September has no figures yet: asked first
    assert "กันยายน 2569: กรอกแล้ว 0 จาก 2 ราย" in capsys.readouterr().err
    assert main([*quarter, "--incomplete-ok"]) == 0
    code = capsys.readouterr().out.splitlines()[-1]
    text = pdf_text(tmp_path / "q.pdf", "-raw")
    assert (
        "กรอกแล้ว กรกฎาคม ๒๕๖๙: ๓ จาก ๓ ราย · สิงหาคม ๒๕๖๙: ๓ จาก ๓ ราย · กันยายน ๒๕๖๙: ๐ จาก ๒ ราย (ยังไม่ครบ)"
        in " ".join(text.split())
    )  # month by month, on the paper the officer signs
    assert "ประจำไตรมาสที่ ๔ ปีงบประมาณ ๒๕๖๙ (กรกฎาคม ๒๕๖๙ - กันยายน ๒๕๖๙)" in text and "รวมไตรมาส" in text
    assert format_baht(form.total) in text.translate(ARABIC) and baht_text(form.total) in text
    save(world.database, world.mueang, 2569, 7, {world.ids["ข้าว"]: (500_051, 0, 100_000, None)})  # July changed
    assert main([*data, "verify", code, "--user", "mueang"]) == 1
    assert "กลุ่มแม่บ้านข้าวหอมมะลิ กรกฎาคม 2569" in capsys.readouterr().out


def test_a_province_print_that_fails_half_way_records_no_district_and_writes_no_file(world, tmp_path, monkeypatch):
    """Its districts' prints are recorded together: a server that stops answering at the second district's record
    had left the first's (the roadmap said printed, with no paper) beside a message that nothing was saved."""
    from otop_desktop.core.errors import ServerNotAnswering
    from otop_desktop.services.forms import jt2
    from tests.engines import rows

    recorded = jt2.record_print

    def second_fails(**kwargs):
        if kwargs["area_code"] == "3415":
            raise ServerNotAnswering(60, False)
        return recorded(**kwargs)

    monkeypatch.setattr(jt2, "record_print", second_fails)
    with world.database.unit_of_work() as uow, pytest.raises(ServerNotAnswering):
        jt2.print_province_jt2(uow=uow, user=world.province, fiscal_year=2569, month=8, path=tmp_path / "all.pdf")
    assert rows(world.database, "SELECT code FROM print_record") == [] and not list(tmp_path.glob("*.pdf*"))


def test_a_whole_province_month_in_one_pdf(world, tmp_path):
    from otop_desktop.core.errors import PermissionDenied
    from otop_desktop.services.forms.jt2 import print_province_jt2

    steps = []
    with world.database.unit_of_work() as uow:
        printed = print_province_jt2(
            uow=uow,
            user=world.province,
            fiscal_year=2569,
            month=8,
            path=tmp_path / "all.pdf",
            progress=lambda done, total: steps.append((done, total)),
        )
    assert set(printed.codes) == {"3401", "3415"} and len(printed.skipped) == 23 and steps[-1] == (25, 26)
    text = pdf_text(printed.path)
    assert "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี" in text and "สำนักงานพัฒนาชุมชนอำเภอวารินชำราบ" in text
    # after the districts' forms, the province's pages: each district's total and the province's, in words too
    whole = " ".join(pdf_text(printed.path, "-raw").split()).translate(ARABIC)
    last = whole[whole.index("สรุปรวมทั้งจังหวัด สรุปยอดจำหน่าย") :]
    assert last.startswith("สรุปรวมทั้งจังหวัด สรุปยอดจำหน่ายผลิตภัณฑ์ OTOP จากแบบ จต.2 ของทุกอำเภอ"), last[:80]
    mueang, warin = 1_200_000 + 600_050 + 10_000, 300_001  # August in the world, as the two forms print it
    assert f"อำเภอเมืองอุบลราชธานี 3/3 {format_baht(1_000_000 + 500_050 + 10_000)}" in last  # entered/expected
    assert f"อำเภอวารินชำราบ 1/1 {format_baht(300_000)}" in last and format_baht(warin) in last
    assert "อำเภอศรีเมืองใหม่ 0/0 - - - - -" in last  # every district listed, one with nothing to print too
    assert f"รวมทั้งจังหวัดอุบลราชธานี 4/4 {format_baht(1_000_000 + 500_050 + 10_000 + 300_000)}" in last
    assert format_baht(mueang + warin) in last and baht_text(mueang + warin) in last
    assert "รวมจากแบบ จต.2 ของ 2 อำเภอในไฟล์นี้" in last and "ไม่ใช่แบบที่ต้องลงนามรับรอง" in last
    assert "อำเภอที่ยังไม่มีรายชื่อของช่วงนี้จึงไม่มีแบบ: ศรีเมืองใหม่" in last
    assert "ลงชื่อ" not in last and "รหัสตรวจสอบ" not in last
    with world.database.unit_of_work() as uow, pytest.raises(PermissionDenied):
        print_province_jt2(uow=uow, user=world.mueang, fiscal_year=2569, month=8, path=tmp_path / "no.pdf")
    with world.database.unit_of_work() as uow:
        from otop_desktop.core.errors import InvalidInput

        with pytest.raises(InvalidInput, match="ยกเลิก"):
            print_province_jt2(
                uow=uow, user=world.province, fiscal_year=2569, month=8, path=tmp_path / "c.pdf", cancelled=lambda: True
            )
    assert not (tmp_path / "c.pdf").exists() and not (tmp_path / "no.pdf").exists()


def test_the_collection_sheet_lists_the_month_with_last_months_figures(world, tmp_path, monkeypatch, capsys):
    from otop_desktop.cli import main
    from tests.conftest import PASSWORD

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    args = [*location(world.database), "print", "jt1", "--user", "mueang", "--year", "2569", "--month", "9"]
    assert main([*args, "--out", str(tmp_path / "jt1.pdf")]) == 0  # September not synced: Sync's list
    text = pdf_text(tmp_path / "jt1.pdf")
    assert "แบบ จต.๑" in text and "แบบจัดเก็บข้อมูลการจำหน่ายผลิตภัณฑ์ OTOP" in text and "ประจำเดือนกันยายน ๒๕๖๙" in text
    assert "กลุ่มทอผ้าไหมบ้านในเมือง" in text and "กลุ่มแม่บ้านข้าวหอมมะลิ" in text
    assert "กลุ่มที่เลิกกิจการแล้ว" not in text  # closed: not on Sync's list
    assert format_baht(1_000_000) in text.translate(ARABIC) and "สิงหาคม ๒๕๖๙" in text  # August for reference
    code = capsys.readouterr().out.splitlines()[-1]
    assert code in text  # its code covers the reference figures it prints
    assert main([*args, "--district", "3415", "--out", str(tmp_path / "other.pdf")]) == 2
    capsys.readouterr()
    # August also lists the closed group, which the sheet leaves out: not a change since printing
    assert main([*location(world.database), "verify", code, "--user", "mueang"]) == 0
    save(world.database, world.mueang, 2569, 8, {world.ids["ไหม"]: (1_000_005, 200_000, None, None)})
    capsys.readouterr()
    assert main([*location(world.database), "verify", code, "--user", "mueang"]) == 1
    assert "กลุ่มทอผ้าไหมบ้านในเมือง สิงหาคม 2569" in capsys.readouterr().out


def test_the_forecast_is_entered_derived_printed_and_exported(world, tmp_path, monkeypatch, capsys):
    from decimal import Decimal

    from openpyxl import load_workbook

    from otop_desktop.cli import main
    from otop_desktop.core.errors import PermissionDenied
    from otop_desktop.services.forms.forecast import load_forecast, save_forecast
    from tests.conftest import PASSWORD

    with world.database.unit_of_work() as uow:
        sheet = save_forecast(
            uow=uow,
            user=world.province,
            fiscal_year=2569,
            months={10: ((1_000_000_00, 20_000_00, None, 1), "เทศกาลออกพรรษา"), 8: ((2_000_000_00, 0, 0, None), "")},
        )
        with pytest.raises(PermissionDenied):
            save_forecast(uow=uow, user=world.mueang, fiscal_year=2569, months={10: ((1, 1, 1, 1), "")})
    october = sheet.rows[0]
    assert (october.label, october.total, october.remark) == ("ตุลาคม 2568", 1_020_000_01, "เทศกาลออกพรรษา")
    assert sheet.total == 3_020_000_01 and sheet.totals == (3_000_000_00, 20_000_00, 0, 1)
    august = next(row for row in sheet.rows if row.month == 8)
    assert august.actual == 1_200_000 + 600_050 + 10_000 + 300_001  # the province's actual sales beside it
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    data = [*location(world.database)]
    assert (
        main(
            [
                *data,
                "forecast",
                "set",
                "--user",
                "prov",
                "--year",
                "2569",
                "--month",
                "11",
                "500",
                "",
                "",
                "",
                "--remark",
                "ทดลอง",
            ]
        )
        == 0
    )
    assert "พฤศจิกายน 2568\t500.00\t-\t-\t-\t500.00" in capsys.readouterr().out
    assert main([*data, "print", "forecast", "--user", "prov", "--year", "2569", "--out", str(tmp_path / "f.pdf")]) == 0
    code = capsys.readouterr().out.splitlines()[-1]
    assert main([*data, "verify", code, "--user", "prov"]) == 0
    with world.database.unit_of_work() as uow:
        save_forecast(uow=uow, user=world.province, fiscal_year=2569, months={3: ((7, None, None, None), "")})
    capsys.readouterr()
    assert main([*data, "verify", code, "--user", "prov"]) == 1
    assert "ประมาณการ มีนาคม 2569: พิมพ์ - / - / - / - ตอนนี้ 0.07 / - / - / -" in capsys.readouterr().out
    text = pdf_text(tmp_path / "f.pdf")
    assert code in text
    assert "แบบประมาณการรายได้จากการจำหน่ายผลิตภัณฑ์ OTOP" in text and "ผู้รายงาน" in text
    assert "เทศกาลออกพรรษา" in text.replace("\n", "")  # the remark, perhaps over two lines of its narrow column
    assert "๓,๐๒๐,๕๐๐.๐๑" in text and "พัฒนาการจังหวัดอุบลราชธานี" in text
    assert (
        main([*data, "print", "forecast", "--user", "prov", "--year", "2569", "--out", str(tmp_path / "f.xlsx")]) == 0
    )
    sheet_xlsx = load_workbook(tmp_path / "f.xlsx").active
    cell = lambda r, c: (lambda v: Decimal(str(v)) if isinstance(v, (int, float)) else v)(sheet_xlsx.cell(r, c).value)  # noqa: E731
    rows = {sheet_xlsx.cell(r, 1).value: [cell(r, c) for c in range(2, 8)] for r in range(8, 21)}
    assert rows["ตุลาคม 2568"] == [
        Decimal("1000000"),
        Decimal("20000"),
        None,
        Decimal("0.01"),
        Decimal("1020000.01"),
        "เทศกาลออกพรรษา",
    ]
    assert rows["รวมทั้งสิ้น"][4] == Decimal("3020500.08")  # March, 0.07, was added after the PDF
    with world.database.unit_of_work() as uow:
        assert load_forecast(uow=uow, user=world.admin, fiscal_year=2569).editable
        with pytest.raises(PermissionDenied):  # the province's forecast, not a district's to read
            load_forecast(uow=uow, user=world.mueang, fiscal_year=2569)


def test_an_unwritable_place_is_refused_in_thai_and_records_nothing(world, tmp_path, monkeypatch, capsys):

    from otop_desktop.cli import main
    from tests.conftest import PASSWORD

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    data = [*location(world.database)]
    for form in (["jt2", "--month", "8"], ["jt1", "--month", "9"]):
        assert (
            main(
                [
                    *data,
                    "print",
                    *form[:1],
                    "--user",
                    "mueang",
                    "--year",
                    "2569",
                    *form[1:],
                    "--out",
                    str(tmp_path / "no-such-folder" / "x.pdf"),
                ]
            )
            == 2
        )
        error = capsys.readouterr().err
        assert "บันทึกไฟล์ x.pdf ไม่ได้" in error and "Traceback" not in error
    assert (
        main(
            [
                *data,
                "print",
                "forecast",
                "--user",
                "prov",
                "--year",
                "2569",
                "--out",
                str(tmp_path / "no-such-folder" / "f.xlsx"),
            ]
        )
        == 2
    )
    with connect(world.database) as con:
        assert con.execute("SELECT count(*) FROM print_record").fetchone() == (0,)
    assert not list(tmp_path.rglob("*.part*"))


def test_forecast_set_says_what_four_blanks_cleared_and_refuses_a_year_too_far(world, monkeypatch, capsys):
    from datetime import date

    from otop_desktop.cli import main
    from otop_desktop.core.errors import InvalidInput
    from otop_desktop.services.forms.forecast import save_forecast
    from tests.conftest import PASSWORD

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    base = [*location(world.database), "forecast", "set", "--user", "prov", "--year", "2569", "--month", "11"]
    assert main([*base, "500", "25", "", ""]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "บันทึกประมาณการของเดือนพฤศจิกายน 2568 แล้ว: รวม 525.00 บาท"
    assert main([*base, "", "", "", ""]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "ล้างประมาณการของเดือนพฤศจิกายน 2568 แล้ว (เดิมรวม 525.00 บาท)"
    assert "พฤศจิกายน 2568\t-\t-\t-\t-\t-\t" in out  # nothing forecast: no total either
    assert main([*base, "", "", "", ""]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "เดือนพฤศจิกายน 2568 ไม่มีประมาณการอยู่แล้ว"
    with world.database.unit_of_work() as uow:  # next year's forecast may be made ahead; none further
        save_forecast(
            uow=uow, user=world.province, fiscal_year=2571, months={10: ((1, 2, 3, 4), "")}, today=date(2026, 12, 5)
        )
        with pytest.raises(InvalidInput, match="ปีงบประมาณ 2600 ไกลเกินไป: ประมาณการได้ถึงปีงบประมาณ 2571"):
            save_forecast(
                uow=uow, user=world.province, fiscal_year=2600, months={10: ((1, 2, 3, 4), "")}, today=date(2026, 12, 5)
            )


def test_the_department_is_told_the_forecast_is_a_provinces_form(world, tmp_path):
    """The department's forecast printed "จังหวัดกรมการพัฒนาชุมชน (ทั้งประเทศ)" over twelve blank months and signed
    by a "พัฒนาการจังหวัดกรมการพัฒนาชุมชน": the form is a province's, and the department is told so."""
    from otop_desktop.core.errors import InvalidInput
    from otop_desktop.core.users import NATIONAL, UserInfo
    from otop_desktop.services.forms.forecast import load_forecast, print_forecast

    department = UserInfo("dept", "department", NATIONAL, "", "")
    for service, options in ((load_forecast, {}), (print_forecast, {"path": tmp_path / "f.pdf"})):
        with world.database.unit_of_work() as uow, pytest.raises(InvalidInput, match="แบบประมาณการรายได้เป็นแบบของจังหวัด"):
            service(uow=uow, user=department, fiscal_year=2569, **options)
    assert not (tmp_path / "f.pdf").exists()
