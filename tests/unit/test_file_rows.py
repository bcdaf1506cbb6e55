"""The district file's row checks: the column-at-a-time rule for entrepreneurs agrees with the row-by-row
rule that names a bad row, and the fast JSON parser reads a file's parts as the standard one does."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from otop_desktop.services.exchange import verification
from otop_desktop.services.exchange.fileformat import BadFile, parse_part

AREA = "3401"
GOOD = ["a" * 32, "กลุ่มทอผ้า", "340101", 1, 1, "ผ้าไหม", None, True]

# Each column: values the rule takes, and values it refuses. A row is a good row with at most two cells spoiled.
GOOD_CELLS = [
    [letter * 32 for letter in "abcdefgh"] + ["A1" * 16],
    ["กลุ่มทอผ้า", "  กลุ่ม   ข้าว "],
    ["340101", "340102"],
    [1, 5],
    [1, 3],
    ["ผ้าไหม", " ข้าว ", ""],
    [None, "OTOP-1", " OTOP-2 ", "", "OTOP-1 "],
    [True, False],
]
BAD_CELLS = [
    ["ก" * 32, "a" * 31, "a-" * 16, 1],
    ["", " ", "x" * 201, "ok\x00", "ชื่อ\u202e", None],
    ["341501", "34010", "๓๔๐๑๐๑", 340101],
    [0, 6, True, 1.0, "1"],
    [4, False, None],
    ["x" * 201, "\x1b[31m", None],
    ["x" * 41, "\ufeff", 7],
    [1, None, "true"],
]


@st.composite
def row(draw):
    cells = [draw(st.sampled_from(values)) for values in GOOD_CELLS]
    for _ in range(draw(st.integers(0, 2))):
        column = draw(st.integers(0, 7))
        cells[column] = draw(st.sampled_from(BAD_CELLS[column]))
    shape = draw(st.integers(0, 19))  # now and then a row of the wrong shape
    return {0: cells[:7], 1: [*cells, 1], 2: "row"}.get(shape, cells)


@settings(max_examples=500, deadline=None)
@given(st.lists(row(), max_size=5))
def test_the_column_rule_takes_exactly_what_the_row_rule_takes(people):
    fast = verification._people_at_once(people, AREA)
    try:
        expected = _row_by_row(people)
    except BadFile:
        assert fast is None
    else:
        assert fast == expected


def _row_by_row(people):
    """The row-by-row rule alone (the column rule turned off, as when it finds a fault)."""
    original = verification._people_at_once
    verification._people_at_once = lambda *_: None
    try:
        return verification._check_people(people, AREA)
    finally:
        verification._people_at_once = original


def test_the_column_rule_normalises_and_accepts_good_rows():
    people = [GOOD, ["b" * 32, "  กลุ่ม   ข้าว ", "340102", 2, 3, " ข้าว ", " OTOP-2 ", False]]
    tidied = ["b" * 32, "กลุ่ม ข้าว", "340102", 2, 3, "ข้าว", "OTOP-2", False]
    assert verification._people_at_once(people, AREA) == [GOOD, tidied]


@pytest.mark.parametrize(
    "content",
    [
        b'[1, "\xe0\xb8\x81", null, true, 1.5, -0]',
        b"[NaN]",
        b'["\\ud800"]',
        "[1]".encode("utf-16"),
        b'{"a": 1, "a": 2}',
        b"[1e400]",
    ],
)
def test_parts_read_as_the_standard_parser_reads_them(content):
    assert json.dumps(parse_part(content)) == json.dumps(json.loads(content))  # dumps: NaN equals NaN


def test_integers_beyond_64_bits_are_refused_by_the_row_checks_either_way():
    # orjson reads 2**64 as a float; the revision check refuses a float as it refuses the integer
    assert isinstance(parse_part(b"[18446744073709551616]")[0], float)
    assert parse_part(b"[18446744073709551615]") == [2**64 - 1]


SPOILED = [(column, value) for column, values in enumerate(BAD_CELLS) for value in values]


@pytest.mark.parametrize(("column", "value"), SPOILED)
def test_every_spoiled_cell_is_refused_by_both_rules(column, value):
    people = [GOOD, ["b" * 32, *GOOD[1:]]]
    people[1][column] = value
    with pytest.raises(BadFile):
        _row_by_row(people)
    assert verification._people_at_once(people, AREA) is None


@pytest.mark.parametrize("second", [["a" * 32, *GOOD[1:]], ["b" * 32, *GOOD[1:6], " OTOP-1", True]])
def test_a_uid_or_an_otop_code_twice_is_refused_by_both_rules(second):
    people = [[*GOOD[:6], "OTOP-1", True], second]
    with pytest.raises(BadFile):
        _row_by_row(people)
    assert verification._people_at_once(people, AREA) is None
