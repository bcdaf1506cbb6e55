"""A district's prints travel in its file: the district prints จต.๒ on its own database, exports its file, the
province imports it, and from then on the province names the district's print by its code (`verify`, the
signed-copy register) and says whether the figures still hold; an import undone takes its print records
with it. A print record part is hostile input like the others: another district's, a malformed code, an
oversized or tampered part refuses the whole file and changes nothing. A file without the part (the
previous format) still imports. Every test runs on SQLite and PostgreSQL."""

import io
import json
import zipfile

import pytest

from otop_desktop.cli import main
from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.evidence.intake import Outcome, take_in_scans
from otop_desktop.services.exchange import batch, fileformat, keys, merge, undo
from otop_desktop.services.exchange.fileformat import MAX_ROWS, BadFile, write_file
from otop_desktop.services.forms.jt1 import print_jt1
from otop_desktop.services.forms.jt2 import print_jt2
from otop_desktop.services.forms.verify import check_letter, shown_code, verify
from otop_desktop.services.office import Office
from tests.conftest import PASSWORD, add_entrepreneur, save
from tests.engines import connect, location
from tests.exchange_helpers import export, sales_dump
from tests.integration.test_exchange import offices  # noqa: F401 - the fixture
from tests.scans import scan_to_jpeg

YEAR = 2569


def district_print(district, user, path, month=8):
    """The district prints its จต.๒ of the month on its own database."""
    with district.unit_of_work() as uow:
        return print_jt2(uow=uow, user=user, district_code="3401", fiscal_year=YEAR, month=month, path=path)


def take(world, data: bytes, name="3401.otop") -> int:
    with world.database.unit_of_work() as uow:
        found = merge.preview(uow=uow, user=world.province, data=data, file_name=name)
        return merge.apply(uow=uow, user=world.province, preview_=found)


def refused(world, data: bytes) -> str:
    with pytest.raises(BadFile) as refusal, world.database.unit_of_work() as uow:
        merge.preview(uow=uow, user=world.province, data=data, file_name="bad.otop")
    return refusal.value.message


def verified(world, code: str):
    with world.database.unit_of_work() as uow:
        return verify(uow=uow, user=world.province, code=code)


def prints_here(world) -> list[tuple]:
    with connect(world.database) as con:
        return con.execute("SELECT code, printed_by, import_id FROM print_record ORDER BY id").fetchall()


