"""Oracle cases for the creation functions: zeros/ones/full, *_like, ranges, matrices,
copies and casts."""
import numpy as np

from oracle import ALL_DTYPES, Case, View, arr

SHAPES = [(), (3,), (2, 3), (0, 4), (2, 1, 3)]


def scalar(rng, dtype):
    """A 0-d array (oracle.arr goes through ascontiguousarray, which makes 0-d into 1-d)."""
    return arr(rng, dtype, (1,)).reshape(())


def shaped(rng):
    """Inputs of several layouts: C, Fortran order, a reversed strided view, 0-d, empty."""
    yield "c", arr(rng, "float64", (3, 4))
    yield "f", arr(rng, "int16", (3, 4), order="F")
    yield "view", View(arr(rng, "float32", (4, 6)), "::-1, 1::2")
    yield "0d", scalar(rng, "complex64")
    yield "empty", arr(rng, "uint8", (0, 3))


def filled_cases(rng):
    for name, fn in [("zeros", np.zeros), ("ones", np.ones)]:
        for dt in ALL_DTYPES:
            for shape in SHAPES:
                yield Case(name, [], {"shape": shape, "dtype": dt},
                           lambda fn=fn, s=shape, dt=dt: fn(s, dtype=dt), note=dt)
        yield Case(name, [], {"shape": (2, 3), "order": "F"}, lambda fn=fn: fn((2, 3), order="F"),
                   note="F")
        yield Case(name, [], {"shape": (2, 3)}, lambda fn=fn: fn((2, 3)), note="default dtype")
        yield Case(name, [], {"shape": (2, -1)}, error=True, note="negative dimension")
    # empty's values are undefined: only zero-size shapes can be compared.
    for shape in [(0,), (2, 0, 3)]:
        yield Case("empty", [], {"shape": shape, "dtype": "int32"},
                   lambda s=shape: np.empty(s, dtype="int32"))
    yield Case("empty", [], {"shape": (-3,)}, error=True, note="negative dimension")
    for value in [7, -2.5, True]:
        yield Case("full", [], {"shape": (2, 3), "fill_value": value},
                   lambda v=value: np.full((2, 3), v), note="dtype None %r" % value)
        for dt in ["int8", "uint16", "float32", "complex128", "bool"]:
            yield Case("full", [], {"shape": (3,), "fill_value": value, "dtype": dt},
                       lambda v=value, dt=dt: np.full((3,), v, dtype=dt), note=dt)
    yield Case("full", [], {"shape": (2,), "fill_value": "1+2j"},
               lambda: np.full((2,), 1 + 2j), note="complex")
    yield Case("full", [], {"shape": (2, 2), "fill_value": 3, "order": "F"},
               lambda: np.full((2, 2), 3, order="F"), note="F")
    # NumPy 2 raises OverflowError for a Python int out of the dtype's range.
    yield Case("full", [], {"shape": (3,), "fill_value": 300, "dtype": "int8"}, error=True,
               note="out of range python int")


def like_cases(rng):
    for note, a in shaped(rng):
        yield Case("zeros_like", [a], {}, np.zeros_like, note=note)
        yield Case("ones_like", [a], {"dtype": "int32"},
                   lambda a: np.ones_like(a, dtype="int32"), note=note)
        yield Case("full_like", [a], {"fill_value": 2}, lambda a: np.full_like(a, 2), note=note)
    for dt in ALL_DTYPES:
        a = arr(rng, dt, (2, 3))
        yield Case("full_like", [a], {"fill_value": 1.75}, lambda a: np.full_like(a, 1.75), note=dt)
        yield Case("ones_like", [a], {}, np.ones_like, note=dt)
        yield Case("empty_like", [arr(rng, dt, (0, 2))], {}, np.empty_like, note=dt)
    yield Case("full_like", [arr(rng, "uint8", (2,))], {"fill_value": -1}, error=True,
               note="out of range python int")


