"""The .otop file: a zip holding manifest.json (what it is, row counts, a SHA-256 of each part, the
signer's public key), signature.bin (Ed25519 over the manifest) and JSON parts. Reading does the least
work before trust: the file's size first, then the small manifest and its signature, and only then the
parts, each checked against its signed digest before it is parsed, within limits on what it may expand
to. Anything unexpected is refused: foreign or escaping entries, oversized or bomb-like entries, a
future format, digests that do not match."""

import base64
import hashlib
import io
import json
import math
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.files import check_input_path

# Version 2 added prints.json (a district's print records). A file says the oldest version that reads it: one
# without that part is still written as version 1, so a program not yet updated takes it as before.
FORMAT_VERSION = 2
FILE_SUFFIX = ".otop"  # district and province files and receipts alike
KINDS = ("district", "province", "receipt")
PART_NAMES = ("entrepreneurs.json", "sales.json", "receipt.json", "prints.json")
PART_SINCE = {"prints.json": 2}  # the format version that introduced a part
MANIFEST, SIGNATURE = "manifest.json", "signature.bin"
# A district file is tens of kilobytes and a large province's year a few megabytes: 64 MB is ample.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024  # the manifest and the signature are small
MAX_RATIO = 100  # a JSON part compresses about 5:1; 100:1 is a bomb
# What one row of a part may take as JSON at most (a row at every field's limit, Thai text included),
# and how many rows a file may hold: a province's year is about 60,000 sales rows. Together they bound
# what parsing may cost: about 30 MB of JSON, under 150 MB of Python objects.
# A print record counts as one row for itself and one for each entrepreneur-month it printed.
ROW_BYTES = {"entrepreneurs.json": 1_600, "sales.json": 220, "receipt.json": 600, "prints.json": 800}
MAX_ROWS = {"entrepreneurs.json": 20_000, "sales.json": 150_000, "receipt.json": 12, "prints.json": 50_000}
PART_WORDS = {"entrepreneurs.json": "รายชื่อผู้ประกอบการ", "sales.json": "แถวยอดจำหน่าย", "prints.json": "บันทึกการพิมพ์"}
STAMP = "%Y-%m-%dT%H:%M:%S.%f"


class BadFile(InvalidInput):
    """A file that is not a whole, genuine otop-desktop file; nothing was changed."""

    title = "ไฟล์ไม่ถูกต้อง"


@dataclass(frozen=True)
class Manifest:
    """What a file says about itself."""

    format_version: int
    kind: str
    source_area: str
    province_code: str
    target_area: str
    fiscal_year: int
    months: tuple[int, ...]
    created_at: datetime
    created_by: str
    app_version: str
    master_data_version: str
    row_counts: dict[str, int]
    parts: dict[str, str]
    signer_public_key: bytes
    file_id: str


def digest(data: bytes) -> str:
    """SHA-256 in hex."""
    return hashlib.sha256(data).hexdigest()


