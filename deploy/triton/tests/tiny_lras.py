"""Tiny random stand-ins for LRAS and its local patch quantizer, with the real ones' shapes.

TinyLras is a pre-LN GPT with learned absolute position embeddings indexed by canonical slot ids
(block size 10,240), bias-free LayerNorms, causal self-attention, a GELU MLP and an untied LM head,
with LRAS's module structure and attribute names (transformer.{token_embedding,
positional_embedding, h, ln_f}, lm_head; per block ln_1, attn.{c_attn, c_proj, n_head}, ln_2,
mlp.{c_fc, gelu, c_proj}), the ones lras_loader.LrasTransformer drives. TinyLpq is a 4x4/stride-4 conv
whose channel signs are the bits of the code. Both are configured by dataclasses so that the
loader can rebuild them from a checkpoint.
"""

import math
import os
import sys
from dataclasses import asdict, dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_DIR = os.path.join(os.path.dirname(HERE), "lras_kl_probe", "1")
for path in (MODEL_DIR, os.path.join(HERE, "fake_triton")):
    if path not in sys.path:
        sys.path.insert(0, path)

from lras_loader import LpqTokenizer, LrasTransformer  # noqa: E402
from lras_probe import KlProbe  # noqa: E402
from lras_sequence import TokenLayout  # noqa: E402

_ATTENTION_SCORES = 1 << 21  # scores per step without SDPA (8 MB: reused, not freshly mapped)


@dataclass
class TinyLrasConfig:
    vocab_size: int = 256 + 2048
    block_size: int = 10240
    n_layer: int = 2
    n_head: int = 1
    n_embd: int = 16
    init_seed: int = 7


@dataclass
class TinyLpqConfig:
    code_bits: int = 8
    init_seed: int = 11


