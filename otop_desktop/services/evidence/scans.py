"""Reading a scanned file's pages and the document codes on them, with no Qt and no system library: an image
(JPEG or PNG, from a phone) through Pillow, a PDF (from an office scanner) page by page through PDFium
(pypdfium2, which ships its own build for Windows, Linux and macOS), and each page's QR code read by zxing-cpp.
A scanner's page is its one stored picture, read as it is; a page that is not, or shows no code that way, is
rendered in grey at 200 dpi, then at 300 dpi (a small or faint QR code)."""

import hashlib
import io
import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image, ImageFilter, ImageOps, UnidentifiedImageError

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.files import check_input_path
from otop_desktop.paths import APP_NAME
from otop_desktop.services.forms.verify import code_problem, read_qr

ENLARGE_BELOW_PX = 2_500  # a page narrower than this is also tried twice as large

KINDS = {".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}
DPI, SHARPER_DPI = 200, 300
MAX_BYTES = 200 * 1024 * 1024  # a scanner's batch of a whole province is a few dozen megabytes
# A 108-megapixel phone's photo is a scan; beyond this no camera's (a 40000×40000 PNG of a few hundred kilobytes
# is a bomb): refused, saying so. A photo over READ_PIXELS is decoded smaller (a JPEG decodes at ½, ¼, ⅛ of its
# size at once): a 108-megapixel photo took a gigabyte, and its QR code reads as well at half the size.
MAX_PIXELS = 130_000_000
READ_PIXELS = 30_000_000
SUPPORTED = "PDF, JPEG หรือ PNG"


@dataclass(frozen=True)
class ScannedFile:
    """A file as it came: its name, kind, bytes and their SHA-256, and how many pages it holds."""

    path: Path
    kind: str
    data: bytes
    sha256: str
    pages: int

    @property
    def name(self) -> str:
        """The file's own name, without its folder."""
        return self.path.name


@dataclass(frozen=True)
class PageCodes:
    """What a page's QR codes say: the document codes on it (normalised), any other QR text, and for each code
    whose QR code names it, the page of the print it is on as (page, pages)."""

    codes: tuple[str, ...]
    other: tuple[str, ...] = ()
    places: dict[str, tuple[int, int]] = field(default_factory=dict)


def scan_files(paths) -> list[Path]:
    """The files to take in: each file given, and every PDF, JPEG or PNG in a folder given (its subfolders too),
    in name order; a file of another kind given by name is kept, to be refused with a reason."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KINDS))
        else:
            found.append(path)
    return found


def open_scan(path: Path) -> ScannedFile:
    """Read a file whole and count its pages; a Thai refusal when it is no PDF, JPEG or PNG, or unreadable."""
    check_input_path(path)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise InvalidInput(f"ไฟล์ {path.name} ไม่ใช่ไฟล์สแกนที่รับได้ (รับ {SUPPORTED})")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InvalidInput(f"ไฟล์ {path.name} ใหญ่เกิน {MAX_BYTES // 1024 // 1024} MB กรุณาแยกเป็นหลายไฟล์")
        data = path.read_bytes()
    except OSError:
        raise InvalidInput(f"อ่านไฟล์ {path.name} ไม่ได้ (ไม่พบไฟล์หรือไม่มีสิทธิ์อ่าน)") from None
    return ScannedFile(path, kind, data, hashlib.sha256(data).hexdigest(), _count_pages(path.name, kind, data))


def _count_pages(name: str, kind: str, data: bytes) -> int:
    if kind != "pdf":
        _image(name, data)
        return 1
    document = _pdf(name, data)
    try:
        if document.get_metadata_dict().get("Creator") == APP_NAME:  # the program's own print, not a scan
            raise InvalidInput(
                f"ไฟล์ {name} เป็นแบบที่โปรแกรมนี้พิมพ์ออกมา (PDF ต้นฉบับ) ยังไม่ใช่สำเนาที่ลงนามแล้ว"
                " กรุณาพิมพ์ออกมาให้ผู้มีอำนาจลงนาม แล้วสแกนแบบที่ลงนามแล้วมาบันทึก"
            )
        return len(document)
    finally:
        document.close()


def _pdf(name: str, data: bytes) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise InvalidInput(f"ไฟล์ {name} ไม่ใช่ PDF ที่อ่านได้ (ไฟล์เสียหรือมีรหัสผ่าน)") from None


def _image(name: str, data: bytes) -> Image.Image:
    too_large = InvalidInput(
        f"ภาพ {name} ใหญ่เกินกว่าภาพสแกนหรือภาพถ่ายใด ๆ (เกิน {MAX_PIXELS // 1_000_000} ล้านจุด) จึงไม่ได้อ่าน"
        " กรุณาสแกนหรือถ่ายใหม่ที่ความละเอียดปกติ"
    )
    try:
        with warnings.catch_warnings():  # Pillow's English warning of a large image: the size is checked here
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            pixels = image.width * image.height
            if pixels > MAX_PIXELS:
                raise too_large
            if pixels > READ_PIXELS and image.format == "JPEG":
                shrink = math.ceil(math.sqrt(pixels / READ_PIXELS))
                image.draft("L", (image.width // shrink, image.height // shrink))
            image.load()
    except Image.DecompressionBombError:
        raise too_large from None
    except (UnidentifiedImageError, OSError):
        raise InvalidInput(f"ไฟล์ {name} ไม่ใช่ภาพที่อ่านได้ (ไฟล์เสียหรือไม่ใช่ JPEG/PNG)") from None
    return ImageOps.exif_transpose(image).convert("L")  # a phone's photo as the phone shows it, in grey


def _render(document: pypdfium2.PdfDocument, page: int, dpi: int) -> Image.Image:
    """The page drawn at `dpi`, or smaller where that would pass READ_PIXELS (a page of 5 metres a side drew
    1.6 billion pixels, and the program died after 10 GB)."""
    width, height = document[page - 1].get_size()  # points
    scale = min(dpi / 72, math.sqrt(READ_PIXELS / max(width * height, 1.0)) * 0.999)  # the drawn size rounds up
    return document[page - 1].render(scale=scale, grayscale=True).to_pil().convert("L")


def _scanned_image(document: pypdfium2.PdfDocument, page: int) -> Image.Image | None:
    """The picture a scanner put on the page, as it stored it (a scanner's PDF is one image a page): read ten
    times faster than rendering the page. None when the page is not a single picture."""
    try:
        pictures = list(document[page - 1].get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))
        if len(pictures) != 1:
            return None
        width, height = pictures[0].get_px_size()
        if width * height > READ_PIXELS:  # drawn instead, at a size that fits (_render)
            return None
        return pictures[0].get_bitmap(render=False).to_pil().convert("L")
    except (pypdfium2.PdfiumError, ValueError, OSError):
        return None


def _attempts(image: Image.Image):
    """The image as the decoder sees it, one way after another: as it is; thresholded over the whole page
    (speckle from a scanner's noise defeats the local threshold); smoothed of speckle; twice as large (a
    small QR code at a scanner's low resolution)."""
    local, whole = zxingcpp.Binarizer.LocalAverage, zxingcpp.Binarizer.GlobalHistogram
    yield image, local
    yield image, whole
    yield image.filter(ImageFilter.MedianFilter(3)), local
    if image.width < ENLARGE_BELOW_PX:
        yield image.resize((image.width * 2, image.height * 2), Image.Resampling.BILINEAR), local


def decode(image: Image.Image) -> PageCodes:
    """The QR codes a decoder reads on an image: the document codes (checked, normalised), then other texts.
    A page where no code is read is tried again other ways."""
    codes, other, places = [], [], {}
    for attempt, binarizer in _attempts(image):
        for result in zxingcpp.read_barcodes(attempt, formats=zxingcpp.BarcodeFormat.QRCode, binarizer=binarizer):
            text, place = read_qr(result.text)
            if not code_problem(text):
                codes += [text] if text not in codes else []
                if place:
                    places[text] = place
            elif result.text not in other:
                other.append(result.text)
        if codes:
            break
    return PageCodes(tuple(codes), tuple(other), places)


def read_pages(scan: ScannedFile, pages):
    """(page, PageCodes) for each page asked for (1-based), the file opened once; a PDF page with no code is
    read again, sharper."""
    if scan.kind != "pdf":
        for page in pages:
            yield page, decode(_image(scan.name, scan.data))
        return
    document = _pdf(scan.name, scan.data)
    try:
        for page in pages:
            yield page, _read_pdf_page(document, page)
    finally:
        document.close()


def _read_pdf_page(document: pypdfium2.PdfDocument, page: int) -> PageCodes:
    """A PDF page's codes: from its scanned picture as stored, else rendered at 200 dpi, then at 300 dpi."""
    picture = _scanned_image(document, page)
    found = decode(picture) if picture is not None else PageCodes(())
    for dpi in (DPI, SHARPER_DPI):
        if found.codes:
            break
        found = decode(_render(document, page, dpi))
    return found
