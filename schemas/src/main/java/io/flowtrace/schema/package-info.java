/**
 * The Avro records on flowtrace's topics and how they are encoded: Avro single-object encoding (a
 * two-byte marker, the writer schema's 64-bit fingerprint, then the binary record), resolved
 * against a schema store filled from the bundled schemas, so no registry server is needed.
 */
package io.flowtrace.schema;
