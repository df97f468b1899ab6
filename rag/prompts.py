"""Prompts are files in ``prompts/``, loaded by name and rendered strictly.

A prompt file has a ``[system]`` section and a ``[user]`` section; ``$name``
placeholders are filled from keyword arguments. A missing or unused variable is
an error, so a prompt and its caller cannot drift apart silently.

>>> sorted(load("answer").variables)
['passages', 'question', 'refusal', 'today']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template

from .errors import RagError

_HERE = Path(__file__).resolve().parent
# Installed wheel: rag/prompts/. Source checkout: ../prompts/ beside the package.
_DIRS = (_HERE / "prompts", _HERE.parent / "prompts")
_SECTION = re.compile(r"^\[(system|user)\]\s*$", re.M)


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str

    @property
    def variables(self) -> set[str]:
        found = set()
        for part in (self.system, self.user):
            for m in Template.pattern.finditer(part):
                found.add(m.group("named") or m.group("braced"))
        return found - {None}

    def render(self, **values: object) -> tuple[str, str]:
        """Fill the placeholders; returns (system, user) text."""
        missing = self.variables - values.keys()
        extra = values.keys() - self.variables
        if missing or extra:
            raise RagError(f"prompt {self.name!r}: missing {sorted(missing)}, unexpected {sorted(extra)}")
        vals = {k: str(v) for k, v in values.items()}
        return Template(self.system).substitute(vals).strip(), Template(self.user).substitute(vals).strip()

    def messages(self, **values: object):
        """Rendered as LangChain messages."""
        from langchain_core.messages import HumanMessage, SystemMessage

        system, user = self.render(**values)
        return [SystemMessage(content=system), HumanMessage(content=user)]


@cache
def load(name: str) -> Prompt:
    for folder in _DIRS:
        path = folder / f"{name}.md"
        if path.exists():
            text = path.read_text(encoding="utf-8")
            pieces = _SECTION.split(text)
            sections = dict(zip(pieces[1::2], pieces[2::2], strict=True))
            if set(sections) != {"system", "user"}:
                raise RagError(f"prompt file {path} needs a [system] and a [user] section")
            return Prompt(name, sections["system"], sections["user"])
    raise RagError(f"no prompt named {name!r} in {', '.join(map(str, _DIRS))}")
