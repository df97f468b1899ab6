"""``rag eval replay``: a recorded run's model replies put through today's code, without the model.

A change after the model (the checker, the answer policy) is measured on the same
replies the model gave, so the comparison has no model noise and takes a minute
instead of an hour. Each question is asked again through the public API as the run
asked it (same dataset split, settings, as-of dates); where the code calls the chat
model, the reply is the one recorded for that question. A question that reaches the
model now but did not then (the old code declined before the model) has no reply to
give: it is recorded as an error, counted, and must be asked with the model.

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
    """A chat model that gives the recorded reply of the question being replayed.

    ``live``: a real chat model for what the recording lacks (a question's later calls,
    such as the second chance of :mod:`rag.pick`); without it those calls are errors.
    """

    reply: str | None = None
    calls: int = 0
    live: Any = None

    @property
    def _llm_type(self) -> str:
        return "recorded"

    def _text(self) -> str:
        self.calls += 1
        if not self.reply or self.calls > 1:
            raise NoRecordedReply("the model is asked here but the recorded run has no reply for it: ask it with the model")
        return self.reply

    def _later(self):
        """The live model for a call past the recorded reply (or a question with none)."""
        if self.live is None or (self.reply and self.calls == 0):
            return None
        self.calls += 1
        return self.live

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        if live := self._later():
            return live._generate(messages, stop=stop, **kwargs)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._text(), response_metadata={"finish_reason": "stop"}))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs) -> Iterator[ChatGenerationChunk]:
        if live := self._later():
            yield from live._stream(messages, stop=stop, **kwargs)
            return
        yield ChatGenerationChunk(message=AIMessageChunk(content=self._text()))
        yield ChatGenerationChunk(message=AIMessageChunk(content="", response_metadata={"finish_reason": "stop"}))

    def token_probabilities(self, messages, groups) -> list[float]:
        """A closed question's letter probabilities (:mod:`rag.choice`), from the live model: none are recorded."""
        live = self._later()
        if live is None:
            raise NoRecordedReply("the model is asked a closed question here and the recorded run has none: replay with --model")
        if hasattr(live, "token_probabilities"):
            return live.token_probabilities(messages, groups)
        from ..choice import letter_probabilities

        return letter_probabilities(live, messages, len(groups))

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

    ``live``: ask the settings' model where the recording has no reply (a question's later calls), so a change
    that adds a model call is measured on the recorded first replies; those calls read their whole prompt
    (the recorded call's cached prefix is not there), so their timings are not a live run's."""
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
    if not live and "pick_sentences" not in (sets or {}):
        # The second chance (rag.pick) asks the model a closed question whose answer is not recorded: without the
        # model it is left out, and the replay's settings say so.
        over["pick_sentences"] = 0
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
        llm.reply, llm.calls = old[q["id"]].get("raw") or None, 0
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
    if not live and settings.pick_sentences == 0 and (meta.get("overrides") or {}).get("pick_sentences") != 0:
        log("without --model, declined answers get no second chance (pick_sentences=0): its question to the model is not recorded")
    try:
        runner.run(ds, settings, run, work=work, score=runner.judge, concurrency=1, on_record=on_record)
    finally:
        summary = report.write(Path(out), run.records, run.meta)
    missing = sum(1 for r in run.records if "recorded run has no reply" in (r.get("error") or ""))
    changed = sum(1 for r in run.records if r.get("prompt_changed"))
    summary |= {"out": str(out), "no_recorded_reply": missing, "prompt_changed": changed}
    return summary
