import sanitizeHtml from 'sanitize-html';

/**
 * Authored HTML may never run script or load anything from another site: no script or
 * style elements, no event-handler attributes, no javascript: URLs, images only from the
 * package itself. External links open in a new window so the course frame stays in the LMS.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    'img',
    'figure',
    'figcaption',
    'details',
    'summary',
    'del',
    'ins',
    'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'aria-label', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align', 'scope', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
    sup: ['class'],
    // GitHub task lists render as disabled checkboxes.
    input: ['type', 'checked', 'disabled'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^(https?:)?\/\//i.test(attribs.href ?? '');
      return {
        tagName,
        attribs: external ? { ...attribs, target: '_blank', rel: 'noopener noreferrer' } : attribs,
      };
    },
    input: (tagName, attribs) => ({ tagName, attribs: { ...attribs, disabled: '' } }),
  },
};

/**
 * The same authored HTML is sanitized once per format, for the print view and for the guide:
 * remember the results (the function is pure), so a build of every format pays once.
 * Bounded, because a preview or watch session sees each edit as new HTML.
 */
const sanitized = new Map<string, string>();
const rememberedLimit = 20_000;

export function sanitize(html: string): string {
  let clean = sanitized.get(html);
  if (clean === undefined) {
    clean = sanitizeHtml(html, options);
    if (sanitized.size >= rememberedLimit) sanitized.clear();
    sanitized.set(html, clean);
  }
  return clean;
}
