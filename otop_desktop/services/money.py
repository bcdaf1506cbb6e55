"""Money is integer satang: parsing what officers type (Thai or Arabic digits, separators) and showing baht."""

import re

from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.thai import to_arabic_digits

# One sales cell (an entrepreneur's month through one channel) holds under a billion baht: far above
# any OTOP producer (the whole country sells about 315 billion baht a year), and low enough that SQL
# sums stay exact in 64 bits: a year of the whole country at the cap (1.2 M rows x 4 cells x 10**11)
# is 4.8 x 10**17, and ten years of it (4.8 x 10**18) are still under SQLite's 9.2 x 10**18.
MAX_SATANG = 100_000_000_000
# A district's base-year sales (targets) may be larger than one cell: up to a trillion baht.
MAX_BASE_SATANG = 100_000_000_000_000
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$|^\.(\d+)$")


def parse_amount(text: str, *, maximum: int = MAX_SATANG) -> int | None:
    """Parse a typed amount in baht into satang; blank is None. Refuses negatives, >2 decimals, text,
    and amounts of `maximum` satang or more (a sales cell's cap unless said otherwise)."""
    cleaned = to_arabic_digits(text or "").strip().replace(" ", "").replace("\u00a0", "")
    if cleaned.endswith("บาท"):
        cleaned = cleaned[: -len("บาท")]
    if cleaned == "":
        return None
    if cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")")):
        raise InvalidInput(f"“{text}”: ยอดจำหน่ายต้องไม่ติดลบ")
    match = _NUMBER.match(cleaned)
    if match is None:
        raise InvalidInput(f"“{text}”: กรุณากรอกเป็นตัวเลข เช่น 12,500 หรือ 12500.50")
    whole, _, fraction = cleaned.replace(",", "").partition(".")
    if len(fraction) > 2:
        raise InvalidInput(f"“{text}”: ทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)")
    satang = int(whole or "0") * 100 + int((fraction + "00")[:2])
    if satang >= maximum:
        raise InvalidInput(f"“{text}”: ยอดเงินสูงเกินกว่าที่เป็นไปได้ กรุณาตรวจสอบ")
    return satang


def check_amount(satang: int | None) -> None:
    """Refuse an amount in satang that no cell may hold (services get amounts from more than the grid)."""
    if satang is None:
        return
    if not isinstance(satang, int) or isinstance(satang, bool):
        raise InvalidInput("ยอดจำหน่ายต้องเป็นจำนวนเงิน")
    if satang < 0:
        raise InvalidInput("ยอดจำหน่ายต้องไม่ติดลบ")
    if satang >= MAX_SATANG:
        raise InvalidInput("ยอดเงินสูงเกินกว่าที่เป็นไปได้ กรุณาตรวจสอบ")


def format_baht(satang: int | None, *, blank: str = "") -> str:
    """Satang as baht with thousands separators and two decimals: 1234550 -> '12,345.50'."""
    if satang is None:
        return blank
    sign = "-" if satang < 0 else ""
    baht, rest = divmod(abs(satang), 100)
    return f"{sign}{baht:,}.{rest:02d}"


def sum_amounts(amounts) -> int:
    """The total of amounts in satang, blanks counting as zero."""
    return sum(a for a in amounts if a is not None)


def entered_total(amounts) -> int | None:
    """The total of an entrepreneur's amounts, or None when none was entered: shown blank (or "-"), as its
    channels are, so that a row nobody filled in does not read as sales of 0.00."""
    return None if all(a is None for a in amounts) else sum_amounts(amounts)
