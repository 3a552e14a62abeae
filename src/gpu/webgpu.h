/* The subset of the standard webgpu.h C API that numc's GPU backend uses.
 *
 * Dawn's npm build (bun-webgpu-linux-x64 0.1.7) ships no header, so these are our own
 * declarations, laid out exactly as webgpu-native/webgpu-headers at commit f0494eb
 * (2025-06-26), the revision closest to that build (see ../shared/NOTES.md). Only what
 * numc calls is here; every enum value is written out so that a later header revision
 * cannot shift it silently. Struct layouts are checked by tests/unit/test_gpu.c, which
 * runs them against the real library (a wrong layout fails adapter info, limits or
 * pipeline creation there).
 *
 * Differences between the revisions that matter to us, and how we avoid them:
 * - WGPUInstanceDescriptor changed layout around that time: we pass NULL.
 * - WGPUBindGroupLayoutEntry gained bindingArraySize: we use the pipeline's automatic
 *   layout (layout = NULL, wgpuComputePipelineGetBindGroupLayout) instead.
 * - WGPUFeatureName was renumbered in f0494eb, and the library keeps the numbering from
 *   before it (see the enum below; an earlier reading of it as f0494eb's was wrong).
 *
 * Functions are not declared as symbols: numc never links against Dawn. NUMC__WGPU_PROCS
 * lists them once; dawn_loader.c turns the list into a table of pointers filled by dlsym. */
#ifndef NUMC_GPU_WEBGPU_H
#define NUMC_GPU_WEBGPU_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t WGPUBool;
typedef uint64_t WGPUFlags;

#define WGPU_STRLEN SIZE_MAX
#define WGPU_WHOLE_SIZE UINT64_MAX
#define WGPU_QUERY_SET_INDEX_UNDEFINED UINT32_MAX

/* Handles: opaque pointers. */
typedef struct WGPUAdapterImpl *WGPUAdapter;
typedef struct WGPUBindGroupImpl *WGPUBindGroup;
typedef struct WGPUBindGroupLayoutImpl *WGPUBindGroupLayout;
typedef struct WGPUBufferImpl *WGPUBuffer;
typedef struct WGPUCommandBufferImpl *WGPUCommandBuffer;
typedef struct WGPUCommandEncoderImpl *WGPUCommandEncoder;
typedef struct WGPUComputePassEncoderImpl *WGPUComputePassEncoder;
typedef struct WGPUComputePipelineImpl *WGPUComputePipeline;
typedef struct WGPUDeviceImpl *WGPUDevice;
typedef struct WGPUInstanceImpl *WGPUInstance;
typedef struct WGPUPipelineLayoutImpl *WGPUPipelineLayout;
typedef struct WGPUQuerySetImpl *WGPUQuerySet;
typedef struct WGPUQueueImpl *WGPUQueue;
typedef struct WGPUShaderModuleImpl *WGPUShaderModule;
typedef struct WGPUSurfaceImpl *WGPUSurface;
typedef struct WGPUSamplerImpl *WGPUSampler;
typedef struct WGPUTextureViewImpl *WGPUTextureView;

/* Passed as NULL only (its layout differs between header revisions). */
typedef struct WGPUInstanceDescriptor WGPUInstanceDescriptor;
/* Passed as NULL only. */
typedef struct WGPUCommandEncoderDescriptor WGPUCommandEncoderDescriptor;
typedef struct WGPUCommandBufferDescriptor WGPUCommandBufferDescriptor;

/* ------------------------------------------------------------------ enums */

typedef enum WGPUAdapterType {
  WGPUAdapterType_DiscreteGPU = 0x00000001,
  WGPUAdapterType_IntegratedGPU = 0x00000002,
  WGPUAdapterType_CPU = 0x00000003,
  WGPUAdapterType_Unknown = 0x00000004,
  WGPUAdapterType_Force32 = 0x7FFFFFFF
} WGPUAdapterType;

