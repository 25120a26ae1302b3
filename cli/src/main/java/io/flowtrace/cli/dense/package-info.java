/**
 * The dense view of a frame pair: each method's flow in the Middlebury colour coding beside the
 * ground truth, with its end-point error.
 */
package io.flowtrace.cli.dense;
