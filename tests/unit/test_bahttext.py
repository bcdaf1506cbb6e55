"""Amounts in Thai words, exact for every satang, from integer satang only."""

import pytest

from otop_desktop.services.forms.bahttext import baht_text


@pytest.mark.parametrize(
    "satang, words",
    [
        (0, "ศูนย์บาทถ้วน"),
        (1, "หนึ่งสตางค์"),  # under one baht: no 'ศูนย์บาท'
        (50, "ห้าสิบสตางค์"),
        (100, "หนึ่งบาทถ้วน"),
        (1_100, "สิบเอ็ดบาทถ้วน"),
        (2_121, "ยี่สิบเอ็ดบาทยี่สิบเอ็ดสตางค์"),
        (10_100, "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (100_000_100, "หนึ่งล้านเอ็ดบาทถ้วน"),
        (123_456_789_00, "หนึ่งร้อยยี่สิบสามล้านสี่แสนห้าหมื่นหกพันเจ็ดร้อยแปดสิบเก้าบาทถ้วน"),
        (100_000_000_000_000, "หนึ่งล้านล้านบาทถ้วน"),
        (233_129_162_73, "สองร้อยสามสิบสามล้านหนึ่งแสนสองหมื่นเก้าพันหนึ่งร้อยหกสิบสองบาทเจ็ดสิบสามสตางค์"),
    ],
)
def test_words(satang, words):
    assert baht_text(satang) == words


def test_agrees_with_pythainlp_from_one_baht_up():
    from pythainlp.util import bahttext

    for baht in (1, 19, 20, 21, 99, 101, 110, 1_000_001, 21_021_021, 999_999_999):
        for cents in (0, 1, 10, 11, 21, 99):
            assert baht_text(baht * 100 + cents) == bahttext(float(f"{baht}.{cents:02d}")), (baht, cents)


@pytest.mark.parametrize("bad", [-1, 1.5, True, "100"])
def test_refuses_what_is_not_satang(bad):
    with pytest.raises(ValueError):
        baht_text(bad)
