/** Dense optical-flow fields, the Middlebury {@code .flo} format and flow pictures. */
package io.flowtrace.flow;
