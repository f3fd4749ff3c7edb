import { XMLParser } from 'fast-xml-parser';

/** What the cmi5 host needs from a package's cmi5.xml (cmi5 spec §13). */
export interface Cmi5CourseInfo {
  courseId: string;
  title: string;
  /** The first assignable unit: this host launches one AU per course. */
  au: {
    id: string;
    /** Relative to the package root, or an absolute URL (§14.1). */
    url: string;
    moveOn: 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
    masteryScore?: number;
    launchMethod: 'AnyWindow' | 'OwnWindow';
  };
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => ['au', 'block', 'langstring'].includes(name),
});

const moveOnValues = [
  'Passed',
  'Completed',
  'CompletedAndPassed',
  'CompletedOrPassed',
  'NotApplicable',
] as const;

function firstText(value: unknown): string {
  const strings = (value as Node | undefined)?.langstring;
  const first = Array.isArray(strings) ? (strings[0] as unknown) : undefined;
  if (typeof first === 'object' && first !== null) return String((first as Node)['#text'] ?? '');
  return String(first ?? '');
}

/** The first AU, whether at the top level or inside blocks. */
function firstAu(node: Node): Node | undefined {
  const aus = node.au as Node[] | undefined;
  if (aus?.[0]) return aus[0];
  for (const block of (node.block as Node[] | undefined) ?? []) {
    const found = firstAu(block);
    if (found) return found;
  }
  return undefined;
}

export function readCmi5Course(xml: string): Cmi5CourseInfo {
  const root = (parser.parse(xml) as Node).courseStructure as Node | undefined;
  const course = root?.course as Node | undefined;
  if (!root || !course) throw new Error('cmi5.xml has no courseStructure/course');
  const au = firstAu(root);
  if (!au) throw new Error('cmi5.xml has no assignable unit (au)');
  const url = String((au.url as unknown) ?? '').trim();
  if (!url) throw new Error('the AU has no url');
  const moveOn = String(au['@moveOn'] ?? 'NotApplicable');
  const mastery = au['@masteryScore'];
  return {
    courseId: String(course['@id'] ?? ''),
    title: firstText(course.title),
    au: {
      id: String(au['@id'] ?? ''),
      url,
      moveOn: (moveOnValues as readonly string[]).includes(moveOn)
        ? (moveOn as Cmi5CourseInfo['au']['moveOn'])
        : 'NotApplicable',
      ...(mastery === undefined ? {} : { masteryScore: Number(mastery) }),
      launchMethod: au['@launchMethod'] === 'OwnWindow' ? 'OwnWindow' : 'AnyWindow',
    },
  };
}
