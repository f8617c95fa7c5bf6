#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# The dgsubsidy program as a process: every command against a full device
# (/dev/full), a closed standard output (>&-) and an input that cannot be
# opened must exit 1 with one line on stderr; an input that is not a regular
# file exits 2.  Usage: process.sh DGSUBSIDY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'booth_area,build_cost\n36,120000\n' > "$tmp/rows.csv"
printf '100\n200\n' > "$tmp/claims.txt"
app="$src/examples/applications/precision-machinery.json"
guideline="$src/examples/guidelines/2025-doubling-enterprises.json"
missing="$tmp/missing"
failures=0

check() { # expected-rc description command...
  local want=$1 what=$2
  shift 2
  "$@" 2> "$tmp/err"
  local rc=$?
  local lines
  lines=$(wc -l < "$tmp/err")
  if [ "$rc" != "$want" ] || [ "$lines" != 1 ]; then
    echo "FAIL: $what: exit $rc (want $want), $lines lines on stderr: $(cat "$tmp/err")"
    failures=$((failures + 1))
  else
    echo "ok: $what: exit $rc: $(cat "$tmp/err")"
  fi
}

commands=(
  "list"
  "list --json"
  "show A1.07.a"
  "eval A1.07.a financed_amount=28000000 interest_paid=1200000 --date 2025-03-01"
  "eval A1.07.a financed_amount=28000000 interest_paid=1200000 --date 2025-03-01 --json"
  "batch A4.02.1.a --input $tmp/rows.csv --date 2025-05-01"
  "batch A4.02.1.a --input $tmp/rows.csv --date 2025-05-01 --json"
  "compare --guideline $guideline --input $tmp/rows.csv --measures A4.02.1.a --date 2025-05-01"
  "compare --guideline $guideline --input $tmp/rows.csv --measures A4.02.1.a --date 2025-05-01 --json"
  "stack $app"
  "stack $app --json"
  "allocate --budget 100 60 60"
  "allocate --budget 100 --input $tmp/claims.txt --json"
  "catalog --format markdown"
  "--help"
  "batch --help"
  "--version"
)
for c in "${commands[@]}"; do
  # shellcheck disable=SC2086
  check 1 "$c > /dev/full" sh -c "exec \"\$0\" $c > /dev/full" "$bin"
  # shellcheck disable=SC2086
  check 1 "$c >&-" sh -c "exec \"\$0\" $c >&-" "$bin"
done

# Inputs that cannot be opened: exit 1.  Not regular files: exit 2.
check 1 "list --guideline missing" "$bin" list --guideline "$missing"
check 1 "show --guideline missing" "$bin" show A1.07.a --guideline "$missing"
check 1 "eval --guideline missing" "$bin" eval A1.07.a --date 2025-03-01 --guideline "$missing"
check 1 "catalog --guideline missing" "$bin" catalog --format markdown --guideline "$missing"
check 1 "batch --input missing" "$bin" batch A4.02.1.a --input "$missing" --date 2025-05-01
check 1 "compare --input missing" "$bin" compare --guideline "$guideline" --input "$missing" --measures A4.02.1.a --date 2025-05-01
check 1 "stack missing" "$bin" stack "$missing"
check 1 "allocate --input missing" "$bin" allocate --budget 5 --input "$missing"
mkfifo "$tmp/fifo"
for special in "$tmp/fifo" /dev/zero "$tmp"; do
  check 2 "batch --input $special" timeout 10 "$bin" batch A4.02.1.a --input "$special" --date 2025-05-01
  check 2 "stack $special" timeout 10 "$bin" stack "$special"
  check 2 "compare --input $special" timeout 10 "$bin" compare --guideline "$guideline" --input "$special" --measures A4.02.1.a --date 2025-05-01
  check 2 "allocate --input $special" timeout 10 "$bin" allocate --budget 5 --input "$special"
  check 2 "list --guideline $special" timeout 10 "$bin" list --guideline "$special"
done
if [ "$(id -u)" != 0 ]; then
  cp "$tmp/rows.csv" "$tmp/locked.csv"
  chmod 000 "$tmp/locked.csv"
  check 1 "batch --input unreadable" "$bin" batch A4.02.1.a --input "$tmp/locked.csv" --date 2025-05-01
fi

# A full disk in the middle of a long batch: exit 1, not a short file and 0.
{ echo "booth_area,build_cost"; for i in $(seq 1 20000); do echo "$((18 + i % 30)),$((60000 + i))"; done; } > "$tmp/big.csv"
check 1 "batch of 20000 rows > /dev/full" sh -c "exec \"\$0\" batch A4.02.1.a --input $tmp/big.csv --date 2025-05-01 > /dev/full" "$bin"

if [ "$failures" != 0 ]; then
  echo "$failures failures"
  exit 1
fi
echo "all process-level checks passed"
