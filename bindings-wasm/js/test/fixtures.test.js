// The shared fixtures give the JavaScript package the same verdicts and error triples as the
// Rust tests, whatever the input form and however the input is split.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { StreamValidator, validate } from '../src/index.js';
import { CHECKS_NOT_IN_WASM, expectedInWasm, fixtures, flatten, random } from './helpers.js';

const cases = fixtures();

test('the fixtures are found', () => {
  assert.ok(cases.length >= 20, `only ${cases.length} fixtures found`);
});

for (const fixture of cases) {
  describe(`fixture ${fixture.name}`, () => {
    test('verdict and error triples match expected.json', async () => {
      const report = await validate(fixture.data, fixture.schema, fixture.options);
      const expected = expectedInWasm(fixture);
      assert.equal(report.valid, expected.length === 0 ? true : fixture.expected.valid);
      assert.deepEqual(flatten(report), expected);
      const filtered = ['pickErrors', 'skipErrors', 'skipChecks'].some((k) => k in fixture.options);
      for (const check of CHECKS_NOT_IN_WASM) {
        if (!filtered && fixture.schema.includes(`"${check}"`)) {
          const warned = report.warnings.some((w) => w.type === 'unsupported-check' && w.params?.check === check);
          assert.ok(warned, `no unsupported-check warning for ${check}`);
        }
      }
    });

    test('a Blob read in small slices and a schema object give the same report', async () => {
      const whole = await validate(fixture.data, fixture.schema, fixture.options);
      const blob = new Blob([fixture.data]);
      const sliced = await validate(blob, JSON.parse(fixture.schema), { ...fixture.options, readSize: 7 });
      assert.deepEqual(sliced, whole);
    });

    test('pushing the bytes split at random points gives the same report', async () => {
      const whole = await validate(fixture.data, fixture.schema, fixture.options);
      const next = random(fixture.name.length * 7919);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const stream = await StreamValidator.create(fixture.schema, fixture.options);
        const cuts = [];
        let at = 0;
        while (at < fixture.data.length && !stream.done) {
          const size = 1 + Math.floor(next() * 64);
          cuts.push(size);
          stream.push(fixture.data.subarray(at, at + size));
          at += size;
        }
        assert.deepEqual(stream.finish(), whole, `pieces of ${cuts.join(', ')} bytes`);
      }
    });
  });
}
