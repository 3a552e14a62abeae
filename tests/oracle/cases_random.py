"""Oracle cases for numpy.random: each `numc op random.<method> --seed=s` must equal
numpy.random.default_rng(s).<method>(...) bit for bit (compared through the values' bit
patterns, so that even -0.0 against 0.0 fails)."""
import numpy as np

from oracle import Case

SEEDS = [0, 1, 2**32 + 5, 2**63, 2**64 - 1, 12345]
SIZES = [None, (), (0,), (5,), (3, 4), (2, 0, 3), (1000,)]
# Large enough to reach the ziggurat's rare paths: the density test (about 1 draw in 100)
# and the tail beyond r (about 1 in 3600).
LARGE = (50000,)


def bits(a):
    """The array and its bit pattern: floats compare exactly, signed zeros included."""
    a = np.asarray(a)
    return a, a.view("u%d" % a.itemsize)


def case(method, seed, options, call, note=""):
    opts = dict(options, seed=seed)
    return Case("random." + method, [], opts,
                lambda: np.asarray(call(np.random.default_rng(seed))), rtol=0, post=bits,
                note="seed %d %s" % (seed, note))


def random_cases():
    for seed in SEEDS:
        for size in SIZES:
            yield case("random", seed, {"size": size}, lambda g, s=size: g.random(size=s),
                       note=repr(size))
        yield case("random", seed, {"size": (7, 3), "dtype": "float32"},
                   lambda g: g.random(size=(7, 3), dtype=np.float32), note="float32")
        yield case("random", seed, {"size": (1001,), "dtype": "float32"},
                   lambda g: g.random(size=1001, dtype=np.float32), note="float32 odd count")
    yield Case("random.random", [], {"size": (3,), "dtype": "int32", "seed": 0}, error=True,
               note="unsupported dtype")
    yield Case("random.random", [], {"size": (2, -1), "seed": 0}, error=True,
               note="negative dimension")


def uniform_cases():
    for seed in SEEDS:
        for low, high in [(0.0, 1.0), (-3.5, 2.25), (1e300, 1.5e300), (5.0, 5.0)]:
            yield case("uniform", seed, {"low": low, "high": high, "size": (4, 5)},
                       lambda g, lo=low, hi=high: g.uniform(lo, hi, size=(4, 5)),
                       note="[%r, %r)" % (low, high))
        yield case("uniform", seed, {"size": None}, lambda g: g.uniform(), note="defaults")
        yield case("uniform", seed, {"size": (0, 2)}, lambda g: g.uniform(size=(0, 2)),
                   note="zero size")
    yield Case("random.uniform", [], {"low": 2.0, "high": 1.0, "size": 3, "seed": 0},
               error=True, note="high < low")
    yield Case("random.uniform", [], {"low": -1e308, "high": 1e308, "size": 3, "seed": 0},
               error=True, note="range overflows")


