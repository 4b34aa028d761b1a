"""Checks that the demo text is our own: no sentence of the seed page is copied into it.

The repository keeps only a hash of each seed sentence (tests/seed_fingerprints.txt), never
the seed text. To regenerate the hashes from the seed:

    python -m policyshare.demo.originality SEED_FILE > policyshare/demo/tests/seed_fingerprints.txt
"""

import hashlib
import html
import re
import sys
from pathlib import Path

MIN_SENTENCE_WORDS = 8


def words(text: str) -> list[str]:
    """Lower-case words of a text with markup and punctuation removed (Hangul included)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.findall(r"\w+", text.lower())


def sentences(text: str) -> list[str]:
    """The sentences of at least eight words."""
    pieces = re.split(r"(?<=[.!?。])\s+|\n+", text)
    return [p.strip(" •") for p in pieces if len(p.split()) >= MIN_SENTENCE_WORDS]


def fingerprint(sentence_words: list[str]) -> str:
    digest = hashlib.sha256(" ".join(sentence_words).encode()).hexdigest()
    return f"{len(sentence_words)}:{digest}"


def fingerprints_of(text: str) -> set[str]:
    return {fingerprint(words(sentence)) for sentence in sentences(text)}


def copied_sentences(fingerprints: set[str], texts: list[str]) -> list[str]:
    """The runs of words in `texts` that are one of the fingerprinted sentences."""
    lengths = {int(item.split(":", 1)[0]) for item in fingerprints}
    copied = []
    for text in texts:
        text_words = words(text)
        for length in lengths:
            for start in range(len(text_words) - length + 1):
                run = text_words[start : start + length]
                if fingerprint(run) in fingerprints:
                    copied.append(" ".join(run))
    return copied


if __name__ == "__main__":
    seed = Path(sys.argv[1]).read_text(encoding="utf-8")
    sys.stdout.write("\n".join(sorted(fingerprints_of(seed))) + "\n")
