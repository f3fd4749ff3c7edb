import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LmsKind } from '@teach-in/course-schema';
import type { InlineConfig, Plugin, Rolldown } from 'vite';

/** The runtime's sources: its entry and what it imports from the workspace packages. */
export const runtimeDir = fileURLToPath(new URL('../runtime/', import.meta.url));

export interface BundledRuntime {
  js: string;
  css: string;
  /** Every module the bundler read, tree-shaken or not: what the bundle depends on. */
  inputs: string[];
}

/**
 * The Vite settings of one runtime build. Also part of the cache key (as JSON), so that
 * a change here never reuses a bundle made with other settings.
 */
export function runtimeBuildConfig(language: string, lms: LmsKind): InlineConfig {
  return {
    configFile: false,
    root: runtimeDir,
    logLevel: 'silent',
    define: {
      __TEACH_IN_LANGUAGE__: JSON.stringify(language),
      __TEACH_IN_LMS__: JSON.stringify(lms),
    },
    build: {
      write: false,
      minify: true,
      target: 'es2020',
      cssCodeSplit: false,
      reportCompressedSize: false,
      lib: {
        entry: path.join(runtimeDir, 'main.ts'),
        formats: ['iife'],
        name: 'TeachIn',
        fileName: () => 'teach-in.js',
        cssFileName: 'teach-in',
      },
    },
  };
}

/**
 * Bundles the quiz elements, the course shell and the LMS bridge into one classic script
 * and one stylesheet. A classic script (IIFE), not a module: the web copy opens from
 * file://, where browsers refuse module scripts.
 *
 * Vite is imported here, on demand: a build whose runtime is cached or prebuilt never
 * loads it (it and its native parts cost more memory than the rest of a build).
 */
export async function bundleRuntime(language: string, lms: LmsKind): Promise<BundledRuntime> {
  leanBundlerMemory();
  const { build } = await import('vite');
  let inputs: string[] = [];
  const recordInputs: Plugin = {
    name: 'teach-in-record-inputs',
    buildEnd() {
      inputs = [...this.getModuleIds()];
    },
  };
  const config = runtimeBuildConfig(language, lms);
  const result = await build({ ...config, plugins: [recordInputs] });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  let js = '';
  let css = '';
  for (const item of outputs.flatMap((output) => output.output)) {
    if (item.type === 'chunk') js += item.code;
    else if (item.fileName.endsWith('.css')) css += String(item.source);
  }
  if (!js || !css) throw new Error('The runtime bundle is missing its script or stylesheet.');
  return { js, css, inputs };
}

/**
 * Settings rolldown (inside Vite) reads when it loads, each measured on a cold build of
 * the four courses: mimalloc commits its arenas eagerly by default (about 60 MB resident
 * that one small bundle never uses) and keeps freed memory for a while; one worker thread
 * each for its async and parallel pools is as fast for a bundle this size, with less
 * memory per thread. An author's own setting wins.
 */
function leanBundlerMemory(): void {
  process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
  process.env.MIMALLOC_PURGE_DELAY ??= '0';
  process.env.TOKIO_WORKER_THREADS ??= '1';
  process.env.RAYON_NUM_THREADS ??= '1';
}
