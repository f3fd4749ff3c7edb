/**
 * The compact, versioned text the runtime saves in `cmi.suspend_data` (and localStorage).
 *
 *   t1~<saved at>~<salt>~<seed>~<flags>~<page>~<pages fp><seen bits>~<pools>~<answers>
 *
 * Every field is base64url digits. Questions and pages are named by a salted 24-bit hash
 * of their id (four digits), never by position or wording, so a new course version keeps
 * every answer whose question id still exists and drops the rest; the salt is the
 * smallest one that gives the course's ids distinct hashes. Seen pages and pool draws are
 * bit sets over the page and pool order, checked by a fingerprint: when the pages or a
 * pool changed, they are dropped (pages are viewed again, the pool is drawn again).
 * Answers are `<hash><status><payload>` joined by `.`; the payload depends on the
 * question's response domain (layout.ts). Reflection text is never stored.
 */
import type { QuestionProgress, SavedState } from '@teach-in/course-schema';
import {
  bitsToDigits,
  digit,
  digitsToBits,
  digitsToText,
  digitValue,
  fixedDigits,
  hashDigits,
  hashWidth,
  readFixedDigits,
  textToDigits,
} from './base64url.ts';
import type { CourseLayout, LayoutQuestion, ResponseDomain } from './layout.ts';
import { emptyState } from './saved-state.ts';

export const stateFormatPrefix = 't1';
/** In `Decoded.dropped` when nothing of the text could be read (damaged, or another format). */
export const unreadableState = 'unreadable state';
const field = '~';
const item = '.';
/** Attempts are capped for storage; authors allow at most 10. */
const maxStoredAttempts = 31;
const timeWidth = 6;
const seedWidth = 6;

export interface Decoded {
  state: SavedState;
  /** Milliseconds since 1970 when the state was written (0 when unknown). */
  savedAt: number;
  /** True when anything had to be dropped or remapped for this course version. */
  migrated: boolean;
  /** Question ids (or "seen pages", "pool <key>") that could not be carried over. */
  dropped: string[];
}

function saltFor(layout: CourseLayout): number {
  // A course with a duplicated id is an author error the parser reports; hashing the
  // distinct ids keeps that report (and the state-size check beside it) from crashing.
  const questions = [...new Set(layout.questions.map((x) => x.id))];
  const pages = [...new Set(layout.pages.map((x) => x.id))];
  for (let salt = 0; salt < 64; salt++) {
    const q = new Set(questions.map((id) => hashDigits(id, salt)));
    const p = new Set(pages.map((id) => hashDigits(id, salt)));
    if (q.size === questions.length && p.size === pages.length) return salt;
  }
  throw new Error('No salt gives the course ids distinct hashes');
}

const pagesPrint = (layout: CourseLayout, salt: number) =>
  hashDigits(layout.pages.map((p) => p.id).join('\n'), salt);
const poolPrint = (pool: CourseLayout['pools'][number], salt: number) =>
  hashDigits(`${pool.key}\n${pool.members.join('\n')}`, salt);

