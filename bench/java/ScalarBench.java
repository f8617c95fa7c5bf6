// SPDX-License-Identifier: MulanPSL-2.0
/*
 * The Java binding's scalar path: one case evaluated with its trace per call,
 * as a portal does per request.  A warm-up (JIT compilation) and then timed
 * rounds, best and median per call.
 *
 *   BigDecimal inputs   measure.newCase().date(d).money(name, BigDecimal)…evaluate()
 *   fen inputs          the same with moneyFen(name, long)
 *
 * Inputs change on every call (a table of 1024 rows, cycled).  Build and run
 * with bench/run.sh, or by hand:
 *   javac -cp dgsubsidy-1.0.0.jar -d out ScalarBench.java
 *   java -cp out:dgsubsidy-1.0.0.jar ScalarBench [calls per round] [rounds]
 */
import java.io.FileWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.dgsubsidy.Measure;
import org.dgsubsidy.Result;
import org.dgsubsidy.Ruleset;

public final class ScalarBench {
    private static final LocalDate DATE = LocalDate.of(2025, 6, 1);
    private static long sink;

    interface Call {
        Result call(int i);
    }

    private static double[] time(Call call, int calls, int rounds) {
        double[] ns = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long s = 0;
            for (int i = 0; i < calls; i++)
                s += call.call(i).awardFen();
            ns[r] = (double) (System.nanoTime() - t0) / calls;
            sink += s;
        }
        Arrays.sort(ns);
        return ns;
    }

    private static void record(String path, String id, int calls, double ns) {
        String csv = System.getenv("BENCH_CSV");
        if (csv == null || csv.isEmpty())
            return;
        try (FileWriter w = new FileWriter(csv, true)) {
            w.write(String.format("java_scalar,%s,%s,%d,%.6g,ns/call%n", path, id, calls, ns));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        SplittableRandom rng = new SplittableRandom(17);
        long[][] a107 = new long[1024][2], a4021 = new long[1024][2], a403 = new long[1024][4];
        for (int i = 0; i < 1024; i++) {
            a107[i][0] = rng.nextLong(0, 5_000_000_001L);
            a107[i][1] = rng.nextLong(0, 200_000_001L);
            a4021[i][0] = rng.nextLong(0, 10_001L);
            a4021[i][1] = rng.nextLong(0, 50_000_001L);
            a403[i][0] = rng.nextLong(0, 10_000_001L);
            a403[i][1] = rng.nextLong(1, 11);
            a403[i][2] = rng.nextLong(0, 2);
            a403[i][3] = rng.nextInt(5) == 0 ? rng.nextLong(0, 400_000_001L) : 0;
        }
        BigDecimal[][] a107y = new BigDecimal[1024][2];
        for (int i = 0; i < 1024; i++)
            for (int k = 0; k < 2; k++)
                a107y[i][k] = BigDecimal.valueOf(a107[i][k], 2);

        try (Ruleset rules = Ruleset.builtin()) {
            Measure lease = rules.measure("A1.07.a"), booth = rules.measure("A4.02.1.a"),
                    expo = rules.measure("A4.03.b");
            Object[][] lines = {
                {"A1.07.a", "money in BigDecimal yuan", "bigdecimal", (Call) i -> {
                    BigDecimal[] v = a107y[i & 1023];
                    return lease.newCase().date(DATE).money("financed_amount", v[0])
                            .money("interest_paid", v[1]).evaluate();
                }},
                {"A1.07.a", "money in fen (moneyFen)", "fen", (Call) i -> {
                    long[] v = a107[i & 1023];
                    return lease.newCase().date(DATE).moneyFen("financed_amount", v[0])
                            .moneyFen("interest_paid", v[1]).evaluate();
                }},
                {"A4.02.1.a", "money in fen, area BigDecimal m²", "fen", (Call) i -> {
                    long[] v = a4021[i & 1023];
                    return booth.newCase().date(DATE).area("booth_area", BigDecimal.valueOf(v[0], 2))
                            .moneyFen("build_cost", v[1]).evaluate();
                }},
                {"A4.03.b", "money in fen, area BigDecimal m², count, flag", "fen", (Call) i -> {
                    long[] v = a403[i & 1023];
                    return expo.newCase().date(DATE).area("exhibition_area", BigDecimal.valueOf(v[0], 2))
                            .count("days", v[1]).flag("certified", v[2] == 1)
                            .moneyFen("granted_to_date", v[3]).evaluate();
                }},
            };
            System.out.printf("## Java: scalar evaluate with trace, %d calls per round, best and median of %d rounds%n%n",
                    calls, rounds);
            System.out.printf("%s %s, %s%n%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    "after a warm-up of 3 rounds per line");
            System.out.println("| measure | inputs | µs/call (best) | µs/call (median) | calls/s (best) |");
            System.out.println("| --- | --- | ---: | ---: | ---: |");
            for (Object[] line : lines) {
                Call call = (Call) line[3];
                time(call, calls, 3);                      // warm-up
                double[] ns = time(call, calls, rounds);
                double median = rounds % 2 == 1 ? ns[rounds / 2] : (ns[rounds / 2 - 1] + ns[rounds / 2]) / 2;
                System.out.printf("| %s | %s | %.2f | %.2f | %.0f k |%n", line[0], line[1], ns[0] / 1e3,
                        median / 1e3, 1e6 / ns[0]);
                record((String) line[2], (String) line[0], calls, ns[0]);
            }
        }
        if (sink == 42)
            System.out.println();
    }
}
