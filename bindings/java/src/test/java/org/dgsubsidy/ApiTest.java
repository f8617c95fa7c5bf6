// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTest {
    static Ruleset rs;

    @BeforeAll
    static void open() {
        rs = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        rs.close();
    }

    @Test
    void catalogueHasEveryMeasureInDocumentOrder() {
        List<Measure> ms = rs.measures();
        assertEquals(202, ms.size());
        Set<String> ids = new HashSet<>();
        for (Measure m : ms) {
            assertTrue(ids.add(m.id()), "duplicate " + m.id());
            assertFalse(m.title(Locale.CHINESE).isEmpty(), m.id());
            assertFalse(m.title(Locale.ENGLISH).isEmpty(), m.id());
            assertFalse(m.location().isEmpty(), m.id());
            assertTrue(m.ruleset() == rs);
            assertTrue(rs.measure(m.id()) == m, "measure(id) returns the catalogue's object");
        }
        assertThrows(UnsupportedOperationException.class, () -> ms.remove(0));
        long formulas = ms.stream().filter(m -> m.kind() == Kind.FORMULA).count();
        assertTrue(formulas >= 20, "formula measures: " + formulas);
        assertTrue(rs.findMeasure("A1.07.a").isPresent());
        assertTrue(rs.findMeasure("Z9.99").isEmpty());
        assertEquals(16, rs.fingerprint().length());
    }

    @Test
    void measureMetadata() {
        Measure m = rs.measure("A1.07.a");
        assertEquals("A1.07.a", m.id());
        assertEquals(Kind.FORMULA, m.kind());
        assertEquals("倍增企业融资租赁贴息", m.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals(m.title(Locale.CHINA), m.title(Locale.CHINESE));
        assertNotEquals(m.title(Locale.CHINESE), m.title(Locale.ENGLISH));
        assertEquals(m.title(Locale.ENGLISH), m.title(Locale.GERMAN), "any other language is English");
        assertTrue(m.clause().contains("融资租赁"), m.clause());
        assertTrue(m.location().startsWith("附件1"), m.location());
        assertEquals("yuan", m.unit());
        assertEquals("G-LEASE", m.group());
        assertFalse(m.fixedAmount());
        assertEquals(List.of("financed_amount", "interest_paid", "granted_this_year"),
                m.inputs().stream().map(Measure.Input::name).collect(java.util.stream.Collectors.toList()));
        Measure.Input in = m.input("financed_amount");
        assertEquals(ValueType.MONEY, in.type());
        assertEquals("yuan", in.unit());
        assertTrue(in.required());
        assertFalse(in.description(Locale.CHINESE).isEmpty());
        assertTrue(in.choices().isEmpty());
        Measure.Parameter cap = m.parameter("cap_per_year");
        assertEquals(ValueType.MONEY, cap.type());
        assertEquals("1500000.00", cap.value());
        Measure.ParameterValue v = cap.valueAt(LocalDate.of(2025, 6, 1));
        assertEquals("1500000.00", v.value());
        assertTrue(v.reference().contains("150"), v.reference());
        assertEquals("5%", m.parameter("ratio").value());
        Measure.Parameter reading = m.parameter("reading_min_financing");
        assertEquals(ValueType.SWITCH, reading.type());
        assertTrue(reading.choices().contains("threshold"), reading.choices().toString());
        assertFalse(rs.measure("A1.01.a").departments().isEmpty());
    }

    @Test
    void choiceInputsListTheirChoices() {
        Measure.Input tier = rs.measure("A3.08.b").input("tier");
        assertEquals(ValueType.CHOICE, tier.type());
        assertTrue(tier.choices().contains("national"));
        assertTrue(tier.choices().contains("provincial"));
    }

    @Test
    void evaluateGivesAnImmutableResultWithItsTrace() {
        Result r = rs.measure("A1.07.a").newCase()
                .date(LocalDate.of(2024, 6, 1))
                .money("financed_amount", new BigDecimal("20000000"))
                .money("interest_paid", new BigDecimal("1500000.00"))
                .evaluate();
        assertEquals("A1.07.a", r.measureId());
        assertEquals(LocalDate.of(2024, 6, 1), r.date());
        assertEquals(Outcome.GRANTED, r.outcome());
        assertTrue(r.granted());
        assertEquals(new BigDecimal("1000000.00"), r.award());
        assertEquals(100_000_000L, r.awardFen());
        assertEquals("yuan", r.unit());
        assertEquals("ratio", r.binding());
        assertEquals("", r.reason(Locale.ENGLISH));
        assertEquals("G-LEASE", r.group());
        assertEquals(rs.fingerprint(), r.fingerprint());
        assertFalse(r.steps().isEmpty());
        Result.Step last = r.steps().get(r.steps().size() - 1);
        assertEquals(ValueType.MONEY, last.type());
        assertEquals(100_000_000L, last.value());
        assertEquals(1, last.denominator());
        assertEquals(new BigDecimal("1000000.00"), last.decimal());
        assertFalse(last.label(Locale.CHINESE).isEmpty());
        assertTrue(r.steps().stream().anyMatch(s -> s.source().equals("interest_paid")));
        assertTrue(r.parameters().stream().anyMatch(p -> p.name().equals("cap_per_year")));
        assertThrows(UnsupportedOperationException.class, () -> r.steps().clear());

        String zh = r.explain(Locale.CHINESE);
        assertTrue(zh.contains("1,000,000.00"), zh);
        assertTrue(zh.contains("融资"), zh);
        String en = r.explain(Locale.ENGLISH);
        assertNotEquals(zh, en);
        assertTrue(r.explain(Locale.CHINESE) == zh, "rendered once, then kept");

        JsonObject json = JsonParser.parseString(r.toJson()).getAsJsonObject();
        assertEquals("A1.07.a", json.get("measure").getAsString());
        assertEquals("granted", json.get("outcome").getAsString());
        assertEquals("1000000.00", json.get("award").getAsString());
        assertEquals(100_000_000L, json.get("award_fen").getAsLong());
        assertEquals("ratio", json.get("binding").getAsString());
        JsonArray steps = json.getAsJsonArray("steps");
        assertEquals(r.steps().size(), steps.size());
        JsonObject zhJson = JsonParser.parseString(r.toJson(Locale.CHINESE)).getAsJsonObject();
        assertEquals(steps.size(), zhJson.getAsJsonArray("steps").size());
    }

    @Test
    void ineligibleAndNotInForceAreOutcomesNotErrors() {
        Case c = rs.newCase("A1.06.a").date(TestSupport.IN_FORCE)
                .money("deal_value", new BigDecimal("10000000"))
                .money("interest_paid", new BigDecimal("1000000"))
                .count("subsidy_year", 1);
        Result r = c.evaluate();
        assertEquals(Outcome.INELIGIBLE, r.outcome());
        assertEquals(BigDecimal.valueOf(0, 2), r.award());
        assertFalse(r.reason(Locale.ENGLISH).isEmpty());
        assertFalse(r.reason(Locale.CHINESE).isEmpty());

        Result old = c.date(LocalDate.of(2024, 1, 15)).evaluate();
        assertEquals(Outcome.NOT_IN_FORCE, old.outcome());

        Result q = rs.newCase("A1.21.a").date(TestSupport.IN_FORCE).evaluate();
        assertEquals(Outcome.NOT_COMPUTABLE, q.outcome());
        Result u = rs.newCase("OP.01.b").date(TestSupport.IN_FORCE).evaluate();
        assertEquals(Outcome.UNSPECIFIED, u.outcome());
    }

    @Test
    void everySetterOfTheBuilder() {
        // area and money
        Result a = rs.newCase("A4.02.1.a").date(TestSupport.IN_FORCE)
                .area("booth_area", new BigDecimal("18.33")).money("build_cost", new BigDecimal("60000")).evaluate();
        assertEquals(new BigDecimal("27495.00"), a.award());
        // count
        Result b = rs.newCase("A4.02.2.b").date(TestSupport.IN_FORCE)
                .money("first_year_rent", new BigDecimal("100000")).area("area", new BigDecimal("200"))
                .count("months", 6).evaluate();
        assertEquals(new BigDecimal("42000.00"), b.award());
        // flag
        Result f = rs.newCase("A4.03.b").date(TestSupport.IN_FORCE)
                .area("exhibition_area", new BigDecimal("27500")).count("days", 3).flag("certified", true).evaluate();
        assertEquals(new BigDecimal("600000.00"), f.award());
        // choice
        Result ch = rs.newCase("A3.08.b").date(TestSupport.IN_FORCE)
                .choice("tier", "provincial").money("provincial_funds", new BigDecimal("8000000")).evaluate();
        assertEquals(new BigDecimal("5000000.00"), ch.award());
        // list, in yuan and in fen
        Result l = rs.newCase("A4.04.b").date(TestSupport.IN_FORCE)
                .list("travel_costs", List.of(new BigDecimal("8000"), new BigDecimal("7000"))).evaluate();
        assertEquals(new BigDecimal("12000.00"), l.award());
        Result lf = rs.newCase("A4.04.b").date(TestSupport.IN_FORCE).listFen("travel_costs", 800000, 700000).evaluate();
        assertEquals(l.award(), lf.award());
        // text, moneyFen, unset
        Case t = rs.newCase("A1.07.a").text("date", "2025-03-01")
                .text("financed_amount", "28000000").moneyFen("interest_paid", 140000050L);
        assertEquals(new BigDecimal("1400000.00"), t.evaluate().award());
        t.unset("interest_paid");
        assertThrows(MissingInputException.class, t::evaluate);
        t.unset("date");
        MissingInputException noDate = assertThrows(MissingInputException.class,
                () -> t.moneyFen("interest_paid", 1).evaluate());
        assertTrue(noDate.getMessage().contains("date"), noDate.getMessage());
        assertTrue(t.toString().startsWith("A1.07.a{"), t.toString());
    }

    @Test
    void aCaseCanBeReusedAndChanged() {
        Case c = rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).moneyFen("contract_amount", 100);
        assertEquals(50, c.evaluate().awardFen());
        assertEquals(500, c.moneyFen("contract_amount", 1000).evaluate().awardFen());
        assertEquals(c.measure(), rs.measure("A1.04.a"));
    }

    @Test
    void withParameterDerivesANewRuleset() {
        try (Ruleset six = rs.withParameter("A1.07.a", "ratio", "6%")) {
            assertNotEquals(rs.fingerprint(), six.fingerprint());
            assertEquals("6%", six.measure("A1.07.a").parameter("ratio").value());
            assertEquals("5%", rs.measure("A1.07.a").parameter("ratio").value(), "the base is unchanged");
            Result r = six.newCase("A1.07.a").date(TestSupport.IN_FORCE)
                    .money("financed_amount", new BigDecimal("10000000")).money("interest_paid", new BigDecimal("9000000"))
                    .evaluate();
            assertEquals(new BigDecimal("600000.00"), r.award());
            assertEquals(six.fingerprint(), r.fingerprint());
        }
        try (Ruleset later = rs.withParameter("A4.09.e", "cap", "50000", LocalDate.of(2025, 1, 1), null, "第三条")) {
            Measure.Parameter cap = later.measure("A4.09.e").parameter("cap");
            assertEquals("30000.00", cap.valueAt(LocalDate.of(2024, 12, 31)).value());
            Measure.ParameterValue v = cap.valueAt(LocalDate.of(2025, 1, 1));
            assertEquals("50000.00", v.value());
            assertEquals("第三条", v.reference());
        }
        try (Ruleset longer = rs.withParameter(null, "validity_end", "2027-12-31")) {
            assertEquals("2027-12-31", longer.rulesetParameter("validity_end", LocalDate.of(2027, 6, 1)));
            assertEquals("2027-01-15", rs.rulesetParameters().get("validity_end"));
        }
    }

    @Test
    void withGuidelineFromAFile(@TempDir Path dir) throws Exception {
        Path g = dir.resolve("2025.json");
        Files.write(g, ("{\n"
                + "  \"name\": \"2025年度申报指南\",\n"
                + "  \"changes\": [\n"
                + "    {\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"2000000.00\",\n"
                + "     \"from\": \"2025-01-01\", \"reference\": \"2025年指南 第三条（一）\", \"exceeds_text\": true},\n"
                + "    {\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"6%\", \"reference\": \"第四条\","
                + " \"exceeds_text\": true}\n"
                + "  ]\n"
                + "}\n").getBytes(StandardCharsets.UTF_8));
        try (Ruleset y2025 = rs.withGuideline(g)) {
            Result r = y2025.newCase("A1.07.a").date(TestSupport.IN_FORCE)
                    .money("financed_amount", new BigDecimal("30000000")).money("interest_paid", new BigDecimal("9000000"))
                    .evaluate();
            assertEquals(new BigDecimal("1800000.00"), r.award());
            Result cap = y2025.newCase("A1.07.a").date(TestSupport.IN_FORCE)
                    .money("financed_amount", new BigDecimal("40000000")).money("interest_paid", new BigDecimal("9000000"))
                    .evaluate();
            assertEquals(new BigDecimal("1800000.00"), cap.award());
            assertTrue(cap.parameters().stream().anyMatch(p -> p.reference().equals("2025年指南 第三条（一）")),
                    cap.parameters().toString());
            assertEquals("2000000.00", y2025.measure("A1.07.a").parameter("cap_per_year").valueAt(TestSupport.IN_FORCE).value());
        }
        try (Ruleset same = rs.withGuideline("{\"changes\": []}", "empty.json")) {
            assertEquals(202, same.measures().size());
        }
    }

    @Test
    void stackingPaysTheHighestOfAGroupOnce() {
        Measure a = rs.measure("A1.07.a");
        Result small = a.newCase().date(TestSupport.IN_FORCE)
                .money("financed_amount", new BigDecimal("10000000")).money("interest_paid", new BigDecimal("300000")).evaluate();
        Result large = a.newCase().date(TestSupport.IN_FORCE)
                .money("financed_amount", new BigDecimal("28000000")).money("interest_paid", new BigDecimal("1400000")).evaluate();
        Result other = rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).money("contract_amount", new BigDecimal("1000")).evaluate();
        Stacking s = rs.stack(List.of(small, large, other));
        assertEquals(3, s.entries().size());
        assertEquals(StackDecision.SUPERSEDED, s.entries().get(0).decision());
        assertEquals(1, s.entries().get(0).winner());
        assertEquals(StackDecision.PAID, s.entries().get(1).decision());
        assertEquals(new BigDecimal("1400000.00"), s.entries().get(1).paid());
        assertEquals(StackDecision.PAID, s.entries().get(2).decision());
        assertEquals(140_000_000L + 50_000L, s.totalFen());
        assertEquals(new BigDecimal("1400500.00"), s.total());
        assertTrue(s.entries().get(0).result() == small);
        assertFalse(s.entries().get(0).reason(Locale.CHINESE).isEmpty());
        assertFalse(s.explain(Locale.CHINESE).isEmpty());
        assertEquals(3, JsonParser.parseString(s.toJson()).getAsJsonObject().getAsJsonArray("results").size(), s.toJson());

        // what was already granted for the smaller one: the larger is paid as a top-up
        Stacking top = rs.stack(List.of(small, large), List.of(new BigDecimal("300000"), BigDecimal.ZERO));
        assertEquals(StackDecision.TOP_UP, top.entries().get(1).decision());
        assertEquals(new BigDecimal("1100000.00"), top.entries().get(1).paid());
        assertThrows(IllegalArgumentException.class, () -> rs.stack(List.of(small), new long[2]));

        // a quota is a number, not money granted: stacking leaves it alone
        Result quota = rs.newCase("A1.16.a").date(TestSupport.IN_FORCE).text("base_quota", "3").evaluate();
        assertEquals("6", quota.award().toPlainString());
        Stacking withQuota = rs.stack(List.of(large, quota));
        assertEquals(StackDecision.NOT_A_GRANT, withQuota.entries().get(1).decision());
        assertEquals(140_000_000L, withQuota.totalFen());
        assertThrows(InvalidValueException.class, () -> rs.stack(List.of(small), new long[] {-1}));
    }

    @Test
    void budgetAllocation() {
        long[] shares = Budget.allocateFen(100, new long[] {100, 100, 100}, Allocation.PRO_RATA);
        assertEquals(100, shares[0] + shares[1] + shares[2]);
        assertEquals(34, shares[0]);
        assertEquals(33, shares[2]);
        assertTrue(List.of(new BigDecimal("1000.00"), new BigDecimal("500.00"), new BigDecimal("0.00")).equals(
                Budget.allocate(new BigDecimal("1500"), List.of(new BigDecimal("1000"), new BigDecimal("500"),
                        new BigDecimal("700")), Allocation.FIRST_COME)));
        assertEquals(List.of(), Budget.allocate(BigDecimal.TEN, List.of(), Allocation.PRO_RATA));
        long[] claims = {5, 7};
        long[] all = Budget.allocateFen(1000, claims, Allocation.PRO_RATA);
        assertEquals(5, all[0]);
        assertEquals(7, all[1]);
        InvalidValueException neg = assertThrows(InvalidValueException.class,
                () -> Budget.allocateFen(10, new long[] {1, -1}, Allocation.PRO_RATA));
        assertEquals(DgsException.E_NEGATIVE, neg.code());
        assertThrows(OverflowException.class,
                () -> Budget.allocateFen(10, new long[] {Long.MAX_VALUE, 1}, Allocation.PRO_RATA));
    }

    @Test
    void batchOverColumns() {
        Measure m = rs.measure("A1.07.a");
        // 2800万, 1000万 and 500万.01 financed; 333.33 is below the 500万 entry bar.
        long[] financed = {2_800_000_000L, 1_000_000_000L, 500_000_010L, 33_333L};
        long[] interest = {140_000_050L, 30_000_000L, 30_000_000L, 10_000L};
        BatchResult r = m.batch(TestSupport.IN_FORCE).column("financed_amount", financed)
                .column("interest_paid", interest).run();
        assertEquals(4, r.size());
        assertEquals(140_000_000L, r.awardFen(0));
        assertEquals(new BigDecimal("300000.00"), r.award(1));
        assertEquals(Outcome.GRANTED, r.outcome(2));
        // 5% × 5,000,000.10 = 250,000.005 → 250,000.00
        assertEquals(25_000_000L, r.awardFen(2));
        assertEquals(Outcome.INELIGIBLE, r.outcome(3));
        assertEquals(0, r.awardFen(3));
        assertTrue(r.firstError().isEmpty());
        assertEquals(0, r.invalidRows());

        // a missing required value makes that row invalid; the others are evaluated
        BatchResult partial = m.batch(TestSupport.IN_FORCE).column("financed_amount", financed)
                .column("interest_paid", interest, new boolean[] {true, false, true, true}).run();
        assertEquals(Outcome.INVALID, partial.outcome(1));
        assertEquals(0, partial.awardFen(1));
        assertEquals(140_000_000L, partial.awardFen(0));
        DgsException first = partial.firstError().orElseThrow();
        assertTrue(first instanceof MissingInputException, first.toString());
        assertEquals(1, first.row());
        assertEquals(1, partial.invalidRows());

        BatchResult choices = rs.measure("A3.08.b").batch(TestSupport.IN_FORCE)
                .choiceColumn("tier", new String[] {"national", "provincial"})
                .column("provincial_funds", new long[] {500_000_000L, 800_000_000L}).run();
        assertEquals(1_500_000_000L, choices.awardFen(0));
        assertEquals(500_000_000L, choices.awardFen(1));

        BatchResult none = rs.measure("A3.05.a").batch(TestSupport.IN_FORCE).rows(2).run();
        assertEquals(2, none.size());
        assertEquals(none.awardFen(0), none.awardFen(1));
        assertEquals(0, m.batch(TestSupport.IN_FORCE).run().size());
        assertThrows(IllegalArgumentException.class, () -> m.batch(TestSupport.IN_FORCE)
                .column("financed_amount", new long[2]).column("interest_paid", new long[3]));
    }

    @Test
    void valuesPrintUsefully() {
        assertTrue(rs.toString().contains(rs.fingerprint()));
        assertTrue(rs.measure("A1.07.a").toString().startsWith("A1.07.a "));
        assertEquals("granted", Outcome.GRANTED.label());
        assertEquals(Outcome.NOT_IN_FORCE, Outcome.ofLabel("not_in_force"));
        assertEquals(Outcome.INVALID, Outcome.of(-1));
        assertEquals(Kind.QUALITATIVE, Kind.of(6));
        assertEquals(ValueType.MONEY_LIST, ValueType.of(6));
        assertEquals(StackDecision.ALREADY_PAID, StackDecision.of(4));
        assertThrows(IllegalArgumentException.class, () -> Outcome.of(99));
    }
}
