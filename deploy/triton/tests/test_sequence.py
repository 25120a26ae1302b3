"""The seq2par probe sequence follows LRAS's token layout (reference sections 1.4 and 2.3)."""

import unittest

import torch

import tiny_lras  # noqa: F401  (puts the model folder on sys.path)
from lras_sequence import CONTEXT, LRAS7B_LAYOUT, ProbeSequences, SequencePlan, order_with_last, patch_codes, query_mask
from probe_contract import FULL_WINDOW, PATCHES, patch_meets_window, revealed_indices


def numbered_codes(n=2):
    """Code maps whose values encode (variant, row, col), so every token can be traced back."""
    rows = torch.arange(64)[:, None] * 64 + torch.arange(64)[None, :]
    return torch.stack([rows + 4096 * v for v in range(n)])


class PatchCodesTest(unittest.TestCase):
    def test_patch_holds_its_2x2_codes_top_left_top_right_bottom_left_bottom_right(self):
        codes = numbered_codes(1)
        patches = patch_codes(codes)
        r, c = 5, 9
        expected = [codes[0, 2 * r + dy, 2 * c + dx].item() for dy in (0, 1) for dx in (0, 1)]
        self.assertEqual(patches[0, r * 32 + c].tolist(), expected)


class SequencePlanTest(unittest.TestCase):
    def test_revealed_and_hidden_partition_the_frame_2_patches(self):
        plan = SequencePlan.for_seed(1110, 0.9)
        self.assertEqual(set(plan.revealed.tolist()), set(revealed_indices(1110, 0.9)))
        self.assertEqual((plan.revealed.numel(), plan.hidden.numel()), (102, 922))
        self.assertEqual(sorted(plan.revealed.tolist() + plan.hidden.tolist()), list(range(PATCHES)))
        self.assertEqual(sorted(plan.frame1_order.tolist()), list(range(PATCHES)))

    def test_orders_are_a_function_of_the_seed(self):
        a, b, c = SequencePlan.for_seed(7, 0.9), SequencePlan.for_seed(7, 0.9), SequencePlan.for_seed(8, 0.9)
        self.assertTrue(torch.equal(a.frame1_order, b.frame1_order) and torch.equal(a.hidden, b.hidden))
        self.assertFalse(torch.equal(a.frame1_order, c.frame1_order))
        self.assertFalse(torch.equal(a.frame1_order, torch.arange(PATCHES)))


class ProbeSequencesTest(unittest.TestCase):
    def setUp(self):
        self.layout = LRAS7B_LAYOUT
        self.plan = SequencePlan.for_seed(1110, 0.9)
        self.frame1 = patch_codes(numbered_codes(2))
        self.frame2 = patch_codes(numbered_codes(1) + 100000)[0]
        self.seqs = ProbeSequences(self.layout, self.plan, self.frame2)
        self.tokens = self.seqs.tokens(self.frame1)
        self.positions = self.seqs.positions()

    def test_vocabulary_and_length_of_the_7b_layout(self):
        self.assertEqual(self.layout.vocab_size, 67584)
        self.assertEqual((self.layout.frame1_pointer_base, self.layout.frame2_pointer_base), (65536, 66560))
        self.assertEqual(tuple(self.tokens.shape), (2, 5120 + 510 + 922))
        self.assertEqual(tuple(self.positions.shape), (6552,))

    def test_frame_1_patches_are_pointer_then_four_codes_at_canonical_slots(self):
        head, pos = self.tokens[1, :5120].view(1024, 5), self.positions[:5120].view(1024, 5)
        patches = head[:, 0] - 65536
        self.assertTrue(torch.equal(patches, self.plan.frame1_order))
        self.assertTrue(torch.equal(pos, 5 * patches[:, None] + torch.arange(5)))
        self.assertTrue(torch.equal(head[:, 1:], self.frame1[1, patches]))
        self.assertEqual(sorted(pos.reshape(-1).tolist()), list(range(5120)))

    def test_revealed_frame_2_patches_follow_with_pointer_and_codes(self):
        part, pos = self.tokens[0, 5120:5630].view(102, 5), self.positions[5120:5630].view(102, 5)
        patches = part[:, 0] - 66560
        self.assertTrue(torch.equal(patches, self.plan.revealed))
        self.assertTrue(torch.equal(pos, 5120 + 5 * patches[:, None] + torch.arange(5)))
        self.assertTrue(torch.equal(part[:, 1:], self.frame2[patches]))

    def test_hidden_frame_2_patches_are_queried_by_their_pointers_alone(self):
        queries, pos = self.tokens[0, 5630:], self.positions[5630:]
        self.assertTrue(torch.equal(queries - 66560, self.plan.hidden))
        self.assertTrue(torch.equal(pos, 5120 + 5 * self.plan.hidden))

    def test_variants_differ_only_in_frame_1_content_tokens(self):
        differs = (self.tokens[0] != self.tokens[1]).nonzero().view(-1)
        self.assertTrue(bool((differs < 5120).all()) and bool((differs % 5 != 0).all()))

    def test_teacher_columns_sit_at_the_next_code_slots(self):
        hidden = self.plan.hidden
        teacher = torch.stack([hidden + 10, hidden + 20])
        tokens = self.seqs.tokens(self.frame1, teacher)
        positions = self.seqs.positions(2)
        self.assertEqual(tokens.shape[1], 6552 + 2 * 922)
        self.assertTrue(torch.equal(tokens[0, -922:], hidden + 20))
        self.assertTrue(torch.equal(positions[-2 * 922 : -922], 5120 + 5 * hidden + 1))
        self.assertTrue(torch.equal(positions[-922:], 5120 + 5 * hidden + 2))


