"""Loads the LRAS transformer and its local patch quantizer from local files; never downloads.

The model classes come from the public LRAS code (the `lras_3d` package of SeKim12/lras_3d), imported
from the directory named by LRAS_CODE_DIR. Checkpoints are the lab's torch.save dicts with a 'cfg'
dict and the weights under 'model' or 'weights'. Only the module attributes used here are relied on:
LRAS.transformer.{token_embedding, positional_embedding, h, ln_f}, LRAS.lm_head, LPQ.quantize, and
for the cached forward each block's ln_1, attn.{c_attn, c_proj, n_head}, ln_2 and mlp (the names of
lras_3d/utils/modeling.py: Block, CausalSelfAttention, MLP).
"""

import contextlib
import dataclasses
import importlib
import inspect
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

from lras_sequence import TokenLayout

_IMAGENET_MEAN = (0.485, 0.456, 0.406)
_IMAGENET_STD = (0.229, 0.224, 0.225)

DEFAULTS = {
    "LRAS_CONFIG_CLASS": "lras_3d.lras_3d.config.LRAS7B_Patch8_RGBConfig",
    "LRAS_MODEL_CLASS": "lras_3d.lras_3d.model.LRAS",
    "LPQ_CONFIG_CLASS": "lras_3d.local_patch_quantizer.config.LPQConfig",
    "LPQ_MODEL_CLASS": "lras_3d.local_patch_quantizer.model.LPQ",
    "DTYPE": "bfloat16",
    "CONTENT_VOCAB": "65536",
    "MAX_SEQUENCES_PER_PASS": "8",
}

_DTYPES = {"bfloat16": torch.bfloat16, "float16": torch.float16, "float32": torch.float32}
# Scores per step of the attention without SDPA (torch < 2): 8 MB of fp32, small enough for the
# allocator to reuse its memory instead of mapping fresh pages for every step.
_ATTENTION_SCORES = 1 << 21


class KvCache:
    """Keys and values of a run of tokens, one [b, heads, t, head_dim] tensor each per layer.

    b is the number of sequences, or 1 for a run that several sequences share (a common prefix):
    it is broadcast to every sequence that attends to it and never copied.
    """

    def __init__(self, keys, values):
        self.keys = keys
        self.values = values

    @property
    def batch(self):
        return self.keys[0].shape[0]

    @property
    def length(self):
        return self.keys[0].shape[2]


