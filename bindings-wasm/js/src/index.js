// conforme for JavaScript: validate CSV files against schema.data.gouv.fr schemas, in the
// browser or in Node, with the same engine, verdicts and messages as the conforme CLI.
import { call, ensureReferentials, init } from './engine.js';
import { ConformeError, abortError, throwIfAborted } from './errors.js';
import { canPool, defaultWorkers, validatePooled } from './pool.js';
import { schemaText } from './schema.js';

export { init } from './engine.js';
export { ConformeError } from './errors.js';
export { CATALOGUE_URL, loadCatalogue, catalogueSchemaUrl } from './schema.js';
export { createWorkerValidator } from './worker-client.js';

/** Bytes read from the input per step; each step reports progress and checks for abort. */
export const DEFAULT_READ_SIZE = 4 << 20;

// The size of the blocks a File is cut into for a pool of Workers.
const POOL_BLOCK_SIZE = 4 << 20;

// Options the engine understands, as the engine lists them (everything else in `options` is
// for this module: onProgress, signal, readSize, fetch…). Read once the engine is loaded.
let engineOptionNames = null;

function engineOptionsJson(options = {}) {
  engineOptionNames ??= JSON.parse(call((e) => e.optionNames()));
  const picked = {};
  for (const key of engineOptionNames) {
    if (options[key] !== undefined) picked[key] = options[key];
  }
  return JSON.stringify(picked);
}

// The schema's text, with the official French lists installed first when it uses them.
async function resolvedSchema(schema, options) {
  const text = await schemaText(schema, options);
  await ensureReferentials(text, options);
  return text;
}

const encoder = new TextEncoder();

function toBytes(chunk) {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return encoder.encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new ConformeError(`cannot validate ${chunk === null ? 'null' : typeof chunk}: pass a File, a Blob, a Uint8Array or a string`);
}

/**
 * Push-based validation: feed the input in pieces of any size (split anywhere, even inside a
 * multi-byte character), then `finish()`. Memory stays bounded whatever the input size.
 */
export class StreamValidator {
  #inner;

  /** Compiles `schema` (descriptor object or text) synchronously; `await init()` first. */
  constructor(schema, options = {}) {
    const text = typeof schema === 'string' ? schema : JSON.stringify(schema);
    const json = engineOptionsJson(options);
    this.#inner = call((e) => new e.StreamValidator(text, json));
  }

  /** Loads the engine, resolves `schema` (object, text or URL) and compiles it. */
  static async create(schema, options = {}) {
    await init();
    const text = await resolvedSchema(schema, options);
    return new StreamValidator(text, options);
  }

