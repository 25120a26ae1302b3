/** The CPU reference model behind the probe contract. */
package io.flowtrace.model;
