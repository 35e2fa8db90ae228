#!/usr/bin/env bash
# JMH benchmarks of the training kernel and the test-set evaluators (outside the default build).
# Usage: scripts/bench-jmh.sh [JMH options, e.g. TrainingStepBenchmark -p batch=2]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/openblas-kernel.sh
mvn -B -q -Pbench -pl benchmarks -am -DskipTests package
exec java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main "$@"
