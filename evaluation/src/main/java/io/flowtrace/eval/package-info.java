/** Scoring predicted tracks against ground truth (TAP-Vid metrics). */
package io.flowtrace.eval;
