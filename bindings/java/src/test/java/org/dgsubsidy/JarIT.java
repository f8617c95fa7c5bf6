// SPDX-License-Identifier: MulanPSL-2.0
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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

    /** The platforms the jar must carry: -Ddgs.natives of the build ("all", "host" or a list). */
    static Set<String> expectedPlatforms() {
        String host = System.getProperty("dgsubsidy.test.platform", NativeLibrary.platform());
        String natives = System.getProperty("dgsubsidy.test.natives", "all");
        Set<String> platforms = new TreeSet<>();
        platforms.add(host);
        if (natives.equals("all")) {
            platforms.addAll(List.of("linux-x86_64", "linux-aarch64", "windows-x86_64"));
        } else if (!natives.equals("host") && !natives.isEmpty()) {
            platforms.addAll(Arrays.asList(natives.split("[,\\s]+")));
        }
        return platforms;
    }

    /** The os.name and os.arch a JVM of each platform reports, and the ELF/PE machine it runs. */
    private static final Map<String, String[]> PLATFORMS = Map.of(
            "linux-x86_64", new String[] {"Linux", "amd64"},
            "linux-aarch64", new String[] {"Linux", "aarch64"},
            "windows-x86_64", new String[] {"Windows 11", "amd64"});

    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;
    private static final int IMAGE_FILE_MACHINE_AMD64 = 0x8664;

    @Test
    void theJarCarriesTheLibraryOfEachPlatformWhereTheLoaderLooks() throws IOException {
        Set<String> inJar = new TreeSet<>();
        try (JarFile jf = new JarFile(jar().toFile())) {
            jf.stream().map(JarEntry::getName).filter(n -> n.startsWith("native/") && !n.endsWith("/"))
                    .forEach(n -> inJar.add(n));
        }
        Set<String> expected = new TreeSet<>();
        for (String platform : expectedPlatforms()) {
            String[] os = PLATFORMS.get(platform);
            assertNotNull(os, "a platform this test does not know: " + platform);
            assertEquals(platform, NativeLibrary.platform(os[0], os[1]));
            expected.add(NativeLibrary.resourcePath(os[0], os[1]).substring(1));
        }
        assertEquals(expected, inJar, "the native libraries in the jar");
    }

    /**
     * Each packaged library is a shared library for its platform's machine (ELF x86-64, ELF
     * AArch64, a PE32+ x86-64 DLL), exports exactly the JNI functions of the jar's native methods
     * (and JNI_OnLoad) -- none of libdgsubsidy's or jansson's, none missing -- and needs nothing
     * but the system's C library.
     */
    @Test
    void eachLibraryIsForItsMachineAndExportsExactlyTheJniFunctions(@TempDir Path tmp) throws Exception {
        Set<String> jni = jniFunctions();
        assertTrue(jni.size() > 50, "native methods: " + jni);
        assertTrue(jni.contains("Java_org_dgsubsidy_internal_NativeLibrary_nativeVersion"), jni.toString());
        Set<String> expectedExports = new TreeSet<>(jni);
        expectedExports.add("JNI_OnLoad");
        for (String platform : expectedPlatforms()) {
            String[] os = PLATFORMS.get(platform);
            String entry = NativeLibrary.resourcePath(os[0], os[1]).substring(1);
            Path lib = tmp.resolve(platform + "-" + entry.substring(entry.lastIndexOf('/') + 1));
            try (JarFile jf = new JarFile(jar().toFile())) {
                JarEntry e = jf.getJarEntry(entry);
                assertNotNull(e, "no " + entry + " in " + jar());
                try (InputStream in = jf.getInputStream(e)) {
                    Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            byte[] b = Files.readAllBytes(lib);
            ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            if (platform.startsWith("windows-")) {
                assertEquals('M', b[0], platform + ": not a PE file");
                assertEquals('Z', b[1], platform + ": not a PE file");
                int pe = bb.getInt(0x3c);
                assertEquals(0x00004550, bb.getInt(pe), platform + ": no PE signature");
                assertEquals(IMAGE_FILE_MACHINE_AMD64, bb.getShort(pe + 4) & 0xffff, platform + ": machine");
                assertTrue((bb.getShort(pe + 22) & 0x2000) != 0, platform + ": not a DLL");
                assertEquals(0x20b, bb.getShort(pe + 24) & 0xffff, platform + ": not PE32+");
                List<String> p = lines("objdump", "-p", lib.toString());
                assertEquals(expectedExports, peExports(p), platform + ": the DLL's exports");
                Set<String> imports = p.stream().filter(l -> l.contains("DLL Name:"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(Set.of("kernel32.dll", "msvcrt.dll"), imports,
                        platform + ": needs only what every Windows has (no libgcc or winpthread DLL)");
            } else {
                assertEquals(0x7f, b[0]);
                assertEquals("ELF", new String(b, 1, 3, StandardCharsets.US_ASCII), platform + ": not an ELF file");
                assertEquals(2, b[4], platform + ": not 64-bit");
                assertEquals(1, b[5], platform + ": not little-endian");
                assertEquals(3, bb.getShort(16), platform + ": not a shared object");
                int machine = platform.endsWith("-aarch64") ? EM_AARCH64 : EM_X86_64;
                assertEquals(machine, bb.getShort(18) & 0xffff, platform + ": machine");
                assertEquals(expectedExports, elfExports(lines("readelf", "--dyn-syms", "-W", lib.toString())),
                        platform + ": the library's exports");
                List<String> needed = lines("readelf", "-d", lib.toString()).stream()
                        .filter(l -> l.contains("(NEEDED)")).collect(Collectors.toList());
                assertFalse(needed.isEmpty());
                for (String n : needed) {
                    assertTrue(n.contains("[libc.so.6]") || n.contains("[ld-linux"), platform + " needs " + n);
                }
            }
        }
    }

    /**
     * With the os.arch or os.name of another platform, the loader takes that platform's library out
     * of the jar -- and this machine's JVM refuses it for the machine it was built for.
     */
    @Test
    void theLoaderTakesEachPlatformsLibraryFromTheJar(@TempDir Path tmp) throws Exception {
        Path probe = tmp.resolve("src/probe/LoadOnly.java");
        Files.createDirectories(probe.getParent());
        Files.writeString(probe, "package probe;\n"
                + "public final class LoadOnly {\n"
                + "    public static void main(String[] args) {\n"
                + "        try {\n"
                + "            org.dgsubsidy.internal.NativeLibrary.load();\n"
                + "            System.out.println(\"source=\" + org.dgsubsidy.internal.NativeLibrary.source());\n"
                + "        } catch (UnsatisfiedLinkError e) {\n"
                + "            System.out.println(\"error=\" + e.getMessage());\n"
                + "        }\n"
                + "    }\n"
                + "}\n");
        Path classes = tmp.resolve("classes");
        assertEquals(0, javac("-d", classes.toString(), "-cp", jar().toString(), probe.toString()));
        String cp = jar() + File.pathSeparator + classes;
        String extract = "-D" + NativeLibrary.EXTRACT_DIR_PROPERTY + "=" + tmp.resolve("extract");
        String none = "-Djava.library.path=" + tmp;
        Set<String> platforms = expectedPlatforms();
        if (platforms.contains("linux-aarch64")) {
            Run r = run(java(), extract, none, "-Dos.arch=aarch64", "-cp", cp, "probe.LoadOnly");
            assertTrue(r.out.contains("extracting /native/linux-aarch64/libdgsubsidy_jni.so"), r.out + r.err);
            assertTrue(r.out.contains("AARCH64"), "the JVM names the library's machine: " + r.out + r.err);
        }
        if (platforms.contains("windows-x86_64")) {
            Run r = run(java(), extract, none, "-Dos.name=Windows 11", "-Dos.arch=amd64", "-cp", cp, "probe.LoadOnly");
            assertTrue(r.out.contains("extracting /native/windows-x86_64/dgsubsidy_jni.dll"), r.out + r.err);
            assertTrue(r.out.contains("invalid ELF header"), "a DLL is not ELF: " + r.out + r.err);
        }
        Run host = run(java(), extract, none, "-cp", cp, "probe.LoadOnly");
        assertTrue(host.out.startsWith("source=jar:"), host.out + host.err);
        assertTrue(host.out.contains("/native/" + NativeLibrary.platform() + "/"), host.out);
    }

    /** The JNI name of every native method of the jar's classes (JNI specification, "Resolving Native Method Names"). */
    static Set<String> jniFunctions() throws IOException, ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        ClassLoader loader = JarIT.class.getClassLoader();
        List<String> classes;
        try (JarFile jf = new JarFile(jar().toFile())) {
            classes = jf.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.equals("module-info.class"))
                    .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).collect(Collectors.toList());
        }
        for (String name : classes) {
            Class<?> c = Class.forName(name, false, loader);
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isNative(m.getModifiers())) {
                    names.add("Java_" + jniMangle(name.replace('.', '/')) + "_" + jniMangle(m.getName()));
                }
            }
        }
        return names;
    }

    static String jniMangle(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '/') {
                b.append('_');
            } else if (ch == '_') {
                b.append("_1");
            } else if (ch == ';') {
                b.append("_2");
            } else if (ch == '[') {
                b.append("_3");
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
                b.append(ch);
            } else {
                b.append(String.format("_0%04x", (int) ch));
            }
        }
        return b.toString();
    }

    /** The defined global symbols of `readelf --dyn-syms -W`. */
    static Set<String> elfExports(List<String> readelf) {
        Set<String> names = new TreeSet<>();
        for (String line : readelf) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 8 && f[0].endsWith(":") && (f[4].equals("GLOBAL") || f[4].equals("WEAK"))
                    && !f[6].equals("UND")) {
                names.add(f[7].replaceAll("@.*", ""));
            }
        }
        return names;
    }

    /** The names of the export table of `objdump -p`. */
    static Set<String> peExports(List<String> objdump) {
        Set<String> names = new TreeSet<>();
        boolean inTable = false;
        for (String line : objdump) {
            if (line.startsWith("[Ordinal/Name Pointer] Table")) {
                inTable = true;
            } else if (inTable && line.trim().isEmpty()) {
                inTable = false;
            } else if (inTable) {
                names.add(line.replaceFirst("^\\s*\\[\\s*\\d+\\]\\s*", "").trim());
            }
        }
        assertFalse(names.isEmpty(), "no export table in: " + objdump);
        return names;
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
