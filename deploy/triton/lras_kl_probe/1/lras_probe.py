"""KL-tracing probe step on an LRAS-style model: the maths behind model.py, in plain torch.

The transformer and tokenizer are injected, so tests run it with tiny random models:
- transformer(tokens [B, T] long, positions [B, T] long, n_last) -> logits [B, n_last, V];
- tokenizer(images uint8 numpy [N, 256, 256, 3]) -> codes [N, 64, 64] long.
"""

import numpy as np
import torch
import torch.nn.functional as F

from lras_sequence import ProbeSequences, SequencePlan, patch_codes
from probe_contract import FINE_GRID, GRID, PATCHES, apply_dot


class KlProbe:
    """Computes KL(clean || perturbed) maps for one crop pair at a time."""

    def __init__(self, transformer, tokenizer, layout, device="cpu", max_sequences_per_pass=8):
        if max_sequences_per_pass < 2:
            raise ValueError(f"max_sequences_per_pass must be >= 2, was {max_sequences_per_pass}")
        self.transformer = transformer
        self.tokenizer = tokenizer
        self.layout = layout
        self.device = torch.device(device)
        self.max_sequences_per_pass = max_sequences_per_pass

    @torch.inference_mode()
    def probe(self, frame1, frame2, points, seeds, sigma, amplitude, mask_ratio, map_size):
        """Maps float32 [P, S, G, G] for points [P, 2] (x, y) and seeds [S] of one crop pair.

        The clean pass of each seed runs once and serves every point. A point whose dot changes no
        frame-1 code has an identical perturbed sequence, so its maps are exactly zero and it
        costs no pass; if no point changes a code, no pass runs at all.
        """
        if map_size not in (GRID, FINE_GRID):
            raise ValueError(f"map size must be {GRID} or {FINE_GRID}, was {map_size}")
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        codes = self._tokenize(np.stack([frame1, frame2]))
        perturbed = [apply_dot(frame1, x, y, sigma, amplitude) for x, y in points]
        perturbed_codes = self._tokenize(np.stack(perturbed)) if perturbed else codes[:0]
        changed = (perturbed_codes != codes[0]).flatten(1).any(1)
        maps = torch.zeros(len(points), len(seeds), map_size, map_size)
        if not bool(changed.any()):
            return maps.numpy()
        frame1_patches = patch_codes(torch.cat([codes[:1], perturbed_codes[changed]]))
        frame2_patches = patch_codes(codes[1:])[0]
        n_codes = 1 if map_size == GRID else 4
        for s, seed in enumerate(seeds):
            plan = SequencePlan.for_seed(int(seed), mask_ratio)
            if plan.hidden.numel() == 0:
                continue
            sequences = ProbeSequences(self.layout, plan, frame2_patches)
            kl = self._divergences(sequences, frame1_patches, n_codes)  # [C, n_codes, H]
            maps[changed, s] = _to_maps(kl, plan.hidden, map_size)
        return maps.numpy()

    def _tokenize(self, images):
        codes = self.tokenizer(images)
        if tuple(codes.shape) != (len(images), FINE_GRID, FINE_GRID):
            raise RuntimeError(f"tokenizer returned shape {tuple(codes.shape)}, expected [N, 64, 64]")
        return codes.to("cpu", torch.long)

    def _divergences(self, sequences, frame1_patches, n_codes):
        """KL per hidden patch and code, [C, n_codes, H]; row 0 of frame1_patches is the clean one.

        Code 1 comes from the pointer queries. Codes 2..4 (fine maps) follow LRAS's greedy seq2par
        loop, with the clean pass's arg-max codes as the teacher for both the clean and the
        perturbed sequences, so that the two predictions always share their conditioning.
        """
        teacher = torch.zeros(0, sequences.hidden_count, dtype=torch.long)
        per_code = []
        for k in range(n_codes):
            tokens = sequences.tokens(frame1_patches, teacher)
            positions = sequences.positions(k)
            clean_logp, kl = self._pass(tokens, positions, sequences.hidden_count)
            per_code.append(kl)
            if k + 1 < n_codes:
                best = clean_logp[:, : self.layout.content_vocab].argmax(-1).cpu()
                teacher = torch.cat([teacher, best[None]])
        return torch.stack(per_code, 1)

    def _pass(self, tokens, positions, n_last):
        """Runs [clean, perturbed...] in micro-batches; the clean row leads the first batch."""
        clean_logp, rows = None, []
        for start in range(0, tokens.shape[0], self.max_sequences_per_pass):
            chunk = tokens[start : start + self.max_sequences_per_pass].to(self.device)
            pos = positions.to(self.device)[None].expand(chunk.shape[0], -1)
            logits = self.transformer(chunk, pos, n_last)
            for i in range(chunk.shape[0]):
                logp = F.log_softmax(logits[i].float(), dim=-1)  # fp32, one sequence at a time
                if clean_logp is None:
                    clean_logp = logp
                else:
                    rows.append(_kl(clean_logp, logp))
            del logits
        return clean_logp, torch.stack(rows).cpu()


def _kl(clean_logp, perturbed_logp):
    """KL(clean || perturbed) per row over the full vocabulary, clamped at 0 against rounding."""
    return (clean_logp.exp() * (clean_logp - perturbed_logp)).sum(-1).clamp_min(0.0)


def _to_maps(kl, hidden, map_size):
    """[C, n_codes, H] values of hidden patches -> [C, G, G] maps with revealed cells 0."""
    count, n_codes, _ = kl.shape
    flat = torch.zeros(count, PATCHES, n_codes)
    flat[:, hidden] = kl.permute(0, 2, 1).float()
    if map_size == GRID:
        return flat.reshape(count, GRID, GRID)
    # Code k of patch (r, c) is cell (2r + k // 2, 2c + k % 2).
    return flat.reshape(count, GRID, GRID, 2, 2).permute(0, 1, 3, 2, 4).reshape(count, FINE_GRID, FINE_GRID)