typedef enum WGPUBackendType {
  WGPUBackendType_Undefined = 0x00000000,
  WGPUBackendType_Null = 0x00000001,
  WGPUBackendType_WebGPU = 0x00000002,
  WGPUBackendType_D3D11 = 0x00000003,
  WGPUBackendType_D3D12 = 0x00000004,
  WGPUBackendType_Metal = 0x00000005,
  WGPUBackendType_Vulkan = 0x00000006,
  WGPUBackendType_OpenGL = 0x00000007,
  WGPUBackendType_OpenGLES = 0x00000008,
  WGPUBackendType_Force32 = 0x7FFFFFFF
} WGPUBackendType;

typedef enum WGPUCallbackMode {
  WGPUCallbackMode_WaitAnyOnly = 0x00000001,
  WGPUCallbackMode_AllowProcessEvents = 0x00000002,
  WGPUCallbackMode_AllowSpontaneous = 0x00000003,
  WGPUCallbackMode_Force32 = 0x7FFFFFFF
} WGPUCallbackMode;

typedef enum WGPUDeviceLostReason {
  WGPUDeviceLostReason_Unknown = 0x00000001,
  WGPUDeviceLostReason_Destroyed = 0x00000002,
  WGPUDeviceLostReason_CallbackCancelled = 0x00000003,
  WGPUDeviceLostReason_FailedCreation = 0x00000004,
  WGPUDeviceLostReason_Force32 = 0x7FFFFFFF
} WGPUDeviceLostReason;

typedef enum WGPUErrorFilter {
  WGPUErrorFilter_Validation = 0x00000001,
  WGPUErrorFilter_OutOfMemory = 0x00000002,
  WGPUErrorFilter_Internal = 0x00000003,
  WGPUErrorFilter_Force32 = 0x7FFFFFFF
} WGPUErrorFilter;

typedef enum WGPUErrorType {
  WGPUErrorType_NoError = 0x00000001,
  WGPUErrorType_Validation = 0x00000002,
  WGPUErrorType_OutOfMemory = 0x00000003,
  WGPUErrorType_Internal = 0x00000004,
  WGPUErrorType_Unknown = 0x00000005,
  WGPUErrorType_Force32 = 0x7FFFFFFF
} WGPUErrorType;

typedef enum WGPUFeatureLevel {
  WGPUFeatureLevel_Undefined = 0x00000000,
  WGPUFeatureLevel_Compatibility = 0x00000001,
  WGPUFeatureLevel_Core = 0x00000002,
  WGPUFeatureLevel_Force32 = 0x7FFFFFFF
} WGPUFeatureLevel;

/* Only the features numc asks about, numbered as the library numbers them, which is the
 * numbering of the standard header before f0494eb (c13888a, 2025-06-18), not f0494eb's
 * (TimestampQuery 0x9, ShaderF16 0xB, Subgroups 0x12). Checked against the library on
 * SwiftShader (2026-11-25): a device created with only 0x3 accepts a timestamp query set
 * and one with only 0x9 rejects it; only 0x11 lets `enable subgroups;` compile; `enable
 * f16;` compiles with none of the adapter's features (SwiftShader lacks 0xA). */
typedef enum WGPUFeatureName {
  WGPUFeatureName_TimestampQuery = 0x00000003,
  WGPUFeatureName_ShaderF16 = 0x0000000A,
  WGPUFeatureName_Subgroups = 0x00000011,
  WGPUFeatureName_Force32 = 0x7FFFFFFF
} WGPUFeatureName;

typedef enum WGPUMapAsyncStatus {
  WGPUMapAsyncStatus_Success = 0x00000001,
  WGPUMapAsyncStatus_CallbackCancelled = 0x00000002,
  WGPUMapAsyncStatus_Error = 0x00000003,
  WGPUMapAsyncStatus_Aborted = 0x00000004,
  WGPUMapAsyncStatus_Force32 = 0x7FFFFFFF
} WGPUMapAsyncStatus;

typedef enum WGPUQueryType {
  WGPUQueryType_Occlusion = 0x00000001,
  WGPUQueryType_Timestamp = 0x00000002,
  WGPUQueryType_Force32 = 0x7FFFFFFF
} WGPUQueryType;

