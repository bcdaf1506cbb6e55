"""District files: export, verify, preview cell by cell, merge, duplicates, older files, conflicts,
locked months, backups and undo, receipts, and the bad files of every kind."""

import io
import json
import zipfile

import pytest

from otop_desktop.core.errors import InvalidInput
from otop_desktop.services import locks
from otop_desktop.services.exchange import batch, fileformat, keys, merge, receipts, undo
from otop_desktop.services.exchange.export import export_file
from otop_desktop.services.exchange.fileformat import BadFile, write_file
from tests.conftest import save
from tests.engines import connect
from tests.exchange_helpers import (
    copy_database,
    department_with_province_file,
    district_office,
    export,
    register,
    sales_dump,
)


@pytest.fixture
def offices(world, tmp_path):
    """The province (world) and the Mueang district office with its own copy, keys registered both ways."""
    district = district_office(world, tmp_path / "mueang" / "otop.db")
    register(world.database, world.province, district, world.mueang, tmp_path)
    with world.database.unit_of_work() as uow:
        province_key = keys.write_key_file(uow=uow, user=world.province, path=tmp_path / "34.key")
    with district.unit_of_work() as uow:
        keys.register_key_file(uow=uow, user=world.mueang, path=province_key)
    # The figures the province holds came from this district's first file (else they count as typed here).
    baseline = export(district, world.mueang, tmp_path / "baseline.otop")
    with world.database.unit_of_work() as uow:
        merge.apply(
            uow=uow,
            user=world.province,
            preview_=merge.preview(uow=uow, user=world.province, data=baseline, file_name="baseline.otop"),
        )
    yield world, district, tmp_path
    district.close()


def preview(world, data, name="3401.otop"):
    with world.database.unit_of_work() as uow:
        return merge.preview(uow=uow, user=world.province, data=data, file_name=name)


def apply(world, data, take=frozenset()):
    with world.database.unit_of_work() as uow:
        result = merge.preview(uow=uow, user=world.province, data=data, file_name="f.otop")
        return merge.apply(uow=uow, user=world.province, preview_=result, take=take)


def test_preview_shows_old_and_new_cell_by_cell_and_changes_nothing(offices):
    world, district, folder = offices
    silk = world.ids["ไหม"]
    save(district, world.mueang, 2569, 8, {silk: (1_000_000, 250_000, None, None)})
    save(district, world.mueang, 2569, 9, {silk: (5, 5, 5, 5)})
    data = export(district, world.mueang, folder / "3401.otop")
    before = sales_dump(world.database)
    result = preview(world, data)
    assert result.counts == {"new": 1, "changed": 1, "unchanged": 32, "older": 0, "conflict": 0, "refused": 0}
    changed = next(row for row in result.rows if row.kind == "changed")
    assert (changed.month, changed.old, changed.new) == (
        8,
        (1_000_000, 200_000, None, None),
        (1_000_000, 250_000, None, None),
    )
    assert sales_dump(world.database) == before
    ledger_id = apply(world, data)
    with connect(world.database) as con:
        assert con.execute(
            "SELECT domestic_online, origin, import_id, updated_by FROM monthly_sale WHERE entrepreneur_id=? "
            "AND fiscal_year=2569 AND month=8",
            (silk,),
        ).fetchone() == (250_000, "3401", ledger_id, "mueang")


def test_a_save_clears_a_file_s_import_and_leaves_a_typed_row_typed(offices):
    """One save over a row a file wrote (Mueang's, from the baseline file) and one typed here (Warin's)."""
    world, _, _ = offices
    silk, warin = world.ids["ไหม"], world.ids["วาริน"]

    def rows():
        with connect(world.database) as con:
            found = con.execute(
                "SELECT entrepreneur_id, import_id, domestic_offline, export_online, revision, updated_by, origin"
                " FROM monthly_sale WHERE fiscal_year = 2569 AND month = 8 AND entrepreneur_id IN (?, ?)",
                (silk, warin),
            ).fetchall()
        return {row[0]: row[1:] for row in found}

    before = rows()
    assert before[silk][0] is not None and before[warin][0] is None
    save(world.database, world.province, 2569, 8, {silk: (1, 2, 3, 4), warin: (5, 6, 7, 8)})
    assert rows() == {
        silk: (None, 1, 4, before[silk][3] + 1, "prov", "34"),
        warin: (None, 5, 8, before[warin][3] + 1, "prov", "34"),
    }


