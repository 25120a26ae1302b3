/**
 * Classical optical-flow baselines through OpenCV (JavaCV): dense DIS and Farneback flow and sparse
 * pyramidal Lucas-Kanade, as point trackers whose visibility comes from a forward-backward check.
 * {@link io.flowtrace.cli.baseline.DenseFlow} and {@link
 * io.flowtrace.cli.baseline.BaselineTrackers} are the API; the rest is package-private.
 */
package io.flowtrace.cli.baseline;
