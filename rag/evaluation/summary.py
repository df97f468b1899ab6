"""Aggregate a run's records into the numbers a report shows (``summary.json``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from . import metrics as m
from .runner import DEPTH, MODES

KS = (1, 3, 5, 10)


def retrieval(records: list[dict], ranking: Callable[[dict], list[str]] = lambda r: r["retrieved"]) -> dict:
    """hit@k, recall@k, MRR@10 over questions with gold documents (document-level; see metrics)."""
    scored = [(ranking(r), set(r["gold_doc_ids"])) for r in records if r.get("gold_doc_ids") and "retrieved" in r]
    out: dict = {"questions": len(scored)}
    for k in KS:
        out[f"hit@{k}"] = m.mean(m.hit_at_k(ranked, gold, k) for ranked, gold in scored)
        out[f"recall@{k}"] = m.mean(m.recall_at_k(ranked, gold, k) for ranked, gold in scored)
    out["mrr@10"] = m.mean(m.mrr(ranked, gold, DEPTH) for ranked, gold in scored)
    out["recall_curve"] = [m.mean(m.recall_at_k(ranked, gold, k) for ranked, gold in scored) for k in range(1, DEPTH + 1)]
    return out


def retrieval_only(records: list[dict], meta: dict) -> dict:
    """A retrieval-only run: each mode side by side, and its search time per question."""
    ok = [r for r in records if not r.get("error")]
    modes = {mode: retrieval(ok, lambda r, mode=mode: r["by_mode"][mode]) for mode in MODES}
    for mode in MODES:
        modes[mode]["search_ms_p50"] = m.percentile([r["search_ms"][mode] for r in ok], 50)
        ranks = [r["answer_rank"][mode] for r in ok if "answer_rank" in r]
        for k in (1, 5):  # a passage holding the answer string among the first k (DPR's measure; no gold documents needed)
            modes[mode][f"answer@{k}"] = m.mean(rank is not None and rank <= k for rank in ranks) if ranks else None
    return {
        "run": run_meta(meta),
        "questions": len(records),
        "errors": len(records) - len(ok),
        "pass": m.mean(r["pass"] for r in records),
        "retrieval": retrieval(ok),  # the configured mode, as in a full run's report
        "modes": modes,
        "dates": {
            "retrieved_after_as_of": sum(
                m.after_as_of(pubs, r.get("question_date")) for r in ok for pubs in r.get("published_by_mode", {}).values()
            ),
            "questions_with_as_of": sum(bool(r.get("question_date")) for r in ok),
        },
    }


def dates(records: list[dict]) -> dict:
    """The as-of bound, checked: passages given and citations to articles published after the question's date."""
    ok = [r for r in records if not r.get("error")]
    if ok and not any("when" in r for r in ok):
        return {}  # records written before the as-of bound carry no citation dates: not measured, rather than 0
    return {
        "cited_after_as_of": sum(m.after_as_of([c.get("published") for c in r.get("citations", [])], r.get("question_date")) for r in ok),
        "passages_after_as_of": sum(m.after_as_of([p.get("published") for p in r.get("passages", [])], r.get("question_date")) for r in ok),
        "questions_with_as_of": sum(bool(r.get("question_date")) for r in ok),
        "dated_answers": m.ratio(sum(bool(r.get("as_of_note")) for r in ok if not r["refused"]), sum(not r["refused"] for r in ok)),
    }


def run_meta(meta: dict) -> dict:
    """What a report says about the run it covers."""
    keys = ("dataset", "config", "overrides", "limit", "skip", "half", "sample_seed", "gold_only", "choices", "model", "engine", "started", "kind")
    return {k: meta.get(k) for k in keys}


def answers(records: list[dict]) -> dict:
    ans = [r for r in records if r["answerable"]]
    return {
        "questions": len(ans),
        "accuracy": m.mean(r["correct"] for r in ans),
        "exact_match": m.mean(r["em"] for r in ans),
        "f1": m.mean(r["f1"] for r in ans),
        "choice_accuracy": m.mean(r["choice_correct"] for r in ans) if any("choice_correct" in r for r in ans) else None,
    }


def refusals(records: list[dict]) -> dict:
    ok = [r for r in records if not r.get("error")]
    out = m.refusal_scores([r["refused"] for r in ok], [r["answerable"] for r in ok])
    held = [r for r in ok if r["answerable"] and r.get("answer_in_passages")]
    missing = [r for r in ok if r["answerable"] and r.get("answer_in_passages") is False]
    out["rate_answer_in_passages"] = m.ratio(sum(r["refused"] for r in held), len(held)) if held else None
    out["rate_answer_not_in_passages"] = m.ratio(sum(r["refused"] for r in missing), len(missing)) if missing else None
    return out


def citations(records: list[dict]) -> dict:
    said = [r for r in records if not r.get("error") and not r["refused"]]
    asked = [r for r in records if not r.get("error") and r.get("raw")]  # the model wrote something
    cites = [c for r in said for c in r["citations"]]
    gold = [(c, set(r["gold_doc_ids"])) for r in said if r["gold_doc_ids"] for c in r["citations"]]
    return {
        "in_context": m.ratio(sum(r["marks_in_context"] for r in said), sum(r["marks"] for r in said)),
        "verified": m.ratio(sum(c["verified"] for c in cites), len(cites)),
        "repaired": m.ratio(sum(c["repaired"] for c in cites), len(cites)),
        "sentences_cited": m.ratio(sum(r["sentences_cited"] for r in said), sum(r["sentences"] for r in said)),
        "sentences_verified": m.ratio(sum(r["sentences_verified"] for r in said), sum(r["sentences"] for r in said)),
        "precision_vs_gold": m.ratio(sum(c["doc_id"] in g for c, g in gold), len(gold)),
        # Of the sentences the model wrote, the share the answer policy left out as unverified (shown answers are
        # verified by construction; this is how often the model wrote something its passages do not state). A verified
        # sentence held back with a declined answer is not counted (records before "verified" was kept count it).
        "left_out": m.ratio(sum(not d.get("verified") for r in asked for d in r.get("dropped") or []),
                            sum(r["sentences"] + len(r.get("dropped") or []) for r in asked)),
        "count": len(cites),
    }


