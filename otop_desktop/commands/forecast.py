"""`otop-desktop forecast show|set`: the province's monthly revenue forecast beside the actual sales."""

from otop_desktop.commands.common import as_user, on_the_database, user_and_period, user_and_year


def add(commands) -> dict:
    """Add `forecast show|set`."""
    forecast = commands.add_parser("forecast", help="ประมาณการรายได้ของจังหวัดรายเดือน").add_subparsers(
        dest="forecast_command", required=True
    )
    user_and_year(forecast.add_parser("show", help="แสดงประมาณการเทียบยอดจริง"))
    setter = user_and_period(forecast.add_parser("set", help="บันทึกประมาณการของเดือน (บาท 4 ช่อง)"))
    setter.add_argument(
        "amounts", nargs=4, metavar="AMOUNT", help="ในประเทศออฟไลน์ ออนไลน์ ต่างประเทศออฟไลน์ ออนไลน์ ('' = ว่าง)"
    )
    setter.add_argument("--remark", default="", help="หมายเหตุ")
    return {"forecast": run_forecast}


@on_the_database
@as_user
def run_forecast(args, office) -> int:
    """Show, or set a month of, the forecast as --user."""
    from otop_desktop.services.entry import CHANNELS
    from otop_desktop.services.forms.forecast import load_forecast, save_forecast
    from otop_desktop.services.money import entered_total, format_baht, parse_amount

    if args.forecast_command == "set":
        amounts = tuple(parse_amount(text) for text in args.amounts)
        before = office.query(load_forecast, fiscal_year=args.year) if entered_total(amounts) is None else None
        sheet = office.query(save_forecast, fiscal_year=args.year, months={args.month: (amounts, args.remark)})
        if before is not None:  # four blanks clear the month: say so, and what it held
            held = next(row for row in before.rows if row.month == args.month)
            if entered_total(held.amounts) is not None:
                print(f"ล้างประมาณการของเดือน{held.label} แล้ว (เดิมรวม {format_baht(held.total)} บาท)")
            else:
                print(f"เดือน{held.label} ไม่มีประมาณการอยู่แล้ว")
        else:
            saved = next(row for row in sheet.rows if row.month == args.month)
            print(f"บันทึกประมาณการของเดือน{saved.label} แล้ว: รวม {format_baht(entered_total(saved.amounts))} บาท")
    else:
        sheet = office.query(load_forecast, fiscal_year=args.year)
    print(f"ประมาณการรายได้ จังหวัด{sheet.province_name} ปีงบประมาณ {sheet.fiscal_year}")
    print("\t".join(("เดือน", *(channel.replace(" ", "") for channel in CHANNELS), "รวม", "ยอดจริง", "หมายเหตุ")))
    for row in sheet.rows:
        cells = "\t".join(format_baht(a, blank="-") for a in row.amounts)
        figures = f"{format_baht(entered_total(row.amounts), blank='-')}\t{format_baht(row.actual, blank='-')}"
        print(f"{row.label}\t{cells}\t{figures}\t{row.remark}")
    totals = "\t".join(format_baht(a) for a in (*sheet.totals, sheet.total, sheet.actual_total))
    print(f"รวมทั้งสิ้น\t{totals}")
    return 0