def test_the_same_file_twice_changes_nothing_and_says_so(offices):
    world, district, folder = offices
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (7, 7, 7, 7)})
    path = folder / "3401.otop"
    export(district, world.mueang, path)
    first = batch.import_files(world.database, world.province, [path])
    after_first = sales_dump(world.database)
    second = batch.import_files(world.database, world.province, [path])
    assert first[0].status == "applied" and second[0].status == "already"
    assert second[0].message.startswith("ไฟล์นี้นำเข้าแล้วเมื่อ") and sales_dump(world.database) == after_first


def test_an_older_file_after_a_newer_one_never_overwrites(offices):
    world, district, folder = offices
    silk = world.ids["ไหม"]
    save(district, world.mueang, 2569, 8, {silk: (1, 1, 1, 1)})
    old = export(district, world.mueang, folder / "old.otop")
    save(district, world.mueang, 2569, 8, {silk: (2, 2, 2, 2)})
    new = export(district, world.mueang, folder / "new.otop")
    apply(world, new)
    result = preview(world, old)
    assert result.counts["older"] == 1 and result.counts["changed"] == 0
    apply(world, old)
    with connect(world.database) as con:
        assert con.execute(
            "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id=? AND month=8 AND fiscal_year=2569",
            (silk,),
        ).fetchone() == (2,)


def test_a_province_correction_and_a_district_change_conflict(offices):
    world, district, folder = offices
    silk = world.ids["ไหม"]
    save(world.database, world.province, 2569, 8, {silk: (111, 0, None, None)})  # the province corrects
    save(district, world.mueang, 2569, 8, {silk: (222, 0, None, None)})  # the district changes it too
    data = export(district, world.mueang, folder / "3401.otop")
    result = preview(world, data)
    assert [(row.kind, row.old[0], row.new[0]) for row in result.conflicts] == [("conflict", 111, 222)]
    apply(world, data)  # the officer keeps the province's figure
    with connect(world.database) as con:
        query = "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id=? AND month=8 AND fiscal_year=2569"
        assert con.execute(query, (silk,)).fetchone() == (111,)
    save(district, world.mueang, 2569, 8, {silk: (333, 0, None, None)})
    newer = export(district, world.mueang, folder / "newer.otop")
    again = preview(world, newer)
    assert [row.kind for row in again.conflicts] == ["conflict"]
    apply(world, newer, take={again.conflicts[0].key})  # this time the district's figure is taken
    with connect(world.database) as con:
        assert con.execute(query, (silk,)).fetchone() == (333,)


def test_rows_of_a_locked_month_are_refused_and_the_rest_merges(offices):
    world, district, folder = offices
    silk = world.ids["ไหม"]
    save(district, world.mueang, 2569, 7, {silk: (71, 0, None, None)})
    save(district, world.mueang, 2569, 8, {silk: (81, 0, None, None)})
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    data = export(district, world.mueang, folder / "3401.otop")
    result = preview(world, data)
    refused = [row for row in result.rows if row.kind == "refused"]
    # Only the figure that differs is refused; the locked month's other rows are already here as they are.
    assert all("ถูกล็อก" in row.reason for row in refused)
    assert "จึงไม่รับยอดของเดือนนี้จากไฟล์ (แถวเดือนอื่นรับตามปกติ)" in refused[0].reason  # not 'nothing saved'
    assert len(refused) == 1 and refused[0].month == 8 and refused[0].name == "กลุ่มทอผ้าไหมบ้านในเมือง"
    apply(world, data)
    with connect(world.database) as con:
        rows = dict(
            con.execute(
                "SELECT month, domestic_offline FROM monthly_sale WHERE entrepreneur_id=? AND fiscal_year=2569", (silk,)
            ).fetchall()
        )
    assert rows[7] == 71 and rows[8] == 1_000_000


