import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readManifest, unpackZip } from '@teach-in/lms-host';
import { unzipSync } from 'fflate';
import { firstLoad, gzippedSize } from '../../../tests/support/first-load.ts';
import type { BenchContext } from '../context.ts';
import { kb, size, verdict } from '../format.ts';
import { comparisons, targets } from '../reference.ts';
import type { Measurement, Table } from '../types.ts';

interface FirstLoadFigures {
  requests: number;
  gzipBytes: number;
  files: string[];
}

interface PackageFigures {
  course: string;
  /** Per format: zip bytes and files inside, or the web copy's folder, with its own first load. */
  formats: Array<{ format: string; bytes: number; files: number; firstLoad: FirstLoadFigures }>;
  /** The SCORM 1.2 package's first load: the package the network figures and the peers' compare. */
  firstLoad: FirstLoadFigures;
  runtime: { jsGzipBytes: number; cssGzipBytes: number };
}

/** Counts the entries of a zip without inflating them. */
function zipEntryCount(file: string): number {
  let count = 0;
  unzipSync(new Uint8Array(readFileSync(file)), {
    filter: () => {
      count += 1;
      return false;
    },
  });
  return count;
}

function folderFigures(dir: string): { bytes: number; files: number } {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) =>
    e.isFile(),
  );
  const bytes = files.reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
  return { bytes, files: files.length };
}

/** The page an LMS opens first: the manifest's launch file (SCORM), the AU's url (cmi5). */
function launchFile(packageDir: string): string {
  const manifest = path.join(packageDir, 'imsmanifest.xml');
  const launch = statSync(manifest, { throwIfNoEntry: false })
    ? readManifest(readFileSync(manifest, 'utf8')).launch
    : /<url>\s*([^<\s]+)\s*<\/url>/.exec(
        readFileSync(path.join(packageDir, 'cmi5.xml'), 'utf8'),
      )?.[1];
  if (!launch) throw new Error(`${packageDir} names no launch page`);
  return path.join(packageDir, launch.replace(/[?#].*$/, ''));
}

function firstLoadOf(pageFile: string): FirstLoadFigures {
  const load = firstLoad(pageFile);
  return { requests: load.files.length, gzipBytes: load.gzipBytes, files: load.files };
}

function measureCourse(context: BenchContext, courseDir: string): PackageFigures {
  const built = context.built(courseDir);
  const zips = readdirSync(built.outDir)
    .filter((name) => name.endsWith('.zip'))
    .sort();
  const formats = zips.map((name) => {
    const file = path.join(built.outDir, name);
    const format = name.slice(built.id.length + 1, -'.zip'.length);
    const unpacked = mkdtempSync(path.join(context.tempDir, `${built.id}-${format}-`));
    unpackZip(new Uint8Array(readFileSync(file)), unpacked);
    return {
      format,
      bytes: statSync(file).size,
      files: zipEntryCount(file),
      firstLoad: firstLoadOf(launchFile(unpacked)),
    };
  });
  const webDir = path.join(built.outDir, 'web');
  formats.push({
    format: 'web (folder)',
    ...folderFigures(webDir),
    firstLoad: firstLoadOf(path.join(webDir, 'index.html')),
  });
  const load = firstLoad(path.join(webDir, 'index.html'));
  const scorm = formats.find((f) => f.format === 'scorm12');
  if (!scorm) throw new Error(`${courseDir} built no SCORM 1.2 package`);
  const gzipOf = (extension: string) =>
    load.files
      .filter((file) => file.endsWith(extension))
      .reduce((sum, file) => sum + gzippedSize(path.join(webDir, file)), 0);
  return {
    course: built.name,
    formats,
    firstLoad: scorm.firstLoad,
    runtime: { jsGzipBytes: gzipOf('.js'), cssGzipBytes: gzipOf('.css') },
  };
}

function benchmarkTable(figures: PackageFigures): Table {
  const largestZip = Math.max(
    ...figures.formats.filter((f) => f.format !== 'web (folder)').map((f) => f.bytes),
  );
  const { requests, gzipBytes } = figures.firstLoad;
  return {
    title: `Benchmark module (${figures.course}) against the targets and the published figures`,
    columns: ['', 'largest zip', 'first load, SCORM 1.2 (gzip)', 'requests'],
    rows: [
      ['Teach-in', kb(largestZip), kb(gzipBytes), requests],
      [
        'target',
        `< ${kb(targets.benchmarkZipBytes)}`,
        `< ${kb(targets.firstLoadGzipBytes)}`,
        `<= ${targets.firstLoadRequests}`,
      ],
      [
        'verdict',
        verdict(largestZip, targets.benchmarkZipBytes),
        verdict(gzipBytes, targets.firstLoadGzipBytes),
        verdict(requests, targets.firstLoadRequests),
      ],
      ...comparisons.map((c) => [
        c.tool,
        size(c.zipBytes),
        size(c.firstLoadGzipBytes),
        c.firstLoadRequests,
      ]),
    ],
  };
}

function coursesTable(all: PackageFigures[]): Table {
  return {
    title: 'Every course in courses/',
    columns: [
      'course',
      'format',
      'bytes',
      'files',
      'first load (gzip)',
      'requests',
      'runtime JS (gzip)',
      'runtime CSS (gzip)',
    ],
    rows: all.flatMap((figures) =>
      figures.formats.map((format, i) => [
        i === 0 ? figures.course : '',
        format.format,
        kb(format.bytes),
        format.files,
        kb(format.firstLoad.gzipBytes),
        format.firstLoad.requests,
        i === 0 ? kb(figures.runtime.jsGzipBytes) : '',
        i === 0 ? kb(figures.runtime.cssGzipBytes) : '',
      ]),
    ),
  };
}

export const packageSize: Measurement = {
  id: 'package',
  title: 'Package size',
  async run(context) {
    const all = context.courseDirs.map((dir) => measureCourse(context, dir));
    const benchmark = measureCourse(context, context.benchmarkDir);
    return {
      tables: [benchmarkTable(benchmark), coursesTable([benchmark, ...all])],
      data: { benchmark, courses: all },
      chart: [
        {
          title: 'First load of the benchmark module (gzip; Teach-in: its SCORM 1.2 package)',
          unit: 'bytes',
          bars: [
            {
              label: `Teach-in, ${benchmark.firstLoad.requests} requests`,
              value: benchmark.firstLoad.gzipBytes,
              target: targets.firstLoadGzipBytes,
            },
            ...comparisons.map((c) => ({
              label: `${c.tool}, ${c.firstLoadRequests} requests (quoted)`,
              value: c.firstLoadGzipBytes,
            })),
          ],
        },
      ],
      notes: [
        "First load: the launch page plus the scripts and stylesheets it references, each gzipped at level 9 as a compressing web server sends it, taken from each package itself (the SCORM manifest's launch file, cmi5.xml's AU url); the benchmark figure is the SCORM 1.2 package's, the one the network figures and the peers' compare.",
        'Runtime: the script and stylesheet shared by every course (Lit, the question elements, the course shell, the LMS bridge).',
        'Adapt and LiaScript: figures quoted in issue 7 for the same module, not measured here.',
      ],
    };
  },
};
