#!/usr/bin/env bash
# Lighthouse (mobile, headless Debian Chromium) on a customer's report page, checked against the page's budgets.
# A benchmark, never part of `./mvnw verify`: run it against a running demo.
#
#   ./mvnw spring-boot:test-run                         # the demo (note a customer link from its log)
#   bench/lighthouse.sh http://localhost:8080/<link id>  # Big Group 300 is demo customer link 1
#
# Installs Lighthouse 12.2.3 (Node 20; 13 wants Node 22) into bench/lighthouse/node_modules on first use. The page
# is measured at /sync/<id> (the report in one response, as a customer sees it once the loading page moves on).
# Budgets: at most 4,000 DOM elements, at most 400 KB transferred, layout shift at most 0.1, total blocking time at
# most 300 ms, accessibility and best practices 100. Exit status 1 when one is missed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
url="${1:?usage: bench/lighthouse.sh http://host:port/<link id>}"
base="${url%/*}"
id="${url##*/}"
target="$base/sync/$id"
out="${LIGHTHOUSE_OUT:-$(mktemp -d)/report.json}"

if [ ! -x "$here/lighthouse/node_modules/.bin/lighthouse" ]; then
    (cd "$here/lighthouse" && npm install --no-audit --no-fund --silent)
fi

"$here/lighthouse/node_modules/.bin/lighthouse" "$target" --quiet --output=json --output-path="$out" \
    --form-factor=mobile --only-categories=performance,accessibility,best-practices \
    --chrome-path=/usr/bin/chromium \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync"

node - "$out" <<'JS'
const r = require(require('path').resolve(process.argv[2]));
const a = r.audits, c = r.categories;
const dom = a['dom-size'].numericValue;
const bytes = a['total-byte-weight'].numericValue;
const rows = [
  ['performance', Math.round(c.performance.score * 100), null],
  ['first contentful paint (s)', (a['first-contentful-paint'].numericValue / 1000).toFixed(1), null],
  ['largest contentful paint (s)', (a['largest-contentful-paint'].numericValue / 1000).toFixed(1), null],
  ['total blocking time (ms)', Math.round(a['total-blocking-time'].numericValue), v => v <= 300],
  ['layout shift', a['cumulative-layout-shift'].numericValue.toFixed(3), v => v <= 0.1],
  ['transferred (KB)', Math.round(bytes / 1024), v => v <= 400],
  ['DOM elements', dom, v => v <= 4000],
  ['accessibility', Math.round(c.accessibility.score * 100), v => v >= 100],
  ['best practices', Math.round(c['best-practices'].score * 100), v => v >= 100],
];
let missed = 0;
for (const [name, value, ok] of rows) {
  const verdict = ok ? (ok(Number(value)) ? 'ok' : 'OVER BUDGET') : '';
  if (verdict === 'OVER BUDGET') missed++;
  console.log(`${name.padEnd(30)} ${String(value).padStart(8)}  ${verdict}`);
}
for (const cat of ['accessibility', 'best-practices']) {
  for (const ref of c[cat].auditRefs) {
    const audit = a[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  ${cat}: ${ref.id} — ${audit.title}`);
  }
}
process.exit(missed ? 1 : 0);
JS
