"""Office signing keys (Ed25519): this office's own key, made when first needed and replaced when the
office wants a new one, and the keys the province registers for its districts (from a key file or a
fingerprint read out over the phone). A key no longer used is retired, never deleted: files signed with
it are refused from then on, and the list still shows whose it was."""

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput, NotFound
from otop_desktop.core.files import check_input_path, check_output_path, write_bytes
from otop_desktop.core.users import Role, UserInfo
from otop_desktop.models import OfficeKey
from otop_desktop.services import access, areas
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.names import person_names
from otop_desktop.services.thai import format_thai_datetime, now_utc, shown_safely

KEY_FILE_KIND = "otop-office-key"
KEY_SUFFIX = ".key"  # an office's public key, as written by write_key_file
OWN = "own"  # the area_code of this office's own key row


@dataclass(frozen=True)
class KeyInfo:
    """A key as shown: whose, its fingerprint, whether its public key is known yet."""

    area_code: str
    fingerprint: str
    has_public_key: bool
    registered_by: str
    retired: str = ""  # 'ยกเลิกเมื่อ … โดย …' for a retired key
    others_in_use: int = 0  # when just registered: the office's other keys still in use

    @property
    def others_text(self) -> str:
        """What a registration says of the office's other keys still in use ('' when none)."""
        if not self.others_in_use:
            return ""
        return (
            f"สำนักงานนี้ยังมีกุญแจเดิมที่ใช้อยู่อีก {self.others_in_use} ดอก (ไฟล์ที่ลงนามด้วยกุญแจใดที่ยังใช้อยู่ก็รับได้)"
            " ถ้าเป็นการเปลี่ยนกุญแจ กรุณายกเลิกกุญแจเดิม"
        )