def latency(records: list[dict]) -> dict:
    ok = [r for r in records if not r.get("error")]
    first = [r["timings"].get("first_token_s") for r in ok if r["timings"].get("first_token_s")]
    total = [r["timings"].get("total_s") for r in ok]
    tin = [r["tokens"].get("prompt", 0) for r in ok if r.get("tokens")]
    tout = [r["tokens"].get("completion", 0) for r in ok if r.get("tokens")]
    evaluated = [r["tokens"]["evaluated"] for r in ok if (r.get("tokens") or {}).get("evaluated") is not None]
    # What the answer policy adds after the model: the checker, and the yes/no judge when it is asked.
    policy = [r["timings"]["check_s"] + r["timings"].get("judge_s", 0.0) for r in ok if "check_s" in r["timings"]]
    return {
        "policy_p50": m.percentile(policy, 50),
        "policy_p95": m.percentile(policy, 95),
        "first_token_p50": m.percentile(first, 50),
        "first_token_p95": m.percentile(first, 95),
        "total_p50": m.percentile(total, 50),
        "total_p95": m.percentile(total, 95),
        "tokens_in_mean": m.mean(tin),
        "tokens_out_mean": m.mean(tout),
        "tokens_evaluated_mean": m.mean(evaluated) if evaluated else None,  # llama.cpp's count: a cached prefix is not evaluated
        "tokens_in_total": sum(tin),
        "tokens_out_total": sum(tout),
    }


def by_type(records: list[dict]) -> dict:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        groups[r.get("type") or "all"].append(r)
    return {t: {"questions": len(rs), "pass": m.mean(r["pass"] for r in rs)} for t, rs in sorted(groups.items())}


def summarize(records: list[dict], meta: dict) -> dict:
    """``summary.json`` of any run: questions answered, retrieval only, or summaries."""
    if meta.get("kind") == "retrieval":
        return retrieval_only(records, meta)
    if meta.get("kind") == "summaries":
        from .summaries import aggregate

        return aggregate(records, meta)
    if meta.get("kind") == "claims":
        from .claims import aggregate as claims_aggregate

        return claims_aggregate(records, meta)
    return {
        "run": run_meta(meta),
        "questions": len(records),
        "errors": sum(bool(r.get("error")) for r in records),
        "pass": m.mean(r["pass"] for r in records),
        "retrieval": retrieval(records),
        "answers": answers(records),
        "refusals": refusals(records),
        "citations": citations(records),
        "latency": latency(records),
        "dates": dates(records),
        "by_type": by_type(records),
    }


# The rows every table shows: (section, key, label, kind); kind: share, seconds or count.
ROWS = [
    ("retrieval", "hit@5", "retrieval hit@5", "share"),
    ("retrieval", "recall@5", "retrieval recall@5", "share"),
    ("retrieval", "mrr@10", "retrieval MRR@10", "share"),
    ("answers", "accuracy", "answer accuracy (gold string in answer)", "share"),
    ("answers", "exact_match", "exact match", "share"),
    ("answers", "f1", "token F1", "share"),
    ("answers", "choice_accuracy", "multiple choice: gold option picked (--choices)", "share"),
    ("refusals", "rate_answerable", "refused, answerable", "share"),
    ("refusals", "rate_answer_in_passages", "refused, answerable, a passage given holds the answer", "share"),
    ("refusals", "rate_answer_not_in_passages", "refused, answerable, no passage given holds the answer", "share"),
    ("refusals", "rate_unanswerable", "refused, unanswerable (recall)", "share"),
    ("refusals", "precision", "refusal precision", "share"),
    ("citations", "in_context", "citations to passages given", "share"),
    ("citations", "verified", "citations verified", "share"),
    ("citations", "sentences_cited", "answer sentences cited", "share"),
    ("citations", "precision_vs_gold", "citation precision vs gold docs", "share"),
    ("citations", "left_out", "model's sentences left out as unverified", "share"),
    ("dates", "cited_after_as_of", "citations to articles after the as-of date", "count"),
    ("dates", "dated_answers", "answers dated \"As of\" (newest evidence old)", "share"),
    ("latency", "first_token_p50", "first token p50", "seconds"),
    ("latency", "first_token_p95", "first token p95", "seconds"),
    ("latency", "total_p50", "total p50", "seconds"),
    ("latency", "total_p95", "total p95", "seconds"),
    ("latency", "policy_p50", "answer policy after the model (check + judge) p50", "seconds"),
    ("latency", "policy_p95", "answer policy after the model (check + judge) p95", "seconds"),
    ("latency", "tokens_in_mean", "tokens in (mean)", "count"),
    ("latency", "tokens_evaluated_mean", "prompt tokens llama.cpp evaluated (mean; a cached prefix is not)", "count"),
    ("latency", "tokens_out_mean", "tokens out (mean)", "count"),
]


def fmt(value, kind: str) -> str:
    if value is None:
        return "n/a"
    if kind == "share":
        return f"{value:.3f}"
    if kind == "seconds":
        return f"{value:.2f}s"
    return f"{value:.0f}"


def value(summary: dict, section: str, key: str):
    return summary.get(section, {}).get(key)
