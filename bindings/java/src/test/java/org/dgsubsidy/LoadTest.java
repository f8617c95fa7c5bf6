// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * A portal under load: many threads evaluate on one shared ruleset and must get exactly the
 * single-threaded answers, with no growth of the process's resident memory once warm.
 *
 * <p>Size: {@code dgsubsidy.test.load.threads} × {@code dgsubsidy.test.load.iterations}
 * (16 × 100,000 in the Maven build).  The Java heap is fixed and pre-touched (see the pom's
 * argLine), so the resident set measures native memory, metaspace and code.
 */
class LoadTest {
    /** One case: a measure, a date and inputs as text, with its single-threaded answer. */
    static final class Spec {
        final String measure;
        final LocalDate date;
        final List<String[]> inputs;
        Outcome outcome;
        java.math.BigDecimal award;
        String binding;
        String json;

        Spec(String measure, LocalDate date, List<String[]> inputs) {
            this.measure = measure;
            this.date = date;
            this.inputs = inputs;
        }

        Case build(Ruleset rs) {
            Case c = rs.newCase(measure).date(date);
            for (String[] in : inputs) {
                c.text(in[0], in[1]);
            }
            return c;
        }
    }

    /** The golden vectors that need no change of parameters, and random cases of every formula. */
    static List<Spec> specs(Ruleset rs) throws IOException {
        List<Spec> specs = new ArrayList<>();
        for (JsonObject v : VectorsTest.vectors()) {
            if (v.has("parameters")) {
                continue;
            }
            List<String[]> ins = new ArrayList<>();
            for (Map.Entry<String, JsonElement> e : v.getAsJsonObject("inputs").entrySet()) {
                ins.add(new String[] {e.getKey(), e.getValue().getAsString()});
            }
            specs.add(new Spec(v.get("measure").getAsString(), LocalDate.parse(v.get("date").getAsString()), ins));
        }
        SplittableRandom rnd = new SplittableRandom(20240116);
        for (Measure m : BatchEqualsScalarTest.formulas(rs)) {
            for (int k = 0; k < 5; k++) {
                List<String[]> ins = new ArrayList<>();
                for (Measure.Input in : m.inputs()) {
                    if (BatchEqualsScalarTest.leftOut(m, in)) {
                        continue;
                    }
                    if (in.type() == ValueType.MONEY_LIST) {
                        ins.add(new String[] {in.name(), rnd.nextLong(0, 100_000) + "," + rnd.nextLong(0, 100_000)});
                        continue;
                    }
                    long v = BatchEqualsScalarTest.value(in, rnd);
                    if (in.type() == ValueType.MONEY) {
                        v = Math.min(v, 1_000_000_000_000L); // no overflow here: every case is valid
                    }
                    String text;
                    switch (in.type()) {
                        case FLAG:
                            text = v == 1 ? "true" : "false";
                            break;
                        case CHOICE:
                            text = in.choices().get((int) v);
                            break;
                        case MONEY:
                        case AREA:
                            text = java.math.BigDecimal.valueOf(v, 2).toPlainString();
                            break;
                        default:
                            text = Long.toString(v);
                    }
                    ins.add(new String[] {in.name(), text});
                }
                specs.add(new Spec(m.id(), TestSupport.IN_FORCE, ins));
            }
        }
        for (Spec s : specs) {
            Result r = s.build(rs).evaluate();
            s.outcome = r.outcome();
            s.award = r.award();
            s.binding = r.binding();
            s.json = r.toJson();
        }
        return specs;
    }

    /** Runs threads × iterations evaluations; returns the number that differed from the answers. */
    static long load(Ruleset rs, List<Spec> specs, int threads, int iterations) throws InterruptedException {
        AtomicLong wrong = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int offset = t * 7;
            Thread th = new Thread(() -> {
                try {
                    List<Case> cases = new ArrayList<>();
                    for (Spec s : specs) {
                        cases.add(s.build(rs));
                    }
                    start.await();
                    for (int i = 0; i < iterations; i++) {
                        int k = (i + offset) % specs.size();
                        Spec s = specs.get(k);
                        Result r = cases.get(k).evaluate();
                        if (r.outcome() != s.outcome || !r.award().equals(s.award) || !r.binding().equals(s.binding)) {
                            wrong.incrementAndGet();
                        }
                        if (i % 1000 == 999 && !r.toJson().equals(s.json)) {
                            wrong.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "load-" + t);
            ts.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : ts) {
            th.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a load thread failed", failure.get());
        }
        return wrong.get();
    }

    static long rssAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return TestSupport.procStatusKb("VmRSS");
    }

    @Test
    void manyThreadsOnOneRulesetGetTheSingleThreadedAnswers() throws Exception {
        int threads = TestSupport.intProperty("dgsubsidy.test.load.threads", 16);
        int iterations = TestSupport.intProperty("dgsubsidy.test.load.iterations", 100_000);
        try (Ruleset rs = Ruleset.builtin()) {
            List<Spec> specs = specs(rs);
            assertTrue(specs.size() > 100, "cases: " + specs.size());

            // warm up: JIT, malloc's per-thread arenas, the GC's own structures
            assertEquals(0, load(rs, specs, threads, Math.max(1, iterations / 10)));
            long rss0 = rssAfterGc();

            long t0 = System.nanoTime();
            long wrong = load(rs, specs, threads, iterations / 2);
            long rss1 = rssAfterGc();
            wrong += load(rs, specs, threads, iterations - iterations / 2);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rss2 = rssAfterGc();
            long hwm = TestSupport.procStatusKb("VmHWM");

            long evaluations = (long) threads * iterations;
            String report = String.format(java.util.Locale.ROOT,
                    "load test: %d threads x %d evaluations = %d on one Ruleset (%d distinct cases), %.1f s, "
                            + "%.0f evaluations/s, %d differed from the single-threaded answers%n"
                            + "resident memory (VmRSS after GC): warm %d kB, after the first half %d kB, at the end %d kB "
                            + "(growth over the second half %+d kB, over the whole run %+d kB); peak VmHWM %d kB%n",
                    threads, iterations, evaluations, specs.size(), seconds, evaluations / seconds, wrong,
                    rss0, rss1, rss2, rss2 - rss1, rss2 - rss0, hwm);
            System.out.print(report);
            Files.createDirectories(TestSupport.target());
            Files.write(TestSupport.target().resolve("load-test.txt"), report.getBytes(StandardCharsets.UTF_8));

            assertEquals(0, wrong, "evaluations that differed from the single-threaded answers");
            if (rss0 > 0) {
                // A leak of even one case or result per evaluation (hundreds of bytes) would add
                // well over 100 MB here; allocator noise is a few MB.
                assertTrue(rss2 - rss1 < 16 * 1024, "resident memory grew by " + (rss2 - rss1) + " kB over the second half");
                assertTrue(rss2 - rss0 < 48 * 1024, "resident memory grew by " + (rss2 - rss0) + " kB");
            }
        }
    }
}
