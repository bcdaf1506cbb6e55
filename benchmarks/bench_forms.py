"""Printing แบบ จต.๒: the largest demo district (วารินชำราบ, about 310 entrepreneurs) through the real form
(harfbuzz shaping, word breaking, /ActualText), beside reportlab drawing the same table's texts with no
shaping and no word breaking in the same run (the floor); then the whole demo province's month as one PDF.
Prints figures; never fails.

    .venv/bin/python benchmarks/bench_forms.py [--repeat 5]
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from otop_desktop.core.users import UserInfo
from otop_desktop.demo import build_demo
from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.jt2 import jt2_form, print_province_jt2, render_jt2
from otop_desktop.services.money import format_baht
from otop_desktop.services.office import Office
from otop_desktop.store.database import open_database

DISTRICT, YEAR, MONTH = "3415", 2569, 9
PROVINCE = UserInfo("province34", "province", "34", "", "")


def floor(form, path: Path) -> None:
    """The same texts drawn plainly: one line each, 25 rows a page, no shaping, no breaking, no marked content."""
    thai_pdf.register_fonts()
    canvas = Canvas(str(path), pagesize=landscape(A4))
    y = 520
    for tambon in form.tambons:
        for line in tambon.lines:
            if y < 60:
                canvas.showPage()
                y = 520
            canvas.setFont(thai_pdf.REGULAR, 11)
            canvas.drawString(90, y, line.name)
            canvas.drawString(300, y, line.product_type)
            for i, amount in enumerate((*line.amounts, line.total)):
                canvas.drawRightString(480 + 80 * i, y, format_baht(amount, blank="-"))
            y -= 18
    canvas.save()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        database = open_database(build_demo(work / "otop.db").path)
        office = Office(database, PROVINCE)
        form = office.query(jt2_form, district_code=DISTRICT, fiscal_year=YEAR, month=MONTH)
        rows = sum(len(t.lines) for t in form.tambons)
        start = time.perf_counter()
        render_jt2(form, work / "first.pdf")  # loads the word list and shapes every text for the first time
        first = time.perf_counter() - start
        thai_pdf.shaped.cache_clear()  # every later run shapes its texts again
        timings, floors = [], []
        for number in range(args.repeat):
            thai_pdf.shaped.cache_clear()
            start = time.perf_counter()
            render_jt2(form, work / f"jt2-{number}.pdf")
            timings.append(time.perf_counter() - start)
            start = time.perf_counter()
            floor(form, work / f"floor-{number}.pdf")
            floors.append(time.perf_counter() - start)
        best, plain = min(timings), min(floors)
        print(f"จต.๒ อำเภอ{form.district_name} {form.period_text}: {rows:,} entrepreneurs")
        print(f"  first print in a process (word list, fonts)   {first:7.3f} s")
        print(f"  print (median {statistics.median(timings):.3f} s)              best {best:7.3f} s   (aim < 0.50 s)")
        print(f"  reportlab, same texts, no shaping (floor)     {plain:7.3f} s   ratio {best / plain:5.1f}×")
        start = time.perf_counter()
        whole = office.query(print_province_jt2, fiscal_year=YEAR, month=MONTH, path=work / "province.pdf")
        print(
            f"  the whole province's month, one PDF ({len(whole.codes)} districts, recorded)   "
            f"{time.perf_counter() - start:7.3f} s"
        )
        database.close()


if __name__ == "__main__":
    main()
