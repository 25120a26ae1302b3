/**
 * The workings of the tracking job's functions: state records, reorder bookkeeping, frame decoding
 * and result building. Public only because Flink's serializers need public state types; not an API.
 */
package io.flowtrace.job.internal;
