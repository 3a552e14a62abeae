/* The WebGPU entry points of the WebAssembly build: the browser's WebGPU,
 * through the project's glue src/gpu/webgpu_browser.js (an Emscripten JS
 * library linked into every WebAssembly program). Each wgpu<Name> of
 * NUMC__WGPU_PROCS is an import that the glue answers over navigator.gpu
 * objects, so the backend above is the desktop's, unchanged.
 *
 * The glue reads and writes webgpu.h structs in WebAssembly memory. Their
 * layout is not written twice: numc__wgpu_browser_layout() gives the glue every
 * offset, size and enum value it uses, computed here by the compiler from
 * src/gpu/webgpu.h. */
#include <stdio.h>

#include "gpu/gpu.h"

#define NUMC__WGPU_IMPORT_(ret, name, params) extern ret wgpu##name params;
NUMC__WGPU_PROCS(NUMC__WGPU_IMPORT_)
#undef NUMC__WGPU_IMPORT_

static const numc__wgpu_procs browser_procs = {
#define NUMC__WGPU_ENTRY_(ret, name, params) .name = wgpu##name,
    NUMC__WGPU_PROCS(NUMC__WGPU_ENTRY_)
#undef NUMC__WGPU_ENTRY_
};


struct layout_entry {
  const char *name;
  unsigned long long value;
};

