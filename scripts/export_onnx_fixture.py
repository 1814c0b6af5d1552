#!/usr/bin/python3
"""Exports the ONNX test fixtures of Vigil's ONNX dense device (module onnx) from PyTorch.

Writes, into runtime/onnx/src/test/resources/dev/vigil/drivers/onnx/ (or the folder given as the only argument):
  kws-fixture.onnx         a small keyword-spotter-shaped CNN, log-mel 1x1x40x98 (bands x frames) ->
                           4x10 convolution (stride 2) -> depthwise 3x3 -> pointwise 1x1 -> global
                           average pooling -> 4 logits; input 'log_mel', output 'logits'
  kws-fixture.json         the model's input/output names, shapes and labels, three inputs (float32,
                           little-endian, Base64) and PyTorch's logits for each
  wrong-dtype.onnx         the same input name and shape, but int64 (refused at load)
  two-outputs.onnx         two outputs, none named 'logits' (refused unless one is named)

Deterministic: a fixed seed, so the same PyTorch version writes the same numbers. Needs Debian's
python3-torch and python3-onnx (apt-get install -y python3-torch python3-onnx); CI does not run it,
the outputs are committed. Run: /usr/bin/python3 scripts/export_onnx_fixture.py
"""
import base64
import json
import os
import sys

import onnx
import torch
from onnx import TensorProto, helper

SEED = 20261204
BANDS, FRAMES, CLASSES = 40, 98, 4
LABELS = ["yes", "no", "speech", "background"]


class KeywordSpotter(torch.nn.Module):
    """DS-CNN-shaped: one strided convolution, one depthwise-separable block, pooling, a linear layer."""

    def __init__(self, channels=8):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, channels, (4, 10), stride=2, padding=(1, 4))
        self.depthwise = torch.nn.Conv2d(channels, channels, 3, padding=1, groups=channels)
        self.pointwise = torch.nn.Conv2d(channels, channels, 1)
        self.pool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(channels, CLASSES)

    def forward(self, log_mel):
        x = torch.relu(self.conv(log_mel))
        x = torch.relu(self.depthwise(x))
        x = torch.relu(self.pointwise(x))
        return self.fc(torch.flatten(self.pool(x), 1))


def inputs(generator):
    """A noise map, a map with a rising tone-like ridge, and a near-silent map, as log-mel values."""
    noise = torch.randn(1, 1, BANDS, FRAMES, generator=generator) * 2 - 6
    ridge = torch.full((1, 1, BANDS, FRAMES), -12.0)
    for f in range(FRAMES):
        band = 5 + (f * 30) // FRAMES
        ridge[0, 0, band - 1:band + 2, f] = 4.0
    silence = torch.full((1, 1, BANDS, FRAMES), -13.8) + torch.rand(1, 1, BANDS, FRAMES, generator=generator) * 0.1
    return [noise, ridge, silence]


def tiny_graph(path, input_type, outputs):
    x = helper.make_tensor_value_info("log_mel", input_type, [1, 1, BANDS, FRAMES])
    ys = [helper.make_tensor_value_info(name, input_type, [1, 1, BANDS, FRAMES]) for name in outputs]
    nodes = [helper.make_node("Identity", ["log_mel"], [name]) for name in outputs]
    model = helper.make_model(helper.make_graph(nodes, "wrong", [x], ys),
                              opset_imports=[helper.make_opsetid("", 13)], producer_name="vigil-fixture")
    onnx.checker.check_model(model)
    onnx.save(model, path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "runtime", "onnx", "src", "test", "resources", "dev", "vigil", "drivers", "onnx")
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(SEED)
    generator = torch.Generator().manual_seed(SEED)
    model = KeywordSpotter().eval()
    example = inputs(generator)
    onnx_path = os.path.join(out, "kws-fixture.onnx")
    torch.onnx.export(model, example[0], onnx_path, input_names=["log_mel"], output_names=["logits"], opset_version=13,
                      do_constant_folding=True)
    onnx.checker.check_model(onnx.load(onnx_path))
    cases = []
    with torch.no_grad():
        for x in example:
            logits = model(x)[0].double().tolist()
            data = x.numpy().astype("<f4").tobytes()
            cases.append({"input": base64.b64encode(data).decode("ascii"), "logits": logits})
    fixture = {
        "model": "kws-fixture.onnx",
        "exported-by": "scripts/export_onnx_fixture.py, torch " + torch.__version__ + ", onnx " + onnx.__version__,
        "input": "log_mel", "input-shape": [1, 1, BANDS, FRAMES], "output": "logits", "labels": LABELS,
        "cases": cases,
    }
    with open(os.path.join(out, "kws-fixture.json"), "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    tiny_graph(os.path.join(out, "wrong-dtype.onnx"), TensorProto.INT64, ["logits"])
    tiny_graph(os.path.join(out, "two-outputs.onnx"), TensorProto.FLOAT, ["first", "second"])
    for name in sorted(os.listdir(out)):
        print(name, os.path.getsize(os.path.join(out, name)), "bytes")


if __name__ == "__main__":
    main()
