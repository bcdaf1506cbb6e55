"""What a user may see: the districts and tambons of their area, and names of areas for display."""

from dataclasses import dataclass

from sqlalchemy import select

from otop_desktop.core.errors import NotFound
from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.models import District, Province, Tambon
from otop_desktop.services import access
from otop_desktop.services.names import NATIONAL_NAME, district_name
from otop_desktop.services.thai import sort_key


@dataclass(frozen=True)
class Area:
    """A district or tambon: its official code and Thai name."""

    code: str
    name: str


def check_district_visible(user: UserInfo, district_code: str) -> None:
    """Refuse a district outside the user's area (the department's area is the whole country)."""
    access.check(user, access.Action.VIEW, district_code)


def list_provinces(*, uow, user: UserInfo | None = None) -> list[Area]:
    """All provinces, in Thai dictionary order."""
    rows = uow.session.execute(select(Province.code, Province.name_th))
    return sorted((Area(code, name) for code, name in rows), key=lambda area: sort_key(area.name))


def list_districts(*, uow, user: UserInfo) -> list[Area]:
    """The districts the user may see, in official-code order."""
    query = select(District.code, District.name_th).order_by(District.code)
    if user.is_national:
        pass
    elif user.role == "district":
        query = query.where(District.code == user.area_code)
    else:
        query = query.where(District.province_code == user.province_code)
    return [Area(code, name) for code, name in uow.session.execute(query)]


def list_tambons(*, uow, user: UserInfo, district_code: str | None = None) -> list[Area]:
    """The tambons of one district, or of every district the user may see."""
    if district_code:
        check_district_visible(user, district_code)
        prefix = district_code
    else:
        prefix = user.area_code
    query = select(Tambon.code, Tambon.name_th).where(Tambon.code.startswith(prefix)).order_by(Tambon.code)
    return [Area(code, name) for code, name in uow.session.execute(query)]


def describe_area(*, uow, user: UserInfo | None = None, area_code: str) -> str:
    """'อำเภอวารินชำราบ จังหวัดอุบลราชธานี' for a district code, 'จังหวัดอุบลราชธานี' for a province."""
    if area_code == NATIONAL:
        return f"{NATIONAL_NAME} (ทั้งประเทศ)"
    office = office_name(uow=uow, area_code=area_code)
    return office if len(area_code) == 2 else f"{office} {office_name(uow=uow, area_code=area_code[:2])}"


def office_name(*, uow, area_code: str) -> str:
    """The area of a district's or a province's office by its own name: 'อำเภอวารินชำราบ', 'จังหวัดอุบลราชธานี'."""
    if len(area_code) == 2:
        province = uow.session.get(Province, area_code)
        if province is None:
            raise NotFound(f"ไม่พบพื้นที่รหัส {area_code}")
        return f"จังหวัด{province.name_th}"
    district = uow.session.get(District, area_code[:4])
    if district is None:
        raise NotFound(f"ไม่พบพื้นที่รหัส {area_code}")
    return district_name(district.name_th)
