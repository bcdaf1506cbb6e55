"""Taking in 100 scanned pages of signed จต.๒ (issue 29): the demo province's month printed for every district
(each form with its own code), its pages rasterised at 150 dpi in grey, turned a degree or so, speckled and
JPEG-compressed as a scanner makes them, bound into four scanner PDFs of 25 pages; the intake (open each file,
take out or render each page, read its QR code, verify each print, store the files) beside zxing-cpp alone
reading the same scanned pages held in memory (the floor). Used by run.py's `evidence` job."""

import io
import sqlite3
import tempfile
import time
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image

from otop_desktop.core.users import UserInfo
from otop_desktop.services.evidence.intake import take_in_scans
from otop_desktop.services.forms.jt2 import print_province_jt2
from otop_desktop.services.office import Office
from otop_desktop.store.database import open_database

YEAR, MONTH, PAGES, PER_FILE = 2569, 9, 100, 25
PROVINCE = UserInfo("province34", "province", "34", "", "")


def _scanned(image: Image.Image, degrees: float) -> Image.Image:
    turned = image.rotate(degrees, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR)
    noisy = Image.blend(turned, Image.effect_noise(turned.size, 48), 0.15)
    buffer = io.BytesIO()
    noisy.save(buffer, "JPEG", quality=60)
    return Image.open(io.BytesIO(buffer.getvalue()))


def scanner_files(database_path: Path, work: Path) -> tuple[list[Path], list[Image.Image]]:
    """Four scanner PDFs of 25 pages each, from the province's printed จต.๒ (pages repeated to reach 100), and
    the scanned pages themselves, in memory."""
    office = Office(open_database(database_path), PROVINCE)
    printed = office.query(
        print_province_jt2, fiscal_year=YEAR, month=MONTH, path=work / "province.pdf", incomplete_ok=True
    )
    document = pypdfium2.PdfDocument(str(printed.path))
    count = len(document)
    pages = []
    for n in range(PAGES):
        image = document[n % count].render(scale=150 / 72, grayscale=True).to_pil().convert("L")
        pages.append(_scanned(image, (-1.5, -0.5, 0.7, 1.8)[n % 4]))
    document.close()
    files = []
    for start in range(0, PAGES, PER_FILE):
        path = work / f"scanner-{start // PER_FILE + 1}.pdf"
        chunk = pages[start : start + PER_FILE]
        chunk[0].save(path, "PDF", resolution=150, save_all=True, append_images=chunk[1:])
        files.append(path)
    return files, pages


def forget_scans(database_path: Path) -> None:
    """Empty the register between runs, so each run takes the same pages in anew."""
    with sqlite3.connect(database_path) as con:
        con.execute("DELETE FROM evidence_page")
        con.execute("DELETE FROM evidence_file")


def measure(database_path: Path, repeat: int) -> dict:
    """The intake's times, the decoder's alone, and how many pages each found a code on."""
    work = Path(tempfile.mkdtemp(prefix="otop-evidence-"))
    files, images = scanner_files(database_path, work)
    office = Office(open_database(database_path), PROVINCE)
    times, floor, recorded, decoded = [], [], 0, 0
    for _ in range(repeat):
        forget_scans(database_path)
        start = time.perf_counter()
        intake = office.query(take_in_scans, paths=files)
        times.append(time.perf_counter() - start)
        recorded = intake.stored
        start = time.perf_counter()
        decoded = sum(bool(zxingcpp.read_barcodes(i, formats=zxingcpp.BarcodeFormat.QRCode)) for i in images)
        floor.append(time.perf_counter() - start)
    forget_scans(database_path)
    note = f"{PAGES} pages in {len(files)} scanner PDFs; codes found: intake {recorded}, decoder {decoded}"
    floor_name = "zxing-cpp alone on the same scanned pages, in memory"
    return {"times": times, "floor": floor, "floor_name": floor_name, "note": note}
