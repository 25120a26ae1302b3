/** Frames read from video files with FFmpeg (JavaCV). */
package io.flowtrace.video;
