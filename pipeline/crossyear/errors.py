"""Errors of the cross-year checks, each naming what could not be used."""
from __future__ import annotations

from hoinghi.pipeline.errors import HoinghiError


class CrossYearError(HoinghiError):
    """A pins file, a gazetteer or an archive that the cross-year checks cannot use."""
