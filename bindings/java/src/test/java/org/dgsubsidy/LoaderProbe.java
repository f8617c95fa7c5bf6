// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.time.LocalDate;

import org.dgsubsidy.internal.NativeLibrary;

/**
 * Run in a child JVM by LoaderTest, with the system properties under test: loads the library,
 * evaluates one case and prints what happened ("source=…", "award=…", or "error=…").
 * With the argument "second-loader DIR", also loads the classes in DIR through a second class
 * loader and evaluates there ("source2=…", "award2=…").
 */
public final class LoaderProbe {
    private LoaderProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Ruleset rs = Ruleset.builtin()) {
            System.out.println("source=" + NativeLibrary.source());
            System.out.println("award=" + award(rs));
        } catch (Throwable e) {
            System.out.println("error=" + e.getClass().getName() + ": " + e.getMessage());
            System.exit(3);
        }
        if (args.length == 2 && args[0].equals("second-loader")) {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {Paths.get(args[1]).toUri().toURL()},
                    null)) {
                Object[] r = evaluateIn(loader);
                System.out.println("source2=" + r[0]);
                System.out.println("award2=" + r[1]);
            } catch (Throwable e) {
                System.out.println("error=" + e.getClass().getName() + ": " + e.getMessage());
                System.exit(4);
            }
        }
    }

    static long award(Ruleset rs) {
        return rs.newCase("A1.04.a").date(LocalDate.of(2025, 3, 1)).moneyFen("contract_amount", 1001).evaluate().awardFen();
    }

    /** Ruleset.builtin() … evaluate() through reflection in another class loader: {source, award}. */
    static Object[] evaluateIn(ClassLoader loader) throws Exception {
        Class<?> rulesetClass = loader.loadClass("org.dgsubsidy.Ruleset");
        if (rulesetClass.getClassLoader() != loader) {
            throw new IllegalStateException("the classes did not come from the second loader");
        }
        Object rs = rulesetClass.getMethod("builtin").invoke(null);
        try {
            Object measure = rulesetClass.getMethod("measure", String.class).invoke(rs, "A1.04.a");
            Object c = measure.getClass().getMethod("newCase").invoke(measure);
            Class<?> caseClass = c.getClass();
            caseClass.getMethod("date", LocalDate.class).invoke(c, LocalDate.of(2025, 3, 1));
            caseClass.getMethod("moneyFen", String.class, long.class).invoke(c, "contract_amount", 1001L);
            Object result = caseClass.getMethod("evaluate").invoke(c);
            long award = (Long) result.getClass().getMethod("awardFen").invoke(result);
            Method source = loader.loadClass("org.dgsubsidy.internal.NativeLibrary").getMethod("source");
            return new Object[] {source.invoke(null), award};
        } finally {
            rulesetClass.getMethod("close").invoke(rs);
        }
    }
}
