"""Harness metrics against hand-computed values (pure logic: no model, no index)."""

from __future__ import annotations

import json

import pytest

from rag.errors import ConfigError
from rag.evaluation import configs
from rag.evaluation import metrics as m
from rag.evaluation.runner import judge
from rag.evaluation.summary import citations, dates, refusals, retrieval


@pytest.mark.parametrize(
    "ranked, gold, k, hit, recall",
    [
        (["a", "b", "c"], {"a"}, 1, True, 1.0),
        (["a", "b", "c"], {"c"}, 2, False, 0.0),
        (["a", "a", "a", "c"], {"c"}, 2, True, 1.0),  # passages of one doc count once
        (["a", "b"], {"b", "z"}, 5, True, 0.5),
        ([], {"a"}, 5, False, 0.0),
        (["a", "b", "c", "d"], {"b", "d"}, 3, True, 0.5),
        (["x", "x", "gold"], {"gold"}, 2, True, 1.0),  # the case the two old harnesses disagreed on
    ],
)
def test_hit_and_recall_at_k(ranked, gold, k, hit, recall):
    assert m.hit_at_k(ranked, gold, k) is hit
    assert m.recall_at_k(ranked, gold, k) == pytest.approx(recall)


@pytest.mark.parametrize(
    "ranked, gold, expected",
    [
        (["a"], {"a"}, 1.0),
        (["x", "a"], {"a"}, 0.5),
        (["x", "x", "y", "a"], {"a"}, 1 / 3),  # rank among documents, not passages
        (["x", "x", "gold"], {"gold"}, 0.5),
        (["x", "y"], {"a"}, 0.0),
        ([f"d{i}" for i in range(10)] + ["a"], {"a"}, 0.0),  # beyond depth 10
    ],
)
def test_mrr(ranked, gold, expected):
    assert m.mrr(ranked, gold) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Buffalo Bills", "buffalo bills"),
        ("  An  apple, a day!  ", "apple day"),
        ("U.S.", "us"),
        ("“Quoted” — dash", "quoted dash"),
        ("Theatre", "theatre"),  # 'the' only as a word
    ],
)
def test_normalize(text, expected):
    assert m.normalize(text) == expected


@pytest.mark.parametrize(
    "answer, gold, f1",
    [
        ("Buffalo Bills", "the Buffalo Bills", 1.0),
        ("the Buffalo Bills of New York", "Buffalo Bills", 2 * (2 / 5) * 1 / (2 / 5 + 1)),
        ("Bills of Buffalo", "Buffalo Bills", 0.8),  # 2 common of 3 and 2 tokens
        ("Kansas City", "Buffalo Bills", 0.0),
        ("Buffalo Bills [1].", "Buffalo Bills", 1.0),  # citation markers do not count
        ("", "Buffalo Bills", 0.0),
        ("", "", 1.0),
    ],
)
def test_token_f1(answer, gold, f1):
    assert m.token_f1(answer, gold) == pytest.approx(f1)


@pytest.mark.parametrize(
    "answer, golds, em, contains",
    [
        ("Buffalo Bills [1].", ["Buffalo Bills"], True, True),
        ("He plays for the Buffalo Bills [1].", ["Buffalo Bills"], False, True),
        ("It costs $50 billion [1].", ["50 billion"], False, True),
        ("Billsville", ["Bills"], False, False),  # whole words only
        ("It costs $150 billion [1].", ["50 billion"], False, False),  # the old substring test said yes
        ("No", ["yes"], False, False),
        ("She teaches at the University of Virginia's Center [1].", ["University of Virginia"], False, True),
        ("Florida’s board voted [1].", ["Florida"], False, True),  # a possessive holds its name
        ("M&M’s changed its packaging [1].", ["M&M’s"], False, True),
        ("Virginians voted [1].", ["Virginia"], False, False),
    ],
)
def test_exact_match_and_accuracy(answer, golds, em, contains):
    assert m.exact_match(answer, golds) is em
    assert m.contains_answer(answer, golds) is contains


@pytest.mark.parametrize(
    "refused, answerable, expected",
    [
        # no refusals at all: precision undefined, recall 0
        ([False, False, False], [True, False, False], {"precision": None, "recall": 0.0, "rate_answerable": 0.0, "rate_unanswerable": 0.0}),
        # everything refused: precision = share unanswerable, recall 1
        ([True, True, True, True], [True, False, False, False], {"precision": 0.75, "recall": 1.0, "rate_answerable": 1.0, "rate_unanswerable": 1.0}),
        # no unanswerable questions: recall undefined
        ([True, False], [True, True], {"precision": 0.0, "recall": None, "rate_answerable": 0.5, "rate_unanswerable": None}),
        ([True, False, True, False], [False, False, True, True], {"precision": 0.5, "recall": 0.5, "rate_answerable": 0.5, "rate_unanswerable": 0.5}),
        ([], [], {"precision": None, "recall": None, "rate_answerable": None, "rate_unanswerable": None}),
    ],
)
def test_refusal_precision_recall(refused, answerable, expected):
    assert m.refusal_scores(refused, answerable) == pytest.approx(expected)