typedef enum WGPUPopErrorScopeStatus {
  WGPUPopErrorScopeStatus_Success = 0x00000001,
  WGPUPopErrorScopeStatus_CallbackCancelled = 0x00000002,
  WGPUPopErrorScopeStatus_Error = 0x00000003,
  WGPUPopErrorScopeStatus_Force32 = 0x7FFFFFFF
} WGPUPopErrorScopeStatus;

typedef enum WGPUPowerPreference {
  WGPUPowerPreference_Undefined = 0x00000000,
  WGPUPowerPreference_LowPower = 0x00000001,
  WGPUPowerPreference_HighPerformance = 0x00000002,
  WGPUPowerPreference_Force32 = 0x7FFFFFFF
} WGPUPowerPreference;

typedef enum WGPURequestAdapterStatus {
  WGPURequestAdapterStatus_Success = 0x00000001,
  WGPURequestAdapterStatus_CallbackCancelled = 0x00000002,
  WGPURequestAdapterStatus_Unavailable = 0x00000003,
  WGPURequestAdapterStatus_Error = 0x00000004,
  WGPURequestAdapterStatus_Force32 = 0x7FFFFFFF
} WGPURequestAdapterStatus;

typedef enum WGPURequestDeviceStatus {
  WGPURequestDeviceStatus_Success = 0x00000001,
  WGPURequestDeviceStatus_CallbackCancelled = 0x00000002,
  WGPURequestDeviceStatus_Error = 0x00000003,
  WGPURequestDeviceStatus_Force32 = 0x7FFFFFFF
} WGPURequestDeviceStatus;

typedef enum WGPUStatus {
  WGPUStatus_Success = 0x00000001,
  WGPUStatus_Error = 0x00000002,
  WGPUStatus_Force32 = 0x7FFFFFFF
} WGPUStatus;

typedef enum WGPUSType {
  WGPUSType_ShaderSourceWGSL = 0x00000002,
  /* Dawn's extension range (its dawn.json, 2025): WGPUDawnTogglesDescriptor. */
  WGPUSType_DawnTogglesDescriptor = 0x0005000A,
  WGPUSType_Force32 = 0x7FFFFFFF
} WGPUSType;

/* Bit flags are 64-bit (WGPUFlags), as in the standard header. */
typedef WGPUFlags WGPUBufferUsage;
#define WGPUBufferUsage_MapRead ((WGPUBufferUsage)0x0001)
#define WGPUBufferUsage_MapWrite ((WGPUBufferUsage)0x0002)
#define WGPUBufferUsage_CopySrc ((WGPUBufferUsage)0x0004)
#define WGPUBufferUsage_CopyDst ((WGPUBufferUsage)0x0008)
#define WGPUBufferUsage_Uniform ((WGPUBufferUsage)0x0040)
#define WGPUBufferUsage_Storage ((WGPUBufferUsage)0x0080)
#define WGPUBufferUsage_QueryResolve ((WGPUBufferUsage)0x0200)

typedef WGPUFlags WGPUMapMode;
#define WGPUMapMode_Read ((WGPUMapMode)0x0001)
#define WGPUMapMode_Write ((WGPUMapMode)0x0002)

/* ---------------------------------------------------------------- structs */

typedef struct WGPUStringView {
  const char *data;
  size_t length; /* WGPU_STRLEN: data is NUL-terminated */
} WGPUStringView;

typedef struct WGPUChainedStruct {
  struct WGPUChainedStruct *next;
  WGPUSType sType;
} WGPUChainedStruct;

typedef struct WGPUFuture {
  uint64_t id;
} WGPUFuture;

typedef void (*WGPUBufferMapCallback)(WGPUMapAsyncStatus status, WGPUStringView message,
                                      void *userdata1, void *userdata2);
typedef void (*WGPUDeviceLostCallback)(WGPUDevice const *device, WGPUDeviceLostReason reason,
                                       WGPUStringView message, void *userdata1, void *userdata2);
typedef void (*WGPUPopErrorScopeCallback)(WGPUPopErrorScopeStatus status, WGPUErrorType type,
                                          WGPUStringView message, void *userdata1, void *userdata2);
typedef void (*WGPURequestAdapterCallback)(WGPURequestAdapterStatus status, WGPUAdapter adapter,
                                           WGPUStringView message, void *userdata1, void *userdata2);
