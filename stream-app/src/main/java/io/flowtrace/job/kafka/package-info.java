/** The tracking job's Kafka sources and sinks: Avro single-object records, dead letters. */
package io.flowtrace.job.kafka;
