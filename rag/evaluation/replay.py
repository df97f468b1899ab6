"""``rag eval replay``: a recorded run's model replies put through today's code, without the model.

A change after the model (the checker, the answer policy) is measured on the same
replies the model gave, so the comparison has no model noise and takes a minute
instead of an hour. Each question is asked again through the public API as the run
asked it (same dataset split, settings, as-of dates); where the code calls the chat
model, the reply is the one recorded for that question. A question that reaches the
model now but did not then (the old code declined before the model) has no reply to
give: it is recorded as an error and counted; ``--model`` asks the model for it
instead, and only for it.

Where the model answered, a replayed record keeps the recorded run's tokens and timings (the
model's cost does not change), with today's checking time.

Not for changes before the model (retrieval, the prompt, evidence selection): the
reply was written for what the model read then. Each question whose passages differ
from the recorded ones is counted (``prompt_changed``) so a reader can tell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from ..errors import ConfigError, RagError
from ..settings import Settings
from . import datasets, report, runner
from .compare import run_meta


class NoRecordedReply(RagError):
    """The code asked the model where the recorded run did not."""


class Recorded(BaseChatModel):
    """A chat model that gives the recorded replies of the question being replayed, in order.

    ``live``: a real chat model for a call the recording has no reply for (a question
    that reaches the model now but was declined before it then); without it that
    call is an error.
    """

    replies: list[str] = []
    calls: int = 0
    live: Any = None

    @property
    def _llm_type(self) -> str:
        return "recorded"

    def _text(self) -> str | None:
        """The next recorded reply; None when there is none and a live model is to answer."""
        self.calls += 1
        if self.calls <= len(self.replies) and self.replies[self.calls - 1]:
            return self.replies[self.calls - 1]
        if self.live is not None:
            return None
        raise NoRecordedReply("the model is asked here but the recorded run has no reply for it: ask it with the model (--model)")

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        if (text := self._text()) is None:
            return self.live._generate(messages, stop=stop, **kwargs)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text, response_metadata={"finish_reason": "stop"}))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs) -> Iterator[ChatGenerationChunk]:
        if (text := self._text()) is None:
            yield from self.live._stream(messages, stop=stop, **kwargs)
            return
        yield ChatGenerationChunk(message=AIMessageChunk(content=text))
        yield ChatGenerationChunk(message=AIMessageChunk(content="", response_metadata={"finish_reason": "stop"}))

    def last_evaluated(self) -> int | None:
        return getattr(self.live, "last_evaluated", lambda: None)() if self.live is not None else None


def replay(
    run_dir: str | Path,
    out: str | Path,
    *,
    sets: dict | None = None,
    base: Settings | None = None,
    on_record: Callable[[dict, int, int], None] | None = None,
    log: Callable[[str], None] = runner.log_stderr,
    live: bool = False,
) -> dict:
    """Replay the run in ``run_dir`` into ``out`` (a new run folder, compared with ``rag eval compare``).

    ``live``: ask the settings' model where the recording has no reply (a call the code now makes that it did not),
    so such a change is measured on the recorded replies; those calls find no cached prefix of the recorded
    ones, so their timings are not a live run's."""
    src = Path(run_dir)
    meta = run_meta(src)
    old = {r["id"]: r for r in runner.open_run(src, meta).records}  # as `rag eval report` reads them (a cut line skipped)
    if meta.get("kind") != "questions":
        raise ConfigError(f"{src} is a {meta.get('kind')} run: only question runs (with model replies) can be replayed")
    if meta.get("choices"):
        raise ConfigError(f"{src} is a --choices run: the model's letter probabilities are not recorded; run it again instead")
    if any(r.get("history") for r in old.values()):
        raise ConfigError(f"{src} has follow-ups: a conversation asks the model more than once; run it again instead")
    ds = datasets.load(
        meta["dataset_path"], limit=meta.get("limit"), seed=meta.get("sample_seed"), gold_only=meta.get("gold_only", False),
        skip=meta.get("skip") or 0, half=meta.get("half"),
    )  # fmt: skip
    ds.questions = [q for q in ds.questions if q["id"] in old]  # a run stopped early: what it recorded
    over = {**meta.get("overrides", {}), **(sets or {})}
    settings = (base or Settings()).model_copy(update={**over, "index": Path(meta["index"]), "chroma_url": None})
    if settings.judge:
        raise ConfigError("the judge asks the model a second question per answer; replay with --set judge=false")
    if not settings.index.exists():
        runner.build_index(ds, settings, log)
    new_meta = {**meta, "overrides": over, "replayed_from": str(src)}
    run = runner.open_run(Path(out), new_meta)
    llm = Recorded()
    if live:
        from ..context import llm_for

        llm.live = llm_for(settings)

    def work(q: dict, s: Settings) -> dict:
        llm.replies, llm.calls = [old[q["id"]].get("raw") or ""], 0
        row = runner.ask_one(q, s, llm=llm)
        if old[q["id"]].get("raw") and not row.get("error"):  # the model's time and tokens are the recorded ones
            checked = (row.get("timings") or {}).get("check_s")
            row["timings"] = {**old[q["id"]].get("timings", {}), **({"check_s": checked} if checked is not None else {})}
            row["tokens"] = old[q["id"]].get("tokens", {})
        was = [p.get("chunk_id") for p in old[q["id"]].get("passages") or []]
        now = [p.get("chunk_id") for p in row.get("passages") or []]
        row["prompt_changed"] = bool(was and now and not old[q["id"]]["refused"] and not row.get("refused") and was != now)
        return row

    log(f"replaying {len(ds.questions)} recorded replies of {src} into {out}")
    try:
        runner.run(ds, settings, run, work=work, score=runner.judge, concurrency=1, on_record=on_record)
    finally:
        summary = report.write(Path(out), run.records, run.meta)
    missing = sum(1 for r in run.records if "recorded run has no reply" in (r.get("error") or ""))
    changed = sum(1 for r in run.records if r.get("prompt_changed"))
    summary |= {"out": str(out), "no_recorded_reply": missing, "prompt_changed": changed}
    return summary
