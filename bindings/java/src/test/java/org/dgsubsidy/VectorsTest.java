// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden vectors shared with C and Python (tests/vectors/vectors.jsonl): every one must
 * give exactly the expected outcome, award and binding constraint.
 */
class VectorsTest {
    static Ruleset builtin;

    @BeforeAll
    static void open() {
        builtin = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        builtin.close();
    }

    static Path file() {
        return TestSupport.root().resolve("tests/vectors/vectors.jsonl");
    }

    static List<JsonObject> vectors() throws IOException {
        List<JsonObject> out = new ArrayList<>();
        int line = 0;
        for (String text : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonObject v = JsonParser.parseString(text).getAsJsonObject();
            v.addProperty("_line", line);
            out.add(v);
        }
        return out;
    }

    @Test
    void theFileIsThereAndNamesAreUnique() throws IOException {
        List<JsonObject> vs = vectors();
        assertTrue(vs.size() >= 50, "only " + vs.size() + " vectors in " + file());
        Set<String> names = new HashSet<>();
        for (JsonObject v : vs) {
            assertTrue(names.add(v.get("name").getAsString()), "duplicate " + v.get("name"));
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenVectors() throws IOException {
        return vectors().stream().map(v -> DynamicTest.dynamicTest(
                v.get("name").getAsString() + " (line " + v.get("_line").getAsInt() + ")", () -> run(v)));
    }

    /** Applies the vector's parameter changes, in order, to the built-in ruleset. */
    static Ruleset rulesetOf(JsonObject v, List<Ruleset> opened) {
        Ruleset rs = builtin;
        if (v.has("parameters")) {
            for (JsonElement e : v.getAsJsonArray("parameters")) {
                JsonObject p = e.getAsJsonObject();
                rs = rs.withParameter(text(p, "measure"), p.get("parameter").getAsString(), p.get("value").getAsString(),
                        date(p, "from"), date(p, "until"), null);
                opened.add(rs);
            }
        }
        return rs;
    }

    static void run(JsonObject v) {
        List<Ruleset> opened = new ArrayList<>();
        try {
            Ruleset rs = rulesetOf(v, opened);
            Case c = rs.newCase(v.get("measure").getAsString()).date(LocalDate.parse(v.get("date").getAsString()));
            for (Map.Entry<String, JsonElement> in : v.getAsJsonObject("inputs").entrySet()) {
                c.text(in.getKey(), in.getValue().getAsString());
            }
            Result r = c.evaluate();
            JsonObject expect = v.getAsJsonObject("expect");
            String what = v.get("name").getAsString() + ": " + r + "; " + r.reason(java.util.Locale.ENGLISH);
            assertEquals(expect.get("outcome").getAsString(), r.outcome().label(), what);
            assertEquals(expect.get("award").getAsString(), r.award().toPlainString(), what);
            if (expect.has("binding")) {
                assertEquals(expect.get("binding").getAsString(), r.binding(), what);
            }
            // the rendered JSON agrees with the Java values
            JsonObject json = JsonParser.parseString(r.toJson()).getAsJsonObject();
            assertEquals(r.outcome().label(), json.get("outcome").getAsString(), what);
            // award_fen is the award in the library's base unit: fen for money, else whole units
            BigDecimal base = r.unit().startsWith("yuan") ? r.award().movePointRight(2) : r.award();
            assertEquals(base.longValueExact(), json.get("award_fen").getAsLong(), what);
        } finally {
            for (Ruleset o : opened) {
                o.close();
            }
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static LocalDate date(JsonObject o, String key) {
        String s = text(o, key);
        return s == null ? null : LocalDate.parse(s);
    }
}
