/** JMH benchmarks. */
package io.flowtrace.bench;
