"""How hard a text is to read: the Flesch-Kincaid grade the explanations are held to."""

from __future__ import annotations

import re


def grade_level(text: str) -> float:
    """The Flesch-Kincaid grade of a text, counting syllables as groups of vowels."""
    sentences = [s for s in re.split(r"(?<=[.?])[”]?\s+", text) if s.strip()]
    words = re.findall(r"[A-Za-z]+(?:[’'][a-z]+)?", text)
    vowel_groups = sum(syllables(word) for word in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * vowel_groups / len(words) - 15.59


def syllables(word: str) -> int:
    """The syllables of one word, counted as groups of vowels."""
    word = word.lower()
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)
