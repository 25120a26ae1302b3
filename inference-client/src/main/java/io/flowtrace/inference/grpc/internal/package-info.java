/**
 * The workings of the gRPC client: calls with deadlines, retries and an in-flight bound, metrics,
 * channels, the contract check and batching. Not an API; it may change with the client.
 */
package io.flowtrace.inference.grpc.internal;
