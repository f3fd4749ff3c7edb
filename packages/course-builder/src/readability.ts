/**
 * How hard a module's learner text is to read, as a US school grade (Flesch-Kincaid).
 * The curriculum promises grade 9 or below. Facilitator notes are not learner text.
 */
import { type Block, htmlToText, type Module, type Question } from '@teach-in/course-schema';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

export interface Readability {
  grade: number;
  sentences: number;
  words: number;
  syllables: number;
  /** The longest sentences, to show an author where to start. */
  longest: string[];
}

/** Block-level tags end a sentence even without a full stop: list items, headings, cells. */
const blockBoundary = /<\/(?:p|li|h[1-6]|td|th|dt|dd|blockquote|legend|label)>|<br\s*\/?>/gi;

/** Learner text of authored HTML: citation marks left out, other tags kept apart by a space. */
function readableText(html: string): string {
  const text = html
    .replace(blockBoundary, '\n')
    .replace(/<sup class="ti-cite">.*?<\/sup>/g, '')
    .replace(/&nbsp;/g, ' ');
  return htmlToText(text, ' ');
}

/** Every string a learner reads in a question: prompt, choices, feedback, explanation. */
function questionTexts(question: Question): string[] {
  const texts: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'html' || key.endsWith('Html')) texts.push(readableText(value));
      else if (key === 'text') texts.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key === 'options' || key === 'targets' ? '' : key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(question, '');
  return texts;
}

function blockText(block: Block): string[] {
  switch (block.kind) {
    case 'prose':
    case 'callout':
      return [readableText(block.html)];
    case 'facilitator':
      return [];
    case 'media':
      return block.media.type === 'audio'
        ? [block.media.title, readableText(block.media.transcriptHtml)]
        : [block.media.title];
    case 'question':
      return questionTexts(block.question);
  }
}

/** The module's learner text: page titles, prose, callouts and questions, one unit per line. */
export function learnerText(module: Module): string {
  return module.pages.flatMap((page) => [page.title, ...page.blocks.flatMap(blockText)]).join('\n');
}

/** Sentences: split at . ! ? followed by a space, and at line breaks (list items, headings). */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])["')\]]*\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

const wordsOf = (sentence: string): string[] =>
  sentence.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));

export function readability(text: string): Readability {
  const sentences = sentencesOf(text);
  const words = sentences.flatMap(wordsOf);
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  const grade = fleschKincaid({
    sentence: sentences.length,
    word: words.length,
    syllable: syllables,
  });
  const longest = [...sentences].sort((a, b) => wordsOf(b).length - wordsOf(a).length).slice(0, 3);
  return {
    grade: Number.isFinite(grade) ? Math.round(grade * 10) / 10 : 0,
    sentences: sentences.length,
    words: words.length,
    syllables,
    longest,
  };
}
