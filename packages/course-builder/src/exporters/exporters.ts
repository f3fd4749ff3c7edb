import type { Course, ExportFormat, LmsKind } from '@teach-in/course-schema';
import { packageId, webFolder } from '../editions.ts';
import { renderGuide } from '../guide/render-guide.ts';
import { cmi5Manifest } from '../manifests/cmi5-manifest.ts';
import { scorm12Manifest } from '../manifests/scorm12-manifest.ts';
import { scorm2004Manifest } from '../manifests/scorm2004-manifest.ts';
import type { RuntimeSource } from '../runtime-bundle.ts';
import { deterministicZip } from '../zip.ts';
import { type PackageFiles, packageFiles } from './package-files.ts';

/** What an exporter writes into `dist/<course-id>/`: one file, or a folder of files. */
export type ExportOutput =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'folder'; name: string; files: PackageFiles };

type Exporter = (course: Course, runtime: RuntimeSource) => ExportOutput;
type PackageContents = (course: Course, runtime: RuntimeSource) => PackageFiles;

const encoder = new TextEncoder();

function withManifest(files: PackageFiles, manifest: (listed: string[]) => string): PackageFiles {
  const listed = [...files.keys()].sort();
  files.set('imsmanifest.xml', encoder.encode(manifest(listed)));
  return files;
}

/**
 * The files of each package before it is zipped: what the preview serves from memory, and
 * what the exporters below zip. The web copy is its files as they are.
 */
export const packageContents = {
  scorm12: (course, runtime) =>
    withManifest(packageFiles(course, runtime, 'scorm12'), (listed) =>
      scorm12Manifest(course, listed),
    ),
  scorm2004: (course, runtime) =>
    withManifest(packageFiles(course, runtime, 'scorm2004'), (listed) =>
      scorm2004Manifest(course, listed),
    ),
  cmi5: (course, runtime) => {
    const files = packageFiles(course, runtime, 'cmi5');
    files.set('cmi5.xml', encoder.encode(cmi5Manifest(course)));
    return files;
  },
  web: (course, runtime) => packageFiles(course, runtime, 'standalone'),
} as const satisfies Partial<Record<ExportFormat, PackageContents>>;

/** The formats that are a package of files (every one but the guide). */
export type PackageFormat = keyof typeof packageContents;

const zipped = (name: string, files: PackageFiles): ExportOutput => ({
  kind: 'file',
  name,
  bytes: deterministicZip(files),
});

export const exporters = {
  scorm12: (course, runtime) =>
    zipped(`${packageId(course)}.scorm12.zip`, packageContents.scorm12(course, runtime)),
  scorm2004: (course, runtime) =>
    zipped(`${packageId(course)}.scorm2004.zip`, packageContents.scorm2004(course, runtime)),
  cmi5: (course, runtime) =>
    zipped(`${packageId(course)}.cmi5.zip`, packageContents.cmi5(course, runtime)),
  web: (course, runtime) => ({
    kind: 'folder',
    name: webFolder(course),
    files: packageContents.web(course, runtime),
  }),
  guide: (course) => ({
    kind: 'file',
    name: `${packageId(course)}.guide.html`,
    bytes: encoder.encode(renderGuide(course)),
  }),
} as const satisfies Record<ExportFormat, Exporter>;

/** The LMS kind each format's package talks to; the guide has no runtime. */
export const formatLms = {
  scorm12: 'scorm12',
  scorm2004: 'scorm2004',
  cmi5: 'cmi5',
  web: 'standalone',
  guide: undefined,
} as const satisfies Record<ExportFormat, LmsKind | undefined>;

/** The runtimes a build of these formats needs. */
export function runtimeKinds(formats: readonly ExportFormat[]): LmsKind[] {
  return formats.flatMap((format) => {
    const lms = formatLms[format];
    return lms ? [lms] : [];
  });
}
