/** The KL-tracing engine. */
package io.flowtrace.tracer;
