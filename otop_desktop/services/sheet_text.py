"""Text from people and files as spreadsheets must take it: a string cell in a workbook, never a formula,
and in CSV with OWASP's neutralising quote; every xlsx and CSV writer of the program goes through here."""

import re

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet program reads as the start of a formula
_OOXML_ESCAPES = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|\r")  # a literal "_xHHHH_" and CR, which XML would not keep


def csv_text(text: str) -> str:
    """A CSV field of text, with a leading ' when a spreadsheet would take it for a formula (OWASP)."""
    return "'" + text if text.startswith(CSV_FORMULA_STARTS) else text


def xlsx_text(text: str) -> str:
    """Text as a workbook's string cell keeps it: CR and a literal "_xHHHH_" in OOXML's own escape."""
    if "\r" not in text and "_x" not in text:
        return text
    return _OOXML_ESCAPES.sub(lambda found: "_x000D_" if found.group() == "\r" else "_x005F_", text)


def text_cell(cell):
    """The openpyxl cell, a str value kept as a string cell: openpyxl makes "=…" a formula and "#N/A" an error."""
    if isinstance(cell.value, str):
        kept = xlsx_text(cell.value)
        if kept is not cell.value:
            cell.value = kept
        cell.data_type = "s"
    return cell


def put(sheet, row: int, column: int, value):
    """Write a value into a sheet's cell, text as text (see text_cell), and return the cell."""
    cell = sheet.cell(row, column)
    cell.value = value
    return text_cell(cell)


def column_width(texts, *, size: float = 14, least: float = 0, most: float = 60) -> float:
    """A column width (Excel's unit: the default font's digit, 7 px) that shows the widest of `texts` at
    `size` pt unclipped, measured in Sarabun, whose glyphs are larger than TH SarabunPSK's; within
    `least` and `most` (a longer text clips at `most`)."""
    from otop_desktop.services.forms.thai_pdf import REGULAR, width

    widest = max((width(text, REGULAR, size) for text in texts if text), default=0)
    return min(most, max(least, round((widest * 96 / 72 + 12) / 7, 1)))
