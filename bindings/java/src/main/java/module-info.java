/**
 * libdgsubsidy for Java: the subsidies of Dongguan's 东府〔2024〕1号, computed exactly.
 *
 * <p>Start at {@link org.dgsubsidy.Ruleset#builtin()}.  The native library travels inside the
 * jar and is loaded on first use; the generated JNI classes live in a package this module does
 * not export.
 */
module org.dgsubsidy {
    exports org.dgsubsidy;
}
