// The JS package under Node.js: `node web/examples/node_demo.mjs PACKAGE_DIR`
// (PACKAGE_DIR: what scripts/build_web.sh assembled, BUILD_DIR/package).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = process.argv[2];
const numc = await import(pathToFileURL(path.join(pkg, 'src', 'index.js')).href);
const np = await numc.init({ device: 'auto' });
console.log(`numc ${np.version} (${np.variant}), device ${np.device}`);

const a = await np.array([[1, 2], [3, 4]], { dtype: 'float32' });
const b = await np.linalg.inv(a);
console.log('a =', a.toString());
console.log('inv(a) =', b.toString());
console.log('a @ inv(a) =', (await np.matmul(a, b)).toString());
console.log('sum over axis 0 =', await (await np.sum(a, { axis: 0 })).toArray());
try {
  await np.add(a, await np.ones([3]));
} catch (e) {
  console.log(`np.add of (2,2) and (3,): ${e.name} ${e.code}: ${e.message}`);
}
for (const x of [a, b]) x.dispose(); // WebAssembly memory is not garbage-collected: give it back
