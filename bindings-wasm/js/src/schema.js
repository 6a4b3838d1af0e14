// Schema sources: descriptor objects, descriptor text, URLs and the schema.data.gouv.fr
// catalogue. Network access lives here, in JavaScript; the engine never touches the network.
import { ConformeError, throwIfAborted } from './errors.js';

/** Where schema.data.gouv.fr publishes its catalogue. */
export const CATALOGUE_URL = 'https://schema.data.gouv.fr/schemas.json';

const URL_PATTERN = /^https?:\/\/\S+$/i;

/**
 * The descriptor text of `schema`: an object is serialised, an `http(s)://` URL is fetched,
 * any other string is taken as the descriptor itself (JSON or YAML).
 */
export async function schemaText(schema, { signal, fetch: fetchImpl = globalThis.fetch } = {}) {
  throwIfAborted(signal);
  if (typeof schema === 'string') {
    const text = schema.trim();
    if (URL_PATTERN.test(text)) return fetchText(text, 'schema', { signal, fetchImpl });
    return schema;
  }
  if (schema !== null && typeof schema === 'object' && !Array.isArray(schema)) {
    return JSON.stringify(schema);
  }
  throw new ConformeError(`the schema must be a descriptor object, its JSON text or an http(s) URL (got ${describe(schema)})`);
}

/**
 * The Table Schemas of the schema.data.gouv.fr catalogue (or of the catalogue at `url`), as
 * `{ name, title, description, schemaUrl, versions: [{ version, schemaUrl }] }`, sorted by title.
 */
export async function loadCatalogue({ url = CATALOGUE_URL, signal, fetch: fetchImpl = globalThis.fetch } = {}) {
  const text = await fetchText(url, 'catalogue', { signal, fetchImpl });
  let catalogue;
  try {
    catalogue = JSON.parse(text);
  } catch (error) {
    throw new ConformeError(`the catalogue at ${url} is not JSON: ${error.message}`, { cause: error });
  }
  if (!Array.isArray(catalogue?.schemas)) {
    throw new ConformeError(`the catalogue at ${url} has no "schemas" list: is it a schema.data.gouv.fr schemas.json?`);
  }
  return catalogue.schemas
    .filter((entry) => entry.schema_type === 'tableschema' && typeof entry.schema_url === 'string')
    .map((entry) => ({
      name: entry.name,
      title: entry.title ?? entry.name,
      description: entry.description ?? '',
      schemaUrl: entry.schema_url,
      versions: (entry.versions ?? []).map((v) => ({ version: v.version_name, schemaUrl: v.schema_url })),
    }))
    .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}

/** The schema URL of `reference` (`name` for the latest version, or `name@version`) in `catalogue`. */
export function catalogueSchemaUrl(catalogue, reference) {
  const [name, version] = reference.split('@');
  const entry = catalogue.find((e) => e.name === name);
  if (!entry) {
    throw new ConformeError(`no Table Schema named "${name}" in the catalogue (names look like "etalab/schema-irve-statique")`);
  }
  if (version === undefined || version === 'latest') return entry.schemaUrl;
  const match = entry.versions.find((v) => v.version === version);
  if (!match) {
    const known = entry.versions.map((v) => v.version).join(', ');
    throw new ConformeError(`"${name}" has no version "${version}" in the catalogue (versions: ${known})`);
  }
  return match.schemaUrl;
}

async function fetchText(url, what, { signal, fetchImpl }) {
  if (typeof fetchImpl !== 'function') {
    throw new ConformeError(`cannot download the ${what} ${url}: no fetch() here; pass the descriptor itself`);
  }
  let response;
  try {
    response = await fetchImpl(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ConformeError(`cannot download the ${what} ${url}: ${error.message} (offline? pick a local file instead)`, { cause: error });
  }
  if (!response.ok) {
    throw new ConformeError(`cannot download the ${what} ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  return response.text();
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
