/**
 * Offline XSD validation of package manifests (SCORM 1.2, SCORM 2004 4th edition, cmi5).
 *
 * The schemas are the official files committed unmodified in tests/xsd (where they come from:
 * tests/xsd/README.md), so a plain clone validates offline.
 * xmllint-wasm makes no network requests, so a driver schema generated here imports every
 * namespace from those local files, and `preload` puts the files where the driver points.
 * Extension points in the CP schemas are lax (2004) or strict (1.2): a namespace the driver
 * does not import is skipped silently (2004) or rejected (1.2), so each one is imported.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

export const xsdRoot = fileURLToPath(new URL('../xsd/', import.meta.url));

export type ManifestKind = 'scorm12' | 'scorm2004';
export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

const ns = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  md12: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  cp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  lom: 'http://ltsc.ieee.org/xsd/LOM',
  cmi5: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
} as const;

interface SchemaSet {
  /** Folder under xsdRoot; also the folder name the files get in xmllint's memory. */
  dir: string;
  /** [namespace, file] in import order. */
  imports: ReadonlyArray<readonly [string, string]>;
}

const schemaSets: Record<ManifestKind | 'cmi5', SchemaSet> = {
  scorm12: {
    dir: 'scorm12',
    imports: [
      [ns.xml, 'ims_xml.xsd'],
      [ns.cp12, 'imscp_rootv1p1p2.xsd'],
      // Not imsmd_rootv1p2p1.xsd: libxml2 refuses to compile it (12 complex types "not
      // determinist"), so 1.2 manifests with IMS metadata fail the strict wildcard here.
      [ns.adlcp12, 'adlcp_rootv1p2.xsd'],
    ],
  },
  scorm2004: {
    dir: 'scorm2004-4th',
    imports: [
      // First: imscp_v1p1.xsd then skips its own import of http://www.w3.org/2001/xml.xsd.
      [ns.xml, 'xml.xsd'],
      [ns.cp, 'imscp_v1p1.xsd'],
      [ns.adlcp, 'adlcp_v1p3.xsd'],
      [ns.adlseq, 'adlseq_v1p3.xsd'],
      [ns.adlnav, 'adlnav_v1p3.xsd'],
      [ns.imsss, 'imsss_v1p0.xsd'],
      [ns.lom, 'lom.xsd'],
    ],
  },
  cmi5: { dir: 'cmi5', imports: [[ns.cmi5, 'CourseStructure.xsd']] },
};