class BiasFreeLayerNorm(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return F.layer_norm(x, self.weight.shape, self.weight, None, 1e-5)


def causal_attention(q, k, v):
    """softmax(q k^T / sqrt(d)) v under a causal mask; query chunks keep memory small on torch 1.x."""
    if hasattr(F, "scaled_dot_product_attention"):
        return F.scaled_dot_product_attention(q, k, v, is_causal=True)
    length, out = q.shape[-2], []
    rows = max(1, _ATTENTION_SCORES // (q.shape[0] * q.shape[1] * length))
    for start in range(0, length, rows):
        end = min(length, start + rows)
        scores = (q[..., start:end, :] / math.sqrt(q.shape[-1])) @ k[..., :end, :].transpose(-1, -2)
        future = torch.ones(end - start, end - start, dtype=torch.bool).triu_(1)
        scores[..., start:end].masked_fill_(future, float("-inf"))
        out.append(torch.softmax(scores, -1) @ v[..., :end, :])
    return torch.cat(out, -2)


class CausalSelfAttention(nn.Module):
    """LRAS's attention module names: c_attn (q, k, v), c_proj, n_head, n_embd; no bias."""

    def __init__(self, config):
        super().__init__()
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd, bias=False)
        self.c_proj = nn.Linear(config.n_embd, config.n_embd, bias=False)
        self.n_head = config.n_head
        self.n_embd = config.n_embd

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.c_attn(x).split(d, dim=2)
        q, k, v = (z.view(b, t, self.n_head, d // self.n_head).transpose(1, 2) for z in (q, k, v))
        return self.c_proj(causal_attention(q, k, v).transpose(1, 2).reshape(b, t, d))


class MLP(nn.Module):
    """LRAS's MLP names: c_fc, gelu, c_proj (4 d hidden)."""

    def __init__(self, config):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd, bias=False)
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(4 * config.n_embd, config.n_embd, bias=False)

    def forward(self, x):
        return self.c_proj(self.gelu(self.c_fc(x)))


class Block(nn.Module):
    """LRAS's pre-LN block: ln_1, attn, ln_2, mlp (lras_3d/utils/modeling.py's names)."""

    def __init__(self, config):
        super().__init__()
        self.ln_1 = BiasFreeLayerNorm(config.n_embd)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = BiasFreeLayerNorm(config.n_embd)
        self.mlp = MLP(config)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class TinyLras(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        torch.manual_seed(config.init_seed)  # the same weights for the same config
        self.transformer = nn.ModuleDict(
            dict(
                token_embedding=nn.Embedding(config.vocab_size, config.n_embd),
                positional_embedding=nn.Embedding(config.block_size, config.n_embd),
                h=nn.ModuleList([Block(config) for _ in range(config.n_layer)]),
                ln_f=BiasFreeLayerNorm(config.n_embd),
            )
        )
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        with torch.no_grad():  # sharper attention and output distributions: larger KL values
            for block in self.transformer.h:
                block.attn.c_attn.weight.mul_(4.0)
            self.lm_head.weight.mul_(4.0)

    def forward(self, seq, pos, tgt=None):
        """(logits, None) as LRAS.forward: logits of every position, or of the last tgt.size(1)."""
        x = self.transformer.token_embedding(seq) + self.transformer.positional_embedding(pos)
        for block in self.transformer.h:
            x = block(x)
        x = self.transformer.ln_f(x)
        return self.lm_head(x if tgt is None else x[:, -tgt.size(1) :]), None


class TinyLpq(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        torch.manual_seed(config.init_seed)
        self.encoder = nn.Conv2d(3, config.code_bits, kernel_size=4, stride=4)
        self.register_buffer("bit_values", 2 ** torch.arange(config.code_bits))

    def quantize(self, x):
        bits = (self.encoder(x) > 0).long()  # [N, bits, 64, 64]
        return (bits * self.bit_values.view(1, -1, 1, 1)).sum(1)


def tiny_components(code_bits=8, max_sequences_per_pass=4):
    """(KlProbe, TinyLras) on CPU, with the production adapters around the tiny modules."""
    layout = TokenLayout(content_vocab=2**code_bits)
    lras = TinyLras(TinyLrasConfig(vocab_size=layout.vocab_size)).eval()
    lpq = TinyLpq(TinyLpqConfig(code_bits=code_bits)).eval()
    probe = KlProbe(LrasTransformer(lras), LpqTokenizer(lpq, "cpu"), layout, "cpu", max_sequences_per_pass)
    return probe, lras


def save_checkpoint(module, path):
    torch.save({"cfg": asdict(module.config), "model": module.state_dict()}, path)


class RecordingTransformer:
    """Wraps a transformer and records every batch of sequences it is asked to run."""

    def __init__(self, inner):
        self.inner = inner
        self.calls = []
        self.cached_calls = []

    def __call__(self, tokens, positions, n_last):
        self.calls.append((tokens.clone(), positions.clone(), n_last))
        return self.inner(tokens, positions, n_last)

    def forward_cached(self, tokens, positions, n_last, context=(), allowed=None, keep=True):
        self.cached_calls.append((tokens.clone(), positions.clone(), n_last, sum(c.length for c in context)))
        return self.inner.forward_cached(tokens, positions, n_last, context, allowed, keep)

    def sequences_run(self):
        return sum(tokens.shape[0] for tokens, _, _ in self.calls)


class TokenMeter:
    """Counts the tokens that go through a TinyLras: the embedding's lookups and block 0's inputs.

    Forward hooks on the modules themselves, so it counts what was computed, whichever adapter
    path (plain, cached, masked) drove the model. Use as a context manager.
    """

    def __init__(self, lras):
        self.lras = lras
        self.embedded = 0
        self.block_rows = 0
        self._hooks = []

    def __enter__(self):
        def embedded(module, inputs, output):
            self.embedded += int(inputs[0].numel())

        def block_rows(module, inputs, output):
            self.block_rows += int(inputs[0].shape[0] * inputs[0].shape[1])

        parts = self.lras.transformer
        self._hooks = [
            parts.token_embedding.register_forward_hook(embedded),
            parts.h[0].ln_1.register_forward_hook(block_rows),
        ]
        return self

    def __exit__(self, *exc):
        for hook in self._hooks:
            hook.remove()


def splitmix_frame(seed):
    """256x256x3 uint8 whose bytes in (y, x, channel) order are successive SplitMix64(seed).next() & 0xFF."""
    mask = np.uint64(0xFFFFFFFFFFFFFFFF)
    with np.errstate(over="ignore"):
        steps = np.arange(1, 256 * 256 * 3 + 1, dtype=np.uint64)
        z = np.uint64(int(seed) & 0xFFFFFFFFFFFFFFFF) + steps * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = (z ^ (z >> np.uint64(31))) & mask
    return (z & np.uint64(0xFF)).astype(np.uint8).reshape(256, 256, 3)


def textured_frames(seed=0, shift=(3, 5)):
    """A random textured frame 1 and frame 2 = frame 1 moved by shift (rows, cols)."""
    rng = np.random.default_rng(seed)
    frame1 = rng.integers(0, 256, (256, 256, 3), dtype=np.uint8)
    return frame1, np.roll(frame1, shift, axis=(0, 1))
