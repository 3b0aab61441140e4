"""Build Dayfinder's curated SAMPLE activity directory (fictional data for trying the product).

    python directory_data/tools/build_sample_directory.py [--out DIR]

Writes one ORUK 3.0 page of services per area into directory_data/ (central-bedfordshire.json,
waltham-forest.json, dorset.json, solihull.json, sefton.json). The JSON files are the committed
output: the product reads them and never needs this script at run time.

The hand-written data lives beside this script as data: ``sample/<area>.toml`` (organisations,
venues and listings of each area) and ``sample/words.toml`` (codes, names and stock sentences).

Why a script and not hand-edited JSON: the listings are written by hand, but ids,
coordinates, phone numbers, assured dates and the repeated ORUK structure are generated, so the
output is consistent and identical on every run (fixed seed, uuid5 ids from a fixed namespace,
one random stream per item so adding a listing does not reshuffle the others).

Standard library only. Coordinates come from the doogal.co.uk postcode districts file kept in
directory_data/geo/sources/ (Contains OS data © Crown copyright and database right;
Contains Royal Mail data © Royal Mail copyright and database right; Source: Office for National
Statistics licensed under the Open Government Licence v3.0).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import math
import random
import re
import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path

SEED = 20261125
NAMESPACE = uuid.UUID("6f1c2b7e-3d4a-5b8c-9e0f-d4a7f1c2b9e3")  # fixed: ids stay stable across runs
ASSURED_FROM = dt.date(2024, 12, 1)
ASSURED_TO = dt.date(2026, 11, 20)
STALE_BEFORE = dt.date(2025, 11, 25)  # assured more than a year before the build date, 2026-11-25
STALE_SHARE = 0.22
TERM_STARTS = [
    dt.date(2024, 9, 2),
    dt.date(2025, 1, 6),
    dt.date(2025, 4, 22),
    dt.date(2025, 9, 1),
    dt.date(2026, 1, 5),
    dt.date(2026, 4, 13),
    dt.date(2026, 9, 7),
]

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / "directory_data"
TAXONOMY_FILE = OUT_DIR / "taxonomy.json"
DATA_DIR = Path(__file__).resolve().parent / "sample"
GEO_FILE = OUT_DIR / "geo" / "sources" / "postcode_districts_doogal_2023-09.csv.gz"

# Ofcom numbers reserved for drama: 01632 960000-960999 and 07700 900000-900999.
LANDLINES = ("01632 96", range(0, 1000))
MOBILES = ("07700 90", range(0, 1000))

WORDS = tomllib.loads((DATA_DIR / "words.toml").read_text(encoding="utf-8"))
NEED: dict[str, str] = WORDS["need"]
ACTIVITY: dict[str, str] = WORDS["activity"]
SUPPORT: dict[str, str] = WORDS["support"]
ATTENDANCE: dict[str, str] = WORDS["attendance"]
ACCESS: dict[str, str] = WORDS["access"]
# Default wording for a venue's access features; a venue can give its own with "code=words".
ACCESS_WORDS: dict[str, list[str]] = WORDS["access_words"]
CONTACT_TITLES: dict[str, str] = WORDS["contact_titles"]
FIRST_NAMES: list[str] = WORDS["first_names"]
SURNAMES: list[str] = WORDS["surnames"]
TRANSPORT_WORDS: list[str] = WORDS["transport_words"]
FREE_TRANSPORT_WORDS: list[str] = WORDS["free_transport_words"]
CARE_WORDS: list[str] = WORDS["care_words"]
ONE_TO_ONE_WORDS: list[str] = WORDS["one_to_one_words"]
ONLINE_WORDS: list[str] = WORDS["online_words"]
BOTH_WORDS: list[str] = WORDS["both_words"]
DROP_IN_WORDS: list[str] = WORDS["drop_in_words"]
BOOK_WORDS: list[str] = WORDS["book_words"]
REFERRAL_WORDS: list[str] = WORDS["referral_words"]


DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
WEEK = list(DAY_NAMES)
ORDINALS = {"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "-1": "Last"}


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    description: str


@dataclass(frozen=True)
class Venue:
    key: str
    name: str
    address_1: str
    town: str
    outcode: str
    access: str  # space-separated ACCESS codes, or "code=own words" items separated by ";"
    description: str


@dataclass(frozen=True)
class Listing:
    name: str
    org: str
    venue: str | None  # None for online-only
    when: str  # "TU,TH 10:00-12:00; SA 14:00-16:00" or monthly "1WE 14:00-16:00"; "MO-FR" is a range
    cost: str  # "free", "4/session", "45/day", "25/week"; several joined with ", " ("transport 6/day")
    needs: str  # NEED keys, space-separated
    does: str  # ACTIVITY keys (1-3); "online" is added for online listings
    support: str  # SUPPORT keys offered, or ""
    blurb: str  # the hand-written part of the description; practical sentences are added
    ages: str = ""  # "18-25", "50+", "65+"
    mode: str = "in"  # "in", "online" or "both"


@dataclass(frozen=True)
class Area:
    slug: str
    name: str
    county: str
    orgs: list[Org]
    venues: list[Venue]
    listings: list[Listing]


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def uid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def rng_for(*parts: str) -> random.Random:
    return random.Random(":".join([str(SEED), *parts]))


def slugify(text: str) -> str:
    text = text.lower().replace("&", "and").replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def load_terms() -> dict[str, dict[str, str]]:
    doc = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return {
        t["id"]: {"id": t["id"], "name": t["name"], "description": t["description"], "taxonomy": tax["id"]}
        for tax in doc["taxonomies"]
        for t in tax["terms"]
    }


def load_outcodes() -> dict[str, tuple[float, float]]:
    with gzip.open(GEO_FILE, "rt", newline="", encoding="utf-8") as fh:
        return {
            r["Postcode"]: (float(r["Latitude"]), float(r["Longitude"])) for r in csv.DictReader(fh) if r["Latitude"]
        }


def jitter(centre: tuple[float, float], rng: random.Random) -> tuple[float, float]:
    """A point within 0.45 miles of the district centroid (uniform over the disc)."""
    lat, lon = centre
    r = 0.45 * math.sqrt(rng.random())
    theta = rng.uniform(0, 2 * math.pi)
    dlat = r * math.cos(theta) / 69.05
    dlon = r * math.sin(theta) / (69.05 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def inward_code(rng: random.Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"  # the letters Royal Mail uses in inward codes
    return f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def clock(hhmm: str) -> str:
    h, m = map(int, hhmm.split(":"))
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}{suffix}" if m == 0 else f"{h12}:{m:02d}{suffix}"


def join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def days_phrase(days: list[str]) -> str:
    if days == WEEK:
        return "Every day"
    if days == WEEK[:5]:
        return "Mondays to Fridays"
    idx = [WEEK.index(d) for d in days]
    if len(days) >= 3 and idx == list(range(idx[0], idx[-1] + 1)):
        return f"{DAY_NAMES[days[0]]}s to {DAY_NAMES[days[-1]]}s"
    return join_words([DAY_NAMES[d] + "s" for d in days])


def parse_when(when: str) -> list[dict[str, object]]:
    """Turn "TU,TH 10:00-12:00; SA 14:00-16:00" into (freq, byday, opens, closes, words) rows."""
    rows: list[dict[str, object]] = []
    for part in when.split(";"):
        days_text, times = part.split()
        opens, closes = times.split("-")
        monthly = re.fullmatch(r"(-?\d)(MO|TU|WE|TH|FR|SA|SU)", days_text)
        if monthly:
            words = f"{ORDINALS[monthly.group(1)]} {DAY_NAMES[monthly.group(2)]} of the month"
            rows.append({"freq": "MONTHLY", "byday": days_text, "opens": opens, "closes": closes, "words": words})
            continue
        days: list[str] = []
        for token in days_text.split(","):
            if "-" in token:
                a, b = token.split("-")
                days += WEEK[WEEK.index(a) : WEEK.index(b) + 1]
            else:
                days.append(token)
        assert all(d in DAY_NAMES for d in days), when
        rows.append(
            {"freq": "WEEKLY", "byday": ",".join(days), "opens": opens, "closes": closes, "words": days_phrase(days)}
        )
    return rows


def money(amount: float) -> str:
    return f"£{amount:.0f}" if amount == int(amount) else f"£{amount:.2f}"


def parse_cost(cost: str) -> tuple[str, list[dict[str, object]]]:
    """Return the fees text and ORUK cost options for "free", "4/session", "45/day, transport 7/day" ..."""
    unit_words = {
        "session": ("Per session", "per session", "a session"),
        "day": ("Per day", "per day", "a day"),
        "week": ("Per week", "per week", "a week"),
    }
    fees, options = [], []
    for part in [p.strip() for p in cost.split(",")]:
        if part in ("free", "donations"):
            options.append({"option": "Free", "amount": 0.0, "amount_description": "free"})
            fees.append("Free" if part == "free" else "Free (donations welcome)")
            continue
        m = re.fullmatch(r"(?:(.+) )?(\d+(?:\.\d+)?)/(session|day|week)", part)
        assert m, cost
        label, amount, unit = m.group(1), float(m.group(2)), m.group(3)
        option, description, phrase = unit_words[unit]
        if label:
            options.append(
                {"option": label[0].upper() + label[1:], "amount": amount, "amount_description": description}
            )
            fees.append(f"{label} {money(amount)} {phrase}")
        else:
            options.append({"option": option, "amount": amount, "amount_description": description})
            fees.append(f"{money(amount)} {phrase}")
    text = "; ".join(fees)
    return text[0].upper() + text[1:], options


def age_range(ages: str) -> tuple[int, int | None]:
    if not ages:
        return 18, None
    if ages.endswith("+"):
        return int(ages[:-1]), None
    lo, hi = ages.split("-")
    return int(lo), int(hi)


class NumberPool:
    """Hands out distinct Ofcom drama numbers, each picked from the item's own random stream."""

    def __init__(self, prefix: str, numbers: range) -> None:
        self.prefix, self.free = prefix, list(numbers)
        self.given: dict[str, str] = {}

    def number(self, key: str) -> str:
        if key not in self.given:
            n = self.free.pop(rng_for("phone", key).randrange(len(self.free)))
            self.given[key] = f"{self.prefix}{n:04d}"
        return self.given[key]


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text))