class LrasTransformer:
    """(tokens, positions, n_last) -> logits of the last n_last positions, for an LRAS-shaped GPT.

    Runs the embedding, the blocks and ln_f/lm_head on the last n_last positions only (the final
    LayerNorm is per position), so no full-sequence logits or loss are ever materialised. Blocks
    that take a `mask` get a cached causal mask (True = masked): LRAS's attention would otherwise
    build a T x T mask on the CPU in every layer of every pass, although its SDPA path only uses
    is_causal=True. This plain path runs LRAS's own block forward; forward_cached (KV cache,
    explicit attention mask) computes the blocks from their weights.
    """

    def __init__(self, model, autocast_dtype=None):
        self.model = model
        self.autocast_dtype = autocast_dtype
        blocks = model.transformer.h
        self._blocks_take_mask = len(blocks) > 0 and "mask" in inspect.signature(blocks[0].forward).parameters
        self._masks = {}

    def __call__(self, tokens, positions, n_last):
        with self._autocast(tokens.device.type):
            parts = self.model.transformer
            x = parts.token_embedding(tokens) + parts.positional_embedding(positions)
            extra = {"mask": self._causal_mask(tokens.shape[1], tokens.device)} if self._blocks_take_mask else {}
            for block in parts.h:
                x = block(x, **extra)
            return self.model.lm_head(parts.ln_f(x[:, -n_last:]))

    def forward_cached(self, tokens, positions, n_last, context=(), allowed=None, keep=True):
        """Runs new tokens [b, t] on top of cached ones; returns (logits [b, n_last, V] or None, KvCache).

        context: KvCache runs (batch 1 or b) in sequence order, the tokens before these. positions
        [b, t]: explicit position ids (canonical slots). allowed: optional bool [t, L + t] (True = may
        attend), L the context length; without it a new token attends to the whole context and
        causally to the new tokens. keep=False returns no cache (the last step of a branch).

        Each block is computed here from its weights (ln_1, attn.c_attn, attn.c_proj, ln_2, mlp), so
        caches and masks reach the attention whatever LRAS's block forward accepts: its SDPA path
        runs is_causal=True and ignores custom masks, and its kv_cache_forward does not mask the new
        tokens among themselves. With no context and no mask this computes what __call__ does.
        """
        with self._autocast(tokens.device.type):
            parts = self.model.transformer
            x = parts.token_embedding(tokens) + parts.positional_embedding(positions)
            b, t = tokens.shape
            mask = self._allowed(allowed, sum(c.length for c in context), t, tokens.device)
            keys, values = [], []
            for layer, block in enumerate(parts.h):
                cached = ([c.keys[layer] for c in context], [c.values[layer] for c in context])
                x, k, v = _block_forward(block, x, *cached, mask)
                if keep:
                    keys.append(k)
                    values.append(v)
            logits = self.model.lm_head(parts.ln_f(x[:, -n_last:])) if n_last > 0 else None
            return logits, (KvCache(keys, values) if keep else None)

    @staticmethod
    def _allowed(allowed, context_length, length, device):
        """The bool [t, L + t] mask, or None for plain causal attention without context."""
        total = context_length + length
        if allowed is not None:
            if tuple(allowed.shape) != (length, total):
                raise ValueError(f"attention mask has shape {tuple(allowed.shape)}, expected ({length}, {total})")
            return allowed.to(device)
        if context_length == 0:
            return None
        rows = torch.arange(length, device=device)[:, None] + context_length
        return torch.arange(total, device=device)[None, :] <= rows

    def _causal_mask(self, length, device):
        key = (length, str(device))
        if key not in self._masks:
            if len(self._masks) >= 8:
                self._masks.clear()
            future = torch.ones(length, length, dtype=torch.bool, device=device).triu_(1)
            self._masks[key] = future.view(1, 1, length, length)
        return self._masks[key]

    def _autocast(self, device_type):
        if self.autocast_dtype in (None, torch.float32):
            return contextlib.nullcontext()
        return torch.autocast(device_type=device_type, dtype=self.autocast_dtype)


