"""A scripted chat model for the fast tier: it replies with what a test enqueued, in order.

In the spirit of simonw/llm's ``MockModel.enqueue``. It is a real LangChain chat
model, injected through the same ``llm=`` seam as llama.cpp and ChatOpenAI, so
everything around the model (prompts, streaming, the finish check, the checker,
the refusal rules, the REPL) runs as in production, in milliseconds.

>>> chat = ScriptedChat().enqueue("Hello [1].")
>>> chat.invoke("hi").content, chat.prompts[-1][-1].content
('Hello [1].', 'hi')
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field


class ScriptedChat(BaseChatModel):
    replies: list = Field(default_factory=list)  # str, or an exception to raise
    prompts: list[list[BaseMessage]] = Field(default_factory=list)  # every prompt received, oldest first
    calls: list[dict] = Field(default_factory=list)  # the keyword arguments of each call (max_tokens, ...)
    yes: float = 1.0  # what the answer policy's yes/no judge (rag.judge) reads as P(yes)
    judged: list[list[BaseMessage]] = Field(default_factory=list)  # every judge prompt received

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def enqueue(self, *replies) -> ScriptedChat:
        self.replies.extend(replies)
        return self

    def _next(self, messages: list[BaseMessage], kwargs: dict) -> str:
        self.prompts.append(list(messages))
        self.calls.append(dict(kwargs))
        if not self.replies:
            raise AssertionError(f"the model was called but no reply was enqueued; prompt: {messages[-1].content[:200]!r}")
        reply = self.replies.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        return reply

    def yes_probability(self, messages: list[BaseMessage]) -> float:
        """The judge's question, answered with the scripted probability (as llama.cpp's logits would)."""
        self.judged.append(list(messages))
        return self.yes

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        text = self._next(messages, kwargs)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text, response_metadata={"finish_reason": "stop"}))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs) -> Iterator[ChatGenerationChunk]:
        text = self._next(messages, kwargs)
        for piece in re.findall(r"\S+\s*|\s+", text):  # word by word, as a server streams
            yield ChatGenerationChunk(message=AIMessageChunk(content=piece))
        yield ChatGenerationChunk(message=AIMessageChunk(content="", response_metadata={"finish_reason": "stop"}))
