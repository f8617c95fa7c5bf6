# SPDX-License-Identifier: MulanPSL-2.0
"""dgsubsidy.spark: a Spark DataFrame evaluated partition by partition on local[2].

The results must be those of one process's ``evaluate_batch`` over the same rows.
Expected amounts are worked by hand from the clauses:

- A4.02.1.a (特装展位): 50% of the build cost, at most 1500 yuan per m², at most
  100,000 yuan per exhibition, booths of 18 m² and more.  36 m², 120,000 yuan:
  54,000.00 (cap_per_m2); 17 m²: ineligible; 100 m², 300,000 yuan: 100,000.00
  (cap_per_exhibition); 20 m², 10,001.01 yuan: 5,000.505 floored to 5,000.50
  (ratio); a build cost not given, or negative: invalid.
- A1.07.a (融资租赁贴息), 2025-08-01: 5% of the financing counted, which is at least
  5,000,000 and at most 30,000,000 yuan (the 2025 guideline example: at most
  20,000,000 from 2025-07-01), at most 1,500,000 a year and the interest paid.
  28,000,000 financed, 2,000,000 interest: 1,400,000.00 (guideline: 20,000,000 ×
  5% = 1,000,000.00); 10,000,000 and 300,000: 300,000.00 (interest_paid);
  4,000,000: ineligible.
- A1.16.a (学位指标翻倍): twice the base quota of school places: 3 → 6 places; a quota not
  given: invalid.  Its unit is places, not money.
"""

from __future__ import annotations

import os
import shutil
import sys
from decimal import Decimal as D
from pathlib import Path

import numpy as np
import pytest

import dgsubsidy

try:
    import pyarrow as pa
except ImportError:  # pragma: no cover - optional
    pa = None
try:
    import pyspark  # noqa: F401
except ImportError:  # pragma: no cover - optional
    pyspark = None

REPO = Path(__file__).resolve().parents[3]
GUIDELINE = REPO / "examples" / "guidelines" / "2025-doubling-enterprises.json"
BOOTH = "A4.02.1.a"
LEASE = "A1.07.a"
PLACES = "A1.16.a"


def _java() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java")) or bool(home and Path(home, "bin", "java").exists())


needs_arrow = pytest.mark.skipif(pa is None, reason="pyarrow is not installed (it is in the test extra)")
_MISSING = [what for what, absent in (("pyspark (in the test extra)", pyspark is None),
                                       ("pyarrow (in the test extra)", pa is None),
                                       ("Java (java on PATH or JAVA_HOME)", not _java())) if absent]
needs_spark = pytest.mark.skipif(bool(_MISSING), reason=f"the Spark tests need {', '.join(_MISSING)}")


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this interpreter, with this dgsubsidy
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("dgsubsidy-tests")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")  # several batches per partition
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


BOOTH_ROWS = [  # id, area m², build cost yuan, award, outcome, binding
    ("a", 36, D("120000"), D("54000.00"), "granted", "cap_per_m2"),
    ("b", 17, D("120000"), D("0.00"), "ineligible", None),
    ("c", 100, D("300000"), D("100000.00"), "granted", "cap_per_exhibition"),
    ("d", 20, D("10001.01"), D("5000.50"), "granted", "ratio"),
    ("e", 36, None, D("0.00"), "invalid", None),
    ("f", 36, D("-5"), D("0.00"), "invalid", None),
    ("g", None, D("120000"), D("0.00"), "invalid", None),
]


def booth_frame(spark):
    from pyspark.sql.types import DecimalType, LongType, StringType, StructField, StructType

    schema = StructType([StructField("id", StringType()), StructField("booth_area", LongType()),
                         StructField("build_cost", DecimalType(20, 2))])
    return spark.createDataFrame([r[:3] for r in BOOTH_ROWS], schema).repartition(2)


@needs_arrow
def test_decimal_yuan_exact():
    from dgsubsidy.spark import _decimal_yuan

    fen = np.array([0, 5_400_000, 1, -1, 2**63 - 1, -(2**63)], dtype=np.int64)
    assert _decimal_yuan(fen).to_pylist() == [D("0.00"), D("54000.00"), D("0.01"), D("-0.01"),
                                              D("92233720368547758.07"), D("-92233720368547758.08")]
    assert _decimal_yuan(fen).type == pa.decimal128(20, 2)


