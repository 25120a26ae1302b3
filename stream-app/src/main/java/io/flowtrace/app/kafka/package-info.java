/** Kafka plumbing: the Avro serde for flowtrace's records and an in-JVM broker. */
package io.flowtrace.app.kafka;
