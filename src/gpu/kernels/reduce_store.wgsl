// The last step of a reduction: one partial result per output (reduce.wgsl's vec2 of
// value bits and index) into the C-contiguous result array.
//
// Contract (src/gpu/reduce_gpu.c): thread w (grid row-major, `gridx` workgroups of 256
// per row) writes result word w < words, so that no two threads share a word:
// - OUT 0: a 32-bit value (float32, int32), the value finished per FINISH: 0 as is,
//   1 divided by `divisor` (mean, var), 2 divided and square-rooted (std);
// - OUT 1: bool, four outputs' values (0 or 1) as the bytes of one word;
// - OUT 2: int64 index (argmin/argmax), low word then high word (indices are < 2^32).

struct Params {
  nout: u32, words: u32, gridx: u32, divisor: f32,
}

@group(0) @binding(0) var<storage, read> src: array<vec2<u32>>;
@group(0) @binding(1) var<storage, read_write> dst: array<u32>;
@group(0) @binding(2) var<uniform> p: Params;

override OUT: u32 = 0u;
override FINISH: u32 = 0u;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let w = (wg.x + wg.y * p.gridx) * 256u + lid;
  if (w >= p.words) {
    return;
  }
  if (OUT == 1u) {
    var word = 0u;
    for (var b = 0u; b < 4u; b++) {
      let o = 4u * w + b;
      if (o < p.nout) {
        word |= (src[o].x & 1u) << (8u * b);
      }
    }
    dst[w] = word;
  } else if (OUT == 2u) {
    dst[w] = select(0u, src[w / 2u].y, w % 2u == 0u);
  } else if (FINISH == 0u) {
    dst[w] = src[w].x;
  } else {
    var v = bitcast<f32>(src[w].x) / p.divisor;
    if (FINISH == 2u) {
      v = sqrt(v);
    }
    dst[w] = bitcast<u32>(v);
  }
}
