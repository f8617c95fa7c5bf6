package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.dgsubsidy.internal.NativeLibrary;
import org.junit.jupiter.api.Assumptions;
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
            assertEquals(NativeLibrary.javaVersion(), p.getProperty("version"));
            assertTrue(jf.stream().noneMatch(e -> e.getName().endsWith(".java")));
            // Java 17 is the floor: class files of version 61
            try (java.io.DataInputStream in = new java.io.DataInputStream(
                    jf.getInputStream(jf.getEntry("org/dgsubsidy/Ruleset.class")))) {
                assertEquals(0xCAFEBABE, in.readInt());
                in.readUnsignedShort();
                assertEquals(61, in.readUnsignedShort(), "class file version");
            }
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
            assertTrue(n.startsWith("Java_org_dgsubsidy_") || n.startsWith("JNI_"), "exported: " + n);
        }
        List<String> needed = lines("readelf", "-d", so.toString()).stream().filter(l -> l.contains("(NEEDED)"))
                .collect(Collectors.toList());
        assertFalse(needed.isEmpty());
        for (String n : needed) {
            assertTrue(n.contains("libc.so") || n.contains("ld-linux"), "needs " + n);
        }
    }

    @Test
    void theJarCarriesTheLicenceAndTheNotices() throws IOException {
        Path root = Paths.get(System.getProperty("dgsubsidy.test.root"));
        try (JarFile jf = new JarFile(jar().toFile())) {
            for (String name : List.of("LICENSE", "THIRD_PARTY_NOTICES")) {
                JarEntry e = jf.getJarEntry("META-INF/" + name);
                assertNotNull(e, "no META-INF/" + name);
                try (InputStream in = jf.getInputStream(e)) {
                    assertArrayEquals(Files.readAllBytes(root.resolve(name)), in.readAllBytes(), name);
                }
            }
            String notices = new String(jf.getInputStream(jf.getJarEntry("META-INF/THIRD_PARTY_NOTICES")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(notices.contains("jansson") && notices.contains("MIT"), "jansson's notice");
        }
    }

    @Test
    void theManifestDeclaresNativeAccessAndSealsThePackage() throws IOException {
        try (JarFile jf = new JarFile(jar().toFile())) {
            Manifest m = jf.getManifest();
            assertEquals("ALL-UNNAMED", m.getMainAttributes().getValue("Enable-Native-Access"));
            Attributes pkg = m.getAttributes("org/dgsubsidy/");
            assertNotNull(pkg, "no section for org/dgsubsidy/");
            assertEquals("true", pkg.getValue("Sealed"));
        }
    }

    @Test
    void sourcesAndJavadocJarsAreBuilt() throws IOException {
        try (JarFile src = new JarFile(System.getProperty("dgsubsidy.test.sourcesJar"))) {
            assertNotNull(src.getEntry("org/dgsubsidy/Ruleset.java"));
            assertNotNull(src.getEntry("module-info.java"));
            assertNotNull(src.getEntry("META-INF/LICENSE"));
            assertTrue(src.stream().noneMatch(e -> e.getName().startsWith("native/")), "no binaries in the sources jar");
        }
        try (JarFile doc = new JarFile(System.getProperty("dgsubsidy.test.javadocJar"))) {
            List<String> html = doc.stream().map(JarEntry::getName).filter(n -> n.endsWith(".html"))
                    .collect(Collectors.toList());
            assertTrue(html.stream().anyMatch(n -> n.endsWith("org/dgsubsidy/Ruleset.html")), html.toString());
            assertTrue(html.stream().anyMatch(n -> n.endsWith("org/dgsubsidy/Result.html")), html.toString());
            assertTrue(html.stream().noneMatch(n -> n.contains("/internal/") || n.contains("DgsNative")
                    || n.contains("SWIGTYPE")), "only org.dgsubsidy's public API: " + html);
        }
    }

    /**
     * On the class path, a class that claims the package org.dgsubsidy from another place (and so
     * could call the package-private native methods) is refused by the class loader.
     */
    @Test
    void noOtherJarCanAddAClassToTheSealedPackage(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src/org/dgsubsidy/Intruder.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package org.dgsubsidy;\n"
                + "public final class Intruder {\n"
                + "    public static void main(String[] args) {\n"
                + "        System.out.println(\"loaded\");\n"
                + "        DgsNative.dgs_version_string();\n"
                + "        DgsNativeJNI.dgs_ruleset_free(0x1234L);\n"
                + "        System.out.println(\"called\");\n"
                + "    }\n"
                + "}\n");
        Path classes = tmp.resolve("classes");
        assertEquals(0, javac("-d", classes.toString(), "-cp", jar().toString(), src.toString()),
                "the intruder compiles: it is in the same package");
        Process p = new ProcessBuilder(java(), "-cp", jar() + File.pathSeparator + classes, "org.dgsubsidy.Intruder")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertEquals(1, exit, "a Java exception, not a crash: " + out);
        assertTrue(out.contains("sealing violation"), out);
        assertFalse(out.contains("called"), out);
    }

    /** A JDK newer than 21 loads the library without native-access warnings when told it may. */
    @Test
    void aNewerJdkLoadsTheLibraryWithoutWarnings(@TempDir Path tmp) throws Exception {
        Path jdk = newerJdk();
        Assumptions.assumeTrue(jdk != null, "no JDK of version 22 or later on this machine");
        Path probe = tmp.resolve("src/probe/Probe.java");
        Files.createDirectories(probe.getParent());
        Files.writeString(probe, "package probe;\n"
                + "public final class Probe {\n"
                + "    public static void main(String[] args) {\n"
                + "        try (org.dgsubsidy.Ruleset rs = org.dgsubsidy.Ruleset.builtin()) {\n"
                + "            System.out.println(rs.newCase(\"A1.04.a\").date(java.time.LocalDate.of(2025, 3, 1))\n"
                + "                    .moneyFen(\"contract_amount\", 1001).evaluate().award());\n"
                + "        }\n"
                + "    }\n"
                + "}\n");
        Path classes = tmp.resolve("classes");
        assertEquals(0, javac("-d", classes.toString(), "-cp", jar().toString(), probe.toString()));
        String javaBin = jdk.resolve("bin/java").toString();
        String extract = "-Ddgsubsidy.extract.dir=" + tmp.resolve("extract");
        // the class path, as most portals run
        String cp = jar() + File.pathSeparator + classes;
        Run plain = run(javaBin, extract, "-cp", cp, "probe.Probe");
        assertEquals("5.00", plain.out.trim(), plain.err);
        Run allowed = run(javaBin, extract, "--enable-native-access=ALL-UNNAMED", "-cp", cp, "probe.Probe");
        assertEquals("5.00", allowed.out.trim(), allowed.err);
        assertEquals("", allowed.err, "warnings with --enable-native-access=ALL-UNNAMED");
        // the module path
        Run module = run(javaBin, extract, "--enable-native-access=org.dgsubsidy", "-p", jar().toString(),
                "--add-modules", "org.dgsubsidy", "-cp", classes.toString(), "probe.Probe");
        assertEquals("5.00", module.out.trim(), module.err);
        assertEquals("", module.err, "warnings with --enable-native-access=org.dgsubsidy");
        // the manifest attribute: honoured when the jar is the application (java -jar)
        Path app = tmp.resolve("app.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "probe.Probe");
        mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, jar().toUri().toString());
        mf.getMainAttributes().putValue("Enable-Native-Access", "ALL-UNNAMED");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app), mf)) {
            out.putNextEntry(new JarEntry("probe/Probe.class"));
            out.write(Files.readAllBytes(classes.resolve("probe/Probe.class")));
            out.closeEntry();
        }
        Run jarApp = run(javaBin, extract, "-jar", app.toString());
        assertEquals("5.00", jarApp.out.trim(), jarApp.err);
        assertEquals("", jarApp.err, "warnings under java -jar with Enable-Native-Access");
        Files.writeString(Paths.get(System.getProperty("dgsubsidy.test.jar")).resolveSibling("native-access.txt"), "JDK " + jdk + "\n"
                + "class path, no flag: " + (plain.err.isEmpty() ? "no warning" : plain.err) + "\n"
                + "class path, --enable-native-access=ALL-UNNAMED: no warning\n"
                + "module path, --enable-native-access=org.dgsubsidy: no warning\n"
                + "java -jar with Enable-Native-Access: ALL-UNNAMED: no warning\n");
    }

    private static final class Run {
        final String out;
        final String err;

        Run(String out, String err) {
            this.out = out;
            this.err = err;
        }
    }

    private static Run run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        byte[] err = p.getErrorStream().readAllBytes();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        return new Run(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Runs the JDK's javac (the tests run as a module that does not read java.compiler). */
    private static int javac(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "javac").toString(),
                "--release", "17"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return p.waitFor();
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A JDK of version 22 or later: -Ddgsubsidy.test.newJdk, else the newest under /usr/lib/jvm or /opt. */
    static Path newerJdk() throws IOException {
        String given = System.getProperty("dgsubsidy.test.newJdk");
        if (given != null && !given.isEmpty()) {
            return Paths.get(given);
        }
        Path best = null;
        int bestVersion = 21;
        for (String dir : List.of("/usr/lib/jvm", "/opt")) {
            Path d = Paths.get(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (java.util.stream.Stream<Path> s = Files.list(d)) {
                for (Path jdk : (Iterable<Path>) s::iterator) {
                    Path release = jdk.resolve("release");
                    if (!Files.isRegularFile(release) || !Files.isExecutable(jdk.resolve("bin/java"))) {
                        continue;
                    }
                    for (String line : Files.readAllLines(release)) {
                        if (line.startsWith("JAVA_VERSION=")) {
                            String v = line.substring(13).replace("\"", "");
                            int major = Integer.parseInt(v.split("[.+-]")[0]);
                            if (major > bestVersion) {
                                bestVersion = major;
                                best = jdk;
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    private static List<String> lines(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return List.of(out.split("\n"));
    }
}
