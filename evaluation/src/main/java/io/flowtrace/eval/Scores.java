package io.flowtrace.eval;

/**
 * TAP-Vid scores of one task, in 256x256 space (x scaled by 256/W, y by 256/H) unless noted.
 *
 * @param ad average distance in px over ground-truth-visible points with a prediction
 * @param epe the same distance in native pixels
 * @param deltaAvg percent of visible points within 1, 2, 4, 8 and 16 px, averaged over the five
 * @param oa occlusion accuracy, percent of points whose predicted visibility matches
 * @param aj average Jaccard, percent, over the same five thresholds
 * @param points evaluation points (ground-truth rows)
 * @param visible ground-truth-visible points
 * @param missing ground-truth rows with no prediction (counted as misses)
 */
public record Scores(
        double ad,
        double epe,
        double deltaAvg,
        double oa,
        double aj,
        int points,
        int visible,
        int missing) {}
