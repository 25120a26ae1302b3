/**
 * The workings of the {@code flowtrace} command line: parsed options, tracking protocols and
 * methods, progress and reporting. Not an API; it may change with the commands.
 */
package io.flowtrace.cli.internal;
