/**
 * A question's authored HTML lives in fields named `html` or `...Html`, at any depth. This
 * maps every one of them, leaving the rest of the question as it is. No zod: pure data.
 */
export function mapHtmlFields<T>(value: T, map: (html: string) => string, field = ''): T {
  if (typeof value === 'string') {
    return (field === 'html' || field.endsWith('Html') ? map(value) : value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => mapHtmlFields(item, map)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapHtmlFields(v, map, k)]),
    ) as T;
  }
  return value;
}
