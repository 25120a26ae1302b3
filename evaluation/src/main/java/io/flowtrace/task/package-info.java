/**
 * The on-disk task format: a directory with {@code frames/}, {@code queries.csv} and {@code
 * gt.csv}; readers and writers that reject bad input with the file and line at fault.
 */
package io.flowtrace.task;
