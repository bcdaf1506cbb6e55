"""Thai calendar and text: Buddhist-era years, fiscal years (October to September), Thai digits, dates,
and the one rule for free text a person types (free_text)."""

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

from otop_desktop.core.errors import InvalidInput

BE_OFFSET = 543
THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
FISCAL_MONTHS = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


_LEADING_VOWEL = re.compile("([เแโใไ])([ก-ฮ])")
_MARKS = str.maketrans("", "", "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d")  # ็ ่ ้ ๊ ๋ ์ ํ


def sort_key(text: str) -> str:
    """A key whose plain (binary) order is Thai dictionary order, as the officers' Excel sorts: a leading
    vowel (เ แ โ ใ ไ) sorts under the consonant after it, and tone marks only break ties."""
    swapped = _LEADING_VOWEL.sub(r"\2\1", text)
    return swapped.translate(_MARKS) + "\x01" + swapped


_BLANKS = re.compile("[\\s\u200b\u200c\u200d\ufeff]+")


def search_key(text: str) -> str:
    """What a search compares: no spaces (nor zero-width ones), Arabic digits, one spelling of sara am
    (nikhahit + sara aa is how some keyboards type ำ), lower case."""
    spelled = text.replace("\u0e4d\u0e32", "\u0e33").translate(_TO_ARABIC)
    return _BLANKS.sub("", spelled).casefold()


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits with Arabic ones."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits with Thai ones, as printed forms write them."""
    return text.translate(_TO_THAI)


def fiscal_year_of(day: date) -> int:
    """The Buddhist-era fiscal year a day falls in: October 2568 belongs to fiscal year 2569."""
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def calendar_year_be(fiscal_year: int, month: int) -> int:
    """The Buddhist-era calendar year of a month of a fiscal year."""
    return fiscal_year - 1 if month >= 10 else fiscal_year


def first_day(fiscal_year: int, month: int) -> date:
    """The first day of a fiscal year's month, in the Gregorian calendar Python counts in."""
    return date(calendar_year_be(fiscal_year, month) - BE_OFFSET, month, 1)


def last_day(fiscal_year: int, month: int) -> date:
    """The last day of a fiscal year's month: the roadmap's date for entering it."""
    start = first_day(fiscal_year, month)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def month_start_stored(fiscal_year: int, month: int) -> datetime:
    """The instant a fiscal year's month begins in Thailand (midnight of its first day), as the database stores
    times: naive UTC."""
    begins = datetime.combine(first_day(fiscal_year, month), time(), THAILAND)
    return begins.astimezone(UTC).replace(tzinfo=None)


def month_end_stored(fiscal_year: int, month: int) -> datetime:
    """The instant a fiscal year's month ends in Thailand (midnight before the next month's first day), as the
    database stores times: naive UTC."""
    ends = datetime.combine(last_day(fiscal_year, month) + timedelta(days=1), time(), THAILAND)
    return ends.astimezone(UTC).replace(tzinfo=None)


def month_label(fiscal_year: int, month: int) -> str:
    """'ตุลาคม 2568' for October of fiscal year 2569."""
    return f"{THAI_MONTHS[month - 1]} {calendar_year_be(fiscal_year, month)}"


def months_text(months) -> str:
    """Months in fiscal order by their short Thai names, runs of three or more as a span:
    "ต.ค.–ธ.ค. มี.ค.", or "ทั้งปี" for all twelve."""
    indexes = sorted({fiscal_index(m) for m in months})
    if len(indexes) == 12:
        return "ทั้งปี"
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    name = lambda index: THAI_MONTHS_SHORT[FISCAL_MONTHS[index] - 1]  # noqa: E731
    return " ".join(f"{name(run[0])}–{name(run[-1])}" if len(run) >= 3 else " ".join(map(name, run)) for run in runs)


def fiscal_index(month: int) -> int:
    """Position of a calendar month in the fiscal year, 0 for October to 11 for September."""
    return FISCAL_MONTHS.index(month)


def previous_period(fiscal_year: int, month: int) -> tuple[int, int]:
    """The month before, as (fiscal year, month); September's successor is October of the next year."""
    if month == 10:
        return fiscal_year - 1, 9
    return fiscal_year, 12 if month == 1 else month - 1


