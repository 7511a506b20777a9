"""The field's codes, read from the codebook: GTD, ACLED and UCDP numbers and spellings of our
countries, attack and target types and precisions. Exporters and importers both go through
`DatasetCodes`, so that neither keeps a copy of a vocabulary (codebook/data/mappings.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry

from sourcebook.codebook import Codebook
from sourcebook.errors import CodebookError


@dataclass(frozen=True, slots=True)
class Country:
    """One country as a dataset writes it. Fields a dataset lacks are None."""

    iso2: str
    name: str
    code: int | None = None          # GTD country code / ISO numeric / Gleditsch-Ward number
    region: str | None = None
    region_code: int | None = None
    iso3: str | None = None


class DatasetCodes:
    """Look-ups between our codes and one codebook's dataset mappings.

    Attributes:
        mappings: the `mappings` of the codebook.
    """

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.mappings = codebook.mappings
        if not self.mappings.get("countries"):
            raise CodebookError("mappings.yaml: no countries; the dataset formats need it")
        self._validate()
        self._by_gtd = {int(v["gtd"]): k for k, v in self.mappings["countries"].items() if "gtd" in v}
        self._by_name: dict[str, str] = {}
        self._attack_labels = {e.get("code"): label for label, e in codebook.attack_types.items()}
        self._target_labels = {e.get("code"): label for label, e in codebook.target_types.items()}
        for iso2, entry in self.mappings["countries"].items():
            for key in ("gtd_name", "acled", "ucdp"):
                if entry.get(key):
                    self._by_name[entry[key].casefold()] = iso2

    def _validate(self) -> None:
        m = self.mappings
        attack, target = set(self.codebook.attack_types), set(self.codebook.target_types)
        for label in [*m["acled"]["attack_types"], *m["acled"]["suicide"]["attack_types"], *(v.get("attack_type") for v in m["acled"]["sub_event_types"].values())]:
            if label and label not in attack:
                raise CodebookError(f"mappings.yaml: {label!r} is not an attack type of the codebook")
        for label in [*m["acled"]["civilian_targets"], *m["ucdp"]["type_of_violence_by_target"]]:
            if label not in target:
                raise CodebookError(f"mappings.yaml: {label!r} is not a target type of the codebook")

    # -- countries --------------------------------------------------------------------------

    def country(self, iso2: str | None, dataset: str) -> Country | None:
        """A country as `dataset` (gtd, acled or ucdp) writes it."""
        if not iso2:
            return None
        entry = self.mappings["countries"].get(iso2.upper(), {})
        iso = pycountry.countries.get(alpha_2=iso2.upper())
        fallback = (getattr(iso, "common_name", None) or iso.name) if iso else iso2
        if dataset == "gtd":
            region = entry.get("gtd_region")
            return Country(iso2, entry.get("gtd_name", fallback), entry.get("gtd"),
                           self.mappings["gtd"]["regions"].get(region) if region else None, region)
        if dataset == "acled":
            return Country(iso2, entry.get("acled", fallback), int(iso.numeric) if iso else None,
                           entry.get("acled_region"), None, iso.alpha_3 if iso else None)
        return Country(iso2, entry.get("ucdp", fallback), entry.get("gwno"), entry.get("ucdp_region"))

    def iso2(self, name: str | None = None, gtd_code: int | None = None, iso_numeric: int | None = None) -> str | None:
        """Our country code (ISO alpha-2) from a dataset's code or spelling."""
        if gtd_code is not None and gtd_code in self._by_gtd:
            return self._by_gtd[gtd_code]
        if iso_numeric is not None:
            found = pycountry.countries.get(numeric=f"{iso_numeric:03d}")
            if found:
                return found.alpha_2
        if name:
            if name.casefold() in self._by_name:
                return self._by_name[name.casefold()]
            return _iso2_by_name(name)
        return None

    # -- GTD types --------------------------------------------------------------------------

    def attack_code(self, label: str | None) -> int | None:
        entry = self.codebook.attack_types.get(label or "")
        return entry["code"] if entry else None

    def target_code(self, label: str | None) -> int | None:
        entry = self.codebook.target_types.get(label or "")
        return entry["code"] if entry else None

    def attack_label(self, code: int | None) -> str | None:
        return self._attack_labels.get(code)

    def target_label(self, code: int | None) -> str | None:
        return self._target_labels.get(code)

    # -- precisions -------------------------------------------------------------------------

    def date_code(self, precision: str | None, key: str) -> int | None:
        """A date precision code (`ucdp_date_prec`, `acled_time_precision`)."""
        return self.codebook.precisions["date"].get(precision or "", {}).get(key)

    def geo_code(self, precision: str | None, key: str) -> int | None:
        """A geo precision code (`gtd_specificity`, `acled_geo_precision`, `ucdp_where_prec`)."""
        return self.codebook.precisions["geo"].get(precision or "", {}).get(key)

    def geo_precision(self, code: int | None, key: str) -> str | None:
        """Our geo precision from a dataset's code: the most precise of ours with that code."""
        for name, entry in self.codebook.precisions["geo"].items():
            if code is not None and entry.get(key) == code:
                return name
        return None

    def date_precision(self, code: int | None, key: str) -> str | None:
        for name, entry in self.codebook.precisions["date"].items():
            if code is not None and entry.get(key) == code:
                return name
        return None


@cache
def _iso2_by_name(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        try:
            return pycountry.countries.search_fuzzy(name)[0].alpha_2
        except LookupError:
            return None


@cache
def dataset_codes(codebook: Codebook) -> DatasetCodes:
    """The look-ups of a codebook, built once per codebook."""
    return DatasetCodes(codebook)
