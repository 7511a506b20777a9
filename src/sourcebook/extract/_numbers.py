"""Numbers written in digits or words ("1,500", "2.5 million", "twenty-one", "two and a half",
"a dozen"): one regex that finds them and a reader that gives their value."""
from __future__ import annotations

import re
from functools import cache

from sourcebook.extract._lexicon import alternation, load_lexicon


class NumberWords:
    """Number words from `number_words.yaml`, compiled once.

    Attributes:
        pattern: regex source of one number (digits or words), without anchors.
        value: `value(text) -> float | None` for a match of `pattern`.
    """

    def __init__(self):
        lex = load_lexicon("number_words")
        self.units: dict[str, int] = lex["units"]
        self.tens: dict[str, int] = lex["tens"]
        self.scales: dict[str, int] = lex["scales"]
        self.phrases: dict[str, int | None] = lex["phrases"]
        word_scales = [s for s in self.scales if len(s) > 2]
        small = alternation([*self.units, *self.tens])
        compound = rf"(?:{alternation(self.tens)}[-\s]{alternation(self.units)}|{small})"
        scale = alternation(word_scales)
        # "two hundred and fifty thousand"; "and" joins only after a scale ("two and three" is two)
        self.words = (rf"(?:{compound}(?:\s+{scale}(?:(?:\s+and)?\s+{compound}(?:\s+{scale})?)*)?"
                      rf"(?:\s+and\s+a\s+half)?)")
        self.phrase = alternation([p for p, v in self.phrases.items() if v is not None])
        digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
        self.digits = rf"(?:{digits}(?:\s*(?:{alternation(word_scales)})\b|(?:mn|bn|m|k)\b)?)"
        self.pattern = rf"(?:{self.digits}|{self.phrase}\b|\b{self.words}\b)"
        self._digit_re = re.compile(rf"({digits})\s*([a-z]*)")

    def value(self, text: str) -> float | None:
        """The value of a number in digits or words; None when it names no figure."""
        s = " ".join(text.lower().replace("-", " ").split())
        if not s:
            return None
        if s[0].isdigit():
            m = self._digit_re.fullmatch(s)
            if not m:
                return None
            base = float(m.group(1).replace(",", ""))
            return base * self.scales.get(m.group(2), 1) if m.group(2) else base
        if s in self.phrases:
            v = self.phrases[s]
            return float(v) if v is not None else None
        return self._words_value(s.split())

    def _words_value(self, tokens: list[str]) -> float | None:
        total, current, half, seen = 0, 0, False, False
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if t == "and" and tokens[i + 1:i + 3] == ["a", "half"]:
                half = True
                i += 3
                continue
            if t in self.units or t in self.tens:
                current += self.units.get(t, 0) + self.tens.get(t, 0)
                seen = True
            elif t in self.scales and seen:
                mult = self.scales[t]
                if mult == 100:
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * mult
                    current = 0
            elif t != "and":
                return None
            i += 1
        if not seen:
            return None
        value = float(total + current)
        return value + 0.5 if half else value


@cache
def number_words() -> NumberWords:
    """The shared, compiled number words."""
    return NumberWords()


__all__ = ["NumberWords", "number_words"]
