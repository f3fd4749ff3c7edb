/**
 * The few encodings the saved state is made of. Everything stays inside the base64url
 * alphabet (A-Z a-z 0-9 - _), so the separators the codec uses (~ . *) never clash and
 * every LMS stores the text as it is.
 */
import { fnv1a, fnvOffsetBasis } from '@teach-in/course-schema/seeded-random';

export const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** One base64url digit for a number 0..63. */
export function digit(value: number): string {
  const char = digits[value];
  if (char === undefined) throw new RangeError(`${value} does not fit one digit`);
  return char;
}

/** The value of one digit, or -1 when the character is not a base64url digit. */
export function digitValue(char: string | undefined): number {
  return char === undefined ? -1 : digits.indexOf(char);
}

/** A fixed number of digits for a non-negative integer below 64^width. */
export function fixedDigits(value: number, width: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = digit(rest % 64) + out;
    rest = Math.floor(rest / 64);
  }
  return out;
}

export function readFixedDigits(text: string): number {
  let value = 0;
  for (const char of text) {
    const d = digitValue(char);
    if (d < 0) return Number.NaN;
    value = value * 64 + d;
  }
  return value;
}

/** A set of indices as bits, six to a digit; the bit count is implied by the layout. */
export function bitsToDigits(bits: readonly boolean[]): string {
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let b = 0; b < 6; b++) if (bits[i + b]) value |= 1 << b;
    out += digit(value);
  }
  return out;
}

export function digitsToBits(text: string, count: number): boolean[] | undefined {
  if (text.length !== Math.ceil(count / 6)) return undefined;
  const bits: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const value = digitValue(text[Math.floor(i / 6)]);
    if (value < 0) return undefined;
    bits.push((value & (1 << (i % 6))) !== 0);
  }
  return bits;
}

/** UTF-8 bytes as base64url without padding: at most 4 characters per 3 bytes. */
export function textToDigits(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += digit((chunk >> (18 - 6 * c)) & 63);
  }
  return out;
}

export function digitsToText(text: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const group = text.slice(i, i + 4);
    let chunk = 0;
    for (let c = 0; c < 4; c++) {
      const value = c < group.length ? digitValue(group[c]) : 0;
      if (value < 0) return undefined;
      chunk = (chunk << 6) | value;
    }
    const count = group.length === 4 ? 3 : group.length - 1;
    for (let b = 0; b < count; b++) bytes.push((chunk >> (16 - 8 * b)) & 255);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

/**
 * FNV-1a over UTF-16 code units, salted, folded to 24 bits (four digits). Used to name
 * questions and pages in the state without spelling out their ids.
 */
export function hash24(text: string, salt = 0): number {
  const h = fnv1a(text, (fnvOffsetBasis ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0);
  return (h ^ (h >>> 24)) & 0xffffff;
}

export const hashWidth = 4;

export function hashDigits(text: string, salt = 0): string {
  return fixedDigits(hash24(text, salt), hashWidth);
}
