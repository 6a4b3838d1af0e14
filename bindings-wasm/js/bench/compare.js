// Compares the validation speed of two or more builds of the package in Node (not a test):
// each DIR holds a copy of `src/` and `pkg/` (e.g. `cp -r bindings-wasm/js/{src,pkg} /tmp/a`
// before a change, the same into /tmp/b after it); the builds validate FILE in turn, ROUNDS
// times, and the medians are printed.
//   node bindings-wasm/js/bench/compare.js FILE SCHEMA ROUNDS DIR...
import { openAsBlob, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, schemaPath, rounds, ...dirs] = process.argv.slice(2);
if (!file || !schemaPath || !(Number(rounds) > 0) || dirs.length === 0) {
  console.error('usage: node compare.js FILE SCHEMA ROUNDS DIR...');
  process.exit(2);
}
const schema = readFileSync(schemaPath, 'utf8');
const builds = [];
for (const dir of dirs) builds.push(await import(pathToFileURL(resolve(dir, 'src/index.js')).href));
const size = statSync(file).size;
const speeds = dirs.map(() => []);
for (let round = 0; round < Number(rounds); round += 1) {
  for (const [i, build] of builds.entries()) {
    const started = performance.now();
    const report = await build.validate(await openAsBlob(file), schema);
    speeds[i].push(size / 1e6 / ((performance.now() - started) / 1000));
    if (round === 0) console.log(`${dirs[i]}: ${report.stats.rows} rows, ${report.stats.error_count} errors`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [i, dir] of dirs.entries()) {
  console.log(`${dir}: median ${median(speeds[i]).toFixed(1)} MB/s (${speeds[i].map((x) => x.toFixed(0)).join(' ')})`);
}
