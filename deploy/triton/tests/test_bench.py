"""bench/probe_cost.py parses its options and runs end to end on the tiny model (it measures on a GPU)."""

import contextlib
import importlib.util
import io
import os
import unittest

from tiny_lras import HERE  # noqa: I001 (sets sys.path)

BENCH = os.path.join(os.path.dirname(HERE), "bench", "probe_cost.py")


def load_bench():
    spec = importlib.util.spec_from_file_location("probe_cost", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class ProbeCostBenchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bench = load_bench()

    def test_parses_plans_and_windows(self):
        args = self.bench.parse_args("--plans 0 1 7 --window 96 96 160 160 --window 0 0 256 256".split())
        self.assertEqual(args.plans, [0, 1, 7])
        self.assertEqual(args.window, [(96.0, 96.0, 160.0, 160.0), (0.0, 0.0, 256.0, 256.0)])
        self.assertEqual(self.bench.parse_args([]).window, [(0.0, 0.0, 256.0, 256.0)])
        with contextlib.redirect_stderr(io.StringIO()):
            for bad in (["--plans", "8"], ["--window", "10", "0", "5", "20"]):
                with self.assertRaises(SystemExit):
                    self.bench.parse_args(bad)

    def test_runs_the_plans_on_the_tiny_model(self):
        argv = "--tiny --points 1 --seeds 2 --repeats 1 --passes 4 --maps 32 --plans 3 7 --window 96 96 160 160"
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            self.bench.main(argv.split())
        lines = [line for line in out.getvalue().splitlines() if line.startswith("map 32")]
        self.assertEqual(len(lines), 2, out.getvalue())
        self.assertIn("plan 3, window (96.0, 96.0, 160.0, 160.0)", lines[0])
        self.assertIn("pass-eq", lines[1])


if __name__ == "__main__":
    unittest.main()
