// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Results are values: equals, hashCode, toString, and Jackson writes them as plain values. */
class ResultValueTest {
    static Ruleset rs;

    @BeforeAll
    static void open() {
        rs = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        rs.close();
    }

    /** A1.07.a: 5% of 28,000,000 = 1,400,000, below the interest paid. */
    private static Result lease(Ruleset r, String interest) {
        return r.newCase("A1.07.a").date(TestSupport.IN_FORCE).money("financed_amount", new BigDecimal("28000000"))
                .money("interest_paid", new BigDecimal(interest)).evaluate();
    }

    @Test
    void equalResultsAreEqualAndHashAlike() {
        Result a = lease(rs, "1500000");
        Result b = lease(rs, "1500000.00");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        try (Ruleset other = Ruleset.builtin()) {
            Result c = lease(other, "1500000");
            assertEquals(a, c, "the same answer from another ruleset object with the same fingerprint");
            assertEquals(a.hashCode(), c.hashCode());
        }
        Set<Result> set = new HashSet<>(List.of(a, b));
        assertEquals(1, set.size());
    }

    @Test
    void differentResultsDiffer() {
        Result a = lease(rs, "1500000");
        // the interest paid binds: another award, another binding
        Result b = lease(rs, "1000000");
        assertNotEquals(a, b);
        // another date
        Result d = rs.newCase("A1.07.a").date(TestSupport.IN_FORCE.plusDays(1))
                .money("financed_amount", new BigDecimal("28000000")).money("interest_paid", new BigDecimal("1500000"))
                .evaluate();
        assertNotEquals(a, d);
        // another ruleset: 6% instead of 5%, another fingerprint
        try (Ruleset six = rs.withParameter("A1.07.a", "ratio", "6%")) {
            Result s = lease(six, "1500000");
            assertNotEquals(a, s);
            assertNotEquals(a.fingerprint(), s.fingerprint());
        }
        assertNotEquals(a, null);
        assertNotEquals(a, a.toString());
        assertFalse(a.steps().isEmpty());
        assertNotEquals(a.steps(), b.steps());
    }

    @Test
    void toStringSaysWhatWasDecided() {
        Result a = lease(rs, "1500000");
        String s = a.toString();
        for (String part : new String[] {"A1.07.a", "2025-03-01", "granted", "1400000.00", "yuan", a.fingerprint()}) {
            assertTrue(s.contains(part), s + " lacks " + part);
        }
    }

    @Test
    void jacksonWritesPlainValuesAndMoneyExactly() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Result a = lease(rs, "1500000");
        JsonNode j = mapper.readTree(mapper.writeValueAsString(a));
        assertEquals("A1.07.a", j.get("measure").asText());
        assertEquals("2025-03-01", j.get("date").asText());
        assertEquals("granted", j.get("outcome").asText());
        assertTrue(j.get("award").isTextual(), "money is a decimal string");
        assertEquals("1400000.00", j.get("award").asText());
        assertTrue(j.get("award_fen").isIntegralNumber());
        assertEquals(140_000_000L, j.get("award_fen").asLong());
        assertEquals("yuan", j.get("unit").asText());
        assertEquals(a.fingerprint(), j.get("fingerprint").asText());
        assertEquals(a.steps().size(), j.get("steps").size());
        assertEquals(a.parameters().size(), j.get("parameters").size());
        for (JsonNode step : j.get("steps")) {
            assertTrue(step.get("label").isTextual() && step.get("type").isTextual());
            assertFalse(step.get("value").isFloatingPointNumber(), "no float: " + step);
        }

