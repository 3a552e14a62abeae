"""Oracle cases for joining, splitting, indexing and rearranging (the join module)."""
import numpy as np

from oracle import ALL_DTYPES, Case, View, arr

# A spread of dtypes for the functions whose work does not depend on the dtype.
SOME = ["bool", "int8", "uint16", "int64", "float16", "float32", "complex128"]
MIXED = [("int8", "uint8"), ("int64", "uint64"), ("bool", "float16"), ("float32", "complex64"),
         ("uint32", "int16"), ("bool", "int8")]


def concatenate_cases(rng):
    for dt in ALL_DTYPES:
        yield Case("concatenate", [arr(rng, dt, (2, 3)), arr(rng, dt, (4, 3))], {"axis": 0},
                   lambda a, b: np.concatenate([a, b], axis=0), note=dt)
    for da, db in MIXED:
        yield Case("concatenate", [arr(rng, da, (2, 3)), arr(rng, db, (2, 1))], {"axis": -1},
                   lambda a, b: np.concatenate([a, b], axis=-1), note=da + "+" + db)
    a = arr(rng, "float64", (3, 4, 2))
    yield Case("concatenate", [a, View(a, "::-1, ::2"), arr(rng, "float64", (3, 1, 2))],
               {"axis": 1}, lambda *xs: np.concatenate(xs, axis=1), note="views")
    yield Case("concatenate", [arr(rng, "int32", (2, 3)), arr(rng, "int8", (4,)),
                               np.array(7, dtype=np.int16), View(a, "::-1, 1")],
               {"axis": None}, lambda *xs: np.concatenate(xs, axis=None), note="axis=None")
    yield Case("concatenate", [arr(rng, "uint8", (0, 3)), arr(rng, "uint8", (2, 3)),
                               arr(rng, "uint8", (0, 3))], {"axis": 0},
               lambda *xs: np.concatenate(xs, axis=0), note="zero-size")
    yield Case("concatenate", [arr(rng, "float32", (0, 2)), arr(rng, "float32", (0, 3))],
               {"axis": -1}, lambda *xs: np.concatenate(xs, axis=-1), note="all empty")
    yield Case("concatenate", [arr(rng, "int16", (5,))], {"axis": 0},
               lambda x: np.concatenate([x]), note="one input")
    yield Case("concatenate", [arr(rng, "int16", (2, 2)), arr(rng, "int16", (2, 3))],
               {"axis": 0}, error=True, note="mismatched dimension")
    yield Case("concatenate", [arr(rng, "int16", (2, 2)), arr(rng, "int16", (2,))],
               error=True, note="mismatched ndim")
    yield Case("concatenate", [np.array(1.0), np.array(2.0)], error=True, note="0-d")
    yield Case("concatenate", [arr(rng, "int16", (2, 2))], {"axis": 2}, error=True,
               note="axis out of bounds")


def stack_cases(rng):
    for dt in SOME:
        for axis in [0, 1, -1]:
            yield Case("stack", [arr(rng, dt, (3, 2)), arr(rng, dt, (3, 2)), arr(rng, dt, (3, 2))],
                       {"axis": axis}, lambda *xs, ax=axis: np.stack(xs, axis=ax),
                       note="%s axis %d" % (dt, axis))
    for da, db in MIXED[:3]:
        yield Case("stack", [arr(rng, da, (4,)), arr(rng, db, (4,))], {"axis": 1},
                   lambda *xs: np.stack(xs, axis=1), note=da + "+" + db)
    a = arr(rng, "int32", (4, 4))
    yield Case("stack", [View(a, "::-1, ::2"), View(a, "::-1, 1::2")], {"axis": -2},
               lambda *xs: np.stack(xs, axis=-2), note="views")
    yield Case("stack", [1, 2.5, np.array(3, dtype=np.int8)], {},
               lambda *xs: np.stack(xs), note="scalars promote with their default dtypes")
    yield Case("stack", [arr(rng, "float64", (0, 2)), arr(rng, "float64", (0, 2))], {"axis": 2},
               lambda *xs: np.stack(xs, axis=2), note="zero-size")
    yield Case("stack", [arr(rng, "float64", (2,)), arr(rng, "float64", (3,))], error=True,
               note="shapes differ")
    yield Case("stack", [arr(rng, "float64", (2,))], {"axis": 2}, error=True,
               note="axis out of bounds")