@needs_spark
def test_spark_matches_one_process(spark, rules):
    from pyspark.sql.types import DecimalType, LongType, StringType

    from dgsubsidy import spark as dspark

    df = booth_frame(spark)
    assert df.rdd.getNumPartitions() == 2
    out = dspark.evaluate_batch(df, BOOTH, "2025-06-01", keep=["id"], errors="mark")
    types = {f.name: f.dataType for f in out.schema.fields}
    assert types == {"id": StringType(), "award": DecimalType(20, 2), "paid": DecimalType(20, 2),
                     "outcome": StringType(), "binding": StringType(), "reason": StringType()}
    got = {r["id"]: (r["award"], r["outcome"], r["binding"]) for r in out.collect()}
    assert got == {r[0]: (r[3], r[4], r[5]) for r in BOOTH_ROWS}
    # one process over the same rows
    local = rules.evaluate_batch(BOOTH, pa.table({"booth_area": [r[1] for r in BOOTH_ROWS],
                                                  "build_cost": pa.array([r[2] for r in BOOTH_ROWS],
                                                                         pa.decimal128(20, 2))}),
                                 "2025-06-01", errors="mark")
    binding = list(local.binding)
    for k, r in enumerate(BOOTH_ROWS):
        award, outcome, bound = got[r[0]]
        assert award == local.awards[k] and outcome == local.outcomes[k]
        assert bound == (None if binding[k] != binding[k] else binding[k])  # NaN: none
    # Spark may hand text as large_string: the kept column is given back as the schema says
    spark.conf.set("spark.sql.execution.arrow.useLargeVarTypes", "true")
    try:
        large = dspark.evaluate_batch(df, BOOTH, "2025-06-01", keep=["id"], errors="mark").collect()
    finally:
        spark.conf.unset("spark.sql.execution.arrow.useLargeVarTypes")
    assert {r["id"]: (r["award"], r["outcome"], r["binding"]) for r in large} == got
    # a kept column that is an input is evaluated too
    both = dspark.evaluate_batch(df, BOOTH, "2025-06-01", keep=["id", "booth_area"], errors="mark").collect()
    assert {r["id"]: (r["booth_area"], r["award"]) for r in both} == {r[0]: (r[1], r[3]) for r in BOOTH_ROWS}
    # fen as LongType
    fen = dspark.evaluate_batch(df, BOOTH, "2025-06-01", keep="id", errors="mark", award="fen")
    assert {f.name: f.dataType for f in fen.schema.fields}["award_fen"] == LongType()
    assert {r["id"]: r["award_fen"] for r in fen.collect()} == {r[0]: int(r[3] * 100) for r in BOOTH_ROWS}


@needs_spark
def test_spark_guideline_rebuilt_on_executors(spark, rules):
    from dgsubsidy import spark as dspark

    rows = [("p", 28_000_000, 2_000_000), ("q", 10_000_000, 300_000), ("r", 4_000_000, 100_000)]
    df = spark.createDataFrame(rows, "id string, financed_amount bigint, interest_paid bigint").repartition(2)
    plain = {r["id"]: r["award"] for r in dspark.evaluate_batch(df, LEASE, "2025-08-01", keep=["id"]).collect()}
    assert plain == {"p": D("1400000.00"), "q": D("300000.00"), "r": D("0.00")}
    guided = dspark.evaluate_batch(df, LEASE, "2025-08-01", keep=["id"], guideline=str(GUIDELINE)).collect()
    assert {r["id"]: r["award"] for r in guided} == {"p": D("1000000.00"), "q": D("300000.00"), "r": D("0.00")}
    assert {r["id"]: r["binding"] for r in guided}["q"] == "interest_paid"
    local = rules.with_guideline(GUIDELINE).evaluate_batch(
        LEASE, {"financed_amount": [r[1] for r in rows], "interest_paid": [r[2] for r in rows]}, "2025-08-01")
    assert [r["award"] for r in sorted(guided)] == list(local.awards)
    # a derived ruleset given as such travels the same way
    cheaper = rules.with_parameter(LEASE, "cap_per_year", D("350000"))
    capped = dspark.evaluate_batch(df, LEASE, "2025-08-01", keep=["id"], ruleset=cheaper).collect()
    assert {r["id"]: r["award"] for r in capped} == {"p": D("350000.00"), "q": D("300000.00"), "r": D("0.00")}


@needs_spark
def test_spark_places_are_not_money(spark):
    from pyspark.sql.types import LongType

    from dgsubsidy import spark as dspark

    df = spark.createDataFrame([("s", 3), ("t", None)], "id string, base_quota bigint")
    for award in ("yuan", "fen"):
        out = dspark.evaluate_batch(df, PLACES, "2025-06-01", keep=["id"], errors="mark", award=award)
        assert {f.name: f.dataType for f in out.schema.fields}["award"] == LongType()
        assert {r["id"]: (r["award"], r["outcome"]) for r in out.collect()} == {"s": (6, "granted"),
                                                                                "t": (0, "invalid")}