def test_import_is_backed_up_and_the_last_batch_can_be_undone(offices):
    world, district, folder = offices
    before = sales_dump(world.database)
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (9, 9, 9, 9)})
    path = folder / "3401.otop"
    export(district, world.mueang, path)
    outcome = batch.import_files(world.database, world.province, [path])
    assert outcome[0].status == "applied" and sales_dump(world.database) != before
    if not world.database.on_server:  # a local file is also copied first, for the office's peace of mind
        assert list((world.path.parent / "backups").glob("*.db"))
    message = undo.undo_last_import(world.database, world.province)
    assert message == "ยกเลิกการนำเข้าไฟล์ 3401.otop แล้ว ข้อมูลกลับเป็นเหมือนก่อนนำเข้า" and sales_dump(world.database) == before
    with world.database.unit_of_work() as uow:
        assert [entry.outcome for entry in batch.list_ledger(uow=uow)][:1] == ["undone"]
    batch.import_files(world.database, world.province, [path])
    save(world.database, world.province, 2569, 8, {world.ids["ไหม"]: (1, 1, 1, 1)})
    after = sales_dump(world.database)
    with pytest.raises(InvalidInput, match="ยอดของ กลุ่มทอผ้าไหมบ้านในเมือง เดือนสิงหาคม 2569 ถูกแก้ไขโดย นางสมศรี ใจดี เมื่อ"):
        undo.undo_last_import(world.database, world.province)
    assert sales_dump(world.database) == after


def test_receipt_carries_locks_to_the_district_offline(offices):
    world, district, folder = offices
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    with world.database.unit_of_work() as uow:
        receipt = receipts.write_receipt(
            uow=uow,
            user=world.province,
            district_code="3401",
            fiscal_year=2569,
            months=range(1, 13),
            path=folder / "receipt.otop",
        )
    with district.unit_of_work() as uow:
        text = receipts.read_receipt(uow=uow, user=world.mueang, data=receipt.read_bytes(), file_name="receipt.otop")
    assert "เดือนที่ล็อกแล้ว 1 เดือน" in text
    from otop_desktop.core.errors import MonthLocked

    with pytest.raises(MonthLocked, match="โดย นางสมศรี ใจดี"):
        save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1, 1, 1, 1)})
    with district.unit_of_work() as uow, pytest.raises(BadFile, match=r"ออกให้อำเภอรหัส 3401 ไม่ใช่อำเภอของท่าน \(3415\)"):
        receipts.read_receipt(uow=uow, user=world.warin, data=receipt.read_bytes(), file_name="receipt.otop")

    def district_locks():
        with connect(district) as con:
            return con.execute("SELECT month, locked, changed_by FROM district_lock ORDER BY month").fetchall()

    assert [tuple(row) for row in district_locks()] == [(8, True, "prov")]  # no month the province never locked
    with world.database.unit_of_work() as uow:
        locks.unlock_district(
            uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8, reason="แก้ยอด"
        )
    with world.database.unit_of_work() as uow:
        again = receipts.write_receipt(
            uow=uow, user=world.province, district_code="3401", fiscal_year=2569, months=[8, 9], path=folder / "r2.otop"
        )
    with district.unit_of_work() as uow:
        receipts.read_receipt(uow=uow, user=world.mueang, data=again.read_bytes(), file_name="r2.otop")
    assert [tuple(row) for row in district_locks()] == [(8, False, "prov")]  # the unlock, as the province made it


def test_the_receipt_says_whether_the_districts_figures_are_the_provinces(offices):
    world, district, folder = offices  # the province holds the district's first file: the same figures

    def receipt_read(name: str) -> str:
        with world.database.unit_of_work() as uow:
            receipt = receipts.write_receipt(
                uow=uow, user=world.province, district_code="3401", fiscal_year=2569, months=[7, 8], path=folder / name
            )
        with district.unit_of_work() as uow:
            return receipts.read_receipt(uow=uow, user=world.mueang, data=receipt.read_bytes(), file_name=name)

    assert receipt_read("first.otop").endswith(" · ยอดตรงกับของจังหวัดทุกเดือน (2 เดือน)")
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1_200_000, 100, None, None)})  # not sent yet
    said = receipt_read("second.otop")
    assert " · ยอดไม่ตรงกับของจังหวัด: เดือนสิงหาคม 2569: จังหวัดมี " in said and "กรกฎาคม" not in said, said
    assert "ให้ส่งออกไฟล์ของเดือนนั้นให้จังหวัดอีกครั้ง" in said
    export(district, world.mueang, folder / "again.otop")
    assert batch.import_files(world.database, world.province, [folder / "again.otop"])[0].status == "applied"
    assert receipt_read("third.otop").endswith(" · ยอดตรงกับของจังหวัดทุกเดือน (2 เดือน)")
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1_300_000, 100, None, None)})
    with world.database.unit_of_work() as uow:  # the province locked August: a new file of it is refused there
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    said = receipt_read("fourth.otop")
    assert "ถ้ายอดที่นี่ถูกต้อง ให้ขอให้จังหวัดปลดล็อกเดือนนั้นก่อน" in said and "ส่งออกไฟล์ของเดือนนั้นให้จังหวัดอีกครั้ง" not in said


