"""Triton Python backend for lras_kl_probe: the flowtrace probe contract on LRAS-7B.

Triton glue only. The maths lives in lras_probe / lras_sequence / probe_contract (pure torch and
numpy) and the loading of LRAS and its quantizer in lras_loader. Each request of a dynamic batch is
answered on its own (requests may differ in P and S); a request that fails gets an error
response, execute() never raises.
"""

import json
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import triton_python_backend_utils as pb_utils  # noqa: E402

import lras_loader  # noqa: E402
from lras_probe import KlProbe  # noqa: E402
from probe_contract import DIVERGENCE, MODEL_NAME, TOKENS  # noqa: E402
from probe_request import BadRequest, parse_request  # noqa: E402


class TritonPythonModel:
    """Loads LRAS once per instance and answers probe requests with DIVERGENCE maps and TOKENS."""

    def initialize(self, args):
        config = json.loads(args["model_config"])
        params = {k: v.get("string_value", "") for k, v in config.get("parameters", {}).items()}
        self.device = _device(args)
        transformer, tokenizer, layout, max_sequences = lras_loader.load_components(params, self.device)
        self.probe = KlProbe(transformer, tokenizer, layout, self.device, max_sequences)
        _log_info(
            f"{MODEL_NAME}: loaded {params.get('LRAS_CHECKPOINT')} on {self.device}, "
            f"vocabulary {layout.vocab_size}, {max_sequences} sequences per pass"
        )

    def execute(self, requests):
        return [self._respond(request) for request in requests]

    def finalize(self):
        self.probe = None
        if torch.cuda.is_available():
            torch.cuda.empty_cache()

    def _respond(self, request):
        try:
            pairs = parse_request(lambda name: _input(request, name))
            results = [self._probe_pair(pair) for pair in pairs]
            maps = np.stack([r.maps for r in results]).astype(np.float32)
            tokens = np.array([[r.tokens] for r in results], dtype=np.int64)
            outputs = [pb_utils.Tensor(DIVERGENCE, maps), pb_utils.Tensor(TOKENS, tokens)]
            return pb_utils.InferenceResponse(output_tensors=outputs)
        except BadRequest as e:
            return _error(str(e))
        except Exception as e:  # noqa: BLE001 - every request must get an answer, the server lives on
            _log_error(f"{MODEL_NAME}: request failed: {type(e).__name__}: {e}")
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
            return _error(f"{MODEL_NAME} failed: {type(e).__name__}: {e}")

    def _probe_pair(self, pair):
        return self.probe.run(
            pair.frame1,
            pair.frame2,
            pair.points,
            [int(s) for s in pair.seeds],
            pair.sigma,
            pair.amplitude,
            pair.mask_ratio,
            pair.map_size,
            pair.window,
            pair.plan,
        )


def _device(args):
    if args.get("model_instance_kind") == "GPU":
        return f"cuda:{args.get('model_instance_device_id', 0)}"
    return "cpu"


def _input(request, name):
    tensor = pb_utils.get_input_tensor_by_name(request, name)
    return None if tensor is None else tensor.as_numpy()


def _error(message):
    return pb_utils.InferenceResponse(output_tensors=[], error=pb_utils.TritonError(message))


def _log_info(message):
    logger = getattr(pb_utils, "Logger", None)
    if logger is not None:
        logger.log_info(message)


def _log_error(message):
    logger = getattr(pb_utils, "Logger", None)
    if logger is not None:
        logger.log_error(message)
    else:
        print(message, file=sys.stderr)