#define OFF(S, f)                                                                                                      \
  { #S "." #f, offsetof(WGPU##S, f) }
#define SIZE(S)                                                                                                        \
  { #S, sizeof(WGPU##S) }
#define ENUM(e)                                                                                                        \
  { #e, (unsigned long long)WGPU##e }
#define LIMIT32(f)                                                                                                     \
  { "Limits.u32." #f, offsetof(WGPULimits, f) }
#define LIMIT64(f)                                                                                                     \
  { "Limits.u64." #f, offsetof(WGPULimits, f) }

static const struct layout_entry layout[] = {
    SIZE(StringView),
    OFF(StringView, data),
    OFF(StringView, length),
    OFF(ChainedStruct, next),
    OFF(ChainedStruct, sType),
    /* Every callback info: the callback and its two user pointers. */
    OFF(BufferMapCallbackInfo, callback),
    OFF(BufferMapCallbackInfo, userdata1),
    OFF(BufferMapCallbackInfo, userdata2),
    OFF(PopErrorScopeCallbackInfo, callback),
    OFF(PopErrorScopeCallbackInfo, userdata1),
    OFF(PopErrorScopeCallbackInfo, userdata2),
    OFF(RequestAdapterCallbackInfo, callback),
    OFF(RequestAdapterCallbackInfo, userdata1),
    OFF(RequestAdapterCallbackInfo, userdata2),
    OFF(RequestDeviceCallbackInfo, callback),
    OFF(RequestDeviceCallbackInfo, userdata1),
    OFF(RequestDeviceCallbackInfo, userdata2),
    OFF(DeviceLostCallbackInfo, callback),
    OFF(DeviceLostCallbackInfo, userdata1),
    OFF(DeviceLostCallbackInfo, userdata2),
    OFF(UncapturedErrorCallbackInfo, callback),
    OFF(UncapturedErrorCallbackInfo, userdata1),
    OFF(UncapturedErrorCallbackInfo, userdata2),
    OFF(DeviceDescriptor, deviceLostCallbackInfo),
    OFF(DeviceDescriptor, uncapturedErrorCallbackInfo),
    SIZE(AdapterInfo),
    OFF(AdapterInfo, vendor),
    OFF(AdapterInfo, architecture),
    OFF(AdapterInfo, device),
    OFF(AdapterInfo, description),
    OFF(AdapterInfo, backendType),
    OFF(AdapterInfo, adapterType),
    OFF(AdapterInfo, vendorID),
    OFF(AdapterInfo, deviceID),
    OFF(BufferDescriptor, usage),
    OFF(BufferDescriptor, size),
    OFF(BufferDescriptor, mappedAtCreation),
    OFF(ShaderModuleDescriptor, nextInChain),
    OFF(ShaderSourceWGSL, code),
    OFF(ComputePipelineDescriptor, layout),
    OFF(ComputePipelineDescriptor, compute.module),
    OFF(ComputePipelineDescriptor, compute.entryPoint),
    OFF(ComputePipelineDescriptor, compute.constantCount),
    OFF(ComputePipelineDescriptor, compute.constants),
    SIZE(ConstantEntry),
    OFF(ConstantEntry, key),
    OFF(ConstantEntry, value),
    OFF(BindGroupDescriptor, layout),
    OFF(BindGroupDescriptor, entryCount),
    OFF(BindGroupDescriptor, entries),
    SIZE(BindGroupEntry),
    OFF(BindGroupEntry, binding),
    OFF(BindGroupEntry, buffer),
    OFF(BindGroupEntry, offset),
    OFF(BindGroupEntry, size),
    OFF(ComputePassDescriptor, timestampWrites),
    OFF(PassTimestampWrites, querySet),
    OFF(PassTimestampWrites, beginningOfPassWriteIndex),
    OFF(PassTimestampWrites, endOfPassWriteIndex),
    OFF(QuerySetDescriptor, type),
    OFF(QuerySetDescriptor, count),
    ENUM(SType_ShaderSourceWGSL),
    ENUM(QueryType_Timestamp),
    ENUM(FeatureName_TimestampQuery),
    ENUM(FeatureName_ShaderF16),
    ENUM(FeatureName_Subgroups),
    ENUM(BackendType_WebGPU),
    ENUM(AdapterType_CPU),
    ENUM(AdapterType_Unknown),
    ENUM(Status_Success),
    ENUM(Status_Error),
    ENUM(RequestAdapterStatus_Success),
    ENUM(RequestAdapterStatus_Unavailable),
    ENUM(RequestDeviceStatus_Success),
    ENUM(RequestDeviceStatus_Error),
    ENUM(MapAsyncStatus_Success),
    ENUM(MapAsyncStatus_Error),
    ENUM(MapAsyncStatus_Aborted),
    ENUM(PopErrorScopeStatus_Success),
    ENUM(PopErrorScopeStatus_Error),
    ENUM(ErrorType_NoError),
    ENUM(ErrorType_Validation),
    ENUM(ErrorType_OutOfMemory),
    ENUM(ErrorType_Internal),
    ENUM(ErrorType_Unknown),
    ENUM(ErrorFilter_Validation),
    ENUM(ErrorFilter_OutOfMemory),
    ENUM(ErrorFilter_Internal),
    ENUM(DeviceLostReason_Unknown),
    ENUM(DeviceLostReason_Destroyed),
    /* WGPULimits, field by field; the glue fills it from the device's
     * GPUSupportedLimits (same names, which is why only the type is added). */
    LIMIT32(maxTextureDimension1D),
    LIMIT32(maxTextureDimension2D),
    LIMIT32(maxTextureDimension3D),
    LIMIT32(maxTextureArrayLayers),
    LIMIT32(maxBindGroups),
    LIMIT32(maxBindGroupsPlusVertexBuffers),
    LIMIT32(maxBindingsPerBindGroup),
    LIMIT32(maxDynamicUniformBuffersPerPipelineLayout),
    LIMIT32(maxDynamicStorageBuffersPerPipelineLayout),
    LIMIT32(maxSampledTexturesPerShaderStage),
    LIMIT32(maxSamplersPerShaderStage),
    LIMIT32(maxStorageBuffersPerShaderStage),
    LIMIT32(maxStorageTexturesPerShaderStage),
    LIMIT32(maxUniformBuffersPerShaderStage),
    LIMIT64(maxUniformBufferBindingSize),
    LIMIT64(maxStorageBufferBindingSize),
    LIMIT32(minUniformBufferOffsetAlignment),
    LIMIT32(minStorageBufferOffsetAlignment),
    LIMIT32(maxVertexBuffers),
    LIMIT64(maxBufferSize),
    LIMIT32(maxVertexAttributes),
    LIMIT32(maxVertexBufferArrayStride),
    LIMIT32(maxInterStageShaderVariables),
    LIMIT32(maxColorAttachments),
    LIMIT32(maxColorAttachmentBytesPerSample),
    LIMIT32(maxComputeWorkgroupStorageSize),
    LIMIT32(maxComputeInvocationsPerWorkgroup),
    LIMIT32(maxComputeWorkgroupSizeX),
    LIMIT32(maxComputeWorkgroupSizeY),
    LIMIT32(maxComputeWorkgroupSizeZ),
    LIMIT32(maxComputeWorkgroupsPerDimension),
};

/* The glue's: takes "StringView=8;StringView.data=0;...", every entry of `layout` as
 * name=value. */
extern void numc__wgpu_browser_init(const char *layout_text);

numc_status numc__wgpu_load(const numc__wgpu_procs **out, const char **path) {
  static char text[8192]; /* guarded by the backend lock, like every load */
  if (!text[0]) {
    size_t used = 0;
    for (size_t i = 0; i < sizeof layout / sizeof layout[0] && used < sizeof text; i++)
      used += (size_t)snprintf(text + used, sizeof text - used, "%s=%llu;", layout[i].name, layout[i].value);
    if (used >= sizeof text) return numc__fail(NUMC_EINTERNAL, "GPU: the struct layout does not fit its buffer");
    numc__wgpu_browser_init(text);
  }
  *out = &browser_procs;
  *path = "navigator.gpu";
  return NUMC_OK;
}