function driverSchema(set: SchemaSet): string {
  const imports = set.imports.map(
    ([namespace, file]) =>
      `  <xs:import namespace="${namespace}" schemaLocation="${set.dir}/${file}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">',
    ...imports,
    '</xs:schema>',
  ].join('\n');
}

const preloads = new Map<string, Promise<XMLFileInfo[]>>();

/** Every .xsd under the set's folder (includes reach into subfolders), read once per run. */
function schemaFiles(set: SchemaSet): Promise<XMLFileInfo[]> {
  let files = preloads.get(set.dir);
  if (!files) {
    const dir = path.join(xsdRoot, set.dir);
    files = readdir(dir, { recursive: true }).then((names) =>
      Promise.all(
        names
          .filter((name) => name.endsWith('.xsd'))
          .sort()
          .map(async (name) => ({
            fileName: `${set.dir}/${name.split(path.sep).join('/')}`,
            contents: await readFile(path.join(dir, name), 'utf8'),
          })),
      ),
    );
    preloads.set(set.dir, files);
  }
  return files;
}

async function validateWith(set: SchemaSet, fileName: string, xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [{ fileName: `${set.dir}-driver.xsd`, contents: driverSchema(set) }],
    preload: await schemaFiles(set),
  });
  if (result.valid) return [];
  // Keep the instance's own errors. The rest is noise about the schema files (the skipped
  // remote xml.xsd import; the 1.2 ims_xml.xsd binding the xml namespace as default, which
  // libxml2 reports but compiles) and the source lines xmllint prints under each error.
  const own = result.errors.filter((e) => e.loc?.fileName === fileName);
  const errors = own.length > 0 ? own : result.errors;
  return errors.map((e) => e.rawMessage.trim()).filter((m) => m && !m.endsWith(' validate'));
}

export async function validateManifest(xml: string, kind: ManifestKind): Promise<ValidationResult> {
  const errors = [
    ...(await validateWith(schemaSets[kind], 'imsmanifest.xml', xml)),
    ...manifestChecks(xml, kind),
  ];
  return { valid: errors.length === 0, errors };
}

export async function validateCmi5(xml: string): Promise<ValidationResult> {
  const errors = await validateWith(schemaSets.cmi5, 'cmi5.xml', xml);
  return { valid: errors.length === 0, errors };
}

// ---- What the XSDs leave out ----------------------------------------------------------

interface Profile {
  cp: string;
  version: string;
  /** The scorm type attribute in Clark notation: 1.2 spells it scormtype, 2004 scormType. */
  scormType: string;
}

const profiles: Record<ManifestKind, Profile> = {
  scorm12: { cp: ns.cp12, version: '1.2', scormType: `{${ns.adlcp12}}scormtype` },
  scorm2004: { cp: ns.cp, version: '2004 4th Edition', scormType: `{${ns.adlcp}}scormType` },
};

/**
 * Rules the schemas do not enforce: the 1.2 XSD types masteryscore as any string and makes
 * scormtype optional; neither CP schema restricts <schema>/<schemaversion> (only the unused
 * adlcp:schema element does) or checks that an item's identifierref names a resource.
 */
function manifestChecks(xml: string, kind: ManifestKind): string[] {
  const { cp, version, scormType } = profiles[kind];
  const elements = scanXml(xml);
  const errors: string[] = [];
  const report = (el: XmlElement, message: string) =>
    errors.push(`imsmanifest.xml:${el.line}: ${message}`);

  const root = elements[0];
  if (!root) return []; // not XML at all: xmllint has said so
  const metadata = elements.filter((e) => e.parent === root && e.name === `{${cp}}metadata`);
  for (const [local, expected] of [
    ['schema', 'ADL SCORM'],
    ['schemaversion', version],
  ] as const) {
    const el = elements.find((e) => metadata.includes(e.parent!) && e.name === `{${cp}}${local}`);
    if (el?.text.trim() !== expected) {
      report(el ?? root, `manifest metadata <${local}> must be "${expected}"`);
    }
  }

  const targets = new Set<string>();
  for (const el of elements) {
    const id = el.attrs.get('{}identifier');
    if (el.name === `{${cp}}resource`) {
      if (id) targets.add(id);
      if (!el.attrs.has(scormType)) report(el, `resource "${id}" has no ${scormTypeName(kind)}`);
    }
    if (el.name === `{${cp}}manifest` && id) targets.add(id);
  }
  for (const el of elements) {
    const ref = el.attrs.get('{}identifierref');
    if (el.name === `{${cp}}item` && ref !== undefined && !targets.has(ref)) {
      report(el, `item identifierref "${ref}" names no resource`);
    }
    if (kind === 'scorm12' && el.name === `{${ns.adlcp12}}masteryscore`) {
      const value = el.text.trim();
      if (!/^\d{1,3}$/.test(value) || Number(value) > 100) {
        report(el, `adlcp:masteryscore "${value}" must be an integer from 0 to 100`);
      }
    }
  }
  return errors;
}

function scormTypeName(kind: ManifestKind): string {
  return kind === 'scorm12' ? 'adlcp:scormtype' : 'adlcp:scormType';
}

// ---- A minimal namespace-aware XML scanner --------------------------------------------
// Enough for manifests; xmllint has already reported anything that is not well-formed.

interface XmlElement {
  /** Clark notation: {namespace}local. */
  name: string;
  /** Keyed by Clark name; unprefixed attributes are {}local. */
  attrs: Map<string, string>;
  text: string;
  line: number;
  parent: XmlElement | undefined;
}

const token = new RegExp(
  [
    String.raw`<!--[\s\S]*?-->`,
    String.raw`<\?[\s\S]*?\?>`,
    '<!DOCTYPE[^>]*>',
    String.raw`<!\[CDATA\[([\s\S]*?)\]\]>`,
    // close?, qualified name, attributes, self-closing?
    String.raw`<(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>`,
    '([^<]+)',
  ].join('|'),
  'g',
);
const attrToken = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decode(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return named[ref] ?? whole;
  });
}

function scanXml(xml: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const stack: { el: XmlElement; scope: Map<string, string> }[] = [];
  let line = 1;
  let last = 0;
  for (const m of xml.matchAll(token)) {
    line += xml.slice(last, m.index).split('\n').length - 1;
    last = m.index;
    const [, cdata, close, qname, rawAttrs = '', selfClose, text] = m;
    const top = stack.at(-1);
    if (text !== undefined || cdata !== undefined) {
      if (top) top.el.text += cdata ?? decode(text ?? '');
      continue;
    }
    if (!qname) continue; // comment, processing instruction or doctype
    if (close) {
      stack.pop();
      continue;
    }
    const pairs = [...rawAttrs.matchAll(attrToken)].map(
      (a) => [a[1] ?? '', decode(a[2] ?? a[3] ?? '')] as const,
    );
    const scope = new Map(top?.scope ?? [['xml', ns.xml]]);
    for (const [key, value] of pairs) {
      if (key === 'xmlns') scope.set('', value);
      else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
    }
    const clark = (q: string, isAttr: boolean) => {
      const colon = q.indexOf(':');
      if (colon < 0) return `{${isAttr ? '' : (scope.get('') ?? '')}}${q}`;
      return `{${scope.get(q.slice(0, colon)) ?? ''}}${q.slice(colon + 1)}`;
    };
    const attrs = new Map<string, string>();
    for (const [key, value] of pairs) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) attrs.set(clark(key, true), value);
    }
    const el = { name: clark(qname, false), attrs, text: '', line, parent: top?.el };
    elements.push(el);
    if (!selfClose) stack.push({ el, scope });
  }
  return elements;
}
