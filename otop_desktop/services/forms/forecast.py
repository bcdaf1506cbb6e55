"""แบบประมาณการรายได้ (attachment 4): the province's forecast of OTOP sales for a fiscal year, twelve months
October–September in four channels with a remark; row totals and the grand total derived, never typed;
the actual sales beside each month once they exist; printed (forecast_pdf) and exported to Excel
(forecast_xlsx) in the attachment's layout with the reporter's signature block."""

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.files import check_output_path
from otop_desktop.core.users import UserInfo
from otop_desktop.models import Entrepreneur, Forecast, MonthlySale
from otop_desktop.services import access, areas
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.entry import AMOUNT_FIELDS, code_range
from otop_desktop.services.forms.forecast_sheet import ForecastRow, ForecastSheet
from otop_desktop.services.forms.jt2 import Printed
from otop_desktop.services.forms.signatories import get_signatories
from otop_desktop.services.forms.verify import PrintedFigure, new_code, record_print
from otop_desktop.services.money import check_amount, sum_amounts
from otop_desktop.services.periods import check_period
from otop_desktop.services.thai import (
    FISCAL_MONTHS,
    fiscal_year_of,
    free_text,
    month_label,
    now_utc,
    today_in_thailand,
)


def _actuals(session, province_code: str, fiscal_year: int) -> dict[int, int]:
    total = sum(func.coalesce(getattr(MonthlySale, f), 0) for f in AMOUNT_FIELDS)
    query = (
        select(MonthlySale.month, func.sum(total))
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(code_range(province_code), MonthlySale.fiscal_year == fiscal_year)
        .group_by(MonthlySale.month)
    )
    return {month: int(amount) for month, amount in session.execute(query) if amount}


def load_forecast(*, uow, user: UserInfo, fiscal_year: int) -> ForecastSheet:
    """The province's forecast of the year (blank months where none was entered) beside the actual sales."""
    check_period(fiscal_year)
    if user.is_national:  # it printed "จังหวัดกรมการพัฒนาชุมชน" with every month blank
        raise InvalidInput(
            "แบบประมาณการรายได้เป็นแบบของจังหวัด ฐานข้อมูลของกรมฯ ไม่มีประมาณการของตนเอง"
            " (ยอดของแต่ละจังหวัดดูได้ในรายงาน Excel ของกรมฯ ที่แท็บรายงาน)"
        )
    province = user.province_code
    access.check(user, access.Action.VIEW, province)
    stored = {
        row.month: row
        for row in uow.session.scalars(
            select(Forecast).where(Forecast.province_code == province, Forecast.fiscal_year == fiscal_year)
        )
    }
    actual = _actuals(uow.session, province, fiscal_year)
    rows = []
    for month in FISCAL_MONTHS:
        row = stored.get(month)
        amounts = tuple(getattr(row, f) for f in AMOUNT_FIELDS) if row else (None,) * 4
        rows.append(
            ForecastRow(
                month,
                month_label(fiscal_year, month),
                amounts,
                sum_amounts(amounts),
                row.remark if row else "",
                actual.get(month),
            )
        )
    totals = tuple(sum_amounts(row.amounts[i] for row in rows) for i in range(4))
    signer = get_signatories(uow=uow, user=user, area_code=province).get("signs")
    name = areas.describe_area(uow=uow, area_code=province).removeprefix("จังหวัด")
    return ForecastSheet(
        province,
        name,
        fiscal_year,
        tuple(rows),
        totals,
        sum(totals),
        sum(actual.values()),
        access.allowed(user, access.Action.SET_FORECAST, province),
        signer.name if signer else "",
        signer.position if signer else "",
    )


