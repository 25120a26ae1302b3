"""Sequence plans on the tiny random LRAS (docs/model-contract.md, "Cost"): the shared prefix on a
KV cache, one frame-1 order, independent queries, query windows, and the TOKENS count.

The reference maps run every sequence in full, without a cache, in the frame-1 order the plan
gives, through the plain causal pass (or, for independent queries, an attention mask built here).
"""

import json
import os
import time
import unittest

import numpy as np
import torch
import torch.nn.functional as F

from tiny_lras import (  # noqa: I001 (sets sys.path)
    HERE,
    RecordingTransformer,
    TinyLras,
    TinyLrasConfig,
    TokenMeter,
    splitmix_frame,
    textured_frames,
    tiny_components,
)
from lras_loader import LrasTransformer
from lras_probe import KlProbe, NonLocalTokenizer
from lras_sequence import ProbeSequences, SequencePlan, patch_codes
from probe_contract import (
    FULL_WINDOW,
    apply_dot,
    best_group_size,
    patch_meets_window,
    plan_tokens,
    revealed_count,
    split_groups,
    touched_patches,
)

SEEDS = [1110, 1111]
POINTS = [[100.0, 100.0], [37.5, 180.0], [106.0, 103.0]]  # the first and the last share patches
WINDOW = (72.0, 80.0, 150.0, 136.0)
COST_CASES = os.path.join(HERE, "cost_cases.json")


def independent_mask(length, q, columns):
    """bool [T, T]: causal, and a query token sees the context and its own patch's earlier tokens."""
    context = length - q * columns
    i = torch.arange(length)[:, None]
    j = torch.arange(length)[None, :]
    same_patch = (i >= context) & (j >= context) & ((i - context) % q == (j - context) % q)
    return (j <= i) & ((j < context) | same_patch)


