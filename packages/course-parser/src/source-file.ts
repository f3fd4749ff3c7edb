import path from 'node:path';
import {
  type Diagnostic,
  diagnosticAt,
  diagnosticForFile,
  SourceText,
} from '@teach-in/course-schema';
import { readBytes, realPath } from './course-fs.ts';

export interface ReadSource {
  /** The text with a byte-order mark removed and line ends as \n; absent when unreadable. */
  text?: string;
  diagnostics: Diagnostic[];
}

/** The same normalization every parser applies, so offsets agree across them. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Reads an author's text file. Invalid UTF-8 is an error at its first bad byte (the rest is
 * still read, with U+FFFD, so later problems are reported too); a file that cannot be read
 * is a diagnostic. Only file-system failures are caught: anything else is a bug.
 */
export function readSource(file: string, displayPath: string): ReadSource {
  let bytes: Buffer;
  try {
    bytes = readBytes(file);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return {
      diagnostics: [
        diagnosticForFile('unreadable-file', displayPath, {
          message: `"${displayPath}" cannot be read (${error.code})`,
        }),
      ],
    };
  }
  const text = normalizeText(bytes.toString('utf8'));
  const bad = firstInvalidByte(bytes);
  if (bad === undefined) return { text, diagnostics: [] };
  // The bytes before the bad one are valid, so they decode to the same text as the start
  // of `text`: their length is the bad byte's offset.
  const offset = normalizeText(bytes.subarray(0, bad).toString('utf8')).length;
  const byte = `0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    text,
    diagnostics: [
      diagnosticAt('invalid-utf8', new SourceText(displayPath, text), offset, {
        message: `Byte ${byte} is not valid UTF-8 text; it would show as \uFFFD`,
      }),
    ],
  };
}

export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** The index of the first byte that starts an invalid UTF-8 sequence, if any. */
export function firstInvalidByte(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const size =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (size === 0 || i + size > bytes.length) return i;
    // Second-byte ranges that rule out overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (size > 1 && (second < low || second > high)) return i;
    for (let k = 2; k < size; k++) {
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += size;
  }
  return undefined;
}

/**
 * Whether `file` really lies inside `dir` once every symbolic link is resolved. A link
 * that stays inside is fine; one that leads out is refused, so nothing from outside the
 * course folder (like /etc/passwd) can reach a package.
 */
export function staysInside(file: string, dir: string): boolean {
  try {
    const root = realPath(dir);
    const real = realPath(file);
    const relative = path.relative(root, real);
    return !(
      relative === '..' ||
      relative.startsWith(`..${path.sep}`) ||
      path.isAbsolute(relative)
    );
  } catch {
    // A dangling link or a file that vanished: the caller's existence check reports it.
    return true;
  }
}
