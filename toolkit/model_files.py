"""Saving and loading the toolkit's JSON weight files, one way for every model.

A model class that has ``to_json()`` and a ``from_json(data)`` class method gets ``save`` and
``load`` by inheriting :class:`JsonModelFile`. Files are compact, key-sorted JSON with a final
newline, so that rebuilding a model from the same data gives the same bytes.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

__all__ = ["JsonModelFile", "check_format"]


class JsonModelFile:
    """``save`` and ``load`` for a model with ``to_json`` and ``from_json``.

    Examples
    --------
    >>> import tempfile
    >>> class Tiny(JsonModelFile):
    ...     def __init__(self, w): self.w = w
    ...     def to_json(self): return {"w": self.w}
    ...     @classmethod
    ...     def from_json(cls, data): return cls(data["w"])
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     Tiny.load(Tiny(0.5).save(Path(folder) / "tiny.json")).w
    0.5
    """

    #: Whether the file escapes non-ASCII characters (``json.dumps``'s ``ensure_ascii``).
    json_ascii: ClassVar[bool] = True

    def save(self, path: str | Path) -> Path:
        """Write the model to ``path`` (folders created as needed) and return the path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), ensure_ascii=self.json_ascii, sort_keys=True,
                                   separators=(",", ":")) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path):
        """The model saved at ``path``."""
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def check_format(data: dict, expected: str, what: str) -> None:
    """Raise ``ValueError`` unless ``data`` (a model file read as JSON) says it is of format
    ``expected``; ``what`` names the file in the message ("a tone model").

    Examples
    --------
    >>> check_format({"format": "x/1"}, "x/1", "a tiny model")
    >>> check_format({}, "x/1", "a tiny model")
    Traceback (most recent call last):
    ...
    ValueError: not a tiny model file (format None, expected 'x/1')
    """
    found = data.get("format")
    if found != expected:
        raise ValueError(f"not {what} file (format {found!r}, expected {expected!r})")