@pytest.mark.parametrize(
    "values, q, expected",
    [([3.0], 50, 3.0), ([1, 2, 3, 4], 50, 2.5), ([1, 2, 3, 4, 5], 95, 4.8), ([], 50, None), ([2, None, 4], 50, 3.0)],
)
def test_percentile(values, q, expected):
    assert m.percentile(values, q) == expected


@pytest.mark.parametrize(
    ("candidate", "references", "expected"),
    [
        ("the cat sat on the mat", ["the cat sat on the mat"], {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}),
        ("the cat sat [1].", ["a dog ran", "the cat sat"], {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}),  # best reference, markers out
        ("cats sitting", ["the cat sat"], {"rouge1": 0.4, "rouge2": 0.0, "rougeL": 0.4}),  # stemmed: cats = cat
        ("", ["the cat sat"], {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}),
    ],
)
def test_rouge(candidate, references, expected):
    assert m.rouge(candidate, references) == pytest.approx(expected, abs=1e-4)


def _rec(**kw):
    base = {"answerable": True, "refused": False, "gold_doc_ids": ["g"], "retrieved": ["g"], "citations": [], "marks": 0,
            "marks_in_context": 0, "sentences": 1, "sentences_cited": 1, "sentences_verified": 1}  # fmt: skip
    return {**base, **kw}


def test_aggregates_by_hand():
    records = [
        _rec(retrieved=["x", "g"], citations=[{"doc_id": "g", "verified": True, "repaired": False}], marks=2, marks_in_context=1),
        _rec(retrieved=["g"], citations=[{"doc_id": "x", "verified": False, "repaired": True}], marks=1, marks_in_context=1,
             sentences=2, sentences_cited=1, sentences_verified=0),  # fmt: skip
        _rec(answerable=False, refused=True, gold_doc_ids=[], retrieved=["x"]),
        _rec(error="server down", refused=False),
    ]
    r = retrieval(records)
    assert r["questions"] == 3 and r["hit@1"] == pytest.approx(2 / 3) and r["hit@5"] == 1.0 and r["mrr@10"] == pytest.approx((0.5 + 1 + 1) / 3)
    c = citations(records)
    assert c["in_context"] == pytest.approx(2 / 3) and c["verified"] == 0.5 and c["repaired"] == 0.5
    assert c["sentences_cited"] == pytest.approx(2 / 3) and c["precision_vs_gold"] == 0.5
    assert refusals(records)["precision"] == 1.0  # the errored question is left out


def test_citations_after_the_as_of_date_by_hand():
    def cite(published):
        return {"doc_id": "g", "verified": True, "repaired": False, "published": published}

    records = [
        _rec(question_date="2023/01/05", when={}, as_of_note="", citations=[cite("2023-01-05"), cite("2023-01-06")],
             passages=[{"published": "2023-01-06"}, {"published": "2023-01-04"}, {"published": ""}]),  # fmt: skip
        _rec(question_date="2023/01/05", when={}, as_of_note="2022-12-01", citations=[cite("2022-12-01")], passages=[{"published": "2022-12-01"}]),
        _rec(question_date=None, when={}, as_of_note="", citations=[cite("2030-01-01")], passages=[]),  # no as-of: nothing is late
        _rec(question_date="2023/01/05", when={}, refused=True, citations=[], passages=[{"published": "2024-01-01"}]),
        _rec(question_date="2023/01/05", error="server down"),
    ]
    d = dates(records)
    assert (d["cited_after_as_of"], d["passages_after_as_of"], d["questions_with_as_of"]) == (1, 2, 3)
    assert d["dated_answers"] == pytest.approx(1 / 3)  # answered: 3; one says "As of"
    assert dates([_rec(question_date="2023/01/05")]) == {}  # records from before the bound: not measured, not 0


@pytest.mark.parametrize(
    ("answer", "picked", "correct"),
    [
        ("Hamlin plays for the Buffalo Bills [1].", 2, True),
        ("The Bills beat the Cincinnati Bengals; Hamlin is a Buffalo Bills player [1].", 1, False),  # the first named
        ("(C) [2].", 2, True),
        ("He plays in Buffalo [1].", None, False),  # no option named
        ("", None, False),  # refused
    ],
)
def test_multiple_choice_scoring(answer, picked, correct):
    row = {"answerable": True, "refused": not answer, "answer": answer, "golds": ["Buffalo Bills"], "answer_idx": [2],
           "choices": ["Pittsburgh Steelers", "Cincinnati Bengals", "Buffalo Bills", "Cleveland Browns"]}  # fmt: skip
    scored = judge(row)
    assert (scored["picked"], scored["choice_correct"]) == (picked, correct)


