"""Checking Qt's compiled translations (``.qm``) before Qt ever sees them.

QTranslator follows a ``.qm`` file's lengths and offsets unchecked: one flipped bit can make
``QCoreApplication.translate`` read outside the file and crash the app (PySide6 6.11: four times
in ten for a damaged length of a source, context or comment text, now and then for a translation
length or a hash-table offset). A translation whose ``{placeholders}`` differ from its source's
makes ``.format()`` raise. So the app reads the file here first, the way Qt reads it (qtbase's
qtranslator.cpp; qttools' linguist/shared/qm.cpp writes it), and gives Qt only flawless bytes.

Layout: a 16-byte magic, then sections (a tag byte, a 4-byte big-endian length, the bytes).
Messages holds one record per message, tagged fields ending in an End tag: each plural form's
translation (4-byte length, UTF-16BE), the comment, source text and context (4-byte length,
UTF-8). Hashes holds (hash, offset of the record) pairs in ascending order, for Qt's binary
search; the hash is the ELF hash of source text + comment.
"""

from __future__ import annotations

import os
import stat
import string
import struct
from typing import NamedTuple

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
CONTEXTS, HASHES, MESSAGES, NUMERUS_RULES, DEPENDENCIES, LANGUAGE = (
    0x2F, 0x42, 0x69, 0x88, 0x96, 0xA7)
SECTIONS = {CONTEXTS: "Contexts", HASHES: "Hashes", MESSAGES: "Messages",
            NUMERUS_RULES: "NumerusRules", DEPENDENCIES: "Dependencies", LANGUAGE: "Language"}
END, TRANSLATION, OBSOLETE1, SOURCE_TEXT, CONTEXT, COMMENT = 1, 3, 5, 6, 7, 8
FIELDS = {TRANSLATION: "translation", SOURCE_TEXT: "source text", CONTEXT: "context",
          COMMENT: "comment", OBSOLETE1: "number"}
NULL = 0xFFFFFFFF  # the length lrelease writes for an empty translation
MAX_BYTES = 16 * 2**20


class QmError(ValueError):
    """A ``.qm`` file this app will not give to Qt; the message names the file and the reason."""


class Message(NamedTuple):
    context: str
    source: str
    comment: str  # the disambiguation; "" for none
    translations: tuple[str, ...]  # one per plural form; "" where untranslated


def read(data: bytes, name: str = "") -> list[Message]:
    """Every message of the ``.qm`` file ``data`` (named ``name`` in errors), in file order.
    Any input at all gives either messages Qt reads safely or QmError, never another error."""
    try:
        return _read(data)
    except QmError as error:
        raise QmError(f"{name}: {error}" if name else str(error)) from None


def _read(data) -> list[Message]:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise QmError(f"not bytes but {type(data).__name__}")
    data = bytes(data)
    if data in (b"", MAGIC):
        raise QmError("empty")
    if not data.startswith(MAGIC):
        raise QmError("truncated magic" if MAGIC.startswith(data) else "not a .qm file (magic)")
    sections = _sections(data)
    if DEPENDENCIES in sections:
        raise QmError("a Dependencies section would make Qt load other, unchecked files")
    if CONTEXTS in sections:  # lrelease leaves its last chain unterminated: Qt may read past it
        raise QmError("a Contexts section (from lrelease -compress), which Qt can read past")
    for tag in (MESSAGES, HASHES):
        if tag not in sections:
            raise QmError(f"empty: no {SECTIONS[tag]} section")
    _decode(sections.get(LANGUAGE, b""), "utf-8", "the Language section")
    forms = _plural_forms(sections[NUMERUS_RULES]) if NUMERUS_RULES in sections else 1
    records = _records(sections[MESSAGES])
    _check_hashes(sections[HASHES], records)
    for message in records.values():  # lrelease writes 1 translation, or 1 per plural form
        if len(message.translations) not in (1, forms):
            raise QmError(f"{_name(message)} has {len(message.translations)} translations, but "
                          f"the plural rules have {forms} form{'s' * (forms > 1)}")
    return list(records.values())


