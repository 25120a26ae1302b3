/**
 * Synthetic clips with exact ground truth: procedurally textured layers moving over a moving
 * textured background, rendered frame by frame, with query points and their true tracks.
 */
package io.flowtrace.synth;
