package io.flowtrace.views;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the views service set aside instead of using, counted so nothing is lost silently: input
 * records it could not decode (sent to dead letters), per topic; track updates older than the state
 * they would replace; frames whose image could not be read (the tracking job dead-letters those
 * already). Safe to read from any thread.
 */
public final class ViewsCounters {

    private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();
    private final LongAdder staleUpdates = new LongAdder();
    private final LongAdder unreadableImages = new LongAdder();

    /** Counts a record of {@code topic} sent to dead letters. */
    public void deadLetter(String topic) {
        deadLetters.computeIfAbsent(topic, t -> new LongAdder()).increment();
    }

    /** Counts a track update for a frame no newer than the track's state. */
    public void staleUpdate() {
        staleUpdates.increment();
    }

    /** Counts a frame whose image could not be decoded for the viewer. */
    public void unreadableImage() {
        unreadableImages.increment();
    }

    /** Records sent to dead letters, by input topic. */
    public Map<String, Long> deadLetters() {
        Map<String, Long> out = new TreeMap<>();
        deadLetters.forEach((topic, n) -> out.put(topic, n.sum()));
        return out;
    }

    /** All records sent to dead letters. */
    public long deadLettersTotal() {
        return deadLetters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long staleUpdates() {
        return staleUpdates.sum();
    }

    public long unreadableImages() {
        return unreadableImages.sum();
    }
}
