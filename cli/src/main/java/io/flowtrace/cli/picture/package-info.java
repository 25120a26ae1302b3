/**
 * {@code flowtrace picture}: KL maps per scale, query-to-estimate pictures and track overlays as
 * PNG and MP4, drawn with Java2D. Only the command is public.
 */
package io.flowtrace.cli.picture;
