import { calloutVariants, diagnosticAt, didYouMean } from '@teach-in/course-schema';
import type { Token, Tokens } from 'marked';
import { lex } from '../markdown.ts';
import { parseQuestion } from '../question-parser.ts';
import type { DraftPage, ModuleRun } from './module-run.ts';
import { removedHtmlDiagnostics } from './removed-html.ts';

const calloutMarker = /^ {0,3}>[ \t]*\[!([A-Za-z]+)\][ \t]*(?:\n|$)/;

/**
 * Stage 4: one top-level token onto its page, as a question (a `quiz` fence), a callout
 * (a blockquote opening with `[!NOTE]` and the like, or `[!FACILITATOR]`) or prose, which
 * gathers the tokens that follow each other.
 */
export function parseBlock(
  run: ModuleRun,
  page: DraftPage,
  token: Token,
  offset: number,
  moduleId: string,
): void {
  const end = offset + token.raw.length;
  if (token.type === 'code' && (token as Tokens.Code).lang === 'quiz') {
    collectQuestion(run, page, token as Tokens.Code, offset, moduleId);
    return;
  }
  const marker = token.type === 'blockquote' ? calloutMarker.exec(token.raw) : null;
  if (marker) {
    parseCallout(run, page, token as Tokens.Blockquote, marker, offset, end);
    return;
  }
  const last = page.blocks.at(-1);
  if (last?.kind === 'tokens') {
    last.tokens.push(token);
    last.end = end;
  } else {
    page.blocks.push({ kind: 'tokens', tokens: [token], offset, end });
  }
}

/** A quiz block: its question on the page, its id and pool noted for the course's checks. */
function collectQuestion(
  run: ModuleRun,
  page: DraftPage,
  token: Tokens.Code,
  offset: number,
  moduleId: string,
): void {
  const { source, diagnostics } = run;
  if (!isClosedFence(token.raw)) {
    diagnostics.push(
      diagnosticAt('unclosed-quiz', source, offset, {
        message: 'This quiz block is never closed: the rest of the file was read as its YAML',
        length: token.raw.indexOf('\n') < 0 ? token.raw.length : token.raw.indexOf('\n'),
      }),
    );
    return;
  }
  const yamlStart = offset + token.raw.indexOf('\n') + 1;
  const parsed = parseQuestion(source, yamlStart, token.text, moduleId);
  diagnostics.push(...parsed.diagnostics);
  // Question text is sanitized like prose: what is removed there is said here too.
  diagnostics.push(...removedHtmlDiagnostics(source, token.raw, offset, 'the question'));
  if (!parsed.question) return;
  page.blocks.push({
    kind: 'question',
    block: { kind: 'question', question: parsed.question },
    offset: yamlStart,
  });
  run.questionSites.push({
    id: parsed.question.id,
    source,
    ...(parsed.idSite ?? { offset, length: 1 }),
  });
  const pool = 'pool' in parsed.question ? parsed.question.pool : undefined;
  if (pool && parsed.poolSite) run.poolUses.push({ key: pool, ...parsed.poolSite });
}

function parseCallout(
  run: ModuleRun,
  page: DraftPage,
  token: Tokens.Blockquote,
  marker: RegExpExecArray,
  offset: number,
  end: number,
): void {
  const name = (marker[1] ?? '').toLowerCase();
  const known = [...calloutVariants, 'facilitator'] as const;
  const variant = known.find((v) => v === name);
  if (!variant) {
    const list = 'Callouts: [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!FACILITATOR].';
    const close = didYouMean(
      name.toUpperCase(),
      known.map((k) => k.toUpperCase()),
    );
    run.diagnostics.push(
      diagnosticAt('unknown-callout', run.source, offset + marker[0].indexOf('[!'), {
        message: `Unknown callout type "[!${marker[1]}]"`,
        // Without a close match, the list of callouts alone says it best.
        hint: close.startsWith('Did you mean') ? `${close} ${list}` : list,
        length: (marker[1] ?? '').length + 3,
      }),
    );
    return;
  }
  const inner = token.text.replace(/^[ \t]*\[![A-Za-z]+\][ \t]*\n?/, '');
  page.blocks.push({ kind: 'callout', variant, tokens: lex(inner), offset, end });
}

/** A fenced block is closed by a fence of the same character, at least as long. */
function isClosedFence(raw: string): boolean {
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!opening) return true;
  const char = opening[0] === '`' ? '`' : '~';
  return new RegExp(`\\n {0,3}\\${char}{${opening.length},}[ \\t]*\\n*$`).test(raw);
}
