"""KL-tracing probe step on an LRAS-style model: the maths behind model.py, in plain torch.

The transformer and tokenizer are injected, so tests run it with tiny random models:
- transformer(tokens [B, T] long, positions [B, T] long, n_last) -> logits [B, n_last, V]: a plain
  causal pass (the public recipe);
- transformer.forward_cached(tokens, positions, n_last, context, allowed, keep) -> (logits or None,
  KvCache): new tokens on top of cached keys/values, with an optional attention mask (the shared
  prefix and independent queries; see lras_loader.LrasTransformer);
- tokenizer(images uint8 numpy [N, 256, 256, 3]) -> codes [N, 64, 64] long.

What a pair costs follows docs/model-contract.md, "Cost": the SEQUENCE_PLAN bits choose how the
sequences are computed, the QUERY_WINDOW which hidden patches are queried, and every token pushed
through the transformer is counted (ProbeResult.tokens, the TOKENS output).
"""

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from lras_sequence import ProbeSequences, SequencePlan, order_with_last, patch_codes, query_mask
from probe_contract import (
    FINE_GRID,
    FRAME_TOKENS,
    FULL_WINDOW,
    GRID,
    PATCHES,
    PLAN_BITS,
    PLAN_INDEPENDENT_QUERIES,
    PLAN_ONE_FRAME1_ORDER,
    PLAN_SHARED_PREFIX,
    apply_dot,
    best_group_size,
    split_groups,
    touched_patches,
)


@dataclass(frozen=True)
class ProbeResult:
    """The maps of one crop pair and the transformer tokens they cost."""

    maps: np.ndarray  # float32 [P, S, G, G]
    tokens: int