function encodePayload(domain: ResponseDomain, response: readonly string[]): string {
  switch (domain.kind) {
    case 'set':
      return bitsToDigits(domain.ids.map((id) => response.includes(id)));
    case 'pairs':
      return domain.keys
        .map((key) => {
          const token = response.find((t) => t.startsWith(`${key.id}.`));
          const index = token ? key.values.indexOf(token.slice(key.id.length + 1)) : -1;
          return digit(index + 1);
        })
        .join('');
    case 'order':
      return response
        .map((id) => domain.ids.indexOf(id))
        .filter((i) => i >= 0)
        .map(digit)
        .join('');
    case 'point': {
      const point = Number(response[0]);
      return Number.isInteger(point) && point >= 1 && point <= domain.points ? digit(point) : '';
    }
    case 'text':
      return textToDigits(cutText(response[0] ?? '', domain.maxLength));
    case 'none':
      return '';
  }
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function decodePayload(domain: ResponseDomain, text: string): string[] | undefined {
  switch (domain.kind) {
    case 'set': {
      const bits = digitsToBits(text, domain.ids.length);
      return bits && domain.ids.filter((_, i) => bits[i]);
    }
    case 'pairs': {
      if (text.length !== domain.keys.length) return undefined;
      const tokens: string[] = [];
      for (const [i, key] of domain.keys.entries()) {
        const value = digitValue(text[i]);
        if (value < 0 || value > key.values.length) return undefined;
        if (value > 0) tokens.push(`${key.id}.${key.values[value - 1]}`);
      }
      return tokens;
    }
    case 'order': {
      const ids = [...text].map((c) => domain.ids[digitValue(c)]);
      if (ids.some((id) => id === undefined) || new Set(ids).size !== ids.length) return undefined;
      return ids as string[];
    }
    case 'point': {
      if (text === '') return [];
      const point = digitValue(text);
      return text.length === 1 && point >= 1 && point <= domain.points
        ? [String(point)]
        : undefined;
    }
    case 'text': {
      const typed = digitsToText(text);
      return typed === undefined ? undefined : typed === '' ? [] : [typed];
    }
    case 'none':
      return text === '' ? [] : undefined;
  }
}

function encodeAnswer(question: LayoutQuestion, progress: QuestionProgress, salt: number): string {
  const attempts = Math.max(0, Math.min(maxStoredAttempts, Math.floor(progress.attempts)));
  const status = digit((attempts << 1) | (progress.done ? 1 : 0));
  return hashDigits(question.id, salt) + status + encodePayload(question.domain, progress.response);
}

/** Encodes the state for this course; answers to questions not in the layout are left out. */
export function encodeState(state: SavedState, layout: CourseLayout, savedAt = Date.now()): string {
  const salt = saltFor(layout);
  const seen = layout.pages.map((_, i) => state.seen.includes(i));
  const page = layout.pages[state.page];
  const pools = layout.pools
    .filter((pool) => state.pools[pool.key])
    .map((pool) => {
      const drawn = state.pools[pool.key] ?? [];
      return poolPrint(pool, salt) + bitsToDigits(pool.members.map((id) => drawn.includes(id)));
    });
  const answers = layout.questions
    .filter((q) => state.answers[q.id] && q.domain.kind !== 'none')
    .map((q) => encodeAnswer(q, state.answers[q.id] as QuestionProgress, salt));
  // Reflections: only that they were submitted, never the text (layout domain "none").
  for (const q of layout.questions) {
    const progress = state.answers[q.id];
    if (q.domain.kind === 'none' && progress) answers.push(encodeAnswer(q, progress, salt));
  }
  return [
    stateFormatPrefix,
    fixedDigits(Math.max(0, Math.floor(savedAt / 1000)), timeWidth),
    digit(salt),
    fixedDigits(state.seed >>> 0, seedWidth),
    digit(state.finished ? 1 : 0),
    page ? hashDigits(page.id, salt) : '',
    pagesPrint(layout, salt) + bitsToDigits(seen),
    pools.join(item),
    answers.join(item),
  ].join(field);
}

/**
 * Reads a saved state for this course version: the compact format, or the JSON the first
 * runtime wrote. Never throws; what cannot be read is reported in `dropped`.
 */
export function decodeState(text: string, layout: CourseLayout): Decoded {
  if (text.trimStart().startsWith('{')) return decodeLegacyJson(text, layout);
  const parts = text.split(field);
  if (parts[0] !== stateFormatPrefix || parts.length !== 9) {
    return { state: emptyState(), savedAt: 0, migrated: true, dropped: [unreadableState] };
  }
  const [, time = '', saltText = '', seedText = '', flags = '', pageText = '', seenText = ''] =
    parts;
  const salt = digitValue(saltText);
  const dropped: string[] = [];
  const state = emptyState();
  const seed = readFixedDigits(seedText);
  state.seed = Number.isFinite(seed) ? seed >>> 0 : 0;
  state.finished = digitValue(flags) === 1;

  const pageIndex = layout.pages.findIndex((p) => hashDigits(p.id, salt) === pageText);
  if (pageIndex >= 0) state.page = pageIndex;
  else if (pageText) dropped.push('position');

  const seenBits =
    seenText.slice(0, hashWidth) === pagesPrint(layout, salt)
      ? digitsToBits(seenText.slice(hashWidth), layout.pages.length)
      : undefined;
  if (seenBits) state.seen = seenBits.flatMap((on, i) => (on ? [i] : []));
  else dropped.push('seen pages');

  for (const entry of (parts[7] ?? '').split(item).filter(Boolean)) {
    const pool = layout.pools.find((p) => poolPrint(p, salt) === entry.slice(0, hashWidth));
    const bits = pool && digitsToBits(entry.slice(hashWidth), pool.members.length);
    if (pool && bits) state.pools[pool.key] = pool.members.filter((_, i) => bits[i]);
    else dropped.push('pool draw');
  }

  for (const entry of (parts[8] ?? '').split(item).filter(Boolean)) {
    const key = entry.slice(0, hashWidth);
    const matches = layout.questions.filter((q) => hashDigits(q.id, salt) === key);
    const status = digitValue(entry[hashWidth]);
    const question = matches.length === 1 ? matches[0] : undefined;
    const response = question && decodePayload(question.domain, entry.slice(hashWidth + 1));
    if (!question || !response || status < 0) {
      dropped.push(question ? question.id : `answer ${key}`);
      continue;
    }
    state.answers[question.id] = { response, attempts: status >> 1, done: (status & 1) === 1 };
  }
  const savedAt = readFixedDigits(time) * 1000;
  return {
    state,
    savedAt: Number.isFinite(savedAt) ? savedAt : 0,
    migrated: dropped.length > 0,
    dropped,
  };
}

/** The first runtime saved `JSON.stringify(shell.snapshot())` with `{response, checked}`. */
function decodeLegacyJson(text: string, layout: CourseLayout): Decoded {
  const dropped: string[] = [];
  const state = emptyState();
  let raw: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
    raw = parsed as Record<string, unknown>;
  } catch {
    return { state, savedAt: 0, migrated: true, dropped: [unreadableState] };
  }
  const pages = layout.pages.length;
  const inRange = (n: unknown): n is number => Number.isInteger(n) && Number(n) >= 0;
  if (inRange(raw.page) && raw.page < pages) state.page = raw.page;
  if (Array.isArray(raw.seen))
    state.seen = raw.seen.filter((n) => inRange(n) && n < pages).sort((a, b) => a - b);
  state.finished = raw.finished === true;
  if (inRange(raw.seed)) state.seed = raw.seed >>> 0;
  const answers = (raw.answers ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, answer] of Object.entries(answers)) {
    const question = layout.questions.find((q) => q.id === id);
    const tokens = Array.isArray(answer?.response) ? answer.response.map(String) : undefined;
    if (!question || !tokens) {
      dropped.push(id);
      continue;
    }
    // Keep only tokens this version knows, by a round trip through the compact payload.
    const response = decodePayload(question.domain, encodePayload(question.domain, tokens)) ?? [];
    const done = answer.done === true || answer.checked === true;
    const attempts = inRange(answer.attempts) ? answer.attempts : done ? 1 : 0;
    state.answers[id] = { response, attempts, done };
  }
  return { state, savedAt: 0, migrated: true, dropped };
}
