// The asynchronous API: progress, abort, options, errors, schema sources (real HTTP on
// loopback for URLs and the catalogue).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import {
  ConformeError, StreamValidator, catalogueSchemaUrl, checkSchema, engineVersion, fix, iterErrors, loadCatalogue,
  splitRows, validate,
} from '../src/index.js';
import { generatedCsv, generatedSchema } from './helpers.js';

const big = new TextEncoder().encode(generatedCsv(20000)); // ~400 KB, 20 type errors

describe('progress', () => {
  test('events arrive in order and end at the total', async () => {
    const events = [];
    const report = await validate(new Blob([big]), generatedSchema, {
      readSize: 32 * 1024, chunkSize: 16 * 1024, onProgress: (p) => events.push(p),
    });
    assert.ok(events.length >= 10, `${events.length} progress events`);
    for (const [i, e] of events.entries()) {
      assert.equal(e.total, big.length);
      if (i > 0) {
        assert.ok(e.bytes > events[i - 1].bytes, 'bytes grow');
        assert.ok(e.rows >= events[i - 1].rows, 'rows never go back');
      }
    }
    assert.equal(events.at(-1).bytes, big.length);
    assert.ok(events.at(-2).rows > 0, 'rows are counted while reading');
    assert.equal(report.stats.rows, 20000);
    assert.equal(report.errors.length, 20);
  });
});

