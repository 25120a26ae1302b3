/**
 * The KServe v2 / Triton gRPC wire protocol: messages and stubs generated from {@code
 * src/main/proto}, and {@link io.flowtrace.inference.grpc.v2.WireTensors}, which moves tensors in
 * and out of them. Shared by the client and the embedded model server; applications use {@link
 * io.flowtrace.inference.grpc} instead.
 */
package io.flowtrace.inference.grpc.v2;
