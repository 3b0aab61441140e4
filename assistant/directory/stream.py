"""Read a directory file's service records a few at a time, so a file of any size is read in
flat memory.

The shapes are those :func:`assistant.directory.reader.records_of` accepts: a list of services,
an ORUK page whose ``contents`` (or ORUK 1.0 ``content``) list holds them, or one service. The
file is read in chunks and each record decoded on its own by the standard library's JSON scanner
(``raw_decode``), so only one chunk and one batch are ever held. :func:`open_feed` reads the file
once to check it is whole JSON of a known shape and to :class:`~assistant.directory.reader.Survey`
its records (count, keys, repeated ids); :meth:`Feed.batches` then reads them again, in order.
Anything wrong with the file as a whole raises :class:`DirectoryFileError` with the same problems
as :func:`~assistant.directory.reader.read_file`, before a record is read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NoReturn, TextIO

from assistant.directory.problems import DirectoryFileError
from assistant.directory.reader import Survey, file_problem

Json = dict[str, Any]
CHUNK = 1 << 20  # characters read at a time (a chunk grows while one value is larger)
LONGEST_VALUE = 64 << 20  # characters: a record (or a broken one) longer than this is refused
PAGE_KEYS = ("contents", "content")  # in the order records_of prefers them
Shape = Literal["list", "page", "one"]
_decoder = json.JSONDecoder()
_UNREAD = object()  # a member's value left for the caller to read


class _Text:
    """A window on a text file: the unread part is ``buf[pos:]``; ``start`` is where ``buf`` begins
    in the file, for error messages."""

    def __init__(self, handle: TextIO) -> None:
        self.handle, self.buf, self.pos, self.start, self.eof = handle, "", 0, 0, False

    def _more(self) -> None:
        """Read on: at least a chunk, or as much again as is held, so a huge value costs linear time."""
        try:
            chunk = self.handle.read(max(CHUNK, len(self.buf) - self.pos))
        except UnicodeDecodeError as exc:
            raise DirectoryFileError([file_problem("not_json", detail=str(exc))]) from exc
        self.start += self.pos
        self.buf, self.pos = self.buf[self.pos :] + chunk, 0
        self.eof = not chunk

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the file), not consumed."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\n\r":
                self.pos += 1
            if self.pos < len(self.buf) or self.eof:
                return self.buf[self.pos : self.pos + 1]
            self._more()

    def expect(self, char: str) -> None:
        if self.peek() != char:
            self.fail(f"Expecting '{char}'")
        self.pos += 1

    def value(self) -> Any:
        """Decode the next JSON value. A value that runs to the end of what is held may go on
        (a number, or one cut by the chunk), so it is decoded again with more text."""
        self.peek()
        while True:
            try:
                found, end = _decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self.eof or len(self.buf) - self.pos > LONGEST_VALUE:
                    self.fail(exc.msg, exc.pos)
                self._more()
                continue
            if end < len(self.buf) or self.eof:
                self.pos = end
                return found
            self._more()

    def fail(self, message: str, at: int | None = None) -> NoReturn:
        where = self.start + (self.pos if at is None else at)
        raise DirectoryFileError([file_problem("not_json", detail=f"{message} (character {where})")])


@dataclass(frozen=True, slots=True)
class Feed:
    """A directory file checked whole and surveyed; its records can be read any number of times."""

    path: Path
    shape: Shape
    key: str  # the page's key that lists the records ("" unless a page)
    survey: Survey
    single: Json | None = None  # the record itself, for a file of one service

    def records(self) -> Iterator[Json]:
        if self.single is not None:
            yield self.single
            return
        with _open(self.path) as handle:
            text = _Text(handle)
            if self.shape == "list":
                yield from _items(text)
            else:
                yield from _page_records(text, self.key)

    def batches(self, size: int) -> Iterator[list[tuple[int, Json]]]:
        """``(index, record)`` pairs, ``size`` at a time."""
        batch: list[tuple[int, Json]] = []
        for index, record in enumerate(self.records()):
            batch.append((index, record))
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch


def open_feed(path: Path) -> Feed:
    """Check ``path`` is whole JSON holding services, and survey them; raises
    :class:`DirectoryFileError` (not JSON, or not a shape that holds services) otherwise."""
    with _open(path) as handle:
        text = _Text(handle)
        first = text.peek()
        if first == "[":
            survey = _survey(_items(text))
            shape: Shape = "list" if survey is not None else "one"
            found: tuple[str, Survey | None, Json | None] = ("", survey, None)
        elif first == "{":
            found = _survey_page(text)
            shape = "page" if found[0] else "one"
        else:
            text.value()  # a scalar: fine JSON (or not), but no services either way
            found = ("", None, None)
            shape = "one"
        if text.peek():
            text.fail("Extra data")
    key, survey, single = found
    if shape == "one" and single is not None:
        survey = Survey.of([single])
    if survey is None:
        raise DirectoryFileError([file_problem("unknown_shape")])
    return Feed(path=path, shape=shape, key=key, survey=survey, single=single if shape == "one" else None)


def _open(path: Path) -> TextIO:
    try:
        return path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DirectoryFileError([file_problem("not_json", detail=str(exc))]) from exc


def _items(text: _Text) -> Iterator[Any]:
    """The values of the list that starts here, one at a time."""
    text.expect("[")
    if text.peek() == "]":
        text.pos += 1
        return
    while True:
        yield text.value()
        if text.peek() == ",":
            text.pos += 1
            continue
        text.expect("]")
        return


def _members(text: _Text, streamed: Callable[[str], bool]) -> Iterator[tuple[str, Any]]:
    """The members of the object that starts here; a member ``streamed`` says yes to is handed
    over with its value unread (the caller reads it), every other member with its value."""
    text.expect("{")
    if text.peek() == "}":
        text.pos += 1
        return
    while True:
        if text.peek() != '"':
            text.fail("Expecting property name enclosed in double quotes")
        key = text.value()
        text.expect(":")
        yield key, (_UNREAD if streamed(key) and text.peek() == "[" else text.value())
        if text.peek() == ",":
            text.pos += 1
            continue
        text.expect("}")
        return


def _survey(items: Iterator[Any]) -> Survey | None:
    """Survey a list of records; None when an item is not an object (so not a list of services)."""
    survey: Survey | None = Survey()
    for item in items:
        if survey is not None and isinstance(item, dict):
            survey.add(item)
        else:
            survey = None  # read on to the end all the same: the file must still be whole JSON
    return survey


def _survey_page(text: _Text) -> tuple[str, Survey | None, Json | None]:
    """``(page key, survey, None)`` for a page; ``("", None, the object)`` for anything else."""
    lists: dict[str, Survey | None] = {}
    others: Json = {}
    for key, value in _members(text, lambda key: key in PAGE_KEYS):
        if value is _UNREAD:
            lists[key] = _survey(_items(text))
        else:
            others[key] = value
    for key in PAGE_KEYS:
        if key in lists:  # records_of takes the first page key that holds a list, services or not
            return key, lists[key], None
    return "", None, others if "id" in others and "name" in others else None


def _page_records(text: _Text, key: str) -> Iterator[Json]:
    for _name, value in _members(text, lambda k: k == key):
        if value is _UNREAD:
            yield from _items(text)
