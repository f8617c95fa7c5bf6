// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Units, restatements and the words of results, through Java. */
class WordsUnitsTest {
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
    void countsAreCountsInJsonAndBatch() {
        Result r = rs.newCase("A1.16.a").date(TestSupport.IN_FORCE).count("base_quota", 6).evaluate();
        assertFalse(r.isMoney());
        assertFalse(rs.measure("A1.16.a").isMoney());
        assertEquals(new BigDecimal("12"), r.award());
        JsonObject json = JsonParser.parseString(r.toJson()).getAsJsonObject();
        assertEquals("12", json.get("award").getAsString());
        assertEquals("places", json.get("unit").getAsString());
        BatchResult b = rs.measure("A1.16.a").batch(TestSupport.IN_FORCE).column("base_quota", new long[] {6, 3}).run();
        assertEquals(new BigDecimal("12"), b.award(0));
        assertEquals(new BigDecimal("6"), b.award(1));
    }

    @Test
    void stepsCarryTheirValueAndTheAmountAfter() {
        Result r = rs.newCase("A1.07.a").date(TestSupport.IN_FORCE)
                .money("financed_amount", new BigDecimal("28000000"))
                .money("interest_paid", new BigDecimal("1500000")).evaluate();
        Result.Step cap = r.steps().stream().filter(s -> s.source().equals("cap_per_year")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("1500000.00"), cap.decimal());
        assertEquals(new BigDecimal("1400000.00"), cap.amountDecimal());
        assertEquals(ValueType.MONEY, cap.amountType());
        Result.Step ratio = r.steps().stream().filter(s -> s.source().equals("ratio")).findFirst().orElseThrow();
        assertEquals(ValueType.RATIO, ratio.type());
        assertEquals(1, ratio.value());
        assertEquals(20, ratio.denominator());
        assertEquals(140000000L, ratio.amount());
    }

    @Test
    void reasonsSayWhatWasFoundAndWhatIsRequired() {
        Result r = rs.newCase("A4.03.b").date(TestSupport.IN_FORCE)
                .area("exhibition_area", new BigDecimal("12000")).count("days", 2).evaluate();
        assertEquals(Outcome.INELIGIBLE, r.outcome());
        String zh = r.reason(Locale.CHINESE);
        assertTrue(zh.contains("2 天") && zh.contains("须不少于 3 天"), zh);
        assertFalse(zh.matches(".*[A-Za-z].*"), zh);
        assertTrue(r.reason(Locale.ENGLISH).contains("at least 3 days required"), r.reason(Locale.ENGLISH));
    }

    @Test
    void restatementsAreComputedThroughTheirSource() {
        assertEquals(List.of("A4.09.c"), rs.measure("OP.22.b").restates());
        assertEquals(List.of("A5.09.b", "A5.09.c"), rs.measure("OP.23.c").restates());
        assertTrue(rs.measure("A1.07.a").restates().isEmpty());
        Result op = rs.newCase("OP.22.b").date(TestSupport.IN_FORCE).choice("tier", "growth").evaluate();
        assertEquals(new BigDecimal("30000.00"), op.award());
        assertEquals("A4.09.c", op.computedBy());
        Result a = rs.newCase("OP.19.a").date(TestSupport.IN_FORCE)
                .money("new_purchases", new BigDecimal("85432109")).evaluate();
        Result b = rs.newCase("A1.10.a").date(TestSupport.IN_FORCE)
                .money("new_purchases", new BigDecimal("85432109")).evaluate();
        assertEquals(new BigDecimal("854321.09"), a.award());
        assertEquals(b.award(), a.award());
        assertEquals(b.group(), a.group());
        assertEquals(new BigDecimal("854321.09"), rs.stack(List.of(a, b)).total());
        Result cqa = rs.newCase("OP.02.a").date(TestSupport.IN_FORCE).choice("honour", "china_quality_award").evaluate();
        assertEquals(new BigDecimal("3000000.00"), cqa.award());
        assertEquals("A5.09.a", cqa.computedBy());
        assertEquals(List.of("A5.09.a"), rs.measure("OP.02.a").restates());
    }
}
