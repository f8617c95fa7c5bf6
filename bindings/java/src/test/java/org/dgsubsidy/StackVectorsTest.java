// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Stacking as administered, from Java: the stacking vectors shared with C and Python
 * (tests/vectors/stack.jsonl), ceilings that are not payments, objects per claim, flags.
 */
class StackVectorsTest {
    static Ruleset builtin;

    @BeforeAll
    static void open() {
        builtin = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        builtin.close();
    }

    static List<JsonObject> vectors() throws IOException {
        Path file = TestSupport.root().resolve("tests/vectors/stack.jsonl");
        List<JsonObject> out = new ArrayList<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!text.isBlank()) {
                out.add(JsonParser.parseString(text).getAsJsonObject());
            }
        }
        return out;
    }

    @Test
    void thereAreStackVectors() throws IOException {
        assertTrue(vectors().size() >= 15);
    }

    @TestFactory
    Stream<DynamicTest> stackVectors() throws IOException {
        return vectors().stream().map(v -> DynamicTest.dynamicTest(v.get("name").getAsString(), () -> run(v)));
    }

    static Result evaluate(Ruleset rs, JsonObject claim, String date) {
        Case c = rs.newCase(claim.get("measure").getAsString())
                .date(LocalDate.parse(claim.has("date") ? claim.get("date").getAsString() : date));
        for (Map.Entry<String, JsonElement> in : claim.getAsJsonObject("inputs").entrySet()) {
            c.text(in.getKey(), in.getValue().getAsString());
        }
        return c.evaluate();
    }

    static void run(JsonObject v) {
        List<Ruleset> opened = new ArrayList<>();
        try {
            Ruleset rs = builtin;
            if (v.has("parameters")) {
                for (JsonElement e : v.getAsJsonArray("parameters")) {
                    JsonObject p = e.getAsJsonObject();
                    rs = rs.withParameter(p.get("measure").isJsonNull() ? null : p.get("measure").getAsString(),
                            p.get("parameter").getAsString(), p.get("value").getAsString(),
                            p.has("from") ? LocalDate.parse(p.get("from").getAsString()) : null,
                            p.has("until") ? LocalDate.parse(p.get("until").getAsString()) : null, null);
                    opened.add(rs);
                }
            }
            String date = v.get("date").getAsString();
            Stacking.Builder b = Stacking.builder(rs);
            for (JsonElement e : v.getAsJsonArray("claims")) {
                JsonObject claim = e.getAsJsonObject();
                b.claim(evaluate(rs, claim, date), claim.has("object") ? claim.get("object").getAsString() : null,
                        claim.has("already_granted") ? new BigDecimal(claim.get("already_granted").getAsString())
                                : BigDecimal.ZERO);
            }
            Stacking s = b.build();
            JsonObject expect = v.getAsJsonObject("expect");
            String what = v.get("name").getAsString() + ": " + s.explain(Locale.ENGLISH);
            assertEquals(expect.get("total").getAsString(), s.total().toPlainString(), what);
            assertEquals(expect.get("up_to_total").getAsString(), s.upToTotal().toPlainString(), what);
            int i = 0;
            for (JsonElement e : expect.getAsJsonArray("claims")) {
                JsonObject want = e.getAsJsonObject();
                Stacking.Entry entry = s.entries().get(i++);
                assertEquals(want.get("decision").getAsString(), entry.decision().label(), what);
                assertEquals(want.get("paid").getAsString(), entry.paid().toPlainString(), what);
                if (want.has("outcome")) {
                    assertEquals(want.get("outcome").getAsString(), entry.result().outcome().label(), what);
                }
                if (want.has("flags")) {
                    assertEquals(want.getAsJsonArray("flags").size() > 0, entry.repeated(), what);
                }
            }
            JsonObject json = JsonParser.parseString(s.toJson()).getAsJsonObject();
            assertEquals(expect.get("total").getAsString(), json.get("total").getAsString(), what);
            assertEquals(expect.get("up_to_total").getAsString(), json.get("up_to_total").getAsString(), what);
        } finally {
            for (Ruleset o : opened) {
                o.close();
            }
        }
    }

    /** 附件5（四）不超过 3000 万元, not assessed: up to 30,000,000, never paid; A3.08.b's 1:3 is. */
    @Test
    void aCeilingIsUpToAndWaits() {
        Result ceiling = builtin.newCase("A5.04.a").date(LocalDate.of(2025, 6, 1)).text("tier", "national").evaluate();
        assertEquals(Outcome.UP_TO, ceiling.outcome());
        assertEquals("up_to", Outcome.UP_TO.label());
        assertEquals(Outcome.UP_TO, Outcome.of(5));
        assertEquals(Outcome.GOVERNED_ELSEWHERE, Outcome.of(6));
        Result computed = builtin.newCase("A3.08.b").date(LocalDate.of(2025, 6, 1)).text("tier", "national")
                .text("provincial_funds", "5000000").evaluate();
        Stacking s = Stacking.builder(builtin).claim(ceiling).claim(computed).build();
        assertEquals(new BigDecimal("15000000.00"), s.total());
        assertEquals(new BigDecimal("15000000.00"), s.upToTotal());
        assertEquals(StackDecision.PENDING_ASSESSMENT, s.entries().get(0).decision());
        assertEquals(new BigDecimal("15000000.00"), s.entries().get(0).upTo());
        assertTrue(s.entries().get(0).reason(Locale.ENGLISH).contains("tops up the difference"));
        assertTrue(s.toString().contains("up to"));
        // the older entry point gives the same
        assertEquals(s.totalFen(), builtin.stack(List.of(ceiling, computed)).totalFen());
    }

    /** G-MATCH is about a project: two projects are two benefits. */
    @Test
    void objectsPerClaim() {
        Result a = builtin.newCase("A1.01.a").date(LocalDate.of(2025, 6, 1)).text("national_funds", "6000000")
                .text("provincial_funds", "0").text("total_investment", "100000000").evaluate();
        Result b = builtin.newCase("A2.01.d").date(LocalDate.of(2025, 6, 1)).text("national_funds", "0")
                .text("provincial_funds", "4000000").evaluate();
        Stacking two = Stacking.builder(builtin).claim(a, "P1").claim(b, "P2").build();
        assertEquals(new BigDecimal("8000000.00"), two.total());
        assertEquals("P2", two.entries().get(1).object());
        assertEquals("project", two.entries().get(1).objectKind());
        assertEquals(new BigDecimal("6000000.00"), Stacking.builder(builtin).claim(a, "P1").claim(b, "P1").build().total());
        assertEquals(new BigDecimal("6000000.00"), Stacking.builder(builtin).claim(a).claim(b).build().total());
        // ... and says so: without objects the two were read as one project.
        Stacking unnamed = Stacking.builder(builtin).claim(a).claim(b).build();
        assertEquals(2, unnamed.noObject().size());
        assertTrue(unnamed.entries().get(1).noObject());
        assertTrue(unnamed.toJson().contains("\"no_object\""));
        assertTrue(Stacking.builder(builtin).claim(a, "P1").claim(b, "P2").build().noObject().isEmpty());
    }

    /** A4.09.e (一次性) twice for one object is flagged; for two objects it is not. */
    @Test
    void repeatedOneOffClaimsAreFlagged() {
        Result e = builtin.newCase("A4.09.e").date(LocalDate.of(2025, 6, 1)).text("usage_fee", "10000").evaluate();
        Stacking twice = Stacking.builder(builtin).claim(e).claim(e).build();
        assertEquals(2, twice.repeated().size());
        assertTrue(twice.toJson().contains("\"repeated\""));
        Stacking apart = Stacking.builder(builtin).claim(e, "A").claim(e, "B").build();
        assertTrue(apart.repeated().isEmpty());
        assertFalse(apart.entries().get(0).repeated());
    }

    @Test
    void badObjectsAreRefused() {
        Result e = builtin.newCase("A4.09.e").date(LocalDate.of(2025, 6, 1)).text("usage_fee", "10000").evaluate();
        assertThrows(IllegalArgumentException.class, () -> Stacking.builder(builtin).claim(e, "x".repeat(300)));
        assertThrows(IllegalArgumentException.class, () -> Stacking.builder(builtin).claim(e, "a\0b"));
        assertThrows(NullPointerException.class, () -> Stacking.builder(builtin).claim(null, "a"));
        assertThrows(InvalidValueException.class,
                () -> Stacking.builder(builtin).claim(e, "a", new BigDecimal("-1")));
    }
}
