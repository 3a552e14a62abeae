// Elementwise operations (ufuncs, where, clip) over broadcast, strided operands.
//
// Contract (src/gpu/elementwise_gpu.c fills Params and the specialisation):
// - OP is the operation (the codes below; the host's op table uses the same numbers),
//   T the dtype it computes in, IN0..IN2 how each input is stored, OUT_BOOL whether the
//   result is bool (1 byte per element) rather than a 4-byte type.
// - Every buffer is bound as u32 words: WGSL has no 8- or 16-bit storage, so narrow
//   elements are extracted from their word. Element e of input k is at element offset
//   p.off[k] + sum_d idx_d * stride_k[d] from the start of its binding (in elements of its
//   own size; wrapping u32 arithmetic, so negative strides are their two's complement),
//   where idx is the multi-index of output element p.start + i in the C-order p.shape.
// - An input stored as UNIFORM is a scalar already converted to T by the host, in
//   p.scalar[k]; its binding is a placeholder. Inputs an operation does not have are
//   UNIFORM zeros.
// - Thread t computes the chunk's outputs 4t .. 4t + 3 (fewer at the end): a bool result
//   is written as one whole word per thread, so no two threads share a word. The host
//   starts chunks at multiples of 4 outputs for that reason.
// - OUT_BOOL = 0: output i is out[p.out_off + i]; OUT_BOOL = 1: word t is
//   out[p.out_off + t].
// - Operations whose float32 result would be inaccurate for some inputs (arguments too
//   large for the sin/cos reduction) or which NumPy rejects (integer to a negative power)
//   set flag[0] = 1 instead; the host then declines and the CPU recomputes.
//
// NaN tests read bits (is_nan below): x != x may be folded away by shader compilers, and
// comparisons may be ordered (x != y false when x is NaN), so NaN is tested first.
// Subnormal float32 values may be flushed to zero (WGSL allows it; SwiftShader does).

struct Params {
  n: u32,        // outputs in this chunk
  ndim: u32,
  out_off: u32,  // words
  gx: u32,       // workgroups along x: the grid is 2-D when one dimension is not enough
  start: u32,    // linear index of the chunk's first output
  pad0: u32, pad1: u32, pad2: u32,
  off: vec4<u32>,
  scalar: vec4<u32>,
  shape: array<vec4<u32>, 8>,
  stride: array<array<vec4<u32>, 8>, 3>,
}

@group(0) @binding(0) var<storage, read> in0: array<u32>;
@group(0) @binding(1) var<storage, read> in1: array<u32>;
@group(0) @binding(2) var<storage, read> in2: array<u32>;
@group(0) @binding(3) var<storage, read_write> out: array<u32>;
@group(0) @binding(4) var<uniform> p: Params;
@group(0) @binding(5) var<storage, read_write> flag: array<atomic<u32>>;

override OP: u32 = 0u;
override T: u32 = 0u;
override IN0: u32 = 0u;
override IN1: u32 = 0u;
override IN2: u32 = 0u;
override OUT_BOOL: u32 = 0u;

// Storage types (T uses the first four).
const F32 = 0u; const I32 = 1u; const U32 = 2u; const BOOL = 3u;
const I8 = 4u; const U8 = 5u; const I16 = 6u; const U16 = 7u; const UNIFORM = 8u;

// Operation codes.
const ADD = 0u; const SUBTRACT = 1u; const MULTIPLY = 2u; const DIVIDE = 3u;
const FLOOR_DIVIDE = 4u; const REMAINDER = 5u; const POWER = 6u; const ARCTAN2 = 7u;
const HYPOT = 8u; const MAXIMUM = 9u; const MINIMUM = 10u; const FMAX = 11u; const FMIN = 12u;
const EQUAL = 13u; const NOT_EQUAL = 14u; const LESS = 15u; const LESS_EQUAL = 16u;
const GREATER = 17u; const GREATER_EQUAL = 18u; const LOGICAL_AND = 19u;
const LOGICAL_OR = 20u; const LOGICAL_XOR = 21u; const BITWISE_AND = 22u;
const BITWISE_OR = 23u; const BITWISE_XOR = 24u; const LEFT_SHIFT = 25u;
const RIGHT_SHIFT = 26u; const NEGATIVE = 27u; const POSITIVE = 28u; const ABSOLUTE = 29u;
const SIGN = 30u; const SQUARE = 31u; const RECIPROCAL = 32u; const SQRT = 33u;
const CBRT = 34u; const EXP = 35u; const EXP2 = 36u; const EXPM1 = 37u; const LOG = 38u;
const LOG2 = 39u; const LOG10 = 40u; const LOG1P = 41u; const SIN = 42u; const COS = 43u;
const TAN = 44u; const ARCSIN = 45u; const ARCCOS = 46u; const ARCTAN = 47u; const SINH = 48u;
const COSH = 49u; const TANH = 50u; const ARCSINH = 51u; const ARCCOSH = 52u;
const ARCTANH = 53u; const DEG2RAD = 54u; const RAD2DEG = 55u; const FLOOR = 56u;
const CEIL = 57u; const TRUNC = 58u; const RINT = 59u; const LOGICAL_NOT = 60u;
const BITWISE_NOT = 61u; const ISNAN = 62u; const ISINF = 63u; const ISFINITE = 64u;
const WHERE = 65u; const CLIP = 66u;

