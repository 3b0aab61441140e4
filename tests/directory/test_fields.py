import datetime as dt

import pytest

from assistant.directory.fields import cost_unit, parse_byday, parse_time, plain_text, weekday_code
from assistant.directory.models import CostUnit


@pytest.mark.parametrize("raw", ["10:00", "10:00:00", "10:00:00Z", "10:00:00+01:00"])
def test_times_in_every_oruk_form_parse_to_the_same_time(raw: str) -> None:
    assert parse_time(raw) == dt.time(10, 0)


@pytest.mark.parametrize("raw", ["10am", "25:99x", "noon"])
def test_times_that_are_not_times_are_refused(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_time(raw)


def test_byday_is_normalised_to_upper_case_codes() -> None:
    assert parse_byday("mo, we ,fr") == "MO,WE,FR"


def test_byday_keeps_monthly_ordinals() -> None:
    assert parse_byday("1TU,-1FR") == "1TU,-1FR"


def test_byday_refuses_day_names() -> None:
    with pytest.raises(ValueError):
        parse_byday("Monday")


@pytest.mark.parametrize(("name", "code"), [("Monday", "MO"), ("tues", "TU"), ("SU", "SU")])
def test_oruk1_weekday_names_become_codes(name: str, code: str) -> None:
    assert weekday_code(name) == code


@pytest.mark.parametrize(
    ("amount", "description", "unit"),
    [
        (0, "free", CostUnit.FREE),
        (4, "per session", CostUnit.SESSION),
        (45, "per day", CostUnit.DAY),
        (25, "per week", CostUnit.WEEK),
        (3, "each class", CostUnit.SESSION),
        (None, "Free of charge", CostUnit.FREE),
        (10, "membership", CostUnit.OTHER),
    ],
)
def test_cost_units_are_read_from_the_description(
    amount: float | None, description: str, unit: CostUnit
) -> None:
    assert cost_unit(amount, description) == unit


def test_html_descriptions_become_plain_paragraphs() -> None:
    raw = "<h4>Knit&nbsp;and natter</h4><p>Tea &amp; cake.<br>All welcome.</p>"
    assert plain_text(raw) == "Knit and natter\nTea & cake.\nAll welcome."