def hvstack_cases(rng):
    for name, fn in [("hstack", np.hstack), ("vstack", np.vstack)]:
        for dt in SOME:
            yield Case(name, [arr(rng, dt, (3,)), arr(rng, dt, (3,))], {},
                       lambda *xs, f=fn: f(xs), note=dt + " 1-D")
        yield Case(name, [arr(rng, "int16", (2, 3)), arr(rng, "float32", (2, 3))], {},
                   lambda *xs, f=fn: f(xs), note="2-D mixed")
        yield Case(name, [np.array(5, dtype=np.uint8), np.array(6, dtype=np.uint8)], {},
                   lambda *xs, f=fn: f(xs), note="0-d")
        a = arr(rng, "complex64", (3, 3, 2))
        yield Case(name, [View(a, "::-1"), a], {}, lambda *xs, f=fn: f(xs), note="3-D view")
        yield Case(name, [arr(rng, "int8", (0,)), arr(rng, "int8", (0,))], {},
                   lambda *xs, f=fn: f(xs), note="empty")
    yield Case("hstack", [arr(rng, "int64", (2, 1)), arr(rng, "int64", (2, 3))], {},
               lambda *xs: np.hstack(xs), note="columns")
    yield Case("hstack", [arr(rng, "int64", (3,)), np.array(1)], {}, lambda *xs: np.hstack(xs),
               note="1-D and 0-d")
    yield Case("vstack", [arr(rng, "int64", (3,)), arr(rng, "int64", (2, 3))], {},
               lambda *xs: np.vstack(xs), note="row and matrix")
    yield Case("hstack", [arr(rng, "int64", (2, 1)), arr(rng, "int64", (3, 1))], error=True,
               note="rows differ")
    yield Case("vstack", [arr(rng, "int64", (3,)), arr(rng, "int64", (4,))], error=True,
               note="columns differ")


def split_cases(rng):
    for dt in SOME:
        yield Case("split", [arr(rng, dt, (6, 2))], {"indices_or_sections": 3},
                   lambda a: np.split(a, 3), note=dt)
    a = arr(rng, "float32", (4, 9))
    yield Case("split", [a], {"indices_or_sections": 3, "axis": -1},
               lambda a: np.split(a, 3, axis=-1), note="axis -1")
    yield Case("split", [a], {"indices_or_sections": (2, 5, 7), "axis": 1},
               lambda a: np.split(a, [2, 5, 7], axis=1), note="points")
    yield Case("split", [a], {"indices": 3, "axis": 1}, lambda a: np.split(a, [3], axis=1),
               note="one point")
    yield Case("split", [a], {"indices_or_sections": (-2, 1, 20), "axis": 1},
               lambda a: np.split(a, [-2, 1, 20], axis=1), note="negative, decreasing, past end")
    yield Case("split", [View(a, "::-1, ::-2")], {"indices_or_sections": 5, "axis": 1},
               lambda a: np.split(a, 5, axis=1), note="view")
    yield Case("split", [arr(rng, "int8", (0, 3))], {"indices_or_sections": 2},
               lambda a: np.split(a, 2), note="zero-size")
    yield Case("split", [a], {"indices_or_sections": 2, "axis": 1}, error=True,
               note="unequal division")
    yield Case("split", [a], {"indices_or_sections": 2, "axis": 2}, error=True,
               note="axis out of bounds")
    yield Case("split", [np.array(3.0)], {"indices_or_sections": 1}, error=True, note="0-d")
    for n in [1, 3, 4, 11]:
        yield Case("array_split", [arr(rng, "int32", (10, 2))], {"indices_or_sections": n},
                   lambda a, n=n: np.array_split(a, n), note="%d sections" % n)
    yield Case("array_split", [View(a, ":, ::-1")], {"indices_or_sections": 4, "axis": -1},
               lambda a: np.array_split(a, 4, axis=-1), note="view, axis -1")
    yield Case("array_split", [a], {"indices_or_sections": (1, 3)},
               lambda a: np.array_split(a, [1, 3]), note="points")
    yield Case("array_split", [a], {"indices_or_sections": 0}, error=True, note="0 sections")


