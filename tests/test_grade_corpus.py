"""``convgrad grade`` on the corpus of realistic submissions (tests/submissions/corpus/): every
correct file passes, every buggy file fails with at least one of its bugs named and the line that
holds it quoted. The corpus checks itself against PyTorch in tests/test_corpus.py; here it is the
grader that is held to it."""

import re
from pathlib import Path

import pytest

from convgrad.grading import format_text, grade_file

CORPUS = Path(__file__).parent / "submissions" / "corpus"
MORE = Path(__file__).parent / "submissions" / "more"  # found by trying the grader on new code
FILES = sorted((p.parent.name, p) for p in [*CORPUS.glob("*/*.py"), *MORE.glob("*/*.py")])


def _header(path: Path) -> tuple[str, list[str], list[int]]:
    head = [line for line in path.read_text().splitlines()[:12] if line.startswith("# ")]
    expect = next(line.split(":", 1)[1].strip() for line in head if line.startswith("# expect"))
    bugs = [line.split(":", 1)[1].strip() for line in head if line.startswith("# bug")]
    lines = [int(line.split(":", 1)[1]) for line in head if line.startswith("# line")]
    return expect, bugs, lines


def test_the_corpus_is_there():
    assert len(FILES) >= 75


@pytest.mark.parametrize("course, path", FILES, ids=[f"{c}/{p.name}" for c, p in FILES])
def test_graded_as_its_header_says(course, path):
    expect, bugs, lines = _header(path)
    report = grade_file(path, api=course, timeout=20)
    text = format_text(report)
    assert report.passed == (expect == "pass"), text
    if expect == "pass":
        assert report.bugs == [], text
        return
    assert set(bugs) & set(report.bugs), text
    quoted = {
        int(m.group(1))
        for t in report.to_json()["tests"]
        for d in t["diagnoses"]
        for q in d.get("lines") or []
        if (m := re.match(r"line (\d+)", q))
    }
    assert quoted & set(lines), text