def range_cases(rng):
    aranges = [
        ({"stop": 5}, lambda: np.arange(5)),
        ({"start": 2, "stop": 11, "step": 3}, lambda: np.arange(2, 11, 3)),
        ({"start": 10, "stop": 0, "step": -1.5}, lambda: np.arange(10, 0, -1.5)),
        ({"start": 0, "stop": 1, "step": 0.1}, lambda: np.arange(0, 1, 0.1)),
        ({"start": 0, "stop": 1, "step": 0.1, "dtype": "float32"},
         lambda: np.arange(0, 1, 0.1, dtype="float32")),
        ({"start": -3, "stop": 4, "step": 0.25, "dtype": "float16"},
         lambda: np.arange(-3, 4, 0.25, dtype="float16")),
        ({"start": 0, "stop": 5, "step": 1.5, "dtype": "int64"},
         lambda: np.arange(0, 5, 1.5, dtype="int64")),
        ({"start": 250, "stop": 260, "dtype": "uint8"}, lambda: np.arange(250, 260, dtype="uint8")),
        ({"start": 0.5, "stop": 7, "step": 2, "dtype": "int16"},
         lambda: np.arange(0.5, 7, 2, dtype="int16")),
        ({"start": 1, "stop": 4, "dtype": "complex64"}, lambda: np.arange(1, 4, dtype="complex64")),
        ({"stop": 2, "dtype": "bool"}, lambda: np.arange(2, dtype="bool")),
        ({"stop": 0}, lambda: np.arange(0)),
        ({"start": 5, "stop": 1}, lambda: np.arange(5, 1)),
    ]
    for opts, fn in aranges:
        yield Case("arange", [], opts, fn, note=str(opts))
    yield Case("arange", [], {"stop": 5, "step": 0}, error=True, note="zero step")
    yield Case("arange", [], {"stop": 3, "dtype": "bool"}, error=True, note="bool longer than 2")
    yield Case("arange", [], {"stop": "nan"}, error=True, note="nan length")

    for num, endpoint in [(50, True), (7, True), (7, False), (1, True), (1, False), (0, True)]:
        opts = {"start": -2.5, "stop": 3, "num": num, "endpoint": endpoint}
        yield Case("linspace", [], opts,
                   lambda n=num, e=endpoint: np.linspace(-2.5, 3, n, endpoint=e), note=str(opts))
        yield Case("logspace", [], opts,
                   lambda n=num, e=endpoint: np.logspace(-2.5, 3, n, endpoint=e), note=str(opts))
        yield Case("geomspace", [], {"start": 0.5, "stop": 300, "num": num, "endpoint": endpoint},
                   lambda n=num, e=endpoint: np.geomspace(0.5, 300, n, endpoint=e), note=str(opts))
    for dt in ["float32", "float16", "int32", "uint8", "complex128"]:
        yield Case("linspace", [], {"start": 0, "stop": 9, "num": 7, "dtype": dt},
                   lambda dt=dt: np.linspace(0, 9, 7, dtype=dt), note=dt)
    yield Case("linspace", [], {"start": -1, "stop": 1, "num": 5, "dtype": "int64"},
               lambda: np.linspace(-1, 1, 5, dtype="int64"), note="int floors")
    yield Case("linspace", [], {"start": 5, "stop": 5, "num": 4}, lambda: np.linspace(5, 5, 4),
               note="zero step")
    yield Case("linspace", [], {"start": 0, "stop": 1, "num": -1}, error=True, note="negative num")
    yield Case("logspace", [], {"start": 0, "stop": 10, "num": 11, "base": 2, "dtype": "int32"},
               lambda: np.logspace(0, 10, 11, base=2, dtype="int32"), note="base 2 int32")
    yield Case("logspace", [], {"start": 1, "stop": -1, "num": 5, "dtype": "float32"},
               lambda: np.logspace(1, -1, 5, dtype="float32"), note="float32 decreasing")
    yield Case("logspace", [], {"start": 0, "stop": 1, "num": -2}, error=True, note="negative num")
    yield Case("geomspace", [], {"start": -1000, "stop": -1, "num": 4},
               lambda: np.geomspace(-1000, -1, 4), note="both negative")
    yield Case("geomspace", [], {"start": 1, "stop": 1000, "num": 4, "dtype": "complex128"},
               lambda: np.geomspace(1, 1000, 4, dtype="complex128"), note="complex")
    yield Case("geomspace", [], {"start": 2, "stop": 2e6, "num": 7, "dtype": "float32"},
               lambda: np.geomspace(2, 2e6, 7, dtype="float32"), note="float32")
    yield Case("geomspace", [], {"start": 0, "stop": 10}, error=True, note="zero start")
    yield Case("geomspace", [], {"start": 1, "stop": 0}, error=True, note="zero stop")