# --------------------------------------------------------------------------------------------
# Building the ORUK 3.0 service objects
# --------------------------------------------------------------------------------------------


def term_link(terms: dict[str, dict[str, str]], owner: str, term_id: str, link_type: str) -> dict[str, object]:
    return {
        "id": uid("attribute", owner, term_id),
        "taxonomy_term_id": term_id,
        "link_type": link_type,
        "taxonomy_term": dict(terms[term_id]),
    }


def physical_location(
    area: Area, venue: Venue, outcodes: dict[str, tuple[float, float]], terms: dict[str, dict[str, str]]
) -> dict[str, object]:
    rng = rng_for("venue", area.slug, venue.key)
    location_id = uid("location", area.slug, venue.key)
    lat, lon = jitter(outcodes[venue.outcode], rng)
    postcode = f"{venue.outcode} {inward_code(rng)}"
    items = (
        [i.strip() for i in venue.access.split(";")]
        if ";" in venue.access or "=" in venue.access
        else venue.access.split()
    )
    accessibility = []
    for item in items:
        code, _, words = item.partition("=")
        words = words or rng.choice(ACCESS_WORDS[code])
        accessibility.append(
            {
                "id": uid("accessibility", location_id, code),
                "description": words,
                "attributes": [term_link(terms, location_id, ACCESS[code], "access")],
            }
        )
    return {
        "id": location_id,
        "location_type": "physical",
        "name": venue.name,
        "description": venue.description,
        "latitude": lat,
        "longitude": lon,
        "addresses": [
            {
                "id": uid("address", location_id),
                "address_1": venue.address_1,
                "city": venue.town,
                "region": area.name,
                "state_province": area.county,
                "postal_code": postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ],
        "accessibility": accessibility,
    }


def virtual_location(area: Area, org: Org) -> dict[str, object]:
    return {
        "id": uid("location", area.slug, "online", org.key),
        "location_type": "virtual",
        "name": "Online",
        "description": f"Online sessions run by {org.name}.",
        "url": f"https://{slugify(org.name)}.example.org/join",
    }


def describe(listing: Listing, paid: bool, rng: random.Random) -> str:
    """The hand-written blurb plus the practical sentences a reader needs (2-4 sentences in all)."""
    support = set(listing.support.split())
    name = listing.name.lower()
    booked = (
        "/week" in listing.cost or "/day" in listing.cost or "121" in support or "course" in name or "programme" in name
    )
    extra = []
    if "tr" in support:
        extra.append(rng.choice(TRANSPORT_WORDS if paid else FREE_TRANSPORT_WORDS))
    if "pc" in support:
        extra.append(rng.choice(CARE_WORDS))
    elif "121" in support and "one-to-one" not in listing.blurb.lower():
        extra.append(rng.choice(ONE_TO_ONE_WORDS))
    if listing.mode == "online":
        extra.append(rng.choice(ONLINE_WORDS))
    elif listing.mode == "both":
        extra.append(rng.choice(BOTH_WORDS))
    low, high = age_range(listing.ages)
    if high is not None:
        extra.append(f"For young adults aged {low} to {high}.")
    elif low > 18:
        extra.append(f"For people aged {low} and over.")
    if "centre" in listing.does.split():
        extra.append(rng.choice(REFERRAL_WORDS))
    elif not extra:
        extra.append(rng.choice(BOOK_WORDS if booked or (paid and rng.random() < 0.6) else DROP_IN_WORDS))
    text = listing.blurb
    for sentence in extra:
        if sentences(text) + sentences(sentence) <= 4:
            text += " " + sentence
    assert 2 <= sentences(text) <= 4, (listing.name, text)
    return text


def build_service(
    area: Area,
    listing: Listing,
    orgs: dict[str, Org],
    locations: dict[str, dict[str, object]],
    terms: dict[str, dict[str, str]],
    stale: bool,
    landlines: NumberPool,
    mobiles: NumberPool,
) -> dict[str, object]:
    org = orgs[listing.org]
    org_slug = slugify(org.name)
    key = f"{area.slug}/{listing.venue or 'online'}/{listing.name}"
    sid = uid("service", key)
    rng = rng_for("service", key)

    fees, options = parse_cost(listing.cost)
    paid = any(float(str(o["amount"])) > 0 for o in options)
    if stale:
        assured = ASSURED_FROM + dt.timedelta(days=rng.randrange((STALE_BEFORE - ASSURED_FROM).days - 5))
    else:
        first = STALE_BEFORE + dt.timedelta(days=5)
        assured = first + dt.timedelta(days=rng.randrange((ASSURED_TO - first).days + 1))
    starts = [d for d in TERM_STARTS if d <= assured][-3:]
    valid_from = rng.choice(starts).isoformat()

    attending = {"in": "in person", "online": "online", "both": "in person or online"}[listing.mode]
    schedules = []
    for n, row in enumerate(parse_when(listing.when)):
        words = f"{row['words']}, {clock(str(row['opens']))} to {clock(str(row['closes']))}"
        if listing.mode != "in":
            words += ", " + attending
        schedules.append(
            {
                "id": uid("schedule", sid, str(n)),
                "freq": row["freq"],
                "interval": 1,
                "byday": row["byday"],
                "opens_at": row["opens"],
                "closes_at": row["closes"],
                "valid_from": valid_from,
                "description": words,
                "attending_type": attending,
            }
        )

    if listing.venue is None:
        assert listing.mode == "online", listing.name
        location = virtual_location(area, org)
    else:
        assert listing.mode in ("in", "both"), listing.name
        location = locations[listing.venue]

    activities = [ACTIVITY[a] for a in listing.does.split()]
    if listing.mode == "online" and ACTIVITY["online"] not in activities:
        activities.insert(0, ACTIVITY["online"])
    assert 1 <= len(activities) <= 3, listing.name
    attributes = [term_link(terms, sid, NEED[n], "need") for n in listing.needs.split()]
    attributes += [term_link(terms, sid, a, "activity") for a in activities]
    attributes.append(term_link(terms, sid, ATTENDANCE[listing.mode], "attendance"))
    attributes += [term_link(terms, sid, SUPPORT[s], "support") for s in listing.support.split()]
    assert attributes[0]["link_type"] == "need", listing.name

    first_activity = next(a for a in listing.does.split() if a != "online")
    title = CONTACT_TITLES[first_activity]
    person = rng_for("contact", area.slug, org.key, title)
    contact_name = f"{person.choice(FIRST_NAMES)} {person.choice(SURNAMES)}"

    minimum_age, maximum_age = age_range(listing.ages)
    service: dict[str, object] = {
        "id": sid,
        "name": listing.name,
        "description": describe(listing, paid, rng),
        "url": f"https://{org_slug}.example.org/{slugify(listing.name)}",
        "email": f"hello@{org_slug}.example.org",
        "status": "active",
        "fees": fees,
        "minimum_age": minimum_age,
    }
    if maximum_age is not None:
        service["maximum_age"] = maximum_age
    service.update(
        {
            "assured_date": assured.isoformat(),
            "organization": {
                "id": uid("organization", area.slug, org.key),
                "name": org.name,
                "description": org.description,
                "website": f"https://{org_slug}.example.org",
                "email": f"info@{org_slug}.example.org",
            },
            "service_areas": [{"id": uid("service_area", sid), "name": area.name, "description": area.name}],
            "service_at_locations": [{"id": uid("service_at_location", sid), "location": location}],
            "schedules": schedules,
            "cost_options": [
                {
                    "id": uid("cost_option", sid, str(n)),
                    "option": o["option"],
                    "amount": o["amount"],
                    "currency": "GBP",
                    "amount_description": o["amount_description"],
                }
                for n, o in enumerate(options)
            ],
            "phones": [{"id": uid("phone", sid), "number": landlines.number(f"{area.slug}/{org.key}")}],
            "contacts": [
                {
                    "id": uid("contact", sid),
                    "name": contact_name,
                    "title": title,
                    "phones": [
                        {"id": uid("phone", sid, "contact"), "number": mobiles.number(f"{area.slug}/{org.key}/{title}")}
                    ],
                }
            ],
            "attributes": attributes,
        }
    )
    return service


def build_area(
    area: Area,
    terms: dict[str, dict[str, str]],
    outcodes: dict[str, tuple[float, float]],
    landlines: NumberPool,
    mobiles: NumberPool,
) -> dict[str, object]:
    orgs = {o.key: o for o in area.orgs}
    assert len(orgs) == len(area.orgs), f"duplicate organisation key in {area.slug}"
    locations = {v.key: physical_location(area, v, outcodes, terms) for v in area.venues}
    assert len(locations) == len(area.venues), f"duplicate venue key in {area.slug}"
    n = len(area.listings)
    order = sorted(range(n), key=lambda i: rng_for("stale", area.slug, area.listings[i].name).random())
    stale = set(order[: round(STALE_SHARE * n)])
    services = [
        build_service(area, listing, orgs, locations, terms, i in stale, landlines, mobiles)
        for i, listing in enumerate(area.listings)
    ]

    seen: set[tuple[str, str]] = set()
    for listing in area.listings:
        where = listing.venue or "online"
        assert (listing.name, where) not in seen, f"{listing.name} listed twice at {where}"
        seen.add((listing.name, where))
    used_orgs = {listing.org for listing in area.listings}
    used_venues = {listing.venue for listing in area.listings if listing.venue}
    assert used_orgs == set(orgs), f"unused organisations in {area.slug}: {set(orgs) - used_orgs}"
    assert used_venues == set(locations), f"unused venues in {area.slug}: {set(locations) - used_venues}"
    return {
        "total_items": n,
        "total_pages": 1,
        "page_number": 1,
        "size": n,
        "first_page": True,
        "last_page": True,
        "empty": False,
        "contents": services,
    }


def load_area(slug: str) -> Area:
    """An area's hand-written organisations, venues and listings, from ``sample/<slug>.toml``."""
    data = tomllib.loads((DATA_DIR / f"{slug}.toml").read_text(encoding="utf-8"))
    return Area(
        data["slug"],
        data["name"],
        data["county"],
        orgs=[Org(**item) for item in data["orgs"]],
        venues=[Venue(**item) for item in data["venues"]],
        listings=[Listing(**{"venue": None, **item}) for item in data["listings"]],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the sample directory's area files.")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder to write them to (default directory_data)")
    out_dir: Path = parser.parse_args().out
    terms = load_terms()
    outcodes = load_outcodes()
    landlines, mobiles = NumberPool(*LANDLINES), NumberPool(*MOBILES)
    listed: set[tuple[str, str]] = set()  # (name, postcode) must be unique across the whole directory
    for area in (load_area(slug) for slug in WORDS["areas"]):
        page = build_area(area, terms, outcodes, landlines, mobiles)
        for service in page["contents"]:  # type: ignore[attr-defined]
            where = ",".join(
                a["postal_code"]
                for sal in service["service_at_locations"]
                for a in sal["location"].get("addresses", [])
            )
            assert (service["name"], where) not in listed, f"{service['name']} listed twice"
            listed.add((service["name"], where))
        path = out_dir / f"{area.slug}.json"
        path.write_text(json.dumps(page, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path}: {page['total_items']} services")


if __name__ == "__main__":
    main()