def integers_cases():
    i64 = np.iinfo(np.int64)
    i32 = np.iinfo(np.int32)
    bounds = [
        (0, 10, False), (-5, 5, True), (7, 8, False),  # rng == 0
        (3, 3, True),  # rng == 0 with endpoint
        (0, 2**32, False),  # rng == 2^32 - 1: raw buffered uint32 draws
        (-(2**31), 2**31 + 17, False),  # just above 32 bits: Lemire 64
        (0, 2**32 - 1, False),  # largest Lemire 32
        (i64.min, i64.max, True),  # rng == 2^64 - 1: raw uint64 draws
        (i64.min, i64.max, False),
        (-(10**18), 10**18, False),
    ]
    for seed in SEEDS:
        for low, high, endpoint in bounds:
            yield case("integers", seed,
                       {"low": low, "high": high, "size": (37,), "endpoint": endpoint},
                       lambda g, lo=low, hi=high, e=endpoint: g.integers(lo, hi, size=37,
                                                                         endpoint=e),
                       note="[%d, %d] endpoint=%s" % (low, high, endpoint))
        for low, high, endpoint in [(0, 10, False), (-100, 100, True), (i32.min, i32.max, True),
                                    (i32.min, i32.max, False), (4, 5, False), (0, 3, False)]:
            for dt in ["int32", "uint32"]:
                if dt == "uint32" and low < 0:
                    continue
                yield case("integers", seed,
                           {"low": low, "high": high, "size": (3, 11), "dtype": dt,
                            "endpoint": endpoint},
                           lambda g, lo=low, hi=high, e=endpoint, dt=dt:
                           g.integers(lo, hi, size=(3, 11), dtype=dt, endpoint=e),
                           note="%s [%d, %d] endpoint=%s" % (dt, low, high, endpoint))
        yield case("integers", seed, {"low": 0, "high": 2**63 - 1, "size": (9,),
                                      "dtype": "uint64", "endpoint": True},
                   lambda g: g.integers(0, 2**63 - 1, size=9, dtype=np.uint64, endpoint=True),
                   note="uint64")
        yield case("integers", seed, {"low": 10, "size": (6,)},
                   lambda g: g.integers(10, size=6), note="high None")
        for size in [None, (), (0,), (2, 0)]:
            yield case("integers", seed, {"low": -3, "high": 9, "size": size},
                       lambda g, s=size: g.integers(-3, 9, size=s), note=repr(size))
    yield case("integers", 0, {"low": 5, "high": 5, "size": (0,)},
               lambda g: g.integers(5, 5, size=0), note="empty interval, zero size")
    for opts, note in [({"low": 5, "high": 5}, "low >= high"),
                       ({"low": 5, "high": 4, "endpoint": True}, "low > high"),
                       ({"low": -5}, "high <= 0"),
                       ({"low": -1, "high": 2**31 + 1, "dtype": "int32"}, "high out of bounds"),
                       ({"low": -1, "high": 3, "dtype": "uint32"}, "low out of bounds"),
                       ({"low": 0, "high": 3, "dtype": "float64"}, "unsupported dtype"),
                       ({"low": 0, "high": 3, "size": (-1,)}, "negative dimension")]:
        yield Case("random.integers", [], dict({"size": (3,), "seed": 0}, **opts), error=True,
                   note=note)


def normal_cases():
    for seed in SEEDS:
        for size in SIZES + [LARGE]:
            yield case("standard_normal", seed, {"size": size},
                       lambda g, s=size: g.standard_normal(size=s), note=repr(size))
        yield case("standard_normal", seed, {"size": LARGE, "dtype": "float32"},
                   lambda g: g.standard_normal(size=LARGE, dtype=np.float32), note="float32")
        yield case("standard_normal", seed, {"size": (3,), "dtype": "float32"},
                   lambda g: g.standard_normal(size=3, dtype=np.float32), note="float32 small")
        for loc, scale in [(0.0, 1.0), (10.0, 2.5), (-1e6, 1e-3), (3.0, 0.0)]:
            yield case("normal", seed, {"loc": loc, "scale": scale, "size": (2, 500)},
                       lambda g, lo=loc, sc=scale: g.normal(lo, sc, size=(2, 500)),
                       note="loc %r scale %r" % (loc, scale))
        yield case("normal", seed, {"size": None}, lambda g: g.normal(), note="defaults")
    yield Case("random.normal", [], {"scale": -1.0, "size": (3,), "seed": 0}, error=True,
               note="scale < 0")
    yield Case("random.standard_normal", [], {"dtype": "int64", "size": (3,), "seed": 0},
               error=True, note="unsupported dtype")
    yield Case("random.normal", [], {"size": (3,), "seed": -1}, error=True,
               note="negative seed")
    yield Case("random.normal", [], {"size": (3,), "seed": 2**64}, error=True,
               note="seed beyond 2**64 - 1")


def cases(rng):
    yield from random_cases()
    yield from uniform_cases()
    yield from integers_cases()
    yield from normal_cases()
