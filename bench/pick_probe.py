"""A choice among sentence ids: does the model point at the sentence that answers better than it answers?

    .venv/bin/python bench/pick_probe.py --skip 200 --limit 50 --stop 27

For each realtimeqa-2023 gold-only question (``--skip`` / ``--limit`` as in ``rag eval run``, whose index
for the same split it shares or builds; ``--stop`` ends after that many), the question is asked through
``rag.ask`` as of its date, then the sentences of the passages that answer read (the 26 holding most of the
question's stems, in article order, under their headlines and dates) are lettered A-Z and the model's
probability for each letter is read from llama.cpp's logits, as ``rag.choice`` reads an option's.
Printed: how often the picked sentence, the three most probable and the model's own answer hold a gold
answer, and the picked letter's probability when right and wrong. Measured in docs/design.md ("A choice
among sentence ids").
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from langchain_core.messages import HumanMessage, SystemMessage

import rag
from rag import choice
from rag.chunking import sentence_spans
from rag.evaluation import datasets, runner
from rag.evaluation.runner import as_of, index_settings
from rag.evidence import sentence_scores
from rag.llm import make_llm
from rag.settings import Settings

SYSTEM = (
    "You read numbered sentences from news articles and pick the one sentence that answers the user's question. "
    "Each article shows its headline and published date. Reply with the sentence's letter only."
)
LETTERS = 26


def lettered(question: str, passages) -> tuple[str, list[str]]:
    """The prompt's sentence block and the sentences in letter order."""
    groups = [[p.text[s:e].strip() for s, e in (sentence_spans(p.text) or [(0, len(p.text))])] for p in passages]
    flat = [(i, j) for i, g in enumerate(groups) for j in range(len(g))]
    scores = sentence_scores(question, groups)
    keep = sorted(sorted(flat, key=lambda k: -scores[k[0]][k[1]])[:LETTERS])
    lines, said, last = [], [], None
    for n, (i, j) in enumerate(keep):
        if i != last:
            lines.append(f"\n{passages[i].title} (published {passages[i].published})")
            last = i
        lines.append(f"[{choice.letter(n)}] {groups[i][j]}")
        said.append(groups[i][j])
    return "\n".join(lines), said


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--skip", type=int, default=200)
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--stop", type=int, default=27, help="end after this many questions")
    ap.add_argument("--out", help="write one JSON line per question here")
    args = ap.parse_args()
    ds = datasets.load("realtimeqa-2023", limit=args.limit, seed=None, gold_only=True, skip=args.skip)
    settings = index_settings(ds, Settings())
    runner.build_index(ds, settings)
    llm = make_llm(settings)
    rows = []
    for q in ds.questions[: args.stop]:
        golds = [g.lower() for g in q.get("answers") or []]
        answer = rag.ask(q["question"], today=as_of(q), settings=settings, llm=llm)
        block, said = lettered(q["question"], answer.passages)
        if not said:
            continue
        user = f"Today's date is {as_of(q)}.\n\n<sentences>{block}\n</sentences>\n\nQuestion: {q['question']}\nWhich sentence answers the question? Reply with its letter only."
        t0 = time.perf_counter()
        p = choice.letter_probabilities(llm, [SystemMessage(SYSTEM), HumanMessage(user)], len(said))
        holds = [any(g in s.lower() for g in golds) for s in said]
        order = sorted(range(len(said)), key=lambda n: -p[n])
        row = {
            "id": q["id"], "answer_holds": any(g in answer.raw.lower() for g in golds), "pick_holds": holds[order[0]],
            "top3_holds": any(holds[n] for n in order[:3]), "any_holds": any(holds), "p_pick": round(p[order[0]], 4),
            "pick_s": round(time.perf_counter() - t0, 2),
        }  # fmt: skip
        rows.append(row)
        print(json.dumps(row), flush=True)
    if args.out:
        with open(args.out, "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in rows)
    n = len(rows)
    count = lambda key: sum(r[key] for r in rows)  # noqa: E731
    print(
        f"\n{n} questions: a gold answer in the model's answer {count('answer_holds')}, in the picked sentence "
        f"{count('pick_holds')}, in the three most probable {count('top3_holds')}, in any lettered sentence {count('any_holds')}"
    )
    right = [r["p_pick"] for r in rows if r["pick_holds"]] or [0.0]
    wrong = [r["p_pick"] for r in rows if not r["pick_holds"]] or [0.0]
    print(
        f"picked letter's probability, median: {statistics.median(r['p_pick'] for r in rows):.2f} "
        f"(right {statistics.median(right):.2f}, wrong {statistics.median(wrong):.2f}); pick p50 "
        f"{statistics.median(r['pick_s'] for r in rows):.1f} s"
    )


if __name__ == "__main__":
    main()