def save_forecast(*, uow, user: UserInfo, fiscal_year: int, months: dict, today: date | None = None) -> ForecastSheet:
    """Save months of the forecast: {month: (four amounts in satang, remark)}; one transaction, audited. A year
    further ahead than the next (by Thailand's date) is refused: a forecast is made for this year and the next,
    and 2600 for 2570 is a slip of the keys."""
    check_period(fiscal_year, months=months)
    latest = fiscal_year_of(today or today_in_thailand()) + 1
    if fiscal_year > latest:
        raise InvalidInput(f"ปีงบประมาณ {fiscal_year} ไกลเกินไป: ประมาณการได้ถึงปีงบประมาณ {latest} (ปีหน้า) กรุณาตรวจสอบปีที่ใส่")
    province = user.province_code
    access.check(user, access.Action.SET_FORECAST, province)
    checked = {}
    for month, (amounts, remark) in months.items():
        if len(amounts) != 4:
            raise InvalidInput("ประมาณการต้องระบุยอด 4 ช่อง")
        for amount in amounts:
            check_amount(amount)
        checked[month] = amounts, free_text(remark, f"หมายเหตุของเดือน{month_label(fiscal_year, month)}", limit=500)
    at = now_utc()
    for month, (amounts, remark) in sorted(checked.items()):
        row = uow.session.get(Forecast, (province, fiscal_year, month))
        old = None if row is None else f"{[getattr(row, f) for f in AMOUNT_FIELDS]} {row.remark}"
        row = row or Forecast(province_code=province, fiscal_year=fiscal_year, month=month)
        uow.session.add(row)
        for field, amount in zip(AMOUNT_FIELDS, amounts):
            setattr(row, field, amount)
        row.remark, row.changed_by, row.changed_at = remark, user.username, at
        record(
            uow.session,
            [
                AuditNote(
                    username=user.username,
                    action="save",
                    entity="forecast",
                    entity_key=f"{province}/{fiscal_year}/{month:02d}",
                    field="amounts",
                    old_value=old,
                    new_value=f"{list(amounts)} {row.remark}",
                )
            ],
            at=at,
        )
    uow.note(touched(Kind.TARGETS, fiscal_year=fiscal_year))
    uow.commit()
    return load_forecast(uow=uow, user=user, fiscal_year=fiscal_year)


def print_forecast(*, uow, user: UserInfo, fiscal_year: int, path: Path | str, thai_digits: bool = True) -> Printed:
    """The forecast as PDF (.pdf) or Excel (.xlsx), by the file's suffix, written whole under its name; the
    print is recorded with a code over its twelve months' figures."""
    check_period(fiscal_year)
    path = check_output_path(path, (".pdf", ".xlsx"))
    sheet = load_forecast(uow=uow, user=user, fiscal_year=fiscal_year)
    figures = [PrintedFigure(0, "ประมาณการ", row.month, tuple(row.amounts)) for row in sheet.rows]
    recorded = {
        "form": "forecast",
        "area_code": sheet.province_code,
        "fiscal_year": fiscal_year,
        "months": list(FISCAL_MONTHS),
        "figures": figures,
    }
    code = new_code(uow=uow)

    from otop_desktop.services.forms.forecast_pdf import render_forecast
    from otop_desktop.services.forms.forecast_xlsx import export_forecast_xlsx

    def record() -> None:
        record_print(uow=uow, user=user, code=code, **recorded)

    if path.suffix.lower() == ".pdf":
        path = render_forecast(sheet, path, thai_digits=thai_digits, code=code, before_naming=record)
    else:
        path = export_forecast_xlsx(sheet, path, code, before_naming=record)
    return Printed(path, code, f"แบบประมาณการรายได้ จังหวัด{sheet.province_name} ปีงบประมาณ {fiscal_year}")


def preview_forecast(*, uow, user: UserInfo, fiscal_year: int, path: Path | str, thai_digits: bool = True) -> Path:
    """The forecast as it will print, for the screen: nothing recorded, no code."""
    from otop_desktop.services.forms.forecast_pdf import render_forecast

    check_period(fiscal_year)
    return render_forecast(load_forecast(uow=uow, user=user, fiscal_year=fiscal_year), path, thai_digits=thai_digits)