class NonLocalTokenizer(RuntimeError):
    """The tokenizer changed codes of frame-1 patches whose pixels the dot did not change."""


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
        self._tokens = 0

    def probe(self, frame1, frame2, points, seeds, sigma, amplitude, mask_ratio, map_size, window=FULL_WINDOW, plan=0):
        """Maps float32 [P, S, G, G] for points [P, 2] (x, y) and seeds [S] of one crop pair (see run)."""
        return self.run(frame1, frame2, points, seeds, sigma, amplitude, mask_ratio, map_size, window, plan).maps

    @torch.inference_mode()
    def run(self, frame1, frame2, points, seeds, sigma, amplitude, mask_ratio, map_size, window=FULL_WINDOW, plan=0):
        """ProbeResult of points [P, 2] (x, y) and seeds [S] of one crop pair.

        A point whose dot changes no frame-1 pixel has all-zero maps and costs nothing; so does a
        seed none of whose hidden patches meets the window. The clean sequences of a seed serve
        every point (of a group, with the shared prefix). Cells of revealed and unqueried patches
        read 0.
        """
        if map_size not in (GRID, FINE_GRID):
            raise ValueError(f"map size must be {GRID} or {FINE_GRID}, was {map_size}")
        if not 0 <= int(plan) <= PLAN_BITS:
            raise ValueError(f"sequence plan must be 0 to {PLAN_BITS}, was {plan}")
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        seeds = [int(s) for s in seeds]
        maps = torch.zeros(len(points), len(seeds), map_size, map_size)
        perturbed = [apply_dot(frame1, x, y, sigma, amplitude) for x, y in points]
        touched = [touched_patches(frame1, image) for image in perturbed]
        active = [p for p, patches in enumerate(touched) if patches.size > 0]
        plans = _seed_plans(seeds, mask_ratio, bool(plan & PLAN_ONE_FRAME1_ORDER))
        queried = [seed_plan.queried(window) for seed_plan in plans]
        runs = [s for s in range(len(seeds)) if queried[s].numel() > 0]
        if not active or not runs:
            return ProbeResult(maps.numpy(), 0)
        codes = self._tokenize(np.stack([frame1, frame2] + [perturbed[p] for p in active]))
        job = _Job(
            frame1_patches=patch_codes(torch.cat([codes[:1], codes[2:]])),
            frame2_patches=patch_codes(codes[1:2])[0],
            plans=plans,
            queried=queried,
            runs=runs,
            n_codes=1 if map_size == GRID else 4,
            independent=bool(plan & PLAN_INDEPENDENT_QUERIES),
            maps=maps,
            map_size=map_size,
        )
        self._tokens = 0
        if plan & PLAN_SHARED_PREFIX:
            self._run_groups(job, active, [touched[p] for p in active], bool(plan & PLAN_ONE_FRAME1_ORDER))
        else:
            self._run_full(job, active)
        return ProbeResult(maps.numpy(), self._tokens)

    def _tokenize(self, images):
        codes = self.tokenizer(images)
        if tuple(codes.shape) != (len(images), FINE_GRID, FINE_GRID):
            raise RuntimeError(f"tokenizer returned shape {tuple(codes.shape)}, expected [N, 64, 64]")
        return codes.to("cpu", torch.long)

    # --- plan bit 1 clear: every sequence in full ---------------------------------------------

    def _run_full(self, job, active):
        """Clean + every active point's perturbed sequence per seed, in full; each code a pass."""
        for s in job.runs:
            sequences = ProbeSequences(self.layout, job.plans[s], job.frame2_patches, job.queried[s])
            kl = self._full_divergences(sequences, job.frame1_patches, job.n_codes, job.independent)
            job.write(active, s, kl)

    def _full_divergences(self, sequences, frame1_patches, n_codes, independent):
        """KL per queried patch and code, [C, n_codes, q]; row 0 of frame1_patches is the clean one.

        Code 1 comes from the pointer queries. Codes 2..4 (fine maps) follow LRAS's greedy seq2par
        loop, with the clean pass's arg-max codes as the teacher for both the clean and the
        perturbed sequences, so that the two predictions always share their conditioning.
        """
        q = sequences.query_count
        teacher = torch.zeros(0, q, dtype=torch.long)
        per_code = []
        for k in range(n_codes):
            tokens = sequences.tokens(frame1_patches, teacher)
            positions = sequences.positions(k)
            allowed = sequences.mask(k, self.device) if independent else None
            branches = _Branches(tokens.shape[0], self.max_sequences_per_pass)
            clean_logp, kl = self._pass(branches, tokens, positions, q, allowed, keep=False)
            per_code.append(kl)
            if k + 1 < n_codes:
                teacher = torch.cat([teacher, self._teacher(clean_logp)[None]])
        return torch.stack(per_code, 1)

    # --- plan bit 1 set: shared prefix on a KV cache -------------------------------------------

    def _run_groups(self, job, active, touched, one_order):
        """Groups of active points, each with frame 1 ordered so that its touched patches come last."""
        queried = [job.queried[s].numel() for s in job.runs]
        revealed = job.plans[0].revealed.numel()
        size = best_group_size(touched, queried, revealed, job.n_codes, one_order)
        for start, end in split_groups(len(active), size):
            members = active[start:end]
            union = sorted(set().union(*(set(int(p) for p in t) for t in touched[start:end])))
            variants = job.frame1_patches[[0] + list(range(1 + start, 1 + end))]
            _check_local(variants, union, members)
            if one_order:
                self._group_one_order(job, members, variants, union)
            else:
                for s in job.runs:
                    self._group_seed(job, members, variants, union, s)

    def _group_seed(self, job, members, variants, union, s):
        """One group and seed: prefix once, then each branch's tail + revealed + queries on it."""
        sequences = ProbeSequences(self.layout, job.plans[s], job.frame2_patches, job.queried[s])
        head, tail = order_with_last(job.plans[s].frame1_order, union)
        branches = _Branches(variants.shape[0], self.max_sequences_per_pass, self._prefix(sequences, variants, head))
        tokens = torch.cat([sequences.frame1_tokens(variants, tail), _rows(_context_and_queries(sequences), variants)], 1)
        positions = torch.cat([sequences.frame1_positions(tail), _context_and_query_positions(sequences)])
        job.write(members, s, self._branch_divergences(branches, sequences, tokens, positions, job))

    def _group_one_order(self, job, members, variants, union):
        """One group, all seeds in one frame-1 order: prefix -> branch tails -> per-seed suffixes."""
        first = ProbeSequences(self.layout, job.plans[job.runs[0]], job.frame2_patches, job.queried[job.runs[0]])
        head, tail = order_with_last(job.plans[0].frame1_order, union)
        tails = _Branches(variants.shape[0], self.max_sequences_per_pass, self._prefix(first, variants, head))
        self._pass(tails, first.frame1_tokens(variants, tail), first.frame1_positions(tail), 0, None, keep=True)
        for s in job.runs:
            sequences = ProbeSequences(self.layout, job.plans[s], job.frame2_patches, job.queried[s])
            tokens = _rows(_context_and_queries(sequences), variants)
            positions = _context_and_query_positions(sequences)
            job.write(members, s, self._branch_divergences(tails.fork(), sequences, tokens, positions, job))

    def _prefix(self, sequences, variants, head):
        """The cached keys/values of the clean frame-1 head (shared by every branch), as a list."""
        if head.numel() == 0:
            return []
        tokens = sequences.frame1_tokens(variants[:1], head).to(self.device)
        positions = sequences.frame1_positions(head).to(self.device)[None]
        _, cache = self._forward(tokens, positions, 0, (), None, keep=True)
        return [cache]

    def _branch_divergences(self, branches, sequences, tokens, positions, job):
        """KL [g, n_codes, q] of branches whose next run ends with the pointer queries.

        For fine maps each further code is one teacher column of q codes (the clean branch's
        arg-max) appended on each branch's own cache.
        """
        q = sequences.query_count
        context = FRAME_TOKENS + sequences.revealed_tokens.numel()
        per_code = []
        for k in range(job.n_codes):
            allowed = None
            if job.independent:
                allowed = query_mask(sequences.groups(context, k).to(self.device), tokens.shape[1])
            clean_logp, kl = self._pass(branches, tokens, positions, q, allowed, keep=k + 1 < job.n_codes)
            per_code.append(kl)
            if k + 1 < job.n_codes:
                tokens = self._teacher(clean_logp)[None].expand(tokens.shape[0], -1)
                positions = sequences.query_positions(k + 1)
        return torch.stack(per_code, 1)

    # --- passes ---------------------------------------------------------------------------------

    def _teacher(self, clean_logp):
        """The clean prediction's arg-max over the content codes, [q] (the next teacher column)."""
        return clean_logp[:, : self.layout.content_vocab].argmax(-1).cpu()

    def _pass(self, branches, tokens, positions, n_last, allowed, keep):
        """Runs rows [clean, perturbed...] in their chunks; returns (clean log-probs, KL [R - 1, n_last]).

        The clean row leads the first chunk. With n_last 0 nothing is read out (a cached run).
        """
        clean_logp, rows = None, []
        for c, (start, end) in enumerate(branches.chunks):
            chunk = tokens[start:end].to(self.device)
            pos = positions.to(self.device)[None].expand(chunk.shape[0], -1)
            logits, cache = self._forward(chunk, pos, n_last, branches.context(c), allowed, keep)
            if keep:
                branches.own[c].append(cache)
            if n_last == 0:
                continue
            for i in range(chunk.shape[0]):
                logp = F.log_softmax(logits[i].float(), dim=-1)  # fp32, one sequence at a time
                if clean_logp is None:
                    clean_logp = logp
                else:
                    rows.append(_kl(clean_logp, logp))
            del logits
        return clean_logp, (torch.stack(rows).cpu() if rows else None)

    def _forward(self, tokens, positions, n_last, context, allowed, keep):
        """One transformer call; counts its new tokens. Plain calls keep LRAS's own causal path."""
        self._tokens += int(tokens.numel())
        if not context and allowed is None and not keep:
            return self.transformer(tokens, positions, n_last), None
        return self.transformer.forward_cached(tokens, positions, n_last, context, allowed, keep)


