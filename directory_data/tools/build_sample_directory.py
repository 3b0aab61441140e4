"""Build Dayfinder's curated SAMPLE activity directory (fictional data for trying the product).

    python directory_data/tools/build_sample_directory.py

Writes one ORUK 3.0 page of services per area into directory_data/ (central-bedfordshire.json,
waltham-forest.json, dorset.json, solihull.json, sefton.json). The JSON files are the committed
output: the product reads them and never needs this script at run time.

Why a script and not hand-edited JSON: the listings below are written by hand, but ids,
coordinates, phone numbers, assured dates and the repeated ORUK structure are generated, so the
output is consistent and identical on every run (fixed seed, uuid5 ids from a fixed namespace,
one random stream per item so adding a listing does not reshuffle the others).

Standard library only. Coordinates come from the doogal.co.uk postcode districts file kept in
/work/shared beside the repository (Contains OS data © Crown copyright and database right;
Contains Royal Mail data © Royal Mail copyright and database right; Source: Office for National
Statistics licensed under the Open Government Licence v3.0).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import math
import random
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

SEED = 20261125
NAMESPACE = uuid.UUID("6f1c2b7e-3d4a-5b8c-9e0f-d4a7f1c2b9e3")  # fixed: ids stay stable across runs
ASSURED_FROM = dt.date(2024, 12, 1)
ASSURED_TO = dt.date(2026, 11, 20)
STALE_BEFORE = dt.date(2025, 11, 25)  # assured more than a year before the build date, 2026-11-25
STALE_SHARE = 0.22
TERM_STARTS = [dt.date(2024, 9, 2), dt.date(2025, 1, 6), dt.date(2025, 4, 22), dt.date(2025, 9, 1),
               dt.date(2026, 1, 5), dt.date(2026, 4, 13), dt.date(2026, 9, 7)]

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / "directory_data"
TAXONOMY_FILE = OUT_DIR / "taxonomy.json"
GEO_FILE = Path(__file__).resolve().parents[3] / "shared/external/geo/postcode_districts_doogal_2023-09.csv"

# Ofcom numbers reserved for drama: 01632 960000-960999 and 07700 900000-900999.
LANDLINES = ("01632 96", range(0, 1000))
MOBILES = ("07700 90", range(0, 1000))

NEED = {"ld": "need-learning-disability", "aut": "need-autism", "dem": "need-dementia", "mh": "need-mental-health",
        "pd": "need-physical-disability", "sens": "need-sensory-impairment", "abi": "need-acquired-brain-injury",
        "older": "need-older-people", "carers": "need-carers"}
ACTIVITY = {"centre": "activity-day-centre", "arts": "activity-arts-crafts", "music": "activity-music",
            "drama": "activity-drama", "garden": "activity-gardening", "farm": "activity-farm-animals",
            "cook": "activity-cookery", "sport": "activity-sport-swimming", "walk": "activity-walking",
            "cycle": "activity-cycling", "dance": "activity-dance-movement", "social": "activity-social-club",
            "knit": "activity-knit-natter", "memory": "activity-memory-cafe", "digital": "activity-computers-digital",
            "work": "activity-employment-volunteering", "travel": "activity-travel-training",
            "living": "activity-independent-living", "learn": "activity-learning-courses",
            "yoga": "activity-wellbeing-yoga", "online": "activity-online-sessions", "carers": "activity-carers-support",
            "games": "activity-games-quizzes", "remin": "activity-reminiscence"}
SUPPORT = {"121": "support-one-to-one", "pc": "support-personal-care", "tr": "support-transport"}
ATTENDANCE = {"in": "attendance-in-person", "online": "attendance-online", "both": "attendance-both"}
ACCESS = {"sf": "access-step-free", "wc": "access-accessible-toilet", "cp": "access-changing-places",
          "loop": "access-hearing-loop", "quiet": "access-quiet-space", "df": "access-dementia-friendly",
          "park": "access-parking", "bsl": "access-bsl"}

# Default wording for a venue's access features; a venue can give its own with "code=words".
ACCESS_WORDS = {
    "sf": ["Level access from the car park", "Ramp at the main entrance and level floors inside",
           "Step-free throughout, with a lift to the first floor", "Level access through the side door",
           "Wide doors and step-free access to all rooms used"],
    "wc": ["Accessible toilet on the ground floor", "Accessible toilet next to the main hall",
           "Accessible toilet with grab rails and an emergency cord"],
    "cp": ["Changing Places toilet with a ceiling hoist and adult changing bench",
           "Changing Places room with hoist, height-adjustable bench and shower"],
    "loop": ["Hearing loop in the main hall", "Induction loop at reception and in the meeting room",
             "Portable hearing loop used for talks"],
    "quiet": ["A quiet room is available if things get too busy", "Sensory room with soft lighting for time out",
              "Quiet corner with comfy chairs away from the noise"],
    "df": ["Dementia-friendly signs and staff trained as Dementia Friends",
           "Clear signs, contrasting colours and staff with dementia training",
           "Dementia-friendly layout with picture signs on doors"],
    "park": ["Blue badge parking next to the entrance", "Two accessible parking bays by the door",
             "Accessible parking spaces in the public car park opposite"],
    "bsl": ["BSL interpreter booked for every session", "Staff and volunteers who sign BSL"],
}

DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
             "SA": "Saturday", "SU": "Sunday"}
WEEK = list(DAY_NAMES)
ORDINALS = {"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "-1": "Last"}

CONTACT_TITLES = {"centre": "Centre manager", "social": "Club organiser", "memory": "Memory cafe coordinator",
                  "carers": "Carers' support worker", "work": "Employment coordinator", "travel": "Travel trainer",
                  "farm": "Farm manager", "garden": "Project coordinator", "sport": "Sessions coordinator",
                  "music": "Music leader", "drama": "Drama leader", "arts": "Arts coordinator",
                  "learn": "Course tutor", "digital": "Digital champion", "walk": "Walk leader",
                  "cycle": "Cycling coordinator", "dance": "Instructor", "yoga": "Wellbeing practitioner",
                  "knit": "Group organiser", "cook": "Cookery tutor", "living": "Support worker",
                  "games": "Group organiser", "remin": "Group organiser"}
FIRST_NAMES = ["Sam", "Priya", "Tom", "Aisha", "Gareth", "Mei", "Joanne", "Kwame", "Helen", "Imran", "Lucy",
               "Declan", "Fatima", "Rob", "Sunita", "Craig", "Bethan", "Tariq", "Claire", "Nikos", "Rachel",
               "Dev", "Sian", "Marcus", "Agnieszka", "Paul", "Yasmin", "Graham", "Nadia", "Steve", "Kerry",
               "Oluwaseun", "Jill", "Hamid", "Fiona", "Lee", "Rosa", "Andy", "Harpreet", "Maureen", "Callum",
               "Zainab", "Ian", "Chloe", "Ravi", "Sandra", "Owen", "Leila", "Martin", "Jess", "Viktor", "Ann",
               "Tunde", "Megan", "Shabana", "Colin", "Eilidh", "Amir", "Debbie", "Femi"]
SURNAMES = ["Patel", "Hughes", "Okafor", "Clarke", "Khan", "Walsh", "Morgan", "Chen", "Begum", "Turner", "Evans",
            "Nowak", "Ahmed", "Foster", "Singh", "Doyle", "Price", "Mensah", "Barker", "Hussain", "Reid",
            "Kowalski", "Shah", "Fletcher", "Osei", "Lloyd", "Ali", "Holmes", "Papadopoulos", "Webb", "Grant",
            "Rahman", "Marsh", "Campbell", "Adeyemi", "Bennett", "Kaur", "Murphy", "Ward", "Iqbal", "Parry",
            "Bailey", "Chowdhury", "Hart", "Mahmood", "Russell", "Nkemelu", "Cross", "Sutton", "Ellis"]

TRANSPORT_WORDS = ["Transport can be arranged from home for a small extra charge.",
                   "A minibus collects people from home; ask whether your street is on a route.",
                   "Door-to-door transport can be booked if you cannot get there on your own."]
FREE_TRANSPORT_WORDS = ["Volunteer drivers can collect people who cannot get there on their own.",
                        "Ask about a lift: volunteer drivers cover the nearby villages."]
CARE_WORDS = ["Trained staff help with personal care, eating and medicines.",
              "Staff can help with personal care, including toileting and support at mealtimes."]
ONE_TO_ONE_WORDS = ["One-to-one support can be arranged if you need it.",
                    "A support worker can stay with you for the whole session if that helps.",
                    "You can start with one-to-one support and move into the group when you are ready."]
ONLINE_WORDS = ["Sessions run on Zoom; the joining link is sent when you book.",
                "Join by video call from a phone, tablet or computer; the link comes by email or text.",
                "You need a device with a camera or you can join by phone; book to get the link."]
BOTH_WORDS = ["You can come in person or join the same session by video call.",
              "If you cannot get there, join online: the session is streamed on Zoom."]
DROP_IN_WORDS = ["No need to book: just come along.", "New people are always welcome; just turn up.",
                 "Ring first if you would like someone to meet you at the door."]
BOOK_WORDS = ["Please book before your first visit.", "Places are limited, so ring to book.",
              "Call for an informal chat and a taster visit."]
REFERRAL_WORDS = ["Places can be funded by adult social care or a direct payment, or paid for privately.",
                  "You can use a direct payment or pay privately; a taster day can be arranged first.",
                  "Ring to arrange a visit; places can be funded through adult social care."]


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
    description: str
    access: str  # space-separated ACCESS codes, or "code=own words" joined with "|"


@dataclass(frozen=True)
class Listing:
    name: str
    org: str
    venue: str | None  # None for online-only
    when: str  # "TU,TH 10:00-12:00; SA 14:00-16:00" or monthly "1WE 14:00-16:00"; "MO-FR" is a range
    cost: str  # "free", "4/session", "45/day", "25/week"; several joined with ", " ("transport 6/day")
    needs: str
    does: str
    support: str
    blurb: str
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


def O(key: str, name: str, description: str) -> Org:  # noqa: N802 - short data constructors
    return Org(key, name, description)


def V(key: str, name: str, address_1: str, town: str, outcode: str, access: str, description: str) -> Venue:  # noqa: N802
    return Venue(key, name, address_1, town, outcode, description, access)


def S(name: str, org: str, venue: str | None, when: str, cost: str, needs: str, does: str, support: str,  # noqa: N802
      blurb: str, ages: str = "", mode: str = "in") -> Listing:
    return Listing(name, org, venue, when, cost, needs, does, support, blurb, ages, mode)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def uid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def rng_for(*parts: str) -> random.Random:
    return random.Random(":".join([str(SEED), *parts]))


def slugify(text: str) -> str:
    text = text.lower().replace("&", "and").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def load_terms() -> dict[str, dict[str, str]]:
    doc = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return {t["id"]: {"id": t["id"], "name": t["name"], "description": t["description"], "taxonomy": tax["id"]}
            for tax in doc["taxonomies"] for t in tax["terms"]}


def load_outcodes() -> dict[str, tuple[float, float]]:
    with GEO_FILE.open(newline="", encoding="utf-8") as fh:
        return {r["Postcode"]: (float(r["Latitude"]), float(r["Longitude"])) for r in csv.DictReader(fh) if r["Latitude"]}


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
                days += WEEK[WEEK.index(a):WEEK.index(b) + 1]
            else:
                days.append(token)
        assert all(d in DAY_NAMES for d in days), when
        rows.append({"freq": "WEEKLY", "byday": ",".join(days), "opens": opens, "closes": closes,
                     "words": days_phrase(days)})
    return rows


def money(amount: float) -> str:
    return f"£{amount:.0f}" if amount == int(amount) else f"£{amount:.2f}"


def parse_cost(cost: str) -> tuple[str, list[dict[str, object]]]:
    """Return the fees text and ORUK cost options for "free", "4/session", "45/day, transport 7/day" ..."""
    unit_words = {"session": ("Per session", "per session", "a session"), "day": ("Per day", "per day", "a day"),
                  "week": ("Per week", "per week", "a week")}
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
            options.append({"option": label[0].upper() + label[1:], "amount": amount, "amount_description": description})
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
            digits = f"{n:04d}"
            self.given[key] = f"{self.prefix}{digits[:1]}{digits[1:]}" if False else f"{self.prefix}{n:04d}"
        return self.given[key]


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text))
