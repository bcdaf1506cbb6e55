"""A district's or a province's file checked before anything of it is read into the database: its kind and
origin and its signature first, then every row (well formed, within the file's area and months, each text as
this program stores it). Anything wrong refuses the whole file, in Thai, naming the first bad row."""

import re
from datetime import datetime

from otop_desktop.core.users import UserInfo
from otop_desktop.services import access
from otop_desktop.services.exchange import keys, prints
from otop_desktop.services.exchange.fileformat import (
    BadFile,
    Manifest,
    OpenedFile,
    open_file,
)
from otop_desktop.services.money import MAX_SATANG
from otop_desktop.services.thai import (
    any_text_problem,
    month_start_stored,
    shown_safely,
    text_problem,
    tidy_text,
)


def _check_source(user: UserInfo, manifest: Manifest, expected_kind: str) -> None:
    if user.is_national and expected_kind == "province":
        if (
            manifest.kind != "province"
            or len(manifest.source_area) != 2
            or manifest.source_area != manifest.province_code
        ):
            raise BadFile("ฐานข้อมูลของกรมฯ รับเฉพาะไฟล์ข้อมูลจังหวัด (ข้อมูลที่จังหวัดยืนยันแล้ว)")
        return
    if manifest.kind != expected_kind:
        wanted = {"district": "ไฟล์ข้อมูลอำเภอ", "receipt": "ไฟล์ตอบรับจากจังหวัด", "province": "ไฟล์ข้อมูลจังหวัด"}
        raise BadFile(f"ไฟล์นี้เป็น{wanted.get(manifest.kind, 'ไฟล์ชนิดอื่น')} ที่นี่รับเฉพาะ{wanted[expected_kind]}")
    if manifest.province_code != user.province_code or manifest.source_area[:2] != user.province_code:
        raise BadFile(f"ไฟล์นี้เป็นของจังหวัดอื่น (รหัส {manifest.source_area[:2]}) ไม่ใช่จังหวัดของท่าน จึงไม่นำเข้า")
    if expected_kind == "district" and len(manifest.source_area) != 4:
        raise BadFile("ไฟล์ข้อมูลอำเภอต้องมาจากอำเภอ")


def _check_people(people: list, area: str) -> list:
    """The file's entrepreneurs, each well formed, in the area, once, and normalised as this program
    stores them (white space tidied, no control characters), or the whole file is refused."""
    clean = _people_at_once(people, area)
    if clean is not None:
        return clean
    clean, uids, codes = [], set(), set()  # something is wrong: find and name the first bad row
    for number, row in enumerate(people, 1):
        ok = (
            isinstance(row, list)
            and len(row) == 8
            and isinstance(row[0], str)
            and len(row[0]) == 32
            and row[0].isascii()
            and row[0].isalnum()
            and isinstance(row[1], str)
            and 0 < len(tidy_text(row[1])) <= 200
            and isinstance(row[2], str)
            and len(row[2]) == 6
            and row[2].isdigit()
            and row[2].startswith(area)
            and type(row[3]) is int
            and row[3] in (1, 2, 3, 4, 5)
            and type(row[4]) is int
            and row[4] in (1, 2, 3)
            and isinstance(row[5], str)
            and len(row[5]) <= 200
            and (row[6] is None or isinstance(row[6], str) and len(row[6]) <= 40)
            and isinstance(row[7], bool)
        )
        if not ok:
            raise BadFile(f"ผู้ประกอบการแถวที่ {number} ในไฟล์ผิดรูปแบบหรืออยู่นอกพื้นที่ {area} จึงไม่นำเข้าทั้งไฟล์")
        for words in (row[1], row[5], row[6] or ""):
            problem = text_problem(words)
            if problem:
                raise BadFile(
                    f"ผู้ประกอบการแถวที่ {number} ในไฟล์ (“{tidy_text(shown_safely(row[1]))[:40]}”) {problem} "
                    "จึงไม่นำเข้าทั้งไฟล์ กรุณาให้อำเภอแก้ชื่อแล้วส่งไฟล์ใหม่"
                )
        otop_code = tidy_text(row[6] or "") or None
        if row[0] in uids or (otop_code and otop_code in codes):
            raise BadFile(
                f"ผู้ประกอบการแถวที่ {number} ในไฟล์ (“{tidy_text(row[1])[:40]}”) ซ้ำกับแถวก่อนหน้า "
                "(รหัสประจำตัวหรือรหัส OTOP เดียวกัน) ไฟล์ผิดปกติ จึงไม่นำเข้าทั้งไฟล์"
            )
        uids.add(row[0])
        codes.add(otop_code)
        clean.append([row[0], tidy_text(row[1]), row[2], row[3], row[4], tidy_text(row[5]), otop_code, row[7]])
    return clean


