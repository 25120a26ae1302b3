package io.flowtrace.job;

import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.TrackQuery;

/**
 * One record read from the track-queries topic: the query, or the dead letter saying why it could
 * not be read. Exactly one of the two is set.
 */
public record QueryInput(TrackQuery query, DeadLetter deadLetter) {

    public QueryInput {
        if ((query == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("exactly one of query and dead letter must be set");
        }
    }

    public static QueryInput of(TrackQuery query) {
        return new QueryInput(query, null);
    }

    public static QueryInput dead(DeadLetter letter) {
        return new QueryInput(null, letter);
    }
}
