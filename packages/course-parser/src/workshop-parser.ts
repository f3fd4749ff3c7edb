import {
  type Diagnostic,
  diagnosticAt,
  SourceText,
  type Workshop,
  type WorkshopSection,
  workshopFrontMatterSchema,
} from '@teach-in/course-schema';
import type { Tokens } from 'marked';
import { splitFrontMatter } from './front-matter.ts';
import { lex, plainText, renderBlocks } from './markdown.ts';
import { parseYaml, validateYaml } from './yaml-source.ts';

const handoutTitle = /^handout\s*:/i;

/**
 * Reads the workshop kit: front matter (title, minutes, audience), then sections at each
 * level-2 heading. A section titled "Handout: ..." is a printable handout.
 */
export function parseWorkshop(
  text: string,
  displayPath: string,
): { workshop?: Workshop; diagnostics: Diagnostic[] } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const source = new SourceText(displayPath, normalized);
  const split = splitFrontMatter(normalized);
  if (!split) return { diagnostics: [diagnosticAt('missing-front-matter', source, 0)] };
  const yaml = parseYaml({ source, start: split.yamlStart, text: split.yamlText });
  if (yaml.diagnostics.length > 0) return { diagnostics: yaml.diagnostics };
  const front = validateYaml(workshopFrontMatterSchema, yaml, source, 'front matter');
  if (!front.value) return { diagnostics: front.diagnostics };

  const sections: WorkshopSection[] = [];
  let current: { title: string; tokens: ReturnType<typeof lex> } | undefined;
  const close = () => {
    if (!current) return;
    sections.push({
      title: current.title,
      html: renderBlocks(current.tokens),
      handout: handoutTitle.test(current.title),
    });
  };
  for (const token of lex(normalized.slice(split.bodyStart))) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth <= 2) {
      if ((token as Tokens.Heading).depth === 1 && sections.length === 0 && !current) continue;
      close();
      current = { title: plainText((token as Tokens.Heading).text), tokens: [] };
      continue;
    }
    if (token.type === 'space') continue;
    current ??= { title: front.value.title, tokens: [] };
    current.tokens.push(token);
  }
  close();
  if (sections.length === 0) {
    return {
      diagnostics: [
        diagnosticAt('empty-module', source, split.bodyStart, {
          message: 'The workshop kit has no sections',
          hint: 'Add "## " headings for the session plan and "## Handout: ..." for each handout.',
        }),
      ],
    };
  }
  const { title, minutes, audience } = front.value;
  return {
    workshop: { title, minutes, ...(audience ? { audience } : {}), sections },
    diagnostics: [],
  };
}
