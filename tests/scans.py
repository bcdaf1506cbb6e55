"""Paper that came back, as a scanner or a phone makes it: a printed PDF's page rasterised at 150 dpi in grey,
turned a degree or two, with noise and JPEG compression; several such pages bound into a scanner's PDF."""

import io
from functools import cache
from pathlib import Path

import pypdfium2
from PIL import Image


def page_image(pdf: Path, page: int = 1, dpi: int = 150) -> Image.Image:
    """A page of a PDF rendered in grey."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return document[page - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def scanned(image: Image.Image, degrees: float = 1.5, quality: int = 60) -> Image.Image:
    """The image as a scan: turned, speckled with noise, JPEG-compressed."""
    turned = image.rotate(degrees, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR)
    noisy = Image.blend(turned, _noise(turned.size), 0.15)
    buffer = io.BytesIO()
    noisy.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


@cache
def _noise(size: tuple[int, int]) -> Image.Image:
    """Gaussian speckle of a page's size, made once a run for each size: drawing it took 0.18 s a page, a sixth of
    the scan tests' time (the decoder meets new noise anyway: each page's picture under it differs)."""
    return Image.effect_noise(size, 48)


def scan_to_jpeg(pdf: Path, out: Path, page: int = 1, degrees: float = 1.5) -> Path:
    """One page of a printed PDF as a phone's JPEG."""
    scanned(page_image(pdf, page), degrees).save(out, "JPEG", quality=60)
    return out


def scan_to_pdf(pages: list[Image.Image], out: Path) -> Path:
    """Scanned pages bound as a scanner's PDF (one JPEG a page, 150 dpi)."""
    pages[0].save(out, "PDF", resolution=150, save_all=True, append_images=pages[1:])
    return out


def without_qr(image: Image.Image) -> Image.Image:
    """The page with its top-left corner (where the QR code is printed) blanked, as a torn or smudged copy."""
    blank = image.copy()
    blank.paste(255, (0, 0, blank.width // 4, blank.height // 4))
    return blank
