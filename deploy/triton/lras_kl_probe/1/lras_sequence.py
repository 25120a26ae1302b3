"""LRAS token layout and the seq2par probe sequences (reference sections 1.4 and 2.3).

A frame is 1,024 patches of 2x2 LPQ codes (8x8 px). Patch i (= row * 32 + col) of frame f is
serialised as [pointer, c1, c2, c3, c4] (codes top-left, top-right, bottom-left, bottom-right) at the
canonical position ids f * 5120 + 5i + 0..4. A probe sequence for one (crop pair, seed) is

    frame 1: all 1,024 patches, in a seeded random order                    5,120 tokens
    frame 2: the revealed patches (pointer + 4 codes), in frame-2 order      5 * n tokens
    queries: the pointers of the queried hidden patches, in frame-2 order    q tokens
    teacher: for code k > 1 only, k - 1 columns of q teacher codes           (k - 1) * q tokens

and the logits at its last q positions are the distributions of code k of the queried patches (the
column layout of LRAS's seq2par loop). The queried patches are the hidden ones meeting the request's
window (all of them for the full window). Clean and perturbed sequences of one seed differ only in
frame-1 content tokens; their position ids are identical.

The shared-prefix plan cuts the same sequence into runs computed one after the other on a KV cache:
frame 1 in an order with the group's touched patches last (prefix, then tail), then revealed +
queries, then each teacher column. With independent queries, query_mask() gives each query token
the context (frame 1 + revealed) and its own patch's earlier query tokens only.
"""

from dataclasses import dataclass, replace

import torch

from probe_contract import GRID, PATCHES, TOKENS_PER_PATCH, SplitMix64, patch_meets_window, revealed_indices

CODES_PER_PATCH = 4
CONTEXT = -1  # query_mask group of the frame-1 and revealed tokens

# Salts that give the frame orders their own SplitMix64 streams, apart from the reveal mask's.
_FRAME1_ORDER_SALT = 0x4C52415346314F52
_FRAME2_ORDER_SALT = 0x4C52415346324F52


@dataclass(frozen=True)
class TokenLayout:
    """Vocabulary of the two-frame RGB model: content codes, then frame-1 and frame-2 pointers."""

    content_vocab: int = 65536

    @property
    def frame1_pointer_base(self):
        return self.content_vocab

    @property
    def frame2_pointer_base(self):
        return self.content_vocab + PATCHES

    @property
    def vocab_size(self):
        return self.content_vocab + 2 * PATCHES

    @property
    def frame_slots(self):
        return PATCHES * TOKENS_PER_PATCH


LRAS7B_LAYOUT = TokenLayout(content_vocab=65536)  # vocabulary 67,584


def patch_codes(codes):
    """[N, 64, 64] code maps -> [N, 1024, 4] per-patch codes (TL, TR, BL, BR)."""
    n = codes.shape[0]
    return codes.reshape(n, GRID, 2, GRID, 2).permute(0, 1, 3, 2, 4).reshape(n, PATCHES, 4)


def seeded_permutation(seed, salt, size=PATCHES):
    """Full SplitMix64 Fisher-Yates permutation of 0..size-1; portable across devices and torch."""
    order = list(range(size))
    rng = SplitMix64(int(seed) ^ salt)
    for i in range(size - 1):
        j = i + rng.next() % (size - i)
        order[i], order[j] = order[j], order[i]
    return order


@dataclass(frozen=True)
class SequencePlan:
    """Patch orders for one seed: shared by the clean and every perturbed sequence."""

    frame1_order: torch.Tensor  # [1024], all frame-1 patches
    revealed: torch.Tensor  # [n], revealed frame-2 patches in frame-2 order
    hidden: torch.Tensor  # [H], hidden frame-2 patches in frame-2 order

    @staticmethod
    def for_seed(seed, mask_ratio):
        shown = set(revealed_indices(seed, mask_ratio))
        frame2_order = seeded_permutation(seed, _FRAME2_ORDER_SALT)
        return SequencePlan(
            frame1_order=torch.tensor(seeded_permutation(seed, _FRAME1_ORDER_SALT)),
            revealed=torch.tensor([p for p in frame2_order if p in shown], dtype=torch.long),
            hidden=torch.tensor([p for p in frame2_order if p not in shown], dtype=torch.long),
        )

    def with_frame1_order(self, frame1_order):
        """The same frame-2 orders with another frame-1 order (plan bit 2: the first seed's)."""
        return replace(self, frame1_order=torch.as_tensor(frame1_order, dtype=torch.long))

    def queried(self, window):
        """The hidden patches meeting the window (x0, y0, x1, y1), in frame-2 order."""
        kept = [p for p in self.hidden.tolist() if patch_meets_window(p, window)]
        return torch.tensor(kept, dtype=torch.long)


