"""Collection settings for the doctests over ``src/``: the numba kernels' module imports numba,
an optional dependency (``convgrad[fast]``), so its doctests are collected only where numba is."""

import importlib.util


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


collect_ignore = (
    []
    if _installed("numba")
    else ["src/convgrad/kernels/taps_numba.py", "src/convgrad/kernels/norm_numba.py"]
)
