import {
  packageFiles,
  packagePage,
  runtimeFiles,
  runtimeFor,
  sentToLtiGradebook,
} from '@teach-in/course-builder';
import type { Course, Question } from '@teach-in/course-schema';
import type { WorkshopConfig } from '@teach-in/lms-bridge/workshop-protocol';

/**
 * What a placement points at: a whole course (`<course-id>`) or one module of it
 * (`<course-id>/<module-id>`), each built as its own package, so the course outcome the
 * tracker reports is the outcome of exactly what the LMS placed.
 */
export interface ServedTarget {
  target: string;
  title: string;
  course: Course;
  files: ReadonlyMap<string, Uint8Array>;
  questions: ReadonlyMap<string, Question>;
  pageIds: ReadonlySet<string>;
  page: string;
}

export interface Placeable {
  target: string;
  title: string;
  kind: 'course' | 'module';
}

/**
 * The courses the tool serves. Packages are built on first use and kept: a cache any tool
 * process rebuilds identically (builds are deterministic), so it is not shared state.
 */
export class ServedCourses {
  readonly #courses: ReadonlyMap<string, Course>;
  readonly #built = new Map<string, Promise<ServedTarget>>();

  constructor(courses: readonly Course[]) {
    const byId = new Map<string, Course>();
    for (const course of courses) {
      if (byId.has(course.id)) throw new Error(`Two courses have the id "${course.id}".`);
      byId.set(course.id, course);
    }
    this.#courses = byId;
  }

  /** Everything an educator may place: each course, then each of its modules. */
  placeable(): Placeable[] {
    return [...this.#courses.values()].flatMap((course) => [
      { target: course.id, title: course.title, kind: 'course' as const },
      ...course.modules.map((module) => ({
        target: `${course.id}/${module.id}`,
        title: `${course.title}: ${module.title}`,
        kind: 'module' as const,
      })),
    ]);
  }

  has(target: string): boolean {
    return this.#resolve(target) !== undefined;
  }

  /** Builds every package now (`teach-in serve` does, so the first learner does not wait). */
  async buildAll(): Promise<void> {
    await Promise.all(this.placeable().map((item) => this.get(item.target)));
  }

  get(target: string): Promise<ServedTarget> | undefined {
    const course = this.#resolve(target);
    if (!course) return undefined;
    let built = this.#built.get(target);
    if (!built) {
      built = build(target, course);
      this.#built.set(target, built);
    }
    return built;
  }

  #resolve(target: string): Course | undefined {
    const [courseId = '', moduleId, ...rest] = target.split('/');
    const course = this.#courses.get(courseId);
    if (!course || rest.length > 0) return undefined;
    if (moduleId === undefined) return course;
    const module = course.modules.find((candidate) => candidate.id === moduleId);
    return module
      ? { ...course, title: `${course.title}: ${module.title}`, modules: [module] }
      : undefined;
  }
}

async function build(target: string, course: Course): Promise<ServedTarget> {
  // The workshop runtime: its tracker posts progress and answers to the server that served
  // the page, which is exactly what the tool needs (lms-bridge workshop-tracker.ts).
  const runtime = await runtimeFor(course.language, ['workshop']);
  // The notice lists what goes to the tool (the workshop kind's list) and what the tool
  // then sends the LMS's gradebook.
  const template = packagePage(course, 'workshop', { noticeExtra: sentToLtiGradebook });
  const files = packageFiles(course, runtime, 'workshop', template);
  const page = new TextDecoder().decode(files.get(runtimeFiles.page));
  const questions = new Map<string, Question>();
  const pageIds = new Set<string>();
  for (const module of course.modules) {
    for (const coursePage of module.pages) {
      pageIds.add(coursePage.id);
      for (const block of coursePage.blocks) {
        if (block.kind === 'question') questions.set(block.question.id, block.question);
      }
    }
  }
  return { target, title: course.title, course, files, questions, pageIds, page };
}

/** JSON safe inside `<script type="application/json">`. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The learner page for one launch: where to send, and where the learner left off. */
export function learnerPage(served: ServedTarget, config: WorkshopConfig): string {
  const data = `<script type="application/json" id="ti-workshop">${jsonForScript(config)}</script>`;
  return served.page.replace('</body>', `${data}\n</body>`);
}
