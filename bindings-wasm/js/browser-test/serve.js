// A static file server on 127.0.0.1 for the browser tests (and for trying the page by hand:
// `node bindings-wasm/js/browser-test/serve.js` then open the printed URL).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
};

/** Serves `directory` on 127.0.0.1 (`port` 0: any free port); resolves to `{ url, close }`. */
export async function serve(directory, port = 0) {
  const base = normalize(directory + sep);
  const server = createServer((request, response) => {
    const path = normalize(join(base, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
    let size;
    try {
      if (!path.startsWith(base)) throw new Error('outside the served directory');
      const stat = statSync(path);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-cache',
    });
    createReadStream(path).pipe(response);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const { url } = await serve(root, Number(process.env.PORT ?? 8080));
  console.log(`${url}/www/index.html`);
}
