import {
  type Diagnostic,
  diagnosticAt,
  didYouMean,
  type SourceText,
} from '@teach-in/course-schema';
import type { parseYaml } from '../yaml-source.ts';
import type { PoolUse } from './module-run.ts';

/** Stage 6: every pool a question names is defined, and every pool has enough questions to draw. */
export function checkPools(
  pools: Record<string, { draw: number }>,
  uses: readonly PoolUse[],
  moduleId: string,
  source: SourceText,
  frontMatter: ReturnType<typeof parseYaml>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const keys = Object.keys(pools);
  for (const use of uses) {
    const key = use.key.slice(moduleId.length + 1);
    if (pools[key]) continue;
    diagnostics.push(
      diagnosticAt('unknown-pool', source, use.offset, {
        message: `Pool "${key}" is not defined in this module's front matter`,
        hint: `${didYouMean(key, keys)} Define it under "pools:" with "draw:", the number of questions to ask.`.trim(),
        length: use.length,
      }),
    );
  }
  for (const [key, pool] of Object.entries(pools)) {
    const count = uses.filter((use) => use.key === `${moduleId}/${key}`).length;
    if (pool.draw <= count) continue;
    const at = frontMatter.locate(['pools', key, 'draw']);
    diagnostics.push(
      diagnosticAt('pool-too-small', source, at.offset, {
        message: `Pool "${key}" draws ${pool.draw} questions but has ${count}`,
        length: at.length,
      }),
    );
  }
  return diagnostics;
}
