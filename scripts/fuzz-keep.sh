#!/usr/bin/env bash
# Keeps what a long fuzz campaign found: merges the seed corpus, the kept corpus and the
# campaign's inputs into the smallest set with the same coverage (libFuzzer -merge=1) and
# writes it as fuzz/corpus-kept/<target>.tar.xz — a few hundred kB per target instead of
# tens of thousands of files. scripts/fuzz-smoke.sh replays every kept input first, so a
# change that breaks on one of them fails the test command.
#
#   scripts/fuzz-keep.sh TARGET [RUN_DIR]    # RUN_DIR defaults to fuzz/corpus-run/TARGET
#
# Build the targets first (`cargo fuzz build -s none`, or as scripts/fuzz-smoke.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
t="$1"
run="${2:-fuzz/corpus-run/$t}"
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  FUZZ=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  FUZZ=(cargo fuzz)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old" "$work/min" fuzz/corpus-kept
[ -f "fuzz/corpus-kept/$t.tar.xz" ] && tar -xJf "fuzz/corpus-kept/$t.tar.xz" -C "$work/old"
"${FUZZ[@]}" run -s none "$t" "$work/min" "$work/old" "$run" "fuzz/corpus/$t" -- \
  -merge=1 -rss_limit_mb=2048 -timeout=10 > "$work/merge.log" 2>&1 \
  || { tail -20 "$work/merge.log" >&2; exit 1; }
# Sorted names and fixed metadata: the same inputs give the same archive bytes.
(cd "$work/min" && find . -type f -printf '%P\n' | LC_ALL=C sort \
  | tar -cf - --owner=0 --group=0 --numeric-owner --mtime=@0 --no-recursion -T - \
  | xz -9 -T1 > "$OLDPWD/fuzz/corpus-kept/$t.tar.xz")
echo "$t: $(ls "$work/min" | wc -l) inputs kept, $(du -h "fuzz/corpus-kept/$t.tar.xz" | cut -f1)"
