package io.flowtrace.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir Path dir;

    @Test
    void replacesTheFileWithTheNewContent() throws Exception {
        Path file = dir.resolve("out/a.txt");
        AtomicFiles.write(file, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(file, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(file)).isEqualTo("two");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writtenFilesAreReadableByEveryoneNotOnlyTheOwner() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("b.csv");

        AtomicFiles.write(file, out -> out.write(1));

        assertThat(Files.getPosixFilePermissions(file))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OTHERS_READ);
    }

    @Test
    void aFailingWriterLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("c.txt");
        AtomicFiles.write(file, out -> out.write('x'));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                AtomicFiles.write(
                                        file,
                                        out -> {
                                            out.write('y');
                                            throw new java.io.IOException("disk full");
                                        }))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("disk full");

        assertThat(Files.readString(file)).isEqualTo("x");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