def matrix_cases(rng):
    for opts in [{"N": 3}, {"N": 3, "M": 5, "k": 1}, {"N": 4, "M": 2, "k": -2}, {"N": 0},
                 {"N": 2, "k": 9}, {"N": 3, "dtype": "int8"}, {"N": 2, "dtype": "bool"}]:
        args = dict(opts)
        yield Case("eye", [], opts, lambda a=args: np.eye(**a), note=str(opts))
        yield Case("tri", [], opts, lambda a=args: np.tri(**a), note=str(opts))
    yield Case("eye", [], {"N": -1}, error=True, note="negative N")
    yield Case("tri", [], {"N": 2, "M": -3}, error=True, note="negative M")
    for n, dt in [(4, "float64"), (1, "int32"), (0, "complex64"), (3, "bool")]:
        yield Case("identity", [], {"n": n, "dtype": dt}, lambda n=n, dt=dt: np.identity(n, dt))

    mats = [("c", arr(rng, "int32", (4, 5))), ("f", arr(rng, "float32", (5, 3), order="F")),
            ("view", View(arr(rng, "float64", (6, 6)), "::-2, 1:")),
            ("stack", arr(rng, "complex128", (2, 3, 4))), ("bool", arr(rng, "bool", (3, 3))),
            ("1d", arr(rng, "uint16", (4,))), ("empty", arr(rng, "int8", (0, 3)))]
    for note, m in mats:
        for k in [0, 1, -2, 7, -9]:
            yield Case("tril", [m], {"k": k}, lambda m, k=k: np.tril(m, k), note=note)
            yield Case("triu", [m], {"k": k}, lambda m, k=k: np.triu(m, k), note=note)
    yield Case("tril", [scalar(rng, "float64")], {}, error=True, note="0-d")
    yield Case("triu", [scalar(rng, "float64")], {}, error=True, note="0-d")

    diags = [("1d", arr(rng, "int64", (3,))), ("1d view", View(arr(rng, "float32", (7,)), "::-3")),
             ("2d", arr(rng, "float64", (3, 5))), ("2d f", arr(rng, "complex64", (4, 2), order="F")),
             ("2d view", View(arr(rng, "int8", (5, 5)), "1:, ::-1")), ("empty", arr(rng, "bool", (0,)))]
    for note, v in diags:
        for k in [0, 2, -1, -6]:
            yield Case("diag", [v], {"k": k}, lambda v, k=k: np.diag(v, k), note=note)
    yield Case("diag", [arr(rng, "float64", (2, 2, 2))], {}, error=True, note="3-d")
    yield Case("diag", [scalar(rng, "float64")], {}, error=True, note="0-d")


def copy_cases(rng):
    for note, a in shaped(rng):
        for order in ["C", "F", "A", "K"]:
            yield Case("copy", [a], {"order": order}, lambda a, o=order: np.copy(a, order=o),
                       note=note + " " + order)
        yield Case("ascontiguousarray", [a], {}, np.ascontiguousarray, note=note)
        yield Case("asfortranarray", [a], {}, np.asfortranarray, note=note)
    # Values in [0, 100] fit every dtype, so no cast is out of range (undefined in C).
    for src in ALL_DTYPES:
        a = arr(rng, src, (3, 4), 0, 100)
        for dst in ALL_DTYPES:
            yield Case("astype", [a], {"dtype": dst}, lambda a, d=dst: a.astype(d), note=src + "->" + dst)
    for src in ["int16", "float32", "complex128"]:
        yield Case("astype", [arr(rng, src, (6,), -100, 100)], {"dtype": "int8"},
                   lambda a: a.astype("int8"), note=src + " negative")
    yield Case("astype", [View(arr(rng, "float64", (4, 4), order="F"), "::-1, ::2")],
               {"dtype": "int32"}, lambda a: a.astype("int32"), note="view")


def cases(rng):
    for group in [filled_cases, like_cases, range_cases, matrix_cases, copy_cases]:
        yield from group(rng)
