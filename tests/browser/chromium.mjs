// Launches Debian's headless Chromium through playwright-core (a pinned devDependency of
// the root package.json; its own browser downloads are never used: they cannot be fetched
// here, and `playwright install` is not run). Shared by the browser tests and the browser
// benchmark (bench/web/run.mjs).
import fs from 'node:fs';

export const CHROMIUM = process.env.NUMC_CHROMIUM ?? '/usr/bin/chromium';

/** SwiftShader, the Vulkan driver Debian's chromium package ships: Dawn's adapter for
 * WebGPU on a machine without a GPU. Named explicitly because mesa's lavapipe, installed
 * alongside, is a Vulkan driver that Dawn rejects. */
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

// A quiet, reproducible browser: no sandbox (we run as root in containers), no network
// traffic of its own. playwright gives every launch a fresh profile (--user-data-dir) and
// removes it on close.
const BASE_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/**
 * Starts Chromium, with WebGPU (on SwiftShader) or without it. Without --enable-unsafe-webgpu,
 * Chromium 156 on Linux keeps navigator.gpu but its requestAdapter() resolves to null: a
 * browser without WebGPU as far as a page can tell. No switch removes navigator.gpu here
 * (tried: --disable-features=WebGPU, --disable-webgpu, --disable-gpu; each still gives an
 * adapter next to --enable-unsafe-webgpu), so the tests check with probeWebGpu() that the
 * adapter is really null instead of trusting this default.
 * @param {{ webgpu: boolean }} options
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium({ webgpu }) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new Error(`playwright-core is missing: run scripts/setup.sh (npm ci) first (${e.message})`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh (apt chromium)`);
  const args = [...BASE_ARGS,
    ...(webgpu ? ['--enable-unsafe-webgpu', '--enable-unsafe-swiftshader'] : [])];
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args,
    env: { ...process.env, VK_ICD_FILENAMES: SWIFTSHADER_ICD },
    timeout: 30000,
  });
}

/** What a page reports of WebGPU: whether navigator.gpu exists and the adapter's info. */
export async function probeWebGpu(page) {
  return page.evaluate(async () => {
    if (!('gpu' in navigator)) return { navigatorGpu: false, adapter: null };
    const a = await navigator.gpu.requestAdapter();
    return { navigatorGpu: true, adapter: a && { vendor: a.info.vendor, architecture: a.info.architecture, description: a.info.description } };
  });
}