@dataclass
class _Job:
    """What every sequence of one pair shares."""

    frame1_patches: torch.Tensor  # [1 + |A|, 1024, 4]: clean, then each active point's
    frame2_patches: torch.Tensor  # [1024, 4]
    plans: list  # SequencePlan per seed
    queried: list  # queried hidden patches per seed
    runs: list  # seeds with q_s > 0
    n_codes: int
    independent: bool
    maps: torch.Tensor  # [P, S, G, G]
    map_size: int

    def write(self, points, s, kl):
        """Stores KL [len(points), n_codes, q] of seed s as the points' maps."""
        self.maps[points, s] = _to_maps(kl, self.queried[s], self.map_size)


class _Branches:
    """Rows (clean first) run in chunks of at most per_pass, each with its own KV caches on shared ones."""

    def __init__(self, rows, per_pass, shared=()):
        self.chunks = [(start, min(rows, start + per_pass)) for start in range(0, rows, per_pass)]
        self.shared = list(shared)
        self.own = [[] for _ in self.chunks]

    def context(self, c):
        return self.shared + self.own[c]

    def fork(self):
        """Branches that go on from here without changing this one (caches are not copied)."""
        other = _Branches(0, 1, self.shared)
        other.chunks = list(self.chunks)
        other.own = [list(own) for own in self.own]
        return other


