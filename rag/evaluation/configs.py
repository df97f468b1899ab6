"""Run configurations: settings overrides from a named config, a file, and ``--set key=value``.

>>> overrides("vanilla", ["k=3"])["k"], overrides("vanilla", [])["retrieval"]
(3, 'dense')
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from pydantic import ValidationError

from ..errors import ConfigError
from ..settings import Settings, explain

BUILTIN = Path(__file__).resolve().parent / "configs"
# Settings a run may not change: where the index lives is the harness's business.
_FIXED = {"index", "chroma_url", "collection"}


def names() -> list[str]:
    return sorted(p.stem for p in BUILTIN.glob("*.toml"))


def read(config: str | None) -> tuple[str, dict]:
    """(name, overrides) of a built-in config (``default``, ``vanilla``) or a TOML/JSON file."""
    if config is None:
        return "default", {}
    path = Path(config)
    if not path.exists() and (BUILTIN / f"{config}.toml").exists():
        path = BUILTIN / f"{config}.toml"
    if not path.exists():
        raise ConfigError(f"no config {config!r}: give a TOML or JSON file, or one of: {', '.join(names())}")
    try:
        data = json.loads(path.read_text()) if path.suffix == ".json" else tomllib.loads(path.read_text())
    except (ValueError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: not valid {'JSON' if path.suffix == '.json' else 'TOML'} ({err})") from None
    return path.stem, data.get("settings", data)


def parse_sets(pairs: list[str]) -> dict:
    """``key=value`` pairs; a value that opens with ``{`` or ``[`` is JSON (the weights settings), as in a RAG_ variable.

    >>> parse_sets(["k=4", 'support_weights={"bias": -1.5}', "answerable_weights=[-2, 5, 0.4]"])
    {'k': '4', 'support_weights': {'bias': -1.5}, 'answerable_weights': [-2, 5, 0.4]}
    >>> overrides(None, ['support_weights={"bias": -1.5, "dense": 4}'])["support_weights"]  # typed by Settings
    {'bias': -1.5, 'dense': 4.0}
    >>> parse_sets(["support_weights={bias: 1}"])
    Traceback (most recent call last):
    rag.errors.ConfigError: --set 'support_weights={bias: 1}': the value is not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1)); write e.g. --set 'support_weights={"bias": -1.5}'
    """
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--set {pair!r}: write key=value, e.g. --set k=4")
        value = value.strip()
        if value.startswith(("{", "[")):
            try:
                value = json.loads(value)
            except ValueError as err:
                raise ConfigError(f"--set {pair!r}: the value is not valid JSON ({err}); write e.g. --set 'support_weights={{\"bias\": -1.5}}'") from None
        out[key.strip()] = value
    return out


def overrides(config: str | None, sets: list[str]) -> dict:
    """Validated settings overrides (values typed by the Settings model)."""
    _, over = read(config)
    over = {**over, **parse_sets(sets)}
    unknown = set(over) - set(Settings.model_fields)
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(sorted(unknown))}; see the fields of rag.settings.Settings")
    if fixed := set(over) & _FIXED:
        raise ConfigError(f"{', '.join(sorted(fixed))} cannot be set for an eval run; the harness keeps its own index")
    try:
        typed = Settings.model_validate(over)
    except ValidationError as err:  # one line
        raise ConfigError(f"bad setting {explain(err, env=False)}") from None
    return {k: getattr(typed, k) for k in over}
