"""Oracle cases for the elementwise functions (ufuncs, round, clip, where)."""
import numpy as np

from oracle import (ALL_DTYPES, COMPLEX_DTYPES, FLOAT_DTYPES, INT_DTYPES, Case, View, arr)

BINARY_ARITH = ["add", "subtract", "multiply", "maximum", "minimum", "fmax", "fmin"]
COMPARE = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]
LOGICAL = ["logical_and", "logical_or", "logical_xor"]
BITWISE = ["bitwise_and", "bitwise_or", "bitwise_xor"]
# Unary math with the input range that keeps each in its real domain.
MATH = {"sqrt": (0, 10), "cbrt": (-10, 10), "exp": (-5, 5), "exp2": (-5, 5), "expm1": (-2, 2),
        "log": (0.1, 10), "log2": (0.1, 10), "log10": (0.1, 10), "log1p": (-0.5, 10),
        "sin": (-6, 6), "cos": (-6, 6), "tan": (-1.4, 1.4), "arcsin": (-0.99, 0.99),
        "arccos": (-0.99, 0.99), "arctan": (-10, 10), "sinh": (-4, 4), "cosh": (-4, 4),
        "tanh": (-4, 4), "arcsinh": (-10, 10), "arccosh": (1.01, 10), "arctanh": (-0.95, 0.95),
        "deg2rad": (-360, 360), "rad2deg": (-7, 7), "floor": (-10, 10), "ceil": (-10, 10),
        "trunc": (-10, 10), "rint": (-10, 10)}
COMPLEX_MATH = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
                "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh",
                "arccosh", "arctanh", "rint"]
SAME = ["negative", "positive", "absolute", "sign", "square", "conjugate"]
ALIASES = {"abs": np.absolute, "mod": np.remainder, "conj": np.conjugate, "true_divide": np.divide}

# Shape pairs that exercise broadcasting: equal, scalar-like, size-1 axes, 0-d, empty.
SHAPES = [((3, 4), (3, 4)), ((3, 4), (4,)), ((2, 1, 5), (3, 1)), ((), (6,)), ((0, 3), (3,)),
          ((7,), ())]


def ufunc(name):
    return getattr(np, name)