def _block_forward(block, x, cached_keys, cached_values, allowed):
    """One pre-LN block on new tokens x [b, t, d] after cached keys/values; returns (x, k, v) of x."""
    attn = block.attn
    b, t, d = x.shape
    heads = attn.n_head
    q, k, v = attn.c_attn(block.ln_1(x)).split(d, dim=2)
    q, k, v = (z.view(b, t, heads, d // heads).transpose(1, 2) for z in (q, k, v))
    all_k = torch.cat([c.expand(b, -1, -1, -1) for c in cached_keys] + [k], dim=2)
    all_v = torch.cat([c.expand(b, -1, -1, -1) for c in cached_values] + [v], dim=2)
    y = attention(q, all_k, all_v, allowed).transpose(1, 2).reshape(b, t, d)
    x = x + attn.c_proj(y)
    return x + block.mlp(block.ln_2(x)), k, v


def attention(q, k, v, allowed=None):
    """softmax(q k^T / sqrt(hd)) v of the last t of L positions; allowed: bool [t, L] (True = may
    attend), or None for causal attention (t == L)."""
    if hasattr(F, "scaled_dot_product_attention"):
        if allowed is None:
            return F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return F.scaled_dot_product_attention(q, k, v, attn_mask=allowed)
    # torch < 2: chunks of query rows, each against the keys up to its last row (masks never reach
    # further than causal attention does).
    length, total, out = q.shape[-2], k.shape[-2], []
    rows = max(1, _ATTENTION_SCORES // (q.shape[0] * q.shape[1] * total))
    for start in range(0, length, rows):
        end = min(length, start + rows)
        keys = total - length + end
        scores = (q[..., start:end, :] / math.sqrt(q.shape[-1])) @ k[..., :keys, :].transpose(-1, -2)
        if allowed is None:
            future = torch.ones(end - start, keys, dtype=torch.bool, device=q.device).triu_(keys - (end - start) + 1)
        else:
            future = ~allowed[start:end, :keys]
        scores.masked_fill_(future, float("-inf"))
        out.append(torch.softmax(scores, -1) @ v[..., :keys, :])
    return torch.cat(out, -2)


class LpqTokenizer:
    """uint8 RGB crops [N, 256, 256, 3] -> [N, 64, 64] codes: ImageNet normalisation, then LPQ."""

    def __init__(self, quantizer, device, batch_size=16):
        self.quantizer = quantizer
        self.device = torch.device(device)
        self.batch_size = batch_size
        self._mean = torch.tensor(_IMAGENET_MEAN, device=self.device).view(1, 3, 1, 1)
        self._std = torch.tensor(_IMAGENET_STD, device=self.device).view(1, 3, 1, 1)

    def __call__(self, images):
        out = []
        for start in range(0, len(images), self.batch_size):
            chunk = torch.from_numpy(np.ascontiguousarray(images[start : start + self.batch_size]))
            x = chunk.to(self.device).permute(0, 3, 1, 2).float().div_(255.0)
            out.append(self.quantizer.quantize((x - self._mean) / self._std).long().cpu())
        return torch.cat(out)


def _import(dotted):
    module_name, attr = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(module_name), attr)


def _config_from_dict(config_class, values):
    """Builds a dataclass config, taking the stored values for the fields it declares."""
    config = config_class()
    for field in dataclasses.fields(config):
        if field.name in values and not isinstance(values[field.name], dict):
            setattr(config, field.name, values[field.name])
    return config


def load_checkpoint_model(path, config_class, model_class):
    """Instantiates model_class(config) from a local checkpoint and loads its weights strictly."""
    if not os.path.isfile(path):
        raise FileNotFoundError(f"checkpoint {path} does not exist (weights are never downloaded)")
    # The checkpoint stores a config dict next to the weights, so it needs full unpickling:
    # mount only trusted files.
    checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    checkpoint.pop("optimizer", None)  # training checkpoints may carry it; free it at once
    config = _config_from_dict(_import(config_class), checkpoint.get("cfg", {}))
    model = _import(model_class)(config)
    weights = checkpoint["model"] if "model" in checkpoint else checkpoint["weights"]
    model.load_state_dict({k.replace("_orig_mod.", ""): v for k, v in weights.items()}, strict=True)
    return model


def load_components(params, device):
    """(transformer, tokenizer, layout, max_sequences_per_pass) from the config.pbtxt parameters."""
    settings = dict(DEFAULTS, **{k: v for k, v in params.items() if v != ""})
    for key in ("LRAS_CODE_DIR", "LRAS_CHECKPOINT", "LPQ_CHECKPOINT"):
        if key not in settings:
            raise ValueError(f"parameter {key} is required")
    for key in ("LRAS_CHECKPOINT", "LPQ_CHECKPOINT"):  # fail before minutes of loading
        if not os.path.isfile(settings[key]):
            raise FileNotFoundError(f"{key} {settings[key]} does not exist (weights are never downloaded)")
    code_dir = settings["LRAS_CODE_DIR"]
    if not os.path.isdir(code_dir):
        raise FileNotFoundError(f"LRAS_CODE_DIR {code_dir} is not a directory")
    if code_dir not in sys.path:
        sys.path.insert(0, code_dir)
    if settings["DTYPE"] not in _DTYPES:
        raise ValueError(f"DTYPE must be one of {sorted(_DTYPES)}, was {settings['DTYPE']}")
    dtype = _DTYPES[settings["DTYPE"]]
    layout = TokenLayout(content_vocab=int(settings["CONTENT_VOCAB"]))

    lras = load_checkpoint_model(settings["LRAS_CHECKPOINT"], settings["LRAS_CONFIG_CLASS"], settings["LRAS_MODEL_CLASS"])
    vocab = lras.lm_head.out_features
    if vocab != layout.vocab_size:
        raise ValueError(f"LRAS vocabulary is {vocab}, the token layout needs {layout.vocab_size}")
    lras = lras.to(dtype).to(device).eval()
    lpq = load_checkpoint_model(settings["LPQ_CHECKPOINT"], settings["LPQ_CONFIG_CLASS"], settings["LPQ_MODEL_CLASS"])
    codes = getattr(getattr(lpq, "config", None), "vocab_size", layout.content_vocab)
    if codes != layout.content_vocab:
        raise ValueError(f"LPQ codebook has {codes} codes, CONTENT_VOCAB is {layout.content_vocab}")
    lpq = lpq.to(device).float().eval()

    transformer = LrasTransformer(lras, autocast_dtype=dtype)
    return transformer, LpqTokenizer(lpq, device), layout, int(settings["MAX_SEQUENCES_PER_PASS"])
