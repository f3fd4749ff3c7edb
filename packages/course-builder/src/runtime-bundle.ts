import { type LmsKind, lmsKinds } from '@teach-in/course-schema';
import { collectGarbage } from './collect-garbage.ts';
import { interfaceLanguage, interfaceLanguages } from './page-strings/index.ts';
import { runtimeCacheFor } from './runtime-cache.ts';
import { hasPrebuiltRuntime, readPrebuilt } from './runtime-prebuilt.ts';
import { bundleRuntime, runtimeBuildConfig, runtimeDir } from './runtime-vite.ts';

export interface RuntimeBundle {
  js: string;
  css: string;
}

/** What a package ships depends on its format: the runtime for each LMS kind. */
export type RuntimeSource = (lms: LmsKind) => RuntimeBundle;

/** Every LMS kind a runtime is built for: all of them, or the tarball would lack one. */
export const runtimeLmsKinds = lmsKinds;

/** Every runtime variant: what the installable tarball ships prebuilt. */
export const runtimeVariants = interfaceLanguages.flatMap((language) =>
  runtimeLmsKinds.map((lms) => ({ language, lms })),
);

const inMemory = new Map<string, Promise<RuntimeBundle>>();
/** Bundler runs wait for each other: one at a time keeps a cold build's memory down. */
let bundlerQueue: Promise<unknown> = Promise.resolve();

/**
 * The runtime script and stylesheet for a course language and LMS kind.
 *
 * Each package ships only what it uses: the interface strings of its course's language and
 * the tracker for its LMS. Both are compile-time constants, so the minifier drops the
 * other languages and trackers. One bundle per language and LMS kind, found in this order:
 * this run's memory, the bundles prebuilt into an installed tarball, the cache on disk
 * (`runtime-cache.ts`), and only then the bundler.
 */
export function runtimeBundle(variant: { language: string; lms: LmsKind }): Promise<RuntimeBundle> {
  const language = interfaceLanguage(variant.language);
  const key = `${language}/${variant.lms}`;
  let bundled = inMemory.get(key);
  if (!bundled) {
    bundled = findOrBundle(language, variant.lms);
    inMemory.set(key, bundled);
  }
  return bundled;
}

/** Finds (or builds) the runtimes a course needs and returns the lookup exporters use. */
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

async function findOrBundle(language: string, lms: LmsKind): Promise<RuntimeBundle> {
  const prebuilt = readPrebuilt(language, lms);
  if (prebuilt) return prebuilt;
  if (hasPrebuiltRuntime()) {
    throw new Error(`This installation has no prebuilt runtime for ${language}/${lms}.`);
  }
  const cache = runtimeCacheFor(runtimeDir);
  const settings = JSON.stringify(runtimeBuildConfig(language, lms));
  const cached = cache.read(language, lms, settings);
  if (cached) return cached;
  const run = bundlerQueue.then(async () => {
    const bundled = await bundleRuntime(language, lms);
    // Before the next bundle starts: its garbage would pile on this one's.
    collectGarbage();
    return bundled;
  });
  bundlerQueue = run.catch(() => undefined);
  const bundled = await run;
  cache.write(language, lms, settings, bundled);
  return { js: bundled.js, css: bundled.css };
}
