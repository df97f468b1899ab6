"""How often "Sources differ" would fire on real news, and on what: no model needed.

Every sentence with a figure in the top-k passages of realtimeqa-2023's report
split (first 200 gold-only questions, searched as of each question's date) is
treated as if the answer had stated it, and ``rag.disagree.find`` runs over the
other passages. Prints the count and the flagged pairs (to check by hand).

    .venv/bin/python bench/disagree_probe.py [k]
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import rag  # noqa: E402
from rag import disagree
from rag.chunking import sentence_spans
from rag.evaluation.datasets import load as load_ds
from rag.evaluation.runner import as_of, index_settings
from rag.models import Citation, Claim
from rag.settings import Settings

K = int(sys.argv[1]) if len(sys.argv) > 1 else 5
ds = load_ds(str(Path(__file__).resolve().parent.parent.parent / "shared/data/realtimeqa-2023"), limit=200, gold_only=True)
settings = index_settings(ds, Settings())
rows, n_claims = [], 0
for q in ds.questions:
    ps = rag.search(q["question"], k=K, today=as_of(q), settings=settings)
    for i, p in enumerate(ps):
        for s, e in sentence_spans(p.text):
            sent = p.text[s:e]
            if not disagree.figures(sent):
                continue
            n_claims += 1
            cite = Citation(i + 1, p.chunk_id, p.doc_id, p.title, p.url, p.published, sent, p.start + s, p.start + e, True)
            for d in disagree.find([Claim(sent, (cite,))], ps):
                rows.append({"q": q["id"], "ours": d.ours.quote, "theirs": d.theirs.quote, "fig": [d.ours_figure, d.theirs_figure]})
print("figure sentences", n_claims, "disputes", len(rows), "questions with one", len({r['q'] for r in rows}))
random.Random(3).shuffle(rows)
for r in rows[:30]:
    print("---", r["fig"])
    print("  A:", r["ours"][:300])
    print("  B:", r["theirs"][:300])
