// One engine, one report: for every fixture and every public corpus case this build can
// check, `validate()` gives the same JSON report as the command's `--format json`. The
// differences this build documents (bindings-wasm/README.md) are left out: the phone check,
// spreadsheets, Data Packages (files next to a descriptor) and JSON Schemas that `$ref`
// other documents by URL (no file system to hold local copies).
// The command is the binary named by CONFORME_BIN (scripts/test.sh builds it and sets it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { validate } from '../src/index.js';
import { CHECKS_NOT_IN_WASM, fixtureOptions } from './helpers.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const bin = process.env.CONFORME_BIN;

function dirs(root) {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => `${root}${e.name}/`)
    .sort();
}

function dataFile(dir) {
  return readdirSync(dir).find((name) => name.startsWith('data.'));
}

// Every case: `{ name, dir, data, schema, options }`.
function cases() {
  const out = [];
  for (const dir of dirs(`${repo}fixtures/tableschema/`)) {
    const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8'));
    out.push({ name: `fixture ${dir}`, dir, data: dataFile(dir), options: expected.options ?? {} });
  }
  for (const dir of [...dirs(`${repo}fixtures/json/`), ...dirs(corpus)]) {
    const data = dataFile(dir);
    if (data) out.push({ name: dir, dir, data, options: {} });
  }
  return out;
}

function leftOut(schema, data) {
  if (!/\.(csv|json|geojson|tsv|txt)$/.test(data)) return 'spreadsheets';
  if (CHECKS_NOT_IN_WASM.some((check) => schema.includes(`"${check}"`))) return 'the phone check';
  if (/"\$ref"\s*:\s*"https?:/.test(schema)) return 'a $ref by URL';
  return null;
}

function commandReport(c) {
  const args = ['validate', `${c.dir}${c.data}`, '--schema', `${c.dir}schema.json`, '--format', 'json', '--lang', 'fr'];
  if (Object.keys(c.options).length > 0) args.push('--options', JSON.stringify(c.options));
  const run = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(run.status === 0 || run.status === 1, `${args.join(' ')}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

test('the command and the JavaScript package give the same report', { skip: bin ? false : 'CONFORME_BIN is not set (scripts/test.sh wasm sets it)' }, async (t) => {
  let compared = 0;
  for (const c of cases()) {
    const schema = readFileSync(`${c.dir}schema.json`, 'utf8');
    if (leftOut(schema, c.data)) continue;
    const data = new Uint8Array(readFileSync(`${c.dir}${c.data}`));
    const js = await validate(data, schema, { ...fixtureOptions(c.options), lang: 'fr' });
    assert.deepEqual(js, commandReport(c), c.name);
    compared += 1;
  }
  t.diagnostic(`${compared} cases compared`);
  assert.ok(compared >= 50, `only ${compared} cases compared`);
});