def periods_before(fiscal_year: int, month: int, count: int) -> list[tuple[int, int]]:
    """The `count` months before the given one, newest first."""
    periods = []
    for _ in range(count):
        fiscal_year, month = previous_period(fiscal_year, month)
        periods.append((fiscal_year, month))
    return periods


def now_utc() -> datetime:
    """The current time as naive UTC, the way the database stores every timestamp."""
    return datetime.now(UTC).replace(tzinfo=None)


# Thailand keeps one zone, UTC+07:00, with no daylight saving. Times are shown and judged in it whatever
# zone the PC's clock is set to (office PCs are often set wrong); they are stored in UTC.
THAILAND = timezone(timedelta(hours=7), "ICT")


def to_local(stored: datetime) -> datetime:
    """A stored naive-UTC timestamp in Thailand's time (aware, UTC+07:00)."""
    return stored.replace(tzinfo=UTC).astimezone(THAILAND)


def today_in_thailand() -> date:
    """Today's date in Thailand, whatever the PC's clock zone: what "a month that has begun", deadlines and
    the current fiscal year are judged by."""
    return datetime.now(THAILAND).date()


def format_thai_date(day: date) -> str:
    """'24 พฤศจิกายน 2569'."""
    return f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + BE_OFFSET}"


def format_thai_datetime(stored: datetime) -> str:
    """A stored timestamp as '24 พฤศจิกายน 2569 เวลา 18:05 น.' in local time."""
    local = to_local(stored)
    return f"{format_thai_date(local)} เวลา {local:%H:%M} น."


# Characters no name or remark may hold: controls (NUL, ESC, …), direction overrides and marks that
# reorder what is printed (U+202E), invisible format characters, surrogates, private-use characters,
# line and paragraph separators. Zero-width space and joiners stay allowed: Thai text uses them.
_FORBIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200e\u200f\u2028-\u202e\u2060-\u206f"
    "\ud800-\udfff\ue000-\uf8ff\ufeff\ufff0-\uffff\U000f0000-\U0010ffff]"
)


def text_problem(text: str) -> str | None:
    """What makes a text unfit to store and print, in Thai, or None: a control or direction character."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    return f"มีอักขระควบคุมหรืออักขระที่มองไม่เห็น (U+{ord(found.group()):04X}) ซึ่งจะทำให้แบบพิมพ์และไฟล์ Excel ผิดเพี้ยน"


def any_text_problem(texts) -> bool:
    """Whether any of the texts holds a character text_problem refuses (one search over them all)."""
    return _FORBIDDEN.search(" ".join(texts)) is not None


def shown_safely(text: str) -> str:
    """A text with every character text_problem refuses replaced by "?", to quote it in a message."""
    return _FORBIDDEN.sub("?", text)


def escaped(text: str) -> str:
    """A text with every character text_problem refuses written as its escape ('\\x1b', '\\u202e'), line breaks and
    tabs kept: for what is kept as it was given (the audit log), to be read in a terminal later."""
    return _FORBIDDEN.sub(_escape, text)


def _escape(found: re.Match) -> str:
    letter = found.group()
    return letter if letter in "\n\t" else letter.encode("unicode_escape").decode("ascii")


def tidy_text(text: str) -> str:
    """A name as the program stores it: runs of white space become one space, none at either end."""
    return " ".join(text.split())


def free_text(text, what: str, *, limit: int = 200, required: bool = False) -> str:
    """The one rule for every free text the program stores (names, positions, remarks, reasons…): no
    control or direction character, white space tidied, at most `limit` characters; refused in Thai naming `what`."""
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise InvalidInput(f"{what}ต้องเป็นข้อความ")
    problem = text_problem(text)
    if problem:
        raise InvalidInput(f"{what}{problem} กรุณาพิมพ์ใหม่")
    tidy = tidy_text(text)
    if required and not tidy:
        raise InvalidInput(f"กรุณาระบุ{what}")
    if len(tidy) > limit:
        raise InvalidInput(f"{what} ยาวเกิน {limit:,} ตัวอักษร ({len(tidy):,} ตัวอักษร)")
    return tidy
