// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guideline path that is not a regular file is refused before it is opened. */
class GuidelineFileTest {
    private static final String SIX_PERCENT =
            "{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"6%\","
            + " \"reference\": \"第三条\", \"exceeds_text\": true}]}";
    static Ruleset rs;

    @BeforeAll
    static void open() {
        rs = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        rs.close();
    }

    /** withGuideline(path) must fail at once, with this code and a message naming the path. */
    private static GuidelineException refused(Path path, int code) {
        GuidelineException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(GuidelineException.class, () -> rs.withGuideline(path)));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith(path.toString() + ": "), e.getMessage());
        return e;
    }

    @Test
    void aRegularFileAndALinkToOneAreRead(@TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve("2025.json"), SIX_PERCENT.getBytes(StandardCharsets.UTF_8));
        Path link = Files.createSymbolicLink(tmp.resolve("current.json"), file);
        for (Path p : new Path[] {file, link}) {
            try (Ruleset g = rs.withGuideline(p)) {
                assertEquals("6%", g.measure("A1.07.a").parameter("ratio").value());
            }
        }
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("guideline.fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        assertTrue(refused(fifo, DgsException.E_IO).getMessage().contains("not a regular file"));
        // and through a link
        refused(Files.createSymbolicLink(tmp.resolve("link.json"), fifo), DgsException.E_IO);
    }

    @Test
    void anEndlessDeviceIsRefusedWithoutReadingIt(@TempDir Path tmp) throws IOException {
        Path zero = Paths.get("/dev/zero");
        assertTrue(refused(zero, DgsException.E_IO).getMessage().contains("not a regular file"));
        refused(Files.createSymbolicLink(tmp.resolve("zero.json"), zero), DgsException.E_IO);
        refused(Paths.get("/dev/urandom"), DgsException.E_IO);
    }

    @Test
    void aDirectoryIsRefused(@TempDir Path tmp) {
        assertTrue(refused(tmp, DgsException.E_IO).getMessage().contains("is a directory"));
    }

    @Test
    void aMissingFileIsRefused(@TempDir Path tmp) {
        assertTrue(refused(tmp.resolve("none.json"), DgsException.E_IO).getMessage().contains("no such file"));
    }

    @Test
    void aFileOverSixtyFourMebibytesIsRefusedWithoutReadingIt(@TempDir Path tmp) throws IOException {
        Path big = tmp.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength((64L << 20) + 1); // sparse: nothing is written
        }
        assertTrue(refused(big, DgsException.E_GUIDELINE).getMessage().contains("larger than 64 MiB"));
    }

    @Test
    void anUnreadableFileIsRefused(@TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve("secret.json"), SIX_PERCENT.getBytes(StandardCharsets.UTF_8));
        assertTrue(file.toFile().setReadable(false, false));
        if (Files.isReadable(file)) {
            return; // root reads anything: nothing to test here
        }
        refused(file, DgsException.E_IO);
    }
}
