#!/usr/bin/env bash
# Runs the same loads against our broker and Apache RocketMQ 5.2.0, in alternating rounds, and prints each
# figure as a ratio ours/apache with its spread. Options go to CompareMain (see --help there); e.g.
#   mq-bench/compare.sh --quick                 # smoke profile, about 5 minutes on 2 cores
#   mq-bench/compare.sh --rounds 3 --backlog 1000000
# Set SKIP_BUILD=1 to reuse the jars already in target/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  # -am also builds mq-broker-app's jar and writes the Apache RocketMQ classpath file (see mq-bench/load/pom.xml).
  mvn -B -o -q -pl mq-bench/load -am package -DskipTests
fi
jar="$(ls mq-bench/load/target/mq-bench-load-*.jar | grep -v '/original-' | head -n 1)"
exec java -Xmx1g -cp "$jar" io.mq.bench.compare.CompareMain "$@"
