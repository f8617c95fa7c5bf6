// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

/** Paths and measurements shared by the tests. */
final class TestSupport {
    static final LocalDate IN_FORCE = LocalDate.of(2025, 3, 1);

    private TestSupport() {
    }

    /** The repository root (set by the Maven build; else found from the working directory). */
    static Path root() {
        String p = System.getProperty("dgsubsidy.test.root");
        if (p != null) {
            return Paths.get(p).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("include/dgsubsidy"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root");
        }
        return dir;
    }

    /** The project's build directory (target/). */
    static Path target() {
        return root().resolve("bindings/java/target");
    }

    static int intProperty(String name, int fallback) {
        String v = System.getProperty(name);
        return v == null || v.isEmpty() ? fallback : Integer.parseInt(v);
    }

    /** A field of /proc/self/status in kB (VmRSS, VmHWM, …), or -1 where there is none. */
    static long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
