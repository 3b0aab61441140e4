"""Directory tables, shaped on Open Referral UK 3.0.

Each table keeps the ORUK id as its primary key, so re-importing a feed updates rows in place.
Dayfinder flattens what it needs to match quickly: a location holds its one physical address
(with its postcode district indexed), a schedule keeps its RFC 5545 rule as the feed gave it
(``MO,TU`` weekly, ``3TU`` or ``-1FR`` monthly, month days, interval and dates) plus opening times,
a cost option holds a normalised ``unit`` next to ORUK's free-text description, and taxonomy
links carry their ``link_type`` (need, activity, support, attendance, access, ...).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class Attendance(StrEnum):
    IN_PERSON = "in-person"
    ONLINE = "online"
    BOTH = "both"


class CostUnit(StrEnum):
    FREE = "free"
    SESSION = "session"
    DAY = "day"
    WEEK = "week"
    OTHER = "other"


class Row(SQLModel):
    """A directory table's row, built quickly: an import builds twenty-odd rows a listing, and
    SQLModel's own constructor sets each field through SQLAlchemy's and pydantic's ``__setattr__``
    (most of an import's time). Table models are never validated on construction anyway; this
    does what that constructor does (the fields given, each other field's default, no extras),
    writing the values straight into the instance, whose SQLAlchemy state exists by now."""

    _defaults: ClassVar[dict[type[SQLModel], dict[str, Any]]] = {}

    def __init__(self, **data: Any) -> None:
        cls = type(self)
        fields = cls.model_fields
        defaults = Row._defaults.get(cls)
        if defaults is None:
            if any(field.default_factory is not None for field in fields.values()):
                raise TypeError(f"{cls.__name__}: a default_factory needs SQLModel's own constructor")
            defaults = Row._defaults[cls] = {
                name: field.get_default() for name, field in fields.items() if not field.is_required()
            }
        given = {name: value for name, value in data.items() if name in fields}
        self.__dict__.update(defaults)
        self.__dict__.update(given)
        object.__setattr__(self, "__pydantic_fields_set__", set(given))
        object.__setattr__(self, "__pydantic_extra__", None)
        object.__setattr__(self, "__pydantic_private__", None)


class Organization(Row, table=True):
    id: str = Field(primary_key=True, max_length=128)
    name: str
    description: str = ""
    email: str | None = None
    website: str | None = None


class Service(Row, table=True):
    id: str = Field(primary_key=True, max_length=128)
    organization_id: str = Field(foreign_key="organization.id", index=True, max_length=128)
    name: str
    description: str = ""
    url: str | None = None
    email: str | None = None
    status: str = "active"
    fees: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    eligibility_description: str | None = None
    attendance: str = Field(default=Attendance.IN_PERSON.value, max_length=16)
    area: str | None = Field(default=None, index=True)
    last_verified: dt.date | None = Field(default=None, index=True)
    source_format: str = Field(default="oruk3", max_length=16)
    content_hash: str = Field(default="", max_length=128)
    source: str = Field(default="", index=True, max_length=255, sa_column_kwargs={"server_default": ""})


class Location(Row, table=True):
    # Covering: a search's bounding-box scan reads venue ids from the index alone.
    __table_args__ = (Index("ix_location_lat_lon_id", "latitude", "longitude", "id"),)

    id: str = Field(primary_key=True, max_length=128)
    location_type: str = Field(default="physical", max_length=16)
    name: str | None = None
    description: str | None = None
    url: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    address_id: str | None = Field(default=None, max_length=128)
    address_1: str | None = None
    city: str | None = None
    region: str | None = None
    county: str | None = None
    postcode: str | None = None
    outcode: str | None = Field(default=None, index=True, max_length=8)


class ServiceAtLocation(Row, table=True):
    __tablename__ = "service_at_location"
    # Covering: venues found -> their services without reading the table's rows.
    __table_args__ = (Index("ix_service_at_location_location_service", "location_id", "service_id"),)

    id: str = Field(primary_key=True, max_length=128)
    service_id: str = Field(foreign_key="service.id", index=True, max_length=128, ondelete="CASCADE")
    location_id: str = Field(foreign_key="location.id", index=True, max_length=128)


class Schedule(Row, table=True):
    id: str = Field(primary_key=True, max_length=128)
    service_id: str = Field(foreign_key="service.id", index=True, max_length=128, ondelete="CASCADE")
    freq: str | None = None
    interval: int | None = None
    byday: str = ""  # RRULE BYDAY, ordinals kept: "TU,TH", "3TU", "-1FR"
    bymonthday: str = Field(default="", max_length=64, sa_column_kwargs={"server_default": ""})  # "15", "1,-1"
    dtstart: dt.date | None = None  # the first date; anchors an INTERVAL (fortnightly) rule
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    description: str | None = None
    attending_type: str | None = None


class CostOption(Row, table=True):
    __tablename__ = "cost_option"

    id: str = Field(primary_key=True, max_length=128)
    service_id: str = Field(foreign_key="service.id", index=True, max_length=128, ondelete="CASCADE")
    option: str | None = None
    amount: float | None = None
    currency: str = Field(default="GBP", max_length=3)
    unit: str = Field(default=CostUnit.OTHER.value, max_length=16)
    amount_description: str | None = None


class Contact(Row, table=True):
    id: str = Field(primary_key=True, max_length=128)
    service_id: str = Field(foreign_key="service.id", index=True, max_length=128, ondelete="CASCADE")
    name: str | None = None
    title: str | None = None
    email: str | None = None


class Phone(Row, table=True):
    id: str = Field(primary_key=True, max_length=128)
    service_id: str = Field(foreign_key="service.id", index=True, max_length=128, ondelete="CASCADE")
    contact_id: str | None = Field(default=None, foreign_key="contact.id", max_length=128, ondelete="CASCADE")
    number: str


class Accessibility(Row, table=True):
    id: str = Field(primary_key=True, max_length=128)
    location_id: str = Field(foreign_key="location.id", index=True, max_length=128, ondelete="CASCADE")
    feature: str | None = Field(default=None, index=True, max_length=128)
    description: str | None = None
    details: str | None = None


class TaxonomyTerm(Row, table=True):
    __tablename__ = "taxonomy_term"

    id: str = Field(primary_key=True, max_length=128)
    name: str
    description: str = ""
    taxonomy: str = Field(default="", index=True)


class ServiceTerm(Row, table=True):
    """An ORUK attribute: a service linked to a taxonomy term."""

    __tablename__ = "service_term"
    # Covering: a candidate's terms (and "has this term?") without reading the table's rows.
    __table_args__ = (Index("ix_service_term_service_term", "service_id", "term_id"),)

    id: str = Field(primary_key=True, max_length=128)
    service_id: str = Field(foreign_key="service.id", index=True, max_length=128, ondelete="CASCADE")
    term_id: str = Field(foreign_key="taxonomy_term.id", index=True, max_length=128)
    link_type: str = ""
    # Read by Dayfinder from the listing's words or a council's audience tags, not given by the feed;
    # a curator confirms (False) or removes it.
    inferred: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
