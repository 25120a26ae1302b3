/** {@code flowtrace demo}: the streaming pipeline end to end on one machine. */
package io.flowtrace.cli.demo;
