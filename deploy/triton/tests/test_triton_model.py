"""model.py under a fake triton_python_backend_utils: the config, the tensors, error responses."""

import importlib.util
import os
import re
import unittest
from unittest import mock

import numpy as np

import pbtxt
from tiny_lras import HERE, MODEL_DIR, textured_frames, tiny_components  # noqa: I001 (sets sys.path)
import lras_loader
import probe_request
import triton_python_backend_utils as pb_utils

CONFIG_PATH = os.path.join(os.path.dirname(MODEL_DIR), "config.pbtxt")
JAVA_TENSORS = os.path.join(
    HERE, *[".."] * 3, "inference-client/src/main/java/io/flowtrace/inference/ModelTensors.java"
)
NUMPY_OF = {"TYPE_UINT8": np.uint8, "TYPE_FP32": np.float32, "TYPE_INT32": np.int32, "TYPE_INT64": np.int64}


def load_model_module():
    spec = importlib.util.spec_from_file_location("lras_kl_probe_model", os.path.join(MODEL_DIR, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def request_inputs(
    batch=1, points=1, seeds=1, amplitude=255.0, map_size=32, readout=0, ratio=0.9, window=(0, 0, 256, 256), plan=0
):
    frame1, frame2 = textured_frames()
    xs = np.linspace(40, 200, points, dtype=np.float32)
    return {
        "FRAME1": np.stack([frame1] * batch),
        "FRAME2": np.stack([frame2] * batch),
        "PROBE_POINTS": np.stack([np.stack([xs, xs[::-1]], 1)] * batch).astype(np.float32),
        "SEEDS": np.tile(np.arange(1110, 1110 + seeds, dtype=np.int64), (batch, 1)),
        "SIGMA": np.full((batch, 1), 2.0, np.float32),
        "AMPLITUDE": np.full((batch, 1), amplitude, np.float32),
        "MASK_RATIO": np.full((batch, 1), ratio, np.float32),
        "READOUT": np.full((batch, 1), readout, np.int32),
        "MAP_SIZE": np.full((batch, 1), map_size, np.int32),
        "QUERY_WINDOW": np.tile(np.array(window, np.float32), (batch, 1)),
        "SEQUENCE_PLAN": np.full((batch, 1), plan, np.int32),
    }


class TritonModelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(CONFIG_PATH) as f:
            cls.config = pbtxt.parse(f.read())
        cls.probe, _ = tiny_components()
        tiny = (cls.probe.transformer, cls.probe.tokenizer, cls.probe.layout, 4)
        cls.module = load_model_module()
        cls.model = cls.module.TritonPythonModel()
        args = {"model_config": pbtxt.model_config_json(cls.config), "model_instance_kind": "CPU"}
        with mock.patch.object(lras_loader, "load_components", return_value=tiny) as load:
            cls.model.initialize(args)
        cls.loader_params = load.call_args[0][0]

    def execute(self, *inputs):
        requests = [pb_utils.InferenceRequest(i) for i in inputs]
        responses = self.model.execute(requests)
        self.assertEqual(len(responses), len(requests))
        return responses

    def assert_error(self, inputs, fragment):
        (response,) = self.execute(inputs)
        self.assertTrue(response.has_error(), "expected an error response")
        self.assertIn(fragment, response.error().message())
        self.assertEqual(response.output_tensors(), [])

    def test_config_declares_the_contract_tensors(self):
        c = self.config
        self.assertEqual((c["name"], c["backend"]), (["lras_kl_probe"], ["python"]))
        self.assertGreater(c["max_batch_size"][0], 0)
        batching = c["dynamic_batching"][0]
        self.assertTrue(batching["preferred_batch_size"] and batching["max_queue_delay_microseconds"][0] > 0)
        self.assertEqual(c["instance_group"][0]["kind"], ["KIND_GPU"])
        declared = {t["name"][0]: (t["data_type"][0], t["dims"]) for t in c["input"]}
        self.assertEqual(
            declared,
            {
                "FRAME1": ("TYPE_UINT8", [256, 256, 3]),
                "FRAME2": ("TYPE_UINT8", [256, 256, 3]),
                "PROBE_POINTS": ("TYPE_FP32", [-1, 2]),
                "SEEDS": ("TYPE_INT64", [-1]),
                "SIGMA": ("TYPE_FP32", [1]),
                "AMPLITUDE": ("TYPE_FP32", [1]),
                "MASK_RATIO": ("TYPE_FP32", [1]),
                "READOUT": ("TYPE_INT32", [1]),
                "MAP_SIZE": ("TYPE_INT32", [1]),
                "QUERY_WINDOW": ("TYPE_FP32", [4]),
                "SEQUENCE_PLAN": ("TYPE_INT32", [1]),
            },
        )
        self.assertEqual({n: NUMPY_OF[t] for n, (t, _) in declared.items()}, probe_request.INPUTS)
        outputs = {t["name"][0]: (t["data_type"][0], t["dims"]) for t in c["output"]}
        self.assertEqual(outputs, {"DIVERGENCE": ("TYPE_FP32", [-1] * 4), "TOKENS": ("TYPE_INT64", [1])})

    def test_config_names_match_the_java_model_tensors(self):
        with open(JAVA_TENSORS) as f:
            java = dict(re.findall(r'String (\w+) = "(\w+)";', f.read()))
        self.assertEqual(java["MODEL_NAME"], self.config["name"][0])
        names = [t["name"][0] for t in self.config["input"] + self.config["output"]]
        self.assertEqual(sorted(names), sorted(java[n] for n in names))

    def test_config_parameters_reach_the_loader_and_name_local_paths(self):
        for key in ("LRAS_CODE_DIR", "LRAS_CHECKPOINT", "LPQ_CHECKPOINT", "DTYPE"):
            self.assertIn(key, self.loader_params)
        for key in ("LRAS_CODE_DIR", "LRAS_CHECKPOINT", "LPQ_CHECKPOINT"):
            self.assertTrue(self.loader_params[key].startswith("/"), key)

    def test_each_request_of_a_batch_gets_its_own_divergence_shape(self):
        small = request_inputs(batch=1, points=1, seeds=1, amplitude=0.0)
        large = request_inputs(batch=2, points=3, seeds=2, amplitude=0.0, map_size=64, plan=7)
        responses = self.execute(small, large)
        rank = 1 + len(self.config["output"][0]["dims"])
        for response, shape in zip(responses, [(1, 1, 1, 32, 32), (2, 3, 2, 64, 64)]):
            self.assertFalse(response.has_error())
            divergence, tokens = response.output_tensors()
            out = divergence.as_numpy()
            self.assertEqual((divergence.name(), out.dtype, out.shape, out.ndim), ("DIVERGENCE", np.float32, shape, rank))
            self.assertTrue(np.all(out == 0))  # zero amplitude
            cost = tokens.as_numpy()
            self.assertEqual((tokens.name(), cost.dtype, cost.shape), ("TOKENS", np.int64, (shape[0], 1)))
            self.assertTrue(np.all(cost == 0))  # no point changes a pixel: nothing runs

    def test_maps_equal_the_probe_and_pairs_keep_their_own_parameters(self):
        inputs = request_inputs(batch=2)
        inputs["AMPLITUDE"][1, 0] = 0.0
        (response,) = self.execute(inputs)
        out = pb_utils.get_output_tensor_by_name(response, "DIVERGENCE").as_numpy()
        expected = self.probe.probe(
            inputs["FRAME1"][0], inputs["FRAME2"][0], inputs["PROBE_POINTS"][0], [1110], 2.0, 255.0, 0.9, 32
        )
        np.testing.assert_allclose(out[0], expected, rtol=1e-5, atol=1e-8)
        self.assertGreater(float(out[0].max()), 0.0)
        self.assertTrue(np.all(out[1] == 0))
        tokens = pb_utils.get_output_tensor_by_name(response, "TOKENS").as_numpy()
        self.assertEqual(tokens.tolist(), [[2 * 6552], [0]])  # clean + 1 point, 1 seed, plan 0

    def test_window_and_plan_reach_the_probe_per_pair(self):
        window = (90.0, 100.5, 141.0, 150.0)
        inputs = request_inputs(batch=2, points=2, window=window, plan=7)
        inputs["SEQUENCE_PLAN"][1, 0] = 4
        inputs["QUERY_WINDOW"][1] = [0, 0, 256, 256]
        (response,) = self.execute(inputs)
        self.assertFalse(response.has_error())
        out = pb_utils.get_output_tensor_by_name(response, "DIVERGENCE").as_numpy()
        tokens = pb_utils.get_output_tensor_by_name(response, "TOKENS").as_numpy()
        for b, (win, plan) in enumerate([(window, 7), ((0.0, 0.0, 256.0, 256.0), 4)]):
            frames = (inputs["FRAME1"][b], inputs["FRAME2"][b])
            expected = self.probe.run(*frames, inputs["PROBE_POINTS"][b], [1110], 2.0, 255.0, 0.9, 32, win, plan)
            np.testing.assert_allclose(out[b], expected.maps, rtol=1e-5, atol=1e-8)
            self.assertEqual(int(tokens[b, 0]), expected.tokens)
        self.assertLess(int(tokens[0, 0]), int(tokens[1, 0]))
        cols = np.arange(32) * 8
        outside = ~((cols + 8 > 100.5) & (cols < 150.0))[:, None] | ~((cols + 8 > 90) & (cols < 141))[None, :]
        self.assertTrue(np.all(out[0][:, :, outside] == 0))
    def test_bad_requests_get_error_responses(self):
        bad_frame = request_inputs()
        bad_frame["FRAME1"] = bad_frame["FRAME1"][:, :255]
        self.assert_error(bad_frame, "FRAME1 has shape [1, 255, 256, 3]")
        self.assert_error(request_inputs(map_size=48), "MAP_SIZE must be 32 or 64, was 48")
        missing = request_inputs()
        del missing["SEEDS"]
        self.assert_error(missing, "input SEEDS is missing")
        wrong_type = request_inputs()
        wrong_type["PROBE_POINTS"] = wrong_type["PROBE_POINTS"].astype(np.float64)
        self.assert_error(wrong_type, "PROBE_POINTS has dtype float64")
        self.assert_error(request_inputs(readout=1), "not supported by this model")
        self.assert_error(request_inputs(ratio=1.0), "MASK_RATIO must be in [0, 1)")
        not_finite = request_inputs()
        not_finite["PROBE_POINTS"][0, 0, 0] = np.nan
        self.assert_error(not_finite, "PROBE_POINTS must be finite")
        mixed = request_inputs(batch=2)
        mixed["MAP_SIZE"][1, 0] = 64
        self.assert_error(mixed, "the same for every pair")

    def test_bad_windows_and_plans_get_error_responses_naming_the_tensor_and_pair(self):
        empty = request_inputs(batch=2)
        empty["QUERY_WINDOW"][1] = [100, 20, 100, 40]
        self.assert_error(empty, "QUERY_WINDOW needs x0 < x1 and y0 < y1, was (100.0, 20.0, 100.0, 40.0) (pair 1)")
        flipped = request_inputs(window=(0, 50, 256, 10))
        self.assert_error(flipped, "QUERY_WINDOW needs x0 < x1 and y0 < y1, was (0.0, 50.0, 256.0, 10.0) (pair 0)")
        not_finite = request_inputs(window=(0, 0, np.inf, 256))
        self.assert_error(not_finite, "QUERY_WINDOW must be finite, was (0.0, 0.0, inf, 256.0) (pair 0)")
        short = request_inputs()
        short["QUERY_WINDOW"] = short["QUERY_WINDOW"][:, :3]
        self.assert_error(short, "input QUERY_WINDOW has shape [1, 3], expected [B, 4] with B = 1")
        self.assert_error(request_inputs(plan=8), "SEQUENCE_PLAN must be 0 to 7 (bits 1, 2, 4), was 8 (pair 0)")
        self.assert_error(request_inputs(plan=-1), "SEQUENCE_PLAN must be 0 to 7")
        wrong_type = request_inputs()
        wrong_type["SEQUENCE_PLAN"] = wrong_type["SEQUENCE_PLAN"].astype(np.int64)
        self.assert_error(wrong_type, "SEQUENCE_PLAN has dtype int64")

    def test_a_bad_request_does_not_fail_its_batch_neighbours(self):
        bad, good = request_inputs(map_size=48), request_inputs(amplitude=0.0)
        responses = self.execute(bad, good)
        self.assertEqual([r.has_error() for r in responses], [True, False])

    def test_a_failing_model_gives_an_error_response_not_an_exception(self):
        def broken(tokens, positions, n_last):
            raise RuntimeError("CUDA out of memory (simulated)")

        with mock.patch.object(self.model.probe, "transformer", broken):
            self.assert_error(request_inputs(), "RuntimeError: CUDA out of memory (simulated)")


if __name__ == "__main__":
    unittest.main()
