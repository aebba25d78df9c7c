#!/usr/bin/env bash
# Runs the benchmarks on demand; they are never part of `./mvnw verify`.
#
#   bench/run.sh                              all of them, with the defaults below
#   bench/run.sh XlsxExportBenchmark 100000 8 one of them, with its arguments ([rows|lines] [other columns])
#   bench/run.sh ReportPageRenderBenchmark 10000   by its simple name, whichever package it measures
#   bench/run.sh io.etareport.link.ReportPageRenderBenchmark 10000   or by its full name
#   bench/run.sh SimulatorThroughputBenchmark      the simulator module's own
#   bench/run.sh EndToEndBenchmark 1500       the service against the simulator with that latency (ms)
#   bench/run.sh SickSupplierBenchmark 1500 hang crowd group   a hanging, slow or crowded supplier (p50/p95)
#   bench/run.sh InstantOpenBenchmark 1500 20 group   opening a link with a 5-minute-old report; job end to SSE event
#   bench/run.sh ClusterBenchmark 1500 100 4 4   100 customers at once, one node then two on one embedded PostgreSQL
#
# BENCH_HEAP (default -Xmx256m, the production heap) and BENCH_JAVA_OPTS are passed to java.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="service/target/test-classes:service/target/classes:buz-simulator/target/test-classes"
classpath="$classpath:buz-simulator/target/classes:$(cat service/target/bench-classpath.txt)"

# Benchmarks live in the package they measure: a simple name is looked up among the compiled test classes.
qualified() {
    local found
    found=$( (cd service/target/test-classes && find io -name "$1.class") 2>/dev/null;
            (cd buz-simulator/target/test-classes && find io -name "$1.class") 2>/dev/null)
    if [ "$(printf '%s\n' "$found" | grep -c .)" -ne 1 ]; then
        echo "No single benchmark class named $1 (found: ${found:-none})" >&2
        exit 2
    fi
    found="${found%.class}"
    echo "${found//\//.}"
}

run() {
    # shellcheck disable=SC2086
    local main="$1"
    [[ "$main" == *.* ]] || main="$(qualified "$main")"
    java ${BENCH_HEAP:--Xmx256m} ${BENCH_JAVA_OPTS:-} -cp "$classpath" "$main" "${@:2}"
}

if [ $# -gt 0 ]; then
    run "$@"
else
    run ReportBuilderBenchmark
    run CsvExportBenchmark
    run XlsxExportBenchmark
    run ReportPageRenderBenchmark
    run EndToEndBenchmark
    run SickSupplierBenchmark
fi
