package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.dgsubsidy.internal.NativeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, as a portal gets it: self-contained, loaded from the jar itself. */
class JarIT {
    static Path jar() {
        String p = System.getProperty("dgsubsidy.test.jar");
        assertNotNull(p, "dgsubsidy.test.jar is set by the Maven build");
        return Paths.get(p);
    }

    static String entry() {
        return "native/" + NativeLibrary.platform() + "/" + System.mapLibraryName("dgsubsidy_jni");
    }

    @Test
    void theLibraryIsLoadedFromTheJar() {
        try (Ruleset rs = Ruleset.builtin()) {
            String source = NativeLibrary.source();
            assertTrue(source.startsWith("jar:"), source);
            assertTrue(source.contains(jar().getFileName().toString()), source);
            assertEquals(500L, LoaderProbe.award(rs));
        }
    }

    @Test
    void theJarCarriesTheLibraryAndTheVersion() throws IOException {
        try (JarFile jf = new JarFile(jar().toFile())) {
            assertNotNull(jf.getEntry(entry()), "no " + entry() + " in " + jar());
            assertNotNull(jf.getEntry("module-info.class"));
            Properties p = new Properties();
            try (InputStream in = jf.getInputStream(jf.getEntry("org/dgsubsidy/internal/version.properties"))) {
                p.load(in);
            }
            assertEquals("1.1.0", p.getProperty("version"));
            assertTrue(jf.stream().noneMatch(e -> e.getName().endsWith(".java")));
        }
    }

    @Test
    void theModuleExportsOnlyThePublicApi() {
        List<ModuleReference> found = new ArrayList<>(ModuleFinder.of(jar()).findAll());
        assertEquals(1, found.size());
        ModuleDescriptor d = found.get(0).descriptor();
        assertEquals("org.dgsubsidy", d.name());
        Set<String> exports = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("org.dgsubsidy"), exports);
        assertTrue(d.packages().contains("org.dgsubsidy.internal"));
        assertTrue(d.opens().isEmpty());
    }

    @Test
    void theLibraryExportsOnlyJniSymbolsAndNeedsOnlyLibc(@TempDir Path tmp) throws Exception {
        Path so = tmp.resolve("lib.so");
        try (JarFile jf = new JarFile(jar().toFile()); InputStream in = jf.getInputStream(jf.getEntry(entry()))) {
            Files.copy(in, so, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> symbols = lines("nm", "-D", "--defined-only", so.toString());
        List<String> names = new ArrayList<>();
        for (String line : symbols) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) {
                names.add(f[2]);
            }
        }
        assertTrue(names.size() > 50, "exported: " + names);
        for (String n : names) {
            assertTrue(n.startsWith("Java_org_dgsubsidy_internal_") || n.startsWith("JNI_"), "exported: " + n);
        }
        List<String> needed = lines("readelf", "-d", so.toString()).stream().filter(l -> l.contains("(NEEDED)"))
                .collect(Collectors.toList());
        assertFalse(needed.isEmpty());
        for (String n : needed) {
            assertTrue(n.contains("libc.so") || n.contains("ld-linux"), "needs " + n);
        }
    }

    private static List<String> lines(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return List.of(out.split("\n"));
    }
}