def cases(rng):
    # Binary arithmetic over every dtype, several broadcast shapes, and mixed dtypes.
    for name in BINARY_ARITH + COMPARE + LOGICAL:
        for dt in ALL_DTYPES:
            if name == "subtract" and dt == "bool":
                yield Case(name, [arr(rng, dt, (3,)), arr(rng, dt, (3,))], error=True,
                           note="boolean subtract is an error")
                continue
            for sa, sb in SHAPES[:3] if dt not in ("float32", "int32") else SHAPES:
                yield Case(name, [arr(rng, dt, sa), arr(rng, dt, sb)], {}, ufunc(name), note=dt)
        for da, db in [("int8", "uint8"), ("int16", "float16"), ("int64", "uint64"),
                       ("float32", "complex64"), ("uint32", "float32"), ("bool", "int8")]:
            yield Case(name, [arr(rng, da, (4, 3)), arr(rng, db, (3,))], {}, ufunc(name), note=da + db)
    # NaN handling of maximum/minimum versus fmax/fmin.
    nan = np.array([np.nan, 1.0, np.nan, -2.0], dtype=np.float32)
    other = np.array([0.0, np.nan, np.nan, 3.0], dtype=np.float32)
    for name in ["maximum", "minimum", "fmax", "fmin", "equal", "less"]:
        yield Case(name, [nan, other], {}, ufunc(name), note="nan")
    # Division family; integer division by zero gives 0 like NumPy.
    for name in ["divide", "floor_divide", "remainder"]:
        for dt in INT_DTYPES + FLOAT_DTYPES + (COMPLEX_DTYPES if name == "divide" else []):
            a = arr(rng, dt, (5, 4), -50, 50)
            b = arr(rng, dt, (4,), -9, 9)
            yield Case(name, [a, b], {}, ufunc(name), note=dt)
        yield Case(name, [arr(rng, "bool", (4,)), np.array([True, True, True, True])], {},
                   ufunc(name), note="bool")
    for dt in ["float64", "float32"]:
        a = np.array([5.5, -5.5, 5.5, -5.5, 0.0, 1.0, -0.0], dtype=dt)
        b = np.array([2.0, 2.0, -2.0, -2.0, 3.0, 0.0, 1.0], dtype=dt)
        for name in ["floor_divide", "remainder"]:
            yield Case(name, [a, b], {}, ufunc(name), note="signs " + dt)
    # power: integer exponents >= 0; floats any; complex with integer and real exponents.
    for dt in INT_DTYPES:
        yield Case("power", [arr(rng, dt, (3, 4), 0, 5), arr(rng, dt, (4,), 0, 4)], {}, np.power, note=dt)
    yield Case("power", [np.array([2, 3], dtype=np.int32), np.array([-1, 2], dtype=np.int32)],
               error=True, note="negative integer power")
    for dt in FLOAT_DTYPES:
        yield Case("power", [arr(rng, dt, (3, 4), 0.1, 3), arr(rng, dt, (4,), -2, 2)], {}, np.power, note=dt)
    for dt in COMPLEX_DTYPES:
        yield Case("power", [arr(rng, dt, (3, 4), -2, 2), np.array(3, dtype=dt)], {}, np.power,
                   rtol=1e-5 if dt == "complex64" else 1e-12, note=dt)
    for name in ["arctan2", "hypot"]:
        for dt in FLOAT_DTYPES + ["int16", "int64"]:
            yield Case(name, [arr(rng, dt, (3, 4)), arr(rng, dt, (3, 1))], {}, ufunc(name), note=dt)
    # Bitwise and shifts.
    for name in BITWISE:
        for dt in INT_DTYPES + ["bool"]:
            yield Case(name, [arr(rng, dt, (3, 4)), arr(rng, dt, (4,))], {}, ufunc(name), note=dt)
        yield Case(name, [arr(rng, "float32", (3,)), arr(rng, "float32", (3,))], error=True, note="float")
    for name in ["left_shift", "right_shift"]:
        for dt in INT_DTYPES:
            bits = np.dtype(dt).itemsize * 8
            yield Case(name, [arr(rng, dt, (3, 4)), arr(rng, dt, (4,), 0, bits - 1)], {}, ufunc(name), note=dt)
    yield Case("bitwise_not", [arr(rng, "bool", (5,))], {}, np.bitwise_not, note="bool")
    for dt in INT_DTYPES:
        yield Case("bitwise_not", [arr(rng, dt, (5,))], {}, np.bitwise_not, note=dt)
    # Unary.
    for name, (lo, hi) in MATH.items():
        for dt in FLOAT_DTYPES + ["int8", "uint16", "int32", "bool"]:
            if dt == "bool" and name not in ("sqrt", "exp", "sin"):
                continue
            a = arr(rng, dt, (4, 5), lo, hi) if dt[0] != "u" else arr(rng, dt, (4, 5), max(lo, 0), max(hi, 1))
            if dt in INT_DTYPES + ["bool"] and name in ("log", "log2", "log10", "arccosh"):
                a = arr(rng, dt, (4, 5), 1, 9)
            if dt in INT_DTYPES and name in ("arcsin", "arccos", "arctanh"):
                a = arr(rng, dt, (4, 5), 0, 0)
            yield Case(name, [a], {}, ufunc(name), note=dt)
        yield Case(name, [View(arr(rng, "float64", (6, 5), lo, hi), "::-2, 1:")], {}, ufunc(name), note="view")
    for name in COMPLEX_MATH:
        for dt in COMPLEX_DTYPES:
            yield Case(name, [arr(rng, dt, (3, 4), -1.5, 1.5)], {}, ufunc(name),
                       rtol=1e-5 if dt == "complex64" else 1e-12, note=dt)
    for name in SAME + ["reciprocal"]:
        for dt in ALL_DTYPES:
            if dt == "bool" and name in ("negative", "positive", "sign", "reciprocal", "square", "conjugate"):
                if name == "negative":
                    yield Case(name, [arr(rng, dt, (3,))], error=True, note="bool negative")
                continue
            a = arr(rng, dt, (3, 4))
            if name == "reciprocal" and dt in INT_DTYPES:
                a = arr(rng, dt, (3, 4), 1, 3)
            fn = ufunc(name)
            if name == "sign" and dt in COMPLEX_DTYPES:
                # NumPy 2's definition z/|z| (NumPy 1.24, the oracle here, used the sign of
                # the real part).
                fn = lambda a: np.where(a == 0, 0, a / np.abs(a)).astype(a.dtype)
            yield Case(name, [a], {}, fn, note=dt)
    for name in ["isnan", "isinf", "isfinite", "logical_not"]:
        for dt in ALL_DTYPES:
            a = arr(rng, dt, (9,))
            if dt in FLOAT_DTYPES + COMPLEX_DTYPES:
                a[1] = np.nan
                a[2] = np.inf
                a[3] = -np.inf
            yield Case(name, [a], {}, ufunc(name), note=dt)
    for name in ["real", "imag", "angle"]:
        for dt in ["float32", "float64", "int32", "complex64", "complex128"]:
            fn = {"real": np.real, "imag": np.imag, "angle": np.angle}[name]
            yield Case(name, [arr(rng, dt, (3, 4))], {}, lambda a, fn=fn: np.asarray(fn(a)).copy(), note=dt)
    for alias, fn in ALIASES.items():
        nin = 1 if alias in ("abs", "conj") else 2
        ins = [arr(rng, "float64", (3, 4), 1, 5) for _ in range(nin)]
        yield Case(alias, ins, {}, fn)
    # Weak Python scalars keep the array's dtype (NEP 50); strong 0-d arrays promote.
    for dt in ["int8", "uint8", "float32", "float16", "complex64"]:
        yield Case("add", [arr(rng, dt, (5,)), 3], {}, lambda a, b: np.add(a, b), note="weak int " + dt)
        yield Case("multiply", [arr(rng, dt, (5,)), 2.5], {}, lambda a, b: np.multiply(a, b), note="weak float " + dt)
        yield Case("add", [arr(rng, dt, (5,)), np.array(3, dtype=np.int64)], {}, np.add, note="strong 0-d " + dt)
    yield Case("add", [arr(rng, "int8", (5,)), 1000], error=True, note="out of range python int")
    yield Case("multiply", [arr(rng, "float32", (5,)), 1 + 2j], {}, lambda a, b: np.multiply(a, b), note="weak complex")
    # Broadcasting failures and views.
    yield Case("add", [arr(rng, "float64", (2, 3)), arr(rng, "float64", (4,))], error=True, note="no broadcast")
    yield Case("add", [View(arr(rng, "float32", (8, 6)), "::-1, ::2"), View(arr(rng, "float32", (8, 3)), "::-1")],
               {}, np.add, note="views")
    yield Case("multiply", [View(arr(rng, "int16", (5, 4, 3)), "::2, ..., ::-1"), arr(rng, "int16", (3,))],
               {}, np.multiply, note="view with ellipsis")
    yield Case("add", [arr(rng, "float64", (4, 5), order="F"), arr(rng, "float64", (4, 5), order="F")],
               {}, np.add, note="fortran")
    # round, clip, where.
    for dt in ["float16", "float32", "float64", "int32", "complex128"]:
        for d in [0, 1, 2, -1]:
            # float16 stays within +-100 so that NumPy's float16 scaling by 10**d does not
            # overflow (numc scales in float32 and would rightly disagree).
            lim = 100 if dt == "float16" else 1000
            a = arr(rng, dt, (4, 5), -lim, lim)
            yield Case("round", [a], {"decimals": d}, lambda a, d=d: np.round(a, d), note=dt)
    for dt in ["float32", "int16", "float64", "uint8"]:
        a = arr(rng, dt, (4, 5))
        lo, hi = arr(rng, dt, (5,), 0, 3), np.array(5, dtype=dt)
        yield Case("clip", [a, lo, hi], {}, np.clip, note=dt)
    yield Case("clip", [arr(rng, "int8", (6,)), 2, 7], {}, lambda a, lo, hi: np.clip(a, lo, hi), note="scalars")
    for dt in ["float32", "int64", "complex64", "bool", "float16"]:
        yield Case("where", [arr(rng, "bool", (3, 4)), arr(rng, dt, (3, 4)), arr(rng, dt, (4,))], {}, np.where, note=dt)
    yield Case("where", [arr(rng, "int8", (3, 4)), arr(rng, "int8", (3, 4)), 2.5], {},
               lambda c, x, y: np.where(c, x, y), note="nonbool cond, weak scalar")
