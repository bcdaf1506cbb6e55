"""Marking findings ตรวจแล้ว (checked) with a note, audited; and the unchecked count the lock question states."""

from dataclasses import dataclass

from otop_desktop.core import changes
from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import UserInfo
from otop_desktop.models import QualityReview
from otop_desktop.services import access
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.periods import check_period
from otop_desktop.services.quality.check import SWING_PERCENT, area_prefix, month_findings
from otop_desktop.services.thai import free_text, now_utc


@dataclass(frozen=True)
class Marked:
    """What marking did: how many findings it marked, and when."""

    count: int
    at: object


def _district_of(key: str) -> str:
    parts = key.split("/")
    if len(parts) < 2 or not parts[1].isdigit() or len(parts[1]) != 4:
        raise InvalidInput(f"รหัสรายการตรวจสอบไม่ถูกต้อง: {key[:80]}")
    return parts[1]


def mark_checked(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    keys,
    note: str,
    swing_percent: int = SWING_PERCENT,
) -> Marked:
    """Mark the month's findings named by `keys` checked, with the officer's note; each must still be found
    by the check (a figure changed since is a new question), else nothing is marked."""
    check_period(fiscal_year, month)
    access.check(user, access.Action.REVIEW_QUALITY)
    note = free_text(note, "หมายเหตุการตรวจสอบ", limit=500, required=True)
    keys = sorted(set(keys))
    if not keys:
        raise InvalidInput("กรุณาเลือกรายการที่ตรวจแล้วอย่างน้อยหนึ่งรายการ")
    uow.begin_write()  # the figures the findings question stay as read until the marks are written
    found = {}
    for district in sorted({_district_of(key) for key in keys}):
        prefix = area_prefix(user, district)
        findings, _ = month_findings(uow, prefix, fiscal_year, month, swing_percent)
        found.update({finding.key: finding for finding in findings})
    gone = [key for key in keys if key not in found]
    if gone:
        raise InvalidInput(
            f"ไม่พบ {len(gone)} รายการในผลการตรวจสอบล่าสุด (ข้อมูลอาจถูกแก้ไขแล้ว) ยังไม่ได้บันทึกว่าตรวจแล้ว กรุณากดตรวจสอบใหม่"
        )
    at = now_utc()
    session = uow.session
    for key in keys:
        finding = found[key]
        review = session.get(QualityReview, key) or QualityReview(finding_key=key)
        review.kind, review.area_code = finding.kind.value, finding.district_code
        review.fiscal_year, review.month, review.entrepreneur_id = fiscal_year, month, finding.entrepreneur_id
        review.note, review.reviewed_by, review.reviewed_at = note, user.username, at
        session.add(review)
    record(
        session,
        [
            AuditNote(user.username, "review", "quality_review", key[:80], "note", None, found[key].text[:500], note)
            for key in keys
        ],
        at=at,
    )
    districts = {finding.district_code for finding in found.values()}
    uow.note(changes.touched(changes.Kind.REVIEWS, fiscal_year=fiscal_year, month=month, districts=districts))
    uow.commit()
    return Marked(len(keys), at)


def unchecked_counts(*, uow, user: UserInfo, fiscal_year: int, month: int) -> dict[str, int]:
    """Per district of the user's area, the month's findings nobody has marked checked (none: not listed)."""
    check_period(fiscal_year, month)
    findings, _ = month_findings(uow, area_prefix(user, None), fiscal_year, month)
    counts: dict[str, int] = {}
    for finding in findings:
        if not finding.reviewed:
            counts[finding.district_code] = counts.get(finding.district_code, 0) + 1
    return counts
