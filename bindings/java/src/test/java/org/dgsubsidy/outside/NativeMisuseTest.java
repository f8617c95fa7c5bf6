// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.dgsubsidy.Outcome;
import org.dgsubsidy.Result;
import org.dgsubsidy.Ruleset;
import org.junit.jupiter.api.Test;

/**
 * Code outside the binding's package — an application on the class path — tries to reach the
 * native calls with made-up, NULL and freed pointers.  None of it may crash the JVM: the
 * classes that take pointers are not reachable, and what is public takes no pointer.
 */
class NativeMisuseTest {
    private static final String[] POINTER_CLASSES = {
        "org.dgsubsidy.DgsNative", "org.dgsubsidy.DgsNativeJNI", "org.dgsubsidy.SWIGTYPE_p_dgs_ruleset",
        "org.dgsubsidy.SWIGTYPE_p_dgs_result", "org.dgsubsidy.SWIGTYPE_p_dgs_case",
        "org.dgsubsidy.SWIGTYPE_p_dgs_measure", "org.dgsubsidy.SWIGTYPE_p_dgs_stack",
    };

    @Test
    void theGeneratedClassesAreNotPublic() throws Exception {
        for (String name : POINTER_CLASSES) {
            Class<?> c = Class.forName(name);
            assertFalse(Modifier.isPublic(c.getModifiers()), name + " is public");
            assertTrue(Modifier.isFinal(c.getModifiers()), name + " can be subclassed");
        }
    }

    @Test
    void callingThemWithMadeUpFreedOrNullPointersIsRefusedByTheJvm() throws Exception {
        Class<?> jni = Class.forName("org.dgsubsidy.DgsNativeJNI");
        // a made-up address, the classic crash: dgs_ruleset_free(0x1234)
        Method free = jni.getMethod("dgs_ruleset_free", long.class);
        assertThrows(IllegalAccessException.class, () -> free.invoke(null, 0x1234L));
        Method id = jni.getMethod("dgs_result_measure_id", long.class);
        assertThrows(IllegalAccessException.class, () -> id.invoke(null, 8L));
        // NULL and double free through the proxy class
        Class<?> proxy = Class.forName("org.dgsubsidy.DgsNative");
        Class<?> handle = Class.forName("org.dgsubsidy.SWIGTYPE_p_dgs_ruleset");
        Method builtin = proxy.getMethod("dgs_ruleset_builtin");
        assertThrows(IllegalAccessException.class, () -> builtin.invoke(null));
        Method pfree = proxy.getMethod("dgs_ruleset_free", handle);
        assertThrows(IllegalAccessException.class, () -> pfree.invoke(null, (Object) null));
        // a forged handle
        Constructor<?> forge = handle.getDeclaredConstructor(long.class, boolean.class);
        assertThrows(IllegalAccessException.class, () -> forge.newInstance(0x1234L, true));
        // every native method of the JNI class, with zeros: all refused before any native code runs
        int refused = 0;
        for (Method m : jni.getDeclaredMethods()) {
            if (Modifier.isNative(m.getModifiers())) {
                Object[] args = zeros(m.getParameterTypes());
                assertThrows(IllegalAccessException.class, () -> m.invoke(null, args), m.getName());
                refused++;
            }
        }
        assertTrue(refused > 100, "native methods: " + refused);
        stillAlive();
    }

    @Test
    void thePublicClassesOfTheInternalPackageTakeNoPointer() throws Exception {
        Path dir = Paths.get(Ruleset.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/dgsubsidy/internal");
        Set<String> publicClasses = new TreeSet<>();
        if (Files.isDirectory(dir)) { // the classes directory (the jar is checked by JarIT)
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(".class") && !n.contains("$")) {
                        Class<?> c = Class.forName("org.dgsubsidy.internal." + n.substring(0, n.length() - 6));
                        if (Modifier.isPublic(c.getModifiers())) {
                            publicClasses.add(c.getSimpleName());
                        }
                    }
                }
            }
            assertEquals(Set.of("NativeErrors", "NativeLibrary", "Utf8"), publicClasses);
        }
        // Each public method, called with nulls, zeros and garbage: Java exceptions at most.
        for (String n : List.of("NativeErrors", "NativeLibrary", "Utf8")) {
            Class<?> c = Class.forName("org.dgsubsidy.internal." + n);
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() != c || !Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                for (Class<?> p : m.getParameterTypes()) {
                    assertFalse(p == long.class && !m.getName().equals("create"), m + " takes a long");
                }
                for (Object[] args : List.of(nulls(m.getParameterTypes()), zeros(m.getParameterTypes()),
                        garbage(m.getParameterTypes()))) {
                    try {
                        m.invoke(null, args);
                    } catch (InvocationTargetException e) {
                        assertTrue(e.getCause() instanceof RuntimeException, m + ": " + e.getCause());
                    }
                }
            }
        }
        stillAlive();
    }

    private static void stillAlive() {
        try (Ruleset rs = Ruleset.builtin()) {
            Result r = rs.newCase("A1.04.a").date(LocalDate.of(2025, 3, 1)).money("contract_amount", BigDecimal.TEN).evaluate();
            assertEquals(Outcome.GRANTED, r.outcome());
            assertEquals(new BigDecimal("5.00"), r.award());
        }
    }

    private static Object[] nulls(Class<?>[] types) {
        Object[] a = zeros(types);
        for (int i = 0; i < types.length; i++) {
            if (!types[i].isPrimitive()) {
                a[i] = null;
            }
        }
        return a;
    }

    private static Object[] zeros(Class<?>[] types) {
        List<Object> a = new ArrayList<>();
        for (Class<?> t : types) {
            a.add(t == long.class ? (Object) 0L : t == int.class ? (Object) 0 : t == boolean.class ? (Object) false
                    : t == double.class ? (Object) 0.0 : t == byte[].class ? new byte[0] : t == String.class ? "" : null);
        }
        return a.toArray();
    }

    private static Object[] garbage(Class<?>[] types) {
        List<Object> a = new ArrayList<>();
        for (Class<?> t : types) {
            a.add(t == long.class ? (Object) Long.MIN_VALUE : t == int.class ? (Object) Integer.MIN_VALUE
                    : t == boolean.class ? (Object) true : t == byte[].class ? new byte[] {(byte) 0xff, (byte) 0xc0}
                    : t == String.class ? "\0\uD800" : null);
        }
        return a.toArray();
    }
}
