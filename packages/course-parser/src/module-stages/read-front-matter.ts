import { diagnosticAt, type FrontMatter, frontMatterSchema } from '@teach-in/course-schema';
import { splitFrontMatter } from '../front-matter.ts';
import { parseYaml, validateYaml } from '../yaml-source.ts';
import type { ModuleRun } from './module-run.ts';

export interface FrontMatterRead {
  /** The validated front matter; undefined when it has errors (the body is still read). */
  meta: FrontMatter | undefined;
  yaml: ReturnType<typeof parseYaml>;
  yamlStart: number;
  yamlText: string;
  bodyStart: number;
}

/**
 * Stage 1: the YAML between the `---` lines, validated. Undefined when the file has no
 * front matter at all, which is reported and ends the module's reading.
 */
export function readFrontMatter(run: ModuleRun): FrontMatterRead | undefined {
  const split = splitFrontMatter(run.text);
  if (!split) {
    run.diagnostics.push(diagnosticAt('missing-front-matter', run.source, 0));
    return undefined;
  }
  const yaml = parseYaml({ source: run.source, start: split.yamlStart, text: split.yamlText });
  run.diagnostics.push(...yaml.diagnostics);
  const front =
    yaml.diagnostics.length === 0
      ? validateYaml(frontMatterSchema, yaml, run.source, 'front matter')
      : { diagnostics: [] };
  run.diagnostics.push(...front.diagnostics);
  return { meta: front.value, yaml, ...split };
}
