"""Thai on paper and in the file: each run of text is shaped by harfbuzz (through reportlab's own shaping
of Sarabun: tone marks above upper vowels, ญ and ฐ without their tails over lower vowels, marks moved
left over ป ฝ ฟ), and carries its source text as /ActualText on the marked content, so copying,
searching and `pdftotext` give back exactly the Thai that was printed (shaped glyphs alone extract as
private-use codes with marks out of order). Lines break between words (pythainlp), never inside one."""

import functools
import re
import threading
from dataclasses import dataclass
from types import SimpleNamespace

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeFragWord
from reportlab.pdfgen.canvas import Canvas

from otop_desktop.paths import APP_NAME, resource_path

REGULAR, BOLD = "Sarabun", "Sarabun-Bold"
_lock = threading.Lock()
_registered = False
# A grapheme cluster of Thai: a base character and the marks above and below it (never split).
_CLUSTER = re.compile(r".[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*", re.S)
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def register_fonts() -> None:
    """Register Sarabun (regular and bold) with reportlab, shapable; once per process."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file in ((REGULAR, "Sarabun-Regular.ttf"), (BOLD, "Sarabun-Bold.ttf")):
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file)), shapable=True))
        _registered = True


@dataclass(frozen=True)
class DocumentInfo:
    """What an archive finds a printed form by: its title, the office (author), the form, period and area
    (subject) and its verification codes (keywords)."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()


def new_canvas(path, pagesize, info: DocumentInfo) -> Canvas:
    """A canvas that sets nothing in a font it does not embed (reportlab's initial Helvetica is replaced by
    Sarabun before any page starts) and carries the form's document properties."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=pagesize, initialFontName=REGULAR)
    canvas.setTitle(info.title)
    canvas.setAuthor(info.author)
    canvas.setSubject(info.subject)
    canvas.setKeywords(", ".join(info.keywords))
    canvas.setCreator(APP_NAME)  # every PDF the program prints says so: a scan of signed paper never does
    return canvas


def thai_digits(text: str) -> str:
    """Arabic digits as Thai digit characters (U+0E50–U+0E59), the text itself, not a font's drawing."""
    return text.translate(THAI_DIGITS)


_QUOTED = re.compile("(“[^”]*”)")


def thai_digits_outside_quotes(text: str) -> str:
    """thai_digits, except inside “…”: what a sentence quotes (a name, a note) is printed as it was typed, so a
    name "กลุ่มบ้านหมู่ 2" reads as its owner wrote it."""
    return "".join(part if _QUOTED.fullmatch(part) else thai_digits(part) for part in _QUOTED.split(text))


@functools.lru_cache(maxsize=20000)
def shaped(text: str, font: str, size: float):
    """The text as reportlab draws it after harfbuzz: a ShapedStr carrying glyph positions."""
    register_fonts()
    if not text:
        return text
    word = shapeFragWord([0, (SimpleNamespace(fontName=font, fontSize=size), text)], force=True)
    parts = [part for _, part in word[1:]]
    return parts[0] if len(parts) == 1 else functools.reduce(lambda a, b: a + b, parts)


def width(text: str, font: str, size: float) -> float:
    """The width of a run in points (marks take no room; shaping moves them, it adds no width)."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw(canvas, x: float, y: float, text: str, font: str = REGULAR, size: float = 14, align: str = "left") -> None:
    """Draw one line of text at baseline y; `align` is left, right or centre about x."""
    if not text:
        return
    if align == "right":
        x -= width(text, font, size)
    elif align == "centre":
        x -= width(text, font, size) / 2
    canvas.setFont(font, size)
    canvas._code.append(f"/Span <</ActualText {_actual_text(text)}>> BDC")  # noqa: SLF001 - raw operators
    canvas.drawString(x, y, shaped(text, font, size))
    canvas._code.append("EMC")  # noqa: SLF001


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """pythainlp's newmm over its dictionary plus every official area name (tambon, district, province),
    so 'บ้านวารินชำราบ' breaks before the place name, not inside it. Built once a process, as a sorted list
    (SortedWords: a few hundredths of a second, where pythainlp's own trie took most of one)."""
    import csv

    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import word_tokenize

    from otop_desktop.services.forms.word_list import SortedWords

    names = set()
    for file in ("sub_districts.csv", "districts.csv", "provinces.csv"):
        with resource_path("master", file).open(encoding="utf-8") as handle:
            names.update(row["name_th"].removeprefix("เขต") for row in csv.DictReader(handle))
    trie = SortedWords(set(thai_words()) | {name for name in names if name})
    return functools.partial(word_tokenize, custom_dict=trie, engine="newmm", keep_whitespace=True)


def warm_up() -> None:
    """Build now what every process builds before its first print (the fonts, the word-break dictionary, the
    shaper), so the officer's first print costs what the next ones do: the app runs this in the background once
    the main window shows."""
    register_fonts()
    for font in (REGULAR, BOLD):
        shaped("จต.๒ ตำบล", font, 12)
    words("ผลิตภัณฑ์ชุมชน")


def words(text: str) -> list[str]:
    """The text cut between words (spaces kept as their own pieces)."""
    return _tokenizer()(text)


def _pieces(text: str, keep: tuple[str, ...]) -> list[str]:
    """The text cut between words, each space-free part of a phrase in `keep` one piece: a person's name, which
    the dictionary cuts after a title ('นาง' | 'สม' | 'ศรี')."""
    parts = sorted({part for phrase in keep for part in phrase.split()}, key=len, reverse=True)
    if not parts:
        return words(text)
    pieces, at = [], 0
    for found in re.finditer("|".join(map(re.escape, parts)), text):
        pieces += words(text[at : found.start()]) if found.start() > at else []
        pieces.append(found.group())
        at = found.end()
    return pieces + (words(text[at:]) if at < len(text) else [])


def break_lines(text: str, font: str, size: float, room: float, keep: tuple[str, ...] = ()) -> list[str]:
    """The text in lines no wider than `room`, broken between words, never inside a word of a phrase in `keep`
    (people's names); a word longer than a line is broken between grapheme clusters (a consonant keeps its marks).
    An opening bracket goes down with the word it opens, never ends a line."""
    lines, line = [], ""
    for piece in _pieces(text, keep):
        if width(line + piece, font, size) <= room:
            line += piece
            continue
        carried = ""
        if line.strip():
            done = line.rstrip()
            while done[-1] in "([{" and done[:-1].strip():
                carried, done = done[-1] + carried, done[:-1].rstrip()
            lines.append(done)
        line = carried + ("" if piece.isspace() else piece)
        while width(line, font, size) > room:  # one word wider than the line
            head = ""
            for cluster in _CLUSTER.findall(line):
                if head and width(head + cluster, font, size) > room:
                    break
                head += cluster
            lines.append(head)
            line = line[len(head) :]
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]
