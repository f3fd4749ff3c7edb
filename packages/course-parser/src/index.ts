export type { LoadOptions, LoadResult } from './course-loader.ts';
export { findCourses, loadCourse } from './course-loader.ts';
export type { ModuleContext, ParsedModule } from './module-parser.ts';
export { parseModule } from './module-parser.ts';