@needs_spark
def test_spark_errors(spark):
    from dgsubsidy import spark as dspark

    df = booth_frame(spark)
    # what is wrong with a column is refused on the driver, before any job
    with pytest.raises(dgsubsidy.TypeMismatch, match="build_cost.*float64"):
        dspark.evaluate_batch(df.selectExpr("id", "booth_area", "cast(build_cost as double) as build_cost"),
                              BOOTH, "2025-06-01", keep=["id"])
    with pytest.raises(dgsubsidy.UnknownInput, match="id"):
        dspark.evaluate_batch(df, BOOTH, "2025-06-01")
    with pytest.raises(dgsubsidy.InvalidArgument, match="applicant"):
        dspark.evaluate_batch(df, BOOTH, "2025-06-01", keep=["applicant"])
    with pytest.raises(dgsubsidy.InvalidArgument, match="outcome"):
        dspark.evaluate_batch(df.withColumnRenamed("id", "outcome"), BOOTH, "2025-06-01", keep=["outcome"])
    with pytest.raises(dgsubsidy.UnknownMeasure):
        dspark.evaluate_batch(df, "Z9.99", "2025-06-01", keep=["id"])
    with pytest.raises(dgsubsidy.InvalidArgument, match="award"):
        dspark.evaluate_batch(df, BOOTH, "2025-06-01", keep=["id"], award="double")
    with pytest.raises(dgsubsidy.TypeMismatch, match="Spark DataFrame"):
        dspark.evaluate_batch({"booth_area": [36]}, BOOTH, "2025-06-01")
    # errors="raise": an invalid row stops the job with its error
    with pytest.raises(Exception, match="build_cost"):
        dspark.evaluate_batch(df.where("id = 'e'"), BOOTH, "2025-06-01", keep=["id"]).collect()
    # ... naming the row by its kept columns (e, f or g: whichever partition fails first), as the row
    # number counts within one worker's rows
    with pytest.raises(Exception, match="the row with id='[efg]': A4.02.1.a: row \\d+: "):
        dspark.evaluate_batch(df, BOOTH, "2025-06-01", keep=["id"]).collect()


# ---- populations: several measures, stacked per applicant -------------------------------
#
# 2025-06-01, no object (each row its own), worked by hand from the clauses:
# - A1.07.a: 5% of the financing counted from 5,000,000 up to 30,000,000, at most 1,500,000 a
#   year per enterprise across its contracts, never above the interest paid.
# - A4.09.a: 30% of the premium, at most 500,000 per enterprise a year; G-ECI is the
#   enterprise's benefit: every claim of one enterprise competes (the higher is paid).
# - A1.01.a (1:1 of national funds, fiscal funds at most 50% of the investment) and A2.01.d
#   (1:1 of national funds, at most 10,000,000; provincial funds 0) match the same funds: group
#   G-MATCH, exclusive; the higher is paid, the other superseded.
#
# The rows are made in three input partitions (a1 b1 c1 | a2 b2 c2 | a3 b3 c3): every
# applicant's rows start in different partitions, and 甲's lease a3 comes after a1.
POP_MEASURES = ["A1.01.a", "A2.01.d", "A1.07.a", "A4.09.a"]
POP_SCHEMA = ("id string, applicant string, national_funds bigint, provincial_funds bigint, total_investment bigint, "
              "financed_amount bigint, interest_paid bigint, premium_paid bigint")
