#!/usr/bin/env bash
# Builds every cargo-fuzz target and runs each for a fixed short time, starting from the
# committed seed corpus (fuzz/corpus/<target>/, never written to: new inputs go to
# fuzz/corpus-run/<target>/, which is not committed) and the inputs kept from the long
# campaigns (fuzz/corpus-kept/<target>.tar.xz, scripts/fuzz-keep.sh), all replayed first. Fails on the first crash, leak,
# timeout or out-of-memory; the input that did it is left in fuzz/artifacts/<target>/.
#
#   scripts/fuzz-smoke.sh            # every target, FUZZ_SECONDS (default 15) each
#   FUZZ_SECONDS=600 scripts/fuzz-smoke.sh read_csv   # one longer run
#
# Needs a nightly toolchain (or RUSTC_BOOTSTRAP=1 with stable) and cargo-fuzz
# (`cargo install cargo-fuzz --locked`).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${FUZZ_SECONDS:-15}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  FUZZ=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  FUZZ=(cargo fuzz)
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <("${FUZZ[@]}" list)
fi

"${FUZZ[@]}" build
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus-run/$t"
  if [ -f "fuzz/corpus-kept/$t.tar.xz" ]; then
    tar -xJf "fuzz/corpus-kept/$t.tar.xz" -C "fuzz/corpus-run/$t"
  fi
  echo "== fuzz $t for ${SECONDS_EACH}s =="
  # -rss_limit_mb: an input must not make the library use more than 2 GiB;
  # -timeout: nor take more than 10 s.
  log="fuzz/corpus-run/$t.log"
  if ! "${FUZZ[@]}" run "$t" "fuzz/corpus-run/$t" "fuzz/corpus/$t" -- \
    -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    > "$log" 2>&1; then
    grep -A20 -E 'panicked at|ERROR: libFuzzer' "$log" | head -40 >&2 || tail -40 "$log" >&2
    echo "fuzz target $t failed; the input is in fuzz/artifacts/$t/, the log in $log" >&2
    exit 1
  fi
  grep -E '^Done|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log"
done
echo "fuzz smoke: ${#targets[@]} targets, ${SECONDS_EACH}s each, no crash"
