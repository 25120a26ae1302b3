/**
 * The embedded KServe v2 gRPC model server: the probe contract over the wire, as Triton serves it.
 */
package io.flowtrace.model.server;