# --- bad files ------------------------------------------------------------------------------------------------
def rebuild(data: bytes, change) -> bytes:
    """Unpack a file, let `change(entries)` edit the dict of name → bytes, pack it again (signature untouched)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    change(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def signed_by_district(district, user, manifest_change=None, sales_change=None, data=None):
    """A file really signed with the district's registered key, with changed content."""
    opened = fileformat.open_file(data)
    manifest = json.loads(opened.signed)
    parts = dict(opened.parts)
    if sales_change:
        parts["sales.json"] = sales_change([list(row) for row in parts["sales.json"]])
    if manifest_change:
        manifest_change(manifest)
    for field in ("parts", "signer_public_key", "format_version"):
        manifest.pop(field)
    with district.unit_of_work() as uow:
        public_key, sign = keys.signer(uow=uow)
    return (
        write_file(manifest, parts, public_key, sign)
        if not manifest_change or "format_version" not in manifest
        else None
    )


def foreign_signature(data: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    opened = fileformat.open_file(data)
    manifest = json.loads(opened.signed)
    for field in ("parts", "signer_public_key", "format_version"):
        manifest.pop(field)
    other = Ed25519PrivateKey.generate()
    raw = other.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return write_file(manifest, dict(opened.parts), raw, other.sign)


def bomb(entries):
    entries["sales.json"] = b"[" + b" " * 50_000_000 + b"]"


BAD_FILES = {
    "truncated": (lambda good, d, u: good[: len(good) // 2], "ไม่ครบ"),
    "corrupted": (lambda good, d, u: good[:200] + bytes([good[200] ^ 0xFF]) + good[201:], "เสียหาย"),
    "re-signed with another key": (lambda good, d, u: foreign_signature(good), "ไม่ได้ลงทะเบียน"),
    "tampered after signing": (
        lambda good, d, u: rebuild(good, lambda e: e.update({"sales.json": e["sales.json"].replace(b"1", b"2", 1)})),
        "ลายนิ้วมือไฟล์",
    ),
    "escaping entry": (lambda good, d, u: rebuild(good, lambda e: e.update({"../../evil.sh": b"rm -rf /"})), "ไม่รู้จัก"),
    "decompression bomb": (lambda good, d, u: rebuild(good, bomb), "ขยายตัวผิดปกติ"),
    "not a file of ours": (lambda good, d, u: b"Dear office, not a zip at all", "ไม่ใช่ไฟล์ .otop"),
    "a printed PDF": (lambda good, d, u: b"%PDF-1.4 not a zip at all", "ไฟล์นี้เป็นไฟล์ PDF"),
    "future format": (
        lambda good, d, u: rebuild(
            good,
            lambda e: e.update(
                {"manifest.json": e["manifest.json"].replace(b'"format_version": 1', b'"format_version": 9')}
            ),
        ),
        "รุ่นใหม่กว่า",
    ),
    "huge row count": (
        lambda good, d, u: rebuild(
            good,
            lambda e: e.update(
                {"manifest.json": e["manifest.json"].replace(b'"sales.json": 33', b'"sales.json": 99999999')}
            ),
        ),
        "ไฟล์ระบุแถวยอดจำหน่ายเกินกว่าที่รับได้",
    ),
    "negative amount, validly signed": (
        lambda good, d, u: signed_by_district(
            d, u, data=good, sales_change=lambda rows: [r[:3] + [-500] + r[4:] for r in rows]
        ),
        "จำนวนเงินไม่ถูกต้อง",
    ),
    "one amount true in row 5, validly signed": (
        lambda good, d, u: signed_by_district(
            d, u, data=good, sales_change=lambda rows: rows[:4] + [rows[4][:4] + [True] + rows[4][5:]] + rows[5:]
        ),
        "ยอดจำหน่ายแถวที่ 5 ในไฟล์มีจำนวนเงินไม่ถูกต้อง",
    ),
    "a bad time in row 7, validly signed": (
        lambda good, d, u: signed_by_district(
            d,
            u,
            data=good,
            sales_change=lambda rows: (
                rows[:6] + [rows[6][:8] + ["2569-13-45 99:00:00.000000"] + rows[6][9:]] + rows[7:]
            ),
        ),
        "ยอดจำหน่ายแถวที่ 7 ในไฟล์มีวันเวลาผิดรูปแบบ",
    ),
    "a month outside the file in row 2, validly signed": (
        lambda good, d, u: signed_by_district(
            d, u, data=good, sales_change=lambda rows: rows[:1] + [rows[1][:2] + [13] + rows[1][3:]] + rows[2:]
        ),
        "ยอดจำหน่ายแถวที่ 2 ในไฟล์ผิดรูปแบบ",
    ),
    "another province, validly signed": (
        lambda good, d, u: signed_by_district(
            d, u, data=good, manifest_change=lambda m: m.update(province_code="46", source_area="4601")
        ),
        "จังหวัดอื่น",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_files_are_refused_before_anything_changes(offices, kind):
    world, district, folder = offices
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (3, 3, 3, 3)})
    good = export(district, world.mueang, folder / "good.otop")
    make, words = BAD_FILES[kind]
    bad = folder / "bad.otop"
    bad.write_bytes(make(good, district, world.mueang))
    before = sales_dump(world.database)
    outcome = batch.import_files(world.database, world.province, [bad])[0]
    assert outcome.status == "refused" and words in outcome.message, outcome.message
    assert sales_dump(world.database) == before
    with world.database.unit_of_work() as uow:
        assert batch.list_ledger(uow=uow)[0].outcome == "refused"


def test_a_district_user_cannot_import_district_files(offices):
    world, district, folder = offices
    data = export(district, world.mueang, folder / "3401.otop")
    with district.unit_of_work() as uow, pytest.raises(Exception, match="เฉพาะเจ้าหน้าที่ระดับจังหวัด"):
        merge.preview(uow=uow, user=world.mueang, data=data, file_name="x")


def test_keys_by_fingerprint_read_over_the_phone(offices, tmp_path):
    world, district, folder = offices
    warin_db = copy_database(world.database, tmp_path / "warin" / "otop.db")
    with warin_db.unit_of_work() as uow:
        fingerprint = keys.own_fingerprint(uow=uow)
        uow.commit()
    with world.database.unit_of_work() as uow:
        with pytest.raises(InvalidInput, match="อย่างน้อย 20 หลัก"):
            keys.register_key(uow=uow, user=world.province, area_code="3415", fingerprint="12AB")
        thai = keys.spoken(fingerprint).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))  # typed in Thai digits
        keys.register_key(uow=uow, user=world.province, area_code="3415", fingerprint=thai)
    save(warin_db, world.warin, 2569, 8, {world.ids["วาริน"]: (4, 4, 4, 4)})
    data = export(warin_db, world.warin, tmp_path / "3415.otop")
    assert preview(world, data).counts["conflict"] == 1  # typed at the province first, changed at Warin since
    (outcome,) = batch.import_files(world.database, world.province, [tmp_path / "3415.otop"])
    kept = "ขัดแย้ง 1 (ใช้ค่าจากไฟล์ 0 · คงค่าเดิมของที่นี่ 1)"  # not taken: the province's figure stays
    assert outcome.status == "applied" and kept in outcome.message
    with world.database.unit_of_work() as uow:
        details = batch.list_ledger(uow=uow, user=world.province)[0].details
    assert kept in details and details.startswith("ปีงบประมาณ 2569 ")  # what the file covered, first
    with world.database.unit_of_work() as uow:
        warin_key = next(k for k in keys.list_keys(uow=uow) if k.area_code == "3415")
    assert warin_key.has_public_key and warin_key.fingerprint == fingerprint
    warin_db.close()


def test_a_key_in_use_for_another_office_or_this_ones_own_is_not_registered(offices):
    """One key signs for one office: Mueang's key read out again for Warin, or the province's own, is refused, and
    nothing is registered; Mueang's again for Mueang is taken (the same key once more)."""
    world, _, _ = offices
    with world.database.unit_of_work() as uow:
        mueang = next(k for k in keys.list_keys(uow=uow) if k.area_code == "3401").fingerprint
        own = keys.own_fingerprint(uow=uow)
        before = [(k.area_code, k.fingerprint) for k in keys.list_keys(uow=uow)]
    for area, fingerprint, whose in (("3415", mueang, "ของอำเภอเมืองอุบลราชธานี"), ("3415", own, "ของสำนักงานนี้เอง")):
        with world.database.unit_of_work() as uow, pytest.raises(InvalidInput, match=f"กุญแจนี้เป็นกุญแจ{whose}"):
            keys.register_key(uow=uow, user=world.province, area_code=area, fingerprint=keys.spoken(fingerprint))
    with world.database.unit_of_work() as uow:
        again = keys.register_key(uow=uow, user=world.province, area_code="3401", fingerprint=keys.spoken(mueang))
        uow.commit()
    with world.database.unit_of_work() as uow:
        assert sorted((k.area_code, k.fingerprint) for k in keys.list_keys(uow=uow)) == sorted(before)
    assert again.others_text == ""
    with world.database.unit_of_work() as uow:  # a second key for Mueang: the first still in use, and said so
        second = keys.register_key(uow=uow, user=world.province, area_code="3401", fingerprint="0123456789ABCDEF0123")
    assert second.others_in_use == 1 and "ยังมีกุญแจเดิมที่ใช้อยู่อีก 1 ดอก" in second.others_text


def test_a_province_file_carries_only_confirmed_months(offices):
    world, district, folder = offices
    with world.database.unit_of_work() as uow, pytest.raises(InvalidInput, match="ยังไม่ได้ยืนยัน"):
        export_file(uow=uow, user=world.province, fiscal_year=2569, months=[7, 8], path=folder / "34.otop")
    with world.database.unit_of_work() as uow, pytest.raises(InvalidInput) as refused:  # as the year runs
        export_file(uow=uow, user=world.province, fiscal_year=2570, months=[1, 2, 10, 11], path=folder / "34.otop")
    assert refused.value.message.startswith("เดือน ตุลาคม 2569, พฤศจิกายน 2569, มกราคม 2570, กุมภาพันธ์ 2570 ยังไม่ได้ยืนยัน")
    with world.database.unit_of_work() as uow:
        locks.lock_province(uow=uow, user=world.province, fiscal_year=2569, month=8)
    with world.database.unit_of_work() as uow:
        path, _, rows = export_file(uow=uow, user=world.province, fiscal_year=2569, months=[8], path=folder / "34.otop")
    manifest = fileformat.open_file(path.read_bytes()).manifest
    assert (manifest.kind, manifest.source_area, manifest.months, rows) == ("province", "34", (8,), 4)


def test_the_department_merges_a_provinces_confirmed_file(offices):
    from otop_desktop.core.errors import PermissionDenied
    from otop_desktop.services import entry, saving

    world, district, folder = offices
    with department_with_province_file(world, folder) as (path, rows, department, dept):
        outcomes = batch.import_files(department, dept, [path, folder / "34.otop"])
        assert [o.status for o in outcomes] == ["applied", "already"]
        assert outcomes[0].counts["new"] == rows == 4
        with department.unit_of_work() as uow:
            sheet = entry.load_month(uow=uow, user=dept, fiscal_year=2569, month=8)
            assert len(sheet.rows) == 4 and {r.district_code for r in sheet.rows} == {"3401", "3415"}
        # The file's month counts as confirmed here: the department's reports and dashboard show it.
        from otop_desktop.services.reports import dashboard

        with department.unit_of_work() as uow:
            figures = dashboard.dashboard(uow=uow, user=dept, fiscal_year=2569, month=8)
        assert figures.total.total == sum(sum(a or 0 for a in r.amounts) for r in sheet.rows) > 0
        assert figures.progress.locked == 1  # one province confirmed August
        with department.unit_of_work() as uow:
            with pytest.raises(PermissionDenied, match="ดูข้อมูลได้อย่างเดียว"):
                saving.save_month(
                    uow=uow,
                    user=dept,
                    fiscal_year=2569,
                    month=8,
                    changes=[saving.SaleChange(sheet.rows[0].entrepreneur_id, (1, 1, 1, 1))],
                )
        with department.unit_of_work() as uow, pytest.raises(PermissionDenied, match="ไม่มีระดับที่สูงกว่า"):
            export_file(uow=uow, user=dept, fiscal_year=2569, months=[8], path=folder / "00.otop")
        district_file = export(district, world.mueang, folder / "3401.otop")
        with department.unit_of_work() as uow, pytest.raises(BadFile, match="รับเฉพาะไฟล์ข้อมูลจังหวัด"):
            merge.preview(uow=uow, user=dept, data=district_file, file_name="3401.otop")
