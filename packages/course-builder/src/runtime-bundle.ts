import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LmsKind } from '@teach-in/course-schema';
import { build, type Rolldown } from 'vite';
import { interfaceLanguage } from './page-strings/index.ts';

export interface RuntimeBundle {
  js: string;
  css: string;
}

/** What a package ships depends on its format: the runtime for each LMS kind. */
export type RuntimeSource = (lms: LmsKind) => RuntimeBundle;

const runtimeDir = fileURLToPath(new URL('../runtime/', import.meta.url));

const cache = new Map<string, Promise<RuntimeBundle>>();

/**
 * Bundles the quiz elements, the course shell and the LMS bridge into one classic script
 * and one stylesheet. A classic script (IIFE), not a module: the web copy opens from
 * file://, where browsers refuse module scripts.
 *
 * Each package ships only what it uses: the interface strings of its course's language and
 * the tracker for its LMS. Both are compile-time constants (`define`), so the minifier drops
 * the other languages and trackers. One build per language and LMS kind, cached per run.
 */
export function runtimeBundle(variant: { language: string; lms: LmsKind }): Promise<RuntimeBundle> {
  const language = interfaceLanguage(variant.language);
  const key = `${language}/${variant.lms}`;
  let bundled = cache.get(key);
  if (!bundled) {
    bundled = bundle(language, variant.lms);
    cache.set(key, bundled);
  }
  return bundled;
}

/** Builds the runtimes a course needs, in parallel, and returns the lookup exporters use. */
export async function runtimeFor(
  courseLanguage: string,
  kinds: readonly LmsKind[],
): Promise<RuntimeSource> {
  const unique = [...new Set(kinds)];
  const built = await Promise.all(
    unique.map((lms) => runtimeBundle({ language: courseLanguage, lms })),
  );
  const byKind = new Map(unique.map((lms, i) => [lms, built[i]!] as const));
  return (lms) => {
    const runtime = byKind.get(lms);
    if (!runtime) throw new Error(`No runtime was built for ${lms}.`);
    return runtime;
  };
}

async function bundle(language: string, lms: LmsKind): Promise<RuntimeBundle> {
  const result = await build({
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