@pytest.mark.parametrize(
    "config, sets, message",
    [
        ("nope", [], "no config 'nope'"),
        (None, ["k"], "write key=value"),
        (None, ["colour=blue"], "unknown setting(s) colour"),
        (None, ["index=/tmp/x"], "cannot be set for an eval run"),
        (None, ["k=zero"], "bad setting"),
    ],
)
def test_config_errors_are_one_line(config, sets, message):
    with pytest.raises(ConfigError, match=".*") as err:
        configs.overrides(config, sets)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_vanilla_is_the_documented_baseline():
    over = configs.overrides("vanilla", [])
    assert over["retrieval"] == "dense" and over["k"] == 4 and over["citation_repair"] is False


def test_compare_scores_runs_of_different_sizes_on_their_shared_questions(tmp_path):
    from rag.evaluation.compare import compare
    from rag.evaluation.summary import summarize

    def run(name, records, config):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
        (folder / "summary.json").write_text(json.dumps(summarize(records, {"config": config})))
        return folder

    def q(i, ok):
        return _rec(id=f"q{i}", question=f"question {i}?", answer="a", em=False, f1=0.5, timings={"first_token_s": 1.0, "total_s": 2.0}, tokens={"prompt": 9, "completion": 3}, **{"pass": ok, "correct": ok})

    big = run("big", [q(i, i < 2) for i in range(10)], "default")  # 2 of 10 pass; q0, q1 pass
    small = run("small", [q(0, True), q(1, False)], "vanilla")
    out = compare(big, small)
    assert "2 questions in both runs (A 10, B 2); the metrics above are over those only." in out
    assert "broken in B (pass -> fail): 1" in out and "- q1:" in out
    same = compare(big, big)
    assert "10 questions in both runs (A 10, B 10)." in same and "different engines" not in same


def test_compare_says_when_two_runs_used_different_llama_cpp_builds(tmp_path):
    from rag.evaluation.compare import compare
    from rag.evaluation.summary import summarize

    def run(name, engine):
        folder = tmp_path / name
        folder.mkdir()
        records = [_rec(id="q0", question="question?", answer="a", em=False, f1=1.0, timings={"first_token_s": 1.0, "total_s": 2.0},
                        tokens={"prompt": 9, "completion": 3}, **{"pass": True, "correct": True})]  # fmt: skip
        (folder / "records.jsonl").write_text(json.dumps(records[0]) + "\n")
        (folder / "summary.json").write_text(json.dumps(summarize(records, {"config": "default", "engine": engine})))
        return folder

    avx2 = run("a", "llama-cpp-python 0.3.36 (AVX AVX2 FMA)")
    out = compare(avx2, run("b", "llama-cpp-python 0.3.36 (AVX AVX2 FMA AVX512 AVX512_VNNI)"))
    assert "The runs used different engines (A: llama-cpp-python 0.3.36 (AVX AVX2 FMA); B: " in out
    assert "their times are not comparable" in out


def test_compare_claim_runs_shows_claim_scores_and_changed_verdicts(tmp_path):
    from rag.evaluation.claims import aggregate
    from rag.evaluation.compare import compare

    def run(name, verdicts):
        folder = tmp_path / name
        folder.mkdir()
        records = [{"id": f"c{i}", "question": f"claim {i}.", "label": label, "type": "true", "verdict": v, "reason": f"why {v}",
                    "pass": v == label, "wall_s": 0.2} for i, (label, v) in enumerate(verdicts)]  # fmt: skip
        (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
        (folder / "summary.json").write_text(json.dumps(aggregate(records, {"config": "default", "kind": "claims"})))
        return folder

    a = run("a", [("supported", "not_found"), ("contradicted", "supported"), ("not_found", "not_found")])
    b = run("b", [("supported", "supported"), ("contradicted", "supported"), ("not_found", "contradicted")])
    out = compare(a, b)
    assert '| "supported" recall | 0.000 | 1.000 | +1.000 |' in out
    assert '| "supported" precision | 0.000 | 0.500 | +0.500 |' in out
    assert "verdict changed: 2 (fixed 1, broken 1)" in out
    assert "- c0 (supported): not_found -> supported: claim 0." in out and "B: why supported" in out
    questions = tmp_path / "q"
    questions.mkdir()
    (questions / "records.jsonl").write_text("")
    (questions / "summary.json").write_text(json.dumps({"run": {"config": "default"}}))
    with pytest.raises(ConfigError, match="compare a claim run with another claim run"):
        compare(a, questions)
