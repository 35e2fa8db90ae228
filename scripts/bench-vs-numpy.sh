#!/usr/bin/env bash
# Side by side: the paper's whole Table 1 by lrsearch and by the NumPy reference implementation, on the
# same MNIST files, on this machine.
#
#   scripts/bench-vs-numpy.sh [--curve epoch] [PAIRS] [NUMPY_REFERENCE_PY]
#
# Each pair times (1) the NumPy reference (120 runs x 10,000 iterations, accuracy at the end only) and
# (2) lrsearch on equal work (training.evalEvery=10000), back to back; then (3) lrsearch's main job as
# configured (test accuracy every epoch). Prints every time, the medians, the ratios and lrsearch's peak RSS.
#
# With --curve epoch, each pair instead times both sides on the per-epoch curves of Figure 2 for a
# subset (learning rates 0.1 and H1, batch size 2, hidden size 20: 10 runs, 9,134 evaluations of the
# 10,000 test images), where evaluation is nearly all the work.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
epoch=""
if [ "${1:-}" = "--curve" ]; then
  [ "${2:-}" = "epoch" ] || { echo "bench: --curve takes 'epoch'" >&2; exit 2; }
  epoch=1
  shift 2
fi
pairs="${1:-3}"
ref="${2:-${NUMPY_REFERENCE:-../shared/bench/numpy_reference.py}}"
[ -f "$ref" ] || { echo "bench: NumPy reference not found at $ref (give its path as the 2nd argument)" >&2; exit 2; }
data="${LRSEARCH_DATA:-$HOME/.cache/lrsearch/mnist}"
./lrsearch data fetch mnist >/dev/null 2>&1
./lrsearch --version >/dev/null 2>&1   # build now, not inside a timed run
out="$(mktemp -d)"

timed() { # label command... ; prints seconds, records peak RSS (kB) in $out/rss
  local label=$1 s e
  shift
  s=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$out/rss" "$@" >"$out/$label.log" 2>&1 || { echo "bench: $* failed, see $out/$label.log" >&2; exit 1; }
  e=$(date +%s.%N)
  python3 -c "print(f'{$e - $s:.2f}')"
}
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" "$@"; }

np=(); eq=(); main=(); rss=0
if [ -n "$epoch" ]; then
  subset=(--settings 0.1 H1 --batches 2 --hidden 20 --curve epoch)
  cells=('grid.strategy=["0.1",H1]' 'grid.training.batchSize=[2]' 'grid.model.hidden=[20]')
  for i in $(seq 1 "$pairs"); do
    t=$(timed numpy env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$ref" --data "$data" "${subset[@]}"); np+=("$t")
    t=$(timed subset ./lrsearch run experiments/paper-table1.yaml "${cells[@]}" --out "$out/subset" --force); eq+=("$t")
    rss=$(( $(cat "$out/rss") > rss ? $(cat "$out/rss") : rss ))
    echo "pair $i: numpy ${np[-1]} s, lrsearch ${eq[-1]} s ($(python3 -c "print(f'{${eq[-1]}/${np[-1]}:.3f}')")x), $(grep -c . "$out/subset/curves.csv") curve rows"
  done
  mnp=$(median "${np[@]}"); meq=$(median "${eq[@]}")
  echo "median of $pairs, per-epoch curves (0.1 and H1, batch 2, hidden 20): numpy $mnp s | lrsearch $meq s = $(python3 -c "print(f'{$meq/$mnp:.3f}')")x | lrsearch peak RSS $((rss / 1024)) MiB"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(python3 -c 'import numpy; print("numpy", numpy.__version__)')"
  rm -rf "$out"
  exit 0
fi
for i in $(seq 1 "$pairs"); do
  # The NumPy side without the OPENBLAS_CORETYPE/L2_SIZE overrides this machine sets: they slow a current NumPy.
  t=$(timed numpy env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$ref" --data "$data"); np+=("$t")
  t=$(timed equal ./lrsearch run experiments/paper-table1.yaml training.evalEvery=10000 --out "$out/equal" --force); eq+=("$t")
  rss=$(( $(cat "$out/rss") > rss ? $(cat "$out/rss") : rss ))
  t=$(timed main ./lrsearch run experiments/paper-table1.yaml --out "$out/main" --force); main+=("$t")
  rss=$(( $(cat "$out/rss") > rss ? $(cat "$out/rss") : rss ))
  echo "pair $i: numpy ${np[-1]} s, lrsearch equal work ${eq[-1]} s ($(python3 -c "print(f'{${eq[-1]}/${np[-1]}:.3f}')")x), main job with curves ${main[-1]} s ($(python3 -c "print(f'{${main[-1]}/${np[-1]}:.3f}')")x)"
done
mnp=$(median "${np[@]}"); meq=$(median "${eq[@]}"); mmain=$(median "${main[@]}")
echo "median of $pairs: numpy $mnp s | lrsearch equal work $meq s = $(python3 -c "print(f'{$meq/$mnp:.3f}')")x | main job with curves $mmain s = $(python3 -c "print(f'{$mmain/$mnp:.3f}')")x | lrsearch peak RSS $((rss / 1024)) MiB"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(python3 -c 'import numpy; print("numpy", numpy.__version__)')"
rm -rf "$out"