def write_kl(maps, point, s, kl, patches, k, map_size):
    """Stores the KL [q] of code k of the queried patches into maps[point, s]."""
    for value, patch in zip(kl.tolist(), patches.tolist()):
        r, c = divmod(patch, 32)
        if map_size == 32:
            maps[point, s, r, c] = value
        else:
            maps[point, s, 2 * r + k // 2, 2 * c + k % 2] = value


def reference_maps(probe, frame1, frame2, points, seeds, sigma, amplitude, ratio, map_size, window, plan):
    """Maps [P, S, G, G] with every sequence computed in full, without a cache."""
    c = 1 if map_size == 32 else 4
    perturbed = [apply_dot(frame1, x, y, sigma, amplitude) for x, y in points]
    touched = [touched_patches(frame1, image) for image in perturbed]
    active = [p for p, t in enumerate(touched) if len(t)]
    codes = probe.tokenizer(np.stack([frame1, frame2] + [perturbed[p] for p in active]))
    frame1_patches = patch_codes(torch.cat([codes[:1], codes[2:]]))
    frame2_patches = patch_codes(codes[1:2])[0]
    plans = [SequencePlan.for_seed(seed, ratio) for seed in seeds]
    if plan & 2:
        plans = [p.with_frame1_order(plans[0].frame1_order) for p in plans]
    queried = [p.queried(window) for p in plans]
    counts = [q.numel() for q in queried if q.numel() > 0]
    size = len(active)
    if plan & 1:
        size = best_group_size([touched[p] for p in active], counts, revealed_count(ratio), c, bool(plan & 2))
    maps = np.zeros((len(points), len(seeds), map_size, map_size), np.float32)
    for start, end in split_groups(len(active), size):
        rows = [0] + list(range(1 + start, 1 + end))
        union = set().union(*(set(touched[p].tolist()) for p in active[start:end]))
        for s, seed_plan in enumerate(plans):
            q = queried[s].numel()
            if q == 0:
                continue
            order = seed_plan.frame1_order.tolist()
            if plan & 1:
                order = [p for p in order if p not in union] + [p for p in order if p in union]
            sequences = ProbeSequences(probe.layout, seed_plan.with_frame1_order(order), frame2_patches, queried[s])
            teacher = torch.zeros(0, q, dtype=torch.long)
            for k in range(c):
                tokens = sequences.tokens(frame1_patches[rows], teacher)
                positions = sequences.positions(k)[None].expand(len(rows), -1)
                with torch.no_grad():
                    if plan & 4:
                        mask = independent_mask(tokens.shape[1], q, k + 1)
                        logits, _ = probe.transformer.forward_cached(tokens, positions, q, (), mask, keep=False)
                    else:
                        logits = probe.transformer(tokens, positions, q)
                logp = F.log_softmax(logits.float(), -1)
                kl = (logp[0].exp() * (logp[0] - logp[1:])).sum(-1).clamp_min(0)
                for m, p in enumerate(active[start:end]):
                    write_kl(maps, p, s, kl[m], queried[s], k, map_size)
                teacher = torch.cat([teacher, logp[0, :, : probe.layout.content_vocab].argmax(-1)[None]])
    return maps


def expected_tokens(frame1, points, seeds, sigma, amplitude, ratio, map_size, window, plan):
    """plan_tokens of a request, from its touched patches and queried counts."""
    touched = [touched_patches(frame1, apply_dot(frame1, x, y, sigma, amplitude)) for x, y in points]
    queried = [SequencePlan.for_seed(seed, ratio).queried(window).numel() for seed in seeds]
    c = 1 if map_size == 32 else 4
    return plan_tokens([t for t in touched if len(t)], queried, revealed_count(ratio), c, plan)


class PlanCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.probe, cls.lras = tiny_components()
        cls.frame1, cls.frame2 = textured_frames()

    def run_probe(self, plan, map_size=32, window=FULL_WINDOW, points=POINTS, seeds=SEEDS, sigma=2.0, amplitude=255.0):
        """probe.run, checking that TOKENS equals the rule and what went through the model."""
        with TokenMeter(self.lras) as meter:
            result = self.probe.run(
                self.frame1, self.frame2, points, seeds, sigma, amplitude, 0.9, map_size, window, plan
            )
        rule = expected_tokens(self.frame1, points, seeds, sigma, amplitude, 0.9, map_size, window, plan)
        self.assertEqual((result.tokens, meter.embedded, meter.block_rows), (rule, rule, rule))
        return result


class SharedPrefixMapsTest(PlanCase):
    """Shared-prefix maps equal full sequences in the same frame-1 order, run without a cache."""

    def check(self, plan, map_size=32, window=FULL_WINDOW, points=POINTS, seeds=SEEDS, sigma=2.0):
        result = self.run_probe(plan, map_size, window, points, seeds, sigma)
        reference = reference_maps(
            self.probe, self.frame1, self.frame2, points, seeds, sigma, 255.0, 0.9, map_size, window, plan
        )
        scale = float(reference.max())
        self.assertGreater(scale, 0.0)
        np.testing.assert_allclose(result.maps, reference, rtol=1e-4, atol=1e-5 * scale)
        self.assertTrue(np.all((result.maps == 0) == (reference == 0)))
        return result

    def test_32_maps_shared_prefix(self):
        self.check(1, window=WINDOW, seeds=SEEDS[:1])

    def test_32_maps_shared_prefix_one_frame1_order(self):
        self.check(3)

    def test_32_maps_shared_prefix_independent_queries(self):
        self.check(5, window=WINDOW, seeds=SEEDS[:1])

    def test_32_maps_all_bits(self):
        self.check(7, window=WINDOW)

    def test_64_maps_shared_prefix(self):
        self.check(1, 64, WINDOW, POINTS[:2], SEEDS[:1])

    def test_64_maps_all_bits(self):
        self.check(7, 64, WINDOW, POINTS[:2])

    def test_several_groups_each_put_their_own_touched_patches_last(self):
        points = [[32.0 + 64 * i, 64.0 + 128 * j] for j in range(2) for i in range(4)]
        window = (100.0, 100.0, 140.0, 140.0)
        touched = [touched_patches(self.frame1, apply_dot(self.frame1, x, y, 8.0, 255.0)) for x, y in points]
        queried = [SequencePlan.for_seed(seed, 0.9).queried(window).numel() for seed in SEEDS]
        self.assertEqual(best_group_size(touched, queried, 102, 1, True), 4)  # two groups of four
        self.check(3, window=window, points=points, seeds=SEEDS[:1], sigma=8.0)

    def test_plain_plans_equal_full_sequences_in_the_first_seeds_order_with_the_test_mask(self):
        self.check(6, window=WINDOW, points=POINTS[:1])


class WindowTest(PlanCase):
    """Queried patches are the hidden ones meeting the window; the others read 0."""

    def inside(self, window, seed):
        flags = np.zeros(1024, dtype=bool)
        flags[SequencePlan.for_seed(seed, 0.9).queried(window).numpy()] = True
        return flags.reshape(32, 32)

    def test_independent_queries_give_the_full_window_maps_inside_the_window(self):
        # Equal to float precision: a KL of fp32 log-probabilities carries about 1e-7 of absolute
        # rounding whatever its size, and the two runs sum in different orders.
        for plan, seeds in ((4, SEEDS[:1]), (5, SEEDS), (7, SEEDS)):
            with self.subTest(plan=plan):
                full = self.run_probe(plan, points=POINTS[:2], seeds=seeds)
                windowed = self.run_probe(plan, window=WINDOW, points=POINTS[:2], seeds=seeds)
                self.assertLess(windowed.tokens, full.tokens)
                for s, seed in enumerate(seeds):
                    inside = self.inside(WINDOW, seed)
                    self.assertTrue(np.all(windowed.maps[:, s][:, ~inside] == 0))
                    scale = float(full.maps[:, s].max())
                    np.testing.assert_allclose(
                        windowed.maps[:, s][:, inside], full.maps[:, s][:, inside], rtol=1e-5, atol=1e-6 * scale + 1e-6
                    )

    def test_without_independent_queries_the_window_changes_the_maps_a_little(self):
        for plan, seeds in ((0, SEEDS[:1]), (1, SEEDS)):
            full = self.run_probe(plan, points=POINTS[:1], seeds=seeds)
            windowed = self.run_probe(plan, window=WINDOW, points=POINTS[:1], seeds=seeds)
            deviations = []
            for s, seed in enumerate(seeds):
                inside = self.inside(WINDOW, seed)
                self.assertTrue(np.all(windowed.maps[:, s][:, ~inside] == 0))
                a, b = windowed.maps[:, s][:, inside], full.maps[:, s][:, inside]
                self.assertTrue(np.all(np.isfinite(a)))
                deviations.append((float(np.abs(a - b).max()), float(full.maps[:, s].max())))
            worst = max(d for d, _ in deviations)
            relative = max(d / m for d, m in deviations)
            print(
                f"\nplan {plan}: window {WINDOW} without independent queries: largest deviation inside the "
                f"window {worst:.3g} ({relative:.1%} of the full map's peak)"
            )

    def test_a_window_outside_the_crop_runs_nothing(self):
        recorder = RecordingTransformer(self.probe.transformer)
        probe = KlProbe(recorder, self.probe.tokenizer, self.probe.layout, "cpu", 4)
        for plan in (0, 7):
            result = probe.run(self.frame1, self.frame2, POINTS, SEEDS, 2.0, 255.0, 0.9, 32, (300, 0, 400, 256), plan)
            self.assertEqual(result.tokens, 0)
            self.assertTrue(np.all(result.maps == 0))
        self.assertEqual((recorder.calls, recorder.cached_calls), ([], []))

    def test_window_edges_are_half_open(self):
        self.assertTrue(patch_meets_window(0, (0.0, 0.0, 8.0, 8.0)))
        self.assertFalse(patch_meets_window(1, (0.0, 0.0, 8.0, 8.0)))  # x1 = 8 stops before col 1
        self.assertFalse(patch_meets_window(0, (8.0, 0.0, 16.0, 8.0)))  # x0 = 8 starts after col 0
        self.assertTrue(patch_meets_window(33, (8.5, 7.9, 9.0, 8.1)))
        self.assertTrue(patch_meets_window(1023, (-50.0, -50.0, 1000.0, 1000.0)))


class TokensTest(PlanCase):
    """TOKENS counts what went through the transformer and equals the contract's rule."""

    @staticmethod
    def two_patch_frame():
        """Saturated white except patches (10, 10) and (10, 11): a dot between them touches just those."""
        frame = np.full((256, 256, 3), 255, dtype=np.uint8)
        frame[80:88, 80:96] = np.random.default_rng(5).integers(0, 200, (8, 16, 3), dtype=np.uint8)
        return frame

    def test_the_spec_example_one_point_two_patches_five_seeds(self):
        frame1 = self.two_patch_frame()
        point, seeds, window = [[88.0, 84.0]], [1110 + s for s in range(5)], (40.0, 40.0, 80.0, 80.0)
        dotted = apply_dot(frame1, 88.0, 84.0, 2.0, 255.0)
        self.assertEqual(touched_patches(frame1, dotted).tolist(), [330, 331])
        qs = [SequencePlan.for_seed(seed, 0.9).queried(window).numel() for seed in seeds]
        self.assertTrue(all(q > 0 for q in qs))
        expected = {
            0: sum(2 * (5120 + 510 + q) for q in qs),  # 5 x 2 x 5,655 at q = 25
            1: sum(5 * (1024 - 2) + 2 * (10 + 510 + q) for q in qs),  # 5 x (5,110 + 2 x 545)
            3: 5 * (1024 - 2) + 2 * 10 + sum(2 * (510 + q) for q in qs),  # 5,110 + 2 x 10 + 5 x 2 x 535
        }
        for plan, tokens in expected.items():
            with self.subTest(plan=plan), TokenMeter(self.lras) as meter:
                result = self.probe.run(frame1, self.frame2, point, seeds, 2.0, 255.0, 0.9, 32, window, plan)
                self.assertEqual((result.tokens, meter.embedded), (tokens, tokens))
                self.assertEqual(plan_tokens([[330, 331]], qs, 102, 1, plan), tokens)
        print(f"\nspec example with q_s = {qs}: plan 0 {expected[0]}, plan 1 {expected[1]}, plan 3 {expected[3]} tokens")

    def test_64_maps_without_the_prefix_run_each_code_in_full(self):
        window = (100.0, 100.0, 120.0, 120.0)
        result = self.run_probe(0, 64, window, POINTS[:1], SEEDS[:1])
        q = SequencePlan.for_seed(SEEDS[0], 0.9).queried(window).numel()
        self.assertEqual(result.tokens, 2 * (4 * 5630 + 10 * q))  # (1 + |A|) (c (5120 + 5n) + q c (c + 1) / 2)

    def test_points_that_change_no_pixel_cost_nothing_and_read_zero(self):
        points = [[-60.0, 20.0], POINTS[0], [400.0, 400.0]]
        for plan in (0, 3):
            result = self.run_probe(plan, window=WINDOW, points=points, seeds=SEEDS[:1])
            self.assertTrue(np.all(result.maps[[0, 2]] == 0))
            self.assertGreater(float(result.maps[1].max()), 0.0)
        self.assertEqual(self.run_probe(7, points=POINTS, amplitude=0.0).tokens, 0)

    def test_a_point_whose_pixels_change_but_codes_do_not_is_still_run(self):
        point = [[132.0, 132.0]]
        dotted = apply_dot(self.frame1, 132.0, 132.0, 2.0, 0.6)  # +1 on five pixels of one patch
        self.assertEqual(touched_patches(self.frame1, dotted).tolist(), [16 * 32 + 16])
        codes = self.probe.tokenizer(np.stack([self.frame1, dotted]))
        self.assertTrue(torch.equal(codes[0], codes[1]))
        for plan in (0, 1):
            result = self.run_probe(plan, window=WINDOW, points=point, seeds=SEEDS[:1], amplitude=0.6)
            self.assertGreater(result.tokens, 0)
            self.assertLess(float(result.maps.max()), 1e-6)

    def test_the_prefix_and_each_branch_tail_run_once_for_all_seeds(self):
        recorder = RecordingTransformer(self.probe.transformer)
        probe = KlProbe(recorder, self.probe.tokenizer, self.probe.layout, "cpu", 4)
        probe.run(self.frame1, self.frame2, POINTS[:2], SEEDS, 2.0, 255.0, 0.9, 32, WINDOW, 3)
        touched = [touched_patches(self.frame1, apply_dot(self.frame1, x, y, 2.0, 255.0)) for x, y in POINTS[:2]]
        u = len(set(touched[0]) | set(touched[1]))
        qs = [SequencePlan.for_seed(seed, 0.9).queried(WINDOW).numel() for seed in SEEDS]
        shapes = [(tokens.shape[0], tokens.shape[1], n_last, ctx) for tokens, _, n_last, ctx in recorder.cached_calls]
        prefix = 5 * (1024 - u)
        self.assertEqual(
            shapes,
            [(1, prefix, 0, 0), (3, 5 * u, 0, prefix)] + [(3, 510 + q, q, 5120) for q in qs],
        )
        self.assertEqual(recorder.calls, [])
        # The prefix is the clean frame 1 without the touched patches, in the first seed's order.
        order = SequencePlan.for_seed(SEEDS[0], 0.9).frame1_order.tolist()
        head = [p for p in order if p not in set(touched[0]) | set(touched[1])]
        prefix_tokens = recorder.cached_calls[0][0][0].view(-1, 5)
        self.assertEqual((prefix_tokens[:, 0] - self.probe.layout.frame1_pointer_base).tolist(), head)

    def test_a_tokenizer_that_is_not_local_fails_the_shared_prefix_only(self):
        inner = self.probe.tokenizer
        clean = inner(self.frame1[None])[0]

        def spreading(images):  # any change to an image also changes a code far away
            codes = inner(images)
            for i in range(codes.shape[0]):
                if not torch.equal(codes[i], clean) and not np.array_equal(images[i], self.frame2):
                    codes[i, 0, 0] = (codes[i, 0, 0] + 1) % 256
            return codes

        probe = KlProbe(self.probe.transformer, spreading, self.probe.layout, "cpu", 4)
        args = (self.frame1, self.frame2, POINTS[:1], SEEDS[:1], 2.0, 255.0, 0.9, 32, WINDOW)
        with self.assertRaisesRegex(NonLocalTokenizer, "point 0 changes the codes of frame-1 patch 0"):
            probe.run(*args, 1)
        self.assertGreater(probe.run(*args, 0).tokens, 0)

    def test_rejects_plans_outside_0_to_7(self):
        with self.assertRaisesRegex(ValueError, "sequence plan must be 0 to 7"):
            self.probe.run(self.frame1, self.frame2, POINTS, SEEDS, 2.0, 255.0, 0.9, 32, FULL_WINDOW, 8)


def case_frame(spec):
    if "noise" in spec:
        return splitmix_frame(spec["noise"])
    return np.full((256, 256, 3), int(spec["flat"]), dtype=np.uint8)


@unittest.skipUnless(os.path.exists(COST_CASES), f"{COST_CASES} is absent (the Java side writes it)")
class CostCasesTest(unittest.TestCase):
    """The shared fixture: the Java token rule's counts are what this model runs, token for token."""

    def test_every_case_costs_its_tokens(self):
        with open(COST_CASES) as f:
            cases = json.load(f)
        self.assertIsInstance(cases, list)
        self.assertGreater(len(cases), 0)
        lras = TinyLras(TinyLrasConfig(vocab_size=256 + 2048, n_layer=1, n_embd=8)).eval()
        probe, _ = tiny_components()
        probe = KlProbe(LrasTransformer(lras), probe.tokenizer, probe.layout, "cpu", 8)
        start = time.perf_counter()
        for i, case in enumerate(cases):
            with self.subTest(case=i):
                frame1, frame2 = case_frame(case["frame1"]), case_frame(case["frame2"])
                args = (case["points"], case["seeds"], case["sigma"], case["amplitude"], case["mask_ratio"])
                window = tuple(float(np.float32(v)) for v in case["window"])
                with TokenMeter(lras) as meter:
                    result = probe.run(frame1, frame2, *args, case["map_size"], window, case["plan"])
                self.assertEqual((result.tokens, meter.embedded), (case["tokens"], case["tokens"]))
        print(f"\n{len(cases)} cost cases from {os.path.basename(COST_CASES)} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    unittest.main()
