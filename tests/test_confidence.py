"""The model's confidence in what it wrote: recorded from llama.cpp's logits, and it changes nothing.

Real SmolLM2 on llama.cpp; the signals are what ``rag.policy`` may weigh after the model.
"""

from __future__ import annotations

from langchain_core.messages import HumanMessage, SystemMessage

import rag
from rag.context import llm_for
from rag.llm.local import load_llama
from rag.settings import Settings


def test_token_probabilities_are_recorded_and_the_reply_is_the_same():
    llm = llm_for(Settings(model="smollm2-135m"))
    messages = [SystemMessage("Answer in one sentence."), HumanMessage("Which team won? The Buffalo Bills beat the Jets 24-10.")]
    llama = load_llama(llm.model_path, llm.n_ctx, llm.threads)
    # Both from an empty context: a prompt read again from llama.cpp's cache evaluates its last token alone,
    # and that arithmetic can flip a near tie.
    llama.reset()
    plain = llama.create_chat_completion(
        messages=[{"role": "system", "content": messages[0].content}, {"role": "user", "content": messages[1].content}],
        temperature=0.0, max_tokens=24,
    )  # fmt: skip
    llama.reset()
    reply = llm.invoke(messages, max_tokens=24)
    probs = llm.last_token_probs()
    assert probs and all(0.0 < p <= 1.0 for p in probs)
    written = reply.usage_metadata["output_tokens"]
    assert len(probs) in (written, written + 1)  # and the end-of-text token's, when the model stopped
    # The recorder only reads the logits: the same request without it writes the same reply.
    assert plain["choices"][0]["message"]["content"] == reply.content


def test_an_answer_carries_the_confidence_signals(tmp_path):
    from conftest import CORPUS

    settings = Settings(index=tmp_path / "index", model="smollm2-135m", max_answer_tokens=48, min_answerable=0, min_support=0)
    rag.ingest([CORPUS], settings=settings)
    answer = rag.ask("How much is Alibaba investing?", settings=settings)
    assert {"p_mean", "p_head", "p_min"} <= set(answer.signals), answer.signals
    assert 0.0 < answer.signals["p_min"] <= answer.signals["p_head"] <= 1.0
