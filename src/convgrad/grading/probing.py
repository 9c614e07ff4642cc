"""Probing: run the learner's code on a base configuration and on one-parameter changes of it,
and say in words which values break it ("right only for pad = 1", "wrong whenever H != W").

>>> results = [ProbeResult("", "", "", True, []), ProbeResult("pad", "0", "1", False, ["dx"]),
...            ProbeResult("pad", "2", "1", True, [])]
>>> summarise(results)
['wrong only for pad = 0 (dx)']
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ProbeResult:
    """One probe: ``parameter`` set to ``value`` (``base`` in the base configuration); ``right``
    says whether every result was right; ``wrong`` names what was not (or ``"raises"``)."""

    parameter: str
    value: str
    base: str
    right: bool
    wrong: list[str]


_SERIES_WORDS = {"H != W": "H != W", "HH != WW": "HH != WW", "kH != kW": "kH != kW"}


def summarise(results: list[ProbeResult]) -> list[str]:
    """One line per parameter whose values matter, in the order probed."""
    if not results:
        return []
    base, lines = results[0], []
    if not base.right:
        lines.append(f"wrong already in the base configuration ({', '.join(base.wrong)})")
    parameters = list(dict.fromkeys(r.parameter for r in results[1:]))
    for p in parameters:
        series = [r for r in results[1:] if r.parameter == p]
        wrong = [r for r in series if not r.right]
        what = _what(wrong)
        if p in _SERIES_WORDS:
            if base.right and len(wrong) == len(series):
                lines.append(f"wrong whenever {p} ({what})")
            elif base.right and wrong:
                lines.append(f"wrong for {', '.join(r.value for r in wrong)} ({what})")
            elif not base.right and len(wrong) < len(series):
                right = [r.value for r in series if r.right]
                lines.append(f"right for {'; '.join(right)}, where the base is wrong")
            continue
        values = [(series[0].base, base.right)] + [(r.value, r.right) for r in series]
        right_values = [v for v, ok in values if ok]
        wrong_values = [v for v, ok in values if not ok]
        if not wrong_values or not right_values:
            continue  # all right, or all wrong: this parameter does not decide
        if p == "stride" and all(v != "1" for v in wrong_values) and "1" in right_values:
            lines.append(f"wrong whenever stride > 1 ({what})")
        elif len(right_values) == 1:
            lines.append(f"right only for {p} = {right_values[0]}")
        elif len(wrong_values) == 1:
            lines.append(f"wrong only for {p} = {wrong_values[0]} ({what})")
        else:
            lines.append(f"wrong for {p} = {', '.join(wrong_values)} ({what})")
    return lines


def _what(wrong: list[ProbeResult]) -> str:
    return ", ".join(dict.fromkeys(name for r in wrong for name in r.wrong))