def format_version(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return json.loads(archive.read("manifest.json"))["format_version"]


def test_the_province_names_a_district_print_and_says_when_its_figures_change(offices, tmp_path):
    world, district, folder = offices
    form = district_print(district, world.mueang, tmp_path / "district.pdf")
    assert not verified(world, form.code).found  # printed at the district: unknown here before its file comes
    data = export(district, world.mueang, folder / "3401.otop", months=[8])
    assert format_version(data) == 2
    ledger_id = take(world, data)

    held = verified(world, shown_code(form.code).lower())
    assert held.found and held.matches and held.printed_by == "mueang" and held.form_name == "จต.๒"
    assert (held.area_code, held.period) == ("3401", "สิงหาคม 2569")
    assert held.area_name == "อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี"
    assert "3401.otop" in held.received
    assert prints_here(world)[-1] == (form.code, "mueang", ledger_id)
    with world.database.unit_of_work() as uow:  # the province prints the same figures: each names the other
        own = print_jt2(
            uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=8, path=tmp_path / "p.pdf"
        )
    assert [o.code for o in verified(world, form.code).others] == [own.code]
    assert [(o.code, o.printed_by) for o in verified(world, own.code).others] == [(form.code, "mueang")]

    save(world.database, world.province, YEAR, 8, {world.ids["ไหม"]: (1_000_001, 200_000, None, None)})
    changed = verified(world, form.code)
    assert not changed.matches
    assert [(d.printed, d.current) for d in changed.differences] == [
        ((1_000_000, 200_000, None, None), (1_000_001, 200_000, None, None))
    ]


def test_verify_on_the_command_line_at_the_province_names_the_districts_print(offices, tmp_path, monkeypatch, capsys):
    world, district, folder = offices
    form = district_print(district, world.mueang, tmp_path / "district.pdf")
    export(district, world.mueang, folder / "3401.otop", months=[8])
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    assert main([*location(world.database), "import", str(folder / "3401.otop"), "--user", "prov"]) == 0
    assert "บันทึกการพิมพ์แบบของอำเภอ 1 ฉบับ" in capsys.readouterr().out
    assert main([*location(world.database), "verify", shown_code(form.code), "--user", "prov"]) == 0
    out = capsys.readouterr().out
    assert "แบบ จต.๒ อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี สิงหาคม 2569 พิมพ์โดย mueang" in out
    assert "มากับไฟล์ข้อมูลอำเภอ 3401.otop" in out and "ตรงกับข้อมูลในฐานข้อมูลทุกรายการ" in out


def test_a_scan_of_a_district_printed_page_goes_into_the_register(offices, tmp_path):
    world, district, folder = offices
    form = district_print(district, world.mueang, tmp_path / "district.pdf")
    photo = scan_to_jpeg(form.path, tmp_path / "signed.jpg")
    office = Office(world.database, world.province)
    (before,) = office.query(take_in_scans, paths=[photo]).pages
    assert before.outcome is Outcome.REFUSED and "ยังไม่ได้รับไฟล์ข้อมูลของอำเภอที่พิมพ์แบบนี้" in before.reason

    take(world, export(district, world.mueang, folder / "3401.otop", months=[8]))
    (page,) = office.query(take_in_scans, paths=[photo]).pages
    assert page.outcome is Outcome.RECORDED and page.code == form.code
    assert (page.form_name, page.area_code, page.period, page.printed_by) == ("จต.๒", "3401", "สิงหาคม 2569", "mueang")
    assert page.matches

    # The signed copy is on file: undoing the import that brought its print record is refused, nothing changes.
    with pytest.raises(InvalidInput, match="ทะเบียนสำเนาที่ลงนาม"):
        undo.undo_last_import(world.database, world.province)
    assert verified(world, form.code).found


def test_a_jt1_printed_at_the_district_for_october_verifies_at_the_province(offices, tmp_path):
    world, district, folder = offices
    with district.unit_of_work() as uow:  # October's sheet prints September of the fiscal year before
        sheet = print_jt1(
            uow=uow, user=world.mueang, district_code="3401", fiscal_year=YEAR, month=10, path=tmp_path / "a.pdf"
        )
    take(world, export(district, world.mueang, folder / "3401.otop", months=[10]))
    held = verified(world, sheet.code)
    assert held.found and held.form_name == "จต.๑" and held.period == "ตุลาคม 2568" and held.printed_by == "mueang"


def test_entrepreneurs_are_named_by_uid_not_by_the_districts_local_ids(offices, tmp_path):
    world, district, folder = offices
    # Each office adds a group of its own: the same local id names different people in the two databases.
    here = add_entrepreneur(world.database, world.province, "กลุ่มของจังหวัด", "341501")
    there = add_entrepreneur(district, world.province, "กลุ่มจักสานของอำเภอ", "340101")
    assert here == there
    save(district, world.mueang, YEAR, 8, {there: (7_000, None, None, None)})
    form = district_print(district, world.mueang, tmp_path / "district.pdf")
    take(world, export(district, world.mueang, folder / "3401.otop", months=[8]))
    held = verified(world, form.code)
    assert held.found and held.matches, [d.describe() for d in held.differences]
    with connect(world.database) as con:
        (figures,) = con.execute("SELECT figures FROM print_record WHERE code = ?", (form.code,)).fetchone()
        (basket,) = con.execute("SELECT id FROM entrepreneur WHERE name = 'กลุ่มจักสานของอำเภอ'").fetchone()
    assert [row[0] for row in json.loads(figures) if row[1] == "กลุ่มจักสานของอำเภอ"] == [basket] != [there]


def test_an_import_undone_takes_its_print_records_and_the_same_prints_again_are_kept_once(offices, tmp_path):
    world, district, folder = offices
    form = district_print(district, world.mueang, tmp_path / "district.pdf")
    take(world, export(district, world.mueang, folder / "first.otop", months=[8]))
    take(world, export(district, world.mueang, folder / "again.otop", months=[7, 8]))
    assert [row[0] for row in prints_here(world)].count(form.code) == 1  # the second file brought it again

    undo.undo_last_import(world.database, world.province)  # the second file added no print record
    assert verified(world, form.code).found
    undo.undo_last_import(world.database, world.province)
    assert not verified(world, form.code).found and form.code not in [row[0] for row in prints_here(world)]


def test_a_file_without_print_records_is_still_the_previous_format_and_imports(offices):
    world, district, folder = offices
    save(district, world.mueang, YEAR, 8, {world.ids["ไหม"]: (1_000_002, 200_000, None, None)})
    data = export(district, world.mueang, folder / "3401.otop", months=[8])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "prints.json" not in archive.namelist()
    assert format_version(data) == 1
    take(world, data)
    assert (1_000_002, 200_000) in {row[3:5] for row in sales_dump(world.database)}


# --- hostile files -----------------------------------------------------------------------------------------------
def resigned(district, data: bytes, prints=None, counts=None, version=None) -> bytes:
    """The file again with its print records changed, signed with the district's registered key."""
    opened = fileformat.open_file(data)
    header = json.loads(opened.signed)
    for field in ("parts", "signer_public_key", "format_version"):
        header.pop(field)
    parts = dict(opened.parts)
    if prints:
        parts["prints.json"] = prints(json.loads(json.dumps(parts["prints.json"])))
        header["row_counts"]["prints.json"] = sum(1 + len(row[-1]) for row in parts["prints.json"])
    if counts:
        counts(header["row_counts"])
    with district.unit_of_work() as uow:
        public_key, sign = keys.signer(uow=uow)
    return write_file(header, parts, public_key, sign)


def first_print(change):
    def changed(rows):
        change(rows[0])
        return rows

    return changed


def at(index, value):
    return first_print(lambda row: row.__setitem__(index, value))


def tampered(data: bytes) -> bytes:
    """The file's print record part edited after signing (another printer named), nothing re-signed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "prints.json":
                assert b'"mueang"' in content
                content = content.replace(b'"mueang"', b'"warin"', 1)
            target.writestr(name, content)
    return buffer.getvalue()


def padded(rows):
    """The first print with a hundred more printed rows than its count will say."""
    uid = rows[0][10][0][0]
    rows[0][10] += [[uid, "กลุ่ม" * 30, 8, 1, 2, 3, 4] for _ in range(100)]
    return rows


def lying(row):
    row[10][0][3] += 1  # the printed amount differs from what the province's copy of that print says


HOSTILE = {
    "another district's print": (lambda d, good: resigned(d, good, at(2, "3415")), "พื้นที่อื่น (3415)"),
    "a malformed code": (lambda d, good: resigned(d, good, at(0, "ABCD-EFGH-JKL")), "รหัสตรวจสอบเอกสารผิดรูปแบบ"),
    "a code with a wrong check letter": (
        lambda d, good: resigned(d, good, at(0, "ABCDEFGHJKL" + ("A" if check_letter("ABCDEFGHJKL") != "A" else "B"))),
        "รหัสตรวจสอบเอกสารผิดรูปแบบ",
    ),
    "an unknown form": (lambda d, good: resigned(d, good, at(1, "forecast")), "แบบที่ไม่รู้จัก"),
    "a month that cannot exist": (lambda d, good: resigned(d, good, at(4, [13])), "เดือนต้องเป็นตัวเลข 1 ถึง 12"),
    "a control character in the printer's name": (
        lambda d, good: resigned(d, good, at(8, "mue\u202eang")),
        "อักขระควบคุม",
    ),
    "a negative printed amount": (
        lambda d, good: resigned(d, good, first_print(lambda row: row[10][0].__setitem__(3, -5))),
        "จำนวนเงินที่พิมพ์ไม่ถูกต้อง",
    ),
    "a print of a month the file does not carry": (lambda d, good: resigned(d, good, at(4, [9])), "ไม่อยู่ในไฟล์"),
    "a print made after the file": (
        lambda d, good: resigned(d, good, at(9, "2099-01-01T00:00:00.000000")),
        "หลังเวลาที่ทำไฟล์",
    ),
    "a printed entrepreneur the file does not list": (
        lambda d, good: resigned(d, good, first_print(lambda row: row[10][0].__setitem__(0, "f" * 32))),
        "ไม่อยู่ในรายชื่อผู้ประกอบการของไฟล์",
    ),
    "the same code twice": (lambda d, good: resigned(d, good, lambda rows: rows + rows[:1]), "ซ้ำกับแถวก่อนหน้า"),
    "a part larger than its stated rows": (
        lambda d, good: resigned(d, good, padded, counts=lambda counts: counts.update({"prints.json": 1})),
        "ใหญ่เกินกว่าจำนวนแถวที่ระบุ",
    ),
    "more rows than a file may hold": (
        lambda d, good: resigned(d, good, counts=lambda counts: counts.update({"prints.json": 10_000_000})),
        "ไฟล์ระบุบันทึกการพิมพ์เกินกว่าที่รับได้",
    ),
    "a part edited after signing": (lambda d, good: tampered(good), "ลายนิ้วมือไฟล์"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_print_record_part_refuses_the_whole_file_and_changes_nothing(offices, tmp_path, case):
    world, district, folder = offices
    save(district, world.mueang, YEAR, 8, {world.ids["ไหม"]: (1_000_003, 200_000, None, None)})
    district_print(district, world.mueang, tmp_path / "district.pdf")
    good = export(district, world.mueang, folder / "3401.otop", months=[8])
    spoil, words = HOSTILE[case]
    sales, prints = sales_dump(world.database), prints_here(world)
    message = refused(world, spoil(district, good))
    assert words in message, message
    outcome = batch.import_files(world.database, world.province, [_written(folder, spoil(district, good))])
    assert [o.status for o in outcome] == ["refused"]
    assert sales_dump(world.database) == sales and prints_here(world) == prints


def _written(folder, data: bytes):
    path = folder / "spoiled.otop"
    path.write_bytes(data)
    return path


def test_a_code_the_province_holds_for_another_print_refuses_the_file(offices, tmp_path):
    world, district, folder = offices
    district_print(district, world.mueang, tmp_path / "district.pdf")
    good = export(district, world.mueang, folder / "3401.otop", months=[8])
    take(world, good, name="first.otop")
    prints = prints_here(world)
    message = refused(world, resigned(district, good, first_print(lying)))
    assert "มีอยู่แล้วในฐานข้อมูลนี้แต่เป็นการพิมพ์อื่น" in message
    assert prints_here(world) == prints


def test_a_previous_format_file_may_not_carry_the_new_part(offices, tmp_path):
    world, district, folder = offices
    district_print(district, world.mueang, tmp_path / "district.pdf")
    good = export(district, world.mueang, folder / "3401.otop", months=[8])
    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "manifest.json":
                content = content.replace(b'"format_version": 2', b'"format_version": 1')
            target.writestr(name, content)
    assert "ไม่ตรงกับส่วนหัว" in refused(world, buffer.getvalue())


def test_a_file_carries_only_the_prints_of_its_months_and_says_when_they_are_too_many(offices, tmp_path, monkeypatch):
    world, district, folder = offices
    july = district_print(district, world.mueang, tmp_path / "july.pdf", month=7)
    august = district_print(district, world.mueang, tmp_path / "august.pdf", month=8)
    data = export(district, world.mueang, folder / "3401.otop", months=[8])
    assert [row[0] for row in fileformat.open_file(data).parts["prints.json"]] == [august.code]
    take(world, data)
    assert verified(world, august.code).found and not verified(world, july.code).found

    monkeypatch.setitem(MAX_ROWS, "prints.json", 2)
    with pytest.raises(InvalidInput, match="แบบที่พิมพ์ในเดือนที่เลือกมีมากเกินกว่าที่ไฟล์เดียวรับได้"):
        export(district, world.mueang, folder / "again.otop", months=[8])
    # A list of entrepreneurs, or months of rows, larger than a file may hold is refused before any file is
    # written (a province of 25,717 entrepreneurs wrote one the receiving office refused, told to split it by
    # months, which cannot shrink a list), each said as what it is.
    monkeypatch.setitem(MAX_ROWS, "entrepreneurs.json", 2)
    with pytest.raises(InvalidInput, match="รายชื่อผู้ประกอบการ 3 ราย มากกว่าที่ไฟล์หนึ่งรับได้ \\(2 ราย\\)"):
        export(district, world.mueang, folder / "big.otop", months=[8])
    monkeypatch.setitem(MAX_ROWS, "entrepreneurs.json", 20_000)
    monkeypatch.setitem(MAX_ROWS, "sales.json", 2)
    with pytest.raises(InvalidInput, match="ยอดจำหน่าย .* แถว มากกว่าที่ไฟล์หนึ่งรับได้ \\(2 แถว\\).*ทีละช่วงเดือน"):
        export(district, world.mueang, folder / "big.otop", months=[7, 8])
    assert not (folder / "big.otop").exists()
