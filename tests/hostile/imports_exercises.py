"""Hands in convgrad's own reference answer. Verdict: uses the reference solution (found in the
source), no score."""

from convgrad.exercises import conv2d_backward  # noqa: F401