        // the largest award: 50% of Long.MAX_VALUE fen, beyond a double's 53 bits
        Result max = rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).money("contract_amount", Money.MAX_YUAN).evaluate();
        String text = mapper.writeValueAsString(max);
        assertTrue(text.contains("\"award\":\"46116860184273879.03\""), text);
        assertTrue(text.contains("\"award_fen\":4611686018427387903"), text);
        JsonNode m = mapper.readTree(text);
        assertEquals(Long.MAX_VALUE / 2, m.get("award_fen").asLong());
        assertEquals(new BigDecimal("46116860184273879.03"), new BigDecimal(m.get("award").asText()));
        assertEquals(max.award(), new BigDecimal(m.get("award").asText()));
    }

    @Test
    void jacksonAgreesWithTheLibrarysOwnJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Result[] results = {
            lease(rs, "1500000"),
            lease(rs, "10"),
            rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).money("contract_amount", new BigDecimal("333.33")).evaluate(),
            rs.newCase("A4.02.1.a").date(TestSupport.IN_FORCE).area("booth_area", new BigDecimal("36.5"))
                    .money("build_cost", new BigDecimal("120000")).evaluate(),
            rs.newCase("A4.02.1.a").date(TestSupport.IN_FORCE).area("booth_area", new BigDecimal("17.99"))
                    .money("build_cost", new BigDecimal("40000")).evaluate(),
            rs.newCase("A1.04.a").date(java.time.LocalDate.of(2023, 1, 1)).moneyFen("contract_amount", 1).evaluate(),
        };
        for (Result r : results) {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.CHINESE}) {
                JsonNode ours = mapper.readTree(mapper.writeValueAsString(r.toMap(locale)));
                JsonNode library = mapper.readTree(r.toJson(locale));
                for (String key : List.of("measure", "date", "outcome", "award", "award_fen", "unit", "binding",
                        "reason", "group", "fingerprint", "steps", "parameters")) {
                    assertTrue(ours.has(key), key + " missing: " + ours);
                }
                assertSubset(library, ours, r + " " + locale);
            }
        }
        // Jackson's default is toMap(), with English texts
        Result r = results[0];
        assertEquals(mapper.readTree(mapper.writeValueAsString(r.toMap(Locale.ENGLISH))),
                mapper.readTree(mapper.writeValueAsString(r)));
    }

    /** Every field of ours is in the library's JSON with the same value (arrays element by element). */
    private static void assertSubset(JsonNode library, JsonNode ours, String where) {
        if (ours.isObject()) {
            assertTrue(library.isObject(), where);
            for (Map.Entry<String, JsonNode> f : ours.properties()) {
                if (f.getKey().equals("denominator")) {
                    continue; // ours alone: a ratio's denominator
                }
                assertTrue(library.has(f.getKey()), where + ": the library has no " + f.getKey());
                assertSubset(library.get(f.getKey()), f.getValue(), where + "." + f.getKey());
            }
        } else if (ours.isArray()) {
            assertEquals(library.size(), ours.size(), where);
            for (int i = 0; i < ours.size(); i++) {
                assertSubset(library.get(i), ours.get(i), where + "[" + i + "]");
            }
        } else {
            assertEquals(library, ours, where);
        }
    }

    @Test
    void theMapAndJacksonNeedNoOpenRuleset() throws Exception {
        Result r;
        Map<String, Object> before;
        try (Ruleset own = Ruleset.builtin()) {
            r = lease(own, "1500000");
            before = r.toMap();
        }
        assertEquals(before, r.toMap());
        assertTrue(new ObjectMapper().writeValueAsString(r).contains("\"award\":\"1400000.00\""));
        assertEquals(lease(rs, "1500000"), r);
    }

    @Test
    void aQuotaIsNotMoney() throws Exception {
        // A1.16.a: school places, twice the base quota; the award is 6 places, never 0.06 yuan
        Result quota = rs.newCase("A1.16.a").date(TestSupport.IN_FORCE).count("base_quota", 3).evaluate();
        assertEquals(new BigDecimal("6"), quota.award());
        assertFalse(quota.unit().startsWith("yuan"));
        IllegalStateException e = assertThrows(IllegalStateException.class, quota::awardFen);
        assertTrue(e.getMessage().contains("not money"), e.getMessage());
        JsonNode j = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(quota));
        assertEquals("6", j.get("award").asText());
        assertFalse(j.has("award_fen"), "a quota has no award in fen: " + j);
        BatchResult batch = rs.measure("A1.16.a").batch(TestSupport.IN_FORCE).column("base_quota", new long[] {3, 5}).run();
        assertEquals(new BigDecimal("6"), batch.award(0));
        assertEquals(new BigDecimal("10"), batch.award(1));
        assertThrows(IllegalStateException.class, () -> batch.awardFen(0));
        assertThrows(IllegalStateException.class, batch::awardsFen);
    }
}
