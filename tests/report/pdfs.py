"""Reading a summary PDF back as a doctor's eye would: each page's words and size."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader

#: Qt's text draws these ligatures; the words read the same without them.
LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}
#: Page sizes in points: ISO A4 and US Letter.
A4_POINTS = (595.3, 841.9)
LETTER_POINTS = (612.0, 792.0)


@dataclass(frozen=True)
class Page:
    """One page: its words with spacing made plain, its size in points, its pictures."""

    text: str
    size: tuple[float, float]
    images: int


def pages(data: bytes) -> list[Page]:
    """The pages of a PDF."""
    reader = PdfReader(io.BytesIO(data))
    return [
        Page(
            text=_plain(page.extract_text()),
            size=(float(page.mediabox.width), float(page.mediabox.height)),
            images=len(page.images),
        )
        for page in reader.pages
    ]


def _plain(text: str) -> str:
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    return " ".join(text.split())
