"""The paper a summary is printed on, and the one rule for its default: US Letter in the United
States and Canada, A4 everywhere else."""

from __future__ import annotations

import enum
import locale
import os
import re
from collections.abc import Mapping

#: Territories whose printers hold US Letter: ISO 3166 codes, and the names Windows uses.
LETTER_TERRITORIES = frozenset({"us", "ca", "united states", "canada"})
#: The POSIX order in which the environment names the locale for paper (LC_PAPER on glibc).
LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")


class Paper(enum.StrEnum):
    """A paper size, with the values the command line's ``--paper`` takes."""

    A4 = "a4"
    LETTER = "letter"


#: Each paper's name, as a person reads it.
PAPER_NAMES = {Paper.A4: "A4", Paper.LETTER: "US Letter"}


def paper_for_territory(territory: str) -> Paper:
    """The paper used in a territory, given as a code (``US``) or a name (``Canada``)."""
    return Paper.LETTER if territory.strip().casefold() in LETTER_TERRITORIES else Paper.A4


def paper_for_locale(name: str) -> Paper:
    """The paper for a locale name such as ``en_US.UTF-8``, ``fr-CA`` or ``English_Canada``."""
    # language_TERRITORY.codeset@modifier, with "-" in the BCP 47 form Qt and macOS use.
    language_and_territory = re.split(r"[.@]", name, maxsplit=1)[0].replace("-", "_")
    _, _, territory = language_and_territory.partition("_")
    return paper_for_territory(territory)


def default_paper(environ: Mapping[str, str] | None = None) -> Paper:
    """The paper for this computer's locale, read from the environment as ``locale`` does."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        if environ.get(variable):
            return paper_for_locale(environ[variable])
    # Windows and macOS set no variable; the C library knows the user's locale there.
    return paper_for_locale(locale.getlocale(locale.LC_CTYPE)[0] or "")
