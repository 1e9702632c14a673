#!/usr/bin/env bash
# Start-up of our broker app to the first accepted send, measured as compare.sh measures it (spawn of
# `java -Xmx1g -XX:+UseG1GC -XX:MaxDirectMemorySize=2g -jar mq-broker-app-*.jar` on a fresh store until an official
# 4.9.7 client producer gets SEND_OK on an auto-created topic; the probe retries every 10 ms). Options go to
# io.mq.bench.compare.StartupMain, e.g.
#   mq-bench/startup.sh                       # 1 warm-up + 7 runs, prints each and the median
#   mq-bench/startup.sh --runs 11 --jvm-args "-XX:SharedArchiveFile=app.jsa" --broker-jar ext/app.jar
# Set SKIP_BUILD=1 to reuse the jars already in target/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  mvn -B -o -q -pl mq-bench/load -am package -DskipTests
fi
jar="$(ls mq-bench/load/target/mq-bench-load-*.jar | grep -v '/original-' | head -n 1)"
exec java -Xmx512m -cp "$jar" io.mq.bench.compare.StartupMain "$@"
