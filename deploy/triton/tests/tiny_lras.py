"""Tiny random stand-ins for LRAS and its local patch quantizer, with the real ones' shapes.

TinyLras is a pre-LN GPT with learned absolute position embeddings indexed by canonical slot ids
(block size 10,240), bias-free LayerNorms, causal self-attention, a GELU MLP and an untied LM head,
exposing the attribute names lras_loader.LrasTransformer drives. TinyLpq is a 4x4/stride-4 conv
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

_ATTENTION_CHUNK = 512


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
    for start in range(0, length, _ATTENTION_CHUNK):
        end = min(length, start + _ATTENTION_CHUNK)
        scores = (q[..., start:end, :] / math.sqrt(q.shape[-1])) @ k[..., :end, :].transpose(-1, -2)
        future = torch.ones(end - start, end - start, dtype=torch.bool).triu_(1)
        scores[..., start:end].masked_fill_(future, float("-inf"))
        out.append(torch.softmax(scores, -1) @ v[..., :end, :])
    return torch.cat(out, -2)


class Block(nn.Module):
    def __init__(self, config):
        super().__init__()
        d = config.n_embd
        self.n_head = config.n_head
        self.ln_1 = BiasFreeLayerNorm(d)
        self.c_attn = nn.Linear(d, 3 * d, bias=False)
        self.attn_proj = nn.Linear(d, d, bias=False)
        self.ln_2 = BiasFreeLayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d, bias=False), nn.GELU(), nn.Linear(4 * d, d, bias=False))

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.c_attn(self.ln_1(x)).split(d, dim=2)
        q, k, v = (z.view(b, t, self.n_head, d // self.n_head).transpose(1, 2) for z in (q, k, v))
        y = causal_attention(q, k, v).transpose(1, 2).reshape(b, t, d)
        x = x + self.attn_proj(y)
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
                block.c_attn.weight.mul_(4.0)
            self.lm_head.weight.mul_(4.0)


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

    def __call__(self, tokens, positions, n_last):
        self.calls.append((tokens.clone(), positions.clone(), n_last))
        return self.inner(tokens, positions, n_last)

    def sequences_run(self):
        return sum(tokens.shape[0] for tokens, _, _ in self.calls)


def textured_frames(seed=0, shift=(3, 5)):
    """A random textured frame 1 and frame 2 = frame 1 moved by shift (rows, cols)."""
    rng = np.random.default_rng(seed)
    frame1 = rng.integers(0, 256, (256, 256, 3), dtype=np.uint8)
    return frame1, np.roll(frame1, shift, axis=(0, 1))
