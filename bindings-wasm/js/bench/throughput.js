// Measures validation throughput (not a test): a generated CSV of SIZE_MB megabytes
// (default 100) validated in Node and through the page in headless Chromium, by one Worker
// (`?workers=1`) and by the page's default pool (one Worker a core), ROUNDS times each
// (default 3), alternating; prints each figure and the medians.
//   node bindings-wasm/js/bench/throughput.js
//   CSV=file.csv SCHEMA=schema.json node bindings-wasm/js/bench/throughput.js   (your own file)
import { createWriteStream, mkdirSync, openAsBlob, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { validate } from '../src/index.js';
import { serve } from '../browser-test/serve.js';

const sizeMb = Number(process.env.SIZE_MB ?? 100);
const root = new URL('../../', import.meta.url);
const dir = fileURLToPath(new URL('../target/bench/', root));
mkdirSync(dir, { recursive: true });
const rounds = Number(process.env.ROUNDS ?? 3);
const csv = process.env.CSV ?? `${dir}generated-${sizeMb}mb.csv`;
const schemaPath = process.env.SCHEMA ?? `${dir}generated-schema.json`;

const schema = {
  fields: [
    { name: 'id', type: 'integer', constraints: { required: true } },
    { name: 'siret', type: 'string', constraints: { pattern: '\\d{14}' } },
    { name: 'commune', type: 'string', constraints: { enum: ['Paris', 'Lyon', 'Marseille', 'Lille'] } },
    { name: 'montant', type: 'number', constraints: { minimum: 0 } },
    { name: 'date', type: 'date' },
    { name: 'actif', type: 'boolean' },
  ],
};

async function generate() {
  const out = createWriteStream(csv);
  out.write('id,siret,commune,montant,date,actif\n');
  const towns = ['Paris', 'Lyon', 'Marseille', 'Lille'];
  let bytes = 0;
  for (let i = 1; bytes < sizeMb * 1e6; i += 1) {
    const bad = i % 10000 === 0;
    const line = `${i},${String(10000000000000 + i)},${towns[i % 4]},${bad ? 'n/a' : (i % 997) * 1.25},2024-0${1 + (i % 9)}-1${i % 10},${i % 2 ? 'true' : 'false'}\n`;
    bytes += line.length;
    if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  await import('node:fs/promises').then((fs) => fs.writeFile(schemaPath, JSON.stringify(schema)));
}

if (!process.env.CSV) await generate();
const size = statSync(csv).size;
console.log(`input: ${(size / 1e6).toFixed(1)} MB`);

let started = performance.now();
const report = await validate(await openAsBlob(csv), JSON.parse(readFileSync(schemaPath, 'utf8')));
let seconds = (performance.now() - started) / 1000;
console.log(`node: ${seconds.toFixed(2)} s, ${(size / 1e6 / seconds).toFixed(1)} MB/s, ${report.stats.rows} rows, ${report.stats.error_count} errors`);

const server = await serve(fileURLToPath(root));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // Each page validates the file twice: the first time starts the page's Workers (the
  // pool's included), the second finds them ready, as for the next files a user drops.
  const speeds = { one: [[], []], pool: [[], []] };
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, query] of [['one', '?workers=1'], ['pool', '']]) {
      const page = await browser.newPage();
      started = performance.now();
      await page.goto(`${server.url}/www/index.html${query}`);
      await page.waitForSelector('html[data-engine=ready]');
      const load = (performance.now() - started) / 1000;
      await page.setInputFiles('#schema-file', schemaPath);
      await page.waitForSelector('#schema-status[data-state=ready]');
      for (const pass of [0, 1]) {
        // Emptied first: the same file chosen again must still be a change.
        await page.evaluate(() => {
          delete document.getElementById('result').dataset.state;
          document.getElementById('data-file').value = '';
        });
        await page.setInputFiles('#data-file', csv);
        await page.waitForSelector('#result[data-state=done]', { timeout: 600000 });
        const text = await page.textContent('#progress-text');
        const browserSeconds = Number(await page.getAttribute('#progress-text', 'data-ms')) / 1000;
        const workers = await page.getAttribute('#progress-text', 'data-workers');
        speeds[name][pass].push(size / 1e6 / browserSeconds);
        console.log(`chromium, ${name === 'one' ? 'one Worker' : `pool of ${workers}`}, ${pass ? 'second' : 'first'} file: ${(size / 1e6 / browserSeconds).toFixed(1)} MB/s (${text}; page ready in ${load.toFixed(2)} s) — ${await page.textContent('#summary')}`);
      }
      if (round === rounds - 1 && name === 'pool') await page.screenshot({ path: `${dir}throughput.png`, fullPage: true });
      await page.close();
    }
  }
  for (const [pass, label] of [[0, 'first file of a page'], [1, 'second file']]) {
    const one = median(speeds.one[pass]);
    const pool = median(speeds.pool[pass]);
    console.log(`chromium medians of ${rounds}, ${label}: one Worker ${one.toFixed(1)} MB/s, pool ${pool.toFixed(1)} MB/s (${(pool / one).toFixed(2)}×)`);
  }
} finally {
  await browser.close();
  await server.close();
}
