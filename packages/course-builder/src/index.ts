export type { BuildOptions, BuiltCourse, BuiltFile } from './build.ts';
export { buildCourse } from './build.ts';
export type { NoticeCondition, NoticeEntry } from './data-notice.ts';
export { dataSentToLms, noticeEntries, sentToLtiGradebook } from './data-notice.ts';
export { packageId, webFolder } from './editions.ts';
export type { ExportOutput, PackageFormat } from './exporters/exporters.ts';
export { exporters, formatLms, packageContents, runtimeKinds } from './exporters/exporters.ts';
export type { PackageFiles } from './exporters/package-files.ts';
export { packageFiles, packagePage } from './exporters/package-files.ts';
export { renderGuide } from './guide/render-guide.ts';
export { cmi5Ids, cmi5Manifest, moveOnFor } from './manifests/cmi5-manifest.ts';
export { scorm12Manifest } from './manifests/scorm12-manifest.ts';
export { scorm2004Manifest } from './manifests/scorm2004-manifest.ts';
export { interfaceLanguage } from './page-strings/index.ts';
export type { Readability } from './readability.ts';
export { learnerText, readability } from './readability.ts';
export type { SpanishReadability } from './readability-es.ts';
export {
  spanishMinimumEase,
  spanishReadability,
  spanishSyllables,
} from './readability-es.ts';
export type { PageSlots, PageTemplate } from './render-page.ts';
export { extraPages, renderCoursePage, runtimeFiles } from './render-page.ts';
export type { RuntimeBundle, RuntimeSource } from './runtime-bundle.ts';
export { runtimeBundle, runtimeFor, runtimeLmsKinds, runtimeVariants } from './runtime-bundle.ts';
export { prebuiltFileName } from './runtime-prebuilt.ts';
export { sanitize } from './sanitize.ts';
export type { StateSize } from './state-size.ts';
export { stateSizeDiagnostics, stateSizes } from './state-size.ts';
export { deterministicZip } from './zip.ts';
