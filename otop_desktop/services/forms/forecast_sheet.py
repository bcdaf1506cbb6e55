"""The province's forecast sheet as data, for the screen, the PDF (forecast_pdf) and the workbook
(forecast_xlsx): its rows, its totals and the reporter's signature block."""

from dataclasses import dataclass

TITLE = "แบบประมาณการรายได้จากการจำหน่ายผลิตภัณฑ์ OTOP"


@dataclass(frozen=True)
class ForecastRow:
    """One month: the forecast in four channels, its total, the remark, and the actual sales (or None)."""

    month: int
    label: str
    amounts: tuple
    total: int
    remark: str
    actual: int | None


@dataclass(frozen=True)
class ForecastSheet:
    """A province's forecast of a fiscal year."""

    province_code: str
    province_name: str
    fiscal_year: int
    rows: tuple[ForecastRow, ...]
    totals: tuple
    total: int
    actual_total: int
    editable: bool  # whether this user may change it (the policy's answer)
    reporter_name: str = ""
    reporter_position: str = ""


def signature_lines(sheet: ForecastSheet) -> tuple[str, ...]:
    """The reporter's block: ลงชื่อ…ผู้รายงาน, the name in parentheses, the position, and the office's title
    (พัฒนาการจังหวัด…) unless the position already says it."""
    office = f"พัฒนาการจังหวัด{sheet.province_name}"
    position = " ".join(sheet.reporter_position.split())
    lines = (f"ลงชื่อ{'.' * 40}ผู้รายงาน", f"({sheet.reporter_name or '.' * 44})")
    if not position:
        return (*lines, f"ตำแหน่ง{'.' * 30}", office)
    if position.replace(" ", "") == "พัฒนาการจังหวัด":
        return (*lines, office)
    if office.replace(" ", "") in position.replace(" ", ""):
        return (*lines, position)
    return (*lines, position, office)
