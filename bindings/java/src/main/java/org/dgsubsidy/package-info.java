// SPDX-License-Identifier: MulanPSL-2.0
/**
 * The subsidies of Dongguan's 东府〔2024〕1号, computed exactly: a ruleset of the policy's
 * measures ({@link org.dgsubsidy.Ruleset}), cases evaluated to results with a trace
 * ({@link org.dgsubsidy.Case}, {@link org.dgsubsidy.Result}), batches over columns
 * ({@link org.dgsubsidy.Batch}), stacking of one applicant's awards
 * ({@link org.dgsubsidy.Stacking}) and budget allocation ({@link org.dgsubsidy.Budget}).
 *
 * <p>Money is {@link java.math.BigDecimal} yuan or {@code long} fen, never a {@code double}.
 * Errors are unchecked {@link org.dgsubsidy.DgsException}s carrying the C library's code.
 * Rulesets are thread-safe and {@link java.lang.AutoCloseable}; everything else is a plain
 * Java value or a single-thread builder.
 */
package org.dgsubsidy;
