// Prepended to Emscripten's numc.js by scripts/build_web.sh. Emscripten 3.1.6's ES6 glue
// calls require() and reads __dirname under Node.js, names an ES module does not have:
// these module-scoped ones stand in for them (undefined in browsers, where the glue does
// not use them), so the package leaves the global scope alone.
const require = typeof process == 'object' && typeof process.versions?.node == 'string'
  ? (await import('node:module')).createRequire(import.meta.url) : undefined;
const __dirname = require ? require('node:path').dirname(require('node:url').fileURLToPath(import.meta.url)) : undefined;
