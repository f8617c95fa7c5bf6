// SPDX-License-Identifier: MulanPSL-2.0
/**
 * libdgsubsidy for Java: the subsidies of Dongguan's 东府〔2024〕1号, computed exactly.
 *
 * <p>Start at {@link org.dgsubsidy.Ruleset#builtin()}.  The native library travels inside the
 * jar and is loaded on first use; the classes that make the native calls are package-private
 * in {@code org.dgsubsidy}, and the loader's package is not exported.
 *
 * <p>Jackson's annotations are optional: with them present, Jackson writes a
 * {@link org.dgsubsidy.Result} as plain values.
 */
module org.dgsubsidy {
    requires static com.fasterxml.jackson.annotation;

    exports org.dgsubsidy;
}
