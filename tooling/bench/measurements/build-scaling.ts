import { mb, ms } from '../format.ts';
import { type BuildFigures, measureBuild } from '../support/cli-build.ts';
import { writeSyntheticCourse } from '../support/synthetic-course.ts';
import type { Measurement } from '../types.ts';

/**
 * Builds generated courses of growing size to show how time and memory grow. The fixed
 * cost (Node, the builder, the runtime bundle) dominates small courses, so besides time per
 * module the table gives the marginal time per module over the 1-module course: flat means
 * linear growth.
 */
export const buildScaling: Measurement = {
  id: 'scaling',
  title: 'Build time and memory against course size',
  async run(context) {
    const sizes = context.quick ? [1, 10, 100] : [1, 10, 100, 1000];
    const runs = context.quick ? 1 : 3;
    const results: Array<{ modules: number } & BuildFigures> = [];
    for (const modules of sizes) {
      context.log(`${modules} modules`);
      const dir = writeSyntheticCourse(context.tempDir, modules);
      results.push({
        modules,
        ...(await measureBuild([dir], 'scorm12,scorm2004,web', runs, context.tempDir)),
      });
    }
    const base = results[0]!;
    const marginal = (r: (typeof results)[number]) =>
      r.modules === base.modules
        ? undefined
        : (r.wallMs - base.wallMs) / (r.modules - base.modules);
    return {
      tables: [
        {
          title: `Synthetic courses, every format, cold builds (median of ${runs})`,
          columns: [
            'modules',
            'wall time',
            'per module',
            'marginal per module',
            'peak memory',
            'marginal memory per module',
          ],
          rows: results.map((r) => {
            const extraModules = r.modules - base.modules;
            return [
              r.modules,
              ms(r.wallMs),
              ms(r.wallMs / r.modules),
              extraModules ? ms(marginal(r)!) : '',
              mb(r.peakRssBytes),
              extraModules
                ? `${((r.peakRssBytes - base.peakRssBytes) / extraModules / 1024).toFixed(0)} KB`
                : '',
            ];
          }),
        },
      ],
      data: {
        runsPerFigure: runs,
        modulePages: 4,
        moduleQuestions: 2,
        builds: results.map((r) => ({ ...r, marginalMsPerModule: marginal(r) })),
      },
      notes: [
        'Each synthetic module: front matter with objectives and a source, an opening page, three pages of prose with a list, a callout and a citation, and two questions.',
        'Marginal per module = (time for N modules - time for 1) / (N - 1): the cost of one more module once the fixed start-up is paid. Below about 100 modules that extra work is smaller than the run-to-run noise of starting Node on a busy machine, so read the 10-module figure as noise.',
      ],
    };
  },
};
