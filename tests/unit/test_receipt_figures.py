"""The figures a receipt carries are taken only in the shape the province's program writes them: a receipt
made or edited by hand is refused whole (its locks too), never compared half."""

import pytest

from otop_desktop.services.exchange.agreement import well_formed

GOOD = [3, 1_250_000, "a" * 64]


@pytest.mark.parametrize(
    "figures",
    [
        {"8": GOOD},
        {},
        {"7": [0, 0, "0" * 64], "8": GOOD},
    ],
)
def test_what_the_program_writes_is_taken(figures):
    assert well_formed(figures, (7, 8))


@pytest.mark.parametrize(
    "figures",
    [
        [GOOD],  # not a mapping
        {"9": GOOD},  # a month the receipt is not about
        {"๘": GOOD},  # a month in Thai digits: the program writes Arabic
        {"8": GOOD[:2]},
        {"8": [True, 1, "a" * 64]},
        {"8": [3, -1, "a" * 64]},
        {"8": [3, 10**18, "a" * 64]},
        {"8": [3, 1.5, "a" * 64]},
        {"8": [3, 1, "A" * 64]},
        {"8": [3, 1, "a" * 63]},
        {"8": [3, 1, None]},
    ],
)
def test_anything_else_is_refused(figures):
    assert not well_formed(figures, (7, 8))
