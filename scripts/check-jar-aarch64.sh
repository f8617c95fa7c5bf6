#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# CI: the jar on an ARM64 JVM.  Debian's arm64 OpenJDK 17 runtime (unpacked
# without root by scripts/fetch-arm64.sh) runs under qemu-aarch64 with the jar
# that `mvn verify` built (bindings/java/target; built here with
# `mvn package -DskipTests` when missing) and a small program that checks, on
# ARM64:
#   - the loader took native/linux-aarch64/ out of the jar, and its version
#     check passed;
#   - A1.04.a (50 % of the contract amount): 1,001 fen pays 500 fen, and
#     8,589,934,593 fen (2^33 + 1) pays 4,294,967,296 fen (2^32);
#   - the same through a batch of both rows;
#   - an unknown input is an UnknownInputException naming it.
#
#   scripts/check-jar-aarch64.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/build-jar-aarch64
started=$SECONDS
fail() {
    echo "jar-aarch64: $*" >&2
    exit 1
}
command -v qemu-aarch64 >/dev/null || fail "needs qemu-aarch64: apt-get install qemu-user"
command -v javac >/dev/null || fail "needs a JDK (javac)"
jar=$(ls "$root"/bindings/java/target/dgsubsidy-*[0-9].jar 2>/dev/null | head -n1 || true)
if [ -z "$jar" ]; then
    mvn -B -q -f "$root/bindings/java/pom.xml" package -DskipTests >"$work.mvn.log" 2>&1 ||
        { tail -40 "$work.mvn.log" >&2; fail "mvn package failed"; }
    jar=$(ls "$root"/bindings/java/target/dgsubsidy-*[0-9].jar | head -n1)
fi
unzip -l "$jar" native/linux-aarch64/libdgsubsidy_jni.so >/dev/null 2>&1 ||
    fail "$(basename "$jar") has no native/linux-aarch64/libdgsubsidy_jni.so (built with -Ddgs.natives=host?)"

runtime=$work/root
jvm=$runtime/usr/lib/jvm/java-17-openjdk-arm64/bin/java
if [ ! -x "$jvm" ]; then
    rm -rf "$runtime"
    bash "$root/scripts/fetch-arm64.sh" "$work/apt" "$runtime" \
        openjdk-17-jre-headless libc6 libgcc-s1 libstdc++6 zlib1g || fail "cannot obtain Debian's arm64 OpenJDK 17"
fi

src=$work/src/probe/Arm64Probe.java
mkdir -p "$(dirname "$src")"
cat >"$src" <<'EOF'
package probe;

import java.time.LocalDate;
import org.dgsubsidy.BatchResult;
import org.dgsubsidy.Measure;
import org.dgsubsidy.Ruleset;
import org.dgsubsidy.UnknownInputException;
import org.dgsubsidy.internal.NativeLibrary;

public final class Arm64Probe {
    static void check(boolean ok, String what) {
        if (!ok) {
            System.out.println("FAILED: " + what);
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        check("aarch64".equals(System.getProperty("os.arch")), "os.arch is " + System.getProperty("os.arch"));
        LocalDate date = LocalDate.of(2025, 3, 1);
        try (Ruleset rs = Ruleset.builtin()) {
            String source = NativeLibrary.source();
            check(source.contains("!/native/linux-aarch64/libdgsubsidy_jni.so"), "loaded from " + source);
            Measure m = rs.measure("A1.04.a");
            long[] contract = {1001L, 8589934593L};
            long[] award = {500L, 4294967296L};
            for (int i = 0; i < contract.length; i++) {
                long got = m.newCase().date(date).moneyFen("contract_amount", contract[i]).evaluate().awardFen();
                check(got == award[i], "contract " + contract[i] + " fen: award " + got + " fen, not " + award[i]);
            }
            BatchResult b = m.batch(date).column("contract_amount", contract).run();
            for (int i = 0; i < contract.length; i++) {
                check(b.awardFen(i) == award[i], "batch row " + i + ": " + b.awardFen(i));
            }
            try {
                m.newCase().date(date).moneyFen("no_such_input", 1).evaluate();
                check(false, "an unknown input was accepted");
            } catch (UnknownInputException e) {
                check(e.getMessage().contains("no_such_input"), "the error does not name the input: " + e.getMessage());
            }
            System.out.println("ok: " + source);
        }
    }
}
EOF
rm -rf "$work/classes"
javac --release 17 -d "$work/classes" -cp "$jar" "$src" || fail "the probe does not compile against $(basename "$jar")"
out=$(qemu-aarch64 -L "$runtime" "$jvm" -Ddgsubsidy.extract.dir="$work/extract" -cp "$jar:$work/classes" probe.Arm64Probe 2>&1) ||
    fail "on the ARM64 JVM: $out"
case "$out" in
    ok:*) ;;
    *) fail "on the ARM64 JVM: $out" ;;
esac
echo "jar-aarch64: $(basename "$jar") on Debian's ARM64 OpenJDK 17 under qemu-aarch64: loaded native/linux-aarch64, evaluations, batch, error: ok, $((SECONDS - started)) s"
