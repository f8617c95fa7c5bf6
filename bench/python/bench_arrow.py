# SPDX-License-Identifier: MulanPSL-2.0
"""Batches over Arrow and polars input, and over a Spark DataFrame on local[2].

  arrow    Ruleset.evaluate_batch of A1.07.a over 10^7 rows given as a pyarrow
           Table (int64 columns, handed to the library without a copy), a
           polars DataFrame and a dict of numpy arrays of the same values:
           units="base" (fen) and the default units="yuan" (multiplied by 100
           into new arrays); threads=1 and the cores available.  The awards
           are checked identical on every input before any time is shown.
  spark    dgsubsidy.spark.evaluate_batch over a Spark DataFrame of
           `spark_rows` rows made on the executors (spark.range), local[2],
           summed on the executors; the total is checked equal to one
           process's evaluate_batch over the same rows.
  population
           dgsubsidy.spark.evaluate_population of A1.07.a and A4.09.a over
           `spark_rows` rows of `spark_rows` / 5 applicants made on the
           executors (an applicant's rows in both input partitions),
           repartitioned by applicant, stacked, the paid amounts summed in
           Spark; the total is checked equal to one process's
           evaluate_population over the same rows.

Every figure is the best of `repetitions` runs (default 3), with the load
average beside it: on a shared machine the figures move with the load.

Usage: python bench_arrow.py [repetitions] [spark_rows] [arrow|spark|population ...]
(Spark is skipped without pyspark or Java)
"""
import os
import shutil
import sys
import time

import numpy as np

import dgsubsidy

DATE = "2025-03-01"
MEASURE = "A1.07.a"
REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
SPARK_ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 2 * 10**6


def best(fn, reps=REPS):
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def load():
    return f"load {os.getloadavg()[0]:.1f}"


def columns(ids, fen):
    """Deterministic amounts from row numbers (the same formula in numpy and in Spark SQL)."""
    financed = (ids * 7919) % 40_000_000 + 1_000_000        # yuan
    interest = (ids * 104_729) % 2_000_000 + 10_000          # yuan
    if fen:
        return financed * 100, interest * 100
    return financed, interest


def bench_arrow(rules, rows=10**7):
    import pyarrow as pa
    try:
        import polars as pl
    except ImportError:
        pl = None
    ids = np.arange(rows, dtype=np.int64)
    for units in ("base", "yuan"):
        financed, interest = columns(ids, units == "base")
        inputs = {"numpy dict": {"financed_amount": financed, "interest_paid": interest},
                  "pyarrow Table": pa.table({"financed_amount": financed, "interest_paid": interest})}
        if pl is not None:
            inputs["polars DataFrame"] = pl.DataFrame({"financed_amount": financed, "interest_paid": interest})
        reference = rules.evaluate_batch(MEASURE, inputs["numpy dict"], DATE, units=units, threads=1)
        for name, frame in inputs.items():
            got = rules.evaluate_batch(MEASURE, frame, DATE, units=units, threads=1)
            assert np.array_equal(got.award_fen, reference.award_fen), name
            assert np.array_equal(got.outcome_codes, reference.outcome_codes), name
        for threads in (1, None):
            for name, frame in inputs.items():
                t = best(lambda: rules.evaluate_batch(MEASURE, frame, DATE, units=units, threads=threads))
                print(f"| {name} | units={units!r} | threads={threads} | {t * 1e3:.0f} ms | "
                      f"{rows / t / 1e6:.1f} M rows/s | {load()} |", flush=True)
    print(f"(10^7 rows, total granted {reference.total} yuan)")


