"""The one access policy: may this user do this action, here? Every service asks it (`check`), and the
windows read the same answers (`permissions`) to enable their buttons, so no rule of who may do what is
written twice. An area is a district (4 digits), a province (2 digits) or the country ("00")."""

import enum
from dataclasses import dataclass

from otop_desktop.core.errors import PermissionDenied
from otop_desktop.core.users import NATIONAL, Role


class Action(enum.Enum):
    """What a user may be allowed to do."""

    VIEW = "view"  # read an area's data
    ENTER_SALES = "enter_sales"  # type or Sync a month's figures
    MANAGE_ENTREPRENEURS = "manage_entrepreneurs"
    LOCK = "lock"  # lock and unlock district-months and the province's month
    SET_TARGETS = "set_targets"
    SET_FORECAST = "set_forecast"  # the province's monthly revenue forecast
    IMPORT_FILES = "import_files"  # take in district (or, for the department, province) files; undo; backups
    EXPORT_FILE = "export_file"  # send this office's file upward
    WRITE_RECEIPT = "write_receipt"  # the province's receipt for a district
    READ_RECEIPT = "read_receipt"  # a district takes in the province's receipt
    MANAGE_USERS = "manage_users"
    REGISTER_KEYS = "register_keys"  # register another office's key (the area is the key's)
    RETIRE_KEYS = "retire_keys"  # stop trusting another office's key (the area is the key's)
    SET_SIGNATORIES = "set_signatories"  # who prepares, certifies and signs an office's forms
    BACK_UP = "back_up"  # copy the office's database file to a backup (any logged-in user of the office)
    RESTORE = "restore"  # replace the office's database file by a backup (an admin or the province's staff)
    RECEIVE_EVIDENCE = "receive_evidence"  # take in the districts' signed จต.๒ (scans) and keep them
    REVIEW_QUALITY = "review_quality"  # mark a finding of the data-quality check as checked (ตรวจแล้ว)


PROVINCE_STAFF = (Role.PROVINCE, Role.ADMIN)

REASONS = {
    Action.ENTER_SALES: "กรมฯ ดูข้อมูลได้อย่างเดียว ข้อมูลมาจากไฟล์ที่จังหวัดยืนยันแล้วเท่านั้น",
    Action.MANAGE_ENTREPRENEURS: (
        "การเพิ่มและแก้ไขผู้ประกอบการทำโดยเจ้าหน้าที่ระดับจังหวัด กรุณาแจ้งสำนักงานพัฒนาชุมชนจังหวัดพร้อมชื่อ ตำบล และประเภทผลิตภัณฑ์"
    ),
    Action.LOCK: "เฉพาะเจ้าหน้าที่ระดับจังหวัดหรือผู้ดูแลระบบเท่านั้นที่ล็อกและปลดล็อกข้อมูลได้",
    Action.SET_TARGETS: "เฉพาะเจ้าหน้าที่ระดับจังหวัดหรือผู้ดูแลระบบเท่านั้นที่แก้ไขค่าเป้าหมายได้",
    Action.SET_FORECAST: "เฉพาะเจ้าหน้าที่ระดับจังหวัดหรือผู้ดูแลระบบเท่านั้นที่บันทึกประมาณการรายได้ของจังหวัดได้",
    Action.IMPORT_FILES: "เฉพาะเจ้าหน้าที่ระดับจังหวัดเท่านั้นที่นำเข้าไฟล์ข้อมูลอำเภอ",
    Action.EXPORT_FILE: "ฐานข้อมูลระดับกรมฯ รับไฟล์จากจังหวัดเท่านั้น ไม่มีระดับที่สูงกว่าให้ส่งไฟล์ต่อ",
    Action.WRITE_RECEIPT: "ใบตอบรับออกได้เฉพาะเจ้าหน้าที่จังหวัด สำหรับอำเภอในจังหวัดของตน",
    Action.READ_RECEIPT: "ใบตอบรับใช้กับฐานข้อมูลของอำเภอ",
    Action.MANAGE_USERS: "เฉพาะผู้ดูแลระบบเท่านั้นที่จัดการผู้ใช้งานได้",
    Action.REGISTER_KEYS: "ลงทะเบียนได้เฉพาะกุญแจของสำนักงานที่ส่งไฟล์ถึงท่าน",
    Action.RETIRE_KEYS: "ยกเลิกได้เฉพาะกุญแจของสำนักงานที่ส่งไฟล์ถึงท่าน",
    Action.RECEIVE_EVIDENCE: "เฉพาะเจ้าหน้าที่ระดับจังหวัดหรือผู้ดูแลระบบเท่านั้นที่รับสำเนา จต.๒ ที่ลงนามแล้วจากอำเภอ",
    Action.REVIEW_QUALITY: "เฉพาะเจ้าหน้าที่ระดับจังหวัดหรือกรมฯ เท่านั้นที่บันทึกผลการตรวจสอบข้อมูล (ตรวจแล้ว) ได้",
    Action.RESTORE: "การกู้คืนจากไฟล์สำรองแทนที่ข้อมูลทั้งหมดของเครื่องนี้ ทำได้เฉพาะผู้ดูแลระบบหรือเจ้าหน้าที่ระดับจังหวัด",
}
OUTSIDE = {
    Role.DISTRICT: "ท่านเข้าถึงได้เฉพาะข้อมูลของอำเภอของท่านเท่านั้น",
    Role.PROVINCE: "ท่านเข้าถึงได้เฉพาะข้อมูลของอำเภอในจังหวัดของท่านเท่านั้น",
    Role.ADMIN: "ท่านเข้าถึงได้เฉพาะข้อมูลของอำเภอในจังหวัดของท่านเท่านั้น",
}
KEY_AREAS = {  # {verb}: ลงทะเบียน or ยกเลิก
    Role.DEPARTMENT: "กรมฯ {verb}ได้เฉพาะกุญแจของสำนักงานจังหวัด (รหัส 2 หลัก)",
    Role.DISTRICT: "สำนักงานอำเภอ{verb}ได้เฉพาะกุญแจของสำนักงานจังหวัดของตน",
    Role.PROVINCE: "{verb}ได้เฉพาะกุญแจของอำเภอในจังหวัดของท่าน",
    Role.ADMIN: "{verb}ได้เฉพาะกุญแจของอำเภอในจังหวัดของท่าน",
}
KEY_ACTIONS = {Action.REGISTER_KEYS: "ลงทะเบียน", Action.RETIRE_KEYS: "ยกเลิก"}


