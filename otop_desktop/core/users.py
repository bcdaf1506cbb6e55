"""Who is logged in, as every layer sees it: the user, their role, and the national area code."""

import enum
from dataclasses import dataclass

NATIONAL = "00"  # the department's area: the whole country


class Role(enum.StrEnum):
    """Who a user is; stored as these strings."""

    DISTRICT = "district"
    PROVINCE = "province"
    ADMIN = "admin"
    DEPARTMENT = "department"


ROLE_NAMES = {
    "district": "เจ้าหน้าที่อำเภอ",
    "province": "เจ้าหน้าที่จังหวัด",
    "admin": "ผู้ดูแลระบบ",
    "department": "เจ้าหน้าที่กรมการพัฒนาชุมชน",
}


@dataclass(frozen=True)
class UserInfo:
    """A logged-in user as the rest of the program sees it."""

    username: str
    role: str
    area_code: str
    display_name: str
    position: str

    @property
    def province_code(self) -> str:
        """The user's province: the first two digits of any area code."""
        return self.area_code[:2]

    @property
    def district_code(self) -> str | None:
        """The user's own district, or None for province users and admins."""
        return self.area_code if self.role == "district" else None

    @property
    def is_provincial(self) -> bool:
        """Province users and admins see and manage every district of the province."""
        return self.role in ("province", "admin")

    @property
    def is_national(self) -> bool:
        """The department: sees every province, takes in the provinces' confirmed files, types nothing."""
        return self.role == "department"

    @property
    def role_name(self) -> str:
        """The role in Thai."""
        return ROLE_NAMES[self.role]
