// The official French lists are not in the module: they are read from referentials.json the
// first time a schema uses them (node --test runs this file in a process of its own, so the
// lists start uninstalled here).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConformeError, validate } from '../src/index.js';

const communes = {
  fields: [{ name: 'commune', type: 'string', customCheck: { name: 'code-commune-insee', cog: '2024' } }],
};
const nowhere = new URL('file:///nonexistent/referentials.json');

test('a schema without lists never reads them', async () => {
  const schema = { fields: [{ name: 'n', type: 'integer' }] };
  const report = await validate('n\n1\n', schema, { referentials: nowhere });
  assert.equal(report.valid, true);
});

test('a schema with lists that cannot be read says where they were looked for', async () => {
  await assert.rejects(
    validate('commune\n75056\n', communes, { referentials: nowhere }),
    (error) => error instanceof ConformeError && error.message.includes('/nonexistent/referentials.json'),
  );
});

test('the referential checks run once the lists are read, with the native messages', async () => {
  const report = await validate('commune\n75056\n75001\n01172\n', communes, { lang: 'fr' });
  assert.deepEqual(report.errors.map((e) => [e.row, e.type]), [[3, 'custom-check-error'], [4, 'custom-check-error']]);
  assert.ok(report.errors[0].message.includes("C'est un code postal"), report.errors[0].message);
  assert.ok(report.errors[1].message.includes('`01095` (Nivigne et Suran)'), report.errors[1].message);
  assert.ok(!report.warnings.some((w) => w.type === 'unsupported-check'));
  // JSON Schema formats backed by a list check the list, not just the shape.
  const json = await validate('{"cp": "77777"}', { type: 'object', properties: { cp: { type: 'string', format: 'code-postal' } } });
  assert.equal(json.valid, false);
});
