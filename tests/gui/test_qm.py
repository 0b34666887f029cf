"""gui.qm: a .qm file reaches Qt only when it is perfectly well-formed and its translations keep
the source's placeholders.

Why, measured before gui/qm.py existed (PySide6 6.11; the shipped cnn_studio_ko.qm with one bit
flipped, given to QTranslator.load(data), then every message translated, in a subprocess; 5,600
variants tried): Qt died of SIGSEGV for about 44 % of the flips in the 4-byte lengths of source
texts (226/507), contexts (229/511) and comments (215/510) -- every flip in their top byte, since
Qt's match() first reads the last byte of the text the length claims -- for 21/513 flips in
translation lengths (their top bit always), 2/506 in hash-table offsets and 1/514 in record tags
(an End turned Obsolete1, which makes Qt read the next record's bytes as a length). Flips in hash
values, texts, section headers and the Language section never crashed it. ``crashers`` below
rebuilds such variants: check() must refuse each, and Qt must survive every variant it accepts.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from gui import qm
from gui.qm import Message, QmError

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "cnn_studio_ko.qm"

# Loads each .qm file of the job into Qt as the app will (QTranslator.load(data), the data kept
# alive while installed) and translates every query, with and without a number; prints, per
# file, its path, then whether Qt loaded it and what it returned for each query without a number.
# A crash ends the process: its exit code says so, and the last path printed names the file.
PROBE = """
import json, sys
from PySide6.QtCore import QCoreApplication, QTranslator
app = QCoreApplication([])
job = json.load(open(sys.argv[1], encoding="utf-8"))
queries = job["queries"]
for path in job["paths"]:
    print(path, flush=True)
    data = open(path, "rb").read()
    translator = QTranslator()
    loaded = translator.load(data)
    QCoreApplication.installTranslator(translator)
    texts = [QCoreApplication.translate(c, s, d or None) for c, s, d in queries]
    for c, s, d in queries:
        for n in (0, 1, 2, 5, 21):
            QCoreApplication.translate(c, s, d or None, n)
    QCoreApplication.removeTranslator(translator)
    print(json.dumps([loaded, texts]), flush=True)
    del translator, data
