import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

export interface RuntimeBundle {
  js: string;
  css: string;
}

const runtimeDir = fileURLToPath(new URL('../runtime/', import.meta.url));

let cached: Promise<RuntimeBundle> | undefined;

/**
 * Bundles the quiz elements, the course shell and the LMS bridge into one classic script
 * and one stylesheet. A classic script (IIFE), not a module: the web copy opens from
 * file://, where browsers refuse module scripts. The bundle does not depend on the
 * course, so one build serves every course of a run.
 */
export function runtimeBundle(): Promise<RuntimeBundle> {
  cached ??= bundle();
  return cached;
}

async function bundle(): Promise<RuntimeBundle> {
  const result = await build({
    configFile: false,
    root: runtimeDir,
    logLevel: 'silent',
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
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  let js = '';
  let css = '';
  for (const item of outputs.flatMap((output) => output.output)) {
    if (item.type === 'chunk') js += item.code;
    else if (item.fileName.endsWith('.css')) css += String(item.source);
  }
  if (!js || !css) throw new Error('The runtime bundle is missing its script or stylesheet.');
  return { js, css };
}
