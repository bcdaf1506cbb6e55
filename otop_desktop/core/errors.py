"""Errors a user can act on: one base class, each with a Thai message a district officer understands."""


class OtopError(Exception):
    """Base of every error shown to the user as it is; `message` is Thai; `detail` (maybe empty) is what another
    program said (a database driver's words), shown only on request, never instead of the Thai."""

    title = "ข้อผิดพลาด"

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.message = message
        self.detail = detail


class LoginFailed(OtopError):
    """Wrong username or password; says nothing about which. Only the right password of a closed login learns
    that the login is closed (`closed`), so that its owner knows whom to ask."""

    title = "เข้าสู่ระบบไม่สำเร็จ"

    def __init__(self, closed: bool = False) -> None:
        super().__init__(
            "บัญชีผู้ใช้งานนี้ถูกปิดแล้ว (ย้ายหรือลาออก) หากต้องการใช้งานอีกครั้ง กรุณาติดต่อผู้ดูแลระบบของจังหวัด"
            if closed
            else "ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง"
        )


class LoginThrottled(OtopError):
    """Too many wrong passwords in a row for a name: the next try must wait."""

    title = "เข้าสู่ระบบไม่สำเร็จ"

    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"ใส่รหัสผ่านผิดหลายครั้งติดต่อกัน กรุณารอ {seconds:,} วินาทีแล้วลองใหม่ หากลืมรหัสผ่าน กรุณาให้ผู้ดูแลระบบตั้งรหัสผ่านใหม่"
        )
        self.seconds = seconds


class PermissionDenied(OtopError):
    """The user's role or area does not allow the action."""

    title = "ไม่มีสิทธิ์"


class InvalidInput(OtopError):
    """A typed or pasted value that cannot be accepted."""

    title = "ข้อมูลไม่ถูกต้อง"


class NotYet(InvalidInput):
    """Right in itself, but not yet: a month not begun, or not at its end, or not confirmed, for what waits for it."""

    title = "ยังทำรายการนี้ไม่ได้"


class NotFound(OtopError):
    """A record the action needs does not exist."""

    title = "ไม่พบข้อมูล"


class DatabaseProblem(OtopError):
    """The database file cannot be opened or is not an otop-desktop database."""

    title = "ฐานข้อมูลมีปัญหา"


class PasswordNeeded(DatabaseProblem):
    """The office's server asks for a password that neither ~/.pgpass nor the officer gave (or it was wrong)."""


class MonthLocked(OtopError):
    """A write to a district-month that the province has locked (confirmed)."""

    title = "เดือนนี้ล็อกข้อมูลแล้ว"


class DatabaseBusy(OtopError):
    """Another program held the database longer than we wait; the action was rolled back whole."""

    title = "ฐานข้อมูลไม่ว่าง"

    def __init__(self) -> None:
        super().__init__(
            "ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมหรือเครื่องอื่นนานเกินไป ยังไม่ได้บันทึกหรือเปลี่ยนแปลงข้อมูลใด ๆ "
            "กรุณารอสักครู่แล้วลองใหม่ (หากเปิดโปรแกรมไว้หลายหน้าต่าง ให้ปิดหน้าต่างที่ไม่ใช้)"
        )


class SavedChoiceUnreadable(DatabaseProblem):
    """This PC's saved choice of database (connection.json) cannot be taken; nothing was opened or created."""

    def __init__(self, path, reason: str = "") -> None:
        super().__init__(
            f"อ่านการเลือกฐานข้อมูลที่บันทึกไว้ในไฟล์ {path} ไม่ได้{f' ({reason})' if reason else ''} "
            "ยังไม่ได้เปิดหรือสร้างฐานข้อมูลใด ๆ กรุณาเลือกฐานข้อมูลใหม่ที่ปุ่ม ฐานข้อมูล… ในหน้าเข้าสู่ระบบ "
            "หรือลบไฟล์นี้เพื่อใช้ไฟล์ข้อมูลในเครื่องนี้"
        )
        self.path = path


class ForeignDatabase(DatabaseProblem):
    """The database holds tables that are not this program's (another application's); nothing was changed."""

    def __init__(self, place: str) -> None:
        super().__init__(
            f"ฐานข้อมูล {place} มีตารางของโปรแกรมอื่นอยู่ ไม่ใช่ฐานข้อมูลของโปรแกรมนี้ จึงไม่ได้เปิดหรือเปลี่ยนแปลงใด ๆ "
            "กรุณาตรวจสอบชื่อฐานข้อมูล หรือใช้ฐานข้อมูลว่างที่สร้างด้วยคำสั่ง server-setup"
        )


class NewerDatabase(DatabaseProblem):
    """The database was made or upgraded by a newer version of the program; nothing was changed."""

    def __init__(self, place: str) -> None:
        super().__init__(
            f"ฐานข้อมูล {place} ถูกปรับรุ่นโดยโปรแกรมรุ่นที่ใหม่กว่านี้ ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ กรุณาติดตั้งโปรแกรมรุ่นล่าสุดบนเครื่องนี้ก่อนใช้งาน"
        )


# Said when the connection failed while the server was ending a transaction: it may have committed first.
_SAVED_OR_NOT = "ไม่ทราบว่าเซิร์ฟเวอร์บันทึกรายการล่าสุดไว้แล้วหรือไม่ กรุณาตรวจสอบข้อมูลก่อนทำซ้ำ"
_NOTHING_SAVED = "ยังไม่ได้บันทึกหรือเปลี่ยนแปลงข้อมูลใด ๆ"


class ServerNotAnswering(DatabaseProblem):
    """The server took longer than the program waits (frozen, or the network is down); the action was rolled back
    (`unsure`: it failed while the transaction was ending, which the server may have committed)."""

    def __init__(self, seconds: float, unsure: bool = False) -> None:
        super().__init__(
            f"เซิร์ฟเวอร์ฐานข้อมูลไม่ตอบสนองภายใน {seconds:g} วินาที {_SAVED_OR_NOT if unsure else _NOTHING_SAVED} "
            "กรุณาตรวจสอบเครือข่ายและเครื่องเซิร์ฟเวอร์ แล้วลองใหม่"
        )


class ConnectionLost(DatabaseProblem):
    """The server closed the connection (restarted, or the network dropped); the next try connects afresh."""

    def __init__(self, unsure: bool = False) -> None:
        super().__init__(
            "การเชื่อมต่อกับเซิร์ฟเวอร์ฐานข้อมูลขาดหาย (เซิร์ฟเวอร์อาจเพิ่งเริ่มใหม่) "
            f"{_SAVED_OR_NOT if unsure else _NOTHING_SAVED} กรุณาลองใหม่อีกครั้ง"
        )