const INF = 0x7f800000u;
const PI = 3.14159265358979f;
const PI_2 = 1.57079632679490f;

// ------------------------------------------------------------------ operands

fn word(k: u32, w: u32) -> u32 {
  switch k {
    case 0u: { return in0[w]; }
    case 1u: { return in1[w]; }
    default: { return in2[w]; }
  }
}

fn in_type(k: u32) -> u32 {
  switch k {
    case 0u: { return IN0; }
    case 1u: { return IN1; }
    default: { return IN2; }
  }
}

// Bits of element e of input k, narrow signed types sign-extended to 32 bits.
fn raw(k: u32, e: u32) -> u32 {
  switch in_type(k) {
    case BOOL, U8: { return (word(k, e >> 2u) >> ((e & 3u) * 8u)) & 0xffu; }
    case I8: { return bitcast<u32>(extractBits(bitcast<i32>(word(k, e >> 2u)), (e & 3u) * 8u, 8u)); }
    case U16: { return (word(k, e >> 1u) >> ((e & 1u) * 16u)) & 0xffffu; }
    case I16: { return bitcast<u32>(extractBits(bitcast<i32>(word(k, e >> 1u)), (e & 1u) * 16u, 16u)); }
    case UNIFORM: { return p.scalar[k]; }
    default: { return word(k, e); }
  }
}

// Input k's bits converted to the compute dtype `to` (NumPy's casts; the host only asks
// for the exact ones).
fn convert(k: u32, bits: u32, to: u32) -> u32 {
  let t = in_type(k);
  if (t == UNIFORM || t == to) { return bits; }
  if (to == BOOL) {
    if (t == F32) { return u32((bits & 0x7fffffffu) != 0u); }
    return u32(bits != 0u);
  }
  if (to == F32) {
    if (t == I32 || t == I8 || t == I16) { return bitcast<u32>(f32(bitcast<i32>(bits))); }
    return bitcast<u32>(f32(bits));
  }
  return bits; // integer to integer: already sign-extended
}

// ------------------------------------------------------------ float helpers

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > INF; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == INF; }
fn is_finite(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) < INF; }
// NaN and infinity cannot be WGSL constants (constant evaluation rejects them): they
// come from private variables, which the compiler treats as run-time values.
var<private> nan_bits: u32 = 0x7fc00000u;
var<private> inf_bits: u32 = INF;
fn nan() -> f32 { return bitcast<f32>(nan_bits); }
fn inf() -> f32 { return bitcast<f32>(inf_bits); }
fn copysign(x: f32, s: f32) -> f32 {
  return bitcast<f32>((bitcast<u32>(x) & 0x7fffffffu) | (bitcast<u32>(s) & 0x80000000u));
}
fn signbit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }

// Significand (24 bits, leading one set) and exponent of a finite non-zero float:
// x = m * 2^e, subnormals normalised.
fn unpack_f32(x: f32) -> vec2<i32> {
  let bits = bitcast<u32>(x) & 0x7fffffffu;
  let field = i32(bits >> 23u);
  var m = bits & 0x7fffffu;
  var e = field - 150;
  if (field == 0) {
    let shift = countLeadingZeros(m) - 8u;
    m = m << shift;
    e = -149 - i32(shift);
  } else {
    m = m | 0x800000u;
  }
  return vec2<i32>(i32(m), e);
}

