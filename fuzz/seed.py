#!/usr/bin/env python3
"""Seeds each fuzz target's corpus (fuzz/corpus/<target>/, not committed) from real inputs:
claim expressions from the docs, claim files and tests; claim and lexicon files; the articles of
the bundled corpus and the fixtures; the sentences of the value recognisers' tests.

Run from anywhere: python3 fuzz/seed.py
"""

import ast
import hashlib
import re
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    if not data:
        return
    out = FUZZ / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)


def rust_strings(text):
    """The plain "..." literals of a Rust file, unescaped well enough for seeds."""
    for m in re.finditer(r'(?<![\w#])"((?:[^"\\\n]|\\.)*)"', text):
        raw = m.group(1)
        raw = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda u: chr(int(u.group(1), 16)), raw)
        try:
            yield ast.literal_eval('"' + raw.replace('"', '\\"') + '"')
        except (ValueError, SyntaxError):
            yield raw


def yaml_files():
    return sorted(ROOT.glob("claims/**/*.yaml")) + sorted(ROOT.glob("tests/fixtures/*/claims/**/*.yaml"))


def articles():
    return sorted(ROOT.glob("corpus/*/*.txt")) + sorted(ROOT.glob("tests/fixtures/*/corpus/*/*.txt"))


def main():
    # expr: the claims of docs/claim-language.md (code blocks and table cells), of every claim
    # file, and the parser's test inputs.
    doc = (ROOT / "docs/claim-language.md").read_text()
    for block in re.findall(r"```\n(.*?)```", doc, re.S):
        for line in block.splitlines():
            if line.strip() and not line.startswith(" "):
                put("expr", line)
    for cell in re.findall(r"^\| `([^`]+)` \|", doc, re.M):
        put("expr", cell)
    for path in yaml_files():
        for m in re.finditer(r"^\s*(?:- (?:claim: )?|claim: )(.+)$", path.read_text(), re.M):
            put("expr", m.group(1).strip().strip('"'))
    for name in ["src/lang/tests.rs", "src/lang/print.rs", "src/lang/parser.rs"]:
        for s in rust_strings((ROOT / name).read_text()):
            if any(r in s for r in "=~<>≈≤≥≠"):
                put("expr", s)

    # claim_file: every claim and lexicon file.
    for path in yaml_files():
        put("claim_file", path.read_bytes())

    # front_matter: the opening of every article (front matter and a few lines of text).
    for path in articles():
        put("front_matter", path.read_bytes()[:1024])

    # values: the sentences of the recognisers' tests and of the bundled articles.
    for name in ["src/extract/values/tests.rs", "src/extract/values/prop_tests.rs"]:
        for s in rust_strings((ROOT / name).read_text()):
            if len(s) > 1:
                put("values", s)
    for path in articles()[:5]:
        for sentence in re.split(r"(?<=[.!?])\s+", path.read_text()):
            if re.search(r"\d|hundred|thousand|year|month|per cent", sentence):
                put("values", sentence.strip())

    # pipeline: whole articles.
    for path in articles():
        put("pipeline", path.read_bytes())


if __name__ == "__main__":
    main()