def fingerprint_of(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, 64 hex digits."""
    return hashlib.sha256(public_raw).hexdigest()


def spoken(fingerprint: str) -> str:
    """The first 20 hex digits in groups of four, short enough to read out over the phone."""
    head = fingerprint[:20].upper()
    return "-".join(head[i : i + 4] for i in range(0, len(head), 4))


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _normalise(fingerprint: str) -> str:
    """A fingerprint as typed (dashes, spaces, either case, Thai digits too) as its hex digits; any other character
    is refused, where it was dropped ("ZZZZ-1092-…" read as "1092-…": a misread heard as a match)."""
    typed = fingerprint.lower().translate(_THAI_DIGITS)
    strange = sorted({ch for ch in typed if ch not in "0123456789abcdef-  \t"})
    if strange:
        raise InvalidInput(
            f"ลายนิ้วมือมีอักขระ “{shown_safely(''.join(strange))}” ซึ่งไม่ใช่เลขฐานสิบหก (0–9 และ A–F) "
            "กรุณาพิมพ์ใหม่ตามที่อีกสำนักงานอ่านให้ฟัง"
        )
    return "".join(ch for ch in typed if ch in "0123456789abcdef")


def own_key(*, uow) -> Ed25519PrivateKey:
    """This office's private key, made (and kept in the database) the first time it is needed."""
    row = uow.session.scalar(select(OfficeKey).where(OfficeKey.area_code == OWN, OfficeKey.retired_at.is_(None)))
    if row is not None:
        return Ed25519PrivateKey.from_private_bytes(row.private_key)
    return _make_own_key(uow)


def _make_own_key(uow) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    raw_private = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    raw_public = _raw_public(key.public_key())
    uow.session.add(
        OfficeKey(
            fingerprint=fingerprint_of(raw_public),
            area_code=OWN,
            public_key=raw_public,
            private_key=raw_private,
            registered_by="setup",
            registered_at=now_utc(),
        )
    )
    uow.session.flush()
    return key


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def own_fingerprint(*, uow, user: UserInfo | None = None) -> str:
    """This office's fingerprint (makes the key, and commits it, if there is none yet)."""
    fingerprint = fingerprint_of(_raw_public(own_key(uow=uow).public_key()))
    uow.note(touched(Kind.KEYS))
    uow.commit()
    return fingerprint


def replace_own_key(*, uow, user: UserInfo) -> str:
    """Make a new key for this office and retire the old one (a PC that was lost or shared, a key file
    sent to the wrong place). Files signed before stay valid here; the other office must register the
    new key and retire the old one. Returns the new fingerprint."""
    old = uow.session.scalars(select(OfficeKey).where(OfficeKey.area_code == OWN, OfficeKey.retired_at.is_(None))).all()
    for row in old:
        row.retired_at, row.retired_by = now_utc(), user.username
    uow.session.flush()
    fingerprint = fingerprint_of(_raw_public(_make_own_key(uow).public_key()))
    record(
        uow.session,
        [
            AuditNote(
                username=user.username,
                action="replace",
                entity="office_key",
                entity_key=OWN,
                field="fingerprint",
                old_value=",".join(row.fingerprint for row in old) or None,
                new_value=fingerprint,
            )
        ],
    )
    uow.note(touched(Kind.KEYS))
    uow.commit()
    return fingerprint


def retire_key(*, uow, user: UserInfo, area_code: str, fingerprint: str) -> KeyInfo:
    """Stop trusting another office's key: files signed with it are refused from now on."""
    access.check(user, access.Action.RETIRE_KEYS, area_code)
    wanted = _normalise(fingerprint)
    if len(wanted) < 8:
        raise InvalidInput("กรุณาระบุลายนิ้วมือของกุญแจที่จะยกเลิก (อย่างน้อย 8 หลัก) ตามที่แสดงในรายการกุญแจ")
    rows = [
        row
        for row in uow.session.scalars(select(OfficeKey).where(OfficeKey.area_code == area_code))
        if row.fingerprint.startswith(wanted)
    ]
    if len(rows) != 1:
        raise InvalidInput(
            f"ไม่พบกุญแจของ{_office(uow, area_code)} ที่มีลายนิ้วมือ {fingerprint.strip()} (หรือพบมากกว่าหนึ่งดอก กรุณาระบุให้ยาวขึ้น)"
        )
    row = rows[0]
    if row.retired_at is not None:
        raise InvalidInput(f"กุญแจนี้ถูกยกเลิกไปแล้วเมื่อ {format_thai_datetime(row.retired_at)} โดย {row.retired_by}")
    row.retired_at, row.retired_by = now_utc(), user.username
    record(
        uow.session,
        [
            AuditNote(
                username=user.username,
                action="retire",
                entity="office_key",
                entity_key=area_code,
                field="fingerprint",
                old_value=row.fingerprint,
                new_value=None,
            )
        ],
    )
    uow.note(touched(Kind.KEYS))
    uow.commit()
    return _key_info(row)


def write_key_file(*, uow, user: UserInfo, path: Path | str) -> Path:
    """Save this office's public key, with its area, for the other office to register."""
    check_output_path(path, (KEY_SUFFIX,))
    raw = _raw_public(own_key(uow=uow).public_key())
    uow.note(touched(Kind.KEYS))
    uow.commit()
    return write_bytes(
        path,
        json.dumps(
            {"kind": KEY_FILE_KIND, "area_code": user.area_code, "public_key": base64.b64encode(raw).decode()},
            ensure_ascii=False,
        ).encode("utf-8"),
    )


def _check_registrar(user: UserInfo, area_code: str) -> None:
    access.check(user, access.Action.REGISTER_KEYS, area_code)


def _office(uow, area_code: str) -> str:
    """An office as its messages name it: 'อำเภอเมืองอุบลราชธานี (3401)', 'จังหวัดอุบลราชธานี (34)'; an unknown code
    as 'พื้นที่ 99'."""
    try:
        return f"{areas.office_name(uow=uow, area_code=area_code)} ({area_code})"
    except NotFound:
        return f"พื้นที่ {area_code}"


def _refuse_a_key_of_another(uow, fingerprint: str, area_code: str) -> None:
    """A key signs for one office: one in use here for another office, or this office's own, is refused (a file
    signed with a neighbour's key on a borrowed PC would otherwise pass for this office's)."""
    for row in uow.session.scalars(select(OfficeKey).where(OfficeKey.area_code != area_code)):
        same = row.fingerprint.startswith(fingerprint) or fingerprint.startswith(row.fingerprint)
        if same and row.retired_at is None:
            whose = "ของสำนักงานนี้เอง" if row.area_code == OWN else f"ของ{_office(uow, row.area_code)}"
            raise InvalidInput(
                f"กุญแจนี้เป็นกุญแจ{whose} ({spoken(row.fingerprint)}) ซึ่งลงทะเบียนไว้แล้ว กุญแจหนึ่งใช้ลงนามได้สำนักงานเดียว"
                " จึงไม่ได้ลงทะเบียน กรุณาโทรตรวจสอบลายนิ้วมือกับสำนักงานต้นทางอีกครั้ง"
            )


def register_key(
    *, uow, user: UserInfo, area_code: str, public_key: bytes | None = None, fingerprint: str | None = None
) -> KeyInfo:
    """Register another office's key, by its public key or only its fingerprint (checked when a file arrives)."""
    _check_registrar(user, area_code)
    if public_key is not None:
        if len(public_key) != 32:
            raise InvalidInput("กุญแจสาธารณะไม่ถูกต้อง (ต้องเป็น Ed25519 ขนาด 32 ไบต์)")
        found = fingerprint_of(public_key)
        if fingerprint and not found.startswith(_normalise(fingerprint)):
            raise InvalidInput("ลายนิ้วมือของกุญแจไม่ตรงกับที่แจ้งมา กรุณาตรวจสอบกับสำนักงานต้นทาง")
        fingerprint = found
    else:
        fingerprint = _normalise(fingerprint or "")
        if len(fingerprint) < 20:
            raise InvalidInput("ลายนิ้วมือต้องมีอย่างน้อย 20 หลัก (เลขฐานสิบหก) เช่น 3F2A-91BC-07DE-55A1-C0FF")
    _refuse_a_key_of_another(uow, fingerprint, area_code)
    existing, others = uow.session.scalars(select(OfficeKey).where(OfficeKey.area_code == area_code)).all(), 0
    for row in existing:
        if not (row.fingerprint.startswith(fingerprint) or fingerprint.startswith(row.fingerprint)):
            others += row.retired_at is None  # another key of the office, still in use
            continue
        if row.retired_at is not None:
            raise InvalidInput(
                f"กุญแจนี้ของ{_office(uow, area_code)} ถูกยกเลิกไปแล้วเมื่อ {format_thai_datetime(row.retired_at)} "
                "จึงลงทะเบียนซ้ำไม่ได้ กรุณาให้สำนักงานต้นทางสร้างกุญแจใหม่"
            )
        if row.public_key is not None and public_key is None:  # known whole already: a fingerprint adds nothing
            return KeyInfo(area_code, row.fingerprint, True, row.registered_by)
        uow.session.delete(row)  # the same key registered again, now perhaps with its public key
    uow.session.flush()
    uow.session.add(
        OfficeKey(
            fingerprint=fingerprint,
            area_code=area_code,
            public_key=public_key,
            private_key=None,
            registered_by=user.username,
            registered_at=now_utc(),
        )
    )
    record(
        uow.session,
        [
            AuditNote(
                username=user.username,
                action="register",
                entity="office_key",
                entity_key=area_code,
                field="fingerprint",
                old_value=None,
                new_value=fingerprint,
            )
        ],
    )
    uow.note(touched(Kind.KEYS))
    uow.commit()
    return KeyInfo(area_code, fingerprint, public_key is not None, user.username, others_in_use=others)


def key_offices(*, uow, user: UserInfo) -> list[tuple[str, str]]:
    """(code, name) of the offices whose keys this user registers, as the access policy allows: a district its
    province, a province (or its admin) its districts, the department every province."""
    role = Role(user.role)
    if role is Role.DISTRICT:
        return [(user.area_code[:2], areas.describe_area(uow=uow, area_code=user.area_code[:2]))]
    found = areas.list_provinces(uow=uow) if role is Role.DEPARTMENT else areas.list_districts(uow=uow, user=user)
    return [(area.code, area.name) for area in found if access.allowed(user, access.Action.REGISTER_KEYS, area.code)]


KEY_FILE_LIMIT = 64 * 1024  # bytes read of a key file at most (write_key_file writes under 1 KB)


def _read_key_file(path: Path | str) -> tuple[str, bytes]:
    """(area code, public key) of a file another office wrote with write_key_file."""
    check_input_path(path)
    try:
        with Path(path).open("rb") as handle:  # a key file is a few hundred bytes: a larger one is none
            raw = handle.read(KEY_FILE_LIMIT + 1)
        if len(raw) > KEY_FILE_LIMIT:
            raise ValueError("size")
        data = json.loads(raw.decode("utf-8"))
        if data.get("kind") != KEY_FILE_KIND:
            raise ValueError("kind")
        public_key = base64.b64decode(data["public_key"], validate=True)
        area_code = str(data["area_code"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:  # AttributeError: JSON not an object
        raise InvalidInput(f"ไฟล์กุญแจ {Path(path).name} อ่านไม่ได้หรือไม่ใช่ไฟล์กุญแจของโปรแกรม") from error
    return area_code, public_key


def key_file_fingerprint(*, uow, user: UserInfo, path: Path | str) -> tuple[str, str]:
    """(area code, fingerprint) of the key in a file, registering nothing: for the officer to compare with the
    fingerprint the office read out over the phone before the key is trusted."""
    area_code, public_key = _read_key_file(path)
    return area_code, fingerprint_of(public_key)


def register_key_file(*, uow, user: UserInfo, path: Path | str, fingerprint: str | None = None) -> KeyInfo:
    """Register the key in a file another office wrote with write_key_file; with `fingerprint` (at least 20 digits,
    as read out over the phone), only if the file's key has it."""
    area_code, public_key = _read_key_file(path)
    if fingerprint is not None and len(_normalise(fingerprint)) < 20:
        raise InvalidInput("ลายนิ้วมือต้องมีอย่างน้อย 20 หลัก (เลขฐานสิบหก) เช่น 3F2A-91BC-07DE-55A1-C0FF")
    return register_key(uow=uow, user=user, area_code=area_code, public_key=public_key, fingerprint=fingerprint)


def _key_info(row: OfficeKey, people: dict[str, str] | None = None) -> KeyInfo:
    by = (people or {}).get(row.retired_by, row.retired_by)
    retired = f"ยกเลิกแล้วเมื่อ {format_thai_datetime(row.retired_at)} โดย {by}" if row.retired_at is not None else ""
    return KeyInfo(row.area_code, row.fingerprint, row.public_key is not None, row.registered_by, retired)


def list_keys(*, uow, user: UserInfo | None = None) -> list[KeyInfo]:
    """Every key this office knows, its own first, keys in use before retired ones."""
    rows = uow.session.scalars(
        select(OfficeKey).order_by(
            OfficeKey.area_code != OWN, OfficeKey.area_code, OfficeKey.retired_at.is_not(None), OfficeKey.registered_at
        )
    )
    rows = list(rows)
    people = person_names(uow.session, [row.retired_by for row in rows])
    return [_key_info(row, people) for row in rows]


def verify_signature(*, uow, area_code: str, public_key: bytes, message: bytes, signature: bytes) -> None:
    """Accept the signature only if it is valid and made with a key registered for `area_code`.

    A key registered by fingerprint alone gets its public key from the first good file."""
    fingerprint = fingerprint_of(public_key)
    rows = uow.session.scalars(select(OfficeKey).where(OfficeKey.area_code == area_code)).all()
    match = next((row for row in rows if fingerprint.startswith(row.fingerprint)), None)
    if match is None:
        raise InvalidInput(
            f"ไฟล์นี้ลงนามด้วยกุญแจที่ไม่ได้ลงทะเบียนไว้สำหรับ{_office(uow, area_code)} "
            f"(ลายนิ้วมือ {spoken(fingerprint)}) อาจเป็นไฟล์ปลอมหรือกุญแจใหม่ "
            "กรุณาโทรสอบถามสำนักงานต้นทางและลงทะเบียนกุญแจก่อน"
        )
    if match.retired_at is not None:
        raise InvalidInput(
            f"ไฟล์นี้ลงนามด้วยกุญแจของ{_office(uow, area_code)} ที่ยกเลิกไปแล้วเมื่อ "
            f"{format_thai_datetime(match.retired_at)} (ลายนิ้วมือ {spoken(fingerprint)}) จึงไม่นำเข้า "
            "กรุณาขอไฟล์ใหม่ที่ลงนามด้วยกุญแจปัจจุบันของสำนักงานต้นทาง"
        )
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        raise InvalidInput(
            "ลายมือชื่ออิเล็กทรอนิกส์ของไฟล์ไม่ถูกต้อง ไฟล์ถูกแก้ไขหลังลงนามหรือเสียหาย กรุณาขอไฟล์ใหม่จากสำนักงานต้นทาง"
        ) from None
    if match.public_key is None:
        match.public_key, match.fingerprint = public_key, fingerprint


def signer(*, uow):
    """This office's raw public key and a function that signs bytes with its private key."""
    key = own_key(uow=uow)
    return _raw_public(key.public_key()), key.sign
