import path from 'node:path';
import { exportFormats } from '@teach-in/course-schema';
import { mb, ms } from '../format.ts';
import { comparisons } from '../reference.ts';
import { type BuildFigures, measureBuild } from '../support/cli-build.ts';
import type { Measurement } from '../types.ts';

/** Cold builds of the benchmark module, one format at a time and all at once, then of every course. */
export const coldBuild: Measurement = {
  id: 'build',
  title: 'Cold build',
  async run(context) {
    const runs = context.quick ? 1 : 3;
    const all = exportFormats.join(',');
    const jobs = [
      ...exportFormats.map((format) => ({
        what: 'benchmark module',
        formats: format,
        sources: [context.benchmarkDir],
      })),
      { what: 'benchmark module', formats: all, sources: [context.benchmarkDir] },
      {
        what: `curriculum (${context.courseDirs.length} ${context.courseDirs.length === 1 ? 'course' : 'courses'})`,
        formats: all,
        sources: [path.join(context.repoRoot, 'courses')],
      },
    ];
    const results: Array<{ what: string; formats: string } & BuildFigures> = [];
    for (const job of jobs) {
      context.log(`${job.what}: ${job.formats}`);
      results.push({
        what: job.what,
        formats: job.formats,
        ...(await measureBuild(job.sources, job.formats, runs, context.tempDir)),
      });
    }
    const adapt = comparisons.find((c) => c.tool === 'Adapt');
    return {
      tables: [
        {
          title: `Cold build with teach-in build (median of ${runs})`,
          columns: ['what', 'formats', 'wall time', 'CPU time', 'peak memory'],
          rows: [
            ...results.map((r) => [
              r.what,
              r.formats,
              ms(r.wallMs),
              ms(r.cpuMs),
              mb(r.peakRssBytes),
            ]),
            ...(adapt
              ? [
                  [
                    'Adapt (issue 7)',
                    'one package',
                    adapt.buildSeconds ?? '',
                    '',
                    adapt.buildMemory ?? '',
                  ],
                ]
              : []),
          ],
        },
      ],
      data: { runsPerFigure: runs, builds: results },
      notes: [
        'Cold: a new Node process per build and an empty output folder; wall time includes Node start-up and loading the builder, as an author experiences it.',
        'CPU time: user plus system time of the build process (its threads included), far less disturbed than wall time by other work on the machine. Peak memory: maximum resident set size of the build process (GNU time -v, or the process itself when GNU time is missing).',
      ],
    };
  },
};
