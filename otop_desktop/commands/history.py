"""`otop-desktop history`: every change of one entrepreneur's month, one line a step."""

from otop_desktop.commands.common import (
    ENTREPRENEUR_HELP,
    as_user,
    entrepreneur_named,
    on_the_database,
    user_and_period,
)


def add(commands) -> dict:
    """Add `history`."""
    command = user_and_period(commands.add_parser("history", help="ประวัติการเปลี่ยนแปลงยอดของผู้ประกอบการหนึ่งรายในเดือนหนึ่ง"))
    command.add_argument("--entrepreneur", required=True, help=ENTREPRENEUR_HELP)
    return {"history": run_history}


@on_the_database
@as_user
def run_history(args, office) -> int:
    """Print the figure's history: a heading, then when | who | what | old → new | which file | lock state."""
    from otop_desktop.services.history import figure_history
    from otop_desktop.services.money import format_baht

    chosen = entrepreneur_named(office, args.entrepreneur)
    found = office.query(figure_history, entrepreneur_id=chosen, year=args.year, month=args.month)
    print(f"ประวัติยอดของ {found.title}")
    now = (
        "ไม่อยู่ในรายการของเดือน"
        if found.current is None
        else " / ".join(format_baht(amount, blank="—") for amount in found.current)
    )
    print(f"ยอดปัจจุบัน (ในประเทศ ออฟไลน์ / ออนไลน์ / ต่างประเทศ ออฟไลน์ / ออนไลน์): {now}")
    for step in found.steps:
        print(step.line())
    if not found.steps:
        print("ยังไม่มีการเปลี่ยนแปลง")
    return 0
