// The module Worker behind createWorkerValidator(): runs validations off the page's thread.
// Messages in:  {id, type: 'validate', input, schema, options} | {id, type: 'checkSchema', schema, options}
//               | {id, type: 'fix', input, schema, options} | {id, type: 'abort'}
// Messages out: {id, type: 'progress', progress} | {id, type: 'result', value}
//               | {id, type: 'error', error: {name, message}}
import { checkSchema, fix, validate } from './index.js';

const running = new Map();

self.addEventListener('message', async (event) => {
  const { id, type } = event.data;
  if (type === 'abort') {
    running.get(id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(id, controller);
  try {
    let value;
    if (type === 'validate') {
      const { input, schema, options } = event.data;
      value = await validate(input, schema, {
        ...options,
        signal: controller.signal,
        onProgress: (progress) => self.postMessage({ id, type: 'progress', progress }),
      });
    } else if (type === 'fix') {
      const { input, schema, options } = event.data;
      value = await fix(input, schema, { ...options, signal: controller.signal });
    } else if (type === 'checkSchema') {
      value = await checkSchema(event.data.schema, { ...event.data.options, signal: controller.signal });
    } else {
      throw new Error(`unknown request type ${JSON.stringify(type)}`);
    }
    // The corrected file's buffer moves to the page instead of being copied.
    self.postMessage({ id, type: 'result', value }, value?.data instanceof Uint8Array ? [value.data.buffer] : []);
  } catch (error) {
    self.postMessage({ id, type: 'error', error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
  } finally {
    running.delete(id);
  }
});
