"""Whether a district and its province hold the same figures: the receipt carries the province's figures of the
district's months (rows, total, a digest of every row), and the district, reading it, compares them with its own.
A figure changed after the last file was sent, or a file that never arrived, shows there, not months later."""

import hashlib
import json

from sqlalchemy import select

from otop_desktop.models import Entrepreneur, MonthlySale
from otop_desktop.services.entry import AMOUNT_FIELDS, code_range
from otop_desktop.services.money import format_baht
from otop_desktop.services.periods import check_period
from otop_desktop.services.thai import month_label

DIGEST_LENGTH = 64  # hex characters of a SHA-256


def month_figures(session, district_code: str, fiscal_year: int, months) -> dict[str, list]:
    """Each month's {month: [rows, total satang, digest]} of the district's rows here: the entrepreneurs by their
    uid (the same in every office), each with its four amounts, in one order."""
    check_period(fiscal_year, months=months)
    query = (
        select(MonthlySale.month, Entrepreneur.uid, *(getattr(MonthlySale, f) for f in AMOUNT_FIELDS))
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(MonthlySale.fiscal_year == fiscal_year, MonthlySale.month.in_(list(months)), code_range(district_code))
    )
    rows: dict[int, list] = {month: [] for month in months}
    for month, uid, *amounts in session.execute(query):
        rows[month].append([uid, *amounts])
    return {str(month): _figures(found) for month, found in rows.items()}


def _figures(rows: list) -> list:
    rows.sort(key=lambda row: row[0])
    digest = hashlib.sha256(json.dumps(rows, separators=(",", ":")).encode()).hexdigest()
    return [len(rows), sum(a or 0 for row in rows for a in row[1:]), digest]


def well_formed(figures, months) -> bool:
    """Whether a receipt's figures are what month_figures writes, for the receipt's own months only."""
    if not isinstance(figures, dict):
        return False
    written = {str(month) for month in months}  # as month_figures writes them: Arabic digits, no sign or space
    for month, value in figures.items():
        if month not in written:
            return False
        if not (isinstance(value, list) and len(value) == 3):
            return False
        rows, total, digest = value
        if type(rows) is not int or type(total) is not int or not 0 <= rows <= 10**7 or not 0 <= total < 10**18:
            return False
        if not (isinstance(digest, str) and len(digest) == DIGEST_LENGTH and set(digest) <= set("0123456789abcdef")):
            return False
    return True


def disagreement(session, district_code: str, fiscal_year: int, theirs: dict, locked=()) -> str:
    """In Thai, the months whose figures here differ from the province's (theirs: month_figures of the province's
    rows); '' when every month agrees. Only what was compared is said. A differing month the province has
    locked (`locked`) takes no new file until it is unlocked: the advice says so."""
    check_period(fiscal_year)
    if not theirs:
        return ""
    ours = month_figures(session, district_code, fiscal_year, sorted(int(m) for m in theirs))
    differ = [
        f"เดือน{month_label(fiscal_year, int(month))}: จังหวัดมี {format_baht(there[1])} บาท ({there[0]:,} ราย)"
        f" ที่นี่มี {format_baht(ours[month][1])} บาท ({ours[month][0]:,} ราย)"
        + (" จำนวนเงินรวมเท่ากันแต่รายการไม่ตรงกัน" if there[1] == ours[month][1] and there[0] == ours[month][0] else "")
        for month, there in sorted(theirs.items(), key=lambda item: int(item[0]))
        if there[2] != ours[month][2]
    ]
    if not differ:
        return f"ยอดตรงกับของจังหวัดทุกเดือน ({len(theirs)} เดือน)"
    shut = [m for m, there in theirs.items() if there[2] != ours[m][2] and int(m) in set(locked)]
    advice = (
        "ถ้ายอดที่นี่ถูกต้อง ให้ขอให้จังหวัดปลดล็อกเดือนนั้นก่อน (เดือนที่ล็อกแล้วจังหวัดไม่รับไฟล์) แล้วส่งออกไฟล์ของเดือนนั้นอีกครั้ง"
        if shut
        else "ถ้ายอดที่นี่ถูกต้อง ให้ส่งออกไฟล์ของเดือนนั้นให้จังหวัดอีกครั้ง"
    )
    return "ยอดไม่ตรงกับของจังหวัด: " + "; ".join(differ) + f" กรุณาตรวจสอบกับจังหวัด {advice}"
