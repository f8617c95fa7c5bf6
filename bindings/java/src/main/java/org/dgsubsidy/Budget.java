// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.dgsubsidy.internal.NativeLibrary;

/**
 * Scales claims to a budget (结合各级年度预算规模): pro rata to the fen, or first come first
 * served.  Stateless and thread-safe.
 */
public final class Budget {
    private Budget() {
    }

    /**
     * Scales claims in fen to a budget in fen.  Pro rata: the shares sum to
     * min(budget, Σ claims) exactly and no share exceeds its claim.  First come: claims are met
     * in order until the budget runs out.
     *
     * @param budgetFen the budget, fen
     * @param claimsFen the claims, fen (not changed)
     * @param method    how to scale
     * @return the shares, fen, one per claim
     * @throws InvalidValueException if the budget or a claim is negative
     *                               ({@link DgsException#E_NEGATIVE}; {@link DgsException#row()}
     *                               is the claim's index)
     * @throws OverflowException     if the claims sum beyond the range of fen
     */
    public static long[] allocateFen(long budgetFen, long[] claimsFen, Allocation method) {
        Objects.requireNonNull(claimsFen, "claimsFen");
        Objects.requireNonNull(method, "method");
        NativeLibrary.load();
        long[] shares = new long[claimsFen.length];
        DgsNative.dgsj_allocate(budgetFen, claimsFen.clone(), method.code(), shares);
        return shares;
    }

    /**
     * As {@link #allocateFen(long, long[], Allocation)} in yuan.
     *
     * @param budget the budget, yuan (at most two decimals)
     * @param claims the claims, yuan (at most two decimals)
     * @param method how to scale
     * @return the shares, yuan, one per claim
     * @throws InvalidValueException if an amount is negative or has a fraction of a fen
     * @throws OverflowException     if the claims sum beyond the range of fen
     */
    public static List<BigDecimal> allocate(BigDecimal budget, List<BigDecimal> claims, Allocation method) {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(claims, "claims");
        long[] fen = new long[claims.size()];
        for (int i = 0; i < fen.length; i++) {
            fen[i] = Money.toFen(Objects.requireNonNull(claims.get(i), "claims[" + i + "]"), "claim #" + i);
        }
        long[] shares = allocateFen(Money.toFen(budget, "budget"), fen, method);
        List<BigDecimal> out = new ArrayList<>(shares.length);
        for (long s : shares) {
            out.add(BigDecimal.valueOf(s, 2));
        }
        return Collections.unmodifiableList(out);
    }
}
