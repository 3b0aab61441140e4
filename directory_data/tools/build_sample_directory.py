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

NEED = {"ld": "need-learning-disability", "aut": "need-autism", "dem": "need-dementia",
        "mh": "need-mental-health", "pd": "need-physical-disability", "sens": "need-sensory-impairment",
        "abi": "need-acquired-brain-injury", "older": "need-older-people", "carers": "need-carers"}
ACTIVITY = {"centre": "activity-day-centre", "arts": "activity-arts-crafts", "music": "activity-music",
            "drama": "activity-drama", "garden": "activity-gardening", "farm": "activity-farm-animals",
            "cook": "activity-cookery", "sport": "activity-sport-swimming", "walk": "activity-walking",
            "cycle": "activity-cycling", "dance": "activity-dance-movement", "social": "activity-social-club",
            "knit": "activity-knit-natter", "memory": "activity-memory-cafe",
            "digital": "activity-computers-digital",
            "work": "activity-employment-volunteering", "travel": "activity-travel-training",
            "living": "activity-independent-living", "learn": "activity-learning-courses",
            "yoga": "activity-wellbeing-yoga", "online": "activity-online-sessions",
            "carers": "activity-carers-support",
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
    "quiet": ["A quiet room is available if things get too busy",
              "Sensory room with soft lighting for time out",
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
                  "carers": "Carers' support worker", "work": "Employment coordinator",
                  "travel": "Travel trainer",
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
SURNAMES = ["Patel", "Hughes", "Okafor", "Clarke", "Khan", "Walsh", "Morgan", "Chen", "Begum", "Turner",
            "Evans", "Nowak", "Ahmed", "Foster", "Singh", "Doyle", "Price", "Mensah", "Barker", "Hussain",
            "Reid",
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
                    "Staff can give one-to-one support to anyone who needs it.",
                    "If you need one-to-one support, say so when you get in touch."]
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
    return {t["id"]: {"id": t["id"], "name": t["name"], "description": t["description"],
                      "taxonomy": tax["id"]}
            for tax in doc["taxonomies"] for t in tax["terms"]}


def load_outcodes() -> dict[str, tuple[float, float]]:
    with GEO_FILE.open(newline="", encoding="utf-8") as fh:
        return {r["Postcode"]: (float(r["Latitude"]), float(r["Longitude"]))
                for r in csv.DictReader(fh) if r["Latitude"]}


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
            rows.append({"freq": "MONTHLY", "byday": days_text, "opens": opens, "closes": closes,
                         "words": words})
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
    unit_words = {"session": ("Per session", "per session", "a session"),
                  "day": ("Per day", "per day", "a day"),
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
            options.append({"option": label[0].upper() + label[1:], "amount": amount,
                            "amount_description": description})
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
# Central Bedfordshire. The four council day centres for older people and the council's online
# day activities are named in the council's market statement; everything else is fictional.
# --------------------------------------------------------------------------------------------

CENTRAL_BEDFORDSHIRE = Area(
    "central-bedfordshire", "Central Bedfordshire", "Bedfordshire",
    orgs=[
        Org("cbc", "Central Bedfordshire Council",
            "The council's adult social care service runs four day centres for older people, at Silsoe, "
            "Leighton Buzzard, Biggleswade and Houghton Regis, and a programme of online day activities."),
        Org("downside", "Downside Day Opportunities",
            "A local provider of day opportunities for adults with learning disabilities, autistic adults "
            "and people with complex needs, based in Dunstable."),
        Org("rebuild", "Rebuild Brain Injury Support",
            "A small charity supporting people living with an acquired brain injury or stroke, and their "
            "families."),
        Org("greenfield", "Greenfield Meadows Care Farm",
            "A working care farm near Flitton where adults with support needs look after animals, grow "
            "food and learn outdoor skills."),
        Org("ivel", "Ivel Valley Friendship Trust",
            "A volunteer-led charity running lunch clubs, knit and natter groups and social afternoons for "
            "older people in the east of Central Bedfordshire."),
        Org("memfriends", "Bedfordshire Memory Friends",
            "A volunteer network running memory cafes and singing groups for people living with dementia "
            "and the people who care for them."),
        Org("carerscircle", "Carers Circle Central Beds",
            "A peer support network for unpaid carers, with coffee mornings, evening groups and online "
            "chats."),
        Org("sandyheath", "Sandy Heath Growing Project",
            "A community allotment project in Sandy offering gardening for people with learning "
            "disabilities and people with mental health needs."),
        Org("canal", "Linslade Canal Studio",
            "A community arts studio by the canal in Linslade, with open studio sessions and pottery "
            "classes."),
        Org("ouzel", "Ouzel Valley Inclusive Sport",
            "A disability sports club running swimming, boccia and walking football in the south of the "
            "area."),
        Org("flitwalkers", "Flit Valley Walkers",
            "A friendly walking group with trained volunteer walk leaders and routes for all abilities."),
        Org("pedal", "Pedal Ability Bedfordshire",
            "An inclusive cycling charity with adapted bikes, trikes and side-by-side tandems."),
        Org("stagestruck", "Stagestruck Inclusive Theatre",
            "An inclusive theatre company for adults with learning disabilities and autistic adults."),
        Org("soundminds", "Sound Minds Music",
            "A community interest company using music making to support people with mental health needs."),
        Org("shefsingers", "Shefford Community Singers",
            "An open community choir: no auditions and no need to read music."),
        Org("arleseykitchen", "Arlesey Community Kitchen",
            "A community kitchen teaching cooking on a budget and running shared meals."),
        Org("pathway", "Pathway Travel Skills",
            "Travel trainers who help adults learn to use buses and trains on their own."),
        Org("workwise", "Workwise Central Beds",
            "A supported employment service helping disabled people prepare for, find and keep work."),
        Org("tithe", "Tithe Farm Community Cafe",
            "A community cafe in Houghton Regis offering volunteering, work experience and everyday skills "
            "sessions."),
        Org("opendoor", "Open Door Wellbeing Central Beds",
            "A mental health charity with drop-ins, yoga and creative sessions across Central Bedfordshire."),
        Org("cranfieldgn", "Cranfield Good Neighbours",
            "Village volunteers who run a weekly lunch club and give lifts to appointments."),
        Org("toddcare", "Toddington Village Care Group",
            "A village care group running a lunch club and befriending for older residents."),
        Org("sheflunch", "Shefford Sunday Lunch Club",
            "Volunteers who cook a proper Sunday roast for older people who would otherwise eat alone."),
        Org("spectrum", "Spectrum Social Bedfordshire",
            "An autistic-led social group for autistic adults, with calm, structured meet-ups."),
        Org("deafsocial", "Bedfordshire Deaf Social",
            "A social club for Deaf and hard of hearing adults, run in British Sign Language."),
        Org("ivelsight", "Ivel Sight Support",
            "Volunteers supporting blind and partially sighted people to get out, walk and stay in touch."),
        Org("sandyshed", "Sandy Men's Shed",
            "A community workshop where people share skills, make and mend things and have a cuppa."),
        Org("llheritage", "Leighton Linslade Heritage Friends",
            "Local history volunteers who run reminiscence sessions with old photographs, objects and "
            "music."),
        Org("digibuddies", "Ampthill Digital Buddies",
            "Volunteers helping older people get confident with phones, tablets and the internet."),
        Org("ivellearning", "Ivel Community Learning",
            "A community learning charity running friendly courses for adults who want to brush up their "
            "skills."),
        Org("speakup", "Speak Up Central Beds",
            "A self-advocacy group run by and for people with learning disabilities."),
        Org("bartonfriends", "Barton Friendship Club",
            "A village friendship club with games, quizzes and tea for older people."),
    ],
    venues=[
        Venue("beehive", "Beehive Day Centre", "14 West End Road", "Silsoe", "MK45", "sf wc cp df park quiet",
              "The council day centre for older people at Silsoe, with a garden room and a hairdressing "
              "salon."),
        Venue("lbdc", "Leighton Buzzard Day Centre", "22 Bassett Road", "Leighton Buzzard", "LU7",
              "sf wc df park loop",
              "Single-storey council day centre with a lounge, dining room and enclosed garden."),
        Venue("bigdc", "Biggleswade Day Centre", "3 London Road", "Biggleswade", "SG18", "sf wc df park",
              "Council day centre close to the town centre, with a bright activity room and a bathing "
              "suite."),
        Venue("hrdc", "Houghton Regis Day Centre", "40 High Street", "Houghton Regis", "LU5",
              "sf wc cp df park",
              "Council day centre on the High Street with a lounge, quiet room and garden."),
        Venue("downside", "Downside Resource Centre", "18 Kingsway", "Dunstable", "LU5",
              "sf; wc; cp; quiet=Sensory room with a bubble tube and soft lighting; park",
              "Purpose-built day centre with a sensory room, a teaching kitchen and a large activity hall."),
        Venue("priory", "Priory Community Hall", "41 High Street South", "Dunstable", "LU6", "sf wc loop",
              "Community hall in the centre of Dunstable with a stage and a kitchen."),
        Venue("downsview", "Downs View Pool and Gym", "2 Vernon Place", "Dunstable", "LU5",
              "sf=Pool hoist and level access to the poolside; wc; cp; park",
              "Leisure centre with a 25-metre pool, a learner pool and a sports hall."),
        Venue("tithe", "Tithe Farm Community Cafe", "7 Tithe Farm Road", "Houghton Regis", "LU5",
              "sf wc quiet", "A community cafe and training kitchen on the Tithe Farm estate."),
        Venue("pavilion", "Hall Park Pavilion", "Bedford Road", "Houghton Regis", "LU5",
              "sf=Tarmac paths and level access to the pavilion; wc; park",
              "Park pavilion with a bike store, next to a traffic-free loop."),
        Venue("canal", "Linslade Canal Studio", "Unit 3, Wharf Lane", "Leighton Buzzard", "LU7",
              "sf wc quiet", "A light, ground-floor studio with a kiln, next to the canal towpath."),
        Venue("allsaints", "All Saints Parish Rooms", "12 Church Square", "Leighton Buzzard", "LU7",
              "sf wc loop df", "Parish rooms beside the church, with a kitchen and a small garden."),
        Venue("lakestreet", "Lake Street Hub", "33 Lake Street", "Leighton Buzzard", "LU7", "sf wc quiet",
              "Ground-floor offices and training room near the bus stops."),
        Venue("ivelhall", "Ivel Valley Community Hall", "25 Shortmead Street", "Biggleswade", "SG18",
              "sf wc loop df park",
              "Community hall near the river with a main hall, a small meeting room and a kitchen."),
        Venue("ivelshop", "Ivel Valley Charity Shop", "8 High Street", "Biggleswade", "SG18", "sf wc",
              "A busy charity shop with a back-room sorting area and a training room."),
        Venue("sandyplots", "Sandy Heath Allotments", "Potton Road", "Sandy", "SG19",
              "sf=Firm, wide paths and raised beds; wc=Accessible compost toilet; park",
              "Six allotment plots with raised beds, a polytunnel and a cabin for tea breaks."),
        Venue("sandyrooms", "Market Square Rooms", "4 Market Square", "Sandy", "SG19", "sf wc loop",
              "Meeting rooms above the library, reached by a lift."),
        Venue("sandyshed", "Sandy Men's Shed", "Unit 6, Stratford Road Workshops", "Sandy", "SG19",
              "sf wc park", "A well-equipped woodwork shop with a tea corner."),
        Venue("potton", "Potton Social Hall", "10 King Street", "Potton", "SG19", "sf wc df park",
              "Village hall off the market square with a kitchen."),
        Venue("farm", "Greenfield Meadows Care Farm", "Greenfield Road", "Flitton", "MK45",
              "sf=Firm paths to the barns and polytunnels; wc; park=Parking in the farmyard",
              "A small mixed farm with goats, sheep, chickens, a market garden and a farm kitchen."),
        Venue("flitwick", "Flitwick Community Hall", "5 Steppingley Road", "Flitwick", "MK45",
              "sf wc loop park", "Modern community hall close to Flitwick station."),
        Venue("ampthill", "Church Street Rooms", "9 Church Street", "Ampthill", "MK45", "sf wc loop df",
              "Meeting rooms in the town centre with comfortable chairs and a kitchen."),
        Venue("barton", "Barton Springs Hall", "16 Bedford Road", "Barton-le-Clay", "MK45", "sf wc park",
              "Village hall with a car park and a garden."),
        Venue("shefford", "Northbridge Community Rooms", "3 Northbridge Street", "Shefford", "SG17",
              "sf wc loop df", "Community rooms in the middle of Shefford, with a hall and a kitchen."),
        Venue("arlesey", "Arlesey Community Kitchen", "58 High Street", "Arlesey", "SG15", "sf wc",
              "A community kitchen with four cooking stations and a dining area."),
        Venue("stotfold", "Rook Tree Community Hall", "21 Rook Tree Lane", "Stotfold", "SG5",
              "sf wc park quiet", "Community hall with a training kitchen and a quiet side room."),
        Venue("cranfield", "Cranfield Memorial Rooms", "40 High Street", "Cranfield", "MK43", "sf wc df park",
              "Village rooms on the High Street with a hall and kitchen."),
        Venue("toddington", "Toddington Village Rooms", "2 Market Square", "Toddington", "LU5", "sf wc df",
              "Village rooms on the green."),
    ],
    listings=[
        Listing("Beehive Day Centre", "cbc", "beehive", "MO-FR 09:30-15:30", "49.50/day, transport 7/day",
                "older dem", "centre social games", "pc tr",
                "The council's day centre for older people at Silsoe, which took over from the old "
                "Ampthill Day Centre. A day includes a hot two-course lunch, quizzes, gentle exercise and "
                "time to chat with friends."),
        Listing("Leighton Buzzard Day Centre", "cbc", "lbdc", "MO-FR 09:30-15:30",
                "49.50/day, transport 7/day", "older dem pd", "centre social dance", "pc tr",
                "A council day centre for older people who would like company, a cooked lunch and "
                "activities in a safe, friendly place. Chair exercise, music and board games run every "
                "day."),
        Listing("Biggleswade Day Centre", "cbc", "bigdc", "MO-FR 09:30-15:30", "49.50/day, transport 7/day",
                "older dem", "centre social remin", "pc tr",
                "A council day centre for older people living in and around Biggleswade. There is a "
                "bathing suite, so people who find it hard to bathe at home can have a bath with help."),
        Listing("Houghton Regis Day Centre", "cbc", "hrdc", "MO-FR 09:30-15:30", "49.50/day, transport 7/day",
                "older dem pd", "centre social arts", "pc tr",
                "A council day centre for older people, including people with dementia and people with "
                "more complex physical needs. Days mix crafts, music and games with a hot lunch."),
        Listing("Online Day Activities", "cbc", None, "MO,WE,FR 10:30-11:30", "free", "older ld pd",
                "online games music", "",
                "The council's own online day activities: quizzes, music and chat by video call, led by day "
                "centre staff. Good for people who cannot get out, or who want something between day centre "
                "days.", mode="online"),
        Listing("Online Chair Exercise Class", "cbc", None, "TU,TH 11:00-11:45", "free", "older pd",
                "online dance", "",
                "A gentle seated exercise class by video call, led by the day centres' activity team. Moves "
                "can be done from an armchair or wheelchair.", mode="online"),
        Listing("Downside Day Service", "downside", "downside", "MO-FR 09:30-15:30", "62/day", "ld aut",
                "centre arts music", "121 pc tr",
                "Building-based day service for adults with learning disabilities, including people with "
                "profound and multiple learning disabilities. Each person has their own weekly plan, with "
                "sensory sessions, music, art and trips into town."),
        Listing("Saturday Day Service", "downside", "downside", "SA 10:00-15:00", "68/day", "ld pd",
                "centre music social", "121 pc tr",
                "A weekend day at Downside for people with complex needs, giving families a Saturday "
                "break. Sessions are small, with high staffing."),
        Listing("Thursday Evening Social", "downside", "priory", "TH 18:00-20:30", "5/session", "ld aut",
                "social games music", "",
                "An evening club with games, music and a takeaway tea, run by Downside staff in Priory "
                "Community Hall. Friends from other day services are welcome too."),
        Listing("Brain Injury Day Programme", "rebuild", "flitwick", "TU,TH 10:00-15:00", "45/day", "abi",
                "learn living cook", "121 tr",
                "Structured days for people rebuilding their lives after a brain injury, with memory "
                "strategies, cooking practice and peer support. Sessions are planned with each person and "
                "their family."),
        Listing("Leighton Buzzard Stroke Club", "rebuild", "allsaints", "WE 14:00-16:00", "2.50/session",
                "abi older", "social games", "",
                "A relaxed afternoon club for people who have had a stroke, and their partners. Expect "
                "tea, a quiz, and people who understand."),
        Listing("Care Farm Days", "greenfield", "farm", "MO,TU,TH 10:00-15:00", "55/day", "ld aut mh",
                "farm garden", "121",
                "Feed the goats, collect eggs and work in the market garden alongside the farm team. Lunch "
                "is cooked in the farm kitchen with what people have grown."),
        Listing("Saturday Young Farmers", "greenfield", "farm", "SA 10:00-13:00", "18/session", "ld aut",
                "farm", "",
                "Saturday mornings on the farm for young adults: animal care, fencing, mucking out and a "
                "bacon roll.", ages="18-25"),
        Listing("Allotment Group", "sandyheath", "sandyplots", "WE,FR 10:00-13:00", "free", "ld mh", "garden",
                "",
                "Grow fruit, vegetables and flowers on shared plots, from sowing seeds to picking the "
                "crop. Tools, gloves and tea are provided."),
        Listing("Sunday Plot Sessions", "sandyheath", "sandyplots", "SU 10:00-12:00", "free", "mh",
                "garden walk", "",
                "A quieter Sunday morning on the allotments for people who find weekdays busy, with a "
                "short walk round the heath afterwards."),
        Listing("Open Studio for Wellbeing", "canal", "canal", "TU 13:00-16:00; SA 10:00-13:00", "3/session",
                "mh", "arts yoga", "",
                "Drop into the studio to paint, draw or print at your own pace, with an artist on hand. "
                "The afternoon ends with a short relaxation."),
        Listing("Thursday Evening Pottery", "canal", "canal", "TH 18:30-20:30", "8/session", "ld aut mh",
                "arts learn", "",
                "A six-week pottery course for beginners: pinch pots, coil pots and glazing, with your "
                "work fired in the studio kiln."),
        Listing("Tuesday Knit and Natter", "ivel", "ampthill", "TU 10:00-12:00", "free", "older carers",
                "knit social", "",
                "Bring a project or borrow needles and wool from the basket. Knitters of every level meet "
                "over tea and biscuits, and the group makes blankets for the local hospice."),
        Listing("Biggleswade Knit and Natter", "ivel", "ivelhall", "TH 14:00-16:00", "1.50/session", "older",
                "knit social", "",
                "An afternoon of knitting, crochet and conversation in the community hall. Someone will "
                "always help you pick up a dropped stitch."),
        Listing("Leighton Buzzard Memory Cafe", "memfriends", "allsaints", "2TU 10:30-12:30", "free",
                "dem carers", "memory music remin", "",
                "A monthly memory cafe for people living with dementia and the people who care for them, "
                "with music, memory boxes and a friendly cuppa."),
        Listing("Dunstable Memory Cafe", "memfriends", "priory", "WE 14:00-16:00", "2/session", "dem carers",
                "memory games", "",
                "A weekly cafe where people with memory problems and their carers can relax together. "
                "Volunteers and a dementia adviser are there to talk through any worries."),
        Listing("Biggleswade Memory Cafe", "memfriends", "ivelhall", "FR 10:30-12:00", "free", "dem carers",
                "memory remin", "",
                "Friday morning cafe with reminiscence games, old photographs of Biggleswade and cake."),
        Listing("Singing for Memory", "memfriends", "ivelhall", "TU 10:30-12:00", "3/session", "dem carers",
                "music memory", "",
                "Familiar songs, warm-ups and rhythm games for people with dementia and their carers. No "
                "singing experience needed: the words are on big-print sheets."),
        Listing("Cranfield Friday Lunch Club", "cranfieldgn", "cranfield", "FR 12:00-14:00", "6.50/session",
                "older", "social", "tr",
                "A two-course home-cooked lunch and a chat for older people in Cranfield and nearby "
                "villages.", ages="60+"),
        Listing("Potton Wednesday Lunch Club", "ivel", "potton", "WE 12:00-14:00", "5.50/session", "older",
                "social games", "tr",
                "Lunch, a raffle and a game of bingo in Potton Social Hall. Special diets can be catered "
                "for with notice.", ages="65+"),
        Listing("Shefford Sunday Lunch", "sheflunch", "shefford", "SU 12:30-14:30", "8/session", "older",
                "social", "tr",
                "A proper Sunday roast with pudding, cooked by volunteers for older people who would "
                "otherwise eat alone on a Sunday.", ages="65+"),
        Listing("Toddington Tuesday Lunch Club", "toddcare", "toddington", "TU 12:00-14:00", "6/session",
                "older", "social games", "",
                "Soup, a hot main course and a quiz in the village rooms on the green. Carers are welcome "
                "to stay for lunch too."),
        Listing("Carers' Coffee Morning", "carerscircle", "flitwick", "1TH 10:00-12:00", "free", "carers",
                "carers social", "",
                "A monthly coffee morning for unpaid carers: a chance to talk to people who understand, "
                "with an adviser on hand for questions about benefits and breaks."),
        Listing("Carers' Evening Group", "carerscircle", "lakestreet", "-1WE 19:00-20:30", "free", "carers",
                "carers", "",
                "An evening group for carers who work or cannot get out in the day. Each month has a short "
                "talk, from power of attorney to planning a break."),
        Listing("Online Carers' Cuppa", "carerscircle", None, "TU 19:30-20:30", "free", "carers",
                "online carers", "",
                "A weekly chat by video call for carers who cannot leave the person they care for. Cameras "
                "are optional.", mode="online"),
        Listing("Inclusive Swim Session", "ouzel", "downsview", "SA 08:30-09:30", "3.60/session", "ld aut pd",
                "sport", "",
                "A quieter swim with the pool hoist, warmer water in the learner pool and lifeguards who "
                "know the swimmers. Carers swim free."),
        Listing("Friday Disability Swimming Club", "ouzel", "downsview", "FR 18:00-19:00", "4/session",
                "ld pd sens", "sport", "",
                "Coached swimming for disabled adults, from first strokes to galas. Swimmers are grouped "
                "by ability."),
        Listing("Boccia and Bowls Club", "ouzel", "hrdc", "TU 13:30-15:30", "2/session", "pd older abi",
                "sport games", "",
                "Indoor boccia and short-mat bowls, played seated or standing. Ramps are available for "
                "players who need them."),
        Listing("Walking Football", "ouzel", "downsview", "WE 18:00-19:00", "3/session", "older mh", "sport",
                "",
                "Football with no running and no tackling, on the sports hall pitch. Good for getting fit "
                "again at your own pace.", ages="50+"),
        Listing("Flit Valley Health Walk", "flitwalkers", "flitwick", "MO 10:00-11:30", "free", "older mh pd",
                "walk", "",
                "An easy hour-long walk on level paths along the river, led by trained volunteers, with a "
                "shorter route for anyone who needs it."),
        Listing("Saturday Wellbeing Walk", "flitwalkers", "priory", "SA 10:00-12:00", "free", "mh",
                "walk yoga", "",
                "A longer Saturday walk up onto the downs, with a mindful pause at the top and coffee back "
                "in town."),
        Listing("Visually Impaired Walking Group", "ivelsight", "ivelhall", "2SU 10:30-12:30", "free", "sens",
                "walk social", "121",
                "A monthly Sunday walk for blind and partially sighted people, with trained sighted "
                "guides, finishing with lunch at a cafe."),
        Listing("All-Ability Cycling Club", "pedal", "pavilion", "SA 10:00-12:00", "4/session",
                "ld pd aut abi", "cycle", "",
                "Ride adapted bikes, hand cycles, trikes and side-by-side tandems on a traffic-free loop. "
                "Bring a carer or come on your own."),
        Listing("Wednesday Cycle Rides", "pedal", "pavilion", "WE 13:00-15:00", "4/session", "ld mh",
                "cycle walk", "",
                "Guided rides on quiet lanes and park paths, for people who can ride a two-wheeler but "
                "would like company and confidence."),
        Listing("Stagestruck Theatre Group", "stagestruck", "priory", "WE 18:30-20:30", "6/session", "ld aut",
                "drama music", "",
                "Weekly drama sessions building to two shows a year on the Priory Hall stage. Everyone "
                "gets a part, on stage or behind it."),
        Listing("Saturday Drama Workshop", "stagestruck", "priory", "SA 10:30-12:30", "6/session", "ld aut",
                "drama", "", "Improvisation, games and short scenes for young adults who want to try acting.",
                ages="18-25"),
        Listing("Shefford Community Choir", "shefsingers", "shefford", "MO 19:00-20:30", "3/session",
                "mh older carers", "music social", "",
                "An open community choir singing pop, folk and musicals. There are no auditions, and the "
                "choir sits people with hearing aids near the front."),
        Listing("Sound Minds Music Group", "soundminds", "arlesey", "TH 13:00-15:00", "free", "mh", "music",
                "",
                "Play guitars, keyboards, drums or just listen, in a relaxed group for people with mental "
                "health needs."),
        Listing("Chair-Based Exercise", "ivel", "potton", "TH 10:30-11:30", "3.50/session", "older pd",
                "dance", "",
                "A seated exercise class to music that helps with strength, balance and everyday movement.",
                ages="60+"),
        Listing("Friday Night Disco", "downside", "allsaints", "FR 19:00-21:30", "5/session", "ld aut",
                "dance social music", "",
                "A disco with a DJ, a different theme each month, a soft drinks bar and a quiet room for "
                "anyone who needs a break. Support staff and carers get in free."),
        Listing("Cook and Eat", "arleseykitchen", "arlesey", "WE 10:00-13:00", "4/session", "ld mh",
                "cook living", "",
                "Learn to cook a simple, cheap meal from scratch, then sit down and eat it together. "
                "Recipes are in picture form to take home."),
        Listing("Evening Cookery Club", "arleseykitchen", "stotfold", "TU 17:30-19:30", "5/session", "ld aut",
                "cook living", "",
                "An evening cookery club in Stotfold for people who work or go to college in the day. Each "
                "week covers one recipe, a bit of food hygiene and the shopping list."),
        Listing("Travel Skills Programme", "pathway", "lakestreet", "TU,TH 09:30-12:30", "25/week",
                "ld aut abi", "travel living", "121",
                "A one-to-one travel training programme: plan a route, buy a ticket and practise the "
                "journey with a trainer until you can do it alone. Most people need eight to twelve weeks."),
        Listing("Money and Shopping Skills", "tithe", "tithe", "MO 10:00-12:00", "free", "ld", "living learn",
                "",
                "A small group learning to budget, compare prices and pay in shops, with trips to the "
                "supermarket."),
        Listing("Supported Employment Service", "workwise", "lakestreet", "MO,WE 10:00-15:00", "free",
                "ld aut mh", "work learn", "121",
                "Job coaches help you find out what work suits you, write a CV, practise interviews and "
                "settle into a job. Support carries on once you are in work."),
        Listing("Cafe Volunteer Team", "tithe", "tithe", "TU-TH 09:30-14:30", "free", "ld aut mh",
                "work cook", "",
                "Volunteer in a busy community cafe: serving, making drinks, cleaning and working the "
                "till, with a certificate for the skills you learn."),
        Listing("Charity Shop Work Experience", "ivel", "ivelshop", "FR 10:00-14:00", "free", "ld aut",
                "work", "",
                "Sort donations, price stock and serve customers in the charity shop, with a supervisor "
                "working alongside you."),
        Listing("Reading and Numbers Course", "ivellearning", "sandyrooms", "WE 13:00-15:00", "free", "ld",
                "learn", "",
                "A friendly ten-week course for adults who want to get better at everyday reading, writing "
                "and numbers, taught in small groups."),
        Listing("Tech Tea Club", "digibuddies", "ampthill", "TH 14:00-15:30", "2/session", "older",
                "digital social", "",
                "Bring your phone or tablet and a question: volunteers help with video calls, online "
                "shopping and staying safe from scams."),
        Listing("Tablet Help for Beginners", "digibuddies", "cranfield", "MO 10:00-12:00", "free",
                "older sens", "digital learn", "",
                "Borrow a tablet and learn the basics step by step, including making text bigger and using "
                "voice commands."),
        Listing("Gentle Yoga for Wellbeing", "opendoor", "flitwick", "WE 18:00-19:00", "5/session", "mh pd",
                "yoga", "",
                "Slow, gentle yoga with chair options, finishing with a guided relaxation. Mats and blocks "
                "are provided."),
        Listing("Wellbeing Drop-In", "opendoor", "priory", "TU,TH 11:00-15:00", "free", "mh",
                "yoga social arts", "",
                "Somewhere to go when things are hard: a hot drink, a chat with trained volunteers, and "
                "creative activities if you want them."),
        Listing("Friday Games Afternoon", "bartonfriends", "barton", "FR 13:30-15:30", "2/session", "older",
                "games social", "",
                "Dominoes, cards, scrabble and a weekly quiz, with tea and homemade cake.", ages="60+"),
        Listing("Remember When Heritage Group", "llheritage", "allsaints", "TH 10:30-12:00", "2/session",
                "dem older", "remin memory", "",
                "Old photographs, objects from the town museum and music from the 1950s and 60s spark "
                "stories and conversation."),
        Listing("Spectrum Saturday Social", "spectrum", "priory", "SA 14:00-16:30", "4/session", "aut",
                "social games", "",
                "A calm, structured social afternoon for autistic adults, with board games, a quiet room "
                "and a clear timetable sent out beforehand."),
        Listing("Autistic Adults' Evening Meet-Up", "spectrum", "ivelhall", "WE 18:30-20:30", "free", "aut",
                "social", "",
                "An evening meet-up in Biggleswade for autistic adults without a learning disability, run "
                "by autistic volunteers."),
        Listing("Deaf Social Club", "deafsocial", "allsaints", "2FR 18:00-21:00", "free", "sens",
                "social games", "",
                "A monthly evening for Deaf and hard of hearing adults, with games, news and a hot supper. "
                "Everything is in BSL, and learners are welcome."),
        Listing("Men's Shed Workshop", "sandyshed", "sandyshed", "TU,TH 10:00-14:00", "2/session", "older mh",
                "arts work", "",
                "Make bird boxes, mend furniture and take on jobs for local groups in a fully equipped "
                "workshop. Open to anyone, not only men."),
        Listing("Speak Up Group", "speakup", "flitwick", "TU 13:00-15:00", "free", "ld", "learn social", "",
                "A self-advocacy group where people with learning disabilities talk about what matters to "
                "them and tell the council what needs to change.", mode="both"),
        Listing("Mindfulness Course", "opendoor", "ampthill", "MO 18:30-20:00", "free", "mh carers",
                "yoga learn", "", "An eight-week mindfulness course to help with stress, low mood and sleep.",
                mode="both"),
        Listing("Downside Online Quiz Night", "downside", None, "WE 19:00-20:00", "free", "ld aut",
                "online games", "",
                "A picture quiz by video call with rounds on music, TV and food, hosted by Downside staff.",
                mode="online"),
        Listing("Canal Studio Online Art Club", "canal", None, "FR 14:00-15:30", "3/session", "mh",
                "online arts", "",
                "Draw and paint along with an artist from the studio, from home. A list of simple materials "
                "is sent out each week.", mode="online"),
    ],
)


# --------------------------------------------------------------------------------------------
# Building the ORUK 3.0 service objects
# --------------------------------------------------------------------------------------------

def term_link(terms: dict[str, dict[str, str]], owner: str, term_id: str,
              link_type: str) -> dict[str, object]:
    return {"id": uid("attribute", owner, term_id), "taxonomy_term_id": term_id, "link_type": link_type,
            "taxonomy_term": dict(terms[term_id])}


def physical_location(area: Area, venue: Venue, outcodes: dict[str, tuple[float, float]],
                      terms: dict[str, dict[str, str]]) -> dict[str, object]:
    rng = rng_for("venue", area.slug, venue.key)
    location_id = uid("location", area.slug, venue.key)
    lat, lon = jitter(outcodes[venue.outcode], rng)
    postcode = f"{venue.outcode} {inward_code(rng)}"
    items = [i.strip() for i in venue.access.split(";")] if ";" in venue.access or "=" in venue.access \
        else venue.access.split()
    accessibility = []
    for item in items:
        code, _, words = item.partition("=")
        words = words or rng.choice(ACCESS_WORDS[code])
        accessibility.append({"id": uid("accessibility", location_id, code), "description": words,
                              "attributes": [term_link(terms, location_id, ACCESS[code], "access")]})
    return {
        "id": location_id, "location_type": "physical", "name": venue.name, "description": venue.description,
        "latitude": lat, "longitude": lon,
        "addresses": [{"id": uid("address", location_id), "address_1": venue.address_1, "city": venue.town,
                       "region": area.name, "state_province": area.county, "postal_code": postcode,
                       "country": "GB", "address_type": "physical"}],
        "accessibility": accessibility,
    }


def virtual_location(area: Area, org: Org) -> dict[str, object]:
    return {"id": uid("location", area.slug, "online", org.key), "location_type": "virtual", "name": "Online",
            "description": f"Online sessions run by {org.name}.",
            "url": f"https://{slugify(org.name)}.example.org/join"}


def describe(listing: Listing, paid: bool, rng: random.Random) -> str:
    """The hand-written blurb plus the practical sentences a reader needs (2-4 sentences in all)."""
    support = set(listing.support.split())
    name = listing.name.lower()
    booked = ("/week" in listing.cost or "/day" in listing.cost or "121" in support
              or "course" in name or "programme" in name)
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


def build_service(area: Area, listing: Listing, orgs: dict[str, Org], locations: dict[str, dict[str, object]],
                  terms: dict[str, dict[str, str]], stale: bool, landlines: NumberPool, mobiles: NumberPool,
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
        schedules.append({"id": uid("schedule", sid, str(n)), "freq": row["freq"], "interval": 1,
                          "byday": row["byday"], "opens_at": row["opens"], "closes_at": row["closes"],
                          "valid_from": valid_from, "description": words, "attending_type": attending})

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
    service.update({
        "assured_date": assured.isoformat(),
        "organization": {"id": uid("organization", area.slug, org.key), "name": org.name,
                         "description": org.description, "website": f"https://{org_slug}.example.org",
                         "email": f"info@{org_slug}.example.org"},
        "service_areas": [{"id": uid("service_area", sid), "name": area.name, "description": area.name}],
        "service_at_locations": [{"id": uid("service_at_location", sid), "location": location}],
        "schedules": schedules,
        "cost_options": [{"id": uid("cost_option", sid, str(n)), "option": o["option"], "amount": o["amount"],
                          "currency": "GBP", "amount_description": o["amount_description"]}
                         for n, o in enumerate(options)],
        "phones": [{"id": uid("phone", sid), "number": landlines.number(f"{area.slug}/{org.key}")}],
        "contacts": [{"id": uid("contact", sid), "name": contact_name, "title": title,
                      "phones": [{"id": uid("phone", sid, "contact"),
                                  "number": mobiles.number(f"{area.slug}/{org.key}/{title}")}]}],
        "attributes": attributes,
    })
    return service


def build_area(area: Area, terms: dict[str, dict[str, str]], outcodes: dict[str, tuple[float, float]],
               landlines: NumberPool, mobiles: NumberPool) -> dict[str, object]:
    orgs = {o.key: o for o in area.orgs}
    assert len(orgs) == len(area.orgs), f"duplicate organisation key in {area.slug}"
    locations = {v.key: physical_location(area, v, outcodes, terms) for v in area.venues}
    assert len(locations) == len(area.venues), f"duplicate venue key in {area.slug}"
    n = len(area.listings)
    order = sorted(range(n), key=lambda i: rng_for("stale", area.slug, area.listings[i].name).random())
    stale = set(order[:round(STALE_SHARE * n)])
    services = [build_service(area, listing, orgs, locations, terms, i in stale, landlines, mobiles)
                for i, listing in enumerate(area.listings)]

    seen: set[tuple[str, str]] = set()
    for listing in area.listings:
        where = listing.venue or "online"
        assert (listing.name, where) not in seen, f"{listing.name} listed twice at {where}"
        seen.add((listing.name, where))
    used_orgs = {listing.org for listing in area.listings}
    used_venues = {listing.venue for listing in area.listings if listing.venue}
    assert used_orgs == set(orgs), f"unused organisations in {area.slug}: {set(orgs) - used_orgs}"
    assert used_venues == set(locations), f"unused venues in {area.slug}: {set(locations) - used_venues}"
    return {"total_items": n, "total_pages": 1, "page_number": 1, "size": n, "first_page": True,
            "last_page": True, "empty": False, "contents": services}


# --------------------------------------------------------------------------------------------
# Waltham Forest. All organisations are fictional; the mix follows the council's market
# statement: horticulture, cookery, travel training, citizenship groups, cycling, evening and
# weekend, sessional and virtual options, and services seven days a week.
# --------------------------------------------------------------------------------------------

WALTHAM_FOREST = Area(
    "waltham-forest", "Waltham Forest", "Greater London",
    orgs=[
        Org("forestday", "Forest Day Opportunities",
            "A day opportunities provider for adults with learning disabilities and autistic adults, with "
            "a building-based hub open seven days a week and community sessions across the borough."),
        Org("sensory", "Sensory Horizons",
            "A specialist day service for adults with profound and multiple learning disabilities."),
        Org("stepsforward", "Steps Forward Brain Injury Centre",
            "A rehabilitation and day centre for adults living with an acquired brain injury."),
        Org("oakhill", "Oakhill Care Trust",
            "A charity running a day centre for older people and people living with dementia in Chingford."),
        Org("leabridge", "Lea Bridge Growers",
            "A horticulture project teaching growing, landscaping and work skills on a community growing "
            "space."),
        Org("cycleability", "Lea Valley Cycle Ability",
            "An inclusive cycling project with adapted bikes, led rides and a bike workshop."),
        Org("inclusivearts", "Walthamstow Inclusive Arts",
            "An arts studio where disabled and non-disabled artists make and show work together."),
        Org("onthemove", "On The Move Travel Training",
            "Travel trainers helping adults learn to travel safely and independently on London's buses, "
            "trains and the Underground."),
        Org("citizens", "Citizens Together Waltham Forest",
            "A citizenship and self-advocacy group for people with learning disabilities and autistic "
            "people."),
        Org("harbour", "Harbour Wellbeing Waltham Forest",
            "A mental health charity running a recovery cafe, peer support and wellbeing courses, "
            "including evenings and weekends."),
        Org("kitchenskills", "Hoe Street Kitchen Academy",
            "A training kitchen and community cafe that teaches catering skills to disabled adults."),
        Org("memorynet", "Forest Memory Support Network",
            "Volunteers and dementia advisers running memory cafes, singing groups and courses for carers."),
        Org("chingfordfriends", "Chingford Friendship Club",
            "A long-running club for older people in Chingford, with lunches, outings and games."),
        Org("caribbean", "Forest Caribbean Elders' Association",
            "A community association for older people of Caribbean heritage, with a weekly lunch club."),
        Org("milan", "Milan Asian Elders Group",
            "A day club for older South Asian people, with activities in Gujarati, Urdu, Punjabi and "
            "English."),
        Org("carers", "Forest Carers Together",
            "A peer support network for unpaid carers across Waltham Forest."),
        Org("otters", "Forest Otters Disability Sport",
            "A disability sports club running swimming and gym sessions in Leyton."),
        Org("inclusivefootball", "Forest Inclusive Football",
            "Football sessions for disabled adults and people with mental health needs, for fun and for "
            "friendly matches."),
        Org("walkers", "Forest Edge Walkers",
            "A walking group running led walks on the edge of the forest, with routes for all abilities."),
        Org("choir", "Marshes Community Choir", "A free, open community choir in Walthamstow."),
        Org("openstage", "Open Stage Collective",
            "An inclusive drama and performance company for disabled adults."),
        Org("hpneighbours", "Highams Park Neighbours",
            "A volunteer group running social activities for older residents in Highams Park."),
        Org("stillpoint", "Stillpoint Yoga for All",
            "Yoga teachers offering gentle, adapted classes online."),
        Org("ndsocial", "Neurodiverse Social E17",
            "An autistic-led social group for autistic and other neurodivergent adults."),
        Org("signing", "East London Signing Social",
            "A social club for Deaf and hard of hearing adults, run in British Sign Language."),
        Org("sight", "Forest Sight Social", "A friendship group for blind and partially sighted people."),
        Org("getonline", "Get Online Waltham Forest",
            "Digital champions helping people use phones, tablets and computers with confidence."),
        Org("forestworks", "Forest Works",
            "A supported employment project helping disabled adults find work and volunteering."),
        Org("learning", "Forest Community Learning",
            "A community learning charity running free courses for adults who want to improve everyday "
            "skills."),
        Org("harrowgreen", "Harrow Green Neighbours",
            "A neighbourhood group in Leytonstone running games afternoons and social events."),
    ],
    venues=[
        Venue("forestroad", "Forest Road Day Hub", "212 Forest Road", "Walthamstow", "E17",
              "sf wc cp quiet park",
              "A busy day hub with activity rooms, a training flat, a sensory room and a garden."),
        Venue("leabridge", "Lea Bridge Sensory Centre", "45 Lea Bridge Road", "Leyton", "E10",
              "sf; wc; cp; quiet=Sensory room and a rebound therapy trampoline room; park",
              "A specialist centre with hoists throughout, a sensory room and a rebound therapy room."),
        Venue("stepsforward", "Steps Forward Centre", "9 Church Road", "Leyton", "E10", "sf wc quiet",
              "A calm, single-storey centre with therapy rooms, a kitchen and a garden."),
        Venue("oakhill", "Oakhill Day Centre", "31 The Ridgeway", "Chingford", "E4", "sf wc df park loop",
              "A day centre for older people with a lounge, dining room, bathing room and garden."),
        Venue("growing", "Walthamstow Community Growing Space", "Low Hall Lane", "Walthamstow", "E17",
              "sf=Wide firm paths and raised beds at wheelchair height; wc; park",
              "A two-acre growing space with polytunnels, an orchard and a training cabin."),
        Venue("marshlane", "Marsh Lane Cycle Hub", "Marsh Lane", "Leyton", "E10", "sf wc park",
              "A cycle hub by the marshes with adapted bikes, a workshop and a traffic-free track."),
        Venue("blackhorse", "Blackhorse Lane Studios", "Unit 4, 2 Blackhorse Lane", "Walthamstow", "E17",
              "sf wc quiet", "Ground-floor art studios with a print room and a small gallery."),
        Venue("hoestreet", "Hoe Street Community Centre", "120 Hoe Street", "Walthamstow", "E17",
              "sf wc loop quiet",
              "A community centre close to Walthamstow Central, with a hall, a stage and meeting rooms."),
        Venue("hoekitchen", "Hoe Street Kitchen", "98 Hoe Street", "Walthamstow", "E17", "sf wc",
              "A training kitchen with a community cafe at the front."),
        Venue("orford", "Orford Road Meeting Rooms", "14 Orford Road", "Walthamstow", "E17", "sf wc loop df",
              "Meeting rooms in Walthamstow Village with a kitchen."),
        Venue("markhouse", "Markhouse Community Centre", "60 Markhouse Road", "Walthamstow", "E17",
              "sf wc df park", "A community centre with a large hall, a kitchen and a prayer room."),
        Venue("chingfordmount", "Chingford Mount Community Hall", "5 Old Church Road", "Chingford", "E4",
              "sf wc df loop park", "A community hall with a kitchen and a car park."),
        Venue("stationroad", "Station Road Community Rooms", "77 Station Road", "Chingford", "E4", "sf wc df",
              "Community rooms near Chingford station, a short walk from the forest."),
        Venue("highams", "Highams Park Pavilion", "The Avenue", "Highams Park", "E4", "sf wc park loop",
              "A park pavilion with a hall, a cafe and football pitches."),
        Venue("harrowgreen", "Harrow Green Community Rooms", "3 Cathall Road", "Leytonstone", "E11",
              "sf wc loop quiet bsl", "Community rooms with a hall and a small quiet room."),
        Venue("harbourcafe", "Harbour Recovery Cafe", "410 High Road Leyton", "Leyton", "E10", "sf wc quiet",
              "A recovery cafe with sofas, a group room and a garden at the back."),
        Venue("leytonpool", "Leyton Pool and Gym", "Leyton Green Road", "Leyton", "E10",
              "sf=Pool pod lift into the main pool; wc; cp; park",
              "A leisure centre with a 25-metre pool, a gym and a studio."),
        Venue("francis", "Francis Road Community Rooms", "52 Francis Road", "Leyton", "E10", "sf wc loop",
              "Community rooms with a computer suite."),
    ],
    listings=[
        Listing("Forest Road Day Hub", "forestday", "forestroad", "MO-FR 09:30-15:30", "58/day", "ld aut",
                "centre arts living", "121 pc tr",
                "A building-based day service with a weekly timetable of art, music, cooking and trips "
                "into the community. Each person has goals, and staff help them move on to college, work "
                "or community groups when they are ready."),
        Listing("Weekend Day Hub", "forestday", "forestroad", "SA,SU 10:00-16:00", "60/day", "ld aut",
                "centre social", "121 pc tr",
                "The day hub opens at weekends too, with outings, films and a cooked lunch, so families "
                "get a break and people can go out at the weekend like everyone else."),
        Listing("Sensory Horizons Day Service", "sensory", "leabridge", "MO-FR 10:00-15:30", "69/day",
                "ld pd", "centre music", "121 pc tr",
                "A specialist day service for adults with profound and multiple learning disabilities, "
                "with sensory stories, music, rebound therapy and hydrotherapy trips."),
        Listing("Brain Injury Day Centre", "stepsforward", "stepsforward", "MO,WE,FR 10:00-15:00", "48/day",
                "abi", "centre learn living", "121 tr",
                "Rehabilitation-focused days after a brain injury: memory and planning groups, cooking, "
                "computer skills and peer support. Families are invited to a monthly meeting."),
        Listing("Oakhill Day Centre", "oakhill", "oakhill", "MO-FR 09:30-15:30", "55/day", "older dem",
                "centre social remin", "pc tr",
                "A friendly day centre for older people, including people living with dementia. A hot "
                "lunch, reminiscence, music and exercise fill the day, and there is a bathing service."),
        Listing("Oakhill Saturday Club", "oakhill", "oakhill", "SA 10:00-14:00", "32/day", "older dem",
                "centre social", "pc tr",
                "A shorter Saturday session at Oakhill with lunch and a film or a singer, giving carers "
                "time for themselves at the weekend."),
        Listing("Horticulture Skills Course", "leabridge", "growing", "TU,TH 10:00-14:00", "25/week",
                "ld aut mh", "garden learn work", "",
                "A twelve-week course in growing food, pruning and garden maintenance, with a certificate "
                "at the end. Some learners go on to paid work with local landscapers."),
        Listing("Saturday Volunteer Gardening", "leabridge", "growing", "SA 10:00-13:00", "free", "mh ld",
                "garden work", "",
                "Join a friendly volunteer team tending the orchard, beds and polytunnels. Work at your "
                "own pace and take home some of what you grow."),
        Listing("Summer Evening Grow and Cook", "leabridge", "growing", "WE 17:30-19:30", "free", "mh",
                "garden cook", "",
                "Pick vegetables from the beds and cook them together on the outdoor stove. Runs from "
                "April to September."),
        Listing("Inclusive Cycling Sessions", "cycleability", "marshlane", "TU,SA 10:00-12:00", "3/session",
                "ld pd aut", "cycle", "",
                "Try hand cycles, trikes, wheelchair bikes and tandems on a traffic-free track by the "
                "marshes. Staff help you find a bike that suits you."),
        Listing("Bike Maintenance Course", "cycleability", "marshlane", "TH 13:00-15:00", "free", "ld aut mh",
                "cycle learn work", "",
                "Learn to fix punctures, adjust brakes and service a bike in the hub workshop. Graduates "
                "can volunteer in the workshop afterwards."),
        Listing("Evening Social Ride", "cycleability", "marshlane", "WE 18:00-19:30", "3/session", "mh",
                "cycle social", "",
                "A gentle led ride along the river and back to the hub for a drink. Bikes can be borrowed."),
        Listing("Open Studio Days", "inclusivearts", "blackhorse", "MO,WE 10:30-15:00", "10/session",
                "ld aut", "arts", "121",
                "Work alongside practising artists on painting, print and textile projects, with an "
                "exhibition in the gallery every spring."),
        Listing("Evening Printmaking Class", "inclusivearts", "blackhorse", "TU 18:00-20:00", "7/session",
                "mh", "arts learn", "",
                "Learn lino cutting and screen printing in a small evening class. All materials are "
                "included."),
        Listing("Friday Music Jam", "inclusivearts", "blackhorse", "FR 13:30-15:30", "3/session", "ld aut",
                "music", "",
                "Drums, keyboards, ukuleles and voices: a loud, happy jam session led by a community "
                "musician."),
        Listing("Online Draw-Along", "inclusivearts", None, "TH 14:00-15:00", "free", "ld aut mh",
                "online arts", "",
                "An artist leads a drawing or collage project by video call each week, using things you "
                "have at home.", mode="online"),
        Listing("Travel Training for Adults", "onthemove", "hoestreet", "MO-FR 09:30-16:30", "28/week",
                "ld aut abi", "travel living", "121",
                "A trainer works one-to-one with you on a journey that matters, such as getting to college "
                "or work, until you can make it alone. Sessions are booked at times that suit the journey."),
        Listing("Evening Travel Confidence", "onthemove", "hoestreet", "TH 17:00-19:00", "free", "ld aut mh",
                "travel", "",
                "Practise travelling after dark and in the rush hour with a small group and a trainer, "
                "including what to do if a bus is cancelled."),
        Listing("Citizens Together Group", "citizens", "orford", "WE 13:30-15:30", "free", "ld aut",
                "learn social", "",
                "A citizenship group that talks about rights, voting, staying safe and having a say in "
                "local services. Members meet councillors and run their own campaigns."),
        Listing("Online Self-Advocacy Meeting", "citizens", None, "MO 11:00-12:00", "free", "ld",
                "online learn", "",
                "A weekly video call where members plan campaigns, share news and practise speaking up.",
                mode="online"),
        Listing("Harbour Recovery Cafe", "harbour", "harbourcafe", "FR,SA 17:00-21:00", "free", "mh",
                "social arts", "",
                "An evening cafe for people who are struggling with their mental health, open when most "
                "services are closed. Peer workers are there to listen, and there are crafts and board "
                "games."),
        Listing("Sunday Wellbeing Group", "harbour", "harbourcafe", "SU 13:00-16:00", "free", "mh",
                "social games", "",
                "A relaxed Sunday afternoon with a shared lunch, games and a chat, for anyone who finds "
                "weekends lonely."),
        Listing("Mindful Walk on the Marshes", "harbour", "marshlane", "TU 10:30-12:00", "free", "mh",
                "walk yoga", "",
                "A slow, mindful walk across the marshes with short breathing exercises along the way."),
        Listing("Mindfulness for Recovery", "harbour", "harbourcafe", "WE 18:00-19:30", "free", "mh",
                "yoga learn", "",
                "An eight-week course teaching practical ways to manage stress, worry and low mood.",
                mode="both"),
        Listing("Catering Skills Course", "kitchenskills", "hoekitchen", "MO-WE 09:30-14:30", "30/week",
                "ld aut mh", "cook work learn", "121",
                "Learn food preparation, hygiene and customer service in a real cafe kitchen, with a food "
                "hygiene certificate. The course runs for two terms."),
        Listing("Community Supper Club", "kitchenskills", "hoekitchen", "TH 18:00-20:00", "4/session",
                "ld mh older", "cook social", "",
                "Trainees cook and serve a two-course supper for the community every Thursday evening. "
                "Come to eat, or come early and help cook."),
        Listing("Chingford Memory Cafe", "memorynet", "stationroad", "1TU 14:00-16:00", "free", "dem carers",
                "memory", "",
                "A monthly memory cafe with a dementia adviser, tea and cake, and an activity such as "
                "music or a quiz."),
        Listing("Leytonstone Memory Cafe", "memorynet", "harrowgreen", "TH 10:30-12:30", "free", "dem carers",
                "memory music", "",
                "A weekly memory cafe with live music every other week. Carers can talk to an adviser "
                "while the person they care for joins in the activity."),
        Listing("Singing for Memory Chingford", "memorynet", "chingfordmount", "WE 14:00-15:30", "free",
                "dem carers", "music memory", "",
                "Songs from the 1950s to the 1980s, warm-ups and a cuppa, for people with dementia and the "
                "people who care for them."),
        Listing("Dementia Carers' Course", "memorynet", "orford", "MO 10:00-12:30", "free", "carers dem",
                "carers learn", "",
                "A six-week course for family carers: understanding dementia, managing changes, and looking "
                "after yourself.", mode="both"),
        Listing("Walthamstow Memories Group", "memorynet", "orford", "FR 10:30-12:00", "2/session",
                "dem older", "remin memory", "",
                "Look through old photographs of the market, the dog track and the Village, and share your "
                "own stories of Walthamstow."),
        Listing("Chingford Friendship Lunch Club", "chingfordfriends", "chingfordmount", "TU,TH 12:00-14:30",
                "5/session", "older", "social games", "tr",
                "A hot two-course lunch, bingo and a chat, with a monthly outing in the summer.", ages="65+"),
        Listing("Sunday Lunch Club", "chingfordfriends", "chingfordmount", "1SU 12:30-15:00", "7/session",
                "older", "social", "tr",
                "A monthly Sunday roast with music, for older people who spend most Sundays on their own.",
                ages="65+"),
        Listing("Caribbean Elders' Lunch Club", "caribbean", "markhouse", "WE 11:30-15:00", "5/session",
                "older dem", "social games", "tr",
                "Caribbean home cooking, dominoes, music and good company every Wednesday. Health checks "
                "and advice sessions are held once a month."),
        Listing("Asian Elders' Day Club", "milan", "markhouse", "MO,FR 11:00-15:00", "4/session", "older",
                "social yoga", "tr",
                "A day club with chair yoga, a vegetarian lunch and activities in Gujarati, Urdu, Punjabi "
                "and English."),
        Listing("Online Bollywood Dance Fitness", "milan", None, "TH 11:00-12:00", "free", "older",
                "online dance", "",
                "Gentle seated and standing dance to Bollywood songs, taught by video call in English and "
                "Hindi.", mode="online"),
        Listing("Carers' Drop-In", "carers", "hoestreet", "2WE 10:00-12:00", "free", "carers", "carers", "",
                "A monthly drop-in where carers can meet others, get advice on carer's assessments and "
                "breaks, and have a bit of time for themselves."),
        Listing("Carers' Evening Group", "carers", "harrowgreen", "3TU 18:30-20:30", "free", "carers",
                "carers social", "", "An evening peer group for carers who work during the day."),
        Listing("Online Carers' Lunchtime Chat", "carers", None, "FR 12:30-13:30", "free", "carers",
                "online carers", "",
                "A lunchtime video call for carers to share what is going on and swap tips.", mode="online"),
        Listing("Carers' Pamper Morning", "carers", "orford", "-1SA 10:00-13:00", "free", "carers",
                "carers yoga", "",
                "Hand massages, a relaxation session and brunch, on the last Saturday of the month. "
                "Sitting support for the person you care for can sometimes be arranged."),
        Listing("Disability Swimming Club", "otters", "leytonpool", "SU 09:00-10:00", "4/session",
                "ld pd sens", "sport", "",
                "Coached Sunday morning swimming for disabled adults, using the pool pod lift. Swimmers "
                "can take stroke awards."),
        Listing("Inclusive Gym Sessions", "otters", "leytonpool", "MO,WE 17:30-18:30", "3/session",
                "ld aut pd mh", "sport", "121",
                "Quiet gym sessions with an instructor trained in disability fitness, who writes each "
                "person a simple programme."),
        Listing("Inclusive Football", "inclusivefootball", "highams", "SA 11:00-12:30", "2/session",
                "ld aut mh", "sport", "",
                "Skills, small-sided games and friendly matches against other clubs, for players of every "
                "ability."),
        Listing("Boccia Club", "chingfordfriends", "chingfordmount", "TU 14:00-16:00", "free", "pd older abi",
                "sport games", "",
                "A competitive but friendly boccia club played seated, with ramps for players who need "
                "them."),
        Listing("Forest Edge Health Walk", "walkers", "stationroad", "WE 10:30-11:30", "free", "older mh pd",
                "walk", "",
                "An easy hour on firm forest paths with a walk leader at the front and back, finishing "
                "with tea."),
        Listing("Saturday Forest Ramble", "walkers", "stationroad", "SA 10:00-12:30", "free", "mh", "walk",
                "", "A longer walk into the forest at a steady pace, with a stop for a flask of tea."),
        Listing("Marshes Community Choir", "choir", "orford", "MO 19:00-20:30", "donations",
                "mh older carers", "music social", "",
                "A free, open choir singing soul, gospel and pop in harmony. There are no auditions and no "
                "need to read music."),
        Listing("Open Stage Drama Group", "openstage", "hoestreet", "TU 18:30-20:30", "5/session",
                "ld aut mh", "drama", "",
                "Weekly drama sessions that build to a show at the end of each term, written with the "
                "group."),
        Listing("Saturday Performance Workshop", "openstage", "hoestreet", "SA 13:00-16:00", "6/session",
                "ld aut", "drama dance music", "",
                "Acting, dance and singing for young adults, with a summer showcase.", ages="18-25"),
        Listing("Highams Park Tea Dance", "hpneighbours", "highams", "2SU 14:00-16:30", "4/session",
                "older dem", "dance music social", "",
                "Ballroom and sequence dancing to a live organist, with tea and cake. Dance, sit and "
                "listen, or both."),
        Listing("Highams Park Knit and Natter", "hpneighbours", "highams", "WE 13:30-15:30", "free",
                "older carers", "knit social", "",
                "Knit, crochet or sew in good company in the pavilion cafe. Spare wool and needles are "
                "available."),
        Listing("Evening Knit and Natter", "harbour", "harbourcafe", "TH 18:00-20:00", "free", "mh",
                "knit social", "",
                "A calm evening of knitting and chat in the recovery cafe. Beginners are taught from "
                "scratch."),
        Listing("Online Chair Yoga", "stillpoint", None, "WE 10:00-10:45", "free", "older pd mh",
                "online yoga dance", "",
                "A gentle chair yoga class by video call, with every move shown seated.", mode="online"),
        Listing("Neurodiverse Friday Social", "ndsocial", "harrowgreen", "FR 18:30-21:00", "3/session", "aut",
                "social games", "",
                "A low-pressure evening social for autistic and neurodivergent adults, with games, a quiet "
                "room and clear start and finish times."),
        Listing("Autistic Adults' Gaming Club", "ndsocial", "harrowgreen", "SA 13:00-16:00", "free", "aut",
                "games social", "",
                "Board games, card games and video games on a big screen, on Saturday afternoons."),
        Listing("Next Steps Young Adults' Club", "forestday", "markhouse", "WE 17:00-20:00", "5/session",
                "ld aut", "social cook games", "",
                "An evening club where young adults cook tea together, play games and plan trips out.",
                ages="18-25"),
        Listing("Club Forest Disco", "forestday", "hoestreet", "1FR 19:00-22:00", "6/session", "ld aut",
                "dance social music", "",
                "A monthly disco night with a DJ and a quiet room. Support workers get in free."),
        Listing("Living Skills Flat Sessions", "forestday", "forestroad", "TU,TH 13:00-15:30", "18/session",
                "ld aut", "living cook", "121",
                "Practise cooking, cleaning, laundry and budgeting in a training flat, to get ready for "
                "living more independently."),
        Listing("Forest Online Quiz Night", "forestday", None, "TU 19:00-20:00", "free", "ld aut",
                "online games", "",
                "A lively picture and music quiz by video call, with prizes posted out each month.",
                mode="online"),
        Listing("Signing Social", "signing", "harrowgreen", "2TH 18:30-21:00", "free", "sens", "social", "",
                "A monthly evening social for Deaf and hard of hearing adults, run entirely in BSL. "
                "Learners are welcome."),
        Listing("Sight Social", "sight", "orford", "TU 10:30-12:30", "free", "sens older", "social games", "",
                "A friendship group for blind and partially sighted people, with talking newspapers, games "
                "and visiting speakers."),
        Listing("Get Online Drop-In", "getonline", "francis", "MO 13:00-15:00", "free", "older ld sens",
                "digital", "",
                "Bring your phone, tablet or laptop, or use one of ours, and get help with whatever you "
                "want to do online."),
        Listing("Tablet Club for Older People", "getonline", "stationroad", "TH 10:00-11:30", "free", "older",
                "digital social", "",
                "A small, patient group learning video calls, photos and online shopping, one step at a "
                "time."),
        Listing("Supported Employment Programme", "forestworks", "hoestreet", "MO,TU,TH 10:00-15:00", "free",
                "ld aut mh", "work learn", "121",
                "Job coaches help you work out what you want to do, find work experience and apply for "
                "jobs, then support you in your first months at work."),
        Listing("Charity Shop Volunteering", "forestworks", "chingfordmount", "WE,FR 10:00-13:00", "free",
                "ld aut", "work", "",
                "Volunteer in a partner charity shop with a job coach close by, as a first step towards "
                "work."),
        Listing("English and Maths for Everyday Life", "learning", "francis", "WE 10:00-12:00", "free", "ld",
                "learn", "",
                "A free term-time course for adults who want to read letters, use money and tell the time "
                "with more confidence."),
        Listing("Games and Quiz Afternoon", "harrowgreen", "harrowgreen", "MO 14:00-16:00", "1/session",
                "older mh", "games social", "",
                "Cards, dominoes, Scrabble and a short quiz, with tea and biscuits."),
    ],
)


# --------------------------------------------------------------------------------------------
# Dorset. All organisations are fictional; the mix follows the "Better Days" engagement: a mixed
# week of community farm, knit and natter, performing arts, preparation for employment, a
# debating group, reading and quiet time, swimming, travel training, walking, a catering training
# project, volunteering, allotments, yoga and community gardening, with transport a barrier in
# rural areas and evenings and weekends asked for.
# --------------------------------------------------------------------------------------------

DORSET = Area(
    "dorset", "Dorset", "Dorset",
    orgs=[
        Org("wessex", "Wessex Day Opportunities",
            "A not-for-profit provider running day centres in Dorchester, Weymouth and Wimborne for adults "
            "with learning disabilities, physical disabilities and older people."),
        Org("stourvale", "Stour Vale Day Club",
            "A charity running a friendly day club for older people in Blandford Forum."),
        Org("sherbornefriends", "Sherborne Friendship Club",
            "Volunteers running a weekly day club and outings for older people in and around Sherborne."),
        Org("chesil", "Chesil Community Farm",
            "A community farm near Chickerell offering farm days, volunteering and outdoor learning."),
        Org("purbeck", "Purbeck Wellbeing Collective",
            "Local people running wellbeing activities in Swanage and Wareham, from knitting to chair yoga."),
        Org("gillknit", "Gillingham Knitting Circle",
            "A welcoming knitting and crochet group in Gillingham."),
        Org("stourarts", "Stour Valley Performing Arts",
            "An inclusive performing arts company with drama, dance and singing for disabled adults."),
        Org("stepinto", "Step Into Work Dorset",
            "A supported employment and volunteering service for disabled adults across Dorset."),
        Org("speakout", "Speak Out Dorset",
            "A self-advocacy charity whose members run a debating group and speak up on local issues."),
        Org("quietpages", "Quiet Pages Reading Group",
            "A calm reading group where members read aloud, listen, or simply enjoy quiet time with a book."),
        Org("weyswim", "Wey Valley Swim Ability",
            "A disability swimming club offering coached and recreational swims in Weymouth."),
        Org("travelbuddies", "Dorset Travel Buddies",
            "Trainers and volunteers helping people gain the confidence to use buses and trains, including "
            "in rural areas."),
        Org("coastwalks", "Coast and Country Walks for Wellbeing",
            "Volunteer-led walks on the coast path and in the countryside around Bridport and Lyme Regis."),
        Org("catering", "Bridport Catering Academy",
            "A catering training project and community cafe for adults with learning disabilities and "
            "mental health needs."),
        Org("verwoodallot", "Verwood Community Allotment",
            "A community allotment where people of all abilities grow food together."),
        Org("wimbornegarden", "Wimborne Community Garden",
            "A community garden by the river run by volunteers, open to everyone."),
        Org("islandyoga", "Island Yoga Portland", "Adapted yoga classes for every body on Portland."),
        Org("westmemory", "West Dorset Memory Cafes",
            "Volunteers running memory cafes and courses for people living with dementia and their carers."),
        Org("ferndownmemory", "Ferndown Memory Friends",
            "A volunteer group running a memory cafe in Ferndown."),
        Org("shaftsingers", "Shaftesbury Singers for Memory",
            "A singing group for people living with dementia and the people who care for them."),
        Org("valelunch", "Blackmore Vale Lunch Clubs",
            "A network of village lunch clubs with volunteer drivers across North Dorset."),
        Org("beaminster", "Beaminster Good Neighbours",
            "Village volunteers running a lunch club and a lift scheme."),
        Org("westham", "Westham Wellbeing Hub",
            "A community hub in Weymouth hosting wellbeing groups, advice and a Sunday lunch."),
        Org("carers", "Dorset Carers Together",
            "A peer support network for unpaid carers, with groups, break days and online chats."),
        Org("ferndownstroke", "East Dorset Stroke Support",
            "A peer support group for people recovering from a stroke or brain injury, and their families."),
        Org("autismnet", "Dorset Autistic Adults' Network",
            "An autistic-led group running social meet-ups for autistic adults."),
        Org("deafclub", "Dorset Deaf Social Club",
            "A social club for Deaf and hard of hearing adults, run in British Sign Language."),
        Org("sightloss", "Weymouth Sight Loss Friends",
            "A friendship group for people with sight loss, with advice on equipment and technology."),
        Org("beachaccess", "Weymouth Beach Access Group",
            "Volunteers who help disabled people and older people get onto the beach and into the sea."),
        Org("artshed", "Weymouth Art Shed", "A community art space for people with mental health needs."),
        Org("valemakers", "Vale Makers", "A craft group in Gillingham making and selling things together."),
        Org("wheels", "Wheels Together Dorset",
            "An inclusive cycling charity with adapted bikes in Ferndown and Dorchester."),
        Org("teadance", "Wimborne Tea Dance Club", "A monthly tea dance with a live band."),
        Org("techhelpers", "Blandford Tech Helpers",
            "Volunteers helping people get online and stay safe, in person and by video call."),
        Org("portlandfriends", "Portland Friendship Club", "A social club for older people on Portland."),
        Org("sherborneheritage", "Sherborne Heritage Friends",
            "Local history volunteers who run reminiscence sessions."),
        Org("learnforlife", "Learning for Life Dorset",
            "A community learning charity running friendly courses for adults with learning disabilities."),
    ],
    venues=[
        Venue("fordington", "Fordington Day Centre", "20 London Road", "Dorchester", "DT1",
              "sf; wc; cp; quiet=Sensory room with a bubble tube and string lights; park",
              "A day centre with a hydrotherapy pool, a sensory room and an accessible garden."),
        Venue("radipole", "Radipole Day Centre", "88 Dorchester Road", "Weymouth", "DT4",
              "sf wc df park loop",
              "A day centre for older people with a lounge, dining room and bathing suite."),
        Venue("allenview", "Allenview Day Centre", "7 Leigh Road", "Wimborne", "BH21", "sf wc cp quiet park",
              "A day centre with a training kitchen, an art room and a sensory garden."),
        Venue("stourside", "Stourside Rooms", "3 East Street", "Blandford Forum", "DT11",
              "sf wc df park loop", "Community rooms near the market place, with a hall and a kitchen."),
        Venue("digby", "Digby Road Rooms", "6 Digby Road", "Sherborne", "DT9", "sf wc quiet loop",
              "Meeting rooms near Sherborne station, with a quiet reading room."),
        Venue("farm", "Chesil Community Farm", "Fleet Lane", "Chickerell", "DT3",
              "sf=Firm paths to the barns and a level farmyard; wc; park=Parking next to the farm shop",
              "A community farm with pigs, sheep, poultry, polytunnels and a farm kitchen."),
        Venue("swanage", "Station Road Hall", "15 Station Road", "Swanage", "BH19", "sf wc loop df",
              "A community hall in the middle of Swanage."),
        Venue("gillingham", "Gillingham Town Rooms", "4 High Street", "Gillingham", "SP8", "sf wc park",
              "Town centre meeting rooms with a kitchen."),
        Venue("wimborne", "Minster View Hall", "10 West Borough", "Wimborne", "BH21", "sf wc loop df park",
              "A hall close to the town centre, with a sprung floor and a stage."),
        Venue("wimbornegarden", "Wimborne Community Garden", "Cowgrove Road", "Wimborne", "BH21",
              "sf=Firm paths and raised beds; wc; park",
              "A riverside garden with raised beds and a shelter."),
        Venue("stepinto", "Step Into Work Centre", "27 Trinity Street", "Dorchester", "DT1", "sf wc quiet",
              "Ground-floor offices and a training room in the town centre."),
        Venue("cornhill", "Cornhill Rooms", "8 Cornhill", "Dorchester", "DT1", "sf wc loop df bsl",
              "Meeting rooms in the town centre with a lift to the first floor."),
        Venue("westham", "Westham Wellbeing Hub", "52 Abbotsbury Road", "Weymouth", "DT4", "sf wc quiet loop",
              "A community hub with a cafe, group rooms and advice workers."),
        Venue("lodmoor", "Lodmoor Pool and Gym", "1 Lodmoor Road", "Weymouth", "DT4",
              "sf=Pool hoist and ramped steps into the learner pool; wc; cp; park",
              "A leisure centre with a main pool, a learner pool and a gym."),
        Venue("bridport", "West Street Hall", "22 West Street", "Bridport", "DT6", "sf wc loop df",
              "A community hall on West Street with a kitchen and a small garden."),
        Venue("catering", "Bridport Catering Academy", "5 Gundry Lane", "Bridport", "DT6", "sf wc",
              "A training kitchen with a community cafe open to the public."),
        Venue("lyme", "Cobb Road Rooms", "3 Cobb Road", "Lyme Regis", "DT7", "sf wc",
              "Meeting rooms near the seafront."),
        Venue("wareham", "Wareham Quay Rooms", "The Quay", "Wareham", "BH20", "sf wc df",
              "Rooms on the quay by the river, with a lift."),
        Venue("verwood", "Verwood Community Allotment", "Ringwood Road", "Verwood", "BH31",
              "sf=Hard paths and raised beds; wc; park",
              "Allotment plots with a cabin, a polytunnel and a kitchen."),
        Venue("ferndown", "Ferndown Community Hall", "28 Victoria Road", "Ferndown", "BH22",
              "sf wc loop df park", "A large community hall with a car park."),
        Venue("ferndowncycle", "Ferndown Cycle Hub", "Ameysford Road", "Ferndown", "BH22", "sf wc park",
              "A cycle hub with adapted bikes and a traffic-free circuit."),
        Venue("dorchestercycle", "Dorchester Cycle Hub", "Weymouth Avenue", "Dorchester", "DT1", "sf wc park",
              "A cycle hub with adapted bikes next to the leisure centre."),
        Venue("portland", "Portland Island Hall", "16 Easton Square", "Portland", "DT5", "sf wc loop",
              "A community hall on Easton Square."),
        Venue("shaftesbury", "Bell Street Hall", "9 Bell Street", "Shaftesbury", "SP7", "sf wc df loop",
              "A hall in the middle of Shaftesbury with a kitchen."),
        Venue("sturminster", "Sturminster Newton Hall", "Market Cross", "Sturminster Newton", "DT10",
              "sf wc df park", "A village hall by the market cross."),
        Venue("beaminster", "Beaminster Square Rooms", "The Square", "Beaminster", "DT8", "sf wc",
              "Rooms on the square with a kitchen."),
        Venue("artshed", "Weymouth Art Shed", "Unit 8, Granby Close", "Weymouth", "DT4", "sf wc quiet",
              "A bright art space with big tables, a kiln and a quiet corner."),
        Venue("beachhut", "Beach Access Hut", "The Esplanade", "Weymouth", "DT4",
              "sf=Beach matting down to the water and loan beach wheelchairs; wc; park",
              "A hut on the seafront where beach wheelchairs and floating chairs are kept."),
    ],
    listings=[
        Listing("Fordington Day Centre", "wessex", "fordington", "MO-FR 09:30-15:30", "58/day", "ld pd",
                "centre music arts", "121 pc tr",
                "A day centre for adults with learning disabilities and complex needs, with a hydrotherapy "
                "pool, a sensory room and trips to the beach and countryside."),
        Listing("Hydrotherapy Sessions", "wessex", "fordington", "TU,TH 13:30-15:00", "15/session",
                "pd ld abi", "sport", "pc",
                "Relax and move in the warm hydrotherapy pool, with a hoist and trained staff in the water."),
        Listing("Radipole Day Centre", "wessex", "radipole", "MO-FR 09:30-15:30", "52/day", "older dem",
                "centre social", "pc tr",
                "A day centre for older people with a hot lunch, music, gentle exercise and outings along "
                "the seafront."),
        Listing("Allenview Day Centre", "wessex", "allenview", "MO,WE,FR 09:30-15:30", "55/day", "ld aut",
                "centre arts cook", "121 pc tr",
                "Small-group days for adults with learning disabilities and autistic adults, mixing art, "
                "cooking and trips into Wimborne."),
        Listing("Independent Living Skills", "wessex", "allenview", "TU,TH 10:00-14:00", "22/session",
                "ld aut", "living cook travel", "121",
                "Learn to shop, cook, budget and travel into town, working towards living more "
                "independently."),
        Listing("Stour Vale Day Club", "stourvale", "stourside", "TU,TH 10:00-15:00", "38/day", "older dem",
                "centre social", "pc tr",
                "A friendly day club for older people with lunch, a quiz and a sing-song. Many members "
                "come from the villages, so the minibus is the key to getting there."),
        Listing("Sherborne Friendship Day Club", "sherbornefriends", "digby", "WE 10:00-15:00", "35/day",
                "older", "centre social games", "tr",
                "A Wednesday day club with a cooked lunch, games and a monthly outing, run by volunteers "
                "and a small staff team."),
        Listing("Community Farm Days", "chesil", "farm", "MO,WE,FR 10:00-15:00", "48/day", "ld aut mh",
                "farm garden", "121",
                "Care for pigs, sheep and hens, grow vegetables in the polytunnels and cook lunch in the "
                "farm kitchen."),
        Listing("Sunday Farm Volunteers", "chesil", "farm", "SU 10:00-13:00", "free", "mh ld", "farm work",
                "",
                "Help with Sunday feeding, mucking out and jobs around the farm with the volunteer team."),
        Listing("Swanage Knit and Natter", "purbeck", "swanage", "MO 14:00-16:00", "free", "older carers",
                "knit social", "",
                "A relaxed Monday afternoon of knitting, crochet and conversation. The group knits for the "
                "maternity unit and the lifeboat shop."),
        Listing("Gillingham Knit and Natter", "gillknit", "gillingham", "TH 10:00-12:00", "1/session",
                "older", "knit social", "",
                "Knitters and crocheters of all levels meet for tea, patterns and plenty of chat."),
        Listing("Performing Arts Group", "stourarts", "stourside", "TU 10:30-14:30", "10/session", "ld aut",
                "drama music dance", "",
                "Drama, dance and singing that build up to a summer show, with everyone involved on stage "
                "or behind the scenes."),
        Listing("Saturday Theatre Club", "stourarts", "wimborne", "SA 10:00-13:00", "8/session", "ld aut",
                "drama", "", "Drama games, improvisation and short plays on Saturday mornings.",
                ages="18-25"),
        Listing("Evening Show Choir", "stourarts", "stourside", "WE 18:30-20:30", "4/session", "ld aut mh",
                "music drama", "", "Sing songs from the musicals and perform them at local events."),
        Listing("Online Music Session", "stourarts", None, "FR 11:00-12:00", "free", "ld aut", "online music",
                "", "Sing and play along with a music leader by video call; shakers and drums are welcome.",
                mode="online"),
        Listing("Preparation for Employment", "stepinto", "stepinto", "MO,TH 10:00-15:00", "free",
                "ld aut mh", "work learn", "121",
                "A work preparation programme covering CVs, interviews, travelling to work and what "
                "employers expect, with work tasters at local businesses."),
        Listing("Volunteering Matchmaking", "stepinto", "westham", "WE 10:00-13:00", "free", "ld mh", "work",
                "",
                "Find a volunteering role that suits you, from the lifeboat shop to the community garden, "
                "with support to get started."),
        Listing("Dorchester Debating Group", "speakout", "cornhill", "TH 18:30-20:00", "free", "ld aut",
                "learn social", "",
                "Pick a topic, hear both sides and have your say. Members practise speaking up, and "
                "sometimes debate with local councillors.", mode="both"),
        Listing("Quiet Pages Reading Group", "quietpages", "digby", "WE 14:00-15:30", "free", "aut mh",
                "learn social", "",
                "Read aloud, listen to a story or enjoy quiet time with a book in a calm room. Easy-read "
                "and audio books are available."),
        Listing("Weymouth Inclusive Swim", "weyswim", "lodmoor", "SA 09:00-10:00", "3.50/session",
                "ld pd aut", "sport", "",
                "A relaxed Saturday swim with the pool hoist, floats and extra lifeguards."),
        Listing("Evening Swim Club", "weyswim", "lodmoor", "TU 18:30-19:30", "4/session", "ld pd sens",
                "sport", "", "Coached evening swimming for disabled adults, from beginners to club galas."),
        Listing("Travel Buddies Programme", "travelbuddies", "stepinto", "MO-FR 09:30-15:30", "30/week",
                "ld aut", "travel", "121",
                "One-to-one travel training on the routes you need, such as the bus from Dorchester to "
                "Weymouth, until you can travel on your own."),
        Listing("Rural Bus Confidence Sessions", "travelbuddies", "bridport", "TU 10:00-13:00", "free",
                "older ld", "travel living", "",
                "Learn to read timetables, use your bus pass and plan trips from the villages into town."),
        Listing("Lyme Regis Seafront Walk", "coastwalks", "lyme", "WE 10:30-12:00", "free", "older mh",
                "walk", "",
                "A gentle walk along the seafront and the Cobb at a chatting pace, with benches along the "
                "way."),
        Listing("Bridport Saturday Walk", "coastwalks", "bridport", "SA 10:00-12:30", "free", "mh", "walk",
                "", "A longer Saturday walk on the coast path or along the river, finishing at a cafe."),
        Listing("Wareham Riverside Stroll", "purbeck", "wareham", "FR 10:30-11:30", "free", "older pd dem",
                "walk", "",
                "A short, flat walk along the river from the quay, suitable for walking frames and "
                "wheelchairs."),
        Listing("Catering Training Project", "catering", "catering", "MO-WE 09:30-14:30", "25/week",
                "ld aut mh", "cook work learn", "",
                "Train in a real cafe kitchen: food preparation, hygiene, serving customers and working as "
                "a team. Trainees can gain a food hygiene certificate."),
        Listing("Cafe Volunteers", "catering", "catering", "FR,SA 10:00-14:00", "free", "ld mh", "work cook",
                "",
                "Volunteer in the academy cafe on Fridays and Saturdays, serving customers and helping in "
                "the kitchen."),
        Listing("Evening Cookery for Beginners", "catering", "catering", "TU 18:00-20:00", "5/session",
                "ld mh", "cook living", "",
                "Cook a simple, healthy meal to take home each week, using ingredients from the local "
                "market."),
        Listing("Verwood Community Allotment", "verwoodallot", "verwood", "TU,TH 10:00-13:00", "free",
                "ld mh older", "garden", "",
                "Sow, grow and harvest fruit and vegetables on shared plots, with raised beds for people "
                "who cannot kneel."),
        Listing("Community Gardening Mornings", "wimbornegarden", "wimbornegarden", "WE 10:00-12:30", "free",
                "mh", "garden walk", "",
                "Weed, plant and build in the riverside garden with the volunteer team, then share lunch."),
        Listing("Sunday Gardening Club", "wimbornegarden", "wimbornegarden", "SU 14:00-16:00", "free",
                "mh ld", "garden", "",
                "A short Sunday session of gentle garden jobs for people who cannot come in the week."),
        Listing("Island Yoga for All", "islandyoga", "portland", "MO 18:00-19:00", "5/session", "mh pd",
                "yoga", "",
                "An evening yoga class with chair and mat options and a long relaxation at the end."),
        Listing("Chair Yoga Swanage", "purbeck", "swanage", "WE 10:30-11:30", "4/session", "older pd",
                "yoga dance", "",
                "Seated yoga for flexibility, balance and breathing, done in a chair the whole time."),
        Listing("Purbeck Online Chair Exercise", "purbeck", None, "TU 10:30-11:15", "free", "older pd",
                "online dance", "", "A cheerful seated exercise class to music by video call.",
                mode="online"),
        Listing("Dorchester Memory Cafe", "westmemory", "cornhill", "1MO 14:00-16:00", "free", "dem carers",
                "memory", "", "A monthly memory cafe with a dementia adviser, music and tea."),
        Listing("Bridport Memory Cafe", "westmemory", "bridport", "TU 10:30-12:00", "2/session", "dem carers",
                "memory music", "", "A weekly memory cafe with live music, games and home-made cake."),
        Listing("Living Well with Dementia Course", "westmemory", "cornhill", "MO 10:00-12:00", "free",
                "dem carers", "learn carers", "",
                "A five-week course for people newly diagnosed with dementia and their families.",
                mode="both"),
        Listing("Ferndown Memory Cafe", "ferndownmemory", "ferndown", "3TH 14:00-16:00", "free", "dem carers",
                "memory games", "",
                "A monthly afternoon cafe with quizzes, music and a chance to talk to others in the same "
                "boat."),
        Listing("Singing for Memory", "shaftsingers", "shaftesbury", "FR 14:00-15:30", "3/session",
                "dem carers", "music memory", "",
                "Familiar songs and vocal warm-ups for people with dementia and their carers, with tea "
                "afterwards."),
        Listing("Sturminster Newton Lunch Club", "valelunch", "sturminster", "TH 12:00-14:00", "6/session",
                "older", "social", "tr",
                "A two-course lunch and a chat for older people in Sturminster Newton and the villages "
                "around it.", ages="65+"),
        Listing("Shaftesbury Lunch Club", "valelunch", "shaftesbury", "TU 12:00-14:00", "6/session", "older",
                "social games", "tr", "A home-cooked lunch followed by bingo or a quiz.", ages="65+"),
        Listing("Beaminster Lunch Club", "beaminster", "beaminster", "WE 12:30-14:30", "5.50/session",
                "older", "social", "tr",
                "A Wednesday lunch club in the square, with lifts from outlying farms and hamlets."),
        Listing("Westham Sunday Lunch", "westham", "westham", "2SU 12:30-14:30", "6/session", "older",
                "social", "",
                "A monthly Sunday roast with pudding at the hub, for anyone who would like company on a "
                "Sunday."),
        Listing("Women's Wellbeing Group", "westham", "westham", "MO 10:00-12:00", "free", "mh",
                "yoga social arts", "",
                "A women-only group with crafts, relaxation and conversation in a safe, friendly space."),
        Listing("Carers' Support Group", "carers", "cornhill", "2WE 10:30-12:30", "free", "carers", "carers",
                "",
                "A monthly group for unpaid carers to share experiences, with guest speakers on breaks, "
                "benefits and planning ahead."),
        Listing("Carers' Break Day", "carers", "digby", "-1FR 10:00-15:00", "free", "carers", "carers yoga",
                "",
                "A day just for carers: a relaxation session, a two-course lunch and a choice of "
                "activities. Ask about replacement care so you can come."),
        Listing("Parent Carers' Coffee Morning", "carers", "wimborne", "1TU 10:00-12:00", "free", "carers ld",
                "carers social", "",
                "A monthly coffee morning for parents who care for an adult son or daughter with a "
                "learning disability."),
        Listing("Online Carers' Evening Chat", "carers", None, "MO 19:30-20:30", "free", "carers",
                "online carers", "",
                "An evening video call for carers who cannot get out, with a different theme each week.",
                mode="online"),
        Listing("Stroke and Brain Injury Group", "ferndownstroke", "ferndown", "TU 10:00-12:30", "3/session",
                "abi", "social learn", "",
                "Peer support, talks from therapists and practical tips for life after a stroke or brain "
                "injury."),
        Listing("Sherborne Autism Social", "autismnet", "digby", "2SA 14:00-17:00", "free", "aut",
                "social games", "",
                "A monthly Saturday meet-up for autistic adults with board games and a quiet room."),
        Listing("Autistic Adults' Evening Club", "autismnet", "cornhill", "TH 18:00-20:00", "2/session",
                "aut", "social games", "",
                "A calm evening club with games, chat and a clear plan for each session, sent out in "
                "advance."),
        Listing("Dorchester Deaf Club", "deafclub", "cornhill", "-1FR 18:30-21:30", "free", "sens", "social",
                "", "A monthly social evening in BSL with a supper and news from Deaf organisations."),
        Listing("Sight Loss Social", "sightloss", "westham", "1WE 10:30-12:30", "free", "sens older",
                "social digital", "",
                "Meet others with sight loss, try out magnifiers and talking gadgets, and get help with "
                "phone accessibility settings."),
        Listing("Beach Access Days", "beachaccess", "beachhut", "SA,SU 10:00-16:00", "free", "pd ld older",
                "walk social", "121",
                "Borrow a beach wheelchair or a floating chair and get onto the sand and into the sea, "
                "with volunteers to help. Runs from May to September."),
        Listing("Weymouth Art Shed Open Sessions", "artshed", "artshed", "WE 13:00-16:00; TH 18:00-20:30",
                "4/session", "mh", "arts", "",
                "Paint, draw, print or work with clay alongside other artists, with a tutor on hand."),
        Listing("Gillingham Craft Club", "valemakers", "gillingham", "TU 13:30-15:30", "3/session",
                "ld mh older", "arts", "",
                "Make cards, candles and Christmas decorations to sell at the craft fair."),
        Listing("All-Ability Cycling", "wheels", "ferndowncycle", "SA 10:00-12:00", "4/session", "ld pd aut",
                "cycle", "",
                "Ride trikes, hand cycles, tandems and wheelchair bikes on a traffic-free circuit."),
        Listing("Midweek Adapted Cycling", "wheels", "dorchestercycle", "WE 13:00-15:00", "4/session",
                "ld pd abi", "cycle", "",
                "Midweek rides on adapted bikes with trained staff, with some rides on the quiet lanes out "
                "of town."),
        Listing("Wimborne Tea Dance", "teadance", "wimborne", "1SU 14:00-16:30", "4/session", "older dem",
                "dance music social", "",
                "A monthly tea dance with a live band and a sprung floor. Come to dance or just to listen."),
        Listing("Friday Night Club", "wessex", "westham", "FR 19:00-21:30", "5/session", "ld aut",
                "dance social", "",
                "A Friday disco and social for adults with learning disabilities, with karaoke once a "
                "month."),
        Listing("Blandford Digital Drop-In", "techhelpers", "stourside", "MO 10:00-12:00", "free", "older",
                "digital", "",
                "Get help with your phone, tablet or laptop, from video calls to booking appointments "
                "online."),
        Listing("Online Get Connected Sessions", "techhelpers", None, "WE 14:00-15:00", "free", "older sens",
                "online digital", "",
                "Short video call sessions on one topic each week, such as spotting scams or using the NHS "
                "app.", mode="online"),
        Listing("Portland Dominoes and Quiz Club", "portlandfriends", "portland", "TH 13:30-15:30",
                "1.50/session", "older", "games social", "",
                "Dominoes, cards and a weekly quiz in the island hall, with a raffle."),
        Listing("Sherborne Reminiscence Group", "sherborneheritage", "digby", "MO 10:30-12:00", "2/session",
                "dem older", "remin memory", "",
                "Share memories sparked by old photographs, objects and film of Sherborne and the "
                "surrounding villages."),
        Listing("Learning for Life Course", "learnforlife", "cornhill", "TU 13:00-15:00", "free", "ld",
                "learn digital", "",
                "A term-time course in everyday reading, money and using a tablet, in small groups with "
                "easy-read handouts."),
        Listing("Online Quiz and Chat", "wessex", None, "TH 19:00-20:00", "free", "ld aut older",
                "online games", "", "A friendly quiz and chat by video call, hosted by day centre staff.",
                mode="online"),
    ],
)


# --------------------------------------------------------------------------------------------
# Solihull. The council's own services named in its day opportunities strategy (North Hub, The
# Courtyard, The Hive, Greenacres, The Maples and the Supported Employment Service) keep their
# names; their addresses, times and prices here are invented. Everything else is fictional.
# --------------------------------------------------------------------------------------------

SOLIHULL = Area(
    "solihull", "Solihull", "West Midlands",
    orgs=[
        Org("council", "Solihull Council",
            "The council runs day opportunities in the north and south of the borough for people with a "
            "learning disability, a physical disability and older people, and a Supported Employment "
            "Service."),
        Org("blythe", "Blythe Friendship Centre",
            "A charity running a day centre for older people and a Saturday sitting club in Shirley."),
        Org("kingshurst", "Kingshurst Community Centre",
            "A community centre in north Solihull with a day club for older people and a community kitchen."),
        Org("arden", "Arden Neuro Support",
            "A charity supporting people living with an acquired brain injury or stroke, and their "
            "families."),
        Org("openarms", "Open Arms Solihull",
            "A mental health charity running self-referral drop-ins, including evenings and weekends."),
        Org("memory", "Solihull Memory Matters",
            "Volunteers running memory cafes and singing groups across the borough."),
        Org("knowlegn", "Knowle and Dorridge Good Neighbours",
            "Village volunteers running a lunch club, a knitting group and lifts for older people."),
        Org("balsall", "Balsall Common Friendship Group",
            "A friendship group for older people in Balsall Common and the nearby villages."),
        Org("smithswoodca", "Smith's Wood Community Association",
            "A residents' association running a monthly Sunday lunch and community events."),
        Org("marstongreen", "Marston Green Tea Dance Club", "A monthly tea dance with a live organist."),
        Org("carers", "Solihull Carers Together",
            "A peer support network for unpaid carers, with groups, a Saturday break and online chats."),
        Org("ability", "Shirley Ability Football",
            "An inclusive football club with pan-disability and powerchair football teams."),
        Org("sensoryswim", "Solihull Sensory Swim Club",
            "A club running quiet, sensory-friendly swimming and gym sessions for disabled adults."),
        Org("northsport", "North Solihull Sport for All",
            "A community sports club with boccia and new age kurling."),
        Org("fernhill", "Fernhill Therapeutic Riding Centre",
            "A riding centre offering therapeutic riding and stable management for disabled adults."),
        Org("strollers", "Solihull Strollers",
            "A volunteer-led walking group with short health walks and longer weekend walks."),
        Org("libraryfriends", "Shirley Library Friends",
            "Volunteers running a book club and knitting group in Shirley."),
        Org("picturehouse", "Poplar Road Picture House",
            "An independent cinema that shows relaxed screenings every week."),
        Org("ardentheatre", "Arden Inclusive Theatre",
            "An inclusive drama company for adults with learning disabilities and autistic adults."),
        Org("oltoncreative", "Olton Creative", "A community arts group running art sessions for wellbeing."),
        Org("shed", "Chelmsley Wood Men's Shed",
            "A community workshop where people make, mend and share skills."),
        Org("nextstop", "Next Stop Travel Training",
            "Travel trainers who help adults learn to use buses and trains on their own."),
        Org("brightersteps", "Brighter Steps Solihull",
            "A small charity teaching money and everyday life skills to adults with learning disabilities."),
        Org("autisticsocial", "Solihull Autistic Adults' Social",
            "An autistic-led social group for autistic adults."),
        Org("nightowls", "Nightowls Solihull",
            "A social club for adults with learning disabilities, running evening clubs and discos."),
        Org("deafsocial", "Solihull Deaf Social Club",
            "A social club for Deaf and hard of hearing adults, run in British Sign Language."),
        Org("sightloss", "Solihull Sight Loss Friends",
            "A friendship and support group for people with sight loss."),
        Org("digital", "North Solihull Digital Champions",
            "Volunteers helping people get online, in person and by video call."),
        Org("stillwater", "Stillwater Yoga",
            "Yoga teachers running chair yoga and gentle yoga for mental health."),
        Org("growing", "Smith's Wood Growing Together",
            "A community allotment project for people with learning disabilities and mental health needs."),
        Org("heritage", "Solihull Heritage Friends",
            "Local history volunteers running reminiscence sessions."),
        Org("adultlearning", "Arden Adult Learning",
            "A community learning charity running friendly courses for adults."),
    ],
    venues=[
        Venue("northhub", "North Hub", "12 Moorend Avenue", "Chelmsley Wood", "B37", "sf wc cp quiet park df",
              "The council's day opportunities hub for the north of the borough."),
        Venue("courtyard", "The Courtyard", "5 Church Road", "Shirley", "B90", "sf wc cp quiet park",
              "The council's community hub for the south of the borough, with a workshop and a cafe space."),
        Venue("hive", "The Hive", "22 Lode Lane", "Solihull", "B91", "sf wc cp quiet",
              "A council day service with a music room, a training kitchen and a sensory room."),
        Venue("greenacres", "Greenacres", "160 Warwick Road", "Olton", "B92", "sf wc cp park loop",
              "A council day service for people with a physical disability, with a gym and a computer room."),
        Venue("maples", "The Maples", "9 Station Road", "Knowle", "B93", "sf wc df park",
              "A council day service for older people with a lounge, dining room and garden."),
        Venue("employment", "Employment Hub", "30 Poplar Road", "Solihull", "B91", "sf wc quiet",
              "Town centre offices with interview rooms and a computer suite."),
        Venue("blythe", "Blythe Friendship Centre", "71 Haslucks Green Road", "Shirley", "B90",
              "sf wc df park loop",
              "A day centre for older people with a lounge, a dining room and a garden."),
        Venue("kingshurst", "Kingshurst Community Centre", "40 Over Green Drive", "Kingshurst", "B37",
              "sf wc df park", "A community centre with a hall, a community kitchen and a car park."),
        Venue("arden", "Arden Neuro Support Centre", "15 Blossomfield Road", "Solihull", "B91",
              "sf wc quiet park", "A calm centre with therapy rooms and a kitchen."),
        Venue("openarms", "Open Arms Drop-In", "7 Drury Lane", "Solihull", "B91", "sf wc quiet",
              "A drop-in centre with a lounge, a kitchen and a garden."),
        Venue("shirleyhall", "Shirley Community Hall", "18 Union Road", "Shirley", "B90", "sf wc loop df",
              "A community hall with a main hall, a meeting room and a kitchen."),
        Venue("oltonhall", "Olton Community Rooms", "3 Kineton Green Road", "Olton", "B92",
              "sf wc loop df bsl", "Community rooms near Olton station."),
        Venue("chelmsleyhall", "Chelmsley Wood Community Hall", "25 Craig Croft", "Chelmsley Wood", "B37",
              "sf wc df loop park", "A community hall near the shopping centre."),
        Venue("knowlehall", "Knowle Parish Rooms", "7 Kenilworth Road", "Knowle", "B93", "sf wc df",
              "Parish rooms in Knowle village with a kitchen."),
        Venue("balsallhall", "Balsall Common Community Rooms", "Kenilworth Road", "Balsall Common", "CV7",
              "sf wc park df", "Village community rooms with a car park."),
        Venue("fernhill", "Fernhill Therapeutic Riding Centre", "Fernhill Lane", "Balsall Common", "CV7",
              "sf=Ramp and mounting block for riders who use wheelchairs; wc; park",
              "A riding centre with an indoor school, a sensory trail and a viewing gallery."),
        Venue("smithswood", "Smith's Wood Community Hall", "20 Windward Way", "Smith's Wood", "B36",
              "sf wc df", "A community hall with a kitchen."),
        Venue("allotments", "Smith's Wood Allotments", "Chester Road", "Smith's Wood", "B36",
              "sf=Level paths and raised beds; wc; park", "Allotment plots with a polytunnel and a cabin."),
        Venue("marstongreen", "Marston Green Parish Hall", "Elmdon Road", "Marston Green", "B37",
              "sf wc loop park", "A parish hall with a good dance floor."),
        Venue("shirleypark", "Shirley Park Pavilion", "Bills Lane", "Shirley", "B90", "sf wc park",
              "A park pavilion next to the football pitches."),
        Venue("blossomfield", "Blossomfield Sports Centre", "Blossomfield Road", "Solihull", "B91",
              "sf=Pool hoist and level access to the sports hall; wc; cp; park",
              "A sports centre with a pool, a gym and a sports hall."),
        Venue("picturehouse", "Poplar Road Picture House", "12 Poplar Road", "Solihull", "B91",
              "sf wc loop quiet", "An independent cinema with two screens and a cafe."),
        Venue("churchhill", "Church Hill Hall", "4 Church Hill Road", "Solihull", "B91", "sf wc loop",
              "A church hall with a stage."),
        Venue("shed", "Chelmsley Wood Men's Shed", "Unit 2, Bosworth Drive", "Chelmsley Wood", "B37", "sf wc",
              "A workshop with woodwork and metalwork tools and a tea room."),
        Venue("station", "Station Approach Rooms", "1 Station Approach", "Solihull", "B91", "sf wc quiet",
              "Meeting rooms next to Solihull station."),
    ],
    listings=[
        Listing("North Hub Day Opportunities", "council", "northhub", "MO-FR 09:30-15:30", "56/day", "ld aut",
                "centre arts living", "121 pc tr",
                "The council's day opportunities for adults with a learning disability in the north of the "
                "borough, with art, life skills and regular outings into the community."),
        Listing("North Hub Older People's Day Service", "council", "northhub", "MO-FR 09:30-15:30", "48/day",
                "older dem", "centre social games", "pc tr",
                "A council day service for older people with a hot lunch, games, exercise and a chance to "
                "make friends."),
        Listing("The Courtyard", "council", "courtyard", "MO-FR 09:30-15:30", "56/day", "ld",
                "centre drama work", "121 pc tr",
                "The council's community hub for adults with a learning disability in the south of the "
                "borough. People join a local drama group, upcycle furniture with volunteers and help at "
                "the local church."),
        Listing("Furniture Upcycling Sessions", "council", "courtyard", "WE 13:00-15:30", "4/session",
                "ld mh", "arts work", "",
                "Sand, paint and restore old furniture alongside local volunteers, then sell it to raise "
                "money for the group."),
        Listing("Community Food Volunteers", "council", "courtyard", "FR 10:00-13:00", "free", "ld", "work",
                "",
                "Help sort and hand out food bags to local people who need them, as part of a community "
                "food project."),
        Listing("The Hive", "council", "hive", "MO-FR 09:30-15:30", "56/day", "ld aut", "centre music cook",
                "121 pc tr",
                "A council day service for adults with a learning disability, with music, cooking and "
                "sensory sessions."),
        Listing("Greenacres", "council", "greenacres", "MO-FR 09:30-15:30", "56/day", "pd abi",
                "centre sport digital", "pc tr",
                "A council day service for adults with a physical disability, with an adapted gym, "
                "computer skills and trips out."),
        Listing("The Maples", "council", "maples", "MO-FR 09:30-15:30", "48/day", "older dem",
                "centre remin social", "pc tr",
                "A council day service for older people, including people living with dementia, with a hot "
                "lunch and a calm, homely feel."),
        Listing("Supported Employment Service", "council", "employment", "MO-FR 09:00-17:00", "free",
                "ld aut mh pd", "work learn", "121",
                "The council's Supported Employment Service helps people write job applications, prepare "
                "for interviews and settle into work. Appointments are booked at times that suit you."),
        Listing("Blythe Friendship Day Centre", "blythe", "blythe", "MO,TU,TH 10:00-15:00", "42/day",
                "older dem", "centre social", "pc tr",
                "A small, friendly day centre for older people with a cooked lunch, entertainers and a "
                "garden."),
        Listing("Saturday Sitting Club", "blythe", "blythe", "1SA 10:00-15:00", "25/day", "older dem carers",
                "centre carers", "pc",
                "A monthly Saturday club where the person you care for spends the day with trained staff, "
                "so you can have a break."),
        Listing("Kingshurst Day Club", "kingshurst", "kingshurst", "WE,FR 10:00-14:30", "35/day", "older",
                "centre social games", "tr",
                "A day club with lunch, bingo and gentle exercise for older people in the north of the "
                "borough."),
        Listing("Kingshurst Cook and Eat", "kingshurst", "kingshurst", "TU 10:00-13:00", "3/session", "ld mh",
                "cook living", "",
                "Cook a healthy, low-cost meal in the community kitchen and eat it together."),
        Listing("Evening Cookery for Independent Living", "kingshurst", "kingshurst", "TH 17:30-19:30",
                "4/session", "ld aut", "cook living", "",
                "An evening cookery class for people who want to cook for themselves, with recipes in "
                "pictures."),
        Listing("Brain Injury Day Service", "arden", "arden", "MO,WE 10:00-15:00", "44/day", "abi",
                "centre learn living", "121 tr",
                "A day service for adults with an acquired brain injury, with cognitive groups, cooking "
                "and confidence-building outings."),
        Listing("Stroke Survivors' Peer Group", "arden", "arden", "2WE 14:00-15:30", "free", "abi carers",
                "social learn", "",
                "A monthly peer group for stroke survivors and their partners, with a guest speaker.",
                mode="both"),
        Listing("Wellbeing Drop-In", "openarms", "openarms", "MO,WE,FR 10:00-16:00", "free", "mh",
                "social arts yoga", "",
                "Drop in for a hot drink, a chat and creative activities. You can refer yourself: there "
                "are no forms to fill in."),
        Listing("Evening Drop-In", "openarms", "openarms", "TU,TH 17:00-20:00", "free", "mh", "social games",
                "",
                "An evening drop-in for people who work or find evenings hard, with peer workers on hand."),
        Listing("Saturday Cafe", "openarms", "openarms", "SA 11:00-15:00", "free", "mh", "social cook", "",
                "A Saturday cafe where members cook and share a lunch together."),
        Listing("Shirley Memory Cafe", "memory", "shirleyhall", "1WE 14:00-16:00", "free", "dem carers",
                "memory music", "",
                "A monthly memory cafe with live music, a dementia adviser and plenty of tea."),
        Listing("Olton Memory Cafe", "memory", "oltonhall", "TU 10:30-12:00", "2/session", "dem carers",
                "memory games", "", "A weekly memory cafe with gentle games, quizzes and a chat."),
        Listing("Chelmsley Wood Memory Cafe", "memory", "chelmsleyhall", "3TH 13:30-15:30", "free",
                "dem carers", "memory remin", "",
                "A monthly afternoon memory cafe with reminiscence activities and a buffet."),
        Listing("Singing for Memory Knowle", "memory", "knowlehall", "FR 10:30-12:00", "3/session",
                "dem carers", "music memory", "",
                "A singing group for people with dementia and their carers, singing well-loved songs."),
        Listing("Knowle Village Lunch Club", "knowlegn", "knowlehall", "TH 12:00-14:00", "6.50/session",
                "older", "social", "tr",
                "A two-course lunch in the parish rooms, with a raffle and a guest speaker once a month.",
                ages="65+"),
        Listing("Knowle Knit and Natter", "knowlegn", "knowlehall", "MO 14:00-16:00", "1/session", "older",
                "knit social", "",
                "Knitting, crochet and chat on Monday afternoons, with patterns for beginners."),
        Listing("Balsall Common Lunch Club", "balsall", "balsallhall", "TU 12:00-14:00", "6/session", "older",
                "social games", "tr",
                "A Tuesday lunch club with a hot meal and bingo, and lifts from the outlying villages."),
        Listing("Balsall Common Games Afternoon", "balsall", "balsallhall", "FR 13:30-15:30", "1.50/session",
                "older", "games social", "", "Cards, dominoes and a quiz on Friday afternoons."),
        Listing("Smith's Wood Sunday Lunch", "smithswoodca", "smithswood", "1SU 12:30-14:30", "5/session",
                "older", "social", "", "A monthly Sunday roast for older residents, cooked by volunteers.",
                ages="60+"),
        Listing("Marston Green Tea Dance", "marstongreen", "marstongreen", "2SU 14:00-16:30", "4/session",
                "older dem", "dance music social", "",
                "A monthly tea dance with a live organist, tea and cake. Dancers and watchers are equally "
                "welcome."),
        Listing("Carers' Coffee Morning", "carers", "oltonhall", "2MO 10:00-12:00", "free", "carers",
                "carers", "",
                "A monthly coffee morning where carers can meet others, share tips and get advice."),
        Listing("Carers' Evening Group", "carers", "shirleyhall", "-1TH 18:30-20:30", "free", "carers",
                "carers social", "", "An evening group for carers who work or cannot get out in the day."),
        Listing("Online Carers' Chat", "carers", None, "WE 20:00-21:00", "free", "carers", "online carers",
                "", "A late-evening video call for carers, once the person they care for is settled.",
                mode="online"),
        Listing("Carers' Skills Course", "carers", "shirleyhall", "TU 10:00-12:00", "free", "carers dem",
                "carers learn", "",
                "A six-week course on looking after yourself, managing medicines, moving and handling, and "
                "planning ahead.", mode="both"),
        Listing("Inclusive Football", "ability", "shirleypark", "SA 10:00-11:30", "2/session", "ld aut pd",
                "sport", "",
                "Pan-disability football on Saturday mornings, with training and friendly matches."),
        Listing("Powerchair Football", "ability", "blossomfield", "TU 18:00-19:30", "3/session", "pd",
                "sport", "",
                "Fast, skilful football for powerchair users in the sports hall. Chairs with guards can be "
                "borrowed."),
        Listing("Sensory Swim", "sensoryswim", "blossomfield", "SU 08:30-09:30", "3.80/session", "ld aut pd",
                "sport", "", "A quiet early swim with dimmed lights, no music and extra lifeguards."),
        Listing("Inclusive Gym Sessions", "sensoryswim", "blossomfield", "MO,WE 13:00-14:30", "4/session",
                "ld pd mh", "sport", "121",
                "Supported gym sessions with an instructor trained in disability fitness."),
        Listing("Chelmsley Wood Boccia Club", "northsport", "chelmsleyhall", "TH 10:00-12:00", "free",
                "pd abi older", "sport games", "",
                "Boccia and new age kurling for all abilities, played seated or standing."),
        Listing("Therapeutic Riding", "fernhill", "fernhill", "TU,FR 10:00-13:00", "28/session", "ld aut pd",
                "farm sport", "121",
                "Riding lessons on calm, well-schooled horses, plus grooming and stable care. Riders who "
                "use wheelchairs mount from a ramp."),
        Listing("Dorridge Health Walk", "strollers", "knowlehall", "MO 10:00-11:15", "free", "older mh pd",
                "walk", "",
                "A gentle walk on level paths with trained walk leaders, ending with tea in the parish "
                "rooms."),
        Listing("Saturday Parks Walk", "strollers", "blossomfield", "SA 09:30-11:00", "free", "mh", "walk",
                "", "A brisker Saturday morning walk through the town's parks, at a chatting pace."),
        Listing("Easy-Read Book Club", "libraryfriends", "shirleyhall", "2TU 14:00-15:30", "free", "ld aut",
                "learn social", "",
                "A monthly book club reading easy-read and audio books together, with time to talk about "
                "them."),
        Listing("Shirley Knit and Natter", "libraryfriends", "shirleyhall", "TH 10:00-12:00", "free",
                "older carers", "knit social", "",
                "Bring your knitting or learn from scratch, with tea and friendly company."),
        Listing("Relaxed Cinema Screenings", "picturehouse", "picturehouse", "SU 11:00-13:00; WE 17:30-19:30",
                "5/session", "aut ld", "social", "",
                "Films shown with the lights up, the sound down and no adverts. You can move about, make "
                "noise and come and go as you need."),
        Listing("Arden Theatre Group", "ardentheatre", "churchhill", "WE 18:30-20:30", "5/session", "ld aut",
                "drama", "", "Weekly drama sessions that build up to two public performances a year."),
        Listing("Saturday Musical Theatre", "ardentheatre", "churchhill", "SA 10:00-12:30", "6/session",
                "ld aut", "drama music dance", "",
                "Sing, dance and act in a musical theatre workshop for young adults.", ages="18-25"),
        Listing("Art for Wellbeing", "oltoncreative", "oltonhall", "TU 13:30-15:30", "3/session", "mh older",
                "arts", "", "Relaxed art sessions with a tutor, trying a different technique each week."),
        Listing("Men's Shed Workshop", "shed", "shed", "MO,WE 10:00-14:00", "2/session", "older mh",
                "arts work", "",
                "Make and mend in a fully equipped workshop, and take on projects for local schools and "
                "groups."),
        Listing("Travel Training Programme", "nextstop", "station", "TU-TH 09:30-12:30", "27/week",
                "ld aut abi", "travel", "121",
                "One-to-one travel training on buses and trains, starting from your own front door."),
        Listing("Money and Life Skills Group", "brightersteps", "chelmsleyhall", "MO 13:00-15:00", "free",
                "ld", "living learn", "",
                "Learn to budget, pay bills and shop wisely in a small, friendly group."),
        Listing("Autism Friday Social", "autisticsocial", "churchhill", "FR 18:00-20:30", "3/session", "aut",
                "social games", "",
                "A structured evening social for autistic adults, with games and a quiet space."),
        Listing("Autistic Adults' Walk and Talk", "autisticsocial", "oltonhall", "SU 11:00-12:30", "free",
                "aut", "walk social", "",
                "A Sunday morning walk with time to chat or walk quietly, as you prefer."),
        Listing("Friday Night Club", "nightowls", "shirleyhall", "FR 19:00-22:00", "5/session", "ld aut",
                "social dance music", "",
                "A Friday night disco and social, with a DJ, karaoke and a quiet room."),
        Listing("Young Adults' Evening Club", "nightowls", "chelmsleyhall", "TU 17:30-20:00", "4/session",
                "ld aut", "social games cook", "",
                "An evening club for young adults to cook, play games and plan trips together.",
                ages="18-25"),
        Listing("Nightowls Online Quiz", "nightowls", None, "MO 19:00-20:00", "free", "ld aut",
                "online games", "", "A fun weekly quiz by video call with picture and music rounds.",
                mode="online"),
        Listing("Deaf Social Club", "deafsocial", "oltonhall", "1TH 18:30-21:00", "free", "sens", "social",
                "", "A monthly social evening for Deaf and hard of hearing adults, run in BSL."),
        Listing("Sight Loss Support Group", "sightloss", "shirleyhall", "3WE 10:30-12:30", "free",
                "sens older", "social digital", "",
                "A monthly group sharing tips on living with sight loss, including accessible phones and "
                "gadgets."),
        Listing("Digital Drop-In", "digital", "chelmsleyhall", "WE 10:00-12:00", "free", "older ld",
                "digital", "", "Get help with phones, tablets and computers from patient volunteers."),
        Listing("Online Tablet Club", "digital", None, "FR 14:00-15:00", "free", "older", "online digital",
                "", "Learn one new thing on your tablet each week, by video call.", mode="online"),
        Listing("Chair Yoga", "stillwater", "oltonhall", "MO 11:00-12:00", "4/session", "older pd",
                "yoga dance", "", "Gentle yoga done seated, to help with stiffness, balance and breathing."),
        Listing("Evening Yoga for Mental Health", "stillwater", "shirleyhall", "WE 18:30-19:30", "5/session",
                "mh", "yoga", "", "A calming evening yoga class with breathing and relaxation."),
        Listing("Stillwater Online Chair Exercise", "stillwater", None, "TU 10:00-10:45", "free", "older pd",
                "online dance", "", "A short seated exercise class to music, by video call.", mode="online"),
        Listing("Allotment Project", "growing", "allotments", "TU,TH 10:00-13:00", "free", "ld mh", "garden",
                "", "Grow fruit and vegetables on shared plots, with tools and tea provided."),
        Listing("Sunday Community Garden", "growing", "allotments", "SU 10:00-12:00", "free", "mh", "garden",
                "", "A quieter Sunday morning session on the allotment for people who prefer weekends."),
        Listing("Solihull Memories Group", "heritage", "oltonhall", "WE 10:30-12:00", "2/session",
                "dem older", "remin memory", "",
                "Share memories of Solihull with old photographs, objects and music."),
        Listing("Learning for Life Courses", "adultlearning", "station", "TU 13:00-15:00", "free", "ld",
                "learn digital", "",
                "Free short courses in reading, numbers and using a tablet, in small groups."),
    ],
)


# --------------------------------------------------------------------------------------------
# Sefton. All organisations are fictional; the mix leans towards dementia and older people's
# services, as the cabinet report does, with bathing and nail cutting at day centres,
# volunteering and community options.
# --------------------------------------------------------------------------------------------

SEFTON = Area(
    "sefton", "Sefton", "Merseyside",
    orgs=[
        Org("rimrose", "Rimrose Day Services",
            "A day service for adults with learning disabilities, autistic adults and people with complex "
            "needs in south Sefton."),
        Org("southportcare", "Southport Day Care Trust",
            "A charity running day care for older people and people living with dementia in Southport."),
        Org("crosbyfriends", "Crosby Friendship Centre",
            "A centre for older people in Crosby with a day centre, exercise classes and online sessions."),
        Org("maghullcare", "Maghull Community Care",
            "A community care charity running a weekend day club for older people."),
        Org("brainsupport", "North Mersey Brain Injury Support",
            "A peer support charity for people living with a brain injury and their families."),
        Org("altvalley", "Alt Valley Care Farm",
            "A care farm near Lydiate with animals, a market garden and woodland."),
        Org("litherlandgrowers", "Litherland Growers",
            "A community allotment project for people with learning disabilities and mental health needs."),
        Org("formbygreen", "Formby Green Fingers", "Volunteers running a community garden in Formby."),
        Org("memorycafes", "Sefton Memory Cafes",
            "A volunteer network running memory cafes and singing groups across Sefton."),
        Org("ainsdalegn", "Ainsdale Good Neighbours",
            "Volunteers running a lunch club and a lift scheme for older people in Ainsdale."),
        Org("netherton", "Netherton Friendship Club",
            "A friendship club for older people in Netherton with lunches, boccia and digital help."),
        Org("waterloo", "Waterloo Friendship Club", "A social club for older people in Waterloo."),
        Org("sundaylunch", "Southport Sunday Lunch Club",
            "Volunteers cooking a Sunday lunch for older people in Southport."),
        Org("teadance", "Birkdale Tea Dance Club", "A monthly tea dance with a live band in Birkdale."),
        Org("coastwalkers", "Sefton Coast Walkers",
            "A walking group running led walks on the coast and in the pinewoods."),
        Org("sightclub", "Sefton Sight Club",
            "A social club for blind and partially sighted people, with walks and technology help."),
        Org("cycling", "Southport Inclusive Cycling",
            "An inclusive cycling project with adapted bikes and trikes on the seafront."),
        Org("splash", "Sefton Splash Disability Swimming Club",
            "A disability swimming club with sessions in Southport and Bootle."),
        Org("walkingfootball", "Maghull Walking Football",
            "A walking football club for people aged 50 and over."),
        Org("seaview", "Seaview Inclusive Theatre",
            "An inclusive theatre company for adults with learning disabilities and autistic adults."),
        Org("singers", "Southport Singers for Wellbeing", "An open community choir for wellbeing."),
        Org("bootlestudio", "Bootle Creative Studio",
            "A community art studio for people with mental health needs and learning disabilities."),
        Org("clayclub", "Formby Clay Club", "A pottery club running beginners' evening classes."),
        Org("carerscircle", "Sefton Carers Circle",
            "A peer support network for unpaid carers, with groups, break days and online chats."),
        Org("stepup", "Step Up Sefton",
            "A supported employment and volunteering service for disabled adults."),
        Org("litherlandcafe", "Litherland Community Cafe",
            "A community cafe that trains disabled adults in catering and customer service."),
        Org("travel", "Sefton Travel Confidence",
            "Travel trainers who help adults learn to use buses and Merseyrail trains on their own."),
        Org("bootlekitchen", "Bootle Community Kitchen",
            "A community kitchen running cookery classes and shared meals."),
        Org("autismnet", "Sefton Autistic Adults' Network",
            "An autistic-led group running social meet-ups for autistic adults."),
        Org("deafsocial", "Sandgrounders Deaf Social",
            "A social club for Deaf and hard of hearing adults in Southport, run in British Sign Language."),
        Org("shed", "Maghull Men's Shed", "A community workshop where people make, mend and share skills."),
        Org("digitalbuddies", "Netherton Digital Buddies",
            "Volunteers helping older people and disabled people get online."),
        Org("formbyknitters", "Formby Knitters", "A knitting and crochet group in Formby."),
        Org("bootlestitchers", "Bootle Stitchers", "A knit, sew and chat group in Bootle."),
        Org("heritage", "Southport Heritage Friends",
            "Local history volunteers running reminiscence sessions."),
        Org("safeharbour", "Safe Harbour Sefton",
            "A mental health charity running drop-ins, a weekend recovery cafe and wellbeing courses."),
        Org("formbyyoga", "Formby Yoga for All", "A yoga teacher running gentle, adapted classes."),
        Org("learning", "Sefton Learning for All",
            "A community learning charity running friendly courses for adults with learning disabilities."),
    ],
    venues=[
        Venue("rimrose", "Rimrose Centre", "24 Linacre Road", "Litherland", "L21", "sf wc cp quiet park",
              "A day centre with a sensory room, a music room, a training flat and a garden."),
        Venue("churchtown", "Churchtown Day Centre", "15 Botanic Road", "Southport", "PR9",
              "sf wc df park loop",
              "A day centre for older people with a bathing suite, a hairdresser and a conservatory."),
        Venue("birkdale", "Birkdale Day Club Rooms", "8 Liverpool Road, Birkdale", "Southport", "PR8",
              "sf wc df loop", "Ground-floor rooms in Birkdale village with a garden and a hall."),
        Venue("crosby", "Crosby Friendship Centre", "3 Coronation Road", "Crosby", "L23",
              "sf wc df loop park", "A centre for older people with a lounge, a dining room and a hall."),
        Venue("maghull", "Maghull Community Hall", "16 Westway", "Maghull", "L31", "sf wc df loop park",
              "A community hall with a kitchen, a lounge and a car park."),
        Venue("stanleyroad", "Stanley Road Community Rooms", "110 Stanley Road", "Bootle", "L20",
              "sf wc loop quiet", "Community rooms on Stanley Road, close to the bus routes."),
        Venue("farm", "Alt Valley Care Farm", "Bells Lane", "Lydiate", "L31",
              "sf=Firm paths to the animal barns; wc; park",
              "A care farm with animals, polytunnels and woodland."),
        Venue("allotments", "Litherland Allotments", "Church Road", "Litherland", "L21",
              "sf=Level paths and raised beds; wc", "Shared allotment plots with a cabin and a polytunnel."),
        Venue("formbygarden", "Formby Community Garden", "Duke Street", "Formby", "L37", "sf wc park",
              "A community garden with raised beds, an orchard and a wildlife pond."),
        Venue("formby", "Formby Community Rooms", "5 Chapel Lane", "Formby", "L37", "sf wc loop df",
              "Community rooms in the village centre with a hall and a kitchen."),
        Venue("lordstreet", "Lord Street Rooms", "45 Lord Street", "Southport", "PR8", "sf wc loop df bsl",
              "Meeting rooms on Lord Street with a lift and a hall."),
        Venue("ainsdale", "Ainsdale Village Rooms", "2 Station Road, Ainsdale", "Southport", "PR8",
              "sf wc df", "Village rooms close to Ainsdale station."),
        Venue("netherton", "Netherton Community Hall", "30 Glovers Lane", "Netherton", "L30", "sf wc df park",
              "A community hall with a kitchen and a car park."),
        Venue("waterloo", "Waterloo Community Hall", "12 South Road", "Waterloo", "L22", "sf wc loop",
              "A community hall with a stage, near Waterloo station."),
        Venue("cyclehub", "Marine Drive Cycle Hub", "Marine Drive", "Southport", "PR8", "sf wc park",
              "A cycle hub on the seafront with adapted bikes and trikes."),
        Venue("seafrontpool", "Seafront Pool and Gym", "The Promenade", "Southport", "PR8",
              "sf=Pool hoist and a poolside accessible changing room; wc; cp; park",
              "A leisure centre with a main pool, a learner pool and a gym."),
        Venue("bootlepool", "Bootle Pool and Gym", "2 Balliol Road", "Bootle", "L20",
              "sf=Pool pod lift into the main pool; wc; cp; park", "A leisure centre with a pool and a gym."),
        Venue("maghullsports", "Maghull Sports Hall", "Deyes Lane", "Maghull", "L31", "sf wc park",
              "A sports hall with an indoor pitch."),
        Venue("bootlestudio", "Bootle Creative Studio", "Unit 5, 9 Derby Road", "Bootle", "L20",
              "sf wc quiet", "A ground-floor art studio with big tables and a quiet corner."),
        Venue("stepup", "Step Up Sefton Office", "60 Oriel Road", "Bootle", "L20", "sf wc quiet loop",
              "Offices with interview rooms and a training room."),
        Venue("litherlandcafe", "Litherland Community Cafe", "7 Sefton Road", "Litherland", "L21", "sf wc",
              "A community cafe with a training kitchen."),
        Venue("bootlekitchen", "Bootle Community Kitchen", "19 Marsh Lane", "Bootle", "L20", "sf wc",
              "A community kitchen with cooking stations and a dining area."),
        Venue("shed", "Maghull Men's Shed", "Unit 3, Sefton Lane", "Maghull", "L31", "sf wc park",
              "A workshop with woodwork tools and a tea room."),
        Venue("safeharbour", "Safe Harbour Drop-In", "88 Stanley Road", "Bootle", "L20", "sf wc quiet",
              "A drop-in centre with a lounge, a kitchen and group rooms."),
    ],
    listings=[
        Listing("Rimrose Day Service", "rimrose", "rimrose", "MO-FR 09:30-15:30", "60/day", "ld aut",
                "centre arts music", "121 pc tr",
                "A day service for adults with learning disabilities and autistic adults, with art, music, "
                "cooking and trips to the coast."),
        Listing("Rimrose Complex Needs Service", "rimrose", "rimrose", "MO-FR 10:00-15:00", "70/day", "ld pd",
                "centre music", "121 pc tr",
                "Small-group support for adults with profound and multiple learning disabilities, with "
                "sensory sessions, music and a Changing Places toilet."),
        Listing("Rimrose Band Practice", "rimrose", "rimrose", "TH 13:30-15:30", "3/session", "ld aut",
                "music", "",
                "Play drums, keyboards and guitars in a band with a music leader, and perform at local "
                "events."),
        Listing("Living Skills Flat Sessions", "rimrose", "rimrose", "WE 10:00-14:00", "20/session", "ld",
                "living cook", "121",
                "Practise cooking, cleaning and budgeting in a training flat, working towards more "
                "independence."),
        Listing("Friday Night Disco", "rimrose", "stanleyroad", "FR 19:00-22:00", "5/session", "ld aut",
                "dance social music", "",
                "A Friday disco with a DJ and a quiet room. Support workers get in free."),
        Listing("Rimrose Online Quiz Night", "rimrose", None, "TU 19:00-20:00", "free", "ld aut",
                "online games", "", "A weekly quiz by video call with picture and music rounds.",
                mode="online"),
        Listing("Churchtown Day Centre", "southportcare", "churchtown", "MO-FR 09:30-15:30", "46/day",
                "older dem", "centre social", "pc tr",
                "A day centre for older people with a hot lunch, activities and company. Bathing and nail "
                "cutting can be booked during the day."),
        Listing("Birkdale Dementia Day Club", "southportcare", "birkdale", "TU,TH 10:00-15:00", "52/day",
                "dem", "centre music remin", "pc tr",
                "A specialist day club for people living with dementia, with music, reminiscence and a "
                "calm, homely setting."),
        Listing("Crosby Day Centre for Older People", "crosbyfriends", "crosby", "MO,WE,FR 10:00-15:00",
                "40/day", "older", "centre social games", "tr",
                "A friendly day centre with a cooked lunch, games and exercise for older people."),
        Listing("Chair-Based Exercise", "crosbyfriends", "crosby", "TH 10:30-11:30", "3/session", "older pd",
                "dance", "", "A seated exercise class to music for strength and balance."),
        Listing("Crosby Online Chair Exercise", "crosbyfriends", None, "WE 11:00-11:45", "free", "older pd",
                "online dance", "",
                "A seated exercise class to music by video call, with every move shown slowly.",
                mode="online"),
        Listing("Maghull Weekend Day Club", "maghullcare", "maghull", "SA 10:00-15:00", "42/day", "older dem",
                "centre social", "pc tr",
                "A Saturday day club for older people, including people with dementia, so carers can have "
                "a weekend break."),
        Listing("Brain Injury Peer Group", "brainsupport", "stanleyroad", "WE 10:00-14:00", "5/session",
                "abi carers", "social learn", "",
                "A weekly peer group for people living with a brain injury and their families.", mode="both"),
        Listing("Care Farm Days", "altvalley", "farm", "MO,TU,TH 10:00-15:00", "50/day", "ld aut mh",
                "farm garden", "121",
                "Look after animals, grow vegetables and work in the woodland alongside the farm team."),
        Listing("Saturday Farm Club", "altvalley", "farm", "SA 10:00-13:00", "15/session", "ld aut", "farm",
                "",
                "A Saturday morning on the farm for young adults, feeding animals and helping with farm "
                "jobs.", ages="18-25"),
        Listing("Allotment Project", "litherlandgrowers", "allotments", "WE,FR 10:00-13:00", "free", "ld mh",
                "garden", "",
                "Grow fruit and vegetables on shared plots with tools, gloves and tea provided."),
        Listing("Community Garden Mornings", "formbygreen", "formbygarden", "TU 10:00-12:30", "free",
                "mh older", "garden walk", "",
                "Help look after the orchard, beds and pond with a friendly volunteer team."),
        Listing("Crosby Memory Cafe", "memorycafes", "crosby", "1TU 14:00-16:00", "free", "dem carers",
                "memory music", "", "A monthly memory cafe with music, tea and a dementia adviser."),
        Listing("Formby Memory Cafe", "memorycafes", "formby", "WE 10:30-12:00", "2/session", "dem carers",
                "memory games", "", "A weekly memory cafe with gentle games and a chat."),
        Listing("Maghull Memory Cafe", "memorycafes", "maghull", "2TH 14:00-16:00", "free", "dem carers",
                "memory remin", "", "A monthly memory cafe with reminiscence activities and cake."),
        Listing("Southport Memory Cafe", "memorycafes", "lordstreet", "FR 10:30-12:30", "free", "dem carers",
                "memory", "", "A weekly memory cafe on Lord Street with a dementia adviser on hand."),
        Listing("Singing for Memory Bootle", "memorycafes", "stanleyroad", "MO 13:30-15:00", "free",
                "dem carers", "music memory", "",
                "Sing favourite songs from the 1950s to the 1970s with a music leader."),
        Listing("Online Memory Cafe", "memorycafes", None, "3MO 14:00-15:00", "free", "dem carers",
                "online memory", "",
                "A monthly memory cafe by video call for people who cannot get to a cafe in person.",
                mode="online"),
        Listing("Ainsdale Lunch Club", "ainsdalegn", "ainsdale", "TU 12:00-14:00", "5/session", "older",
                "social games", "tr", "A two-course lunch and a game of bingo in the village rooms.",
                ages="65+"),
        Listing("Netherton Lunch Club", "netherton", "netherton", "TH 12:00-14:00", "4.50/session", "older",
                "social", "tr", "A hot lunch and a chat every Thursday, with a trip out once a month."),
        Listing("Netherton Boccia Club", "netherton", "netherton", "FR 13:30-15:30", "free", "pd abi older",
                "sport games", "", "Boccia for all abilities, played seated, with ramps available."),
        Listing("Netherton Digital Drop-In", "digitalbuddies", "netherton", "MO 10:00-12:00", "free",
                "older ld", "digital", "",
                "Get help with your phone, tablet or laptop from patient volunteers."),
        Listing("Waterloo Friendship Lunch", "waterloo", "waterloo", "WE 12:00-14:30", "5/session", "older",
                "social games", "", "A Wednesday lunch with a quiz and plenty of conversation."),
        Listing("Waterloo Quiz and Games Club", "waterloo", "waterloo", "FR 14:00-16:00", "1.50/session",
                "older", "games social", "", "Cards, dominoes and a quiz on Friday afternoons."),
        Listing("Southport Sunday Lunch Club", "sundaylunch", "lordstreet", "SU 12:30-14:30", "7/session",
                "older", "social", "",
                "A Sunday roast with pudding, cooked by volunteers, for older people who would otherwise "
                "eat alone.", ages="65+"),
        Listing("Birkdale Tea Dance", "teadance", "birkdale", "3SU 14:00-16:30", "4/session", "older dem",
                "dance music social", "", "A monthly tea dance with a live band, tea and cake."),
        Listing("Coastal Wellbeing Walk", "coastwalkers", "formby", "SA 10:00-12:00", "free", "mh", "walk",
                "", "A Saturday walk through the pinewoods and along the dunes, at a steady pace."),
        Listing("Crosby Beach Health Walk", "coastwalkers", "crosby", "MO 10:30-11:30", "free", "older mh pd",
                "walk", "",
                "An easy walk along the promenade by the iron men statues, with benches along the way."),
        Listing("Visually Impaired Walking Group", "sightclub", "lordstreet", "2SA 10:30-12:30", "free",
                "sens", "walk social", "121",
                "A monthly Saturday walk with trained sighted guides, ending with lunch."),
        Listing("Sight Club Tech Help", "sightclub", "lordstreet", "TU 10:30-12:00", "free", "sens older",
                "digital social", "", "Get help with talking phones, magnifier apps and smart speakers."),
        Listing("Inclusive Cycling", "cycling", "cyclehub", "SU 10:00-12:00", "4/session", "ld pd aut abi",
                "cycle", "", "Ride adapted bikes, trikes and tandems along the seafront on Sunday mornings."),
        Listing("Midweek Trike Rides", "cycling", "cyclehub", "WE 13:00-15:00", "4/session", "older pd",
                "cycle", "", "Gentle led rides on trikes and side-by-side bikes for older riders."),
        Listing("Disability Swimming Club", "splash", "seafrontpool", "TU 18:00-19:00", "4/session",
                "ld pd sens", "sport", "", "Coached evening swimming for disabled adults of all abilities."),
        Listing("Inclusive Swim Session", "splash", "bootlepool", "SA 09:00-10:00", "3/session", "ld aut pd",
                "sport", "",
                "A relaxed Saturday swim with the pool pod lift and extra lifeguards. Carers swim free."),
        Listing("Walking Football", "walkingfootball", "maghullsports", "WE 18:00-19:00", "3/session",
                "older mh", "sport", "", "Football with no running and no tackling, at your own pace.",
                ages="50+"),
        Listing("Seaview Drama Group", "seaview", "waterloo", "TU 18:30-20:30", "5/session", "ld aut",
                "drama", "", "Weekly drama sessions building up to a show at the end of each term."),
        Listing("Saturday Stage School", "seaview", "waterloo", "SA 10:00-12:30", "6/session", "ld aut",
                "drama music", "", "Acting and singing on Saturday mornings for young adults.", ages="18-25"),
        Listing("Southport Wellbeing Choir", "singers", "lordstreet", "MO 19:00-20:30", "donations",
                "mh older carers", "music social", "",
                "An open choir with no auditions, singing pop, folk and musicals."),
        Listing("Open Art Studio", "bootlestudio", "bootlestudio", "WE 13:00-16:00", "3/session", "mh ld",
                "arts", "", "Paint, draw and make at your own pace with an artist on hand."),
        Listing("Bootle Knit and Natter", "bootlestitchers", "bootlestudio", "TH 10:00-12:00", "free",
                "older mh", "knit social", "",
                "Knitting, sewing and chat in the studio, with tea and biscuits."),
        Listing("Evening Pottery Class", "clayclub", "formby", "TH 18:30-20:30", "7/session", "mh",
                "arts learn", "", "Learn hand-building and glazing in a friendly evening class."),
        Listing("Formby Knit and Natter", "formbyknitters", "formby", "MO 14:00-16:00", "free",
                "older carers", "knit social", "",
                "Knit, crochet and chat on Monday afternoons. Spare wool and needles are available."),
        Listing("Gentle Yoga", "formbyyoga", "formby", "WE 18:00-19:00", "5/session", "mh pd", "yoga", "",
                "Gentle evening yoga with chair options and a long relaxation."),
        Listing("Carers' Coffee Morning", "carerscircle", "lordstreet", "1WE 10:00-12:00", "free", "carers",
                "carers", "", "A monthly coffee morning for carers to meet others and get advice."),
        Listing("Carers' Evening Group", "carerscircle", "crosby", "3TU 18:30-20:30", "free", "carers",
                "carers social", "",
                "An evening peer group for carers who work or cannot get out in the day."),
        Listing("Carers' Break Day", "carerscircle", "formby", "-1FR 10:00-15:00", "free", "carers",
                "carers yoga", "",
                "A day for carers with a relaxation session, lunch and time for yourself."),
        Listing("Online Carers' Group", "carerscircle", None, "TH 19:30-20:30", "free", "carers",
                "online carers", "", "An evening video call for carers to talk and share tips.",
                mode="online"),
        Listing("Supported Employment", "stepup", "stepup", "MO,TU,TH 10:00-15:00", "free", "ld aut mh",
                "work learn", "121",
                "Job coaches help you find and keep work, from CVs and interviews to support on the job."),
        Listing("Volunteering Taster Days", "stepup", "lordstreet", "WE 10:00-13:00", "free", "ld mh", "work",
                "", "Try out different volunteering roles with support, to find one that suits you."),
        Listing("Learning for Life Courses", "learning", "stepup", "TU 13:00-15:00", "free", "ld",
                "learn digital", "", "Free short courses in reading, numbers and using a tablet."),
        Listing("Cafe Training Programme", "litherlandcafe", "litherlandcafe", "TU-TH 09:30-14:30", "20/week",
                "ld aut", "cook work", "",
                "Learn catering and customer service skills in a real community cafe."),
        Listing("Travel Training", "travel", "stepup", "TU,TH 09:30-12:30", "26/week", "ld aut abi", "travel",
                "121",
                "One-to-one travel training on buses and Merseyrail until you can travel on your own."),
        Listing("Evening Cookery Club", "bootlekitchen", "bootlekitchen", "MO 17:30-19:30", "3/session",
                "ld mh", "cook living", "",
                "Cook a simple, healthy meal each week and take the recipe home."),
        Listing("Autistic Adults' Social", "autismnet", "lordstreet", "2SA 14:00-17:00", "free", "aut",
                "social games", "", "A monthly Saturday meet-up with games and a quiet room."),
        Listing("Autism Evening Meet-Up", "autismnet", "crosby", "WE 18:30-20:30", "2/session", "aut",
                "social", "", "A calm evening meet-up for autistic adults, run by autistic volunteers."),
        Listing("Sandgrounders Deaf Club", "deafsocial", "lordstreet", "-1FR 18:30-21:30", "free", "sens",
                "social", "", "A monthly social evening in BSL, with a supper and a quiz."),
        Listing("Men's Shed Workshop", "shed", "shed", "TU,TH 10:00-14:00", "2/session", "older mh",
                "arts work", "", "Make and mend in a fully equipped workshop, open to everyone."),
        Listing("Southport Memories Group", "heritage", "lordstreet", "TH 10:30-12:00", "2/session",
                "dem older", "remin memory", "",
                "Share memories of Southport with old photographs, objects and music."),
        Listing("Wellbeing Drop-In", "safeharbour", "safeharbour", "MO,WE,FR 10:00-15:00", "free", "mh",
                "social arts yoga", "",
                "Drop in for a hot drink, a chat and creative activities. You can refer yourself."),
        Listing("Weekend Recovery Cafe", "safeharbour", "safeharbour", "SA,SU 12:00-16:00", "free", "mh",
                "social cook", "", "A weekend cafe where members cook and share a meal together."),
        Listing("Mindfulness Course", "safeharbour", "safeharbour", "TU 18:00-19:30", "free", "mh carers",
                "yoga learn", "", "An eight-week mindfulness course to help with stress and low mood.",
                mode="both"),
    ],
)


AREAS = [CENTRAL_BEDFORDSHIRE, WALTHAM_FOREST, DORSET, SOLIHULL, SEFTON]


def main() -> None:
    terms = load_terms()
    outcodes = load_outcodes()
    landlines, mobiles = NumberPool(*LANDLINES), NumberPool(*MOBILES)
    listed: set[tuple[str, str]] = set()  # (name, postcode) must be unique across the whole directory
    for area in AREAS:
        page = build_area(area, terms, outcodes, landlines, mobiles)
        for service in page["contents"]:  # type: ignore[attr-defined]
            where = ",".join(a["postal_code"] for sal in service["service_at_locations"]
                             for a in sal["location"].get("addresses", []))
            assert (service["name"], where) not in listed, f"{service['name']} listed twice"
            listed.add((service["name"], where))
        path = OUT_DIR / f"{area.slug}.json"
        path.write_text(json.dumps(page, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path.relative_to(REPO)}: {page['total_items']} services")


if __name__ == "__main__":
    main()
