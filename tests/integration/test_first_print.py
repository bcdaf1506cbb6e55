"""The first print of a process does not build what it can build once: the word-break dictionary is a sorted
list that breaks every text exactly where pythainlp's own trie does (never that trie, built anew each
process), and the QR code is drawn once per document as a form XObject that every page places, still
read by a phone's decoder as the printed code."""

import base64
import csv
import re
import subprocess
import zlib

import pytest
from pythainlp.corpus import thai_words
from pythainlp.tokenize import Trie, word_tokenize

from otop_desktop.paths import resource_path
from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.jt2 import render_forms, render_jt2
from otop_desktop.services.forms.verify import shown_code
from otop_desktop.services.forms.word_list import SortedWords
from tests.integration.test_jt2_paper import KINDS, NAMES, jt2_of

TEXTS = (
    *NAMES,
    *KINDS,
    "วิสาหกิจชุมชนเครื่องทองเหลืองบ้านบุ่งไหม",
    "กลุ่มทอผ้าฝ้าย OTOP บ้านคำน้ำแซบ 2569",
    "ร้านค้าชุมชนบ้านโนนโหนน",
    "กลุ่มเกษตรกรน้ำกระเจี๊ยบบ้านวารินชำราบ",
)


def test_the_sorted_word_list_breaks_exactly_as_pythainlps_trie():
    with resource_path("master", "sub_districts.csv").open(encoding="utf-8") as handle:
        names = [row["name_th"] for row in csv.DictReader(handle)]
    words = set(thai_words()) | set(names)
    listed, trie = SortedWords(words), Trie(words)
    for text in (*TEXTS, *names[:400], " ".join(names[400:600])):
        for start in range(len(text)):
            assert listed.prefixes(text, start) == trie.prefixes(text, start), (text, start)
        assert word_tokenize(text, custom_dict=listed, engine="newmm") == word_tokenize(
            text, custom_dict=trie, engine="newmm"
        )
    assert len(listed) == len(trie) and "บุ่งไหม" in listed and "บุ่งไหมX" not in listed


def test_the_first_print_builds_no_pythainlp_trie(monkeypatch):
    def refuse(self, word):
        raise AssertionError("pythainlp's trie built anew")

    monkeypatch.setattr(Trie, "add", refuse)
    thai_pdf._tokenizer.cache_clear()
    try:
        assert "".join(thai_pdf.words("กลุ่มทอผ้าไหมบ้านวารินชำราบ")) == "กลุ่มทอผ้าไหมบ้านวารินชำราบ"
    finally:
        thai_pdf._tokenizer.cache_clear()


def streams(path) -> list[bytes]:
    """Every content stream of the PDF as its operators (reportlab writes them ASCII85 over Flate)."""
    found = []
    for match in re.finditer(
        rb"/Filter \[ /ASCII85Decode /FlateDecode \][^>]*>>\s*stream\r?\n(.*?)endstream", path.read_bytes(), re.S
    ):
        found.append(zlib.decompress(base64.a85decode(match.group(1).strip(), adobe=True)))
    return found


def decoded(path, page: int) -> list[str]:
    """The QR codes a decoder reads on a page rendered at 200 dpi."""
    try:
        import zxingcpp
    except ImportError:
        pytest.fail("zxing-cpp is missing: ./dev.sh installs the test dependencies")
    from PIL import Image

    out = path.with_name(f"{path.stem}-{page}")
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(path), str(out)],
        check=True,
    )
    return [result.text for result in zxingcpp.read_barcodes(Image.open(f"{out}.png"))]


def test_each_pages_qr_code_reads_as_the_code_and_the_page_of_the_print(tmp_path):
    """The page in the QR code: a scan shows whether the last page, the one with the signatures, came back."""
    form = jt2_of([30, 25])
    path = render_jt2(form, tmp_path / "jt2.pdf", code="ABCDEFGHIJ")
    raw = path.read_bytes()
    pages = len(re.findall(rb"/Type /Page\b", raw))
    assert pages > 3 and raw.count(b"/Subtype /Form") == pages  # one QR code a page, its paths drawn once
    placed = [stream for stream in streams(path) if re.search(rb"/FormXob\.\w+ Do", stream)]
    assert len(placed) == pages
    code = shown_code("ABCDEFGHIJ")
    assert decoded(path, 1) == [f"{code} 1/{pages}"] and decoded(path, pages) == [f"{code} {pages}/{pages}"]
    both = render_forms([(form, "ABCDEFGHIJ"), (jt2_of([3]), "KLMNPQRSTU")], tmp_path / "both.pdf")
    assert decoded(both, len(re.findall(rb"/Type /Page\b", both.read_bytes()))) == [f"{shown_code('KLMNPQRSTU')} 1/1"]


# What a print from the command line must not import: other command groups' services, the spreadsheet and
# signature libraries, the GUI, the migrations, the server's dialect, reportlab's charts (the QR code is drawn
# from zxing-cpp's modules) — each a tenth of a second or more of every new process's first print.
NOT_FOR_A_PRINT = (
    "otop_desktop.services.exchange",
    "otop_desktop.services.backup",
    "otop_desktop.services.reports",
    "otop_desktop.services.targets",
    "openpyxl",
    "cryptography",
    "alembic",
    "PySide6",
    "reportlab.graphics",
    "reportlab.platypus",
    "sqlalchemy.dialects.postgresql",
    "psycopg",
)


@pytest.mark.sqlite_only("a server's database needs the server's driver and dialect, which a file does not")
def test_a_print_from_the_command_line_imports_only_what_printing_needs(world, tmp_path):
    import os
    import sys

    from tests.conftest import PASSWORD
    from tests.engines import location

    out = tmp_path / "jt2.pdf"
    arguments = [*location(world.database), "print", "jt2", "--user", "warin", "--year", "2569", "--month", "8"]
    script = (
        "import sys; from otop_desktop.cli import main; "
        f"code = main({[*arguments, '--out', str(out), '--incomplete-ok']!r}); "
        "print('MODULES', ' '.join(sorted(sys.modules))); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ, "OTOP_PASSWORD": PASSWORD}
    )
    assert done.returncode == 0, done.stderr
    assert out.exists()
    modules = done.stdout.split("MODULES ", 1)[1].split()
    imported = [m for m in modules for name in NOT_FOR_A_PRINT if m == name or m.startswith(name + ".")]
    assert imported == []


def test_the_apps_warm_up_builds_what_a_first_print_needs():
    from otop_desktop.ui.app import warm_up_printing

    thai_pdf._tokenizer.cache_clear()
    thai_pdf.shaped.cache_clear()
    warm_up_printing()
    assert thai_pdf._tokenizer.cache_info().currsize == 1 and thai_pdf.shaped.cache_info().currsize >= 2
