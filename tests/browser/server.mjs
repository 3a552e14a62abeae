// A static file server for the browser tests and the browser benchmark (Node's http module
// only). Every folder is served twice, under two path prefixes, because the package loads
// a different WebAssembly build depending on whether the page is cross-origin isolated:
//   /isolated/...  with COOP same-origin + COEP require-corp: crossOriginIsolated is true,
//                  SharedArrayBuffer exists, and numc loads its `threads` build
//   /plain/...     without them: numc loads its `single` build
// Relative URLs (module imports, Workers, the package's own import.meta.url lookups) keep
// the prefix, so a page and everything it loads get the same headers; a dedicated Worker's
// script must carry COEP itself for the Worker to be isolated too.
//
// It listens on 127.0.0.1 and is reached as http://localhost:PORT: a secure context, which
// navigator.gpu and SharedArrayBuffer need.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.map': 'application/json',
};

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Serves `mounts` (URL folder name -> directory on disk) under both prefixes.
 * @param {Record<string, string>} mounts e.g. { pkg: 'build-web/package', tests: 'tests/browser' }
 * @returns {Promise<{ url: (mode: 'isolated'|'plain', p: string) => string, close: () => Promise<void> }>}
 */
export async function startServer(mounts) {
  mounts = Object.fromEntries(Object.entries(mounts).map(([k, dir]) => [k, path.resolve(dir)]));
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const [, mode, mount, ...rest] = decodeURIComponent(pathname).split('/');
    const root = mounts[mount];
    const file = root && path.join(root, ...rest);
    // No path outside the mounted folders; only plain files.
    if (!['isolated', 'plain'].includes(mode) || !root || path.relative(root, file).startsWith('..') ||
        !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${pathname}\n`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      ...(mode === 'isolated' ? ISOLATION_HEADERS : {}),
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (mode, p) => `http://localhost:${port}/${mode}/${p}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
