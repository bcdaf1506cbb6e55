"""The check as a file: a PDF (paper.py), or an Excel workbook or CSV through the reports' writer (Thai headings,
text as text, OWASP's quote in CSV, written whole or not at all); which one by the file's extension."""

from pathlib import Path

from otop_desktop.core.files import check_output_path
from otop_desktop.core.users import UserInfo
from otop_desktop.services import areas
from otop_desktop.services.forms.signatories import chair_position, get_signatories
from otop_desktop.services.quality.check import SWING_PERCENT, check_month
from otop_desktop.services.quality.findings import QualityCheck
from otop_desktop.services.quality.paper import TITLE, Certifier, render_check
from otop_desktop.services.reports.exports import Column, Report, Sheet
from otop_desktop.services.reports.writers import write_report
from otop_desktop.services.thai import format_thai_datetime, month_label, now_utc

SUFFIXES = (".pdf", ".xlsx", ".csv")
COLUMNS = [
    Column("ที่", "number", 6),
    Column("ประเภท", "text", 20),
    Column("รหัสอำเภอ", "text", 10),
    Column("อำเภอ", "text", 18),
    Column("ตำบล", "text", 18),
    Column("รหัสผู้ประกอบการ", "number", 12),
    Column("ผู้ประกอบการ", "text", 34),
    Column("ช่องทาง", "text", 18),
    Column("รายละเอียด", "text", 90),
    Column("การตรวจ", "text", 12),
    Column("ตรวจโดย", "text", 14),
    Column("เมื่อ", "text", 24),
    Column("หมายเหตุการตรวจ", "text", 40),
    Column("รหัสรายการ", "text", 40),
]


def quality_report(check: QualityCheck) -> Report:
    """The check as a Report for the xlsx/CSV writer: one row a finding."""
    rows = []
    for number, f in enumerate(check.findings, 1):
        review = f.review
        rows.append(
            [
                number,
                f.kind.title,
                f.district_code,
                f.district_name,
                f.tambon_name,
                f.entrepreneur_id,
                f.entrepreneur_name,
                f.channel_name,
                f.text,
                "ตรวจแล้ว" if review else "ยังไม่ตรวจ",
                review.shown_by if review else "",
                format_thai_datetime(review.reviewed_at) if review else "",
                review.note if review else "",
                f.key,
            ]
        )
    period = f"เดือน{month_label(check.fiscal_year, check.month)} ปีงบประมาณ {check.fiscal_year}"
    return Report(
        "quality",
        TITLE,
        check.area_name,
        period,
        f"ตรวจเมื่อ {format_thai_datetime(now_utc())}",
        [check.counts_text()],
        COLUMNS,
        [Sheet("ผลการตรวจสอบ", rows)],
        label_columns=1,
        row_count=len(rows),
    )


def _certifier(uow, user: UserInfo) -> Certifier | None:
    """Who certifies the check: the OTOP network's chair of the office that checked (the province's check,
    of the province or of one of its districts, นตผ.จังหวัด; a district's own, นตผ.อำเภอ), as the office set
    its signatories, or by position alone to sign by hand; none for the department."""
    if user.is_national:
        return None
    chair = get_signatories(uow=uow, user=user, area_code=user.area_code).get("certifies")
    position = chair_position(areas.office_name(uow=uow, area_code=user.area_code))
    return Certifier(chair.name, chair.position or position) if chair and chair.name else Certifier("", position)


def save_check(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    path: Path | str,
    area_code: str | None = None,
    swing_percent: int = SWING_PERCENT,
) -> QualityCheck:
    """Run the month's check and write it as .pdf, .xlsx or .csv by the file's extension; returns the check."""
    target = check_output_path(path, SUFFIXES)
    check = check_month(
        uow=uow, user=user, fiscal_year=fiscal_year, month=month, area_code=area_code, swing_percent=swing_percent
    )
    if target.suffix.lower() == ".pdf":
        render_check(check, user, target, _certifier(uow, user))
    else:
        write_report(quality_report(check), target)
    return check
