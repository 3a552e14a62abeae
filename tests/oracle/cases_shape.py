"""Oracle cases for views and shape manipulation: reshape, ravel, transposes, squeeze,
expand_dims, broadcasting and basic indexing (getitem)."""
import numpy as np

from oracle import ALL_DTYPES, Case, View, arr


def scalar(rng, dtype):
    """A 0-d array (oracle.arr goes through ascontiguousarray, which makes 0-d into 1-d)."""
    return arr(rng, dtype, (1,)).reshape(())


def layouts(rng, dtype="float64", shape=(4, 6)):
    """The same kind of input in several memory layouts."""
    yield "c", arr(rng, dtype, shape)
    yield "f", arr(rng, dtype, shape, order="F")
    yield "reversed", View(arr(rng, dtype, shape), "::-1, ::-1")
    yield "strided", View(arr(rng, dtype, (shape[0], 2 * shape[1])), ":, ::2")
    yield "transposed", View(arr(rng, dtype, shape[::-1]).T, ":")


def reshape_cases(rng):
    for note, a in layouts(rng):
        for shape in [(24,), (6, -1), (2, 3, 4), (-1, 2, 1, 3), (1, 24, 1)]:
            for order in ["C", "F", "A"]:
                yield Case("reshape", [a], {"shape": shape, "order": order},
                           lambda a, s=shape, o=order: np.reshape(a, s, order=o),
                           note="%s %s %s" % (note, shape, order))
        for order in ["C", "F", "A", "K"]:
            yield Case("ravel", [a], {"order": order}, lambda a, o=order: np.ravel(a, order=o),
                       note=note + " " + order)
            yield Case("flatten", [a], {"order": order}, lambda a, o=order: a.flatten(order=o),
                       note=note + " " + order)
    for dt in ALL_DTYPES:
        yield Case("reshape", [arr(rng, dt, (3, 4))], {"shape": (2, 2, 3)},
                   lambda a: a.reshape(2, 2, 3), note=dt)
    z = scalar(rng, "int32")
    yield Case("reshape", [z], {"shape": (1, 1)}, lambda a: a.reshape(1, 1), note="0-d")
    yield Case("reshape", [arr(rng, "int8", (1,))], {"shape": ()}, lambda a: a.reshape(()),
               note="to 0-d")
    yield Case("ravel", [z], {}, np.ravel, note="0-d")
    yield Case("flatten", [z], {}, lambda a: a.flatten(), note="0-d")
    e = arr(rng, "float32", (0, 3))
    yield Case("reshape", [e], {"shape": (3, -1, 2)}, lambda a: a.reshape(3, -1, 2), note="empty")
    yield Case("ravel", [e], {}, np.ravel, note="empty")
    a = arr(rng, "float64", (2, 3))
    yield Case("reshape", [a], {"shape": (4,)}, error=True, note="size mismatch")
    yield Case("reshape", [a], {"shape": (-1, -1)}, error=True, note="two unknowns")
    yield Case("reshape", [a], {"shape": (4, -1)}, error=True, note="unknown does not divide")
    yield Case("reshape", [e], {"shape": (-1, 0)}, error=True, note="unknown next to 0")


def axes_cases(rng):
    a = arr(rng, "int32", (2, 3, 4))
    views = [("c", a), ("f", arr(rng, "complex64", (2, 3, 4), order="F")),
             ("view", View(arr(rng, "float16", (4, 3, 5)), "::2, ::-1, 1:"))]
    for note, x in views:
        for axes in [None, (1, 0, 2), (2, 0, 1), (-1, 0, -2)]:
            yield Case("transpose", [x], {"axes": axes},
                       lambda x, ax=axes: np.transpose(x, ax), note="%s %s" % (note, axes))
        yield Case("permute_dims", [x], {"axes": (2, 1, 0)}, lambda x: np.transpose(x, (2, 1, 0)),
                   note=note)
        for a1, a2 in [(0, 2), (1, -1), (0, 0)]:
            yield Case("swapaxes", [x], {"axis1": a1, "axis2": a2},
                       lambda x, a1=a1, a2=a2: np.swapaxes(x, a1, a2), note="%s %d %d" % (note, a1, a2))
        for src, dst in [((0,), (-1,)), ((0, 1), (2, 0)), ((2, 0), (0, 1)), ((), ())]:
            yield Case("moveaxis", [x], {"source": src, "destination": dst},
                       lambda x, s=src, d=dst: np.moveaxis(x, s, d), note="%s %s %s" % (note, src, dst))
    yield Case("transpose", [scalar(rng, "bool")], {}, np.transpose, note="0-d")
    yield Case("transpose", [arr(rng, "uint64", (0, 5))], {}, np.transpose, note="empty")
    yield Case("transpose", [a], {"axes": (0, 1)}, error=True, note="too few axes")
    yield Case("transpose", [a], {"axes": (0, 1, 1)}, error=True, note="repeated axis")
    yield Case("permute_dims", [a], {"axes": (0, 1, 3)}, error=True, note="axis out of range")
    yield Case("swapaxes", [a], {"axis1": 0, "axis2": 3}, error=True, note="axis out of range")
    yield Case("moveaxis", [a], {"source": (0,), "destination": (3,)}, error=True, note="bad dest")
    yield Case("moveaxis", [a], {"source": (0, 0), "destination": (1, 2)}, error=True,
               note="repeated source")
    yield Case("moveaxis", [a], {"source": (0,), "destination": (1, 2)}, error=True,
               note="length mismatch")

    s = arr(rng, "float32", (1, 3, 1, 2))
    for axis in [None, (0,), (-2,), (0, 2)]:
        yield Case("squeeze", [s], {"axis": axis}, lambda x, ax=axis: np.squeeze(x, ax), note=str(axis))
    yield Case("squeeze", [View(arr(rng, "int64", (3, 4)), "1:2, None, ::-1")], {},
               np.squeeze, note="view")
    yield Case("squeeze", [scalar(rng, "int8")], {}, np.squeeze, note="0-d")
    yield Case("squeeze", [s], {"axis": (1,)}, error=True, note="length 3 axis")
    yield Case("squeeze", [s], {"axis": (4,)}, error=True, note="axis out of range")
    yield Case("squeeze", [s], {"axis": (0, 0)}, error=True, note="duplicate axis")
    v = arr(rng, "uint16", (3, 2))
    for axis in [(0,), (-1,), (1, 3), (0, -1), (2,)]:
        yield Case("expand_dims", [v], {"axis": axis},
                   lambda x, ax=axis: np.expand_dims(x, ax), note=str(axis))
    yield Case("expand_dims", [scalar(rng, "complex128")], {"axis": (0,)},
               lambda x: np.expand_dims(x, 0), note="0-d")
    yield Case("expand_dims", [View(v, "::-1")], {"axis": (1,)},
               lambda x: np.expand_dims(x, 1), note="view")
    yield Case("expand_dims", [v], {"axis": (3,)}, error=True, note="axis out of range")
    yield Case("expand_dims", [v], {"axis": (0, 0)}, error=True, note="repeated axis")