def bench_spark(rules, rows):
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        print("spark: no Java, skipped")
        return
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession, functions as F

    from dgsubsidy import spark as dspark

    spark = (SparkSession.builder.master("local[2]").appName("bench").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.range(rows, numPartitions=2).selectExpr(
        "id", "(id * 7919) % 40000000 + 1000000 as financed_amount",
        "(id * 104729) % 2000000 + 10000 as interest_paid")
    out = dspark.evaluate_batch(df, MEASURE, DATE, keep=["id"])

    def run():
        return out.agg(F.sum(F.when(F.col("outcome") == "granted", F.col("award"))).alias("total"),
                       F.count("*").alias("rows")).collect()[0]

    first = run()  # the workers started, the ruleset built in each
    ids = np.arange(rows, dtype=np.int64)
    financed, interest = columns(ids, False)
    local = rules.evaluate_batch(MEASURE, {"financed_amount": financed, "interest_paid": interest}, DATE)
    assert first["rows"] == rows and first["total"] == local.total, (first, local.total)
    t_local = best(lambda: rules.evaluate_batch(MEASURE, {"financed_amount": financed, "interest_paid": interest},
                                                DATE, threads=1))
    t = best(run)
    fen = dspark.evaluate_batch(df, MEASURE, DATE, keep=["id"], award="fen")

    def run_fen():
        return fen.agg(F.sum(F.when(F.col("outcome") == "granted", F.col("award_fen"))).alias("total")).collect()[0]

    assert run_fen()["total"] == local.total_fen
    t_fen = best(run_fen)

    def passthrough(batches):  # Spark's own round trip: the rows to a Python worker and back
        import pyarrow as pa
        for rb in batches:
            yield pa.RecordBatch.from_arrays([rb.column(0), rb.column(1)], names=["id", "award"])

    plain = df.mapInArrow(passthrough, "id bigint, award bigint")
    t_spark = best(lambda: plain.agg(F.sum("award"), F.count("*")).collect())
    print(f"| Spark local[2], mapInArrow, {rows:,} rows summed | {t:.2f} s | {rows / t / 1e6:.2f} M rows/s | "
          f"{load()} |")
    print(f"| the same, award=\"fen\" (LongType) | {t_fen:.2f} s | {rows / t_fen / 1e6:.2f} M rows/s | {load()} |")
    print(f"| diagnostic: Spark alone, the same rows through mapInArrow to Python and back, summed | "
          f"{t_spark:.2f} s | {rows / t_spark / 1e6:.2f} M rows/s | {load()} |")
    print(f"| the same rows in this process, evaluate_batch, threads=1 | {t_local * 1e3:.0f} ms | "
          f"{rows / t_local / 1e6:.1f} M rows/s | {load()} |")
    print(f"(total granted {first['total']} yuan on both)")
    spark.stop()


def spark_session():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("bench").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def population_columns(ids, applicants):
    """The population's rows from row numbers (the same formulas in numpy and in Spark SQL): even
    rows a lease (A1.07.a), odd rows an export credit insurance premium (A4.09.a)."""
    lease = ids % 2 == 0
    financed, interest = columns(ids, False)
    premium = (ids * 6151) % 2_000_000 + 1_000
    return {"applicant": ids % applicants, "financed_amount": (financed, ~lease), "interest_paid": (interest, ~lease),
            "premium_paid": (premium, lease)}


def bench_spark_population(rules, rows):
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        print("spark: no Java, skipped")
        return
    import pyarrow as pa
    from pyspark.sql import functions as F

    from dgsubsidy import spark as dspark

    measures = ["A1.07.a", "A4.09.a"]
    applicants = max(1, rows // 5)
    spark = spark_session()
    df = spark.range(rows, numPartitions=2).selectExpr(
        "id", f"id % {applicants} as applicant",
        "if(id % 2 = 0, (id * 7919) % 40000000 + 1000000, null) as financed_amount",
        "if(id % 2 = 0, (id * 104729) % 2000000 + 10000, null) as interest_paid",
        "if(id % 2 = 1, (id * 6151) % 2000000 + 1000, null) as premium_paid")
    ids = np.arange(rows, dtype=np.int64)
    cols = population_columns(ids, applicants)
    table = pa.table({name: (pa.array(v[0], mask=v[1]) if isinstance(v, tuple) else v) for name, v in cols.items()})
    local = rules.evaluate_population(table, DATE, measures=measures)
    t_local = best(lambda: rules.evaluate_population(table, DATE, measures=measures))
    for award in ("yuan", "fen"):
        out = dspark.evaluate_population(df, measures, DATE, keep=["id"], award=award)
        paid = "paid" if award == "yuan" else "paid_fen"

        def run():
            return out.agg(F.sum(paid).alias("total"), F.count("*").alias("claims")).collect()[0]

        first = run()  # the workers started, the ruleset built in each
        want = local.total if award == "yuan" else local.total_fen
        assert first["claims"] == rows and first["total"] == want, (first, want)
        t = best(run)
        print(f"| Spark local[2], evaluate_population, {rows:,} rows, {applicants:,} applicants, award={award!r}, "
              f"paid summed | {t:.2f} s | {rows / t / 1e6:.2f} M rows/s | {load()} |", flush=True)
    print(f"| the same rows in this process, evaluate_population (pyarrow Table) | {t_local * 1e3:.0f} ms | "
          f"{rows / t_local / 1e6:.1f} M rows/s | {load()} |")
    print(f"(total paid {local.total} yuan on both)")
    spark.stop()


def main():
    rules = dgsubsidy.Ruleset.builtin()
    print(f"{load()} on {os.cpu_count()} cores")
    which = sys.argv[3:] or ["arrow", "spark", "population"]
    if "arrow" in which:
        bench_arrow(rules)
    if "spark" in which or "population" in which:
        try:
            import pyspark  # noqa: F401
        except ImportError:
            print("spark: pyspark is not installed, skipped")
            return
    if "spark" in which:
        bench_spark(rules, SPARK_ROWS)
    if "population" in which:
        bench_spark_population(rules, SPARK_ROWS)


if __name__ == "__main__":
    main()
