"""Reading a scanned file's pages and the document codes on them, with no Qt and no system library: an image
(JPEG or PNG, from a phone) through Pillow, a PDF (from an office scanner) rendered page by page by PDFium
(pypdfium2, which ships its own build for Windows, Linux and macOS), and each page's QR code read by zxing-cpp.
A page is read in grey at 200 dpi, then again at 300 dpi when no code was found (a small or faint QR code)."""

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image, ImageOps, UnidentifiedImageError

from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.forms.verify import code_problem, normalise

KINDS = {".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}
DPI, SHARPER_DPI = 200, 300
MAX_BYTES = 200 * 1024 * 1024  # a scanner's batch of a whole province is a few dozen megabytes
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
    """What a page's QR codes say: the document codes on it (normalised), and any other QR text."""

    codes: tuple[str, ...]
    other: tuple[str, ...] = ()


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
        return len(document)
    finally:
        document.close()


def _pdf(name: str, data: bytes) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise InvalidInput(f"ไฟล์ {name} ไม่ใช่ PDF ที่อ่านได้ (ไฟล์เสียหรือมีรหัสผ่าน)") from None


def _image(name: str, data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise InvalidInput(f"ไฟล์ {name} ไม่ใช่ภาพที่อ่านได้ (ไฟล์เสียหรือไม่ใช่ JPEG/PNG)") from None
    return ImageOps.exif_transpose(image).convert("L")  # a phone's photo as the phone shows it, in grey


def _render(document: pypdfium2.PdfDocument, page: int, dpi: int) -> Image.Image:
    return document[page - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")


def decode(image: Image.Image) -> PageCodes:
    """The QR codes a decoder reads on an image: the document codes (checked, normalised), then other texts."""
    codes, other = [], []
    for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        text = normalise(result.text)
        if not code_problem(text):
            codes += [text] if text not in codes else []
        elif result.text not in other:
            other.append(result.text)
    return PageCodes(tuple(codes), tuple(other))


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
            found = decode(_render(document, page, DPI))
            if not found.codes:
                found = decode(_render(document, page, SHARPER_DPI))
            yield page, found
    finally:
        document.close()
