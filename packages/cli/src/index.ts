export type { CoursePreview, PreviewSettings } from './commands/preview.ts';
export { buildForPreview, startCoursePreview } from './commands/preview.ts';
export { main } from './main.ts';
