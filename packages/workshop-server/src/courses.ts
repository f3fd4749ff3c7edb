import {
  type PageTemplate,
  packageFiles,
  packagePage,
  runtimeFiles,
  runtimeFor,
} from '@teach-in/course-builder';
import type { Course, Question } from '@teach-in/course-schema';
import type { WorkshopConfig } from '@teach-in/lms-bridge/workshop-protocol';

/** A course ready to serve: its package files (built for workshop mode) and its questions. */
export interface ServedCourse {
  course: Course;
  files: ReadonlyMap<string, Uint8Array>;
  questions: ReadonlyMap<string, Question>;
  pageIds: ReadonlySet<string>;
  /** The learner page, its slots open for the link back and each participant's config. */
  page: PageTemplate;
}

/** Builds every course with the same builder as `teach-in build`, in memory. */
export async function prepareCourses(
  courses: readonly Course[],
): Promise<Map<string, ServedCourse>> {
  const served = new Map<string, ServedCourse>();
  for (const course of courses) {
    if (served.has(course.id)) throw new Error(`Two courses have the id "${course.id}".`);
    const runtime = await runtimeFor(course.language, ['workshop']);
    const page = packagePage(course, 'workshop');
    const files = packageFiles(course, runtime, 'workshop', page);
    // The one addition to the course's look: room around the link back to the workshop page.
    const css = new TextDecoder().decode(files.get(runtimeFiles.css));
    files.set(runtimeFiles.css, new TextEncoder().encode(`${css}\n${workshopNavCss}\n`));
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
    served.set(course.id, { course, files, questions, pageIds, page });
  }
  return served;
}

/** JSON safe inside `<script type="application/json">`. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const workshopNavCss = '.ti-workshop-nav{padding:.5rem 1rem}';

const workshopNav =
  '<nav class="ti-workshop-nav" aria-label="Workshop"><a href="/">Workshop: courses and room poll</a></nav>';

/** The learner page for one participant: where to send, and where they left off. */
export function learnerPage(served: ServedCourse, config: WorkshopConfig): string {
  const data = `<script type="application/json" id="ti-workshop">${jsonForScript(config)}</script>`;
  return served.page({ bodyStart: workshopNav, bodyEnd: data });
}