class WindowAndOrderTest(unittest.TestCase):
    def setUp(self):
        self.plan = SequencePlan.for_seed(1110, 0.9)

    def test_queried_patches_are_the_hidden_ones_meeting_the_window_in_frame_2_order(self):
        window = (40.0, 8.5, 90.0, 30.0)
        queried = self.plan.queried(window).tolist()
        hidden = self.plan.hidden.tolist()
        self.assertEqual(queried, [p for p in hidden if patch_meets_window(p, window)])
        self.assertLessEqual({divmod(p, 32)[0] for p in queried}, {1, 2, 3})
        self.assertLessEqual({divmod(p, 32)[1] for p in queried}, set(range(5, 12)))
        self.assertTrue(torch.equal(self.plan.queried(FULL_WINDOW), self.plan.hidden))

    def test_touched_patches_move_to_the_end_in_the_seed_order(self):
        order = self.plan.frame1_order
        last = {order[5].item(), order[700].item(), order[20].item()}
        head, tail = order_with_last(order, last)
        self.assertEqual(tail.tolist(), [order[5].item(), order[20].item(), order[700].item()])
        self.assertEqual(head.tolist(), [p for p in order.tolist() if p not in last])

    def test_one_frame1_order_keeps_the_seeds_frame_2_orders(self):
        other = SequencePlan.for_seed(1111, 0.9).with_frame1_order(self.plan.frame1_order)
        self.assertTrue(torch.equal(other.frame1_order, self.plan.frame1_order))
        self.assertTrue(torch.equal(other.hidden, SequencePlan.for_seed(1111, 0.9).hidden))

    def test_windowed_sequence_queries_only_its_patches(self):
        frame2 = patch_codes(numbered_codes(1) + 100000)[0]
        queried = self.plan.queried((0.0, 0.0, 64.0, 64.0))
        seqs = ProbeSequences(LRAS7B_LAYOUT, self.plan, frame2, queried)
        tokens = seqs.tokens(patch_codes(numbered_codes(1)), torch.stack([queried + 7]))
        q = queried.numel()
        self.assertEqual(tokens.shape[1], 5120 + 510 + 2 * q)
        self.assertTrue(torch.equal(tokens[0, 5630 : 5630 + q] - 66560, queried))
        self.assertTrue(torch.equal(seqs.positions(1)[-q:], 5120 + 5 * queried + 1))


class QueryMaskTest(unittest.TestCase):
    def test_queries_see_the_context_and_their_own_earlier_tokens(self):
        groups = torch.tensor([CONTEXT] * 3 + [0, 1, 2] + [0, 1, 2])  # 3 context, pointers, one teacher column
        allowed = query_mask(groups, 9)
        self.assertTrue(torch.equal(allowed[:3, :3], torch.ones(3, 3, dtype=torch.bool).tril()))
        self.assertEqual(allowed[4].tolist(), [True] * 3 + [False, True, False] + [False] * 3)
        self.assertEqual(allowed[7].tolist(), [True] * 3 + [False, True, False] + [False, True, False])
        self.assertTrue(torch.equal(query_mask(groups, 3), allowed[-3:]))

    def test_a_whole_sequence_mask_is_causal_in_the_context(self):
        plan = SequencePlan.for_seed(1110, 0.99)  # 10 revealed patches: a small context
        frame2 = patch_codes(numbered_codes(1))[0]
        seqs = ProbeSequences(LRAS7B_LAYOUT, plan, frame2, plan.queried((0.0, 0.0, 16.0, 16.0)))
        q = seqs.query_count
        mask = seqs.mask(teacher_columns=1)
        self.assertEqual(tuple(mask.shape), (5170 + 2 * q,) * 2)
        self.assertTrue(bool(mask[5169, :5170].all()) and not bool(mask[5169, 5170:].any()))
        self.assertEqual(int(mask[5170 + q].sum()), 5170 + 2)  # teacher 1 of query 0: context, pointer, itself


if __name__ == "__main__":
    unittest.main()
