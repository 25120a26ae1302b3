"""KlProbe on a tiny random LRAS: clean-pass sharing, zero cases, determinism, fine maps."""

import unittest

import numpy as np
import torch

from tiny_lras import RecordingTransformer, textured_frames, tiny_components  # noqa: I001 (sets sys.path)
from lras_sequence import SequencePlan

SEEDS = [1110, 1111]
POINTS = [[100.0, 100.0], [37.5, 180.0]]


def revealed_mask(seed, ratio=0.9):
    flags = np.zeros(1024, dtype=bool)
    flags[SequencePlan.for_seed(seed, ratio).revealed.numpy()] = True
    return flags.reshape(32, 32)


class KlProbeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.probe, _ = tiny_components()
        cls.recorder = RecordingTransformer(cls.probe.transformer)
        cls.probe.transformer = cls.recorder
        cls.frame1, cls.frame2 = textured_frames()
        cls.maps = cls.probe_maps(POINTS, SEEDS)
        cls.shared_sequences = cls.recorder.sequences_run()
        cls.separate = {}

    @classmethod
    def alone(cls, p):
        """Maps [1, 32, 32] of point p asked on its own with the first seed (computed once)."""
        if p not in cls.separate:
            cls.separate[p] = cls.probe_maps([POINTS[p]], SEEDS[:1])[0]
        return cls.separate[p]

    @classmethod
    def probe_maps(cls, points, seeds, amplitude=255.0, map_size=32):
        return cls.probe.probe(cls.frame1, cls.frame2, points, seeds, 2.0, amplitude, 0.9, map_size)

    def test_maps_are_float32_per_point_and_seed(self):
        self.assertEqual(self.maps.shape, (2, 2, 32, 32))
        self.assertEqual(self.maps.dtype, np.float32)
        self.assertTrue(np.all(np.isfinite(self.maps)) and np.all(self.maps >= 0))

    def test_one_clean_pass_per_seed_serves_every_point(self):
        self.assertEqual(self.shared_sequences, len(SEEDS) * (1 + len(POINTS)))

    def test_revealed_patches_read_zero_and_hidden_ones_do_not_all(self):
        for s, seed in enumerate(SEEDS):
            revealed = revealed_mask(seed)
            for p in range(len(POINTS)):
                self.assertTrue(np.all(self.maps[p, s][revealed] == 0))
                self.assertGreater(float(self.maps[p, s][~revealed].max()), 0.0)

    def test_zero_amplitude_gives_all_zero_maps_without_a_pass(self):
        before = self.recorder.sequences_run()
        maps = self.probe_maps(POINTS, SEEDS, amplitude=0.0)
        self.assertEqual(maps.shape, (2, 2, 32, 32))
        self.assertTrue(np.all(maps == 0))
        self.assertEqual(self.recorder.sequences_run(), before)

    def test_dot_outside_the_crop_gives_zero_maps(self):
        maps = self.probe_maps([[-60.0, 20.0]], SEEDS)
        self.assertTrue(np.all(maps == 0))

    def test_shared_clean_pass_gives_the_same_maps_as_separate_requests(self):
        for p, point in enumerate(POINTS):
            np.testing.assert_allclose(self.alone(p), self.maps[p, :1], rtol=1e-4, atol=1e-7)

    def test_same_seeds_give_the_same_maps_and_other_seeds_others(self):
        again = self.probe_maps(POINTS[:1], SEEDS[:1])
        self.assertTrue(np.array_equal(again[0], self.alone(0)))
        self.assertFalse(np.array_equal(self.maps[:, 0], self.maps[:, 1]))

    def test_fine_map_holds_the_kl_of_all_four_codes_with_a_shared_teacher(self):
        self.recorder.calls.clear()
        fine = self.probe_maps(POINTS[:1], SEEDS[:1], map_size=64)
        coarse = self.alone(0)[None]
        self.assertEqual(fine.shape, (1, 1, 64, 64))
        # Code 1 is the coarse map's quantity; revealed patches are 0 in all four cells.
        np.testing.assert_allclose(fine[0, 0, ::2, ::2], coarse[0, 0], rtol=1e-4, atol=1e-7)
        revealed = np.kron(revealed_mask(SEEDS[0]), np.ones((2, 2), dtype=bool))
        self.assertTrue(np.all(fine[0, 0][revealed] == 0))
        for dy in (0, 1):
            for dx in (0, 1):
                self.assertGreater(float(fine[0, 0, dy::2, dx::2].max()), 0.0)
        # Four passes of growing length; the teacher codes are the same in clean and perturbed.
        fine_calls = self.recorder.calls[:4]
        lengths = [tokens.shape[1] for tokens, _, _ in fine_calls]
        self.assertEqual(lengths, [6552 + k * 922 for k in range(4)])
        last = fine_calls[3][0]
        self.assertTrue(torch.equal(last[0, -3 * 922 :], last[1, -3 * 922 :]))
        self.assertTrue(bool((last[0, -3 * 922 :] < 256).all()))

    def test_rejects_other_map_sizes(self):
        with self.assertRaises(ValueError):
            self.probe_maps(POINTS, SEEDS, map_size=48)


if __name__ == "__main__":
    unittest.main()