def _people_at_once(people: list, area: str) -> list | None:
    """_check_people's rule a column at a time (set and map run in C; a department's merge reads 100,000
    entrepreneurs): the rows normalised, or None if any row breaks it."""
    if not people:
        return []
    if set(map(type, people)) != {list} or set(map(len, people)) != {8}:
        return None
    uids, names, tambons, product_types, kinds, products, codes, actives = zip(*people)
    given_codes = [code for code in codes if code is not None]
    if not (
        set(map(type, uids)) == {str}
        and set(map(len, uids)) == {32}
        and "".join(uids).isascii()
        and "".join(uids).isalnum()
        and len(set(uids)) == len(uids)
        and set(map(type, names)) == {str}
        and set(map(type, products)) == {str}
        and max(map(len, products)) <= 200
        and set(map(type, given_codes)) <= {str}
        and max(map(len, given_codes), default=0) <= 40
        and set(map(type, tambons)) == {str}
        and set(map(len, tambons)) == {6}
        and "".join(tambons).isdigit()
        and {code[: len(area)] for code in tambons} == {area}
        and set(map(type, product_types)) == {int}
        and set(product_types) <= {1, 2, 3, 4, 5}
        and set(map(type, kinds)) == {int}
        and set(kinds) <= {1, 2, 3}
        and set(map(type, actives)) == {bool}
    ):
        return None
    if any_text_problem((*names, *products, *given_codes)):
        return None
    names, products = list(map(tidy_text, names)), list(map(tidy_text, products))
    codes = [tidy_text(code) or None if code else None for code in codes]
    if not (0 < min(map(len, names)) and max(map(len, names)) <= 200):
        return None
    given_codes = [code for code in codes if code]
    if len(set(given_codes)) != len(given_codes):
        return None
    return list(map(list, zip(uids, names, tambons, product_types, kinds, products, codes, actives)))


def _check_rows(opened: OpenedFile) -> list:
    """Every row well formed and within the file's area and months, or the whole file is refused.
    Returns the entrepreneurs as this program stores them."""
    manifest, parts = opened.manifest, opened.parts
    people, sales = parts.get("entrepreneurs.json"), parts.get("sales.json")
    if not isinstance(people, list) or not isinstance(sales, list):
        raise BadFile("ไฟล์ไม่มีข้อมูลผู้ประกอบการหรือยอดจำหน่าย")
    if len(people) != manifest.row_counts.get("entrepreneurs.json") or len(sales) != manifest.row_counts.get(
        "sales.json"
    ):
        raise BadFile("จำนวนแถวในไฟล์ไม่ตรงกับส่วนหัว ไฟล์ไม่ครบ")
    clean = _check_people(people, manifest.source_area)
    known = {row[0] for row in clean}
    year, months = manifest.fiscal_year, set(manifest.months)
    if sales and _sales_problem(sales, known, year, months):
        for number, row in enumerate(sales, 1):  # the whole file failed the rule: name the first bad row
            problem = _sales_problem([row], known, year, months)
            if problem:
                raise BadFile(f"ยอดจำหน่ายแถวที่ {number} ในไฟล์{problem} จึงไม่นำเข้าทั้งไฟล์")
        seen = set()
        for number, row in enumerate(sales, 1):
            if (row[0], row[2]) in seen:
                raise BadFile(f"ยอดจำหน่ายแถวที่ {number} ในไฟล์{_DUPLICATE} จึงไม่นำเข้าทั้งไฟล์")
            seen.add((row[0], row[2]))
    return clean