def _sections(data: bytes) -> dict[int, bytes]:
    """The sections by tag, which must fill the file exactly (Qt stops at a zero length)."""
    sections, pos = {}, len(MAGIC)
    while pos < len(data):
        if len(data) - pos < 5:
            raise QmError(f"truncated: {len(data) - pos} bytes after the last section")
        tag, length, pos = data[pos], int.from_bytes(data[pos + 1:pos + 5], "big"), pos + 5
        if tag not in SECTIONS:
            raise QmError(f"an unknown section (tag 0x{tag:02x}) at byte {pos - 5:,}")
        if tag in sections or length == 0:
            raise QmError(f"{'an empty' if length == 0 else 'a second'} {SECTIONS[tag]} section")
        if length > len(data) - pos:
            raise QmError(f"truncated: the {SECTIONS[tag]} section says {length:,} bytes, "
                          f"{len(data) - pos:,} remain")
        sections[tag], pos = data[pos:pos + length], pos + length
    return sections


def _records(block: bytes) -> dict[int, Message]:
    """The records of the Messages section by offset, walked end to end: every byte belongs to
    exactly one record, every length stays inside the section."""
    records, seen, pos = {}, set(), 0
    while pos < len(block):
        start, texts, translations = pos, {}, []
        where = f"the message at byte {start:,} of the Messages section"
        while True:
            if pos >= len(block):
                raise QmError(f"truncated: {where} has no End tag")
            tag, pos = block[pos], pos + 1
            if tag == END:
                break
            if tag not in FIELDS:
                raise QmError(f"unknown tag {tag} in {where}")
            if len(block) - pos < 4:
                raise QmError(f"truncated: {where} ends inside a length")
            length, pos = int.from_bytes(block[pos:pos + 4], "big"), pos + 4
            if tag == OBSOLETE1:
                continue  # a bare number that Qt skips
            if tag == TRANSLATION and length == NULL:
                translations.append("")
                continue
            if length > len(block) - pos:
                raise QmError(f"truncated: a {FIELDS[tag]} in {where} says {length:,} bytes, "
                              f"{len(block) - pos:,} remain")
            raw, pos = block[pos:pos + length], pos + length
            if tag == TRANSLATION:
                translations.append(_decode(raw, "utf-16-be", f"a translation in {where}"))
            elif tag in texts or b"\0" in raw:  # Qt's lookup stops at a NUL: never found
                raise QmError(f"a second {FIELDS[tag]} or a NUL byte in {where}")
            else:
                texts[tag] = _decode(raw, "utf-8", f"the {FIELDS[tag]} of {where}")
        if SOURCE_TEXT not in texts or CONTEXT not in texts:  # lrelease -compress leaves them out
            raise QmError(f"{where} has no source text or no context")
        message = Message(texts[CONTEXT], texts[SOURCE_TEXT], texts.get(COMMENT, ""),
                          tuple(translations))
        if message[:3] in seen:
            raise QmError(f"{_name(message)} is there twice")
        seen.add(message[:3])
        records[start] = message
    return records


def _decode(raw: bytes, codec: str, what: str) -> str:
    """``raw`` decoded strictly: UTF-16 of an odd length or with a lone surrogate is refused."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        raise QmError(f"{what} is not valid {codec.upper()} ({error.reason})") from None


def elf_hash(text: bytes) -> int:
    """Qt's elfHash: where lrelease puts a message in the hash table and Qt looks for it."""
    h = 0
    for byte in text:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        high = h & 0xF0000000
        h = (h ^ (high >> 24)) & ~high
    return h or 1


def _check_hashes(table: bytes, records: dict[int, Message]) -> None:
    """Qt finds a message only by binary search over this table, then trusts the offset: each
    entry must point at the start of a record with that hash, in ascending order, and each
    record must have exactly one entry."""
    if len(table) % 8:
        raise QmError(f"the Hashes section's {len(table):,} bytes are not (hash, offset) pairs")
    previous = (-1, -1)
    for index, (hash_, offset) in enumerate(struct.iter_unpack(">II", table)):
        message = records.get(offset)
        if message is None:
            raise QmError(f"hash entry {index:,} points to byte {offset:,} of the Messages "
                          "section, which does not start a message")
        if hash_ != elf_hash((message.source + message.comment).encode()):
            raise QmError(f"hash entry {index:,} does not match {_name(message)}")
        if (hash_, offset) <= previous:
            raise QmError(f"hash entry {index:,} is out of order: Qt's binary search would miss it")
        previous = (hash_, offset)
    if len(table) // 8 != len(records):
        raise QmError(f"{len(records) - len(table) // 8:,} of the {len(records):,} messages are "
                      "not in the hash table: Qt could never find them")