def _seed_plans(seeds, mask_ratio, one_order):
    plans = [SequencePlan.for_seed(seed, mask_ratio) for seed in seeds]
    if one_order and plans:
        plans = [plan.with_frame1_order(plans[0].frame1_order) for plan in plans]
    return plans


def _context_and_queries(sequences):
    return torch.cat([sequences.revealed_tokens, sequences.query_tokens()])


def _context_and_query_positions(sequences):
    return torch.cat([sequences.revealed_positions, sequences.query_positions(0)])


def _rows(tokens, variants):
    """The same tokens [t] for every variant: [N, t]."""
    return tokens[None].expand(variants.shape[0], -1)


def _check_local(variants, union, members):
    """Raises unless every variant's codes equal the clean ones outside the touched patches."""
    outside = torch.ones(PATCHES, dtype=torch.bool)
    outside[union] = False
    differs = (variants[1:, outside] != variants[:1, outside]).any(-1)  # [g, 1024 - u]
    if bool(differs.any()):
        row, col = (int(v) for v in differs.nonzero()[0])
        patch = int(outside.nonzero()[col])
        raise NonLocalTokenizer(
            f"the dot of point {members[row]} changes the codes of frame-1 patch {patch}, none of whose "
            f"pixels it changes: the tokenizer is not local, so the shared prefix (SEQUENCE_PLAN bit 1) "
            f"would be wrong"
        )


def _kl(clean_logp, perturbed_logp):
    """KL(clean || perturbed) per row over the full vocabulary, clamped at 0 against rounding."""
    return (clean_logp.exp() * (clean_logp - perturbed_logp)).sum(-1).clamp_min(0.0)


def _to_maps(kl, queried, map_size):
    """[C, n_codes, q] values of queried patches -> [C, G, G] maps with the other cells 0."""
    count, n_codes, _ = kl.shape
    flat = torch.zeros(count, PATCHES, n_codes)
    flat[:, queried] = kl.permute(0, 2, 1).float()
    if map_size == GRID:
        return flat.reshape(count, GRID, GRID)
    # Code k of patch (r, c) is cell (2r + k // 2, 2c + k % 2).
    return flat.reshape(count, GRID, GRID, 2, 2).permute(0, 1, 3, 2, 4).reshape(count, FINE_GRID, FINE_GRID)