// IEEE division, correctly rounded as NumPy's. WGSL lets x / y be off by 2.5 ulp, and on
// NVIDIA it is (floor_divide of 9.2e28 came out one ulp off on the H100); an fma residual
// cannot fix it portably, because fma need not be fused (SwiftShader's is not). So the
// quotient of the significands is formed by long division: 26 bits and a sticky bit,
// rounded to nearest even. Zero, infinite, NaN and subnormal quotients keep x / y (WGSL
// may flush subnormals).
fn div_f32(a: f32, b: f32) -> f32 {
  let q = a / b;
  if (!is_finite(a) || !is_finite(b) || a == 0.0 || b == 0.0) { return q; }
  let ua = unpack_f32(a);
  let ub = unpack_f32(b);
  let mb = u32(ub.x);
  var r = u32(ua.x);
  var e = ua.y - ub.y;
  if (r < mb) {
    r = r << 1u;
    e -= 1;
  }
  var bits = 0u;
  for (var i = 0; i < 26; i++) {
    bits = bits << 1u;
    if (r >= mb) {
      r -= mb;
      bits = bits | 1u;
    }
    r = r << 1u;
  }
  var m = bits >> 2u;
  let rest = bits & 3u;
  if (rest == 3u || (rest == 2u && (r != 0u || (m & 1u) == 1u))) { m += 1u; }
  if (m == 0x1000000u) {
    m = 0x800000u;
    e += 1;
  }
  let sign = (bitcast<u32>(a) ^ bitcast<u32>(b)) & 0x80000000u;
  if (e + 127 >= 255) { return bitcast<f32>(sign | INF); }
  if (e + 127 <= 0) { return q; }
  return bitcast<f32>(sign | (u32(e + 127) << 23u) | (m & 0x7fffffu));
}

// C's fmod, exact: long division of the significands, 8 bits at a time.
fn fmod(x: f32, y: f32) -> f32 {
  let ux = bitcast<u32>(x) & 0x7fffffffu;
  let uy = bitcast<u32>(y) & 0x7fffffffu;
  if (ux >= INF || uy > INF || uy == 0u) { return nan(); }
  if (ux < uy) { return x; }
  var ex = i32(ux >> 23u);
  var ey = i32(uy >> 23u);
  var mx = ux & 0x7fffffu;
  var my = uy & 0x7fffffu;
  if (ex == 0) { ex = 1; } else { mx |= 0x800000u; }
  if (ey == 0) { ey = 1; } else { my |= 0x800000u; }
  var r = mx % my;
  var d = ex - ey;
  while (d > 0 && r != 0u) {
    let s = u32(min(d, 8));
    r = (r << s) % my;
    d -= i32(s);
  }
  if (r == 0u) { return copysign(0.0, x); }
  // r * 2^(ey - 150): normalise, or leave subnormal when ey reaches 1.
  let shift = min(i32(countLeadingZeros(r)) - 8, ey - 1);
  r <<= u32(shift);
  let e = ey - shift;
  var bits = r;
  if (r >= 0x800000u) { bits = (u32(e) << 23u) | (r & 0x7fffffu); }
  return copysign(bitcast<f32>(bits), x);
}

// NumPy's npy_divmod: Python's floor division and modulo.
fn floor_divide_f32(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return a / b; }
  let m = fmod(a, b);
  var div = div_f32(a - m, b);
  if (!is_nan(m) && m != 0.0 && (b < 0.0) != (m < 0.0)) { div -= 1.0; }
  if (div == 0.0) { return copysign(0.0, a / b); }
  var fl = floor(div);
  if (div - fl > 0.5) { fl += 1.0; }
  return fl;
}

fn remainder_f32(a: f32, b: f32) -> f32 {
  var m = fmod(a, b);
  if (b == 0.0) { return m; }
  if (is_nan(m)) { return m; }
  if (m != 0.0) {
    if ((b < 0.0) != (m < 0.0)) { m += b; }
  } else {
    m = copysign(0.0, b);
  }
  return m;
}

// log(x) with a few ulps of relative error everywhere (WGSL's log only promises an
// absolute error near 1): x = 2^e * m, m in [sqrt(1/2), sqrt(2)), and
// log(m) = 2 atanh(s) = 2 (s + s^3/3 + ...), s = (m - 1) / (m + 1), |s| < 0.172.
fn log_f32(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0) { return nan(); }
  if (x == 0.0) { return -inf(); }
  if (is_inf(x)) { return x; }
  var u = bitcast<u32>(x);
  var e = 0;
  if (u < 0x800000u) { // subnormal: scale by 2^25
    u = bitcast<u32>(x * 33554432.0);
    e = -25;
  }
  e += i32(u >> 23u) - 127;
  var m = bitcast<f32>((u & 0x7fffffu) | 0x3f800000u);
  if (m > 1.41421356) { m *= 0.5; e += 1; }
  let s = (m - 1.0) / (m + 1.0);
  let z = s * s;
  let poly = z * (0.333333333 + z * (0.2 + z * (0.142857143 + z * (0.111111111 + z * 0.0909090909))));
  let f = 2.0 * s + 2.0 * s * poly;
  // e * ln2 in two parts so that e * LN2_HI is exact.
  return f32(e) * 0.693145752 + (f + f32(e) * 1.42860677e-06);
}

