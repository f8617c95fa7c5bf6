// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Eligibility conditions through Java: listed, declared on a case, carried by results, batched. */
class ConditionsTest {
    static Ruleset rs;
    static final LocalDate DATE = LocalDate.of(2025, 3, 1);

    @BeforeAll
    static void open() {
        rs = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        rs.close();
    }

    private static Case a107() {
        return rs.newCase("A1.07.a").date(DATE)
                .money("financed_amount", new BigDecimal("28000000"))
                .money("interest_paid", new BigDecimal("1200000"));
    }

    @Test
    void measuresListTheirConditions() {
        Measure m = rs.measure("A1.07.a");
        List<Measure.Condition> cs = m.conditions();
        assertEquals(3, cs.size());
        assertEquals("direct_lease", cs.get(1).id());
        assertEquals("融资租赁直租方式", cs.get(1).phrase());
        assertEquals("直租方式", cs.get(1).text(Locale.CHINESE));
        assertEquals("a direct finance lease", cs.get(1).text(Locale.ENGLISH));
        int counted = 0;
        for (Measure x : rs.measures()) {
            if (x.kind() == Kind.QUALITATIVE) {
                assertTrue(x.conditions().isEmpty(), x.id());
                continue;
            }
            counted++;
            assertTrue(!x.conditions().isEmpty(), x.id());
            for (Measure.Condition c : x.conditions()) {
                assertTrue(x.clause().contains(c.phrase()), x.id() + "." + c.id());
            }
        }
        assertEquals(127, counted);
        UnknownInputException e = assertThrows(UnknownInputException.class, () -> m.condition("nope"));
        assertTrue(e.getMessage().contains("doubling_enterprise, direct_lease, production_equipment"));
    }

    @Test
    void undeclaredAreAssumedAndTheAmountStays() {
        Result r = a107().evaluate();
        assertEquals(Outcome.GRANTED, r.outcome());
        assertEquals(new BigDecimal("1200000.00"), r.award());
        for (Result.Condition c : r.conditions()) {
            assertEquals(ConditionStatus.ASSUMED, c.status());
        }
        assertTrue(r.explain(Locale.CHINESE).contains("假定满足：倍增企业；直租方式；生产型设备"));
        assertTrue(r.toJson().contains("\"status\": \"assumed\""));
    }

    @Test
    void notMetMakesIneligibleWithThePhrase() {
        Result r = a107().condition("direct_lease", false).condition("doubling_enterprise", true).evaluate();
        assertEquals(Outcome.INELIGIBLE, r.outcome());
        assertEquals(0, r.awardFen());
        assertTrue(r.reason(Locale.CHINESE).contains("融资租赁直租方式"));
        assertEquals(ConditionStatus.MET, r.conditions().get(0).status());
        assertEquals(ConditionStatus.NOT_MET, r.conditions().get(1).status());
        assertEquals(ConditionStatus.ASSUMED, r.conditions().get(2).status());
        // as text, the way the command line writes it; then forgotten again
        Case c = a107().text("condition.production_equipment", "false");
        assertEquals(Outcome.INELIGIBLE, c.evaluate().outcome());
        assertEquals(Outcome.GRANTED, c.unset("condition.production_equipment").evaluate().outcome());
        assertThrows(UnknownInputException.class, () -> a107().condition("direct_leas", false));
        assertThrows(InvalidValueException.class, () -> a107().text("condition.direct_lease", "maybe").evaluate());
        // A4.09.a: 普惠平台类 projects are excluded
        Result p = rs.newCase("A4.09.a").date(DATE).money("premium_paid", new BigDecimal("100000"))
                .condition("not_inclusive_platform", false).evaluate();
        assertEquals(Outcome.INELIGIBLE, p.outcome());
        assertTrue(p.reason(Locale.CHINESE).contains("“普惠平台类”项目除外"));
    }

    @Test
    void everyConditionOfEveryMeasure() {
        int checked = 0;
        for (Measure m : rs.measures()) {
            if (m.kind() == Kind.QUALITATIVE) {
                continue;
            }
            for (Measure.Condition cond : m.conditions()) {
                Case c = m.newCase().date(DATE);
                fillRequired(c, m);
                Result r = c.condition(cond.id(), false).evaluate();
                assertEquals(Outcome.INELIGIBLE, r.outcome(), m.id() + "." + cond.id());
                assertTrue(r.reason(Locale.CHINESE).contains(cond.phrase()), m.id() + "." + cond.id());
                assertTrue(r.reason(Locale.ENGLISH).contains(cond.phrase()), m.id() + "." + cond.id());
                checked++;
            }
        }
        assertTrue(checked >= 127);
    }

    /** Plausible values for every required input (as the C tests fill them). */
    private static void fillRequired(Case c, Measure m) {
        for (Measure.Input in : m.inputs()) {
            if (!in.required()) {
                continue;
            }
            switch (in.type()) {
                case FLAG:
                    c.flag(in.name(), true);
                    break;
                case CHOICE:
                    c.choice(in.name(), in.choices().get(0));
                    break;
                case COUNT:
                    c.count(in.name(), 1);
                    break;
                case AREA:
                    c.area(in.name(), new BigDecimal("100000"));
                    break;
                case MONEY_LIST:
                    c.list(in.name(), List.of(new BigDecimal("100000")));
                    break;
                default:
                    c.money(in.name(), new BigDecimal("100000"));
            }
        }
    }

    @Test
    void governedElsewhere() {
        Measure m = rs.measure("A4.10.a");
        assertEquals(Kind.GOVERNED_ELSEWHERE, m.kind());
        assertEquals("外资大项目奖补政策", m.governedBy(Locale.CHINESE));
        assertEquals("", rs.measure("A4.09.a").governedBy(Locale.CHINESE));
        Result r = m.newCase().date(DATE).evaluate();
        assertEquals(Outcome.GOVERNED_ELSEWHERE, r.outcome());
        assertTrue(r.reason(Locale.CHINESE).contains("外资大项目奖补政策"));
        assertEquals(Outcome.INELIGIBLE, rs.newCase("A4.10.c").date(DATE)
                .count("new_foreign_investment_usd", 9_999_999).evaluate().outcome());
        assertEquals(Outcome.GOVERNED_ELSEWHERE, rs.newCase("A4.10.c").date(DATE)
                .count("new_foreign_investment_usd", 10_000_000).evaluate().outcome());
    }

    @Test
    void batchConditionColumns() {
        BatchResult b = rs.measure("A1.07.a").batch(DATE)
                .column("financed_amount", new long[] {2_800_000_000L, 2_800_000_000L, 2_800_000_000L})
                .column("interest_paid", new long[] {120_000_000L, 120_000_000L, 120_000_000L})
                .column("condition.direct_lease", new long[] {1, 0, 0}, new boolean[] {true, true, false})
                .run();
        assertEquals(Outcome.GRANTED, b.outcome(0));
        assertEquals(Outcome.INELIGIBLE, b.outcome(1));
        assertEquals(Outcome.GRANTED, b.outcome(2));
    }
}