_BAD_SHAPE, _BAD_AMOUNT, _BAD_TIME = "ผิดรูปแบบ", "มีจำนวนเงินไม่ถูกต้อง (ติดลบ ผิดรูปแบบ หรือสูงเกินกว่าที่เป็นไปได้)", "มีวันเวลาผิดรูปแบบ"
_BAD_REVISION = "มีเลขครั้งที่แก้ไขผิดปกติ"
_DUPLICATE = "ซ้ำกับแถวก่อนหน้า (ผู้ประกอบการรายเดียวกัน เดือนเดียวกัน)"
_BAD_USER = "มีชื่อผู้บันทึกที่มีอักขระควบคุม"
# The program saves a month's figures from its first day on (sales_guard): a save stamped before it is not one.
_TOO_EARLY = "มีเวลาบันทึกก่อนเดือนนั้นจะเริ่ม ซึ่งโปรแกรมไม่ยอมให้บันทึก (เวลาบันทึกไม่ตรงความจริง)"
# The file's revisions grow by one a save; this leaves room for centuries of saves and for every
# later save here (revision + 1) to stay far inside 64 bits.
MAX_REVISION = 2**31 - 1
# Times as this program writes them: naive UTC to the microsecond, nothing else (no zone, no "Z").
_STAMP_TEXT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}")


def _sales_problem(sales: list, known: set, year: int, months: set) -> str | None:
    """What is wrong with these sales rows, or None. The rows are checked a column at a time (set and map
    run in C: this runs over every row of a merge). Exact types: JSON's true/false and 1.0 are not amounts."""
    if set(map(type, sales)) != {list} or set(map(len, sales)) != {10}:
        return _BAD_SHAPE
    uids, years, months_, *amounts, revisions, stamps, users = zip(*sales)
    if not (
        set(map(type, uids)) == {str}
        and set(uids) <= known
        and set(map(type, years)) == {int}
        and set(years) == {year}
        and set(map(type, months_)) == {int}
        and set(months_) <= months
        and set(map(type, stamps)) == {str}
        and set(map(len, stamps)) == {26}
        and set(map(type, users)) == {str}
        and max(map(len, users)) <= 80
    ):
        return _BAD_SHAPE
    if not (set(map(type, revisions)) == {int} and min(revisions) >= 1 and max(revisions) <= MAX_REVISION):
        return _BAD_REVISION
    for column in amounts:
        if not set(map(type, column)) <= {int, type(None)}:
            return _BAD_AMOUNT
        present = [amount for amount in column if amount is not None]
        if present and not (min(present) >= 0 and max(present) < MAX_SATANG):
            return _BAD_AMOUNT
    distinct = set(stamps)  # a save stamps all its rows alike: each distinct time is checked once
    if not all(map(_STAMP_TEXT.fullmatch, distinct)):
        return _BAD_TIME
    try:  # the fast ISO parser: a real date and time (no 13th month); the text is kept in the database's layout
        times = dict(zip(distinct, map(datetime.fromisoformat, distinct)))
    except ValueError:
        return _BAD_TIME
    begins = {month: month_start_stored(year, month) for month in set(months_)}
    if any(times[stamp] < begins[month] for stamp, month in set(zip(stamps, months_))):
        return _TOO_EARLY
    if any(text_problem(user) for user in set(users)):
        return _BAD_USER
    if len(set(zip(uids, months_))) != len(sales):
        return _DUPLICATE
    return None


def verify(*, uow, user: UserInfo, data: bytes, expected_kind: str | None = None) -> OpenedFile:
    """Open, check origin and signature before reading any part, then the rows; raise BadFile (Thai)
    for anything wrong. The province takes district files; the department takes province files."""
    opened, _, _ = check_file(uow=uow, user=user, data=data, expected_kind=expected_kind)
    return opened


def check_file(*, uow, user: UserInfo, data: bytes, expected_kind: str | None = None) -> tuple[OpenedFile, list, list]:
    """verify's work, with what the preview goes on with: the file, its entrepreneurs as this program stores
    them, and the prints it carries."""
    expected_kind = expected_kind or ("province" if user.is_national else "district")
    if expected_kind != "receipt":
        access.check(user, access.Action.IMPORT_FILES)

    def check_signature(manifest: Manifest, signed: bytes, signature: bytes) -> None:
        _check_source(user, manifest, expected_kind)
        keys.verify_signature(
            uow=uow,
            area_code=manifest.source_area,
            public_key=manifest.signer_public_key,
            message=signed,
            signature=signature,
        )

    opened = open_file(data, check_signature)
    people = _check_rows(opened) if expected_kind != "receipt" else []
    try:
        carried = prints.check_part(opened.parts, opened.manifest, {row[0] for row in people})
    except prints.BadPrint as problem:
        raise BadFile(f"{problem} จึงไม่นำเข้าทั้งไฟล์ กรุณาขอไฟล์ใหม่จากสำนักงานต้นทาง") from None
    return opened, people, carried