"""
UNKNOWN = [("MainWindow", "no such text", ""), ("NoSuchContext", "&File", ""), ("", "", ""),
           ("NoSuchContext", "Open", "menu")]


def run_qt(tmp_path, variants: list[bytes], messages) -> list:
    """What Qt returns for every message of ``messages`` (and a few unknown texts) with each
    variant loaded: one subprocess, so that a crash fails the test instead of killing pytest."""
    paths = []
    for number, data in enumerate(variants):
        paths.append(str(tmp_path / f"variant{number}.qm"))
        Path(paths[-1]).write_bytes(data)
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"queries": [m[:3] for m in messages] + UNKNOWN, "paths": paths}),
                   encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE, str(job)], capture_output=True,
                          text=True, timeout=300)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, (f"Qt died (exit code {done.returncode}) on "
                                  f"{lines[-1] if lines else 'start-up'}: {done.stderr[-2000:]}")
    return [json.loads(line) for line in lines[1::2]]


def qt_would_show(message: Message) -> str:
    """What QCoreApplication.translate returns for ``message`` without a number. A null form
    (an empty translation) makes Qt 6 give up on the whole message, so it shows the source."""
    if not message.translations or "" in message.translations:
        return message.source
    return message.translations[0]


# --------------------------------------------------------------------------- writing .qm files


def lrelease() -> str:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.skip("pyside6-lrelease not found")
    return tool


def compile_ts(tmp_path, messages, language="ko") -> bytes:
    """``messages`` written as a .ts file (the form of resources/i18n/*.ts) and compiled by
    lrelease: a message whose source has %n is plural."""
    contexts = {}
    for m in messages:
        contexts.setdefault(m.context, []).append(m)
    xml = [f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" '
           f'language="{language}" sourcelanguage="en">']
    for context, members in contexts.items():
        xml.append(f"<context>\n    <name>{escape(context)}</name>")
        for m in members:
            plural = "%n" in m.source
            numerus = ' numerus="yes"' if plural else ""
            xml.append(f"    <message{numerus}>\n        <source>{escape(m.source)}</source>")
            if m.comment:
                xml.append(f"        <comment>{escape(m.comment)}</comment>")
            forms = "".join(f"<numerusform>{escape(t)}</numerusform>" for t in m.translations)
            xml.append(f"        <translation>{forms if plural else escape(m.translations[0])}"
                       "</translation>\n    </message>")
        xml.append("</context>")
    ts, compiled = tmp_path / f"made_{language}.ts", tmp_path / f"made_{language}.qm"
    ts.write_text("\n".join(xml) + "\n</TS>\n", encoding="utf-8")
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(compiled)], check=True,
                   timeout=60)
    return compiled.read_bytes()


def field(tag: int, raw: bytes) -> bytes:
    return bytes([tag]) + struct.pack(">I", len(raw)) + raw


def record(context: bytes, source: bytes, comment: bytes = b"", translations=(b"",)) -> bytes:
    """A message as lrelease writes it: each form (b"" is a null form), comment, source, context,
    End."""
    forms = b"".join(field(3, t) if t else b"\x03\xff\xff\xff\xff" for t in translations)
    return forms + field(8, comment) + field(6, source) + field(7, context) + b"\x01"


def table(records: list[bytes]) -> list[tuple[int, int]]:
    """The Hashes entries for consecutive ``records``: (ELF hash of source + comment, offset)."""
    entries, offset = [], 0
    for raw in records:
        texts, pos = {}, 0
        while raw[pos] != 1:
            length = struct.unpack(">I", raw[pos + 1:pos + 5])[0] % 0xFFFFFFFF  # null form: 0
            texts[raw[pos]], pos = raw[pos + 5:pos + 5 + length], pos + 5 + length
        entries.append((qm.elf_hash(texts[6] + texts[8]), offset))
        offset += len(raw)
    return sorted(entries)


def build(records: list[bytes], entries=None, language=b"ko", more=b"") -> bytes:
    """A .qm file laid out as lrelease lays it out: Language, Hashes, Messages, then ``more``."""
    entries = table(records) if entries is None else entries
    hashes = b"".join(struct.pack(">II", h, o) for h, o in entries)
    return (qm.MAGIC + field(0xA7, language) + field(0x42, hashes)
            + field(0x69, b"".join(records)) + more)


def utf16(text: str) -> bytes:
    return text.encode("utf-16-be")


def sort(messages) -> list[Message]:
    """In lrelease's order: by the UTF-8 bytes of context, source text and comment."""
    return sorted(messages, key=lambda m: (m.context.encode(), m.source.encode(),
                                           m.comment.encode()))


def as_records(messages) -> list[bytes]:
    return [record(m.context.encode(), m.source.encode(), m.comment.encode(),
                   [utf16(t) for t in m.translations]) for m in sort(messages)]


GOOD = [  # every kind of text the app's files hold, and a disambiguated pair
    Message("Page", "Open", "", ("Открыть",)),
    Message("Page", "Open", "menu", ("Открыть…",)),
    Message("Page", "Accuracy {answer:.4f} after {epochs} epochs", "",
            ("Точность {answer:.4f} после {epochs} эпох",)),
    Message("Page", "%n image(s)", "", ("%n изображение", "%n изображения", "%n изображений")),
    Message("Page", "Not translated yet", "", ("",)),
    Message("Other", "Braces {{like this}} around {name}", "", ("Скобки {{вот}} вокруг {name}",)),
    Message("Other", "Sets end with }", "", ("Множества кончаются на }",)),
    Message("Größe", "Size: {size} × {size}", "", ("Размер 😀: {size} × {size}",)),
]
RU_RULES = bytes.fromhex("1101fd290bff140204fd2c0a13")  # Russian plural rules, as lrelease has


@pytest.fixture(scope="module")
def shipped() -> bytes:
    return SHIPPED.read_bytes()


@pytest.fixture(scope="module")
def shipped_messages(shipped) -> list[Message]:
    return qm.read(shipped, SHIPPED.name)


# --------------------------------------------------------------------------- the shipped file


def test_the_shipped_file_reads_whole_and_keeps_every_placeholder(shipped_messages):
    assert len(shipped_messages) > 900  # 960 when this was written
    assert qm.problems(shipped_messages, limit=1000) == []
    found = {m[:3]: m.translations for m in shipped_messages}
    assert found["MainWindow", "&File", ""] == ("파일(&F)",)
    assert found["MainWindow", "&Help", ""] == ("도움말(&H)",)
    assert found["ActivationsPage", "Show derivatives", ""] == ("도함수 보기",)
    assert qm.check(SHIPPED) == SHIPPED.read_bytes()


def test_reading_the_shipped_file_is_quick(shipped):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        qm.read(shipped)
        times.append(time.perf_counter() - start)
    assert min(times) < 0.1, f"{min(times) * 1000:.0f} ms"


def test_qt_translates_the_shipped_file_as_read_says(tmp_path, shipped, shipped_messages):
    [(loaded, texts)] = run_qt(tmp_path, [shipped], shipped_messages)
    assert loaded
    assert texts == [qt_would_show(m) for m in shipped_messages] + [u[1] for u in UNKNOWN]


# --------------------------------------------------------------------------- files lrelease made


def test_lrelease_files_read_back_as_written_and_as_qt_reads_them(tmp_path):
    made = compile_ts(tmp_path, GOOD, language="ru")
    assert qm.read(made) == sort(GOOD)
    assert made == build(as_records(GOOD), language=b"ru", more=field(0x88, RU_RULES))
    [(loaded, texts)] = run_qt(tmp_path, [made], GOOD)
    assert loaded and texts == [qt_would_show(m) for m in GOOD] + [u[1] for u in UNKNOWN]


BROKEN = [  # each translation breaks the app's .format() or its plural
    Message("Page", "Hello {name}", "", ("안녕하세요",)),
    Message("Page", "Saved {count} files", "", ("{count}개 파일 {other}",)),
    Message("Page", "Done", "", ("완료 }",)),
    Message("Page", "%n step(s)", "", ("단계",)),
]


@pytest.mark.parametrize("broken", BROKEN, ids=["drops", "adds", "single brace", "drops %n"])
def test_a_translation_that_loses_a_placeholder_is_named_and_refused(tmp_path, broken):
    made = compile_ts(tmp_path, [*GOOD[:3], broken, GOOD[6]])
    found = qm.problems(qm.read(made))
    assert len(found) == 1 and found[0].startswith(f'Page: "{broken.source}"'), found
    path = tmp_path / "broken.qm"
    path.write_bytes(made)
    with pytest.raises(QmError, match="broken.qm: translations that lose") as refused:
        qm.check(path)
    assert found[0] in str(refused.value)


def test_problems_says_what_is_wrong_and_stops_at_the_limit():
    assert qm.problems(BROKEN, limit=10) == [
        'Page: "Hello {name}": the translation drops {name}',
        'Page: "Saved {count} files": the translation adds {other}',
        "Page: \"Done\": the translation cannot be formatted (Single '}' encountered in format "
        "string)",
        'Page: "%n step(s)": the translation drops %n']
    assert len(qm.problems(BROKEN, limit=2)) == 2
    assert qm.problems(GOOD) == []
    positional = Message("C", "{} of {}", "", ("{}",))
    assert qm.problems([positional]) == ['C: "{} of {}": the translation drops {1}']


# --------------------------------------------------------------------------- every rule


def _two() -> list[bytes]:
    return as_records(GOOD[:2])


def unhashed(record: bytes) -> bytes:
    """A file of one faulty ``record`` (read before the hash table, which is left wrong)."""
    return build([record], entries=[(1, 0)])


CRAFTED = {  # what is wrong -> (the file, what the error must say)
    "nothing": (b"", "empty"),
    "only the magic": (qm.MAGIC, "empty"),
    "half the magic": (qm.MAGIC[:7], "truncated magic"),
    "wrong magic": (b"\0" * 16 + build(_two())[16:], "not a .qm file"),
    "unknown section": (build(_two(), more=field(0x50, b"x")), "unknown section (tag 0x50)"),
    "second section": (build(_two(), more=field(0x69, _two()[0])), "a second Messages"),
    "empty section": (build(_two(), more=b"\x88\0\0\0\0"), "an empty NumerusRules"),
    "bytes after the sections": (build(_two(), more=b"\0\0"), "truncated: 2 bytes after"),
    "dependencies": (build(_two(), more=field(0x96, b"\0\0\0\2\0x")), "Dependencies"),
    "contexts table": (build(_two(), more=field(0x2F, b"\0\1\0\0")), "Contexts"),
    "only a language": (qm.MAGIC + field(0xA7, b"ko"), "empty: no Messages"),
    "no hashes": (qm.MAGIC + field(0x69, _two()[0]), "empty: no Hashes"),
    "section of 4 GB": (qm.MAGIC + b"\x69\xff\xff\xff\xff" + _two()[0],
                        "truncated: the Messages section says 4,294,967,295 bytes"),
    "text of 2 GB": (unhashed(_two()[0][:-9] + b"\x7f\xff\xff\xff" + _two()[0][-5:]),
                     "truncated: a context in the message at byte 0 of the Messages section says "
                     "2,147,483,647 bytes, 5 remain"),
    "unknown tag": (unhashed(b"\x02" + _two()[0]), "unknown tag 2"),
    "no End": (unhashed(_two()[0][:-1]), "has no End tag"),
    "odd UTF-16": (build([record(b"C", b"S", b"", [b"\0a\0"])]), "not valid UTF-16"),
    "lone surrogate": (build([record(b"C", b"S", b"", [b"\xd8\0\0a"])]), "not valid UTF-16"),
    "bad UTF-8": (build([record(b"C", b"S\xff")]), "the source text of the message at byte 0 "
                                                   "of the Messages section is not valid UTF-8"),
    "NUL in a text": (build([record(b"C", b"S\0T")]), "NUL"),
    "bad language": (build(_two(), language=b"k\xff"), "Language section is not valid UTF-8"),
    "two sources": (unhashed(field(6, b"S") + record(b"C", b"S")), "a second source"),
    "no context": (build([record(b"C", b"S")[:-7] + b"\x01"]), "no source text or no context"),
    "the same message twice": (build([record(b"C", b"S")] * 2), "twice"),
    "offset inside a message": (build(_two(), entries=[(h, o + 1) for h, o in table(_two())]),
                                "does not start a message"),
    "wrong hash": (build(_two(), entries=[(h ^ 1, o) for h, o in table(_two())]),
                   "does not match Page"),
    "hashes out of order": (build(_two(), entries=table(_two())[::-1]), "out of order"),
    "message out of the table": (build(_two(), entries=table(_two())[:1]),
                                 "1 of the 2 messages are not in the hash table"),
    "half an entry": (qm.MAGIC + field(0x42, b"".join(struct.pack(">II", *e) for e in table(_two()))
                                       + b"\0\0\0\0") + field(0x69, b"".join(_two())),
                      "the Hashes section's 20 bytes are not (hash, offset) pairs"),
    "plural rule without operand": (build(_two(), more=field(0x88, b"\x01")), "bad rule"),
    "unknown plural operator": (build(_two(), more=field(0x88, b"\x05\x01")), "bad rule"),
    "bad plural connective": (build(_two(), more=field(0x88, b"\x01\x01\x00\x01\x01")),
                              "bad connective"),
    "plural rules ending in OR": (build(_two(), more=field(0x88, b"\x01\x01\xfe")),
                                  "ends in a connective"),
    "plural forms without rules": (build(as_records(GOOD[3:4])), "has 3 translations, but the "
                                                                 "plural rules have 1 form"),
    "a rule too few": (build(as_records(GOOD[3:4]), more=field(0x88, RU_RULES.replace(
        b"\xff", b"\xfe"))), "has 3 translations, but the plural rules have 2 forms"),
    "no translation": (build([record(b"C", b"S", b"", [])]), "has 0 translations"),
}


def test_every_rule_refuses_its_fault_in_plain_words():
    wrong = []  # one test for all the cases: each test costs this folder's fixtures 0.1 s
    for case, (data, says) in CRAFTED.items():
        try:
            qm.read(data, "made.qm")
            wrong.append(f"{case}: accepted")
        except QmError as error:
            if not str(error).startswith("made.qm: ") or says not in str(error):
                wrong.append(f"{case}: {error}")
    assert wrong == []


def test_the_crafted_files_are_right_but_for_their_one_fault():
    records = _two()
    assert qm.read(build(records)) == sort(GOOD[:2])
    assert qm.read(build(records, more=field(0x88, RU_RULES)), "x") == sort(GOOD[:2])
    assert qm.read(bytearray(build(records))) == qm.read(memoryview(build(records)))


def test_anything_but_bytes_is_refused():
    for junk in (None, "text", 12, [1, 2], object(), 3.5):
        with pytest.raises(QmError, match="not bytes"):
            qm.read(junk)


# --------------------------------------------------------------------------- damage


def differs_in_one_text(original: list[Message], damaged: list[Message]) -> bool:
    """``damaged`` is ``original`` with at most one text changed."""
    if len(original) != len(damaged):
        return False
    changed = [(a, b) for a, b in zip(original, damaged) if a != b]
    if len(changed) != 1:
        return not changed
    [(a, b)] = changed
    texts, damaged_texts = (*a[:3], *a.translations), (*b[:3], *b.translations)
    return (len(texts) == len(damaged_texts)
            and sum(x != y for x, y in zip(texts, damaged_texts)) == 1)


def survivors(data: bytes, messages: list[Message], bits) -> list[bytes]:
    """The variants of ``data`` with one of ``bits`` flipped that pass read() and problems(),
    as check() decides; read() must refuse each other one with QmError, or return ``messages``
    with at most one text changed."""
    passed = []
    for bit in bits:
        damaged = flipped(data, bit)
        try:
            found = qm.read(damaged)
        except QmError:
            continue
        assert differs_in_one_text(messages, found), f"bit {bit % 8} of byte {bit // 8:,}"
        if not qm.problems(found):
            passed.append(damaged)
    return passed


def accepted(tmp_path, data: bytes) -> bool:
    """Whether check() lets ``data`` through to Qt; any error but QmError fails the test."""
    path = tmp_path / "damaged.qm"
    path.write_bytes(data)
    try:
        return qm.check(path) == data
    except QmError:
        return False


def flipped(data: bytes, bit: int) -> bytes:
    damaged = bytearray(data)
    damaged[bit // 8] ^= 1 << bit % 8
    return bytes(damaged)


def crashers(data: bytes, messages: list[Message]) -> dict[str, bytes]:
    """Variants of ``data`` that crashed Qt (see the module's docstring): the top bit of the
    length of a translation, comment, source text and context, for three messages."""
    variants = {}
    for m in (messages[0], messages[len(messages) // 2], messages[-1]):
        tail = record(m.context.encode(), m.source.encode(), m.comment.encode(), [])
        at = data.index(tail)
        lengths = {"translation": at - len(utf16(m.translations[-1])) - 4, "comment": at + 1,
                   "source": at + 6 + len(m.comment.encode())}
        lengths["context"] = lengths["source"] + 5 + len(m.source.encode())
        for what, pos in lengths.items():
            variants[f"{what} of {m.source[:20]!r}"] = flipped(data, pos * 8 + 7)
    return variants


def test_every_truncation_is_refused(shipped):
    small = build(as_records(GOOD), more=field(0x88, RU_RULES))
    for data in (shipped, small):
        lengths = [*range(65), *range(65, len(data), max(1, len(data) // 300))]
        for length in lengths:
            with pytest.raises(QmError):
                qm.read(data[:length], "cut.qm")
    at = 16
    while shipped[at] != 0x69:  # the Messages section's header
        at += 5 + int.from_bytes(shipped[at + 1:at + 5], "big")
    says = int.from_bytes(shipped[at + 1:at + 5], "big")
    with pytest.raises(QmError, match=f"^cut.qm: truncated: the Messages section says {says:,} "
                                      "bytes, 12 remain$"):
        qm.read(shipped[:at + 5 + 12], "cut.qm")


def test_every_bit_flip_of_a_small_file_is_refused_or_harmless_to_qt(tmp_path):
    data = compile_ts(tmp_path, GOOD, language="ru")
    passed = survivors(data, sort(GOOD), range(len(data) * 8))
    assert len(passed) > 1000  # the bits of the texts, mostly
    assert all(accepted(tmp_path, damaged) for damaged in random.Random(1).sample(passed, 20))
    assert all(loaded for loaded, _ in run_qt(tmp_path, passed, sort(GOOD)))


def test_random_bit_flips_of_the_shipped_file_are_refused_or_harmless_to_qt(
        tmp_path, shipped, shipped_messages):
    bits = random.Random(2024).sample(range(len(shipped) * 8), 300)
    passed = survivors(shipped, shipped_messages, bits)
    assert len(passed) > 80
    assert all(accepted(tmp_path, damaged) for damaged in passed[:10])
    assert all(loaded for loaded, _ in run_qt(tmp_path, passed, shipped_messages))


def test_random_junk_gives_messages_or_qmerror_and_nothing_else():
    rng = random.Random(7)
    small = build(as_records(GOOD), more=field(0x88, RU_RULES))
    for _ in range(3000):  # bytes replaced, cut out or put in
        data = bytearray(small)
        for _ in range(rng.randint(1, 4)):
            at, size = rng.randrange(len(data)), rng.randint(1, 8)
            data[at:at + rng.choice((0, 1, size))] = rng.randbytes(rng.choice((0, 1, size)))
        try:
            qm.read(bytes(data))
        except QmError:
            pass
    for _ in range(1000):  # sections of junk
        data = qm.MAGIC + b"".join(bytes([rng.choice(list(qm.SECTIONS))]) + struct.pack(
            ">I", rng.randint(0, 40)) + rng.randbytes(rng.randint(0, 40)) for _ in range(3))
        with pytest.raises(QmError):
            qm.read(data)


def test_the_variants_that_crashed_qt_are_refused(tmp_path, shipped, shipped_messages):
    variants = crashers(shipped, shipped_messages)
    assert len(variants) == 12
    for what, data in variants.items():
        with pytest.raises(QmError, match="truncated"):
            qm.read(data)
        assert not accepted(tmp_path, data), what


def test_the_qt_probe_sees_those_crashes(tmp_path, shipped, shipped_messages):
    """The subprocess tests can fail: unchecked, these variants still crash this Qt."""
    variants = list(crashers(shipped, shipped_messages).items())[:4]  # one message, each length
    survived = []
    for what, data in variants:
        try:
            run_qt(tmp_path, [data], shipped_messages)
            survived.append(what)
        except AssertionError as error:
            assert "Qt died" in str(error)
    if len(survived) == len(variants):
        pytest.skip("this Qt survives the damaged lengths that crashed PySide6 6.11")
    assert not survived, f"Qt survived some crashers but not all: {survived}"


# --------------------------------------------------------------------------- files that are not


def test_check_refuses_what_is_not_a_small_regular_file(tmp_path):
    with pytest.raises((QmError, OSError)):  # QmError where a folder can be opened, as on Linux
        qm.check(tmp_path)
    empty = tmp_path / "empty.qm"
    empty.write_bytes(b"")
    with pytest.raises(QmError, match="^empty.qm: empty$"):
        qm.check(empty)
    huge = tmp_path / "huge.qm"
    with open(huge, "wb") as f:
        f.truncate(qm.MAX_BYTES + 1)
    with pytest.raises(QmError, match="larger than 16 MB"):
        qm.check(huge)
    with pytest.raises(FileNotFoundError):
        qm.check(tmp_path / "missing.qm")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_check_refuses_a_fifo_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "fifo.qm"
    os.mkfifo(fifo)
    outcome = []

    def attempt():
        try:
            qm.check(fifo)
        except (QmError, OSError) as error:
            outcome.append(error)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # release it before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert not worker.is_alive() and outcome and "not a regular file" in str(outcome[0])