typedef void (*WGPURequestDeviceCallback)(WGPURequestDeviceStatus status, WGPUDevice device,
                                          WGPUStringView message, void *userdata1, void *userdata2);
typedef void (*WGPUUncapturedErrorCallback)(WGPUDevice const *device, WGPUErrorType type,
                                            WGPUStringView message, void *userdata1, void *userdata2);

typedef struct WGPUBufferMapCallbackInfo {
  WGPUChainedStruct *nextInChain;
  WGPUCallbackMode mode;
  WGPUBufferMapCallback callback;
  void *userdata1;
  void *userdata2;
} WGPUBufferMapCallbackInfo;

typedef struct WGPUDeviceLostCallbackInfo {
  WGPUChainedStruct *nextInChain;
  WGPUCallbackMode mode;
  WGPUDeviceLostCallback callback;
  void *userdata1;
  void *userdata2;
} WGPUDeviceLostCallbackInfo;

typedef struct WGPUPopErrorScopeCallbackInfo {
  WGPUChainedStruct *nextInChain;
  WGPUCallbackMode mode;
  WGPUPopErrorScopeCallback callback;
  void *userdata1;
  void *userdata2;
} WGPUPopErrorScopeCallbackInfo;

typedef struct WGPURequestAdapterCallbackInfo {
  WGPUChainedStruct *nextInChain;
  WGPUCallbackMode mode;
  WGPURequestAdapterCallback callback;
  void *userdata1;
  void *userdata2;
} WGPURequestAdapterCallbackInfo;

typedef struct WGPURequestDeviceCallbackInfo {
  WGPUChainedStruct *nextInChain;
  WGPUCallbackMode mode;
  WGPURequestDeviceCallback callback;
  void *userdata1;
  void *userdata2;
} WGPURequestDeviceCallbackInfo;

/* No mode: uncaptured errors are reported as they happen. */
typedef struct WGPUUncapturedErrorCallbackInfo {
  WGPUChainedStruct *nextInChain;
  WGPUUncapturedErrorCallback callback;
  void *userdata1;
  void *userdata2;
} WGPUUncapturedErrorCallbackInfo;

/* Strings are owned by the library until wgpuAdapterInfoFreeMembers. */
typedef struct WGPUAdapterInfo {
  WGPUChainedStruct *nextInChain;
  WGPUStringView vendor;
  WGPUStringView architecture;
  WGPUStringView device;
  WGPUStringView description;
  WGPUBackendType backendType;
  WGPUAdapterType adapterType;
  uint32_t vendorID;
  uint32_t deviceID;
  uint32_t subgroupMinSize;
  uint32_t subgroupMaxSize;
} WGPUAdapterInfo; /* 96 bytes on LP64 */

typedef struct WGPULimits {
  WGPUChainedStruct *nextInChain;
  uint32_t maxTextureDimension1D;
  uint32_t maxTextureDimension2D;
  uint32_t maxTextureDimension3D;
  uint32_t maxTextureArrayLayers;
  uint32_t maxBindGroups;
  uint32_t maxBindGroupsPlusVertexBuffers;
  uint32_t maxBindingsPerBindGroup;
  uint32_t maxDynamicUniformBuffersPerPipelineLayout;
  uint32_t maxDynamicStorageBuffersPerPipelineLayout;
  uint32_t maxSampledTexturesPerShaderStage;
  uint32_t maxSamplersPerShaderStage;
  uint32_t maxStorageBuffersPerShaderStage;
  uint32_t maxStorageTexturesPerShaderStage;
  uint32_t maxUniformBuffersPerShaderStage;
  uint64_t maxUniformBufferBindingSize;
  uint64_t maxStorageBufferBindingSize;
  uint32_t minUniformBufferOffsetAlignment;
  uint32_t minStorageBufferOffsetAlignment;
  uint32_t maxVertexBuffers;
  uint64_t maxBufferSize;
  uint32_t maxVertexAttributes;
  uint32_t maxVertexBufferArrayStride;
  uint32_t maxInterStageShaderVariables;
  uint32_t maxColorAttachments;
  uint32_t maxColorAttachmentBytesPerSample;
  uint32_t maxComputeWorkgroupStorageSize;
  uint32_t maxComputeInvocationsPerWorkgroup;
  uint32_t maxComputeWorkgroupSizeX;
  uint32_t maxComputeWorkgroupSizeY;
  uint32_t maxComputeWorkgroupSizeZ;
  uint32_t maxComputeWorkgroupsPerDimension;
  uint32_t maxImmediateSize;
} WGPULimits; /* 152 bytes on LP64 */

