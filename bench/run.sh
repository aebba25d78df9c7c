#!/usr/bin/env bash
# Runs the benchmarks on demand; they are never part of `./mvnw verify`.
#
#   bench/run.sh                              all of them, with the defaults below
#   bench/run.sh XlsxExportBenchmark 100000 8 one of them, with its arguments ([rows|lines] [other columns])
#   bench/run.sh io.etareport.jobs.ReportPageRenderBenchmark 10000   a class outside io.etareport.bench, by full name
#   bench/run.sh io.etareport.simulator.SimulatorThroughputBenchmark  the simulator module's own
#   bench/run.sh EndToEndBenchmark 1500       the service against the simulator with that latency (ms)
#   bench/run.sh SickSupplierBenchmark 1500 hang crowd group   a hanging, slow or crowded supplier (p50/p95)
#
# BENCH_HEAP (default -Xmx256m, the production heap) and BENCH_JAVA_OPTS are passed to java.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="service/target/test-classes:service/target/classes:buz-simulator/target/test-classes"
classpath="$classpath:buz-simulator/target/classes:$(cat service/target/bench-classpath.txt)"

run() {
    # shellcheck disable=SC2086
    local main="$1"
    [[ "$main" == *.* ]] || main="io.etareport.bench.$main"
    java ${BENCH_HEAP:--Xmx256m} ${BENCH_JAVA_OPTS:-} -cp "$classpath" "$main" "${@:2}"
}

if [ $# -gt 0 ]; then
    run "$@"
else
    run ReportBuilderBenchmark
    run CsvExportBenchmark
    run XlsxExportBenchmark
    run io.etareport.jobs.ReportPageRenderBenchmark
    run EndToEndBenchmark
    run SickSupplierBenchmark
fi
