"""The first print of a session in the app: a new process starts as the app does (Qt, the database, the login,
the main window shown, its warm-up in the background), waits as an officer would before printing, then prints the
largest district's จต.๒ as the reports tab does; then prints it again (the floor: a print in a process that has
printed before, texts shaped anew). Prints "FIRST <s> LATER <s>"; run by benchmarks/run.py.

    .venv/bin/python benchmarks/first_print.py DATA_DIR DISTRICT YEAR MONTH
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(data_dir: str, district: str, year: int, month: int) -> None:
    from otop_desktop.services import auth
    from otop_desktop.services.office import Office
    from otop_desktop.store.database import open_database
    from otop_desktop.ui.app import application, warm_up_printing
    from otop_desktop.ui.bus import DataBus
    from otop_desktop.ui.context import AppContext
    from otop_desktop.ui.main_window import MainWindow
    from otop_desktop.ui.tasks import wait_for_background, warm_up_later

    app = application()
    database = open_database(Path(data_dir) / "otop.db")
    user = Office(database).query(auth.authenticate, username="province34", password="demo-province")
    window = MainWindow(AppContext(database, user, DataBus()))
    window.show()
    warm_up_later(window, warm_up_printing)
    deadline = time.perf_counter() + 3  # an officer opens the reports tab and picks the form meanwhile
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)
    wait_for_background()

    from otop_desktop.services.forms import thai_pdf
    from otop_desktop.services.forms.jt2 import print_jt2

    office = Office(database, user)
    period = {"district_code": district, "fiscal_year": year, "month": month, "incomplete_ok": True}
    folder = Path(tempfile.mkdtemp(prefix="otop-first-"))
    start = time.perf_counter()
    office.query(print_jt2, path=folder / "first.pdf", **period)
    first = time.perf_counter() - start
    thai_pdf.shaped.cache_clear()
    start = time.perf_counter()
    office.query(print_jt2, path=folder / "later.pdf", **period)
    later = time.perf_counter() - start
    print(f"FIRST {first:.4f} LATER {later:.4f}")
    window.close()
    database.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
