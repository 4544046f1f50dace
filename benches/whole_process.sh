#!/usr/bin/env bash
# Whole-process timings of `cloudshift simulate` (release build) and of the NumPy model, with
# hyperfine (Debian: apt-get install hyperfine; numpy: pip install numpy), and peak memory with
# /usr/bin/time. Prints one line per case: median wall time over RUNS runs, and the targets.
#
#   benches/whole_process.sh [RUNS]        (default 7; CARGO_TARGET_DIR is honoured)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/cloudshift"
data=benches/data
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

median() { # median wall seconds of a hyperfine JSON export
    python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}
time_case() { # name, command...
    local name="$1"
    shift
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$out/$name.json" "$*" >/dev/null
    printf '%-32s %8s s\n' "$name" "$(median "$out/$name.json")"
}
peak() { # name, command...: peak resident memory of one run
    local name="$1"
    shift
    /usr/bin/time -f '%M' -o "$out/$name.rss" "$@" >/dev/null
    printf '%-32s %8.0f MB peak\n' "$name" "$(($(cat "$out/$name.rss") / 1000))"
}

sim="$bin simulate --format csv"
time_case baseline_100k "$sim - --samples 100000"
time_case baseline_1m "$sim - --samples 1000000"
time_case fifty_years_100k "$sim $data/fifty-years.ron --samples 100000"
time_case fifty_years_1m "$sim $data/fifty-years.ron --samples 1000000"
time_case stress_10k "$sim $data/stress-16x16x50.ron --samples 10000"
if [ "${SKIP_SLOW:-0}" = 0 ]; then
    time_case stress_100k "$sim $data/stress-16x16x50.ron --samples 100000"
fi
if python3 -c 'import numpy' 2>/dev/null; then
    time_case numpy_baseline_100k "python3 benches/numpy_model.py 100000"
fi
peak baseline_1m $sim - --samples 1000000
if [ "${SKIP_SLOW:-0}" = 0 ]; then
    peak stress_1m $sim $data/stress-16x16x50.ron --samples 1000000
fi

ratio() { python3 -c "import json,sys; m=lambda n: json.load(open('$out/'+n+'.json'))['results'][0]['median']; print('%.1f' % (m(sys.argv[1]) / m(sys.argv[2])))" "$1" "$2"; }
echo "1M / 100k, baseline:            $(ratio baseline_1m baseline_100k)  (target <= 11)"
echo "1M / 100k, fifty years:         $(ratio fifty_years_1m fifty_years_100k)  (target <= 11)"
if [ "${SKIP_SLOW:-0}" = 0 ]; then
    echo "stress 100k / baseline 100k:    $(ratio stress_100k baseline_100k)  (target <= 40)"
fi
if [ -f "$out/numpy_baseline_100k.json" ]; then
    echo "NumPy / cloudshift, 100k:       $(ratio numpy_baseline_100k baseline_100k)  (target >= 10)"
fi