def take_cases(rng):
    for dt in ALL_DTYPES:
        a = arr(rng, dt, (3, 4))
        idx = rng.integers(-12, 12, size=(2, 3))
        yield Case("take", [a, idx], {}, lambda a, i: np.take(a, i), note=dt + " flat")
        yield Case("take", [a, rng.integers(-4, 4, size=5).astype(np.int32)], {"axis": -1},
                   lambda a, i: np.take(a, i, axis=-1), note=dt + " axis -1")
    a = arr(rng, "float64", (4, 3, 5))
    yield Case("take", [View(a, "::-1, :, ::-2"), np.array([[2, 0], [-1, 1]], dtype=np.int16)],
               {"axis": 1}, lambda a, i: np.take(a, i, axis=1), note="view, 2-D indices")
    yield Case("take", [View(a, "1, ::-1"), np.array([True, False, True])], {"axis": 0},
               lambda a, i: np.take(a, i, axis=0), note="bool indices")
    yield Case("take", [a, 2], {"axis": 0}, lambda a, i: np.take(a, i, axis=0),
               note="scalar index removes the axis")
    yield Case("take", [a, np.zeros((0,), dtype=np.int64)], {"axis": 2},
               lambda a, i: np.take(a, i, axis=2), note="no indices")
    yield Case("take", [np.array(4.5), np.array([0, -1, 0])], {},
               lambda a, i: np.take(a, i), note="0-d source")
    yield Case("take", [a, np.array([3, 4])], {"axis": 0}, error=True, note="out of bounds")
    yield Case("take", [a, np.array([-61])], {}, error=True, note="out of bounds flat")
    yield Case("take", [a, np.array([1.0])], {}, error=True, note="float indices")
    yield Case("take", [a, np.array([0])], {"axis": 3}, error=True, note="axis out of bounds")
    yield Case("take", [arr(rng, "int8", (0, 2)), np.array([0])], {"axis": 0}, error=True,
               note="empty axis")


def mask_cases(rng):
    for dt in SOME:
        a = arr(rng, dt, (3, 4))
        yield Case("boolean_index", [a, arr(rng, "bool", (3, 4))], {}, lambda a, m: a[m],
                   note=dt + " full mask")
        yield Case("boolean_index", [a, arr(rng, "bool", (3,))], {}, lambda a, m: a[m],
                   note=dt + " leading mask")
    a = arr(rng, "int64", (4, 3, 2))
    m = arr(rng, "bool", (8, 4))
    yield Case("boolean_index", [View(a, "::-1, 1:"), View(m, "::-2, 1:3")], {},
               lambda a, m: a[m], note="views")
    yield Case("boolean_index", [a, np.array(True)], {}, lambda a, m: a[m], note="0-d true")
    yield Case("boolean_index", [a, np.array(False)], {}, lambda a, m: a[m], note="0-d false")
    yield Case("boolean_index", [arr(rng, "float32", (0, 3)), np.zeros((0, 3), dtype=bool)], {},
               lambda a, m: a[m], note="zero-size")
    yield Case("boolean_index", [a, arr(rng, "bool", (3,))], error=True, note="length differs")
    yield Case("boolean_index", [arr(rng, "int8", (3,)), arr(rng, "bool", (3, 1))], error=True,
               note="too many dims")
    yield Case("boolean_index", [a, np.array([0, 1, 0, 1])], error=True, note="integer mask")


def nonzero_cases(rng):
    for dt in ALL_DTYPES:
        a = arr(rng, dt, (3, 4), -1, 1)
        yield Case("nonzero", [a], {}, np.nonzero, note=dt)
        yield Case("argwhere", [a], {}, np.argwhere, note=dt)
    special = np.array([0.0, -0.0, np.nan, np.inf, 1e-300, 0.0])
    for name, fn in [("nonzero", np.nonzero), ("argwhere", np.argwhere)]:
        yield Case(name, [special], {}, fn, note="nan, -0.0, inf")
        a = arr(rng, "int8", (2, 3, 4), -1, 1)
        yield Case(name, [View(a, "::-1, :, ::-2")], {}, fn, note="3-D view")
        yield Case(name, [np.zeros((2, 0), dtype=np.float32)], {}, fn, note="zero-size")
        yield Case(name, [np.zeros((3, 3), dtype=np.int16)], {}, fn, note="all zero")
    yield Case("nonzero", [np.array(1)], error=True, note="0-d")
    yield Case("argwhere", [np.array(2.5)], {}, np.argwhere, note="0-d true")
    yield Case("argwhere", [np.array(0)], {}, np.argwhere, note="0-d false")


