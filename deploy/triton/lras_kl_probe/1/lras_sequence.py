"""LRAS token layout and the seq2par probe sequences (reference sections 1.4 and 2.3).

A frame is 1,024 patches of 2x2 LPQ codes (8x8 px). Patch i (= row * 32 + col) of frame f is
serialised as [pointer, c1, c2, c3, c4] (codes top-left, top-right, bottom-left, bottom-right) at the
canonical position ids f * 5120 + 5i + 0..4. A probe sequence for one (crop pair, seed) is

    frame 1: all 1,024 patches, in a seeded random order                    5,120 tokens
    frame 2: the revealed patches (pointer + 4 codes), in frame-2 order      5 * n tokens
    queries: the pointers of the hidden frame-2 patches, in frame-2 order    H = 1024 - n tokens
    teacher: for code k > 1 only, k - 1 columns of H teacher codes           (k - 1) * H tokens

and the logits at its last H positions are the distributions of code k of the hidden patches (the
column layout of LRAS's seq2par loop, under a plain causal mask). Clean and perturbed sequences of
one seed differ only in frame-1 content tokens; their position ids are identical.
"""

from dataclasses import dataclass

import torch

from probe_contract import GRID, PATCHES, SplitMix64, revealed_indices

CODES_PER_PATCH = 4
TOKENS_PER_PATCH = 1 + CODES_PER_PATCH

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


def _slots(frame, patches):
    """Canonical position ids [len(patches), 5] of the given patches of a frame."""
    base = frame * PATCHES * TOKENS_PER_PATCH + TOKENS_PER_PATCH * patches
    return base[:, None] + torch.arange(TOKENS_PER_PATCH)


class ProbeSequences:
    """Builds the token and position tensors of one (crop pair, seed)."""

    def __init__(self, layout, plan, frame2_patches):
        self.layout = layout
        self.plan = plan
        revealed = plan.revealed
        pointers = (layout.frame2_pointer_base + revealed)[:, None]
        self._revealed_tokens = torch.cat([pointers, frame2_patches[revealed]], 1).reshape(-1)
        self._revealed_positions = _slots(1, revealed).reshape(-1)
        self._frame1_positions = _slots(0, plan.frame1_order).reshape(-1)
        self._query_tokens = layout.frame2_pointer_base + plan.hidden
        self._query_slots = _slots(1, plan.hidden)

    @property
    def hidden_count(self):
        return int(self.plan.hidden.numel())

    def tokens(self, frame1_patches, teacher=None):
        """[N, T] sequences for N frame-1 variants ([N, 1024, 4]); teacher is [k, H] codes."""
        n = frame1_patches.shape[0]
        order = self.plan.frame1_order
        pointers = (self.layout.frame1_pointer_base + order)[None, :, None].expand(n, -1, 1)
        frame1 = torch.cat([pointers, frame1_patches[:, order]], 2).reshape(n, -1)
        tail = [self._revealed_tokens, self._query_tokens]
        if teacher is not None and teacher.numel() > 0:
            tail.append(teacher.reshape(-1))
        return torch.cat([frame1, torch.cat(tail)[None].expand(n, -1)], 1)

    def positions(self, teacher_columns=0):
        """[T] position ids of a sequence with the given number of teacher columns."""
        columns = [self._query_slots[:, 0]]
        columns += [self._query_slots[:, 1 + j] for j in range(teacher_columns)]
        return torch.cat([self._frame1_positions, self._revealed_positions] + columns)
