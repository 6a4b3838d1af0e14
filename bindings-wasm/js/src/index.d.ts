// Types of the `conforme` package. The report types mirror the JSON of the Rust
// `conforme::Report` (same shape as `conforme validate --format json`); test/types.test.js
// checks them against real reports and the engine's list of codes, so they cannot drift.

import type { ErrorType } from './error-type.js';
/** Error and warning codes (generated from the engine's list by scripts/gen-error-type.js). */
export type { ErrorType };

/** The outcome of validating one table. */
export interface Report {
  /** Version of this JSON shape (changes only when a key changes meaning or disappears). */
  version: string;
  /** `true` when no error was found (warnings do not make a file invalid). */
  valid: boolean;
  /** Counts and facts about the input. */
  stats: Stats;
  /** Errors in file order, at most `maxErrors` of them (see `stats.truncated`). */
  errors: Diagnostic[];
  /** Things worth knowing that do not make the file invalid. */
  warnings: Diagnostic[];
  /** Counts by type and column, invalid rows, first examples per (column, type). */
  summary: Summary;
  /** The cells of the first rows with errors (only when asked for). */
  rows?: RowSample[];
  /** `true` when cell values were kept out of the report. */
  masked?: boolean;
}

/** Error counts grouped for a human summary. */
export interface Summary {
  /** Distinct data rows with at least one error (among the errors listed). */
  invalid_rows: number;
  /** Error counts by type. */
  by_type: Record<string, number>;
  /** Error counts by column, in column order (errors without a column are left out). */
  by_column: ColumnCount[];
  /** One group per (column, type), in column order, with its first examples. */
  groups: GroupSummary[];
}

/** Errors in one column. */
export interface ColumnCount {
  /** 1-based position of the column in the file. */
  field_number: number;
  /** Name of the schema field. */
  field_name: string;
  /** Number of errors. */
  count: number;
}

/** Errors of one type in one column (or of one table-level type). */
export interface GroupSummary {
  /** 1-based position of the column, for cell errors. */
  field_number?: number;
  /** Name of the schema field, for cell errors. */
  field_name?: string;
  /** The error type. */
  type: ErrorType;
  /** Number of errors in the group. */
  count: number;
  /** The first few occurrences. */
  examples: Example[];
}

/** One occurrence in a summary group. */
export interface Example {
  /** Row number (header = 1). */
  row?: number;
  /** Physical line in the file. */
  line?: number;
  /** The raw cell text (absent when masked). */
  cell?: string;
  /** Index of the error in `Report.errors`. */
  index: number;
}

/** The cells of a row with errors. */
export interface RowSample {
  /** Row number (header = 1). */
  row: number;
  /** Physical line in the file. */
  line: number;
  /** The cells, in file order. */
  cells: string[];
}

/** Facts about the validated input. */
export interface Stats {
  /** Data rows read (the header excluded). */
  rows: number;
  /** Number of fields in the schema. */
  fields: number;
  /** Bytes read from the input. */
  bytes: number;
  /** Encoding used to decode the input (`utf-8`, `windows-1252`…). */
  encoding: string;
  /** Field delimiter used. */
  delimiter: string;
  /** What the input was read as: `csv`, `csv+gzip`, `xlsx`… */
  format: string;
  /** The sheet read, for spreadsheets. */
  sheet?: string;
  /** Number of errors reported. */
  error_count: number;
  /** `true` when the error list was cut at `maxErrors`. */
  truncated: boolean;
  /** Error counts by type. */
  error_types: Record<string, number>;
  /** Number of warnings found. */
  warning_count: number;
}

/** One error or warning, located as precisely as possible. */
export interface Diagnostic {
  /** Stable code. */
  type: ErrorType;
  /** Row number as frictionless counts it (header = 1, first data row = 2). */
  row?: number;
  /** Physical line in the file (1-based). */
  line?: number;
  /** Byte offset where the row (or the problem) starts. */
  byte?: number;
  /** 1-based position of the column in the file. */
  field_number?: number;
  /** Name of the schema field. */
  field_name?: string;
  /** The raw cell text. */
  cell?: string;
  /** Human message in the requested language (French by default). */
  message: string;
  /** Structured parameters (`constraint`, `value`, `format`…). */
  params?: Record<string, unknown>;
}

