// The validation page in a real headless Chromium (Debian's, driven by playwright-core): the
// page is served on 127.0.0.1, a fixture is uploaded through the file inputs, and the verdict
// and highlighted cells are checked. Saves a screenshot under target/browser/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.js';

const root = new URL('../../', import.meta.url); // bindings-wasm/
const fixture = (name, file) => fileURLToPath(new URL(`../fixtures/tableschema/${name}/${file}`, root));
const artifacts = fileURLToPath(new URL('../target/browser/', root));
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serve(fileURLToPath(root));
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
  await page.goto(`${server.url}/www/index.html`);
  // Loaded once the Worker has the engine: from here on, no network is needed.
  await page.waitForSelector('html[data-engine=ready]');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function upload(name) {
  await page.setInputFiles('#schema-file', fixture(name, 'schema.json'));
  await page.waitForSelector('#schema-status[data-state=ready]');
  await page.evaluate(() => { delete document.getElementById('result').dataset.state; });
  await page.setInputFiles('#data-file', fixture(name, 'data.csv'));
  await page.waitForSelector('#result[data-state=done]');
}

test('an invalid fixture: verdict, French summary and the invalid cells highlighted', async () => {
  await page.context().setOffline(true);
  await upload('every-cell-error');
  const expected = JSON.parse(readFileSync(fixture('every-cell-error', 'expected.json'), 'utf8'));

  assert.equal(await page.getAttribute('#verdict', 'data-valid'), 'false');
  assert.match(await page.textContent('#verdict'), /n'est pas conforme/);
  const summary = await page.textContent('#summary');
  assert.match(summary, /7 erreurs sur 2 lignes/);
  assert.match(summary, /valeur de mauvais type/);

  const highlighted = await page.$$eval('#grid td.invalid',
    (cells) => cells.map((td) => [Number(td.dataset.row), Number(td.dataset.column)]));
  const wanted = expected.errors.map(([row, column]) => [row, column]);
  const key = ([row, column]) => `${row}:${column}`;
  assert.deepEqual(highlighted.map(key).sort(), wanted.map(key).sort());
  assert.equal(await page.$eval('#grid td.invalid[data-row="2"][data-column="2"]', (td) => td.textContent), '123');
  assert.match(await page.$eval('#grid td.invalid[data-row="2"][data-column="2"]', (td) => td.title), /motif/);
  assert.equal(await page.$$eval('#errors tbody tr', (rows) => rows.length), expected.errors.length);

  await page.screenshot({ path: `${artifacts}report.png`, fullPage: true });
  await page.context().setOffline(false);
});

test('a valid fixture: the page says so and highlights nothing', async () => {
  await upload('valid-basic');
  assert.equal(await page.getAttribute('#verdict', 'data-valid'), 'true');
  assert.match(await page.textContent('#summary'), /^Aucune erreur/);
  assert.equal(await page.$$eval('td.invalid', (cells) => cells.length), 0);
});

test('a spreadsheet export: the page prepares a corrected copy, lists the changes and what is left', async () => {
  await page.context().setOffline(true);
  const schema = {
    fields: [
      { name: 'code', type: 'string', constraints: { pattern: '[0-9]{5}' } },
      { name: 'prix', type: 'number' },
      { name: 'jour', type: 'date' },
    ],
  };
  await page.setInputFiles('#schema-file', {
    name: 'schema.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(schema)),
  });
  await page.waitForSelector('#schema-status[data-state=ready]');
  await page.evaluate(() => { delete document.getElementById('result').dataset.state; });
  // Windows-1252 and `;`, as a spreadsheet writes it; `n/a` has no safe repair.
  const data = Buffer.from('Code;prix;jour\n1000;2,5;31/01/2024\n75001;n/a;2024-02-01\n', 'latin1');
  await page.setInputFiles('#data-file', { name: 'export.csv', mimeType: 'text/csv', buffer: data });
  await page.waitForSelector('#result[data-state=done]');
  assert.equal(await page.getAttribute('#verdict', 'data-valid'), 'false');
  assert.equal(await page.isVisible('#repair'), true);

  await page.click('#fix');
  await page.waitForSelector('#fix-download:not([hidden])');
  assert.match(await page.textContent('#fix-status'), /4 corrections ; il reste 1 erreur à corriger à la main/);
  const changes = await page.$$eval('#changes tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.deepEqual(changes.slice(1), [
    ['2', 'code', '1000', '01000', 'zéros en tête'],
    ['2', 'prix', '2,5', '2.5', 'virgule décimale'],
    ['2', 'jour', '31/01/2024', '2024-01-31', 'format de date'],
  ]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#fix-download')]);
  assert.equal(download.suggestedFilename(), 'export-corrige.csv');
  assert.equal(readFileSync(await download.path(), 'utf8'), 'code,prix,jour\n01000,2.5,2024-01-31\n75001,n/a,2024-02-01\n');
  await page.screenshot({ path: `${artifacts}repair.png`, fullPage: true });
  await page.context().setOffline(false);
});

test('a referential check fetches the official lists once, then runs as natively', async () => {
  const fetched = [];
  const onRequest = (request) => { if (request.url().endsWith('/referentials.json')) fetched.push(request.url()); };
  page.context().on('request', onRequest);
  const schema = Buffer.from(JSON.stringify({
    fields: [{ name: 'commune', type: 'string', customCheck: { name: 'code-commune-insee', cog: '2024' } }],
  }));
  const run = async (csv) => {
    await page.setInputFiles('#schema-file', { name: 'communes.json', mimeType: 'application/json', buffer: schema });
    await page.waitForSelector('#schema-status[data-state=ready]');
    await page.evaluate(() => { delete document.getElementById('result').dataset.state; });
    await page.setInputFiles('#data-file', { name: 'communes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('#result[data-state=done]');
  };
  await run('commune\n75056\n75001\n');
  assert.equal(await page.getAttribute('#verdict', 'data-valid'), 'false');
  assert.match(await page.textContent('#errors'), /C'est un code postal/);
  await run('commune\n75056\n');
  assert.equal(await page.getAttribute('#verdict', 'data-valid'), 'true');
  page.context().off('request', onRequest);
  assert.equal(fetched.length, 1, `referentials.json requested ${fetched.length} times`);
});

test('an unusable schema is explained before any file is dropped', async () => {
  await page.setInputFiles('#schema-file', {
    name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"fields": [{"name": "a", "type": "texte"}]}'),
  });
  await page.waitForSelector('#schema-status[data-state=invalid]');
  assert.match(await page.textContent('#schema-status'), /\/fields\/0\/type/);
});

test('a file split across a pool of Workers gets the report of one Worker', async () => {
  const runs = await page.evaluate(async () => {
    const { createWorkerValidator } = await import('../js/src/index.js');
    // Quoted cells over two lines, duplicate keys, cells of the wrong type, CRLF lines.
    const lines = ['id,nom,montant'];
    for (let i = 0; i < 20000; i += 1) {
      const id = i % 1000 === 999 ? i - 5 : i;
      const nom = i % 97 === 0 ? '"ligne\nsur deux, ""citée"""' : `nom${i % 13}`;
      const montant = i % 211 === 0 ? 'n/a' : String(i * 1.5);
      lines.push(`${id},${nom},${montant}`);
    }
    const text = lines.join('\r\n');
    const schema = {
      fields: [{ name: 'id', type: 'integer' }, { name: 'nom', type: 'string' }, { name: 'montant', type: 'number' }],
      primaryKey: ['id'],
    };
    const inputs = {
      utf8: new Blob([text]),
      // A byte that is not UTF-8 halfway: the coordinator reads on alone from its block.
      latin1: new Blob([text.slice(0, 200000), new Uint8Array([0xe9]), text.slice(200000)]),
    };
    const validator = createWorkerValidator();
    const out = {};
    try {
      for (const [name, blob] of Object.entries(inputs)) {
        for (const workers of [1, 2, 3]) {
          let most = 0;
          const report = await validator.validate(blob, schema, {
            workers,
            chunkSize: 8192,
            maxErrors: 100000,
            onProgress: (p) => { most = Math.max(most, p.workers ?? 1); },
          });
          out[`${name} ${workers}`] = { report: JSON.stringify(report), most };
        }
      }
    } finally {
      validator.terminate();
    }
    return out;
  });
  for (const [k, v] of Object.entries(runs)) writeFileSync(`${artifacts}pool-${k.replace(' ', '-')}.json`, v.report);
  for (const name of ['utf8', 'latin1']) {
    const one = JSON.parse(runs[`${name} 1`].report);
    assert.equal(one.valid, false);
    assert.ok(one.errors.some((e) => e.type === 'primary-key'), `${name}: duplicate keys found`);
    assert.ok(one.errors.some((e) => e.type === 'type-error'), `${name}: type errors found`);
    assert.equal(runs[`${name} 1`].most, 1);
    for (const workers of [2, 3]) {
      assert.equal(runs[`${name} ${workers}`].report, runs[`${name} 1`].report, `${name}, ${workers} Workers`);
      assert.equal(runs[`${name} ${workers}`].most, workers, `${name}: the pool was used`);
    }
  }
  assert.equal(JSON.parse(runs['latin1 1'].report).stats.encoding, 'windows-1252');
});

test('no errors in the page console', () => {
  assert.deepEqual(pageErrors, []);
});