def broadcast_cases(rng):
    for note, x, shape in [("row", arr(rng, "float64", (3,)), (4, 3)),
                           ("column", arr(rng, "int16", (2, 1)), (3, 2, 5)),
                           ("0-d", scalar(rng, "bool"), (2, 2)),
                           ("same", arr(rng, "complex64", (2, 3)), (2, 3)),
                           ("to empty", arr(rng, "int8", (1, 3)), (0, 3)),
                           ("view", View(arr(rng, "uint32", (5, 4)), "::-2, 2:3"), (2, 3, 3))]:
        yield Case("broadcast_to", [x], {"shape": shape},
                   lambda x, s=shape: np.broadcast_to(x, s), note=note)
    x = arr(rng, "float32", (3,))
    yield Case("broadcast_to", [x], {"shape": (4,)}, error=True, note="3 to 4")
    yield Case("broadcast_to", [x], {"shape": ()}, error=True, note="fewer dimensions")
    yield Case("broadcast_to", [x], {"shape": (-1, 3)}, error=True, note="negative")
    groups = [("pair", [arr(rng, "float64", (4, 1)), arr(rng, "int32", (3,))]),
              ("three", [arr(rng, "int8", (2, 1, 3)), scalar(rng, "float32"),
                         View(arr(rng, "bool", (5, 3)), "1:2")]),
              ("one", [arr(rng, "complex128", (2, 2))]),
              ("empty", [arr(rng, "uint8", (0, 1)), arr(rng, "uint8", (4,))])]
    for note, ins in groups:
        yield Case("broadcast_arrays", ins, {}, lambda *xs: tuple(np.broadcast_arrays(*xs)), note=note)
    yield Case("broadcast_arrays", [arr(rng, "float64", (3,)), arr(rng, "float64", (4,))],
               error=True, note="incompatible")


def getitem_cases(rng):
    m = arr(rng, "float64", (4, 5, 6))
    keys = ["1", "-1", "1:3", "::-1", "::2, 1", "1:, ::-2, -3:", "..., 0", "0, ...",
            "None, 1, ..., None", "2, None, 3:0:-1", ":, :, ::-1", "-100:100, 5:1",
            "1, 2, 3", "...", "", "::3, ..., ::-4", ":0"]
    for key in keys:
        yield Case("getitem", [m], {"key": key},
                   lambda a, k=key: eval("a[%s]" % (k or "()"), {"a": a}), note=key)
    for note, a in [("f", arr(rng, "int16", (3, 4), order="F")),
                    ("view", View(arr(rng, "complex64", (6, 5)), "::-1, 1:"))]:
        yield Case("getitem", [a], {"key": "1:, ::-2"}, lambda a: a[1:, ::-2], note=note)
    yield Case("getitem", [scalar(rng, "int32")], {"key": "None"}, lambda a: a[None], note="0-d")
    for key, note in [("4", "index out of range"), ("-5", "negative index out of range"),
                      ("0, 0, 0, 0", "too many indices"), ("..., ...", "two ellipses"),
                      ("::0", "zero step"), ("1.5", "not an integer"), ("1:2:3:4", "bad slice")]:
        yield Case("getitem", [m], {"key": key}, error=True, note=note)


def cases(rng):
    for group in [reshape_cases, axes_cases, broadcast_cases, getitem_cases]:
        yield from group(rng)
