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

const encoder = new TextEncoder();

function withManifest(files: PackageFiles, manifest: (listed: string[]) => string): PackageFiles {
  const listed = [...files.keys()].sort();
  files.set('imsmanifest.xml', encoder.encode(manifest(listed)));
  return files;
}

export const exporters = {
  scorm12: (course, runtime) => ({
    kind: 'file',
    name: `${packageId(course)}.scorm12.zip`,
    bytes: deterministicZip(
      withManifest(packageFiles(course, runtime, 'scorm12'), (listed) =>
        scorm12Manifest(course, listed),
      ),
    ),
  }),
  scorm2004: (course, runtime) => ({
    kind: 'file',
    name: `${packageId(course)}.scorm2004.zip`,
    bytes: deterministicZip(
      withManifest(packageFiles(course, runtime, 'scorm2004'), (listed) =>
        scorm2004Manifest(course, listed),
      ),
    ),
  }),
  cmi5: (course, runtime) => {
    const files = packageFiles(course, runtime, 'cmi5');
    files.set('cmi5.xml', encoder.encode(cmi5Manifest(course)));
    return { kind: 'file', name: `${packageId(course)}.cmi5.zip`, bytes: deterministicZip(files) };
  },
  web: (course, runtime) => ({
    kind: 'folder',
    name: webFolder(course),
    files: packageFiles(course, runtime, 'standalone'),
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
