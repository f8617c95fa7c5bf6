// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Finds and loads the JNI library, once per class loader.
 *
 * <ol>
 *   <li>If the system property {@value #LIBRARY_PATH_PROPERTY} is set, the library at that path
 *       (a file, or a directory holding {@code libdgsubsidy_jni.so}, {@code dgsubsidy_jni.dll} on
 *       Windows); nothing else is tried.</li>
 *   <li>Else the copy inside the jar, {@link #resourcePath(String, String)}: e.g.
 *       {@code /native/linux-x86_64/libdgsubsidy_jni.so}, {@code /native/linux-aarch64/libdgsubsidy_jni.so},
 *       {@code /native/windows-x86_64/dgsubsidy_jni.dll}, extracted to the directory named by
 *       {@value #EXTRACT_DIR_PROPERTY} (default: {@code java.io.tmpdir}; choose another where /tmp
 *       is mounted noexec) under a unique name, loaded, and deleted again (the mapping stays
 *       valid; Windows refuses to delete a loaded DLL, so there the copy is left behind).</li>
 *   <li>Else {@code System.loadLibrary("dgsubsidy_jni")} from {@code java.library.path}.</li>
 * </ol>
 *
 * <p>Then the native library's version ({@code dgs_version_string}) must equal the Java
 * binding's, or loading fails with an {@link UnsatisfiedLinkError} that says both.
 *
 * <p>Loading twice is a no-op.  A second class loader (an application server redeploying a
 * web application, say) loads its own copy: the JVM refuses to bind one file to two class
 * loaders, so a file already bound elsewhere is copied to a unique name first.
 */
public final class NativeLibrary {
    /** System property: the path of the JNI library (or of its directory) to load. */
    public static final String LIBRARY_PATH_PROPERTY = "dgsubsidy.library.path";
    /** System property: the directory the library is extracted to from the jar. */
    public static final String EXTRACT_DIR_PROPERTY = "dgsubsidy.extract.dir";
    /** The library's name for {@link System#loadLibrary(String)}. */
    public static final String LIBRARY_NAME = "dgsubsidy_jni";

    private static final Object LOCK = new Object();
    private static volatile boolean ready;
    private static UnsatisfiedLinkError failure;
    private static String source;

    private NativeLibrary() {
    }

    /**
     * Loads the library if this class loader has not yet, and checks its version.
     *
     * @throws UnsatisfiedLinkError if it cannot be found or loaded, or its version differs;
     *         the same error again on every later call
     */
    public static void load() {
        if (ready) {
            return;
        }
        synchronized (LOCK) {
            if (ready) {
                return;
            }
            if (failure != null) {
                UnsatisfiedLinkError again = new UnsatisfiedLinkError(failure.getMessage());
                again.initCause(failure);
                throw again;
            }
            try {
                source = link();
                checkVersion();
                ready = true;
            } catch (UnsatisfiedLinkError e) {
                failure = e;
                throw e;
            } catch (RuntimeException e) {
                UnsatisfiedLinkError error = new UnsatisfiedLinkError("libdgsubsidy: loading failed: " + e);
                error.initCause(e);
                failure = error;
                throw error;
            }
        }
    }

    /** Where the library was loaded from (a path, or "java.library.path"), or null before loading. */
    public static String source() {
        synchronized (LOCK) {
            return source;
        }
    }

    /** The Java binding's version, from the jar (e.g. "1.0.0"). */
    public static String javaVersion() {
        Properties p = new Properties();
        try (InputStream in = NativeLibrary.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/dgsubsidy/internal/version.properties is missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "");
    }

    /**
     * The name of the running platform as the jar's native directories spell it:
     * {@code linux-x86_64}, {@code linux-aarch64}, {@code osx-aarch64}, …
     */
    public static String platform() {
        return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The platform name for an {@code os.name} and an {@code os.arch}.
     *
     * @param osName e.g. "Linux", "Mac OS X"
     * @param osArch e.g. "amd64", "aarch64"
     * @return e.g. "linux-x86_64"
     */
    public static String platform(String osName, String osArch) {
        return os(osName) + "-" + arch(osArch);
    }

    /**
     * The file name of the JNI library on an operating system, as {@link System#mapLibraryName}
     * gives it there: {@code dgsubsidy_jni.dll} on Windows, {@code libdgsubsidy_jni.dylib} on
     * macOS, {@code libdgsubsidy_jni.so} elsewhere.
     *
     * @param osName e.g. "Linux", "Windows 11"
     * @return the file name
     */
    public static String fileName(String osName) {
        switch (os(osName)) {
            case "windows":
                return LIBRARY_NAME + ".dll";
            case "osx":
                return "lib" + LIBRARY_NAME + ".dylib";
            default:
                return "lib" + LIBRARY_NAME + ".so";
        }
    }

    /**
     * Where the jar holds the JNI library for an {@code os.name} and an {@code os.arch}.
     *
     * @param osName e.g. "Linux", "Windows 11"
     * @param osArch e.g. "amd64", "aarch64"
     * @return e.g. "/native/linux-aarch64/libdgsubsidy_jni.so",
     *         "/native/windows-x86_64/dgsubsidy_jni.dll"
     */
    public static String resourcePath(String osName, String osArch) {
        return "/native/" + platform(osName, osArch) + "/" + fileName(osName);
    }

    private static String os(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "osx";
        } else if (os.startsWith("windows")) {
            return "windows";
        }
        return os.replaceAll("[^a-z0-9]+", "");
    }

    private static String arch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64":
            case "x86_64":
            case "x86-64":
                arch = "x86_64";
                break;
            case "aarch64":
            case "arm64":
                arch = "aarch64";
                break;
            default:
                arch = arch.replaceAll("[^a-z0-9_]+", "");
        }
        return arch;
    }

    /**
     * Whether a native library of version {@code nativeVersion} serves a Java binding of
     * {@code javaVersion}: they are built together, so they must be equal.
     */
    public static boolean versionsMatch(String javaVersion, String nativeVersion) {
        return javaVersion != null && javaVersion.equals(nativeVersion);
    }

    /** dgs_version_string(), from the JNI library (a function of the wrapper, not of SWIG). */
    private static native byte[] nativeVersion();

    private static void checkVersion() {
        String javaVersion = javaVersion();
        String nativeVersion = Utf8.decode(nativeVersion());
        if (!versionsMatch(javaVersion, nativeVersion)) {
            throw new UnsatisfiedLinkError("libdgsubsidy: the native library " + source + " is version "
                    + nativeVersion + " but the Java binding is version " + javaVersion
                    + "; use the library built with this jar");
        }
    }

    private static String link() {
        String fileName = System.mapLibraryName(LIBRARY_NAME);
        String explicit = System.getProperty(LIBRARY_PATH_PROPERTY);
        if (explicit != null && !explicit.isEmpty()) {
            Path path = Paths.get(explicit);
            if (Files.isDirectory(path)) {
                path = path.resolve(fileName);
            }
            if (!Files.isRegularFile(path)) {
                throw new UnsatisfiedLinkError("libdgsubsidy: -D" + LIBRARY_PATH_PROPERTY + "=" + explicit
                        + " names no file " + fileName);
            }
            return loadFile(path.toAbsolutePath());
        }

        List<String> tried = new ArrayList<>();
        String resource = resourcePath(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        URL url = NativeLibrary.class.getResource(resource);
        if (url == null) {
            tried.add("the jar has no " + resource);
        } else {
            try {
                return extractAndLoad(url);
            } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
                tried.add("extracting " + resource + " to " + extractDir() + ": " + e.getMessage());
            }
        }
        try {
            System.loadLibrary(LIBRARY_NAME);
            return "java.library.path";
        } catch (UnsatisfiedLinkError e) {
            tried.add("System.loadLibrary(\"" + LIBRARY_NAME + "\"): " + e.getMessage());
        }
        throw new UnsatisfiedLinkError("libdgsubsidy: cannot load the native library for " + platform() + ": "
                + String.join("; ", tried) + ". Set -D" + EXTRACT_DIR_PROPERTY
                + " to a writable directory that allows executable mappings (not a noexec mount), or -D"
                + LIBRARY_PATH_PROPERTY + " to the library.");
    }

    private static Path extractDir() {
        String dir = System.getProperty(EXTRACT_DIR_PROPERTY);
        if (dir == null || dir.isEmpty()) {
            dir = System.getProperty("java.io.tmpdir");
        }
        return Paths.get(dir).toAbsolutePath();
    }

    /** Copies the library to a unique file, loads it and deletes the file (the mapping stays). */
    private static String extractAndLoad(URL url) throws IOException {
        Path dir = extractDir();
        Files.createDirectories(dir);
        String name = url.getPath();
        String suffix = name.endsWith(".dll") ? ".dll" : name.endsWith(".dylib") ? ".dylib" : ".so";
        Path file = Files.createTempFile(dir, "libdgsubsidy_jni-" + javaVersion() + "-", suffix);
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            System.load(file.toString());
            return url + " (extracted to " + file + ")";
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** Loads a file; if another class loader holds it, loads a private copy instead. */
    private static String loadFile(Path path) {
        try {
            System.load(path.toString());
            return path.toString();
        } catch (UnsatisfiedLinkError e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("another classloader")) {
                throw e;
            }
        }
        try {
            return extractAndLoad(path.toUri().toURL()) + " (a copy: another class loader holds " + path + ")";
        } catch (IOException e) {
            throw new UnsatisfiedLinkError("libdgsubsidy: " + path + " is loaded by another class loader and "
                    + "cannot be copied to " + extractDir() + ": " + e.getMessage());
        }
    }
}
