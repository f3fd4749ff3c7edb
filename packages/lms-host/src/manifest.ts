import type { ScormVersion } from '@teach-in/course-schema';
import { XMLParser } from 'fast-xml-parser';

/** What a host needs from any SCORM package's imsmanifest.xml, whoever built it. */
export interface PackageInfo {
  version: ScormVersion;
  /** The manifest's identifier: with the version and learner, it names the saved attempt. */
  identifier: string;
  title: string;
  /** The launch file of the first SCO, relative to the package root, with any parameters. */
  launch: string;
  /** SCORM 1.2 adlcp:masteryscore (0..100). */
  masteryScore?: number;
  /** SCORM 2004 primary objective's minNormalizedMeasure when satisfiedByMeasure (0..1). */
  scaledPassingScore?: number;
  /** SCORM 2004 objective ids of the launched item, to seed cmi.objectives. */
  objectiveIds: string[];
  /** adlcp:datafromlms (1.2) or adlcp:dataFromLMS (2004): becomes cmi.launch_data. */
  dataFromLms?: string;
  /** 1.2 adlcp:maxtimeallowed or 2004 attemptAbsoluteDurationLimit. */
  maxTimeAllowed?: string;
  /** 1.2 adlcp:timelimitaction or 2004 adlcp:timeLimitAction. */
  timeLimitAction?: string;
  /** SCORM 2004 adlcp:completionThreshold (0..1). */
  completionThreshold?: number;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => ['organization', 'item', 'resource', 'objective', 'file'].includes(name),
});

const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
const text = (value: unknown): string =>
  typeof value === 'object' && value !== null
    ? String((value as Node)['#text'] ?? '')
    : String(value ?? '');
const optionalText = (value: unknown): string | undefined => {
  const found = text(value).trim();
  return found === '' ? undefined : found;
};

function firstLaunchableItem(items: Node[], resources: Map<string, Node>): Node | undefined {
  for (const item of items) {
    const ref = item['@identifierref'];
    if (typeof ref === 'string' && resources.has(ref)) return item;
    const nested = firstLaunchableItem(list(item.item), resources);
    if (nested) return nested;
  }
  return undefined;
}

/** The item-level data an LMS hands to the SCO through the run-time data model. */
function itemData(item: Node, version: ScormVersion): Partial<PackageInfo> {
  const found: Partial<PackageInfo> = {};
  const sequencing = item.sequencing as Node | undefined;
  const dataFromLms = optionalText(version === 'scorm12' ? item.datafromlms : item.dataFromLMS);
  if (dataFromLms !== undefined) found.dataFromLms = dataFromLms;
  const maxTime =
    version === 'scorm12'
      ? optionalText(item.maxtimeallowed)
      : optionalText(
          (sequencing?.limitConditions as Node | undefined)?.['@attemptAbsoluteDurationLimit'],
        );
  if (maxTime !== undefined) found.maxTimeAllowed = maxTime;
  const timeLimit = optionalText(
    version === 'scorm12' ? item.timelimitaction : item.timeLimitAction,
  );
  if (timeLimit !== undefined) found.timeLimitAction = timeLimit;
  if (version === 'scorm2004' && item.completionThreshold !== undefined) {
    const threshold = item.completionThreshold as Node | string;
    const measure =
      typeof threshold === 'object'
        ? (threshold['@minProgressMeasure'] ?? threshold['#text'])
        : threshold;
    if (measure !== undefined && Number.isFinite(Number(measure))) {
      found.completionThreshold = Number(measure);
    }
  }
  return found;
}

/** Reads a manifest; throws an Error whose message says what is wrong. */
export function readManifest(xml: string): PackageInfo {
  const root = (parser.parse(xml) as Node).manifest as Node | undefined;
  if (!root) throw new Error('imsmanifest.xml has no <manifest> element');
  const schemaVersion = text((root.metadata as Node | undefined)?.schemaversion).trim();
  const version: ScormVersion = /^1\.2$/.test(schemaVersion) ? 'scorm12' : 'scorm2004';
  const organizations = root.organizations as Node | undefined;
  const orgs = list(organizations?.organization);
  const defaultId = organizations?.['@default'];
  const org = orgs.find((o) => o['@identifier'] === defaultId) ?? orgs[0];
  if (!org) throw new Error('imsmanifest.xml has no <organization>');
  const resources = new Map(
    list((root.resources as Node | undefined)?.resource).map((r) => [String(r['@identifier']), r]),
  );
  const item = firstLaunchableItem(list(org.item), resources);
  if (!item) throw new Error('imsmanifest.xml has no item that points to a resource');
  const resource = resources.get(String(item['@identifierref']))!;
  const href = String(resource['@href'] ?? '');
  if (!href) throw new Error(`resource "${String(resource['@identifier'])}" has no href`);
  const parameters = String(item['@parameters'] ?? '');

  const info: PackageInfo = {
    version,
    identifier: String(root['@identifier'] ?? '') || String(org['@identifier'] ?? 'package'),
    title: text(item.title) || text(org.title) || 'Course',
    launch: href + parameters,
    objectiveIds: [],
    ...itemData(item, version),
  };
  const mastery = text(item.masteryscore).trim();
  if (mastery !== '' && Number.isFinite(Number(mastery))) info.masteryScore = Number(mastery);
  const objectives = (item.sequencing as Node | undefined)?.objectives as Node | undefined;
  const primary = objectives?.primaryObjective as Node | undefined;
  if (primary && String(primary['@satisfiedByMeasure']) === 'true') {
    const measure = Number(text(primary.minNormalizedMeasure) || '1');
    if (Number.isFinite(measure)) info.scaledPassingScore = measure;
  }
  for (const objective of [primary, ...list(objectives?.objective)]) {
    const id = objective?.['@objectiveID'];
    if (typeof id === 'string' && id) info.objectiveIds.push(id);
  }
  return info;
}
