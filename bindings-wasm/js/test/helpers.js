// Shared test helpers: the repository's fixtures and a seeded random generator.
import { readdirSync, readFileSync } from 'node:fs';

export const fixturesDir = new URL('../../../fixtures/tableschema/', import.meta.url);

/** Every fixture: `{ name, schema (text), data (bytes), expected, options }`. */
export function fixtures() {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = new URL(`${name}/`, fixturesDir);
      const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));
      return {
        name,
        schema: readFileSync(new URL('schema.json', dir), 'utf8'),
        data: new Uint8Array(readFileSync(new URL('data.csv', dir))),
        expected,
        options: fixtureOptions(expected.options ?? {}),
      };
    });
}

// A fixture's options are the engine's, in snake_case; this package takes them in camelCase.
export function fixtureOptions(options) {
  const camel = (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [camel(key), value]));
}

/**
 * Checks the WebAssembly build leaves out (see bindings-wasm/README.md): their errors are not
 * expected from it, and an `unsupported-check` warning is.
 */
export const CHECKS_NOT_IN_WASM = ['phone-number-value'];

/** Error types of the checks this build leaves out (they warn `unsupported-check`; see
 * bindings-wasm/README.md). The referential checks run: their lists are fetched on demand. */
export const TYPES_NOT_IN_WASM = ['phone-number-value'];

/** The expected triples of `fixture` for the WebAssembly build. */
export function expectedInWasm(fixture) {
  return fixture.expected.errors.filter(([, , type]) => !TYPES_NOT_IN_WASM.includes(type));
}

/** `[row, field_number, type]` triples, as the Rust tests compare them. */
export function flatten(report) {
  return report.errors.map((e) => [e.row ?? null, e.field_number ?? null, e.type]);
}

/** A deterministic generator (mulberry32), so a failing split can be replayed. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A CSV of `rows` rows for the schema below, with a type error every 1000th row. */
export function generatedCsv(rows) {
  const lines = ['id,name,amount'];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(`${i},name ${i},${i % 1000 === 0 ? 'oops' : (i * 1.5).toFixed(1)}`);
  }
  return `${lines.join('\n')}\n`;
}

export const generatedSchema = {
  fields: [
    { name: 'id', type: 'integer', constraints: { required: true } },
    { name: 'name', type: 'string' },
    { name: 'amount', type: 'number' },
  ],
};
