// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every class of error, with the C code and a message that names the culprit. */
class ErrorsTest {
    static Ruleset rs;

    @BeforeAll
    static void open() {
        rs = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        rs.close();
    }

    static <T extends DgsException> T expect(Class<T> type, int code, String inMessage, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code(), e.toString());
        assertTrue(e.getMessage().contains(inMessage), "'" + e.getMessage() + "' should contain '" + inMessage + "'");
        assertTrue(e instanceof RuntimeException);
        return e;
    }

    @Test
    void unknownMeasure() {
        UnknownMeasureException e = expect(UnknownMeasureException.class, DgsException.E_UNKNOWN_MEASURE, "A9.99.z",
                () -> rs.measure("A9.99.z"));
        assertEquals("DGS_E_UNKNOWN_MEASURE", e.statusName());
        expect(UnknownMeasureException.class, DgsException.E_UNKNOWN_MEASURE, "A9.99.z",
                () -> rs.withParameter("A9.99.z", "cap", "1"));
    }

    @Test
    void unknownInput() {
        Measure m = rs.measure("A1.07.a");
        UnknownInputException e = expect(UnknownInputException.class, DgsException.E_UNKNOWN_INPUT, "intrest_paid",
                () -> m.newCase().money("intrest_paid", BigDecimal.ONE));
        assertTrue(e.getMessage().contains("financed_amount, interest_paid"), e.getMessage());
        expect(UnknownInputException.class, DgsException.E_UNKNOWN_INPUT, "nope", () -> m.input("nope"));
        expect(UnknownInputException.class, DgsException.E_UNKNOWN_INPUT, "nope", () -> m.newCase().text("nope", "1"));
        // the library's own check, in a batch
        expect(UnknownInputException.class, DgsException.E_UNKNOWN_INPUT, "nope",
                () -> m.batch(TestSupport.IN_FORCE).column("nope", new long[1]).run());
    }

    @Test
    void unknownParameter() {
        expect(UnknownParameterException.class, DgsException.E_UNKNOWN_PARAMETER, "",
                () -> rs.withParameter("A1.07.a", "cap_year", "1"));
        expect(UnknownParameterException.class, DgsException.E_UNKNOWN_PARAMETER, "cap_year",
                () -> rs.measure("A1.07.a").parameter("cap_year"));
        expect(UnknownParameterException.class, DgsException.E_UNKNOWN_PARAMETER, "nope",
                () -> rs.rulesetParameter("nope", TestSupport.IN_FORCE));
    }

    @Test
    void missingInput() {
        Case c = rs.newCase("A1.07.a").date(TestSupport.IN_FORCE).money("financed_amount", BigDecimal.TEN);
        expect(MissingInputException.class, DgsException.E_MISSING_INPUT, "interest_paid", c::evaluate);
        expect(MissingInputException.class, DgsException.E_MISSING_INPUT, "date",
                () -> rs.newCase("A1.04.a").money("contract_amount", BigDecimal.TEN).evaluate());
    }

    @Test
    void invalidValues() {
        Measure m = rs.measure("A1.07.a");
        expect(InvalidValueException.class, DgsException.E_TYPE, "financed_amount",
                () -> m.newCase().count("financed_amount", 3));
        expect(InvalidValueException.class, DgsException.E_TYPE, "tier",
                () -> rs.newCase("A3.08.b").money("tier", BigDecimal.ONE));
        expect(InvalidValueException.class, DgsException.E_NEGATIVE, "-1",
                () -> m.newCase().moneyFen("financed_amount", -1));
        expect(InvalidValueException.class, DgsException.E_NEGATIVE, "negative",
                () -> rs.newCase("A4.02.2.b").count("months", -1));
        expect(InvalidValueException.class, DgsException.E_CHOICE, "galactic",
                () -> rs.newCase("A3.08.b").choice("tier", "galactic"));
        expect(InvalidValueException.class, DgsException.E_VALUE, "1.234",
                () -> m.newCase().money("financed_amount", new BigDecimal("1.234")));
        // the library's own checks of text, reported when the case is evaluated
        expect(InvalidValueException.class, DgsException.E_DATE, "2025-02-30",
                () -> m.newCase().text("date", "2025-02-30").evaluate());
        expect(InvalidValueException.class, DgsException.E_VALUE, "1.234",
                () -> m.newCase().date(TestSupport.IN_FORCE).text("financed_amount", "1.234").evaluate());
        expect(InvalidValueException.class, DgsException.E_VALUE, "maybe",
                () -> rs.newCase("A4.03.b").date(TestSupport.IN_FORCE).text("certified", "maybe").evaluate());
        expect(InvalidValueException.class, DgsException.E_NEGATIVE, "",
                () -> m.newCase().date(TestSupport.IN_FORCE).text("financed_amount", "-5").evaluate());
        expect(InvalidValueException.class, DgsException.E_CHOICE, "galactic",
                () -> rs.newCase("A3.08.b").date(TestSupport.IN_FORCE).text("tier", "galactic").evaluate());
        expect(InvalidValueException.class, DgsException.E_RANGE, "100%",
                () -> rs.withParameter("A1.04.a", "ratio", "120%"));
        expect(InvalidValueException.class, DgsException.E_RANGE, "4096",
                () -> rs.newCase("A4.04.b").date(TestSupport.IN_FORCE).listFen("travel_costs", new long[5000]).evaluate());
        expect(InvalidValueException.class, DgsException.E_DATE, "",
                () -> rs.withParameter("A4.09.e", "cap", "1", LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1), null));
    }

    @Test
    void overflow() {
        expect(OverflowException.class, DgsException.E_OVERFLOW, "too large",
                () -> rs.newCase("A1.07.a").money("financed_amount", new BigDecimal("92233720368547758.08")));
        expect(OverflowException.class, DgsException.E_OVERFLOW, "",
                () -> rs.newCase("A1.07.a").date(TestSupport.IN_FORCE).text("financed_amount", "92233720368547758.08").evaluate());
        // inputs each in range whose sum is not
        expect(OverflowException.class, DgsException.E_OVERFLOW, "overflow",
                () -> rs.newCase("A1.11.a").date(TestSupport.IN_FORCE).moneyFen("venue_rent", Long.MAX_VALUE)
                        .moneyFen("setup_cost", Long.MAX_VALUE).evaluate());
        expect(OverflowException.class, DgsException.E_OVERFLOW, "",
                () -> Budget.allocateFen(1, new long[] {Long.MAX_VALUE, Long.MAX_VALUE}, Allocation.PRO_RATA));
    }

    @Test
    void guideline(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.write(bad, "{\n  \"changes\": [\n    {\"measure\": \"A1.07.a\", \"parameter\": \"cap_year\", \"value\": \"1\"}\n  ]\n}\n"
                .getBytes(StandardCharsets.UTF_8));
        GuidelineException e = expect(GuidelineException.class, DgsException.E_GUIDELINE, "bad.json", () -> rs.withGuideline(bad));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("cap_year"), e.getMessage());
        GuidelineException json = expect(GuidelineException.class, DgsException.E_GUIDELINE, "g.json",
                () -> rs.withGuideline("{\n\"changes\": [\n}", "g.json"));
        assertTrue(json.line() > 0, json.getMessage());
        GuidelineException missing = expect(GuidelineException.class, DgsException.E_IO, "cannot be read",
                () -> rs.withGuideline(dir.resolve("absent.json")));
        assertTrue(missing.getCause() instanceof IOException);
        assertEquals("DGS_E_IO", missing.statusName());
    }

    @Test
    void notSupported() {
        expect(NotSupportedException.class, DgsException.E_NOT_SUPPORTED, "travel_costs",
                () -> rs.measure("A4.04.b").batch(TestSupport.IN_FORCE).column("travel_costs", new long[3]).run());
    }

    @Test
    void otherCodesArePlainDgsExceptions() {
        DgsException e = expect(DgsException.class, DgsException.E_INVALID_ARGUMENT, "two columns",
                () -> rs.measure("A1.07.a").batch(TestSupport.IN_FORCE).column("financed_amount", new long[1])
                        .column("financed_amount", new long[1]).run());
        assertEquals(DgsException.class, e.getClass());
        assertEquals("DGS_E_UNKNOWN", DgsException.statusName(-99));
        assertEquals("DGS_E_UNKNOWN", DgsException.statusName(1));
        assertEquals(DgsException.class, DgsException.of(DgsException.E_NOMEM, "m", 0, 0).getClass());
        assertEquals(GuidelineException.class, DgsException.of(DgsException.E_GUIDELINE, "m", 7, 0).getClass());
        assertEquals(7, ((GuidelineException) DgsException.of(DgsException.E_GUIDELINE, "m", 7, 0)).line());
        assertEquals(5, DgsException.of(DgsException.E_NEGATIVE, "m", 0, 5).row());
    }

    @Test
    void nullArgumentsNameTheParameter() {
        Measure m = rs.measure("A1.07.a");
        Case c = m.newCase();
        npe("id", () -> rs.measure(null));
        npe("id", () -> rs.findMeasure(null));
        npe("path", () -> rs.withGuideline((Path) null));
        npe("json", () -> rs.withGuideline(null, "x"));
        npe("source", () -> rs.withGuideline("{}", null));
        npe("parameter", () -> rs.withParameter("A1.07.a", null, "1"));
        npe("value", () -> rs.withParameter("A1.07.a", "ratio", null));
        npe("results", () -> rs.stack(null));
        npe("results[0]", () -> rs.stack(java.util.Arrays.asList((Result) null)));
        npe("name", () -> rs.rulesetParameter(null, TestSupport.IN_FORCE));
        npe("date", () -> rs.rulesetParameter("validity_end", null));
        npe("date", () -> c.date(null));
        npe("input", () -> c.money(null, BigDecimal.ONE));
        npe("yuan", () -> c.money("financed_amount", null));
        npe("input", () -> c.moneyFen(null, 1));
        npe("squareMetres", () -> rs.newCase("A4.02.1.a").area("booth_area", null));
        npe("choice", () -> rs.newCase("A3.08.b").choice("tier", null));
        npe("yuan", () -> rs.newCase("A4.04.b").list("travel_costs", null));
        npe("yuan[1]", () -> rs.newCase("A4.04.b").list("travel_costs", java.util.Arrays.asList(BigDecimal.ONE, null)));
        npe("fen", () -> rs.newCase("A4.04.b").listFen("travel_costs", (long[]) null));
        npe("text", () -> c.text("financed_amount", null));
        npe("input", () -> c.unset(null));
        npe("name", () -> m.input(null));
        npe("name", () -> m.parameter(null));
        npe("date", () -> m.batch(null));
        npe("date", () -> m.parameter("ratio").valueAt(null));
        npe("values", () -> m.batch(TestSupport.IN_FORCE).column("financed_amount", null));
        npe("input", () -> m.batch(TestSupport.IN_FORCE).column(null, new long[1]));
        npe("locale", () -> m.title(null));
        npe("claimsFen", () -> Budget.allocateFen(1, null, Allocation.PRO_RATA));
        npe("method", () -> Budget.allocateFen(1, new long[1], null));
        npe("claims[0]", () -> Budget.allocate(BigDecimal.ONE, java.util.Arrays.asList((BigDecimal) null), Allocation.PRO_RATA));
        npe("yuan", () -> Money.toFen(null));
        Result r = m.newCase().date(TestSupport.IN_FORCE).moneyFen("financed_amount", 500_000_000L).moneyFen("interest_paid", 1).evaluate();
        npe("locale", () -> r.explain(null));
        npe("locale", () -> r.reason(null));
        npe("alreadyGranted", () -> rs.stack(List.of(r), (List<BigDecimal>) null));
        npe("alreadyGrantedFen", () -> rs.stack(List.of(r), (long[]) null));
        assertEquals("", r.reason(Locale.ROOT));
    }

    private static void npe(String parameter, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertEquals(parameter, e.getMessage());
    }
}
