import path from 'node:path';
import { exportFormats } from '@teach-in/course-schema';
import { mb, ms, verdict } from '../format.ts';
import { comparisons } from '../reference.ts';
import { type BuildFigures, type Cache, measureBuild } from '../support/cli-build.ts';
import type { Measurement } from '../types.ts';

/** Cold builds of the benchmark module, one format at a time and all at once, then of every course. */
export const coldBuild: Measurement = {
  id: 'build',
  title: 'Cold build',
  async run(context) {
    const runs = context.quick ? 1 : 3;
    const all = exportFormats.join(',');
    const curriculum = `curriculum (${context.courseDirs.length} ${context.courseDirs.length === 1 ? 'course' : 'courses'})`;
    const jobs: Array<{ what: string; formats: string; sources: string[]; cache: Cache }> = [
      ...exportFormats.map((format) => ({
        what: 'benchmark module',
        formats: format,
        sources: [context.benchmarkDir],
        cache: 'cold' as const,
      })),
      { what: 'benchmark module', formats: all, sources: [context.benchmarkDir], cache: 'cold' },
      { what: 'benchmark module', formats: all, sources: [context.benchmarkDir], cache: 'warm' },
      {
        what: 'benchmark module',
        formats: all,
        sources: [context.benchmarkDir],
        cache: 'unchanged',
      },
      {
        what: curriculum,
        formats: all,
        sources: [path.join(context.repoRoot, 'courses')],
        cache: 'cold',
      },
      {
        what: curriculum,
        formats: all,
        sources: [path.join(context.repoRoot, 'courses')],
        cache: 'warm',
      },
      {
        what: curriculum,
        formats: all,
        sources: [path.join(context.repoRoot, 'courses')],
        cache: 'unchanged',
      },
    ];
    const results: Array<{ what: string; formats: string; cache: Cache } & BuildFigures> = [];
    for (const job of jobs) {
      context.log(`${job.what}: ${job.formats} (${job.cache})`);
      results.push({
        what: job.what,
        formats: job.formats,
        cache: job.cache,
        ...(await measureBuild(job.sources, job.formats, runs, context.tempDir, job.cache)),
      });
    }
    const memoryLimit = 150 * 1024 * 1024;
    const warmLimitMs = 1000;
    const adapt = comparisons.find((c) => c.tool === 'Adapt');
    return {
      tables: [
        {
          title: `Builds with teach-in build: cold, warm runtime cache, and again with nothing changed (median of ${runs})`,
          columns: [
            'what',
            'formats',
            'ready before the run',
            'wall time',
            'CPU time',
            'peak memory, process',
            'peak memory, process tree',
            'target',
          ],
          rows: [
            ...results.map((r) => [
              r.what,
              r.formats,
              r.cache,
              ms(r.wallMs),
              ms(r.cpuMs),
              mb(r.peakRssBytes),
              mb(r.peakTreeRssBytes),
              r.formats === all
                ? [
                    `tree < ${mb(memoryLimit)} ${verdict(r.peakTreeRssBytes, memoryLimit)}`,
                    ...(r.cache === 'unchanged'
                      ? [`wall < ${ms(warmLimitMs)} ${verdict(r.wallMs, warmLimitMs)}`]
                      : []),
                  ].join(', ')
                : '',
            ]),
            ...(adapt
              ? [
                  [
                    'Adapt (issue 7)',
                    'one package',
                    '',
                    adapt.buildSeconds ?? '',
                    '',
                    adapt.buildMemory ?? '',
                    '',
                    '',
                  ],
                ]
              : []),
          ],
        },
      ],
      data: { runsPerFigure: runs, memoryLimitBytes: memoryLimit, warmLimitMs, builds: results },
      notes: [
        "Every run: a new Node process running the compiled CLI, into an empty output folder unless said otherwise; wall time includes Node start-up and loading the builder, as an author experiences it. Cold: an empty runtime cache too, so Vite bundles the runtime (one bundle at a time, with a full garbage collection after each); warm: the runtime cache filled by an earlier build, so no bundler runs; unchanged: the earlier build's output kept too and nothing changed (the warm build of the goal, under 1 s): the builder reuses the parsed courses once every file they were read from checks out (course-parser's load-cache.ts), then checks and reuses every output (build-stamp.ts) and rewrites nothing.",
        'CPU time: user plus system time of the build process (its threads included), far less disturbed than wall time by other work on the machine. Peak memory, process: maximum resident set size of the build process (GNU time -v, or the process itself when GNU time is missing). Process tree: the sum over the process and its children, sampled every 5 ms from /proc, never below the process figure. MB here is 1024 x 1024 bytes.',
      ],
    };
  },
};
