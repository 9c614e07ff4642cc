"""Shared test settings: hypothesis profiles and the PyTorch oracle."""

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("CONVGRAD_HYPOTHESIS", "default"))


@pytest.fixture(autouse=True)
def _openvino_off_unless_tested(monkeypatch):
    """OpenVINO (``convgrad[fast]``) stays off in the tests that pin the NumPy and numba
    kernels' choices and results; ``test_conv_openvino.py`` turns it on."""
    monkeypatch.setenv("CONVGRAD_OPENVINO", "0")
