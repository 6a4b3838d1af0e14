// Type-checked (not run) by types.test.js: the README's usage must compile against index.d.ts.
import {
  ConformeError, StreamValidator, checkSchema, createWorkerValidator, fix, iterErrors, loadCatalogue, splitRows,
  validate, type Change, type Diagnostic, type ErrorType, type Fixed, type Progress, type Report,
} from 'conforme';

export async function example(file: File, schemaUrl: string): Promise<string[]> {
  const controller = new AbortController();
  const report: Report = await validate(file, schemaUrl, {
    lang: 'fr',
    maxErrors: 100,
    signal: controller.signal,
    onProgress: ({ bytes, total, rows }: Progress) => console.log(bytes / total, rows),
  });
  const types: ErrorType[] = report.errors.map((e: Diagnostic) => e.type);
  const cells = report.errors.map((e) => `${e.row ?? '-'}:${e.field_number ?? '-'} ${e.cell ?? ''}`);

  const stream = await StreamValidator.create({ fields: [{ name: 'n', type: 'integer' }] }, { maxErrors: 10 });
  if (!stream.push('n\n1\n')) stream.push(new Uint8Array([50, 10]));
  const taken: Diagnostic[] = stream.takeErrors();
  const streamed: Report = stream.finish();
  for await (const e of iterErrors(file, schemaUrl, { onReport: (r: Report) => console.log(r.valid) })) {
    taken.push(e);
  }

  const check = await checkSchema('{"fields": []}');
  const worker = createWorkerValidator();
  const inWorker = await worker.validate(new Uint8Array(), { fields: [] });
  worker.terminate();
  const catalogue = await loadCatalogue();
  const error = new ConformeError('x');
  const fixed: Fixed = await fix(file, schemaUrl, { closestEnum: true, lang: 'en' });
  const changes: Change[] = fixed.log;
  const split = await splitRows(fixed.data, schemaUrl);
  taken.length += changes.length + split.validRows - split.invalidRows;
  return [...types, ...cells, ...taken.map((e) => e.message), String(streamed.valid && check.valid && inWorker.valid), catalogue[0].schemaUrl, error.message,
    String(report.stats.error_types['type-error'] ?? 0)];
}
