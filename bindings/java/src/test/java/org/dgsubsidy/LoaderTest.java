// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.dgsubsidy.internal.NativeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The native loader: where it looks, what it checks, and loading more than once. */
class LoaderTest {

    static Path classes() {
        String p = System.getProperty("dgsubsidy.test.classes");
        return p != null ? Paths.get(p) : TestSupport.target().resolve("classes");
    }

    static Path testClasses() {
        String p = System.getProperty("dgsubsidy.test.testClasses");
        return p != null ? Paths.get(p) : TestSupport.target().resolve("test-classes");
    }

    static Path library() {
        String p = System.getProperty("dgsubsidy.test.library");
        return p != null ? Paths.get(p)
                : classes().resolve("native/" + NativeLibrary.platform() + "/" + System.mapLibraryName("dgsubsidy_jni"));
    }

    /** Runs LoaderProbe in a child JVM; returns its output lines as key → value, with "exit". */
    static Map<String, String> probe(List<String> classpath, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classpath));
        cmd.add("org.dgsubsidy.LoaderProbe");
        Collections.addAll(cmd, args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe did not end");
        Map<String, String> m = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        m.put("exit", Integer.toString(p.exitValue()));
        m.put("output", out);
        return m;
    }

    static List<String> defaultClasspath() {
        return List.of(classes().toString(), testClasses().toString());
    }

    @Test
    void platformNames() {
        assertEquals("linux-x86_64", NativeLibrary.platform());
        assertEquals("linux-aarch64", NativeLibrary.platform("Linux", "aarch64"));
        assertEquals("osx-aarch64", NativeLibrary.platform("Mac OS X", "aarch64"));
        assertEquals("osx-x86_64", NativeLibrary.platform("Mac OS X", "x86_64"));
        assertEquals("windows-x86_64", NativeLibrary.platform("Windows 11", "amd64"));
        assertEquals("freebsd-x86_64", NativeLibrary.platform("FreeBSD", "amd64"));
    }

    /** Where the loader looks in the jar, for the os.name and os.arch each platform's JVM reports. */
    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        "Linux, amd64, /native/linux-x86_64/libdgsubsidy_jni.so",
        "Linux, aarch64, /native/linux-aarch64/libdgsubsidy_jni.so",
        "Linux, arm64, /native/linux-aarch64/libdgsubsidy_jni.so",
        "Windows 10, amd64, /native/windows-x86_64/dgsubsidy_jni.dll",
        "Windows 11, amd64, /native/windows-x86_64/dgsubsidy_jni.dll",
        "Windows Server 2022, amd64, /native/windows-x86_64/dgsubsidy_jni.dll",
        "Windows 11, x86_64, /native/windows-x86_64/dgsubsidy_jni.dll",
        "Mac OS X, aarch64, /native/osx-aarch64/libdgsubsidy_jni.dylib",
    })
    void theJarPathOfEachPlatformsLibrary(String osName, String osArch, String path) {
        assertEquals(path, NativeLibrary.resourcePath(osName, osArch));
    }

    /** The jar's file name is the one this JVM itself would look for (System.mapLibraryName). */
    @Test
    void theFileNameIsTheRunningJvmsOwn() {
        assertEquals(System.mapLibraryName(NativeLibrary.LIBRARY_NAME),
                NativeLibrary.fileName(System.getProperty("os.name")));
        assertEquals("dgsubsidy_jni.dll", NativeLibrary.fileName("Windows 10"));
        assertEquals("libdgsubsidy_jni.so", NativeLibrary.fileName("Linux"));
    }

    @Test
    void theNativeVersionIsTheJavaVersion() {
        NativeLibrary.load();
        NativeLibrary.load(); // twice: a no-op
        assertEquals("1.1.0", NativeLibrary.javaVersion());
        assertEquals(NativeLibrary.javaVersion(), DgsNative.dgs_version_string());
        assertTrue(NativeLibrary.versionsMatch("1.0.0", "1.0.0"));
        assertFalse(NativeLibrary.versionsMatch("1.0.0", "1.0.1"));
        assertFalse(NativeLibrary.versionsMatch("1.0.0", null));
        assertNotNull(NativeLibrary.source());
    }

    @Test
    void extractedByDefaultToTheConfiguredDirectoryAndDeletedAgain() {
        NativeLibrary.load();
        String source = NativeLibrary.source();
        assertTrue(source.contains("extracted to"), source);
        String dir = System.getProperty(NativeLibrary.EXTRACT_DIR_PROPERTY);
        if (dir != null) {
            assertTrue(source.contains(dir), source);
            try (Stream<Path> left = Files.list(Paths.get(dir))) {
                assertEquals(0, left.filter(f -> f.getFileName().toString().startsWith("libdgsubsidy_jni")).count(),
                        "the extracted copy is deleted once loaded");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void twoClassLoadersEachLoadTheirOwnCopy() throws Exception {
        URL url = classes().toUri().toURL();
        try (URLClassLoader a = new URLClassLoader(new URL[] {url}, null);
             URLClassLoader b = new URLClassLoader(new URL[] {url}, null)) {
            Object[] ra = LoaderProbe.evaluateIn(a);
            Object[] rb = LoaderProbe.evaluateIn(b);
            assertEquals(500L, ra[1]);
            assertEquals(500L, rb[1]);
            assertTrue(String.valueOf(ra[0]).contains("extracted"), String.valueOf(ra[0]));
            // and this class loader's copy still works
            try (Ruleset rs = Ruleset.builtin()) {
                assertEquals(500L, LoaderProbe.award(rs));
            }
        }
    }

    @Test
    void aClassLoaderThatIsCollectedUnloadsItsCopyAndANewOneLoadsAgain() throws Exception {
        URL url = classes().toUri().toURL();
        List<WeakReference<ClassLoader>> gone = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            URLClassLoader l = new URLClassLoader(new URL[] {url}, null);
            assertEquals(500L, LoaderProbe.evaluateIn(l)[1]);
            l.close();
            gone.add(new WeakReference<>(l));
        }
        for (int i = 0; i < 10 && gone.stream().anyMatch(w -> w.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        try (URLClassLoader again = new URLClassLoader(new URL[] {url}, null)) {
            assertEquals(500L, LoaderProbe.evaluateIn(again)[1]);
        }
    }

    @Test
    void libraryPathPropertyIsUsedAsIs() throws Exception {
        Map<String, String> r = probe(defaultClasspath(),
                List.of("-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + library()));
        assertEquals("0", r.get("exit"), r.get("output"));
        assertEquals(library().toAbsolutePath().toString(), r.get("source"));
        assertEquals("500", r.get("award"));

        Map<String, String> dir = probe(defaultClasspath(),
                List.of("-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + library().getParent()));
        assertEquals("0", dir.get("exit"), dir.get("output"));
        assertEquals(library().toAbsolutePath().toString(), dir.get("source"));
    }

    @Test
    void libraryPathHeldByAnotherClassLoaderIsCopied(@TempDir Path tmp) throws Exception {
        Map<String, String> r = probe(defaultClasspath(),
                List.of("-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + library(),
                        "-D" + NativeLibrary.EXTRACT_DIR_PROPERTY + "=" + tmp),
                "second-loader", classes().toString());
        assertEquals("0", r.get("exit"), r.get("output"));
        assertEquals("500", r.get("award2"));
        assertTrue(r.get("source2").contains("another class loader"), r.get("source2"));
    }

    @Test
    void aWrongLibraryPathFailsClearly() throws Exception {
        Map<String, String> r = probe(defaultClasspath(),
                List.of("-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=/nonexistent/libdgsubsidy_jni.so"));
        assertEquals("3", r.get("exit"), r.get("output"));
        assertTrue(r.get("error").startsWith("java.lang.UnsatisfiedLinkError"), r.get("error"));
        assertTrue(r.get("error").contains("/nonexistent/libdgsubsidy_jni.so"), r.get("error"));
    }

    @Test
    void extractionDirectoryIsConfigurable(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("deep/er");
        Map<String, String> r = probe(defaultClasspath(), List.of("-D" + NativeLibrary.EXTRACT_DIR_PROPERTY + "=" + dir));
        assertEquals("0", r.get("exit"), r.get("output"));
        assertTrue(r.get("source").contains(dir.toString()), r.get("source"));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the extracted copy is deleted once loaded");
        }
    }

    @Test
    void fallsBackToJavaLibraryPath(@TempDir Path tmp) throws Exception {
        Path notADirectory = Files.createFile(tmp.resolve("file"));
        Map<String, String> r = probe(defaultClasspath(),
                List.of("-D" + NativeLibrary.EXTRACT_DIR_PROPERTY + "=" + notADirectory,
                        "-Djava.library.path=" + library().getParent()));
        assertEquals("0", r.get("exit"), r.get("output"));
        assertEquals("java.library.path", r.get("source"));

        Map<String, String> none = probe(defaultClasspath(),
                List.of("-D" + NativeLibrary.EXTRACT_DIR_PROPERTY + "=" + notADirectory, "-Djava.library.path=" + tmp));
        assertEquals("3", none.get("exit"), none.get("output"));
        assertTrue(none.get("error").contains("-Ddgsubsidy.extract.dir"), none.get("error"));
        assertTrue(none.get("error").contains("System.loadLibrary"), none.get("error"));
    }

    @Test
    void aNoexecExtractionDirectoryIsReportedAndAnotherOneWorks(@TempDir Path tmp) throws Exception {
        Path noexec = Files.createDirectories(tmp.resolve("noexec"));
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "noexec,size=16m", "tmpfs", noexec.toString()) == 0;
        assumeTrue(mounted, "cannot mount a noexec tmpfs here (needs root)");
        try {
            Map<String, String> r = probe(defaultClasspath(), List.of("-D" + NativeLibrary.EXTRACT_DIR_PROPERTY + "=" + noexec,
                    "-Djava.library.path=" + tmp));
            assertEquals("3", r.get("exit"), r.get("output"));
            assertTrue(r.get("error").contains(noexec.toString()), r.get("error"));
            assertTrue(r.get("error").contains("noexec"), r.get("error"));
        } finally {
            run("umount", noexec.toString());
        }
    }

    @Test
    void aVersionMismatchFailsWithBothVersions(@TempDir Path tmp) throws Exception {
        Path fake = tmp.resolve("org/dgsubsidy/internal/version.properties");
        Files.createDirectories(fake.getParent());
        Files.write(fake, "version=0.9.9\n".getBytes(StandardCharsets.UTF_8));
        List<String> cp = List.of(tmp.toString(), classes().toString(), testClasses().toString());
        Map<String, String> r = probe(cp, List.of("-D" + NativeLibrary.EXTRACT_DIR_PROPERTY + "=" + tmp));
        assertEquals("3", r.get("exit"), r.get("output"));
        String error = r.get("error");
        assertTrue(error.startsWith("java.lang.UnsatisfiedLinkError"), error);
        assertTrue(error.contains("0.9.9") && error.contains(NativeLibrary.javaVersion()), error);
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