typedef struct WGPUQueueDescriptor {
  WGPUChainedStruct *nextInChain;
  WGPUStringView label;
} WGPUQueueDescriptor;

/* Dawn's extension, chained to WGPUDeviceDescriptor: toggles by name. */
typedef struct WGPUDawnTogglesDescriptor {
  WGPUChainedStruct chain; /* sType = WGPUSType_DawnTogglesDescriptor */
  size_t enabledToggleCount;
  const char *const *enabledToggles;
  size_t disabledToggleCount;
  const char *const *disabledToggles;
} WGPUDawnTogglesDescriptor;

typedef struct WGPUDeviceDescriptor {
  WGPUChainedStruct *nextInChain;
  WGPUStringView label;
  size_t requiredFeatureCount;
  WGPUFeatureName const *requiredFeatures;
  WGPULimits const *requiredLimits;
  WGPUQueueDescriptor defaultQueue;
  WGPUDeviceLostCallbackInfo deviceLostCallbackInfo;
  WGPUUncapturedErrorCallbackInfo uncapturedErrorCallbackInfo;
} WGPUDeviceDescriptor;

typedef struct WGPURequestAdapterOptions {
  WGPUChainedStruct *nextInChain;
  WGPUFeatureLevel featureLevel;
  WGPUPowerPreference powerPreference;
  WGPUBool forceFallbackAdapter;
  WGPUBackendType backendType;
  WGPUSurface compatibleSurface;
} WGPURequestAdapterOptions;

typedef struct WGPUBufferDescriptor {
  WGPUChainedStruct *nextInChain;
  WGPUStringView label;
  WGPUBufferUsage usage;
  uint64_t size;
  WGPUBool mappedAtCreation;
} WGPUBufferDescriptor;

typedef struct WGPUShaderSourceWGSL {
  WGPUChainedStruct chain; /* sType = WGPUSType_ShaderSourceWGSL */
  WGPUStringView code;
} WGPUShaderSourceWGSL;

typedef struct WGPUShaderModuleDescriptor {
  WGPUChainedStruct *nextInChain; /* -> WGPUShaderSourceWGSL.chain */
  WGPUStringView label;
} WGPUShaderModuleDescriptor;

/* A value for a WGSL `override` declaration. */
typedef struct WGPUConstantEntry {
  WGPUChainedStruct *nextInChain;
  WGPUStringView key;
  double value;
} WGPUConstantEntry;

typedef struct WGPUComputeState {
  WGPUChainedStruct *nextInChain;
  WGPUShaderModule module;
  WGPUStringView entryPoint;
  size_t constantCount;
  WGPUConstantEntry const *constants;
} WGPUComputeState;

typedef struct WGPUComputePipelineDescriptor {
  WGPUChainedStruct *nextInChain;
  WGPUStringView label;
  WGPUPipelineLayout layout; /* NULL: derived from the shader ("auto") */
  WGPUComputeState compute;
} WGPUComputePipelineDescriptor;

typedef struct WGPUQuerySetDescriptor {
  WGPUChainedStruct *nextInChain;
  WGPUStringView label;
  WGPUQueryType type;
  uint32_t count;
} WGPUQuerySetDescriptor;

/* Which queries of querySet receive the time at the beginning and at the end of a pass
 * (WGPU_QUERY_SET_INDEX_UNDEFINED: none). */
typedef struct WGPUPassTimestampWrites {
  WGPUChainedStruct *nextInChain;
  WGPUQuerySet querySet;
  uint32_t beginningOfPassWriteIndex;
  uint32_t endOfPassWriteIndex;
} WGPUPassTimestampWrites;