def rearrange_cases(rng):
    # flip
    for dt in SOME:
        a = arr(rng, dt, (3, 4, 2))
        for axis in [None, 0, -1, (0, 2)]:
            yield Case("flip", [a], {"axis": axis}, lambda a, ax=axis: np.flip(a, axis=ax),
                       note="%s axis %s" % (dt, axis))
    a = arr(rng, "float64", (5, 4))
    yield Case("flip", [View(a, "::-2, 1:")], {"axis": 1}, lambda a: np.flip(a, axis=1),
               note="view")
    yield Case("flip", [np.array(3)], {}, np.flip, note="0-d")
    yield Case("flip", [arr(rng, "int8", (0, 3))], {"axis": 0}, lambda a: np.flip(a, axis=0),
               note="zero-size")
    yield Case("flip", [a], {"axis": 2}, error=True, note="axis out of bounds")
    yield Case("flip", [a], {"axis": (0, -2)}, error=True, note="repeated axis")
    # roll
    for dt in SOME:
        a = arr(rng, dt, (3, 5))
        yield Case("roll", [a], {"shift": 2}, lambda a: np.roll(a, 2), note=dt + " flat")
        yield Case("roll", [a], {"shift": -7, "axis": 1}, lambda a: np.roll(a, -7, axis=1),
                   note=dt + " axis 1")
    a = arr(rng, "int32", (4, 5, 3))
    yield Case("roll", [a], {"shift": (1, -2), "axis": (0, -1)},
               lambda a: np.roll(a, (1, -2), axis=(0, -1)), note="two axes")
    yield Case("roll", [a], {"shift": (1, 2), "axis": (1, 1)},
               lambda a: np.roll(a, (1, 2), axis=(1, 1)), note="repeated axis adds up")
    yield Case("roll", [a], {"shift": 3, "axis": (0, 1, 2)},
               lambda a: np.roll(a, 3, axis=(0, 1, 2)), note="one shift, three axes")
    yield Case("roll", [View(a, "::-1, ::2, 1")], {"shift": 4}, lambda a: np.roll(a, 4),
               note="flat view")
    yield Case("roll", [View(a, "::-1, ::2, 1")], {"shift": 1000003, "axis": 0},
               lambda a: np.roll(a, 1000003, axis=0), note="big shift on a view")
    yield Case("roll", [np.array(1.5)], {"shift": 1}, lambda a: np.roll(a, 1), note="0-d")
    yield Case("roll", [arr(rng, "int8", (0, 3))], {"shift": 1, "axis": 0},
               lambda a: np.roll(a, 1, axis=0), note="zero-size")
    yield Case("roll", [a], {"shift": (1, 2), "axis": (0, 1, 2)}, error=True,
               note="shift and axis do not broadcast")
    yield Case("roll", [a], {"shift": 1, "axis": 3}, error=True, note="axis out of bounds")
    # tile
    for dt in SOME:
        a = arr(rng, dt, (2, 3))
        for reps in [2, (2, 1), (3, 1, 2), (1, 0)]:
            yield Case("tile", [a], {"reps": reps}, lambda a, r=reps: np.tile(a, r),
                       note="%s reps %s" % (dt, reps))
    yield Case("tile", [View(arr(rng, "float32", (4, 3)), "::-2, ::-1")], {"reps": (2, 2)},
               lambda a: np.tile(a, (2, 2)), note="view")
    yield Case("tile", [np.array(7, dtype=np.int16)], {"reps": (2, 3)},
               lambda a: np.tile(a, (2, 3)), note="0-d")
    yield Case("tile", [arr(rng, "int8", (3,))], {"reps": -1}, error=True, note="negative reps")
    # repeat
    for dt in SOME:
        a = arr(rng, dt, (2, 3))
        yield Case("repeat", [a], {"repeats": 2}, lambda a: np.repeat(a, 2), note=dt + " flat")
        yield Case("repeat", [a], {"repeats": (1, 0, 3), "axis": -1},
                   lambda a: np.repeat(a, [1, 0, 3], axis=-1), note=dt + " per element")
    a = arr(rng, "complex64", (4, 3))
    yield Case("repeat", [View(a, "::-1, ::2")], {"repeats": 3, "axis": 0},
               lambda a: np.repeat(a, 3, axis=0), note="view")
    yield Case("repeat", [np.array(2.0)], {"repeats": 4}, lambda a: np.repeat(a, 4), note="0-d")
    yield Case("repeat", [a], {"repeats": 0, "axis": 1}, lambda a: np.repeat(a, 0, axis=1),
               note="zero repeats")
    yield Case("repeat", [a], {"repeats": (1, 2), "axis": 1}, error=True,
               note="counts do not match")
    yield Case("repeat", [a], {"repeats": -1}, error=True, note="negative count")
    yield Case("repeat", [a], {"repeats": 1, "axis": 2}, error=True, note="axis out of bounds")


