# WebAssembly build settings (Emscripten toolchain; scripts/build_wasm.sh configures it and
# says why Emscripten). Included from the top-level CMakeLists.txt before any target.
#
# Every object is compiled with SIMD128 (all current browsers and Node >= 16 run it). The
# pthreads variant needs SharedArrayBuffer, which browsers give only to cross-origin-isolated
# pages: the page's loader picks the variant, both are built from the same sources.

option(NUMC_WASM_THREADS "WebAssembly: pthreads on Web Workers (shared memory)" OFF)

add_compile_options(-msimd128)
# Memory grows on demand in both variants: arrays are as large as the user makes them.
add_link_options(-sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB)
# The GPU backend's webgpu.h functions, answered by the browser's WebGPU (under Node.js,
# which has none, they report no adapter and numc computes on the CPU).
set(NUMC_WEBGPU_GLUE ${PROJECT_SOURCE_DIR}/src/gpu/webgpu_browser.js)
add_link_options("SHELL:--js-library ${NUMC_WEBGPU_GLUE}")
if(NUMC_WASM_THREADS)
  add_compile_options(-pthread)
  # A Worker starts only once control returns to the event loop, while the thread pool
  # (src/core/threads.c) starts its workers and waits for them inside a call. So the
  # Workers are created with the module, one per logical core after the caller's own
  # (hardwareConcurrency), and creating a thread beyond them fails (EAGAIN) instead of
  # deadlocking: the pool then simply runs with fewer threads. Growing shared memory makes
  # JavaScript re-check its views of the heap; the C code is unaffected.
  add_link_options(-pthread -Wno-pthreads-mem-growth
    "-sPTHREAD_POOL_SIZE=(ENVIRONMENT_IS_NODE?require('os').cpus().length:navigator.hardwareConcurrency)-1"
    -sPTHREAD_POOL_SIZE_STRICT=2)
endif()

# The executables of this build (tests, benchmarks) are Node.js programs: the real file
# system (NODERAWFS), the exit status of main, and the process environment visible to
# getenv (NUMC_NUM_THREADS, NUMC_GEMM_KERNEL, ...).
set(NUMC_WASM_NODE_ENV "${CMAKE_CURRENT_LIST_DIR}/wasm_node_env.js")
string(APPEND CMAKE_EXE_LINKER_FLAGS
  " -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sENVIRONMENT=node --pre-js ${NUMC_WASM_NODE_ENV}")
