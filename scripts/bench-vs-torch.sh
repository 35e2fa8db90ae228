#!/usr/bin/env bash
# Side by side: the cnn model's default LeNet-style net by lrsearch (double precision) and by PyTorch
# (float32 and float64), on the same MNIST files, on this machine.
#
#   scripts/bench-vs-torch.sh [PAIRS] [TORCH_REFERENCE_PY]
#
# Each pair runs (1) the PyTorch peer, torch_cnn_reference.py --threads 2 (Debian's python3-torch, run
# with /usr/bin/python3): a training iteration (gradient + SGD update) at batch 2 and 8 on 5-shot MNIST
# and one evaluation of the 10,000 test images, in float32 and float64; then (2) lrsearch's JMH
# CnnBenchmark (backend auto) on the same three measurements. Prints every number, the medians over
# the pairs and lrsearch's ratio to each PyTorch precision.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pairs="${1:-3}"
ref="${2:-${TORCH_REFERENCE:-../shared/bench/torch_cnn_reference.py}}"
[ -f "$ref" ] || { echo "bench: PyTorch reference not found at $ref (give its path as the 2nd argument)" >&2; exit 2; }
/usr/bin/python3 -c "import torch" 2>/dev/null || { echo "bench: needs Debian's python3-torch (apt-get install python3-torch)" >&2; exit 2; }
data="${LRSEARCH_DATA:-$HOME/.cache/lrsearch/mnist}"
./lrsearch data fetch mnist >/dev/null 2>&1
. scripts/openblas-kernel.sh
mvn -B -q -Pbench -pl benchmarks -am -DskipTests package >/dev/null
out="$(mktemp -d)"
echo "date: $(date -u +%Y-%m-%d), OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, $(nproc) cores"
for i in $(seq 1 "$pairs"); do
  /usr/bin/python3 "$ref" "$data" --threads 2 > "$out/torch$i.txt" 2>&1
  java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main CnnBenchmark -p backend=auto \
      -f 1 -wi 3 -i 5 -w 1 -r 1 -rf csv -rff "$out/jmh$i.csv" > "$out/jmh$i.log" 2>&1
  echo "pair $i:"; sed 's/^/  /' "$out/torch$i.txt"; grep '^"' "$out/jmh$i.csv" | sed 's/^/  lrsearch /'
done
python3 - "$out" "$pairs" <<'PY'
import csv, re, statistics, sys
out, pairs = sys.argv[1], int(sys.argv[2])
torch, ours = {}, {}
for i in range(1, pairs + 1):
    for line in open(f"{out}/torch{i}.txt"):
        m = re.match(r"torch (\w+) threads \d+: (training iteration, batch (\d+)|one evaluation)[^:]*: ([\d.]+) (us|ms)", line)
        if m:
            key = (m.group(1), f"b{m.group(3)}" if m.group(3) else "eval")
            torch.setdefault(key, []).append(float(m.group(4)) * (1000 if m.group(5) == "ms" else 1))
    for row in csv.DictReader(open(f"{out}/jmh{i}.csv")):
        name = row["Benchmark"].split(".")[-1]
        key = "eval" if name == "evaluation" else f"b{row['Param: batch']}"
        if key == "eval" and row["Param: batch"] != "2":
            continue
        ours.setdefault(key, []).append(float(row["Score"]))
print("medians (µs):            lrsearch f64   torch f32   torch f64   ratio to f32   ratio to f64")
for key, label in (("b2", "training iteration, b2"), ("b8", "training iteration, b8"), ("eval", "evaluation of 10,000")):
    o, f32, f64 = statistics.median(ours[key]), statistics.median(torch[("float32", key)]), statistics.median(torch[("float64", key)])
    print(f"{label:24s} {o:12.1f} {f32:11.1f} {f64:11.1f} {o / f32:14.2f} {o / f64:14.2f}")
PY