  /** Feeds the next piece; returns `true` once the error limit is reached (stop reading). */
  push(chunk) {
    const bytes = toBytes(chunk);
    call(() => this.#live().push(bytes));
    return this.done;
  }

  /** Bytes received so far. */
  get bytes() { return this.#inner ? this.#inner.bytes : 0; }

  /** Data rows validated so far. */
  get rows() { return this.#inner ? this.#inner.rows : 0; }

  /** `true` once the error limit is reached. */
  get done() { return this.#inner ? this.#inner.done : true; }

  /**
   * Takes the errors found so far whose place in file order is final: they still count in
   * the report `finish()` returns, which no longer lists them (bounded memory however many
   * errors the file has).
   */
  takeErrors() {
    return JSON.parse(call(() => this.#live().takeErrors()));
  }

  /** Ends the input and returns the report. */
  finish() {
    const inner = this.#live();
    this.#inner = undefined;
    try {
      return JSON.parse(call(() => inner.finish()));
    } finally {
      inner.free();
    }
  }

  /** Releases the engine memory without a report (after an abort, for instance). */
  free() {
    this.#inner?.free();
    this.#inner = undefined;
  }

  #live() {
    if (!this.#inner) throw new ConformeError('this StreamValidator is finished: create a new one to validate another file');
    return this.#inner;
  }
}

/**
 * Validates `input` against `schema` and resolves to the report. Big files are read in
 * slices (`readSize` bytes), so memory stays bounded; `onProgress({bytes, total, rows})` is
 * called after each slice and `signal` cancels between slices.
 *
 * In a Worker (as `createWorkerValidator()` runs it), a File or Blob checked against a Table
 * Schema is split across a pool of `workers` Workers (default: one per logical core,
 * `navigator.hardwareConcurrency`; `workers: 1` validates in this Worker alone), with the
 * same report.
 */
export async function validate(input, schema, options = {}) {
  const { onProgress, signal, readSize = DEFAULT_READ_SIZE, workers = defaultWorkers() } = options;
  throwIfAborted(signal);
  if (canPool(input, workers)) {
    await init();
    const text = await resolvedSchema(schema, options);
    if (call((e) => e.schemaKind(text)) === 'table') {
      // Blocks of 4 MiB unless told otherwise: a browser reads a File at about 230 MB/s in
      // 1 MiB reads and 600 MB/s in 4 MiB ones (headless Chromium); the report is the same.
      const blocks = { ...options, chunkSize: options.chunkSize ?? POOL_BLOCK_SIZE };
      return validatePooled(input, text, engineOptionsJson(blocks), { workers, signal, onProgress });
    }
  }
  const slices = sliceReader(input, readSize, signal);
  const stream = await StreamValidator.create(schema, options);
  try {
    for await (const _ of feed(stream, slices, onProgress, signal));
    return stream.finish();
  } finally {
    stream.free();
  }
}

// Pushes the slices into `stream` (progress after each, abort between them, stop at the
// error limit), pausing after each slice for the caller.
async function* feed(stream, slices, onProgress, signal) {
  for await (const slice of slices.chunks) {
    throwIfAborted(signal);
    const done = stream.push(slice);
    onProgress?.({ bytes: stream.bytes, total: slices.total, rows: stream.rows });
    yield;
    if (done) break;
  }
  throwIfAborted(signal);
}

/**
 * Yields the errors of `input` one by one, in file order, as they are found while the input
 * is read in slices: memory stays bounded however many errors there are (as Python's
 * `conforme.iter_errors`). Options as for `validate` (`onProgress`, `signal`, `readSize`,
 * engine options); `onReport(report)` receives the final report once the input is read to
 * the end: counts, summary and warnings, with `errors` empty (every error was yielded).
 */
export async function* iterErrors(input, schema, options = {}) {
  const { onProgress, onReport, signal, readSize = DEFAULT_READ_SIZE } = options;
  throwIfAborted(signal);
  const slices = sliceReader(input, readSize, signal);
  const stream = await StreamValidator.create(schema, options);
  try {
    for await (const _ of feed(stream, slices, onProgress, signal)) yield* stream.takeErrors();
    const report = stream.finish();
    const rest = report.errors;
    report.errors = [];
    yield* rest;
    onReport?.(report);
  } finally {
    stream.free();
  }
}

/**
 * Lints `schema` (as `conforme schema check` does) and returns the report: errors make the
 * schema unusable, warnings point at silent weaknesses. A schema that cannot be fetched gives
 * an invalid report with one `schema-error`, not an exception.
 */
export async function checkSchema(schema, options = {}) {
  await init();
  const lang = options.lang ?? 'fr';
  let text;
  try {
    text = await resolvedSchema(schema, options);
  } catch (error) {
    if (!(error instanceof ConformeError)) throw error;
    return JSON.parse(call((e) => e.unreadableSchemaReport(error.message, lang)));
  }
  return JSON.parse(call((e) => e.checkSchema(text, lang)));
}

/**
 * Repairs the table `input` (a File, a Blob, bytes or text) against `schema`, as `conforme
 * fix` does: only repairs with exactly one plausible result (decimal comma, date layouts,
 * boolean spellings, enum spellings, spaces, Excel's `.0`, lost leading zeros, header
 * labels and column order), plus the judgement calls `closestEnum` and `swapCoordinates`
 * when set. Resolves to `{ data, rows, changes, byRule, reordered, log }`: `data` is the
 * corrected file (UTF-8, comma-separated, a Uint8Array), `log` every change (`{ row, column,
 * old, new, rule }`) in file order. Validate `data` to see what is left to fix by hand. The
 * whole input is held in memory.
 */
export async function fix(input, schema, options = {}) {
  const { signal, closestEnum = false, swapCoordinates = false } = options;
  const [text, bytes] = await tableAndBytes(input, schema, options, signal);
  const repair = JSON.stringify({ closestEnum, swapCoordinates });
  const fixed = call((e) => e.fixBytes(text, bytes, engineOptionsJson(options), repair));
  try {
    return { data: fixed.data, ...JSON.parse(fixed.summary) };
  } finally {
    fixed.free();
  }
}

/**
 * Splits the table `input` into its rows without errors and its rows with errors (as
 * `conforme validate --valid-rows --invalid-rows`): resolves to `{ valid, invalid,
 * validRows, invalidRows }`, `valid` and `invalid` being CSV files (Uint8Array) in the
 * input's dialect, `invalid` with an `errors` column. The whole input is held in memory.
 */
export async function splitRows(input, schema, options = {}) {
  const [text, bytes] = await tableAndBytes(input, schema, options, options.signal);
  const split = call((e) => e.splitBytes(text, bytes, engineOptionsJson(options)));
  try {
    return { valid: split.valid, invalid: split.invalid, validRows: split.validRows, invalidRows: split.invalidRows };
  } finally {
    split.free();
  }
}

// The schema's text and the whole input's bytes, for the calls that need both at once.
async function tableAndBytes(input, schema, options, signal) {
  throwIfAborted(signal);
  await init();
  const text = await resolvedSchema(schema, options);
  const bytes = typeof Blob !== 'undefined' && input instanceof Blob
    ? new Uint8Array(await untilAborted(input.arrayBuffer(), signal))
    : toBytes(input);
  throwIfAborted(signal);
  return [text, bytes];
}

/** Every error and warning code the engine can report. */
export async function errorCodes() {
  await init();
  return JSON.parse(call((e) => e.errorCodes()));
}

/** The version of the conforme engine. */
export async function engineVersion() {
  await init();
  return call((e) => e.engineVersion());
}

// The input as `{ total, chunks }`, `chunks` an async iterable of Uint8Array slices.
function sliceReader(input, readSize, signal) {
  if (!(readSize > 0)) throw new ConformeError(`readSize must be a positive number of bytes (got ${readSize})`);
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    return { total: input.size, chunks: blobSlices(input, readSize, signal) };
  }
  const bytes = toBytes(input);
  return { total: bytes.byteLength, chunks: byteSlices(bytes, readSize) };
}

async function* blobSlices(blob, readSize, signal) {
  const read = (start) => {
    if (start >= blob.size) return null;
    const bytes = blob.slice(start, start + readSize).arrayBuffer();
    bytes.catch(() => {}); // A failed read rejects where it is awaited, not unhandled.
    return bytes;
  };
  let next = read(0);
  for (let start = 0; start < blob.size; start += readSize) {
    const current = next;
    // The next slice is read while this one is validated (reading a File in a browser
    // takes a fifth of the time validating it does).
    next = read(start + readSize);
    yield new Uint8Array(await untilAborted(current, signal));
    await nextTask();
  }
}

async function* byteSlices(bytes, readSize) {
  for (let start = 0; start < bytes.byteLength; start += readSize) {
    yield bytes.subarray(start, start + readSize);
    await nextTask();
  }
}

// Lets timers, events and abort() run between slices (a read may resolve without yielding).
function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function untilAborted(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