describe('abort', () => {
  test('an already aborted signal rejects at once', async () => {
    await assert.rejects(validate(big, generatedSchema, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });

  test('aborting during the validation rejects with the reason and stops reading', async () => {
    const controller = new AbortController();
    let seen = 0;
    const reason = new Error('stopped by the user');
    await assert.rejects(
      validate(big, generatedSchema, {
        readSize: 8 * 1024,
        signal: controller.signal,
        onProgress: (p) => {
          seen = p.bytes;
          if (p.bytes >= 64 * 1024) controller.abort(reason);
        },
      }),
      (error) => error === reason,
    );
    assert.ok(seen < big.length, `stopped at ${seen} of ${big.length} bytes`);
  });

  test('aborting while a Blob slice is read rejects', async () => {
    const controller = new AbortController();
    const run = validate(new Blob([big]), generatedSchema, { readSize: 1024, signal: controller.signal });
    setTimeout(() => controller.abort(), 0);
    await assert.rejects(run, { name: 'AbortError' });
  });
});

describe('options', () => {
  test('maxErrors stops early and marks the report truncated', async () => {
    const report = await validate(big, generatedSchema, { maxErrors: 3 });
    assert.equal(report.errors.length, 3);
    assert.equal(report.stats.truncated, true);
  });

  test('messages are French by default and English on request', async () => {
    const fr = await validate('n\nx\n', { fields: [{ name: 'n', type: 'integer' }] });
    const en = await validate('n\nx\n', { fields: [{ name: 'n', type: 'integer' }] }, { lang: 'en' });
    assert.match(fr.errors[0].message, /entier/);
    assert.match(en.errors[0].message, /integer/);
  });

  test('unknown option values are a ConformeError naming the value', async () => {
    await assert.rejects(validate('a\n1\n', { fields: [{ name: 'a' }] }, { lang: 'de' }),
      (e) => e instanceof ConformeError && e.message.includes('"de"'));
  });
});

describe('bad input', () => {
  test('an unusable schema is a ConformeError with the JSON pointer', async () => {
    await assert.rejects(validate('a\n1\n', { fields: [{ name: 'a', type: 'texte' }] }),
      (e) => e instanceof ConformeError && e.message.includes('/fields/0/type'));
  });

  test('an empty file is invalid data: a report with one source-error that says so', async () => {
    const report = await validate(new Uint8Array(), generatedSchema, { lang: 'en' });
    assert.equal(report.valid, false);
    assert.deepEqual(report.errors.map((e) => e.type), ['source-error']);
    assert.equal(report.errors[0].params.reason, 'empty');
    assert.ok(report.errors[0].message.includes('empty'), report.errors[0].message);
  });

  test('an unsupported input type is a ConformeError', async () => {
    await assert.rejects(validate(42, generatedSchema), (e) => e instanceof ConformeError && e.message.includes('File'));
  });

  test('a finished StreamValidator cannot be reused', async () => {
    const stream = await StreamValidator.create(generatedSchema);
    stream.push('id,name,amount\n1,a,2\n');
    assert.equal(stream.finish().valid, true);
    assert.throws(() => stream.push('x'), (e) => e instanceof ConformeError && e.message.includes('finished'));
  });
});

describe('errors as they are found', () => {
  test('iterErrors yields the report errors in order while reading, then the report', async () => {
    const whole = await validate(big, generatedSchema, { lang: 'en' });
    const seen = [];
    let bytesAtFirst;
    let progress = 0;
    let final;
    for await (const error of iterErrors(new Blob([big]), generatedSchema, {
      lang: 'en', readSize: 32 * 1024, chunkSize: 16 * 1024,
      onProgress: (p) => { progress = p.bytes; },
      onReport: (r) => { final = r; },
    })) {
      bytesAtFirst ??= progress;
      seen.push(error);
    }
    assert.deepEqual(seen, whole.errors);
    assert.ok(bytesAtFirst < big.length, `first error after ${bytesAtFirst} of ${big.length} bytes`);
    assert.deepEqual(final.errors, []);
    assert.deepEqual(final.stats, whole.stats);
    assert.deepEqual(final.summary, whole.summary);
  });

  test('takeErrors hands out errors that still count in the report', async () => {
    const stream = await StreamValidator.create({ fields: [{ name: 'n', type: 'integer' }] }, { maskCells: true });
    stream.push('n\nsecret\n1\n');
    stream.push('x\n'.repeat(3));
    const taken = stream.takeErrors();
    const report = stream.finish();
    const all = [...taken, ...report.errors];
    assert.deepEqual(all.map((e) => e.row), [2, 4, 5, 6]);
    assert.ok(all.every((e) => e.cell === '•••'), JSON.stringify(all));
    assert.equal(report.stats.error_count, 4);
    assert.equal(report.summary.invalid_rows, 4);
  });
});

describe('checkSchema', () => {
  test('a usable schema gives a valid lint report', async () => {
    const check = await checkSchema(generatedSchema);
    assert.equal(check.valid, true);
    assert.deepEqual(check.errors, []);
    assert.equal(check.stats.error_count, 0);
  });

  test('an unusable schema lists why, with the pointer', async () => {
    const check = await checkSchema('{"fields": [{"name": "a", "type": "texte"}]}', { lang: 'en' });
    assert.equal(check.valid, false);
    assert.equal(check.errors[0].type, 'schema-error');
    assert.match(check.errors[0].message, /\/fields\/0\/type/);
  });

  test('lint findings point into the descriptor (a misspelt key drops a constraint: error)', async () => {
    const check = await checkSchema({ fields: [{ name: 'a', type: 'string', contraints: { required: true } }] });
    assert.equal(check.valid, false);
    const finding = check.errors.find((e) => e.params?.rule === 'misspelt-key');
    assert.ok(finding, JSON.stringify(check.errors));
    assert.equal(finding.params.pointer, '/fields/0/contraints');
  });

  test('messages follow lang', async () => {
    const schema = { fields: [{ name: 'a', type: 'string', contraints: {} }] };
    const fr = await checkSchema(schema);
    const en = await checkSchema(schema, { lang: 'en' });
    assert.match(fr.errors[0].message, /vouliez-vous/);
    assert.match(en.errors[0].message, /did you mean/);
  });

  test('broken JSON gives the line and column', async () => {
    const check = await checkSchema('{"fields": [}');
    assert.equal(check.valid, false);
    assert.match(check.errors[0].message, /line 1, column/);
  });

  test('a schema that cannot be fetched is an invalid report, not an exception', async () => {
    const check = await checkSchema('http://127.0.0.1:9/schema.json', { lang: 'en' });
    assert.equal(check.valid, false);
    assert.equal(check.errors[0].type, 'schema-error');
    assert.equal(check.errors[0].params.rule, 'unreadable-schema');
  });
});

describe('schemas over HTTP (loopback)', () => {
  let server;
  let base;
  const catalogue = {
    schemas: [
      {
        name: 'test/schema-montants', title: 'Montants', schema_type: 'tableschema', schema_url: '/schemas/montants/2.0.0.json',
        versions: [{ version_name: '1.0.0', schema_url: '/schemas/montants/1.0.0.json' }, { version_name: '2.0.0', schema_url: '/schemas/montants/2.0.0.json' }],
      },
      { name: 'test/autre-chose', title: 'Autre', schema_type: 'other', schema_url: '/x' },
    ],
  };
  before(async () => {
    server = createServer((request, response) => {
      const routes = {
        '/schemas.json': JSON.stringify(catalogue),
        '/schemas/montants/2.0.0.json': JSON.stringify(generatedSchema),
      };
      const body = routes[request.url];
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      response.end(body ?? '{"error": "not found"}');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => server.close());

  test('a schema URL is fetched', async () => {
    const report = await validate('id,name,amount\n1,a,x\n', `${base}/schemas/montants/2.0.0.json`);
    assert.deepEqual(report.errors.map((e) => e.type), ['type-error']);
  });

  test('a missing schema is a ConformeError with the HTTP status', async () => {
    await assert.rejects(validate('a\n', `${base}/nowhere.json`),
      (e) => e instanceof ConformeError && e.message.includes('HTTP 404'));
  });

  test('the catalogue lists Table Schemas and resolves versions', async () => {
    const entries = await loadCatalogue({ url: `${base}/schemas.json` });
    assert.deepEqual(entries.map((e) => e.name), ['test/schema-montants']);
    assert.equal(catalogueSchemaUrl(entries, 'test/schema-montants'), '/schemas/montants/2.0.0.json');
    assert.equal(catalogueSchemaUrl(entries, 'test/schema-montants@1.0.0'), '/schemas/montants/1.0.0.json');
    assert.throws(() => catalogueSchemaUrl(entries, 'test/schema-montants@9'), /versions: 1.0.0, 2.0.0/);
    assert.throws(() => catalogueSchemaUrl(entries, 'test/inconnu'), ConformeError);
  });
});

test('the engine reports its version', async () => {
  assert.match(await engineVersion(), /^\d+\.\d+\.\d+/);
});

describe('repairs and row splits', () => {
  const schema = {
    fields: [
      { name: 'code', type: 'string', constraints: { pattern: '[0-9]{5}' } },
      { name: 'prix', type: 'number' },
      { name: 'jour', type: 'date' },
    ],
  };
  const latin1 = (text) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const decode = (bytes) => new TextDecoder().decode(bytes);

  test('fix gives the corrected file and every change, as conforme fix does', async () => {
    // A spreadsheet export: Windows-1252, `;`, a lost leading zero, a decimal comma, a
    // day-first date, a header label in another case.
    const input = new Blob([latin1('Code;prix;jour\n1000;2,5;31/01/2024\n75001;3;2024-02-01\n')]);
    const fixed = await fix(input, schema);
    assert.equal(decode(fixed.data), 'code,prix,jour\n01000,2.5,2024-01-31\n75001,3,2024-02-01\n');
    assert.equal(fixed.rows, 2);
    assert.equal(fixed.changes, 4);
    assert.equal(fixed.byRule['decimal-comma'], 1);
    assert.deepEqual(fixed.log.slice(1).map((c) => [c.row, c.column, c.old, c.new, c.rule]), [
      [2, 'code', '1000', '01000', 'leading-zeros'],
      [2, 'prix', '2,5', '2.5', 'decimal-comma'],
      [2, 'jour', '31/01/2024', '2024-01-31', 'date-layout'],
    ]);
    assert.equal((await validate(fixed.data, schema)).valid, true);
  });

  test('judgement calls only when asked', async () => {
    const choice = { fields: [{ name: 'statut', type: 'string', constraints: { enum: ['ouvert', 'fermé'] } }] };
    const input = 'statut\nouvret\n';
    assert.equal(decode((await fix(input, choice)).data), 'statut\nouvret\n');
    const guessed = await fix(input, choice, { closestEnum: true });
    assert.equal(decode(guessed.data), 'statut\nouvert\n');
    assert.equal(guessed.log[0].rule, 'closest-enum');
    await assert.rejects(fix(input, choice, { closestEnum: 'yes' }), ConformeError);
  });

  test('fix refuses a JSON Schema with a clear error', async () => {
    const jsonSchema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' };
    await assert.rejects(fix('a\n1\n', jsonSchema), (e) => e instanceof ConformeError && /Table Schema/.test(e.message));
  });

  test('splitRows gives the rows without errors and the rows with their errors', async () => {
    const split = await splitRows('code;prix;jour\n75001;1;2024-01-01\nx;2;2024-01-02\n', schema, { lang: 'en' });
    assert.equal(split.validRows, 1);
    assert.equal(split.invalidRows, 1);
    assert.equal(decode(split.valid), 'code;prix;jour\n75001;1;2024-01-01\n');
    const invalid = decode(split.invalid).split('\n');
    assert.equal(invalid[0], 'code;prix;jour;errors');
    assert.match(invalid[1], /^x;2;2024-01-02;.*constraint-error \(code\)/);
  });
});
