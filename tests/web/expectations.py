"""NumPy's answers for the JavaScript API's tests (tests/web/oracle.mjs, used by
tests/web/node.test.mjs and tests/browser/): reads the tests' inputs (JSON) on stdin, prints
the expected results (JSON) on stdout."""
import json
import sys

import numpy as np

x = {k: np.array(v) for k, v in json.load(sys.stdin).items()}


def listed(a):
    return np.asarray(a).tolist()


def message(fn):
    try:
        fn()
    except ValueError as e:
        return str(e)
    raise AssertionError("no error")


def f32(a):
    """a rounded to float32 as numc's float32 arrays hold it, widened back for the product."""
    return a.astype(np.float32).astype(np.float64)


ints32 = x["ints"].astype(np.int32)
int8_plus_1 = x["ints"].astype(np.int8) + 1
u, s, vh = np.linalg.svd(x["A"], full_matrices=False)
out = {
    "matmul": listed(x["A"] @ x["B"]),
    # float32 inputs, products summed in float64: the float32 result's reference.
    "matmul_f32": listed(f32(x["P"]) @ f32(x["Q"])),
    "square_matmul_f32": listed(f32(x["S1"]) @ f32(x["S2"])),
    "add": listed(x["col"] + x["row"]),
    "multiply": listed(ints32 * ints32),
    "multiply_dtype": str((ints32 * ints32).dtype),
    "exp": listed(np.exp(x["col"].astype(np.float32))),
    "sqrt": listed(np.sqrt(f32(x["pos"]))),
    "multiply_float": listed(x["col"] * x["row"]),
    "divide_log": listed(np.log(x["pos"]) / x["pos"]),
    "greater": listed(x["col"] > x["row"]),
    "int8_plus_1": listed(int8_plus_1),
    "int8_plus_1_dtype": str(int8_plus_1.dtype),
    "sum_axis0": listed(x["cube"].sum(axis=0)),
    "mean_axis1_keepdims": listed(x["cube"].mean(axis=1, keepdims=True)),
    "max_axis02": listed(x["cube"].max(axis=(0, 2))),
    "sum_all": float(x["cube"].sum()),
    "inv": listed(np.linalg.inv(x["spd"])),
    "solve": listed(np.linalg.solve(x["spd"], x["rhs"])),
    "svd_s": listed(s),
    "eigh_w": listed(np.linalg.eigh(x["spd"])[0]),
    "det": float(np.linalg.det(x["spd"])),
    "zeros": listed(np.zeros((2, 3), np.int32)),
    "arange": listed(np.arange(5)),
    "arange_dtype": str(np.arange(5).dtype),
    "arange_float": listed(np.arange(1, 2, 0.25)),
    "linspace": listed(np.linspace(0, 1, 5)),
    "transpose": listed(ints32.T),
    "broadcast_error": message(lambda: np.add(np.ones(2), np.ones(3))),
    "random_normal": listed(np.random.default_rng(3).normal(10.0, 2.0, (2, 3))),
    "random_integers": listed(np.random.default_rng(2**63).integers(-5, 5, 7, np.int32)),
    "random_random_f32": listed(np.random.default_rng(0).random(4, np.float32)),
}
json.dump(out, sys.stdout)
