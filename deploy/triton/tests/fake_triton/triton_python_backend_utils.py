"""Hand-written fake of the parts of Triton's triton_python_backend_utils that model.py uses."""

import numpy as np


class TritonError:
    def __init__(self, message, code=None):
        self._message = message
        self.code = code

    def message(self):
        return self._message


class Tensor:
    def __init__(self, name, array):
        if not isinstance(array, np.ndarray):
            raise TypeError(f"Tensor {name} needs a numpy array, got {type(array).__name__}")
        self._name = name
        self._array = array

    def name(self):
        return self._name

    def as_numpy(self):
        return self._array


class InferenceRequest:
    """What Triton hands execute(): named input tensors."""

    def __init__(self, inputs):
        self._inputs = [Tensor(name, array) for name, array in inputs.items()]

    def inputs(self):
        return list(self._inputs)


class InferenceResponse:
    def __init__(self, output_tensors, error=None):
        self._outputs = list(output_tensors)
        self._error = error

    def output_tensors(self):
        return list(self._outputs)

    def has_error(self):
        return self._error is not None

    def error(self):
        return self._error


def get_input_tensor_by_name(request, name):
    for tensor in request.inputs():
        if tensor.name() == name:
            return tensor
    return None


def get_output_tensor_by_name(response, name):
    for tensor in response.output_tensors():
        if tensor.name() == name:
            return tensor
    return None


class Logger:
    """Records messages instead of printing them."""

    messages = []

    @classmethod
    def log_info(cls, message):
        cls.messages.append(("INFO", message))

    @classmethod
    def log_error(cls, message):
        cls.messages.append(("ERROR", message))
