"""Collection settings for the doctests over ``src/``: the numba kernels' modules
(``kernels/*_numba.py``) import numba, an optional dependency (``convgrad[fast]``), so their
doctests are collected only where numba is."""

import importlib.util


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


collect_ignore_glob = [] if _installed("numba") else ["src/convgrad/kernels/*_numba.py"]