POP_ROWS = [
    ("a1", "甲", None, None, None, 28_000_000, 2_000_000, None),
    ("b1", "乙", None, None, None, None, None, 2_000_000),
    ("c1", "丙", 15_000_000, 0, 100_000_000, None, None, None),
    ("a2", "甲", None, None, None, None, None, 1_000_000),
    ("b2", "乙", None, None, None, 4_000_000, 100_000, None),
    ("c2", "丙", None, None, None, None, None, None),
    ("a3", "甲", None, None, None, 40_000_000, 1_000_000, None),
    ("b3", "乙", None, None, None, None, None, 500_000),
    ("c3", "丙", None, None, None, 10_000_000, 300_000, None),
]
POP_EXPECTED = {  # (id, measure): award, outcome, paid, decision
    ("a1", "A1.07.a"): (D("1400000.00"), "granted", D("1400000.00"), "paid"),        # 5% × 2800万
    ("b1", "A4.09.a"): (D("500000.00"), "granted", D("500000.00"), "paid"),          # 30% × 200万 = 60万 → 50万
    ("c1", "A1.01.a"): (D("15000000.00"), "granted", D("15000000.00"), "paid"),      # 1:1; 3000万 ≤ 50% of 1亿
    ("c1", "A2.01.d"): (D("10000000.00"), "granted", D("0.00"), "superseded"),       # 1:1 → 1000万 cap; lower
    ("a2", "A4.09.a"): (D("300000.00"), "granted", D("300000.00"), "paid"),          # 30% × 100万
    ("b2", "A1.07.a"): (D("0.00"), "ineligible", D("0.00"), "not_granted"),          # below 500万
    ("a3", "A1.07.a"): (D("1000000.00"), "granted", D("100000.00"), "capped"),       # 5% × 3000万 → 100万; 150 − 140
    ("b3", "A4.09.a"): (D("150000.00"), "granted", D("0.00"), "superseded"),         # 15万 < 乙's 50万
    ("c3", "A1.07.a"): (D("300000.00"), "granted", D("300000.00"), "paid"),          # 5% × 1000万 → 30万
}


def population_frame(spark):
    return spark.createDataFrame(spark.sparkContext.parallelize(POP_ROWS, 3), POP_SCHEMA)


@needs_spark
def test_spark_population_matches_one_process(spark, rules):
    from pyspark.sql.types import DecimalType, StringType

    from dgsubsidy import spark as dspark

    df = population_frame(spark)
    assert [sorted({r[1] for r in part}) for part in df.rdd.glom().collect()] == [["丙", "乙", "甲"]] * 3
    out = dspark.evaluate_population(df, POP_MEASURES, "2025-06-01", keep=["id"], partitions=3)
    types = {f.name: f.dataType for f in out.schema.fields}
    assert list(types) == ["id", "applicant", "measure", "award", "outcome", "paid", "decision", "up_to"]
    assert types["award"] == types["paid"] == types["up_to"] == DecimalType(20, 2)
    assert types["applicant"] == types["measure"] == StringType()
    parts = out.rdd.glom().collect()
    assert len(parts) == 3
    for applicant in ("甲", "乙", "丙"):  # each applicant's claims come from one partition
        assert sum(any(r["applicant"] == applicant for r in part) for part in parts) == 1
    rows = [r for part in parts for r in part]
    got = {(r["id"], r["measure"]): (r["award"], r["outcome"], r["paid"], r["decision"]) for r in rows}
    assert got == POP_EXPECTED
    assert all(r["up_to"] == D("0.00") for r in rows)
    assert sum(r["paid"] for r in rows) == D("17600000.00")  # 甲 180万, 乙 50万, 丙 1530万
    # one process over the same rows, in the DataFrame's order
    table = pa.Table.from_pylist([r.asDict() for r in df.collect()])
    local = rules.evaluate_population(table.drop_columns(["id"]), "2025-06-01", measures=POP_MEASURES)
    ids = table.column("id").to_pylist()
    claims = local.claims
    assert {(ids[r.row], r.measure): (r.award, r.outcome, r.paid, r.decision, r.up_to)
            for r in claims.itertuples()} == {(r["id"], r["measure"]): (r["award"], r["outcome"], r["paid"],
                                                                        r["decision"], r["up_to"]) for r in rows}
    # fen as LongType; an object column given back as it is
    fen = dspark.evaluate_population(df.withColumnRenamed("id", "project"), POP_MEASURES, "2025-06-01",
                                     object="project", award="fen", partitions=2)
    types = {f.name: f.dataType for f in fen.schema.fields}
    assert list(types) == ["applicant", "project", "measure", "award_fen", "outcome", "paid_fen", "decision",
                           "up_to_fen"]
    assert {(r["project"], r["measure"]): (r["award_fen"], r["paid_fen"], r["decision"]) for r in fen.collect()} \
        == {k: (int(v[0] * 100), int(v[2] * 100), v[3]) for k, v in POP_EXPECTED.items()}


@needs_spark
def test_spark_population_ruleset_travels(spark, rules):
    """A ruleset whose A1.07.a yearly cap is 145万 (with_parameter), sent to the executors: 甲's
    a1 140万 paid, a3 the 5万 left of the year (capped); 乙's b2 below 500万; 丙's c3 30万."""
    from dgsubsidy import spark as dspark

    cheaper = rules.with_parameter("A1.07.a", "cap_per_year", D("1450000"))
    df = population_frame(spark).where("financed_amount is not null").select(
        "id", "applicant", "financed_amount", "interest_paid")
    out = dspark.evaluate_population(df, ["A1.07.a"], "2025-06-01", keep=["id"], ruleset=cheaper, partitions=2)
    assert {r["id"]: (r["paid"], r["decision"]) for r in out.collect()} == {
        "a1": (D("1400000.00"), "paid"), "b2": (D("0.00"), "not_granted"), "a3": (D("50000.00"), "capped"),
        "c3": (D("300000.00"), "paid")}