/**
 * Result of `checkSchema`: the report of `conforme schema check` (errors make the schema
 * unusable; warnings point at silent weaknesses). Each diagnostic's `params` carry `rule`,
 * `pointer` (JSON pointer into the descriptor) and `detail`.
 */
export type SchemaCheck = Report;

/** A Table Schema (descriptor object), its JSON/YAML text, or an `http(s)://` URL to fetch. */
export type SchemaSource = object | string;

/** What `validate` accepts. */
export type Input = File | Blob | Uint8Array | ArrayBuffer | string;

/** Progress of a validation, reported after each slice read. */
export interface Progress {
  /** Bytes read so far. */
  bytes: number;
  /** Total input size in bytes. */
  total: number;
  /** Data rows validated so far. */
  rows: number;
  /** Workers validating the file (more than 1 when it is split across a pool). */
  workers?: number;
}

/** Options of the engine. */
export interface EngineOptions {
  /** Stop after this many errors (default: all). */
  maxErrors?: number | null;
  /** Message language (default `fr`). */
  lang?: 'fr' | 'en';
  /** Force the input encoding (WHATWG label); detected by default. */
  encoding?: string;
  /** Force the delimiter (one character); detected by default. */
  delimiter?: string;
  /** `false` when the first line is data, not a header. */
  header?: boolean;
  /** Longest record accepted, in bytes. */
  maxRecordBytes?: number;
  /** Size of the chunks the engine validates at once, in bytes. */
  chunkSize?: number;
  /** Header matching: `schema.data.gouv.fr` (default: by name, as Validata) or `strict` (by position, as frictionless). */
  profile?: 'schema.data.gouv.fr' | 'strict';
  /** Match header labels to field names ignoring case. */
  ignoreHeaderCase?: boolean;
  /** Custom checks not to run (by name, e.g. `french-siret-value`). */
  skipChecks?: string[];
  /** Report only these error types. */
  pickErrors?: ErrorType[];
  /** Never report these error types. */
  skipErrors?: ErrorType[];
  /** A Table Dialect descriptor (`{ delimiter: ';', headerRows: [1, 2], nullSequence: 'NA' }`). */
  dialect?: Record<string, unknown>;
  /**
   * Where the official French lists are read from when a schema uses them (referential
   * checks such as `code-commune-insee`): a URL (default: `referentials.json` next to the
   * module), or the bundle's JSON text itself. Read once, on the first schema that needs it.
   */
  referentials?: string | URL;
}

/** Options of `validate`. */
export interface ValidateOptions extends EngineOptions {
  /** Called after each slice read. */
  onProgress?: (progress: Progress) => void;
  /** Cancels the validation (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Bytes read per slice (default 4 MiB). */
  readSize?: number;
  /**
   * In a Worker: how many Workers one File or Blob is split across (default
   * `navigator.hardwareConcurrency`; 1: this Worker alone). Same report whatever the number.
   */
  workers?: number;
  /** `fetch` used for schema URLs (default: the global one). */
  fetch?: typeof fetch;
}

/** A schema, options or input that cannot be used; the message says what and how to fix it. */
export class ConformeError extends Error {}

