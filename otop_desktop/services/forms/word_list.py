"""The word-break dictionary as a sorted list: what pythainlp's newmm asks of its Trie (the dictionary's
words that start a text at a position), built in a few hundredths of a second where pythainlp's own trie
takes most of a second on every first print of a process."""

import bisect

from pythainlp.util.trie import Trie


class SortedWords(Trie):
    """A Trie whose words are kept sorted: a prefix is looked up by bisection, character by character."""

    def __init__(self, words):
        self._words = sorted({word.strip() for word in words} - {""})
        self._set = set(self._words)
        self._word_count = len(self._words)
        self.root = Trie.Node()  # unused: every method that reads the words is answered from the list

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that begin `text` at `start`, shortest first (as pythainlp's Trie gives them)."""
        found, words, low = [], self._words, 0
        for end in range(start + 1, len(text) + 1):
            part = text[start:end]
            low = bisect.bisect_left(words, part, low)
            if low == len(words) or not words[low].startswith(part):
                break
            if words[low] == part:
                found.append(part)
        return found

    def add(self, word: str) -> None:
        """Add a word (spaces around it removed)."""
        word = word.strip()
        if word and word not in self._set:
            bisect.insort(self._words, word)
            self._set.add(word)
            self._word_count += 1

    def remove(self, word: str) -> None:
        """Remove a word; nothing when it is not there."""
        if word in self._set:
            self._words.remove(word)
            self._set.discard(word)
            self._word_count -= 1

    def __contains__(self, key: str) -> bool:
        return key in self._set

    def __iter__(self):
        return iter(list(self._words))
