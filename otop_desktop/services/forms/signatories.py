"""The signature blocks of an office's forms: who prepares, who certifies (นตผ.) and who signs, with
names and positions; set by the office itself, or by the province for its districts; changes audited."""

from dataclasses import dataclass

from sqlalchemy import select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import UserInfo
from otop_desktop.models import Signatory
from otop_desktop.services import access
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.thai import free_text, now_utc

DUTIES = {"prepares": "ผู้จัดทำ", "certifies": "ผู้รับรอง", "signs": "ผู้รายงาน"}


def chair_position(office: str) -> str:
    """The certifier's position where the office set none: the chair of its OTOP network (นตผ.), by the office's
    area ('อำเภอวารินชำราบ', 'จังหวัดอุบลราชธานี')."""
    return f"ประธาน นตผ.{office}"


@dataclass(frozen=True)
class SignatoryInfo:
    """One signature block as set."""

    duty: str
    name: str
    position: str


def get_signatories(*, uow, user: UserInfo, area_code: str) -> dict[str, SignatoryInfo]:
    """The office's signature blocks that are set, by duty."""
    access.check(user, access.Action.VIEW, area_code)
    rows = uow.session.scalars(select(Signatory).where(Signatory.area_code == area_code))
    return {row.duty: SignatoryInfo(row.duty, row.name, row.position) for row in rows}


def set_signatory(*, uow, user: UserInfo, area_code: str, duty: str, name: str, position: str) -> SignatoryInfo:
    """Set (or, with an empty name, clear) one signature block of an office."""
    access.check(user, access.Action.SET_SIGNATORIES, area_code)
    if duty not in DUTIES:
        raise InvalidInput(f"หน้าที่ต้องเป็น {', '.join(DUTIES)}")
    name, position = free_text(name, "ชื่อผู้ลงนาม"), free_text(position, "ตำแหน่งผู้ลงนาม")
    row = uow.session.get(Signatory, (area_code, duty))
    old = None if row is None else f"{row.name} / {row.position}"
    if not name:
        if row is not None:
            uow.session.delete(row)
    else:
        row = row or Signatory(area_code=area_code, duty=duty)
        uow.session.add(row)
        row.name, row.position, row.changed_by, row.changed_at = name, position, user.username, now_utc()
    record(
        uow.session,
        [
            AuditNote(
                username=user.username,
                action="update",
                entity="signatory",
                entity_key=f"{area_code}/{duty}",
                field="name_position",
                old_value=old,
                new_value=f"{name} / {position}" if name else None,
            )
        ],
    )
    uow.note(touched(Kind.PRINTS, districts={area_code}))
    uow.commit()
    return SignatoryInfo(duty, name, position)
