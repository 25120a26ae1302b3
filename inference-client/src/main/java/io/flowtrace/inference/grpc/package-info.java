/**
 * The KServe v2 gRPC client: {@link io.flowtrace.inference.grpc.GrpcProbeModel} (the probe contract
 * against Triton or the embedded server) on top of the generic {@link
 * io.flowtrace.inference.grpc.GrpcInferenceClient}, their configuration, tensors and metrics.
 */
package io.flowtrace.inference.grpc;
