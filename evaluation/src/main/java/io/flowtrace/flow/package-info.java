/**
 * Dense optical-flow fields, the Middlebury {@code .flo} format, flow pictures, and two-frame
 * tracking tasks cut from ground-truth flow.
 */
package io.flowtrace.flow;