def pad_cases(rng):
    for mode in ["constant", "edge", "reflect", "wrap"]:
        for dt in SOME:
            a = arr(rng, dt, (3, 4))
            yield Case("pad", [a], {"pad_width": (1, 2), "mode": mode},
                       lambda a, m=mode: np.pad(a, (1, 2), mode=m), note="%s %s" % (mode, dt))
        a = arr(rng, "float64", (2, 3, 4))
        yield Case("pad", [a], {"pad_width": (0, 1, 2, 0, 3, 3), "mode": mode},
                   lambda a, m=mode: np.pad(a, ((0, 1), (2, 0), (3, 3)), mode=m),
                   note=mode + " per axis")
        yield Case("pad", [View(a, "::-1, 1, ::-2")], {"pad_width": 5, "mode": mode},
                   lambda a, m=mode: np.pad(a, 5, mode=m), note=mode + " view, wider than array")
        yield Case("pad", [arr(rng, "int16", (1,))], {"pad_width": (2, 3), "mode": mode},
                   lambda a, m=mode: np.pad(a, (2, 3), mode=m), note=mode + " length 1")
        yield Case("pad", [np.array(5, dtype=np.int32)], {"pad_width": 2, "mode": mode},
                   lambda a, m=mode: np.pad(a, 2, mode=m), note=mode + " 0-d")
    for value in [7, -2.75, True]:
        yield Case("pad", [arr(rng, "int16", (2, 2))],
                   {"pad_width": 1, "mode": "constant", "constant_values": value},
                   lambda a, v=value: np.pad(a, 1, constant_values=v), note="value %r" % value)
    yield Case("pad", [arr(rng, "float32", (2, 2))], {"pad_width": 1, "constant_values": 0.5},
               lambda a: np.pad(a, 1, constant_values=0.5), note="float value")
    yield Case("pad", [arr(rng, "float32", (0, 3))], {"pad_width": 2},
               lambda a: np.pad(a, 2), note="zero-size constant")
    yield Case("pad", [arr(rng, "float32", (0, 3))], {"pad_width": (0, 0, 1, 1), "mode": "edge"},
               lambda a: np.pad(a, ((0, 0), (1, 1)), mode="edge"), note="zero-size edge")
    yield Case("pad", [arr(rng, "float32", (0, 3))], {"pad_width": 1, "mode": "wrap"},
               error=True, note="empty axis")
    yield Case("pad", [arr(rng, "float32", (2, 3))], {"pad_width": (1, -1)}, error=True,
               note="negative width")
    yield Case("pad", [arr(rng, "float32", (2, 3))], {"pad_width": (1, 2, 3)}, error=True,
               note="widths for the wrong number of axes")


def cases(rng):
    for group in [concatenate_cases, stack_cases, hvstack_cases, split_cases, take_cases,
                  mask_cases, nonzero_cases, rearrange_cases, pad_cases]:
        yield from group(rng)