fn log1p_f32(x: f32) -> f32 {
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  if (u <= 0.0 || is_nan(x) || is_inf(u)) { return log_f32(u); }
  return log_f32(u) * (x / (u - 1.0)); // the division corrects for u's rounding
}

// exp with WGSL's accuracy (3 + 2|x| ulps) but exact overflow and underflow limits.
fn exp_f32(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (x > 88.7228394) { return inf(); }
  if (x < -103.972) { return 0.0; }
  return exp(x);
}

fn expm1_f32(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (x > 88.7228394) { return inf(); }
  if (x < -17.4) { return -1.0; }
  let u = exp(x);
  if (u == 1.0) { return x; }
  let um = u - 1.0;
  if (um == -1.0) { return -1.0; }
  return um * (x / log_f32(u)); // Kahan: the quotient corrects for u's rounding
}

// Cody-Waite reduction by pi/2 in three parts; exact while |x| < 2^15 (j * PIO2_1 exact).
// Larger arguments set the flag (the host declines; the CPU reduces them exactly).
fn reduce(x: f32, j: ptr<function, i32>) -> f32 {
  if (abs(x) > 32768.0) {
    atomicStore(&flag[0], 1u);
    *j = 0;
    return 0.0;
  }
  let q = round(x * 0.636619772);
  *j = i32(q);
  return ((x - q * 1.5703125) - q * 4.83751297e-04) - q * 7.54978995e-08;
}

// Cephes' sinf/cosf polynomials on [-pi/4, pi/4].
fn sin_poly(r: f32) -> f32 {
  let z = r * r;
  return r + r * z * (-1.6666654611e-1 + z * (8.3321608736e-3 + z * -1.9515295891e-4));
}
fn cos_poly(r: f32) -> f32 {
  let z = r * r;
  return 1.0 - 0.5 * z + z * z * (4.166664568298827e-2 + z * (-1.388731625493765e-3 + z * 2.443315711809948e-5));
}

