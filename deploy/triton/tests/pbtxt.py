"""A small reader for protobuf text format, enough for Triton's config.pbtxt.

A message becomes {field: [values]} (every field a list, since fields may repeat); a nested message
is such a dict, scalars are str, int or float, enum names are str.
"""

import json
import re

_TOKEN = re.compile(r'\s*(?:#[^\n]*\n?\s*)*("(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"#]+)')


def _tokens(text):
    pos, out = 0, []
    while True:
        match = _TOKEN.match(text, pos)
        if not match:
            rest = text[pos:].strip()
            if rest and not rest.startswith("#"):
                raise ValueError(f"cannot read config at: {rest[:40]!r}")
            return out
        out.append(match.group(1))
        pos = match.end()


def _scalar(token):
    if token.startswith('"'):
        return bytes(token[1:-1], "utf-8").decode("unicode_escape")
    for kind in (int, float):
        try:
            return kind(token)
        except ValueError:
            pass
    return token


class _Reader:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, expected=None):
        token = self.peek()
        if expected is not None and token != expected:
            raise ValueError(f"expected {expected!r}, found {token!r}")
        self.i += 1
        return token

    def message(self, end):
        fields = {}
        while self.peek() != end:
            name = self.take()
            if self.peek() == ":":
                self.take()
            fields.setdefault(name, []).extend(self.values())
            if self.peek() == ",":
                self.take()
        return fields

    def values(self):
        if self.peek() == "[":
            self.take()
            items = []
            while self.peek() != "]":
                items.extend(self.values())
                if self.peek() == ",":
                    self.take()
            self.take("]")
            return items
        if self.peek() == "{":
            self.take()
            fields = self.message("}")
            self.take("}")
            return [fields]
        return [_scalar(self.take())]


def parse(text):
    return _Reader(_tokens(text)).message(None)


def model_config_json(parsed):
    """The JSON string Triton passes to initialize() as args['model_config'] (the parts we use)."""

    def tensors(key):
        return [
            {"name": t["name"][0], "data_type": t["data_type"][0], "dims": [str(d) for d in t["dims"]]}
            for t in parsed.get(key, [])
        ]

    parameters = {
        p["key"][0]: {"string_value": p["value"][0]["string_value"][0]} for p in parsed.get("parameters", [])
    }
    return json.dumps(
        {
            "name": parsed["name"][0],
            "backend": parsed["backend"][0],
            "max_batch_size": parsed["max_batch_size"][0],
            "input": tensors("input"),
            "output": tensors("output"),
            "parameters": parameters,
        }
    )