/** Loads the engine (optional: every entry point does it). `wasm` overrides the `.wasm` location. */
export function init(wasm?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Validates `input` against `schema`. */
export function validate(input: Input, schema: SchemaSource, options?: ValidateOptions): Promise<Report>;

/**
 * Yields the errors of `input` in file order as they are found, in bounded memory;
 * `onReport` receives the final report (with `errors` empty: every error was yielded).
 */
export function iterErrors(
  input: Input,
  schema: SchemaSource,
  options?: ValidateOptions & { onReport?: (report: Report) => void },
): AsyncGenerator<Diagnostic, void, undefined>;

/** Options of `fix`: the engine's options, and the two judgement calls (off by default). */
export interface FixOptions extends EngineOptions {
  /** Replace a value outside an enum by the closest allowed one (a few typos away). */
  closestEnum?: boolean;
  /** Swap a geopoint's longitude and latitude when only the swapped point is in France. */
  swapCoordinates?: boolean;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** One change `fix` made. */
export interface Change {
  /** Row number as reports give it (the header is row 1). */
  row: number;
  /** The field's name (the column's label when no field matches it). */
  column: string;
  old: string;
  new: string;
  /** The rules applied (`decimal-comma`, `excel-float+leading-zeros`…). */
  rule: string;
}

/** What `fix` gives: the corrected file and what changed. */
export interface Fixed {
  /** The corrected file: UTF-8, comma-separated, the schema's labels and column order. */
  data: Uint8Array;
  /** Data rows written. */
  rows: number;
  /** Changes made (header renames included). */
  changes: number;
  /** Changes per rule. */
  byRule: Record<string, number>;
  /** Whether the columns were put in the schema's order. */
  reordered: boolean;
  /** Every change, in file order. */
  log: Change[];
}

/** Repairs `input` as `conforme fix` does (safe repairs only, unless a judgement call is allowed). */
export function fix(input: Input, schema: SchemaSource, options?: FixOptions): Promise<Fixed>;

/** The rows of a table split in two CSV files. */
export interface SplitRows {
  /** The header and the rows without errors, in the input's dialect. */
  valid: Uint8Array;
  /** The header and the rows with errors, plus an `errors` column. */
  invalid: Uint8Array;
  validRows: number;
  invalidRows: number;
}

/** Splits `input` into its rows without errors and its rows with errors. */
export function splitRows(
  input: Input,
  schema: SchemaSource,
  options?: EngineOptions & { signal?: AbortSignal; fetch?: typeof fetch },
): Promise<SplitRows>;

/** Lints `schema` as `conforme schema check` does: errors make it unusable, warnings point at weaknesses. */
export function checkSchema(schema: SchemaSource, options?: { lang?: 'fr' | 'en'; signal?: AbortSignal; fetch?: typeof fetch }): Promise<SchemaCheck>;

/** Every code the engine can report. */
export function errorCodes(): Promise<ErrorType[]>;

/** The version of the conforme engine. */
export function engineVersion(): Promise<string>;

/** Bytes read per slice by `validate` (4 MiB). */
export const DEFAULT_READ_SIZE: number;

/** Push-based validation of input arriving in pieces, in bounded memory. */
export class StreamValidator {
  /** Compiles `schema` synchronously (after `await init()`); URLs need `create`. */
  constructor(schema: object | string, options?: EngineOptions);
  /** Loads the engine, resolves `schema` (object, text or URL) and compiles it. */
  static create(schema: SchemaSource, options?: EngineOptions & { signal?: AbortSignal; fetch?: typeof fetch }): Promise<StreamValidator>;
  /** Feeds the next piece; returns `true` once the error limit is reached. */
  push(chunk: Uint8Array | ArrayBuffer | string): boolean;
  /** Bytes received so far. */
  readonly bytes: number;
  /** Data rows validated so far. */
  readonly rows: number;
  /** `true` once the error limit is reached. */
  readonly done: boolean;
  /** Takes the errors whose place in file order is final; they still count in the report. */
  takeErrors(): Diagnostic[];
  /** Ends the input and returns the report. */
  finish(): Report;
  /** Releases the engine memory without a report. */
  free(): void;
}

/** A validator running in a dedicated module Worker. */
export interface WorkerValidator {
  validate(input: Input, schema: SchemaSource, options?: Omit<ValidateOptions, 'fetch'>): Promise<Report>;
  fix(input: Input, schema: SchemaSource, options?: Omit<FixOptions, 'fetch'>): Promise<Fixed>;
  checkSchema(schema: SchemaSource, options?: { lang?: 'fr' | 'en' }): Promise<SchemaCheck>;
  terminate(): void;
}

/** Starts a module Worker running the engine. */
export function createWorkerValidator(options?: { workerUrl?: string | URL }): WorkerValidator;

/** schema.data.gouv.fr's catalogue URL. */
export const CATALOGUE_URL: string;

/** A Table Schema of the catalogue. */
export interface CatalogueEntry {
  name: string;
  title: string;
  description: string;
  schemaUrl: string;
  versions: { version: string; schemaUrl: string }[];
}

/** The Table Schemas of the catalogue, sorted by title. */
export function loadCatalogue(options?: { url?: string; signal?: AbortSignal; fetch?: typeof fetch }): Promise<CatalogueEntry[]>;

/** The schema URL of `name` or `name@version` in `catalogue`. */
export function catalogueSchemaUrl(catalogue: CatalogueEntry[], reference: string): string;