def write_file(manifest: dict, parts: dict[str, object], public_key: bytes, sign) -> bytes:
    """Pack parts (JSON-able values) with a manifest that `sign(bytes) -> signature` signs."""
    encoded = {
        name: json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() for name, value in parts.items()
    }
    manifest = {
        **manifest,
        "format_version": max((PART_SINCE.get(name, 1) for name in encoded), default=1),
        "parts": {n: digest(d) for n, d in encoded.items()},
        "signer_public_key": base64.b64encode(public_key).decode(),
    }
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode()
    signature = sign(body)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, body)
        archive.writestr(SIGNATURE, signature)
        for name, data in encoded.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _entries(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    entries = {}
    for info in archive.infolist():
        name = info.filename
        if name not in (MANIFEST, SIGNATURE, *PART_NAMES) or name in entries:
            raise BadFile(f"ไฟล์มีรายการที่ไม่รู้จักหรือซ้ำ (“{name[:60]}”) อาจถูกดัดแปลง จึงไม่นำเข้า")
        if info.file_size > max(info.compress_size, 1) * MAX_RATIO + 4096:
            raise BadFile(f"รายการ “{name}” ในไฟล์ขยายตัวผิดปกติ (อาจเป็นไฟล์อันตราย) จึงไม่นำเข้า")
        entries[name] = info
    for needed in (MANIFEST, SIGNATURE):
        if needed not in entries:
            raise BadFile("ไฟล์ไม่ครบ (ไม่มีส่วนหัวหรือลายมือชื่อ) อาจคัดลอกมาไม่ครบ กรุณาขอไฟล์ใหม่")
    return entries


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise BadFile(f"ขนาดของ “{info.filename}” ไม่ตรงกับที่ระบุ ไฟล์เสียหาย")
    return data


def _manifest(body: bytes) -> Manifest:
    try:
        raw = json.loads(body)
        version = int(raw["format_version"])
    except (ValueError, KeyError, TypeError):
        raise BadFile("ส่วนหัวของไฟล์อ่านไม่ได้ ไฟล์เสียหาย กรุณาขอไฟล์ใหม่") from None
    if version > FORMAT_VERSION:
        raise BadFile(f"ไฟล์นี้ทำจากโปรแกรมรุ่นใหม่กว่า (รูปแบบรุ่น {version}) กรุณาปรับปรุงโปรแกรมก่อนนำเข้า")
    try:
        manifest = Manifest(
            version,
            str(raw["kind"]),
            str(raw["source_area"]),
            str(raw["province_code"]),
            str(raw.get("target_area", "")),
            int(raw["fiscal_year"]),
            tuple(int(m) for m in raw["months"]),
            datetime.strptime(raw["created_at"], STAMP),
            str(raw["created_by"]),
            str(raw["app_version"]),
            str(raw["master_data_version"]),
            {str(k): int(v) for k, v in raw["row_counts"].items()},
            {str(k): str(v) for k, v in raw["parts"].items()},
            base64.b64decode(raw["signer_public_key"], validate=True),
            str(raw["file_id"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BadFile("ส่วนหัวของไฟล์ไม่ครบหรือผิดรูปแบบ ไฟล์เสียหาย กรุณาขอไฟล์ใหม่") from None
    months = manifest.months
    if (
        manifest.kind not in KINDS
        or not months
        or any(not 1 <= m <= 12 for m in months)
        or len(set(months)) != len(months)
    ):
        raise BadFile(
            "ส่วนหัวของไฟล์ระบุชนิดหรือเดือนที่ไม่ถูกต้อง (ต้องมีเดือน 1–12 อย่างน้อยหนึ่งเดือน ไม่ซ้ำกัน) กรุณาขอไฟล์ใหม่จากสำนักงานต้นทาง"
        )
    for name, count in manifest.row_counts.items():
        if name not in MAX_ROWS or not 0 <= count <= MAX_ROWS[name]:
            what = PART_WORDS.get(name, "แถว")
            split = " กรุณาส่งออกเป็นหลายไฟล์ (ทีละช่วงเดือน)" if name == "sales.json" else " กรุณาติดต่อผู้ดูแลระบบ"
            raise BadFile(f"ไฟล์ระบุ{what}เกินกว่าที่รับได้ (ไม่เกิน {MAX_ROWS.get(name, 0):,} ต่อไฟล์){split}")
    return manifest


@dataclass(frozen=True)
class OpenedFile:
    """A structurally sound file: its digest, manifest, the signed bytes, the signature and its parts (parsed)."""

    digest: str
    manifest: Manifest
    signed: bytes
    signature: bytes
    parts: dict[str, object]


def _too_big(size: int) -> BadFile:
    shown = math.ceil(size * 10 / 1024 / 1024) / 10  # rounded up: a byte over 64 MB reads 64.1, not "64.0 (max 64)"
    return BadFile(
        f"ไฟล์ใหญ่เกินกว่าที่รับได้ ({shown:,.1f} MB; ไม่เกิน {MAX_FILE_BYTES // 1024 // 1024} MB) "
        "จึงไม่นำเข้า หากเป็นข้อมูลจริง กรุณาส่งออกเป็นหลายไฟล์ (ทีละช่วงเดือน)"
    )


def read_file_bytes(path: Path | str) -> bytes:
    """A file's bytes, its size checked before it is read; a missing file, a folder or an unreadable
    file is refused in Thai."""
    path = Path(path)
    try:
        check_input_path(path)
    except InvalidInput as refused:
        raise BadFile(refused.message) from None
    try:
        if path.is_dir():
            raise BadFile(f"“{path.name}” เป็นโฟลเดอร์ ไม่ใช่ไฟล์ กรุณาเลือกไฟล์ .otop ในโฟลเดอร์นั้น")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(size)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise BadFile(f"ไม่พบไฟล์ “{path}” กรุณาตรวจสอบชื่อและโฟลเดอร์ของไฟล์") from None
    except OSError as error:
        raise BadFile(f"อ่านไฟล์ “{path.name}” ไม่ได้ ({error.strerror or error}) กรุณาตรวจสอบสิทธิ์หรือสื่อบันทึก") from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(len(data))
    return data


def parse_part(content: bytes):
    """A part's JSON. orjson parses a merge's rows several times faster; what it will not read (NaN, a lone
    surrogate, a byte-order mark, UTF-16) goes to the standard parser, so every file reads as it always did
    and the row checks, not the parser, decide (and word) a refusal. Where both read a text they agree,
    except integers beyond 64 bits, which orjson reads as floats: refused by the same checks as before,
    since no column takes a float or so large an integer."""
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return json.loads(content)


# What reading a damaged or hostile archive may raise: the file is refused as unreadable, never a traceback.
_UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    RuntimeError,
    NotImplementedError,
    OverflowError,
    RecursionError,
    MemoryError,
)
# Files an officer may pick by mistake, known by their first bytes: said for what they are, not as a damaged or
# tampered .otop (an Excel workbook is a zip too, and its first entry read as one the file should not have).
_FOREIGN = (
    (b"%PDF", "ไฟล์ PDF (เช่น แบบที่พิมพ์จากโปรแกรม)"),
    (b"SQLite format 3\x00", "ไฟล์ฐานข้อมูลของโปรแกรม (เช่น otop.db หรือไฟล์สำรอง)"),
    (b"\x89PNG", "ไฟล์รูปภาพ (เช่น สแกนแบบที่ลงนาม)"),
    (b"\xff\xd8\xff", "ไฟล์รูปภาพ (เช่น สแกนแบบที่ลงนาม)"),
)


def _foreign_kind(data: bytes) -> str | None:
    """What a file that is not an .otop is, when it is one an office is likely to have at hand; else None."""
    for start, kind in _FOREIGN:
        if data.startswith(start):
            return kind
    if data.startswith(b"PK") and _office_document(data):
        return "ไฟล์ Excel หรือ Word"
    if data.lstrip().startswith(b"{") and b'"public_key"' in data[:4096]:
        return "ไฟล์กุญแจของสำนักงาน (ใช้กับการลงทะเบียนกุญแจ)"
    return None


def _office_document(data: bytes) -> bool:
    """Whether a zip is an Office document (xlsx, docx: they list '[Content_Types].xml')."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "[Content_Types].xml" in archive.namelist()
    except _UNREADABLE:
        return False


def open_file(data: bytes, check_signature: Callable[[Manifest, bytes, bytes], None] | None = None) -> OpenedFile:
    """Check the archive, read the manifest, call `check_signature(manifest, signed bytes, signature)`
    (which raises to refuse) and only then read, check against their digests and parse the parts.
    Without `check_signature` the parts are read unverified (tests and the file's own writer only)."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(len(data))
    foreign = _foreign_kind(data)
    if foreign:
        raise BadFile(
            f"ไฟล์นี้เป็น{foreign} ไม่ใช่ไฟล์ข้อมูลที่ส่งออกจากโปรแกรม (.otop) จึงไม่นำเข้า กรุณาเลือกไฟล์ .otop ที่สำนักงานต้นทางส่งมา"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = _entries(archive)
            if entries[MANIFEST].file_size > MAX_HEADER_BYTES or entries[SIGNATURE].file_size > MAX_HEADER_BYTES:
                raise BadFile("ส่วนหัวของไฟล์ใหญ่ผิดปกติ ไฟล์เสียหายหรือถูกดัดแปลง จึงไม่นำเข้า")
            body, signature = _read(archive, entries[MANIFEST]), _read(archive, entries[SIGNATURE])
            manifest = _manifest(body)
            if (
                set(manifest.parts) != set(entries) - {MANIFEST, SIGNATURE}
                or set(manifest.parts) - set(MAX_ROWS)
                or any(PART_SINCE.get(name, 1) > manifest.format_version for name in manifest.parts)
            ):
                raise BadFile("ส่วนประกอบของไฟล์ไม่ตรงกับส่วนหัว ไฟล์ไม่ครบหรือถูกดัดแปลง")
            if check_signature is not None:
                check_signature(manifest, body, signature)
            parts = {}
            for name, expected in manifest.parts.items():
                # What the part may expand to follows from its signed row count: parsing cannot run away.
                if entries[name].file_size > ROW_BYTES[name] * manifest.row_counts.get(name, 0) + 4096:
                    raise BadFile(f"ข้อมูลส่วน “{name}” ใหญ่เกินกว่าจำนวนแถวที่ระบุ ไฟล์ผิดปกติ จึงไม่นำเข้า")
                content = _read(archive, entries[name])
                if digest(content) != expected:
                    raise BadFile(f"ข้อมูลส่วน “{name}” ไม่ตรงกับลายนิ้วมือไฟล์ที่ลงนามไว้ ไฟล์เสียหายหรือถูกแก้ไข กรุณาขอไฟล์ใหม่")
                parts[name] = parse_part(content)
    except BadFile:
        raise
    except _UNREADABLE:
        raise BadFile(
            "ไฟล์เสียหายหรือไม่ครบ (อาจคัดลอกหรือดาวน์โหลดไม่สมบูรณ์) หรือไม่ใช่ไฟล์ .otop กรุณาขอไฟล์ใหม่จากสำนักงานต้นทาง"
        ) from None
    return OpenedFile(digest(data), manifest, body, signature, parts)