def _covers(role: Role, own_area: str, area: str | None) -> bool:
    """Whether the user's area holds `area` (None: the user's own)."""
    if area is None or role is Role.DEPARTMENT:
        return True
    if role is Role.DISTRICT:
        return area[:4] == own_area  # its district, or a tambon of it
    return area[:2] == own_area[:2] and area != NATIONAL


def _role_allows(role: Role, action: Action) -> bool:
    if action is Action.VIEW:
        return True
    if action in (Action.ENTER_SALES, Action.EXPORT_FILE):
        return role is not Role.DEPARTMENT
    if action is Action.READ_RECEIPT:
        return role is Role.DISTRICT
    if action is Action.IMPORT_FILES:
        return role is not Role.DISTRICT
    if action is Action.MANAGE_USERS:
        return role in (Role.ADMIN, Role.DEPARTMENT)
    if action in (*KEY_ACTIONS, Action.SET_SIGNATORIES, Action.BACK_UP):
        return True
    if action in (Action.RESTORE, Action.REVIEW_QUALITY):
        return role is not Role.DISTRICT  # the office's senior staff: admin, province, the department
    return role in PROVINCE_STAFF  # entrepreneurs, locks, targets, forecasts, receipts for districts


# What the department is told where a province's staff would be named: it reads what provinces confirmed.
DEPARTMENT_REASONS = {
    Action.LOCK: "กรมฯ ไม่ล็อกข้อมูล: แต่ละจังหวัดยืนยัน (ล็อก) ข้อมูลของตนเอง กรมฯ เห็นเฉพาะเดือนที่จังหวัดยืนยันแล้ว"
    " (จำนวนจังหวัดที่ยืนยันดูได้ที่หน้าหลักและแท็บติดตามงาน)",
}


def refusal(user, action: Action, area: str | None = None) -> str | None:
    """Why the user may not do the action in the area, in Thai; None when allowed."""
    role = Role(user.role)
    if not _role_allows(role, action):
        return DEPARTMENT_REASONS.get(action, REASONS[action]) if role is Role.DEPARTMENT else REASONS[action]
    if action in KEY_ACTIONS and area is not None:
        return (
            None if _key_area_allowed(role, user.area_code, area) else KEY_AREAS[role].format(verb=KEY_ACTIONS[action])
        )
    if not _covers(role, user.area_code, area):
        if action is Action.WRITE_RECEIPT:
            return REASONS[action]
        return OUTSIDE.get(role, REASONS.get(action, OUTSIDE[Role.PROVINCE]))
    return None


def _key_area_allowed(role: Role, own_area: str, area: str) -> bool:
    if role is Role.DEPARTMENT:
        return len(area) == 2 and area != NATIONAL
    if role is Role.DISTRICT:
        return area == own_area[:2]
    return area[:2] == own_area[:2] and area != NATIONAL


def allowed(user, action: Action, area: str | None = None) -> bool:
    """Whether the user may do the action in the area."""
    return refusal(user, action, area) is None


def check(user, action: Action, area: str | None = None) -> None:
    """Refuse, with the policy's Thai reason, an action the user may not do in the area."""
    reason = refusal(user, action, area)
    if reason is not None:
        raise PermissionDenied(reason)


@dataclass(frozen=True)
class Permissions:
    """What a user may do in their own area, for the windows to enable buttons by; each refusal's reason
    is the tooltip of the button it disables."""

    reasons: dict  # Action → the Thai reason it is refused, for the refused ones only
    wide: bool  # sees more than one district (picks a district and a tambon)
    level: str  # "district", "province" or "country": how the windows word the user's office

    @property
    def office_name(self) -> str:
        """The user's office in a sentence: อำเภอ, จังหวัด or กรมฯ."""
        return {"district": "อำเภอ", "province": "จังหวัด"}.get(self.level, "กรมฯ")

    @property
    def picks_district_first(self) -> bool:
        """The department: the country's month is 100,000 rows, so its entry tab asks for a district first."""
        return self.level == "country"

    @property
    def senders_name(self) -> str:
        """Whose files this office takes in: the districts' (a province) or the provinces' (the department)."""
        return "จังหวัด" if self.level == "country" else "อำเภอ"

    def may(self, action: Action) -> bool:
        """Whether the action is allowed in the user's own area."""
        return action not in self.reasons

    def reason(self, action: Action) -> str:
        """Why the action is refused ('' when allowed)."""
        return self.reasons.get(action, "")


def permissions(user) -> Permissions:
    """The user's permissions over their own area."""
    reasons = {action: reason for action in Action if (reason := refusal(user, action)) is not None}
    level = "country" if user.area_code == NATIONAL else "district" if len(user.area_code) == 4 else "province"
    return Permissions(reasons, Role(user.role) is not Role.DISTRICT, level)
