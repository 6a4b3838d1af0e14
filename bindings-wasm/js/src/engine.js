// Loads the WebAssembly engine once, in browsers (fetched next to the glue) and in Node
// (read from disk: Node's fetch cannot read file: URLs).
import initGlue, * as glue from '../pkg/conforme_wasm.js';
import { ConformeError } from './errors.js';

let loading = null;
let loaded = false;
let compiled = null;

const isNode = typeof process !== 'undefined' && process.versions != null && process.versions.node != null
  && typeof window === 'undefined';

/**
 * Loads and instantiates the engine. Called by every entry point; call it yourself to load the
 * engine early, or to give the `.wasm` location (a URL, a Response, bytes or a compiled Module)
 * when a bundler moved it.
 */
export function init(wasm) {
  loading ??= (async () => {
    let source = wasm;
    const url = new URL('../pkg/conforme_wasm_bg.wasm', import.meta.url);
    if (source === undefined && isNode) {
      const { readFile } = await import('node:fs/promises');
      source = await readFile(url);
    } else if (source === undefined && typeof WebAssembly.compileStreaming === 'function') {
      // Compiled here rather than by the glue, so that the Workers of a validation pool
      // get the compiled module instead of fetching and compiling it again.
      source = await compile(url);
    }
    if (source instanceof WebAssembly.Module) compiled = source;
    await initGlue(source === undefined ? undefined : { module_or_path: source });
    loaded = true;
  })();
  loading.catch(() => { loading = null; });
  return loading;
}

/** The compiled engine (a `WebAssembly.Module`, to start other Workers with), once loaded; `null` in Node. */
export function compiledModule() {
  return compiled;
}

async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`failed to fetch the engine: ${response.status} ${response.statusText} fetching '${url}'`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    // Served without the `application/wasm` type: compiled from the bytes instead.
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/** The raw bindings; throws a clear error when `init()` has not completed. */
export function engine() {
  if (!loaded) {
    throw new ConformeError('the conforme engine is not loaded yet: `await init()` first (validate() and StreamValidator.create() do it for you)');
  }
  return glue;
}

/** Calls into the engine, turning its errors into `ConformeError`s. */
export function call(fn) {
  try {
    return fn(engine());
  } catch (error) {
    if (error instanceof ConformeError) throw error;
    throw new ConformeError(error?.message ?? String(error), { cause: error });
  }
}

let referentials = null;

/**
 * Installs the official French lists (communes, départements, postcodes…) when the schema
 * `text` uses them and they are not installed yet. They are not in the module (they would
 * cost a quarter of it): `referentials.json`, next to it in `pkg/`, is read once, on the
 * first schema that needs it. `options.referentials` gives another location (a URL, for a
 * bundler that moved it) or the bundle's text itself.
 */
export async function ensureReferentials(text, options = {}) {
  if (!call((e) => e.needsReferentials(text))) return;
  referentials ??= (async () => {
    const given = options.referentials;
    let bundle;
    if (typeof given === 'string' && given.trimStart().startsWith('{')) {
      bundle = given;
    } else {
      const url = given === undefined ? new URL('../pkg/referentials.json', import.meta.url) : new URL(given, import.meta.url);
      try {
        if (isNode && url.protocol === 'file:') {
          const { readFile } = await import('node:fs/promises');
          bundle = await readFile(url, 'utf8');
        } else {
          const response = await (options.fetch ?? globalThis.fetch)(url);
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          bundle = await response.text();
        }
      } catch (error) {
        throw new ConformeError(`the schema uses the official French lists, which could not be read from ${url}: ${error?.message ?? error}. Serve pkg/referentials.json next to the module, or give its location with the \`referentials\` option`, { cause: error });
      }
    }
    call((e) => e.installReferentials(bundle));
  })();
  referentials.catch(() => { referentials = null; });
  await referentials;
}
