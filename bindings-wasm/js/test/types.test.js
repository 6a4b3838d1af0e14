// The TypeScript declarations stay in sync with what the engine really returns: the code list
// is generated from the engine, the report interfaces are checked key by key against real
// reports, and a usage example is type-checked with tsc.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { errorCodes, validate } from '../src/index.js';
import { errorTypeSource } from '../scripts/gen-error-type.js';
import { fixtures } from './helpers.js';

const declarations = readFileSync(new URL('../src/index.d.ts', import.meta.url), 'utf8');

// `{ key: optional }` of `export interface <name> { … }` in index.d.ts.
function declaredKeys(name) {
  const block = declarations.match(new RegExp(`export interface ${name}(?: extends \\w+)? \\{([\\s\\S]*?)\\n\\}`));
  assert.ok(block, `interface ${name} not found in index.d.ts`);
  const keys = {};
  for (const [, key, optional] of block[1].matchAll(/^ {2}(\w+)(\?)?:/gm)) keys[key] = optional === '?';
  return keys;
}

function assertMatches(name, object) {
  const declared = declaredKeys(name);
  for (const key of Object.keys(object)) {
    assert.ok(key in declared, `${name}.${key} is in reports but not declared in index.d.ts`);
  }
  for (const [key, optional] of Object.entries(declared)) {
    if (!optional) assert.ok(key in object, `${name}.${key} is declared required but missing from a report`);
  }
}

test('src/error-type.d.ts lists exactly the engine codes (regenerate with scripts/build-wasm.sh)', async () => {
  const committed = readFileSync(new URL('../src/error-type.d.ts', import.meta.url), 'utf8');
  assert.equal(committed, errorTypeSource(await errorCodes()));
});

test('Report, Stats and Diagnostic declare every key reports carry', async () => {
  let diagnostics = 0;
  for (const fixture of fixtures()) {
    const report = await validate(fixture.data, fixture.schema, fixture.options);
    assertMatches('Report', report);
    assertMatches('Stats', report.stats);
    assertMatches('Summary', report.summary);
    for (const group of report.summary.groups) {
      assertMatches('GroupSummary', group);
      for (const example of group.examples) assertMatches('Example', example);
    }
    for (const column of report.summary.by_column) assertMatches('ColumnCount', column);
    for (const d of [...report.errors, ...report.warnings]) {
      assertMatches('Diagnostic', d);
      diagnostics += 1;
    }
  }
  assert.ok(diagnostics > 50, `only ${diagnostics} diagnostics checked`);
});

test('the declarations type-check a usage example (tsc --strict)', async () => {
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const example = fileURLToPath(new URL('./usage.ts', import.meta.url));
  const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', example];
  try {
    await promisify(execFile)(process.execPath, args);
  } catch (error) {
    assert.fail(`tsc found errors:\n${error.stdout}${error.stderr}`);
  }
});
