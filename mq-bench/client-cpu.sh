#!/usr/bin/env bash
# Client CPU per 100k sync sends, our client (mq) vs the official 4.9.7 client (rocketmq4), against one instance of
# our broker app. Each measurement is a fresh load JVM (io.mq.bench.cpu.ClientCpuMain: warm-up, then the CPU time of
# the whole JVM over the measured sends); the drivers alternate, round by round. Usage:
#   mq-bench/client-cpu.sh [rounds] [messages] [threads]        # defaults: 3 rounds, 300000 messages, 16 threads
# Set SKIP_BUILD=1 to reuse the jars in target/; JFR_DIR=dir records each measured phase there (mq-bench/jfr-top.py
# summarises a recording; recording costs CPU, so figures of such a session are not comparable), LOAD_JAVA_OPTS adds
# flags to the load JVMs. Output: one CPU {json} line per run and the medians per driver.
set -euo pipefail
rounds="${1:-3}"; messages="${2:-300000}"; threads="${3:-16}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  mvn -B -o -q -pl mq-bench/load -am package -DskipTests
fi
load_jar="$(ls mq-bench/load/target/mq-bench-load-*.jar | grep -v '/original-' | head -n 1)"
app_jar="$(ls mq-broker-app/target/mq-broker-app-*.jar | grep -v '\.original' | head -n 1)"
work="$(mktemp -d /tmp/mq-client-cpu.XXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
namesrv_port="$(free_port)"; broker_port="$(free_port)"

java -Xmx1g -XX:+UseG1GC -XX:MaxDirectMemorySize=2g -jar "$app_jar" \
  --mq.namesrv.port="$namesrv_port" --mq.broker.port="$broker_port" --mq.broker.ip=127.0.0.1 \
  --mq.store.dir="$work/store" --mq.broker.flush-disk-type=ASYNC_FLUSH --spring.main.keep-alive=true \
  > "$work/broker.log" 2>&1 &
broker_pid=$!
trap 'kill "$broker_pid" 2>/dev/null || true; wait "$broker_pid" 2>/dev/null || true; rm -rf "$work/store"' EXIT
for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$broker_port") 2>/dev/null; then break; fi
  sleep 0.5
done
echo "broker pid $broker_pid, namesrv 127.0.0.1:$namesrv_port, logs in $work" >&2

results="$work/results.txt"
for round in $(seq 1 "$rounds"); do
  if (( round % 2 == 1 )); then order="mq rocketmq4"; else order="rocketmq4 mq"; fi
  for driver in $order; do
    # shellcheck disable=SC2086 # LOAD_JAVA_OPTS is a list of flags
    java -Xmx1g -XX:+UseG1GC ${LOAD_JAVA_OPTS:-} -cp "$load_jar" io.mq.bench.cpu.ClientCpuMain --driver "$driver" \
      --namesrv "127.0.0.1:$namesrv_port" --topic "ClientCpu-$driver" --messages "$messages" --threads "$threads" \
      ${JFR_DIR:+--jfr "$JFR_DIR/r$round-$driver.jfr"} \
      2> "$work/r$round-$driver.err" | grep '^CPU ' | tee -a "$results"
  done
done
echo "machine: $(nproc) cpus, load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(l[4:]) for l in open(sys.argv[1])]
med = {}
for d in ("mq", "rocketmq4"):
    xs = [r["cpuSecondsPer100k"] for r in rows if r["driver"] == d]
    rates = [r["msgPerSec"] for r in rows if r["driver"] == d]
    allocated = [r["bytesPerSend"] for r in rows if r["driver"] == d]
    med[d] = statistics.median(xs)
    print(f"{d:10s} CPU s per 100k sync sends: median {med[d]:.2f} (runs {', '.join(f'{x:.2f}' for x in xs)}); "
          f"msg/s median {statistics.median(rates):.0f}; heap bytes per send median {statistics.median(allocated):.0f}")
pairs = [rows[i:i + 2] for i in range(0, len(rows) - 1, 2)]
ratios = [next(r for r in p if r["driver"] == "mq")["cpuSecondsPer100k"]
          / next(r for r in p if r["driver"] == "rocketmq4")["cpuSecondsPer100k"] for p in pairs]
print(f"ratio ours/official: {med['mq'] / med['rocketmq4']:.2f} of the medians; per round "
      f"{', '.join(f'{r:.2f}' for r in ratios)}")
# The JIT compilers may still be working off their queue in the measured phase (a busy machine): the same without them.
nojit = {d: statistics.median([(r["cpuSeconds"] - r.get("jitCpuSeconds", 0)) / max(1, r["messages"]) * 100_000
                               for r in rows if r["driver"] == d]) for d in ("mq", "rocketmq4")}
print(f"without JIT compiler threads: mq {nojit['mq']:.2f}, rocketmq4 {nojit['rocketmq4']:.2f} CPU s per 100k; "
      f"ratio {nojit['mq'] / nojit['rocketmq4']:.2f}")
PY
