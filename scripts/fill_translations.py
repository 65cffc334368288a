"""Fill the unfinished entries of resources/i18n/*.ts from hand-written translations.

The translations are written by people, in ``scripts/translations/*.txt``: blocks of

    @<id>
    <Simplified Chinese>
    <Russian>

where ``<id>`` is :func:`message_id` of the entry's context and source text (``python
scripts/fill_translations.py --list`` prints the unfinished entries with their ids) and
``\\n`` stands for a line break. An entry is filled only when its placeholders ({name},
%1, HTML tags) match the source's; ``--overwrite`` also replaces finished entries that a
block words differently (after shortening a text that did not fit its widget). The .ts
files stay the source of truth (edit them in Qt Linguist as well). Afterwards run
``bash scripts/update_translations.sh``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "i18n"
DATA_DIR = Path(__file__).resolve().parent / "translations"
LANGUAGES = ("zh_CN", "ru")  # the order of the lines in a block
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|<[^<>]+>")


def message_id(context: str, source: str) -> str:
    return hashlib.sha1(f"{context}\x04{source}".encode()).hexdigest()[:8]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def read_data() -> dict[str, dict[str, str]]:
    """id -> {language: translation}."""
    table: dict[str, dict[str, str]] = {}
    for path in sorted(DATA_DIR.glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        i = 0
        while i < len(lines):
            head = lines[i].strip()
            if not head.startswith("@"):
                raise SystemExit(f"{path.name}: expected '@id', got {head!r}")
            texts = [text.replace("\\n", "\n") for text in lines[i + 1 : i + 1 + len(LANGUAGES)]]
            table[head[1:]] = dict(zip(LANGUAGES, texts, strict=True))
            i += 1 + len(LANGUAGES)
    return table


def entries(tree: ET.ElementTree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") == "unfinished" or not (translation.text or "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the unfinished entries with their ids")
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="also replace finished entries that the data files word differently",
    )
    args = parser.parse_args()
    data = read_data()
    problems = 0
    for language in LANGUAGES:
        path = TS_DIR / f"gradsim_{language}.ts"
        tree = ET.parse(path)
        filled = missing = 0
        for context, message in entries(tree):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            source = message.findtext("source") or ""
            key = message_id(context, source)
            text = data.get(key, {}).get(language)
            if not unfinished(message) and not (args.overwrite and text and text != translation.text):
                continue
            if text is None:
                missing += 1
                if args.list and language == LANGUAGES[0]:
                    print(f"@{key} [{context}] {source!r}")
                continue
            if placeholders(text) != placeholders(source):
                problems += 1
                print(f"{language} @{key}: placeholders differ: {source!r} -> {text!r}", file=sys.stderr)
                continue
            translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
        if not args.list:
            tree.write(path, encoding="utf-8", xml_declaration=True)
        print(f"{path.name}: {filled} filled, {missing} still unfinished", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
