#!/usr/bin/env bash
# Runs an lrsearch experiment as a Slurm job array of N shards, then merges them in a job that
# starts when every shard has succeeded. Run from the project folder, on shared storage:
#
#   scripts/slurm-array.sh CONFIG N OUT [KEY=VALUE ...]
#
#   CONFIG  the experiment file, e.g. experiments/strategy-shootout.yaml
#   N       number of shards (array tasks); shard I runs the plan positions p with p mod N = I-1
#   OUT     a new folder on shared storage: shards go to OUT/shard-I, the merged results to OUT/merged
#   KEY=VALUE overrides, passed to every shard unchanged (they must be the same for all of them)
#
# Environment: CPUS (cores per shard, default 2), SBATCH_EXTRA (more sbatch options, e.g. a partition).
# A shard that fails or is cancelled can be finished with the same command plus --resume on its folder;
# then run the merge line printed below by hand.
set -euo pipefail
if [ $# -lt 3 ]; then
    sed -n '2,16p' "$0" >&2
    exit 2
fi
config=$1 n=$2 out=$3
shift 3
cpus=${CPUS:-2}
overrides=$(printf ' %q' "$@")
mkdir -p "$out"
array=$(sbatch --parsable ${SBATCH_EXTRA:-} --array=1-"$n" --cpus-per-task="$cpus" --job-name=lrsearch-shard \
    --output="$out/shard-%a.log" \
    --wrap "./lrsearch run $(printf %q "$config") --shard \${SLURM_ARRAY_TASK_ID}/$n --threads $cpus \
--out $(printf %q "$out")/shard-\${SLURM_ARRAY_TASK_ID}$overrides")
shards=""
for i in $(seq 1 "$n"); do
    shards="$shards $(printf %q "$out/shard-$i")"
done
merge="./lrsearch merge$shards --out $(printf %q "$out/merged")"
sbatch ${SBATCH_EXTRA:-} --dependency=afterok:"$array" --job-name=lrsearch-merge --output="$out/merge.log" --wrap "$merge"
echo "submitted shards as job $array; the merge runs when all succeed:"
echo "  $merge"
