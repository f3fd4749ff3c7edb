/**
 * Raw HTML that authors write in Markdown, seen as the package's sanitizer will treat it
 * (course-builder sanitize.ts): elements and attributes it removes are reported here, so
 * nothing disappears without a word, and raw images are found so they get the same file
 * check and packaging as Markdown images.
 */

export interface RemovedHtml {
  /** Offset in the HTML text. */
  index: number;
  length: number;
  /** What is removed, as the author wrote it: `<video>`, `onclick`. */
  what: string;
  hint: string;
}

const media = 'use the media syntax in docs/authoring.md';

/** Elements the package removes, each with what to write instead. */
const removedElements: Record<string, string> = {
  video: `A package does not take raw <video>: ${media}, which adds captions and keeps the file in the package.`,
  audio: `A package does not take raw <audio>: ${media}, which adds a transcript and keeps the file in the package.`,
  source: `Raw media sources are removed: ${media}.`,
  iframe:
    'Embedded pages are removed: they would load another site and reveal learners to it. Link to the page instead: [title](https://...).',
  frame: 'Frames are removed. Link to the page instead: [title](https://...).',
  object: 'Embedded objects are removed. Put the file in media/ and link to it.',
  embed: 'Embedded objects are removed. Put the file in media/ and link to it.',
  script:
    'Script is removed: a course page never runs authored code. Use a quiz block for interaction.',
  style:
    'Style elements are removed so every course stays readable and accessible; set the accent colour under "theme:" in course.yaml.',
  link: 'Links to style sheets or other files are removed; set the accent colour under "theme:" in course.yaml.',
  meta: 'Meta elements are removed: the page head is written by Teach-in.',
  base: 'Base elements are removed: they would change where every link leads.',
  form: 'Forms are removed: a package cannot send data anywhere. Use a quiz block or a reflection question.',
  button: 'Buttons are removed. Use a quiz block for interaction.',
  textarea: 'Text areas are removed. Use a reflection question (type: reflection).',
  select: 'Select menus are removed. Use a dropdown question (type: dropdown).',
  svg: 'Inline SVG is removed. Save the drawing as a file in media/ and show it as an image: ![what it shows](../media/drawing.svg).',
  canvas: 'Canvas elements are removed: they need script. Show a picture instead.',
};

const tagPattern = /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?\/?>/g;
const handlerPattern = /\s(on[a-zA-Z]+)\s*=/g;
const stylePattern = /\s(style)\s*=/gi;
const scriptHrefPattern = /\s(href|src)\s*=\s*["']?\s*(javascript|vbscript):/gi;

/** Every element and attribute in `html` that the package's sanitizer removes. */
export function removedHtml(html: string): RemovedHtml[] {
  const found: RemovedHtml[] = [];
  for (const tag of html.matchAll(tagPattern)) {
    const name = (tag[1] ?? '').toLowerCase();
    const attributes = tag[2] ?? '';
    const attributesAt = tag.index + 1 + name.length;
    const element = removedElements[name];
    if (element) {
      found.push({ index: tag.index, length: tag[0].length, what: `<${name}>`, hint: element });
      continue;
    }
    for (const handler of attributes.matchAll(handlerPattern)) {
      const attribute = handler[1] ?? '';
      found.push({
        index: attributesAt + handler.index + 1,
        length: attribute.length,
        what: `the ${attribute} attribute`,
        hint: 'Event handlers are removed: a course page never runs authored code. Use a quiz block for interaction.',
      });
    }
    for (const style of attributes.matchAll(stylePattern)) {
      found.push({
        index: attributesAt + style.index + 1,
        length: 5,
        what: 'the style attribute',
        hint: 'Inline styles are removed so every course stays readable and accessible; use Markdown emphasis, or the accent colour under "theme:" in course.yaml.',
      });
    }
    for (const href of attributes.matchAll(scriptHrefPattern)) {
      found.push({
        index: attributesAt + href.index + 1,
        length: (href[1] ?? '').length,
        what: `the ${(href[2] ?? '').toLowerCase()}: address`,
        hint: 'A course link cannot run script. Link to a web page (https://...) or a page of the course (#...).',
      });
    }
  }
  return found;
}

export interface RawImage {
  /** Offset of `<img` in the HTML text. */
  index: number;
  /** The whole tag, as written. */
  tag: string;
  src: string;
  /** The tag with `src` replaced by `href`. */
  withSrc(href: string): string;
}

const srcPattern = /(\ssrc\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** Every `<img>` with a src in `html`. */
export function rawImages(html: string): RawImage[] {
  const images: RawImage[] = [];
  for (const tag of html.matchAll(tagPattern)) {
    if ((tag[1] ?? '').toLowerCase() !== 'img') continue;
    const src = srcPattern.exec(tag[0]);
    if (!src) continue;
    const value = src[3] ?? src[4] ?? src[5] ?? '';
    const whole = tag[0];
    images.push({
      index: tag.index,
      tag: whole,
      src: decodeEntities(value),
      withSrc: (href) =>
        whole.replace(
          srcPattern,
          (_all, before: string) => `${before}"${href.replace(/"/g, '&quot;')}"`,
        ),
    });
  }
  return images;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
