// One pass of a reduction: sum, product, sum of squared deviations, min or max (with
// the index of the extreme, which argmin/argmax keep) over a strided input.
//
// Contract (src/gpu/reduce_gpu.c fills Params and chooses the passes):
// - Output o (flat, C order over the kept dims) reduces the `count` elements r = 0 ..
//   count-1 (flat, C order over the reduced dims). Element (o, r) is src element
//   offset + sum(kept index * kstride) + sum(reduced index * rstride); strides are
//   two's-complement u32 (negative strides wrap), the sum lies in the binding.
//   Elements are 32-bit words (float32, int32), or bytes (bool); with PARTIALS they are
//   the vec2 partial results of an earlier pass (src word pairs).
// - A partial result is vec2(value bits, index): the index of the element the value
//   came from (min/max; EMPTY: nothing seen yet), unused by the sums.
// - TREE: workgroup w (grid row-major, `gridx` workgroups per row) reduces chunk
//   w % chunks of output w / chunks, WG * PER elements, into dst[w]. Each thread folds
//   PER elements WG apart, then the workgroup combines the threads' results as a binary
//   tree; the host runs further passes over the partials until one per output remains,
//   so a float sum's rounding error grows with log(count), as NumPy's pairwise sum.
// - Not TREE (short reductions, count small): thread o folds its output's elements in
//   order into dst[o].
// - ssd (var/std): the term is (x - mean)^2 with mean = aux[2 o] (a float sum) / mean_div.
// - min/max propagate NaN; between equal values, or two NaNs, the lower index wins
//   (argmin/argmax: the first). NaN is tested on the bit pattern: compilers may fold
//   x != x away, and min()/max() builtins need not keep NaN.

struct Params {
  nout: u32, count: u32, chunks: u32, gridx: u32,
  offset: u32, nk: u32, nr: u32, mean_div: f32,
  kshape: array<vec4<u32>, 2>,
  kstride: array<vec4<u32>, 2>,
  rshape: array<vec4<u32>, 2>,
  rstride: array<vec4<u32>, 2>,
}

@group(0) @binding(0) var<storage, read> src: array<u32>;
@group(0) @binding(1) var<storage, read> aux: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2<u32>>;
@group(0) @binding(3) var<uniform> p: Params;

override OP: u32 = 0u;        // 0 sum, 1 prod, 2 ssd, 3 min, 4 max
override DTYPE: u32 = 0u;     // input: 0 float32, 1 int32, 2 bool
override PARTIALS: bool = false;
override TREE: bool = true;

const WG: u32 = 256u;
const PER: u32 = 8u;
const EMPTY: u32 = 0xffffffffu;

var<workgroup> shared_acc: array<vec2<u32>, WG>;

fn identity() -> vec2<u32> {
  if (OP == 1u) {
    return vec2<u32>(bitcast<u32>(1.0), 0u);
  }
  if (OP >= 3u) {
    return vec2<u32>(0u, EMPTY);
  }
  return vec2<u32>(bitcast<u32>(0.0), 0u);
}

fn is_nan(v: u32) -> bool {
  return DTYPE == 0u && (v & 0x7fffffffu) > 0x7f800000u;
}

// a < b as the input's values (bool reads as 0 / 1, compared as int32).
fn less(a: u32, b: u32) -> bool {
  if (DTYPE == 0u) {
    return bitcast<f32>(a) < bitcast<f32>(b);
  }
  return bitcast<i32>(a) < bitcast<i32>(b);
}

fn combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (OP == 0u || OP == 2u) {
    return vec2<u32>(bitcast<u32>(bitcast<f32>(a.x) + bitcast<f32>(b.x)), 0u);
  }
  if (OP == 1u) {
    return vec2<u32>(bitcast<u32>(bitcast<f32>(a.x) * bitcast<f32>(b.x)), 0u);
  }
  if (b.y == EMPTY) {
    return a;
  }
  if (a.y == EMPTY) {
    return b;
  }
  let an = is_nan(a.x);
  let bn = is_nan(b.x);
  var take_b: bool;
  if (an || bn) {
    take_b = bn && (!an || b.y < a.y);
  } else {
    var better = less(b.x, a.x);
    var worse = less(a.x, b.x);
    if (OP == 4u) {
      let t = better;
      better = worse;
      worse = t;
    }
    take_b = better || (!worse && b.y < a.y);
  }
  return select(a, b, take_b);
}

fn kept_offset(o: u32) -> u32 {
  var rest = o;
  var off = p.offset;
  for (var d = p.nk; d > 0u; d--) {
    let n = p.kshape[(d - 1u) / 4u][(d - 1u) % 4u];
    off += (rest % n) * p.kstride[(d - 1u) / 4u][(d - 1u) % 4u];
    rest /= n;
  }
  return off;
}

fn reduced_offset(r: u32) -> u32 {
  var rest = r;
  var off = 0u;
  for (var d = p.nr; d > 0u; d--) {
    let n = p.rshape[(d - 1u) / 4u][(d - 1u) % 4u];
    off += (rest % n) * p.rstride[(d - 1u) / 4u][(d - 1u) % 4u];
    rest /= n;
  }
  return off;
}

// Element r of output o, whose kept offset is `base`, as a partial result.
fn load(o: u32, base: u32, r: u32) -> vec2<u32> {
  let e = base + reduced_offset(r);
  if (PARTIALS) {
    return vec2<u32>(src[2u * e], src[2u * e + 1u]);
  }
  var v: u32;
  if (DTYPE == 2u) {
    v = select(0u, 1u, ((src[e / 4u] >> ((e % 4u) * 8u)) & 0xffu) != 0u);
  } else {
    v = src[e];
  }
  if (OP == 2u) {
    let d = bitcast<f32>(v) - bitcast<f32>(aux[2u * o]) / p.mean_div;
    v = bitcast<u32>(d * d);
  }
  return vec2<u32>(v, r);
}

fn tree(wid: u32, lid: u32) {
  let o = wid / p.chunks;
  var acc = identity();
  if (o < p.nout) {
    let base = kept_offset(o);
    let start = (wid % p.chunks) * WG * PER + lid;
    for (var k = 0u; k < PER; k++) {
      let r = start + k * WG;
      if (r < p.count) {
        acc = combine(acc, load(o, base, r));
      }
    }
  }
  shared_acc[lid] = acc;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s /= 2u) {
    if (lid < s) {
      shared_acc[lid] = combine(shared_acc[lid], shared_acc[lid + s]);
    }
    workgroupBarrier();
  }
  if (lid == 0u && o < p.nout) {
    dst[wid] = shared_acc[0];
  }
}

fn per_output(o: u32) {
  if (o < p.nout) {
    let base = kept_offset(o);
    var acc = identity();
    for (var r = 0u; r < p.count; r++) {
      acc = combine(acc, load(o, base, r));
    }
    dst[o] = acc;
  }
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wid = wg.x + wg.y * p.gridx;
  if (TREE) {
    tree(wid, lid);
  } else {
    per_output(wid * WG + lid);
  }
}
