"""The names a person reads where the records keep codes and logins: 'อำเภอวารินชำราบ' for 3415, 'นางสมศรี ใจดี'
for the login that did it (the login itself stays for a tooltip), read once for a window."""

from dataclasses import dataclass, field

from sqlalchemy import select

from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.models import District, Province, User

# Logins the program writes itself, not a person's.
PROGRAM_LOGINS = {"setup": "โปรแกรม (สร้างอัตโนมัติ)"}
NATIONAL_NAME = "กรมการพัฒนาชุมชน"


@dataclass(frozen=True)
class Names:
    """Display names of people (by login) and of areas (by code), each falling back to what was given."""

    people: dict[str, str] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)

    def person(self, login: str | None) -> str:
        """'นางสมศรี ใจดี' for the login 'prov'; a login without a display name as it is."""
        return self.people.get(login or "", login or "")

    def area(self, code: str | None) -> str:
        """'อำเภอวารินชำราบ' for 3415, 'จังหวัดอุบลราชธานี' for 34; an unknown code as it is."""
        return self.areas.get(code or "", code or "")


def district_name(name: str) -> str:
    """A district's name as read: 'อำเภอ…', or Bangkok's 'เขต…' as it is."""
    return name if name.startswith("เขต") else f"อำเภอ{name}"


def person_names(session, logins) -> dict[str, str]:
    """The display names of the given logins that have one (for a message that says who did something)."""
    wanted = sorted({login for login in logins if login})
    found = dict(PROGRAM_LOGINS)
    if wanted:
        rows = session.execute(select(User.username, User.display_name).where(User.username.in_(wanted)))
        found.update((login, shown.strip()) for login, shown in rows if shown.strip())
    return {login: found[login] for login in wanted if login in found}


def person_name(session, login: str) -> str:
    """One login as its person's display name, else the login (a message that says who changed something)."""
    return person_names(session, [login]).get(login, login)


def list_names(*, uow, user: UserInfo) -> Names:
    """The users' display names and the names of every province and of the districts the user may see."""
    session = uow.session
    people = dict(PROGRAM_LOGINS)
    people.update(
        (login, shown.strip())
        for login, shown in session.execute(select(User.username, User.display_name))
        if shown.strip()
    )
    areas = {NATIONAL: NATIONAL_NAME}
    areas.update((code, f"จังหวัด{name}") for code, name in session.execute(select(Province.code, Province.name_th)))
    districts = select(District.code, District.name_th)
    if not user.is_national:
        districts = districts.where(District.province_code == user.province_code)
    areas.update((code, district_name(name)) for code, name in session.execute(districts))
    return Names(people, areas)
