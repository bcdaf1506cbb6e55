"""An amount in Thai words, as cheques and official forms write it: exact to the satang, from integer
satang (never a float): 'หนึ่งร้อยยี่สิบเอ็ดบาทถ้วน', 'ห้าสิบสตางค์', 'ศูนย์บาทถ้วน'."""

DIGITS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def _below_million(number: int) -> str:
    """1–999,999 in words; 'เอ็ด' for a final one after tens, 'ยี่สิบ', 'สิบ' for ten."""
    words = []
    digits = str(number)
    for position, char in enumerate(digits):
        digit, place = int(char), len(digits) - position - 1
        if digit == 0:
            continue
        if place == 1 and digit == 1:
            words.append("สิบ")
        elif place == 1 and digit == 2:
            words.append("ยี่สิบ")
        elif place == 0 and digit == 1 and len(digits) > 1:
            words.append("เอ็ด")
        else:
            words.append(DIGITS[digit] + PLACES[place])
    return "".join(words)


def number_text(number: int) -> str:
    """A whole number in Thai words, millions repeated as Thai counts them ('หนึ่งล้านล้าน')."""
    if number < 0:
        raise ValueError("negative")
    if number == 0:
        return DIGITS[0]
    millions, rest = divmod(number, 1_000_000)
    head = number_text(millions) + "ล้าน" if millions else ""
    if not rest:
        return head
    tail = _below_million(rest)
    if head and rest == 1:
        tail = "เอ็ด"  # 1,000,001: หนึ่งล้านเอ็ด
    return head + tail


def baht_text(satang: int) -> str:
    """The amount in words: 'หนึ่งพันบาทถ้วน', 'สิบบาทห้าสิบสตางค์', 'ห้าสิบสตางค์', 'ศูนย์บาทถ้วน'."""
    if not isinstance(satang, int) or isinstance(satang, bool) or satang < 0:
        raise ValueError("baht_text takes a non-negative whole number of satang")
    baht, cents = divmod(satang, 100)
    if not cents:
        return number_text(baht) + "บาทถ้วน"
    return (number_text(baht) + "บาท" if baht else "") + number_text(cents) + "สตางค์"
