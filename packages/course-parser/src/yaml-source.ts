import {
  type Diagnostic,
  diagnosticAt,
  didYouMean,
  type SourceText,
} from '@teach-in/course-schema';
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import type { z } from 'zod';

/** A YAML text inside a file (course.yaml, front matter or a quiz block). */
export interface YamlRegion {
  source: SourceText;
  /** Offset of the YAML text's first character in the file. */
  start: number;
  text: string;
}

export interface YamlResult {
  data: unknown;
  diagnostics: Diagnostic[];
  /** Offset and length in the file of the value (or key) at `path`. */
  locate(path: readonly PropertyKey[], which?: 'key' | 'value'): { offset: number; length: number };
  /**
   * The top-level fields that could be read despite errors elsewhere in the text, so a
   * broken course.yaml does not hide the problems in its modules.
   */
  partial(): Record<string, unknown>;
}

/** yaml refuses an alias that would expand past this many nodes (its own default). */
const maxAliasCount = 100;

/** Parses YAML keeping node ranges, so every later error can point at its line and column. */
export function parseYaml(region: YamlRegion): YamlResult {
  const doc = parseDocument(region.text, {
    lineCounter: new LineCounter(),
    uniqueKeys: true,
    // Problems become diagnostics; yaml's own console warnings would only confuse authors.
    logLevel: 'silent',
  });
  const diagnostics = syntaxDiagnostics(doc.errors, region);
  const locate: YamlResult['locate'] = (path, which = 'value') => {
    const found = findNode(doc.contents, path);
    const range = which === 'key' ? (found.key?.range ?? found.node?.range) : found.node?.range;
    if (!range) return { offset: region.start, length: 1 };
    return { offset: region.start + range[0], length: Math.max(1, range[1] - range[0]) };
  };
  let data: unknown;
  if (diagnostics.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount });
    } catch (error) {
      diagnostics.push(conversionDiagnostic(error, doc, region));
    }
  }
  const partial = (): Record<string, unknown> => {
    const fields: Record<string, unknown> = {};
    if (!isMap(doc.contents)) return fields;
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.value) continue;
      try {
        fields[String(pair.key.value)] = (pair.value as Node).toJS(doc, { maxAliasCount });
      } catch {
        // This field cannot be read; the diagnostics already say why.
      }
    }
    return fields;
  };
  return { data, diagnostics, locate, partial };
}

/** yaml's errors as diagnostics; indentation by tabs is one error, not one per line. */
function syntaxDiagnostics(errors: readonly YAMLError[], region: YamlRegion): Diagnostic[] {
  const tab = errors.find((error) => error.code === 'TAB_AS_INDENT');
  if (tab) {
    const line = region.text.lastIndexOf('\n', tab.pos[0] - 1) + 1;
    const at = region.text.indexOf('\t', line);
    return [
      diagnosticAt('tab-indentation', region.source, region.start + (at >= 0 ? at : tab.pos[0]), {
        message: 'This YAML is indented with a tab',
      }),
    ];
  }
  return errors.map((error) =>
    diagnosticAt('yaml-syntax', region.source, region.start + error.pos[0], {
      message: `YAML syntax error: ${firstLine(error.message)}`,
      length: Math.max(1, error.pos[1] - error.pos[0]),
    }),
  );
}

/** Turning the tree into data failed: an alias bomb, or anything else yaml refuses. */
function conversionDiagnostic(error: unknown, doc: Document, region: YamlRegion): Diagnostic {
  let alias: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      alias = node;
      return visit.BREAK;
    },
  });
  const message = error instanceof Error ? error.message : String(error);
  if (alias && /alias/i.test(message)) {
    const [start = 0, end = start + 1] = alias.range ?? [];
    return diagnosticAt('yaml-aliases', region.source, region.start + start, {
      message: 'YAML aliases here expand to too much data',
      length: end - start,
    });
  }
  return diagnosticAt('yaml-syntax', region.source, region.start, {
    message: `YAML cannot be read: ${firstLine(message)}`,
  });
}

/** The first line of a yaml error, without yaml's position: it counts from the region's start. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Walks the YAML tree along `path`; when a step is missing, returns the deepest node reached. */
function findNode(
  root: Node | null,
  path: readonly PropertyKey[],
): { node: Node | null | undefined; key?: Node } {
  let node: Node | null | undefined = root;
  let key: Node | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair: Pair | undefined = node.items.find(
        (item) => isScalar(item.key) && item.key.value === step,
      );
      if (!pair) return { node, key };
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? key;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as Node | undefined;
      if (!item) return { node, key };
      node = item;
      key = undefined;
    } else {
      return { node, key };
    }
  }
  return { node, key };
}

/**
 * Validates parsed YAML against a zod schema and turns every issue into a positioned
 * diagnostic: missing fields, unknown fields (with a did-you-mean) and invalid values.
 */
export function validateYaml<T>(
  schema: z.ZodType<T>,
  parsed: YamlResult,
  source: SourceText,
  what: string,
): { value?: T; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(parsed.data ?? {});
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const at = parsed.locate([...path, key], 'key');
        diagnostics.push(
          diagnosticAt('unknown-field', source, at.offset, {
            message: `Unknown field "${key}" in ${where(what, path)}`,
            hint: `${didYouMean(key, known)} ${'docs/authoring.md lists the fields.'}`.trim(),
            length: key.length,
          }),
        );
      }
    } else if (issue.code === 'invalid_type' && valueAt(parsed.data, path) === undefined) {
      const field = String(path.at(-1) ?? what);
      const at = parsed.locate(path.slice(0, -1));
      diagnostics.push(
        diagnosticAt('missing-field', source, at.offset, {
          message: `Missing required field "${field}" in ${where(what, path.slice(0, -1))}`,
        }),
      );
    } else {
      const at = parsed.locate(path);
      diagnostics.push(
        diagnosticAt('invalid-value', source, at.offset, {
          message: `Invalid value for "${path.join('.') || what}": ${issue.message}`,
          length: at.length,
        }),
      );
    }
  }
  return { diagnostics };
}

function where(what: string, path: readonly PropertyKey[]): string {
  return path.length === 0 ? what : `${what} (under "${path.join('.')}")`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
}

/** The field names a (possibly nested) object schema accepts at `path`. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  const steps = [...path];
  while (current) {
    const def: SchemaDef = (current as unknown as { def: SchemaDef }).def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
      current = def.innerType;
      continue;
    }
    const step = steps.shift();
    if (step === undefined) return def.shape ? Object.keys(def.shape) : [];
    if (def.type === 'object') current = def.shape?.[String(step)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  return [];
}
