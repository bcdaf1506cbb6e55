"""A file an office is likely to pick by mistake for an .otop (a workbook, a printed PDF, the database, a scan, a
key file) is refused for what it is, before anything in it is read as a district file's."""

import io
import json
import sqlite3

import pytest
from openpyxl import Workbook

from otop_desktop.services.exchange.fileformat import BadFile, open_file


def _workbook() -> bytes:
    book = Workbook()
    book.active["A1"] = "สอ.๓"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _database(tmp_path) -> bytes:
    path = tmp_path / "otop.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE t (x)")
    return path.read_bytes()


FOREIGN = {
    "an Excel workbook": (lambda tmp: _workbook(), "ไฟล์ Excel หรือ Word"),
    "a printed PDF": (lambda tmp: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "ไฟล์ PDF"),
    "the database": (_database, "ไฟล์ฐานข้อมูลของโปรแกรม"),
    "a scan (PNG)": (lambda tmp: b"\x89PNG\r\n\x1a\n" + bytes(64), "ไฟล์รูปภาพ"),
    "a scan (JPEG)": (lambda tmp: b"\xff\xd8\xff\xe0" + bytes(64), "ไฟล์รูปภาพ"),
    "a key file": (
        lambda tmp: json.dumps({"kind": "otop-office-key", "area_code": "3401", "public_key": "AAAA"}).encode(),
        "ไฟล์กุญแจของสำนักงาน",
    ),
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_a_file_of_another_kind_is_refused_for_what_it_is(kind, tmp_path):
    make, words = FOREIGN[kind]
    with pytest.raises(BadFile) as refused:
        open_file(make(tmp_path))
    said = refused.value.message
    assert f"ไฟล์นี้เป็น{words}" in said and "ไม่ใช่ไฟล์ข้อมูลที่ส่งออกจากโปรแกรม (.otop)" in said
    assert "ดัดแปลง" not in said and "เสียหาย" not in said and ".xml" not in said