typedef struct WGPUComputePassDescriptor {
  WGPUChainedStruct *nextInChain;
  WGPUStringView label;
  WGPUPassTimestampWrites const *timestampWrites; /* NULL: no timestamps */
} WGPUComputePassDescriptor;

typedef struct WGPUBindGroupEntry {
  WGPUChainedStruct *nextInChain;
  uint32_t binding;
  WGPUBuffer buffer;
  uint64_t offset;
  uint64_t size;
  WGPUSampler sampler;
  WGPUTextureView textureView;
} WGPUBindGroupEntry;

typedef struct WGPUBindGroupDescriptor {
  WGPUChainedStruct *nextInChain;
  WGPUStringView label;
  WGPUBindGroupLayout layout;
  size_t entryCount;
  WGPUBindGroupEntry const *entries;
} WGPUBindGroupDescriptor;

/* -------------------------------------------------------------- functions
 *
 * X(return type, name without the "wgpu" prefix, parameter list). */
#define NUMC__WGPU_PROCS(X)                                                                     \
  X(WGPUInstance, CreateInstance, (WGPUInstanceDescriptor const *descriptor))                  \
  X(WGPUFuture, InstanceRequestAdapter,                                                         \
    (WGPUInstance instance, WGPURequestAdapterOptions const *options,                          \
     WGPURequestAdapterCallbackInfo callbackInfo))                                              \
  X(void, InstanceProcessEvents, (WGPUInstance instance))                                       \
  X(void, InstanceRelease, (WGPUInstance instance))                                             \
  X(WGPUStatus, AdapterGetInfo, (WGPUAdapter adapter, WGPUAdapterInfo *info))                   \
  X(void, AdapterInfoFreeMembers, (WGPUAdapterInfo adapterInfo))                                \
  X(WGPUStatus, AdapterGetLimits, (WGPUAdapter adapter, WGPULimits *limits))                    \
  X(WGPUBool, AdapterHasFeature, (WGPUAdapter adapter, WGPUFeatureName feature))                \
  X(WGPUFuture, AdapterRequestDevice,                                                           \
    (WGPUAdapter adapter, WGPUDeviceDescriptor const *descriptor,                               \
     WGPURequestDeviceCallbackInfo callbackInfo))                                               \
  X(void, AdapterRelease, (WGPUAdapter adapter))                                                \
  X(WGPUQueue, DeviceGetQueue, (WGPUDevice device))                                             \
  X(WGPUStatus, DeviceGetLimits, (WGPUDevice device, WGPULimits *limits))                       \
  X(WGPUBuffer, DeviceCreateBuffer, (WGPUDevice device, WGPUBufferDescriptor const *descriptor)) \
  X(WGPUShaderModule, DeviceCreateShaderModule,                                                 \
    (WGPUDevice device, WGPUShaderModuleDescriptor const *descriptor))                          \
  X(WGPUComputePipeline, DeviceCreateComputePipeline,                                           \
    (WGPUDevice device, WGPUComputePipelineDescriptor const *descriptor))                       \
  X(WGPUBindGroup, DeviceCreateBindGroup,                                                       \
    (WGPUDevice device, WGPUBindGroupDescriptor const *descriptor))                             \
  X(WGPUCommandEncoder, DeviceCreateCommandEncoder,                                             \
    (WGPUDevice device, WGPUCommandEncoderDescriptor const *descriptor))                        \
  X(WGPUQuerySet, DeviceCreateQuerySet, (WGPUDevice device, WGPUQuerySetDescriptor const *descriptor)) \
  X(void, DevicePushErrorScope, (WGPUDevice device, WGPUErrorFilter filter))                    \
  X(WGPUFuture, DevicePopErrorScope, (WGPUDevice device, WGPUPopErrorScopeCallbackInfo info))   \
  X(void, DeviceDestroy, (WGPUDevice device))                                                   \
  X(void, DeviceRelease, (WGPUDevice device))                                                   \
  /* Dawn's extension (not in the standard header): simulates a lost device for tests. */     \
  X(void, DeviceForceLoss, (WGPUDevice device, WGPUDeviceLostReason type, WGPUStringView message)) \
  X(WGPUFuture, BufferMapAsync,                                                                 \
    (WGPUBuffer buffer, WGPUMapMode mode, size_t offset, size_t size,                           \
     WGPUBufferMapCallbackInfo callbackInfo))                                                   \
  X(void const *, BufferGetConstMappedRange, (WGPUBuffer buffer, size_t offset, size_t size))   \
  X(void *, BufferGetMappedRange, (WGPUBuffer buffer, size_t offset, size_t size))              \
  X(void, BufferUnmap, (WGPUBuffer buffer))                                                     \
  X(void, BufferDestroy, (WGPUBuffer buffer))                                                   \
  X(void, BufferRelease, (WGPUBuffer buffer))                                                   \
  X(void, QueueWriteBuffer,                                                                     \
    (WGPUQueue queue, WGPUBuffer buffer, uint64_t bufferOffset, void const *data, size_t size)) \
  X(void, QueueSubmit, (WGPUQueue queue, size_t commandCount, WGPUCommandBuffer const *commands)) \
  X(void, QueueRelease, (WGPUQueue queue))                                                      \
  X(WGPUComputePassEncoder, CommandEncoderBeginComputePass,                                     \
    (WGPUCommandEncoder encoder, WGPUComputePassDescriptor const *descriptor))                  \
  X(void, CommandEncoderCopyBufferToBuffer,                                                     \
    (WGPUCommandEncoder encoder, WGPUBuffer source, uint64_t sourceOffset,                      \
     WGPUBuffer destination, uint64_t destinationOffset, uint64_t size))                        \
  X(void, CommandEncoderResolveQuerySet,                                                         \
    (WGPUCommandEncoder encoder, WGPUQuerySet querySet, uint32_t firstQuery, uint32_t queryCount, \
     WGPUBuffer destination, uint64_t destinationOffset))                                       \
  X(WGPUCommandBuffer, CommandEncoderFinish,                                                    \
    (WGPUCommandEncoder encoder, WGPUCommandBufferDescriptor const *descriptor))                \
  X(void, CommandEncoderRelease, (WGPUCommandEncoder encoder))                                  \
  X(void, CommandBufferRelease, (WGPUCommandBuffer commandBuffer))                              \
  X(void, ComputePassEncoderSetPipeline, (WGPUComputePassEncoder pass, WGPUComputePipeline pipeline)) \
  X(void, ComputePassEncoderSetBindGroup,                                                       \
    (WGPUComputePassEncoder pass, uint32_t groupIndex, WGPUBindGroup group,                     \
     size_t dynamicOffsetCount, uint32_t const *dynamicOffsets))                                \
  X(void, ComputePassEncoderDispatchWorkgroups,                                                 \
    (WGPUComputePassEncoder pass, uint32_t x, uint32_t y, uint32_t z))                          \
  X(void, ComputePassEncoderEnd, (WGPUComputePassEncoder pass))                                 \
  X(void, ComputePassEncoderRelease, (WGPUComputePassEncoder pass))                             \
  X(WGPUBindGroupLayout, ComputePipelineGetBindGroupLayout,                                     \
    (WGPUComputePipeline pipeline, uint32_t groupIndex))                                        \
  X(void, ComputePipelineRelease, (WGPUComputePipeline pipeline))                               \
  X(void, BindGroupLayoutRelease, (WGPUBindGroupLayout layout))                                 \
  X(void, BindGroupRelease, (WGPUBindGroup group))                                              \
  X(void, ShaderModuleRelease, (WGPUShaderModule module))                                       \
  X(void, QuerySetDestroy, (WGPUQuerySet querySet))                                             \
  X(void, QuerySetRelease, (WGPUQuerySet querySet))

/* The table of entry points, one member per NUMC__WGPU_PROCS entry (wgpu.CreateInstance). */
typedef struct numc__wgpu_procs {
#define NUMC__WGPU_MEMBER_(ret, name, params) ret(*name) params;
  NUMC__WGPU_PROCS(NUMC__WGPU_MEMBER_)
#undef NUMC__WGPU_MEMBER_
} numc__wgpu_procs;

/* A NUL-terminated C string as a WGPUStringView. */
static inline WGPUStringView numc__wgpu_str(const char *s) {
  return (WGPUStringView){s, WGPU_STRLEN};
}

#endif
