// Loads the WebAssembly engine once, in browsers (fetched next to the glue) and in Node
// (read from disk: Node's fetch cannot read file: URLs).
import initGlue, * as glue from '../pkg/conforme_wasm.js';
import { ConformeError } from './errors.js';

let loading = null;
let loaded = false;

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
    if (source === undefined && isNode) {
      const { readFile } = await import('node:fs/promises');
      source = await readFile(new URL('../pkg/conforme_wasm_bg.wasm', import.meta.url));
    }
    await initGlue(source === undefined ? undefined : { module_or_path: source });
    loaded = true;
  })();
  loading.catch(() => { loading = null; });
  return loading;
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