@needs_spark
def test_spark_population_errors(spark):
    from dgsubsidy import spark as dspark

    df = population_frame(spark)
    # refused on the driver, before any job
    with pytest.raises(dgsubsidy.TypeMismatch, match="premium_paid.*float64"):
        dspark.evaluate_population(df.withColumn("premium_paid", df["premium_paid"].cast("double")),
                                   POP_MEASURES, "2025-06-01", keep=["id"])
    with pytest.raises(dgsubsidy.UnknownInput, match="id"):
        dspark.evaluate_population(df, POP_MEASURES, "2025-06-01")
    with pytest.raises(dgsubsidy.MissingInput, match="applicant column 'firm'"):
        dspark.evaluate_population(df, POP_MEASURES, "2025-06-01", keep=["id"], applicant="firm")
    with pytest.raises(dgsubsidy.TypeMismatch, match="applicant"):
        dspark.evaluate_population(df.withColumn("applicant", df["national_funds"].cast("double")),
                                   POP_MEASURES, "2025-06-01", keep=["id"])
    with pytest.raises(dgsubsidy.InvalidArgument, match="measure"):
        dspark.evaluate_population(df.withColumnRenamed("id", "measure"), POP_MEASURES, "2025-06-01",
                                   keep=["measure"])
    with pytest.raises(dgsubsidy.NotSupported, match="A1.16.a"):
        dspark.evaluate_population(df, ["A1.07.a", PLACES], "2025-06-01", keep=["id"])
    with pytest.raises(dgsubsidy.InvalidArgument, match="award"):
        dspark.evaluate_population(df, POP_MEASURES, "2025-06-01", keep=["id"], award="double")
    # an invalid claim: errors="mark" returns it as such, errors="raise" fails the job
    bad = df.withColumn("interest_paid", df["interest_paid"] * -1).select("id", "applicant", "financed_amount",
                                                                          "interest_paid")
    marked = dspark.evaluate_population(bad, ["A1.07.a"], "2025-06-01", keep=["id"], errors="mark").collect()
    assert {r["id"]: (r["decision"], r["paid"]) for r in marked} == {i: ("invalid", D("0.00"))
                                                                    for i in ("a1", "b2", "a3", "c3")}
    with pytest.raises(Exception, match="interest_paid"):
        dspark.evaluate_population(bad, ["A1.07.a"], "2025-06-01", keep=["id"]).collect()
    # the error names the row by its kept columns and applicant, not by a number within one worker's rows
    with pytest.raises(Exception, match=r"the row with id='(a1|b2|a3|c3)', applicant='[^']+': A1.07.a: row \d+: negative"):
        dspark.evaluate_population(bad, ["A1.07.a"], "2025-06-01", keep=["id"]).collect()
    # a row without an applicant fails the job, whatever errors says
    nameless = bad.selectExpr("id", "if(id = 'a3', null, applicant) as applicant", "financed_amount",
                              "interest_paid")
    with pytest.raises(Exception, match="applicant of row 0 .* is missing"):
        dspark.evaluate_population(nameless, ["A1.07.a"], "2025-06-01", keep=["id"], errors="mark").collect()


@needs_spark
def test_spark_paid_is_not_a_ceiling(spark):
    # OP.01.a: 给予最高 100 万元奖励 — without an assessed amount the outcome is up_to and the
    # award the ceiling, 1,000,000 yuan, which is not paid; assessed at 300,000 yuan it is paid.
    from dgsubsidy import spark as dspark

    df = spark.createDataFrame([("u", "creative_design_park", None), ("v", "creative_design_park", 300000)],
                               "id string, recognition string, assessed bigint")
    out = dspark.evaluate_batch(df, "OP.01.a", "2025-06-01", keep=["id"]).collect()
    assert {r["id"]: (r["outcome"], r["award"], r["paid"]) for r in out} == {
        "u": ("up_to", D("1000000.00"), D("0.00")), "v": ("granted", D("300000.00"), D("300000.00"))}
    fen = dspark.evaluate_batch(df, "OP.01.a", "2025-06-01", keep=["id"], award="fen").collect()
    assert sum(r["paid_fen"] for r in fen) == 30_000_000
