#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Runs the C tests and the command-line tool under valgrind memcheck: any
# invalid read or write, use of an uninitialised value, or definitely or
# indirectly lost block fails the check.
#
#   scripts/check-valgrind.sh              # build-valgrind/
#   BUILD_DIR=/tmp/vg scripts/check-valgrind.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-valgrind}
jobs=${JOBS:-$(nproc)}

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="${CC:-cc}" -DCMAKE_BUILD_TYPE=Debug \
      -DDGS_FUZZ=ON -DDGS_INSTALL=OFF >/dev/null
cmake --build "$build" -j "$jobs"

# Each command is bounded (a hang fails the check instead of the CI run).
vg=(timeout "${VG_TIMEOUT:-600}" valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --track-origins=yes --num-callers=30)
failed=0
ran=0
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

# One command under valgrind; `expect` is the exit status the command itself
# must return (the tool returns 2 for bad input), valgrind's errors give 1.
check() {
    local expect=$1 name=$2
    shift 2
    ran=$((ran + 1))
    local status=0
    "${vg[@]}" --log-file="$log/vg.txt" "$@" >"$log/out.txt" 2>"$log/err.txt" || status=$?
    if [ -s "$log/vg.txt" ] || [ "$status" -ne "$expect" ]; then
        echo "FAIL  $name (exit $status, expected $expect)"
        cat "$log/vg.txt" "$log/err.txt" | head -60
        failed=$((failed + 1))
    else
        echo "ok    $name"
    fi
}

# ---- the C tests, as ctest runs them -------------------------------------------
# The property test runs a tenth of its random cases here (the full run is
# in the plain and sanitizer builds).
export DGS_PROPERTY_CASES=${DGS_PROPERTY_CASES:-2000}
cd "$build"
while IFS=$'\t' read -r name cmd; do
    # shellcheck disable=SC2086
    check 0 "ctest $name" $cmd
done < <(ctest --show-only=json-v1 | python3 -c '
import json, os, shlex, sys
for t in json.load(sys.stdin)["tests"]:
    # Checks run by an interpreter (bash, python) test scripts, not the
    # library: valgrind would only watch the interpreter.
    if os.path.basename(t["command"][0]).startswith(("bash", "sh", "python", "perl")):
        continue
    print(t["name"] + "\t" + " ".join(shlex.quote(a) for a in t["command"]))')

# ---- the command-line tool -----------------------------------------------------------
tool=$build/tools/dgsubsidy/dgsubsidy
tmp=$log/in
mkdir -p "$tmp"
check 0 "cli list" "$tool" list
check 0 "cli list --kind formula --lang en" "$tool" list --kind formula --lang en
check 0 "cli show" "$tool" show A1.07.a
check 0 "cli show --json" "$tool" show A4.03.b --json --lang en --date 2025-03-01
check 0 "cli eval" "$tool" eval A1.07.a financed_amount=30000000 interest_paid=2000000 --date 2025-03-01
check 0 "cli eval --json" "$tool" eval A4.02.1.a booth_area=36 build_cost=80000.50 --json --lang en --date 2024-05-01
check 0 "cli eval list input" "$tool" eval A4.04.b travel_costs=8000,9000.5,7000 --date 2026-01-01
check 0 "cli eval not in force" "$tool" eval A3.05.a --date 2030-01-01
check 0 "cli eval qualitative" "$tool" eval A1.02.a --date 2025-01-01
check 2 "cli eval negative money" "$tool" eval A1.07.a financed_amount=-1 interest_paid=1 --date 2025-03-01
check 2 "cli eval malformed money" "$tool" eval A1.07.a financed_amount=1.234 interest_paid=1 --date 2025-03-01
check 2 "cli eval unknown input" "$tool" eval A1.07.a nope=1 --date 2025-03-01
check 2 "cli eval missing input" "$tool" eval A1.07.a --date 2025-03-01
check 2 "cli eval bad date" "$tool" eval A1.07.a --date 2025-02-30
check 2 "cli eval unknown measure" "$tool" eval Z9.99
check 2 "cli eval overflow" "$tool" eval A1.01.a national_funds=92233720368547758.07 provincial_funds=92233720368547758.07 total_investment=1 --date 2025-03-01
check 2 "cli unknown command" "$tool" frobnicate
check 0 "cli catalog" "$tool" catalog --format markdown
check 0 "cli allocate" "$tool" allocate --budget 1000 300 500 700.01
check 2 "cli allocate negative" "$tool" allocate --budget 1000 -- -5
printf 'financed_amount,interest_paid\n30000000,2000000\n1000,\n-5,3\n' >"$tmp/rows.csv"
check 2 "cli batch with a bad row" "$tool" batch A1.07.a --input "$tmp/rows.csv" --date 2025-03-01
printf 'financed_amount,interest_paid\n30000000,2000000\n6000000,100000\n' >"$tmp/good.csv"
check 0 "cli batch" "$tool" batch A1.07.a --input "$tmp/good.csv" --date 2025-03-01
for g in "$root"/examples/guidelines/*.json; do
    [ -e "$g" ] || continue
    check 0 "cli guideline $(basename "$g")" "$tool" show OP.06.b --guideline "$g" --date 2025-03-01
done
printf '{"changes": [{"measure": "A1.07.a", "parameter": "ratio", "value": 0.05}]}' >"$tmp/bad.json"
check 2 "cli malformed guideline" "$tool" list --guideline "$tmp/bad.json"
printf '\xef\xbb\xbfid,financed_amount,interest_paid\r\n"a,1",30000000,"2000000"\r\n\r\nb,1,"1,000"\r\n' >"$tmp/excel.csv"
check 2 "cli batch RFC 4180 with invalid rows" "$tool" batch A1.07.a --input "$tmp/excel.csv" --id id --date 2025-03-01
check 2 "cli batch --json with invalid rows" "$tool" batch A1.07.a --input "$tmp/excel.csv" --id id --date 2025-03-01 --json
printf '{"date": "2025-05-01",\n "claims": [{"measure": "A1.19.b", "alredy_granted": "1"}]}' >"$tmp/typo.json"
check 2 "cli stack unknown key" "$tool" stack "$tmp/typo.json"
check 1 "cli stack missing file" "$tool" stack "$tmp/missing.json"
check 0 "cli allocate --json" "$tool" allocate --budget 100 60 60 --json
check 0 "cli list --json" "$tool" list --json
apps=("$root"/examples/applications/*.json)
if [ -e "${apps[0]}" ]; then
    check 0 "cli stack examples/applications" "$tool" stack "${apps[@]}"
    check 0 "cli stack --json" "$tool" stack "${apps[0]}" --json --lang en
fi

echo "valgrind: $((ran - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