def order_with_last(order, last):
    """(head, tail): the patches of order not in last, then those in last, each in order's order."""
    last = set(int(p) for p in last)
    items = order.tolist()
    head = [p for p in items if p not in last]
    tail = [p for p in items if p in last]
    return torch.tensor(head, dtype=torch.long), torch.tensor(tail, dtype=torch.long)


def _slots(frame, patches):
    """Canonical position ids [len(patches), 5] of the given patches of a frame."""
    base = frame * PATCHES * TOKENS_PER_PATCH + TOKENS_PER_PATCH * patches
    return base[:, None] + torch.arange(TOKENS_PER_PATCH)


def query_mask(groups, new):
    """bool [new, T] attention mask of the last `new` of T tokens (True = may attend).

    groups [T]: CONTEXT for frame-1 and revealed tokens, the query's index for each of its tokens.
    A token attends causally to the context and to the earlier tokens of its own group; context
    tokens come first, so for them this is plain causal attention.
    """
    total = groups.numel()
    rows = torch.arange(total - new, total, device=groups.device)
    causal = torch.arange(total, device=groups.device)[None, :] <= rows[:, None]
    same = (groups[None, :] == CONTEXT) | (groups[None, :] == groups[rows][:, None])
    return causal & same


class ProbeSequences:
    """Builds the token and position tensors of one (crop pair, seed), whole or run by run."""

    def __init__(self, layout, plan, frame2_patches, queried=None):
        self.layout = layout
        self.plan = plan
        self.queried = plan.hidden if queried is None else queried
        revealed = plan.revealed
        pointers = (layout.frame2_pointer_base + revealed)[:, None]
        self.revealed_tokens = torch.cat([pointers, frame2_patches[revealed]], 1).reshape(-1)
        self.revealed_positions = _slots(1, revealed).reshape(-1)
        self._query_tokens = layout.frame2_pointer_base + self.queried
        self._query_slots = _slots(1, self.queried)

    @property
    def query_count(self):
        return int(self.queried.numel())

    def frame1_tokens(self, frame1_patches, patches=None):
        """[N, 5m] frame-1 tokens of the given patches (default: the plan's order) of N variants."""
        order = self.plan.frame1_order if patches is None else patches
        n = frame1_patches.shape[0]
        pointers = (self.layout.frame1_pointer_base + order)[None, :, None].expand(n, -1, 1)
        return torch.cat([pointers, frame1_patches[:, order]], 2).reshape(n, -1)

    def frame1_positions(self, patches=None):
        """[5m] canonical position ids of the given frame-1 patches (default: the plan's order)."""
        return _slots(0, self.plan.frame1_order if patches is None else patches).reshape(-1)

    def query_tokens(self, teacher=None):
        """[q (k + 1)]: the pointers, then the k teacher columns ([k, q] codes) if any."""
        parts = [self._query_tokens]
        if teacher is not None and teacher.numel() > 0:
            parts.append(teacher.reshape(-1))
        return torch.cat(parts)

    def query_positions(self, first_column=0, columns=1):
        """[q * columns] position ids of query columns (0 = pointers, j = teacher code j)."""
        return torch.cat([self._query_slots[:, c] for c in range(first_column, first_column + columns)])

    def query_groups(self, columns=1):
        """[q * columns] query_mask groups of query columns: the query's index."""
        return torch.arange(self.query_count).repeat(columns)

    def tokens(self, frame1_patches, teacher=None):
        """[N, T] whole sequences for N frame-1 variants ([N, 1024, 4]); teacher is [k, q] codes."""
        frame1 = self.frame1_tokens(frame1_patches)
        tail = torch.cat([self.revealed_tokens, self.query_tokens(teacher)])
        return torch.cat([frame1, tail[None].expand(frame1.shape[0], -1)], 1)

    def positions(self, teacher_columns=0):
        """[T] position ids of a whole sequence with the given number of teacher columns."""
        queries = self.query_positions(0, 1 + teacher_columns)
        return torch.cat([self.frame1_positions(), self.revealed_positions, queries])

    def groups(self, context, teacher_columns=0):
        """query_mask groups [context + q (1 + k)]: `context` CONTEXT tokens, then the query columns."""
        return torch.cat([torch.full((context,), CONTEXT, dtype=torch.long), self.query_groups(1 + teacher_columns)])

    def mask(self, teacher_columns=0, device="cpu"):
        """query_mask of a whole sequence (independent queries), [T, T]."""
        context = PATCHES * TOKENS_PER_PATCH + self.revealed_tokens.numel()
        groups = self.groups(context, teacher_columns).to(device)
        return query_mask(groups, groups.numel())