def _plural_forms(rules: bytes) -> int:
    """How many plural forms the rules choose from, once they pass Qt's own test
    (isValidNumerusRules; failing it, Qt drops the file without a word): conditions (an opcode
    and 1 or 2 operands) joined by AND, OR or NEWRULE; each NEWRULE starts the next form's."""
    pos, forms = 0, 2
    while pos < len(rules):
        opcode = rules[pos]
        end = pos + (3 if opcode & 0x07 == 4 else 2)  # 4 is BETWEEN, with two operands
        if opcode & 0x80 or not 1 <= opcode & 0x07 <= 4 or end > len(rules):
            raise QmError(f"the NumerusRules section has a bad rule at byte {pos}")
        if end < len(rules) and rules[end] not in (0xFD, 0xFE, 0xFF):  # AND, OR, NEWRULE
            raise QmError(f"the NumerusRules section has a bad connective at byte {end}")
        if end < len(rules) and rules[end] == 0xFF:
            forms += 1
        pos = end + 1
    if pos == len(rules):
        raise QmError("the NumerusRules section ends in a connective")
    return forms


def _name(message: Message) -> str:
    """A message in a few words: its context and the start of its source text."""
    source = " ".join(message.source.split())
    return f'{message.context}: "{source[:40]}{"…" if len(source) > 40 else ""}"'


def _fields(text: str) -> set[str]:
    """The fields ``text.format`` fills, ``{}`` numbered as it numbers them; ValueError where
    .format would fail to parse ``text``."""
    names = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    if "" in names and any(name[:1].isdigit() for name in names):
        raise ValueError("cannot switch between automatic and manual field numbering")
    autos = iter(range(len(names)))
    return {name or str(next(autos)) for name in names}


def _wrong(message: Message) -> str:
    """What is wrong with the translations of ``message`` (the first fault found), or ""."""
    try:
        source_fields = _fields(message.source)
    except ValueError:
        source_fields = None  # literal braces: this text is never formatted
    for text in filter(None, message.translations):  # "" is untranslated: Qt shows the source
        if ("%n" in message.source) != ("%n" in text):
            return f"the translation {'drops' if '%n' in message.source else 'adds'} %n"
        if source_fields is None:
            continue
        try:
            fields = _fields(text)
        except ValueError as error:
            return f"the translation cannot be formatted ({error})"
        for what, names in (("drops", source_fields - fields), ("adds", fields - source_fields)):
            if names:
                return f"the translation {what} " + ", ".join(f"{{{n}}}" for n in sorted(names))
    return ""


def problems(messages, limit: int = 5) -> list[str]:
    """One line for each of the first ``limit`` messages whose translation does not keep the
    source's placeholders, so that the app's ``.format()`` would raise or drop a value."""
    found = []
    for message in messages:
        if len(found) < limit and (wrong := _wrong(message)):
            found.append(f"{_name(message)}: {wrong}")
    return found


def check(path) -> bytes:
    """The bytes of the ``.qm`` file at ``path`` once they passed ``read`` and ``problems``:
    the caller gives Qt exactly these. QmError for a bad file or one that is not a regular file
    of at most 16 MB, OSError for one that cannot be opened."""
    name = os.path.basename(os.fsdecode(path))
    # O_NONBLOCK: opening a FIFO must not wait for a writer (fstat then refuses it)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise QmError(f"{name}: not a regular file")
        with open(descriptor, "rb", closefd=False) as file:
            data = file.read(MAX_BYTES + 1)
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise QmError(f"{name}: larger than {MAX_BYTES // 2**20} MB")
    if wrong := problems(read(data, name)):
        raise QmError(f"{name}: translations that lose the source's placeholders:\n  "
                      + "\n  ".join(wrong))
    return data
