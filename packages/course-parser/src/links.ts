import path from 'node:path';
import type { DiagnosticCode } from '@teach-in/course-schema';
import { isFile } from './course-fs.ts';
import { staysInside } from './source-file.ts';

export type LinkCheck =
  | { ok: true; href: string; asset?: string }
  | { ok: false; code: DiagnosticCode; message: string; hint?: string };

const scheme = /^[a-z][a-z0-9+.-]*:/i;
const outwardSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Schemes that run code or carry a whole document in the link: each with what to do. */
const unsafeLinkHints: Record<string, string> = {
  'javascript:':
    "A course link cannot run script (it would be removed, or run with the LMS's rights). Link to a web page (https://...) or a page of the course (#...), or remove the link.",
  'vbscript:': 'A course link cannot run script. Link to a web page (https://...) instead.',
  'data:':
    'Put the file itself in the course folder (for example media/handout.pdf) and link to it: ../media/handout.pdf.',
};

/** Long data: links would fill the terminal. */
function shorten(href: string): string {
  return href.length > 60 ? `${href.slice(0, 57)}...` : href;
}

/**
 * Checks a link or image target written in a module and gives the href to use in the
 * package, whose pages sit at its root. Local files become package assets.
 */
export function checkLink(
  href: string,
  kind: 'link' | 'image',
  moduleFile: string,
  courseDir: string,
): LinkCheck {
  if (href.startsWith('#')) return { ok: true, href };
  // "C:/..." and "C:\..." are Windows paths, not a "c:" scheme: reported as absolute paths below.
  const drive = /^[A-Za-z]:[\\/]/.test(href);
  const schemeMatch = drive ? undefined : scheme.exec(href)?.[0].toLowerCase();
  if (schemeMatch || href.startsWith('//')) {
    if (kind === 'image') {
      if (schemeMatch === 'data:') return { ok: true, href };
      return {
        ok: false,
        code: 'remote-image',
        message: `Image "${href}" is loaded from another site`,
      };
    }
    if (schemeMatch && outwardSchemes.has(schemeMatch)) return { ok: true, href };
    if (!schemeMatch) return { ok: true, href: `https:${href}` };
    const unsafe = unsafeLinkHints[schemeMatch];
    if (unsafe) {
      return {
        ok: false,
        code: 'unsafe-link',
        message: `Link "${shorten(href)}" uses "${schemeMatch}", which a package never opens`,
        hint: unsafe,
      };
    }
    return {
      ok: false,
      code: 'link-outside-course',
      message: `Link "${href}" uses "${schemeMatch}", which a package cannot open`,
    };
  }
  const [filePart = '', suffix = ''] = splitSuffix(href);
  let decoded: string;
  try {
    decoded = decodeURI(filePart);
  } catch {
    decoded = filePart;
  }
  if (decoded.startsWith('/') || /^[A-Za-z]:[\\/]/.test(decoded)) {
    return {
      ok: false,
      code: 'link-outside-course',
      message: `"${href}" is an absolute path; the package only holds files inside the course folder`,
    };
  }
  const target = path.resolve(path.dirname(moduleFile), decoded);
  const relative = path.relative(courseDir, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return {
      ok: false,
      code: 'link-outside-course',
      message: `"${href}" points outside the course folder`,
    };
  }
  if (!staysInside(target, courseDir)) {
    return {
      ok: false,
      code: 'symlink-outside-course',
      message: `"${href}" is a symbolic link (or inside a linked folder) that leads outside the course folder`,
    };
  }
  if (!isFile(target)) {
    // Written from the course folder instead of from the module: say the path that works.
    const fromCourse = path.resolve(courseDir, decoded);
    const works = isFile(fromCourse);
    const fromModule = path
      .relative(path.dirname(moduleFile), fromCourse)
      .split(path.sep)
      .join('/');
    return {
      ok: false,
      code: 'missing-file',
      message: `"${href}" points to a file that does not exist`,
      ...(works
        ? {
            hint: `Did you mean "${fromModule}"? Paths start from the module file, not from the course folder.`,
          }
        : {}),
    };
  }
  const asset = relative.split(path.sep).join('/');
  return { ok: true, href: encodeURI(asset) + suffix, asset };
}

function splitSuffix(href: string): [string, string] {
  const at = href.search(/[?#]/);
  return at < 0 ? [href, ''] : [href.slice(0, at), href.slice(at)];
}
