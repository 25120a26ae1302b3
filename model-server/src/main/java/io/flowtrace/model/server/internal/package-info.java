/** The workings of the embedded model server: the service, request checks and model description. */
package io.flowtrace.model.server.internal;