fn sin_f32(x: f32) -> f32 {
  if (!is_finite(x)) { return nan(); }
  var j: i32;
  let r = reduce(x, &j);
  switch j & 3 {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}

fn cos_f32(x: f32) -> f32 {
  if (!is_finite(x)) { return nan(); }
  var j: i32;
  let r = reduce(x, &j);
  switch j & 3 {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}

fn tan_f32(x: f32) -> f32 {
  if (!is_finite(x)) { return nan(); }
  var j: i32;
  let r = reduce(x, &j);
  let s = sin_poly(r);
  let c = cos_poly(r);
  if ((j & 1) == 0) { return s / c; }
  return -c / s;
}

// Cephes' atanf: reduce to |x| <= tan(pi/8), then a polynomial.
fn atan_f32(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs(x);
  var y0 = 0.0;
  var t = a;
  if (a > 2.414213562373095) {
    y0 = PI_2;
    t = -1.0 / a;
  } else if (a > 0.4142135623730950) {
    y0 = 0.785398163397448;
    t = (a - 1.0) / (a + 1.0);
  }
  let z = t * t;
  let r = y0 + ((((8.05374449538e-2 * z - 1.38776856032e-1) * z + 1.99777106478e-1) * z - 3.33329491539e-1) * z * t + t);
  return copysign(r, x);
}

fn asin_poly(x: f32) -> f32 {
  let z = x * x;
  return ((((4.2163199048e-2 * z + 2.4181311049e-2) * z + 4.5470025998e-2) * z + 7.4953002686e-2) * z + 1.6666752422e-1) * z * x + x;
}

fn asin_f32(x: f32) -> f32 {
  let a = abs(x);
  if (is_nan(x) || a > 1.0) { return nan(); }
  if (a > 0.5) { return copysign(PI_2 - 2.0 * asin_poly(sqrt(0.5 * (1.0 - a))), x); }
  return asin_poly(x);
}

fn acos_f32(x: f32) -> f32 {
  if (is_nan(x) || abs(x) > 1.0) { return nan(); }
  if (x < -0.5) { return PI - 2.0 * asin_poly(sqrt(0.5 * (1.0 + x))); }
  if (x > 0.5) { return 2.0 * asin_poly(sqrt(0.5 * (1.0 - x))); }
  return PI_2 - asin_poly(x);
}

// C's atan2, special cases included.
fn atan2_f32(y: f32, x: f32) -> f32 {
  if (is_nan(x) || is_nan(y)) { return nan(); }
  if (is_inf(x)) {
    if (is_inf(y)) {
      if (x > 0.0) { return copysign(0.785398163397448, y); }
      return copysign(2.35619449019234, y);
    }
    if (x > 0.0) { return copysign(0.0, y); }
    return copysign(PI, y);
  }
  if (is_inf(y) || x == 0.0) {
    if (y == 0.0) {
      if (signbit(x)) { return copysign(PI, y); }
      return copysign(0.0, y);
    }
    return copysign(PI_2, y);
  }
  if (y == 0.0) {
    if (signbit(x)) { return copysign(PI, y); }
    return copysign(0.0, y);
  }
  let r = atan_f32(abs(y / x));
  if (x < 0.0) { return copysign(PI - r, y); }
  return copysign(r, y);
}

fn hypot_f32(x: f32, y: f32) -> f32 {
  let a = abs(x);
  let b = abs(y);
  if (is_inf(a) || is_inf(b)) { return inf(); }
  if (is_nan(a) || is_nan(b)) { return nan(); }
  let m = max(a, b);
  if (m == 0.0) { return 0.0; }
  let r = min(a, b) / m;
  return m * sqrt(1.0 + r * r);
}

// pow through exp2(y log2|x|) with the accurate log; C's special cases first.
fn power_f32(x: f32, y: f32) -> f32 {
  if (y == 0.0 || x == 1.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return nan(); }
  let y_int = floor(y) == y;
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(y) & 1) == 1;
  if (x == 0.0) {
    if (y < 0.0) { return select(inf(), copysign(inf(), x), y_odd); }
    return select(0.0, x, y_odd);
  }
  if (is_inf(y)) {
    if (x == -1.0) { return 1.0; }
    if ((abs(x) < 1.0) == (y < 0.0)) { return inf(); }
    return 0.0;
  }
  if (is_inf(x)) {
    var r = select(0.0, inf(), y > 0.0);
    if (x < 0.0 && y_odd) { r = -r; }
    return r;
  }
  if (x < 0.0 && !y_int) { return nan(); }
  let t = y * log_f32(abs(x)) * 1.44269504;
  var r = 0.0;
  if (t > 128.0) { r = inf(); } else if (t >= -150.0) { r = exp2(t); }
  if (x < 0.0 && y_odd) { r = -r; }
  return r;
}

fn cbrt_f32(x: f32) -> f32 {
  if (x == 0.0 || !is_finite(x)) { return x; }
  let a = abs(x);
  var r = exp2(log_f32(a) * 0.480898347); // log2(e) / 3
  r = r - (r - a / (r * r)) * 0.333333333; // one Newton step (r^3 would overflow)
  return copysign(r, x);
}

fn sinh_f32(x: f32) -> f32 {
  let a = abs(x);
  if (a < 1.0) {
    let e = expm1_f32(a);
    return copysign(0.5 * (e + e / (e + 1.0)), x);
  }
  if (a > 88.0) { // exp(a) overflows before sinh does
    let h = exp_f32(0.5 * a);
    return copysign(0.5 * h * h, x);
  }
  let e = exp_f32(a);
  return copysign(0.5 * (e - 1.0 / e), x);
}

fn cosh_f32(x: f32) -> f32 {
  let a = abs(x);
  if (a > 88.0) {
    let h = exp_f32(0.5 * a);
    return 0.5 * h * h;
  }
  let e = exp_f32(a);
  return 0.5 * (e + 1.0 / e);
}

fn tanh_f32(x: f32) -> f32 {
  let a = abs(x);
  if (is_nan(x)) { return x; }
  if (a > 9.1) { return copysign(1.0, x); }
  let e = expm1_f32(2.0 * a);
  return copysign(e / (e + 2.0), x);
}

fn asinh_f32(x: f32) -> f32 {
  let a = abs(x);
  if (!is_finite(x)) { return x; }
  if (a > 4096.0) { return copysign(log_f32(a) + 0.693147181, x); }
  return copysign(log1p_f32(a + a * a / (1.0 + sqrt(1.0 + a * a))), x);
}

fn acosh_f32(x: f32) -> f32 {
  if (is_nan(x) || x < 1.0) { return nan(); }
  if (x > 4096.0) { return log_f32(x) + 0.693147181; }
  let t = x - 1.0;
  return log1p_f32(t + sqrt(2.0 * t + t * t));
}

fn atanh_f32(x: f32) -> f32 {
  let a = abs(x);
  if (is_nan(x) || a > 1.0) { return nan(); }
  return copysign(0.5 * log1p_f32(2.0 * a / (1.0 - a)), x);
}

// ---------------------------------------------------------------- operations

fn b2u(b: bool) -> u32 { return select(0u, 1u, b); }

fn op_f32(a: f32, b: f32, c: f32) -> u32 {
  let nan_ab = is_nan(a) || is_nan(b);
  switch OP {
    case ADD: { return bitcast<u32>(a + b); }
    case SUBTRACT: { return bitcast<u32>(a - b); }
    case MULTIPLY: { return bitcast<u32>(a * b); }
    case DIVIDE: { return bitcast<u32>(div_f32(a, b)); }
    case FLOOR_DIVIDE: { return bitcast<u32>(floor_divide_f32(a, b)); }
    case REMAINDER: { return bitcast<u32>(remainder_f32(a, b)); }
    case POWER: { return bitcast<u32>(power_f32(a, b)); }
    case ARCTAN2: { return bitcast<u32>(atan2_f32(a, b)); }
    case HYPOT: { return bitcast<u32>(hypot_f32(a, b)); }
    case MAXIMUM: { return bitcast<u32>(select(b, a, a >= b || is_nan(a))); }
    case MINIMUM: { return bitcast<u32>(select(b, a, a <= b || is_nan(a))); }
    case FMAX: { return bitcast<u32>(select(select(a, b, is_nan(a) || b > a), a, is_nan(b))); }
    case FMIN: { return bitcast<u32>(select(select(a, b, is_nan(a) || b < a), a, is_nan(b))); }
    case EQUAL: { return b2u(!nan_ab && a == b); }
    case NOT_EQUAL: { return b2u(nan_ab || a != b); }
    case LESS: { return b2u(!nan_ab && a < b); }
    case LESS_EQUAL: { return b2u(!nan_ab && a <= b); }
    case GREATER: { return b2u(!nan_ab && a > b); }
    case GREATER_EQUAL: { return b2u(!nan_ab && a >= b); }
    case NEGATIVE: { return bitcast<u32>(a) ^ 0x80000000u; }
    case POSITIVE: { return bitcast<u32>(a); }
    case ABSOLUTE: { return bitcast<u32>(a) & 0x7fffffffu; }
    case SIGN: {
      if (is_nan(a)) { return bitcast<u32>(a); }
      return bitcast<u32>(select(select(0.0, -1.0, a < 0.0), 1.0, a > 0.0));
    }
    case SQUARE: { return bitcast<u32>(a * a); }
    case RECIPROCAL: { return bitcast<u32>(div_f32(1.0, a)); }
    case SQRT: {
      if (a < 0.0) { return bitcast<u32>(nan()); }
      if (a == 0.0 || !is_finite(a)) { return bitcast<u32>(a); }
      return bitcast<u32>(sqrt(a));
    }
    case CBRT: { return bitcast<u32>(cbrt_f32(a)); }
    case EXP: { return bitcast<u32>(exp_f32(a)); }
    case EXP2: {
      if (is_nan(a)) { return bitcast<u32>(a); }
      if (a >= 128.0) { return INF; }
      if (a < -150.0) { return 0u; }
      return bitcast<u32>(exp2(a));
    }
    case EXPM1: { return bitcast<u32>(expm1_f32(a)); }
    case LOG: { return bitcast<u32>(log_f32(a)); }
    case LOG2: { return bitcast<u32>(log_f32(a) * 1.44269504); }
    case LOG10: { return bitcast<u32>(log_f32(a) * 0.434294482); }
    case LOG1P: { return bitcast<u32>(log1p_f32(a)); }
    case SIN: { return bitcast<u32>(sin_f32(a)); }
    case COS: { return bitcast<u32>(cos_f32(a)); }
    case TAN: { return bitcast<u32>(tan_f32(a)); }
    case ARCSIN: { return bitcast<u32>(asin_f32(a)); }
    case ARCCOS: { return bitcast<u32>(acos_f32(a)); }
    case ARCTAN: { return bitcast<u32>(atan_f32(a)); }
    case SINH: { return bitcast<u32>(sinh_f32(a)); }
    case COSH: { return bitcast<u32>(cosh_f32(a)); }
    case TANH: { return bitcast<u32>(tanh_f32(a)); }
    case ARCSINH: { return bitcast<u32>(asinh_f32(a)); }
    case ARCCOSH: { return bitcast<u32>(acosh_f32(a)); }
    case ARCTANH: { return bitcast<u32>(atanh_f32(a)); }
    case DEG2RAD: { return bitcast<u32>(a * 0.0174532925199433); }
    case RAD2DEG: { return bitcast<u32>(a * 57.2957795130823); }
    case FLOOR: { return bitcast<u32>(floor(a)); }
    case CEIL: { return bitcast<u32>(ceil(a)); }
    case TRUNC: { return bitcast<u32>(trunc(a)); }
    case RINT: { return bitcast<u32>(round(a)); } // WGSL's round: half to even
    case ISNAN: { return b2u(is_nan(a)); }
    case ISINF: { return b2u(is_inf(a)); }
    case ISFINITE: { return b2u(is_finite(a)); }
    case CLIP: {
      let lo = select(b, a, a >= b || is_nan(a));
      return bitcast<u32>(select(c, lo, lo <= c || is_nan(lo)));
    }
    default: { return 0u; }
  }
}

// Python's floor division and modulo; division by zero gives 0 and MIN // -1 wraps, as NumPy.
fn floor_divide_i32(a: i32, b: i32) -> i32 {
  if (b == 0) { return 0; }
  if (b == -1) { return 0 - a; }
  var q = a / b;
  if (a % b != 0 && (a < 0) != (b < 0)) { q -= 1; }
  return q;
}

fn remainder_i32(a: i32, b: i32) -> i32 {
  if (b == 0 || b == -1) { return 0; }
  var r = a % b;
  if (r != 0 && (r < 0) != (b < 0)) { r += b; }
  return r;
}

// Wrapping power by squaring; NumPy rejects negative exponents (flagged).
fn power_u32(base: u32, e: u32) -> u32 {
  var r = 1u;
  var b = base;
  for (var k = e; k != 0u; k >>= 1u) {
    if ((k & 1u) != 0u) { r *= b; }
    b *= b;
  }
  return r;
}

fn op_i32(a: i32, b: i32, c: i32) -> u32 {
  switch OP {
    case ADD: { return bitcast<u32>(a + b); }
    case SUBTRACT: { return bitcast<u32>(a - b); }
    case MULTIPLY: { return bitcast<u32>(a * b); }
    case FLOOR_DIVIDE: { return bitcast<u32>(floor_divide_i32(a, b)); }
    case REMAINDER: { return bitcast<u32>(remainder_i32(a, b)); }
    case POWER: {
      if (b < 0) { atomicStore(&flag[0], 1u); return 0u; }
      return power_u32(bitcast<u32>(a), u32(b));
    }
    case MAXIMUM, FMAX: { return bitcast<u32>(max(a, b)); }
    case MINIMUM, FMIN: { return bitcast<u32>(min(a, b)); }
    case EQUAL: { return b2u(a == b); }
    case NOT_EQUAL: { return b2u(a != b); }
    case LESS: { return b2u(a < b); }
    case LESS_EQUAL: { return b2u(a <= b); }
    case GREATER: { return b2u(a > b); }
    case GREATER_EQUAL: { return b2u(a >= b); }
    case BITWISE_AND: { return bitcast<u32>(a & b); }
    case BITWISE_OR: { return bitcast<u32>(a | b); }
    case BITWISE_XOR: { return bitcast<u32>(a ^ b); }
    case LEFT_SHIFT: { return select(0u, bitcast<u32>(a) << bitcast<u32>(b), bitcast<u32>(b) < 32u); }
    case RIGHT_SHIFT: {
      if (bitcast<u32>(b) < 32u) { return bitcast<u32>(a >> bitcast<u32>(b)); }
      return select(0u, 0xffffffffu, a < 0);
    }
    case NEGATIVE: { return bitcast<u32>(0 - a); }
    case POSITIVE: { return bitcast<u32>(a); }
    case ABSOLUTE: { return bitcast<u32>(select(a, 0 - a, a < 0)); }
    case SIGN: { return bitcast<u32>(select(select(0, -1, a < 0), 1, a > 0)); }
    case SQUARE: { return bitcast<u32>(a * a); }
    case RECIPROCAL: { return bitcast<u32>(select(1 / a, 0, a == 0)); }
    case BITWISE_NOT: { return ~bitcast<u32>(a); }
    case CLIP: { return bitcast<u32>(min(max(a, b), c)); }
    default: { return 0u; }
  }
}

fn op_u32(a: u32, b: u32, c: u32) -> u32 {
  switch OP {
    case ADD: { return a + b; }
    case SUBTRACT: { return a - b; }
    case MULTIPLY: { return a * b; }
    case FLOOR_DIVIDE: { return select(a / b, 0u, b == 0u); }
    case REMAINDER: { return select(a % b, 0u, b == 0u); }
    case POWER: { return power_u32(a, b); }
    case MAXIMUM, FMAX: { return max(a, b); }
    case MINIMUM, FMIN: { return min(a, b); }
    case EQUAL: { return b2u(a == b); }
    case NOT_EQUAL: { return b2u(a != b); }
    case LESS: { return b2u(a < b); }
    case LESS_EQUAL: { return b2u(a <= b); }
    case GREATER: { return b2u(a > b); }
    case GREATER_EQUAL: { return b2u(a >= b); }
    case BITWISE_AND: { return a & b; }
    case BITWISE_OR: { return a | b; }
    case BITWISE_XOR: { return a ^ b; }
    case LEFT_SHIFT: { return select(0u, a << b, b < 32u); }
    case RIGHT_SHIFT: { return select(0u, a >> b, b < 32u); }
    case NEGATIVE: { return 0u - a; }
    case POSITIVE, ABSOLUTE: { return a; }
    case SIGN: { return b2u(a > 0u); }
    case SQUARE: { return a * a; }
    case RECIPROCAL: { return select(1u / a, 0u, a == 0u); }
    case BITWISE_NOT: { return ~a; }
    case CLIP: { return min(max(a, b), c); }
    default: { return 0u; }
  }
}

// bool operands are 0 or 1.
fn op_bool(a: u32, b: u32, c: u32) -> u32 {
  switch OP {
    case ADD, MAXIMUM, FMAX, LOGICAL_OR, BITWISE_OR: { return a | b; }
    case MULTIPLY, MINIMUM, FMIN, LOGICAL_AND, BITWISE_AND: { return a & b; }
    case LOGICAL_XOR, BITWISE_XOR, NOT_EQUAL: { return a ^ b; }
    case EQUAL: { return b2u(a == b); }
    case LESS: { return b2u(a < b); }
    case LESS_EQUAL: { return b2u(a <= b); }
    case GREATER: { return b2u(a > b); }
    case GREATER_EQUAL: { return b2u(a >= b); }
    case POSITIVE, ABSOLUTE: { return a; }
    case LOGICAL_NOT, BITWISE_NOT: { return a ^ 1u; }
    case ISNAN, ISINF: { return 0u; }
    case ISFINITE: { return 1u; }
    case CLIP: { return min(max(a, b), c); }
    default: { return 0u; }
  }
}

// ---------------------------------------------------------------------- main

// Output `g` (a linear index of the whole result): its inputs, converted, and the result.
fn element(g: u32) -> u32 {
  var e = p.off;
  var rest = g;
  for (var d = i32(p.ndim) - 1; d >= 0; d--) {
    let du = u32(d);
    var i = rest;
    if (d > 0) {
      let n = p.shape[du / 4u][du % 4u];
      i = rest % n;
      rest = rest / n;
    }
    e += i * vec4<u32>(p.stride[0][du / 4u][du % 4u], p.stride[1][du / 4u][du % 4u],
                       p.stride[2][du / 4u][du % 4u], 0u);
  }
  var v = vec3<u32>(0u);
  for (var k = 0u; k < 3u; k++) {
    v[k] = convert(k, raw(k, e[k]), select(T, BOOL, OP == WHERE && k == 0u));
  }
  if (OP == WHERE) { return select(v[2], v[1], v[0] != 0u); }
  switch T {
    case F32: { return op_f32(bitcast<f32>(v[0]), bitcast<f32>(v[1]), bitcast<f32>(v[2])); }
    case I32: { return op_i32(bitcast<i32>(v[0]), bitcast<i32>(v[1]), bitcast<i32>(v[2])); }
    case U32: { return op_u32(v[0], v[1], v[2]); }
    default: { return op_bool(v[0], v[1], v[2]); }
  }
}

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * p.gx + wg.x) * 64u + li;
  let first = t * 4u;
  if (first >= p.n) { return; }
  var packed = 0u;
  for (var j = 0u; j < 4u; j++) {
    let i = first + j;
    if (i >= p.n) { break; }
    let r = element(p.start + i);
    if (OUT_BOOL == 1u) {
      packed |= (r & 1u) << (8u * j);
    } else {
      out[p.out_off + i] = r;
    }
  }
  if (OUT_BOOL == 1u) { out[p.out_off + t] = packed; }
}
