import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInTheme, type Course, type Module } from '@teach-in/course-schema';
import { validateManifest } from '../../../tests/support/xsd.ts';
import { cmi5Manifest } from '../src/manifests/cmi5-manifest.ts';
import { scorm12Manifest } from '../src/manifests/scorm12-manifest.ts';
import { scorm2004Manifest } from '../src/manifests/scorm2004-manifest.ts';

function module(id: string, title: string): Module {
  return {
    id,
    title,
    objectives: [`Explain ${title}`],
    file: `modules/${id}.md`,
    pages: [],
    pools: {},
  };
}

const course: Course = {
  id: 'ai-at-work',
  version: '1.2.0',
  title: 'AI & work: <rights> at "the" shop',
  language: 'en',
  description: 'What AI changes at work.',
  passingScore: 80,
  completion: 'both',
  theme: builtInTheme('clean'),
  end: { certificate: true },
  modules: [module('what-counts-as-ai', 'What counts as AI'), module('data-rights', 'Data rights')],
  dir: '/courses/ai-at-work',
  assets: [],
  glossary: [],
};

const files = ['assets/app.js', 'assets/style.css', 'index.html', 'media/logo (1).svg'];

const scorm12 = scorm12Manifest(course, files);
const scorm2004 = scorm2004Manifest(course, files);

/** Asserts the validator rejects `xml` and that one error message matches `pattern`. */
async function assertInvalid(xml: string, kind: 'scorm12' | 'scorm2004', pattern: RegExp) {
  const result = await validateManifest(xml, kind);
  assert.equal(result.valid, false, 'expected the manifest to be invalid');
  assert.ok(
    result.errors.some((e) => pattern.test(e)),
    `no error matches ${pattern}:\n${result.errors.join('\n')}`,
  );
}

function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const changed = xml.replace(from, to);
  assert.notEqual(changed, xml, `fixture edit did not apply: ${from}`);
  return changed;
}

describe('SCORM 1.2 manifest', () => {
  it('is valid against the 1.2 XSDs and our extra checks', async () => {
    assert.deepEqual(await validateManifest(scorm12, 'scorm12'), { valid: true, errors: [] });
  });

  it('is one SCO with the passing score as masteryscore', () => {
    assert.match(scorm12, /<adlcp:masteryscore>80<\/adlcp:masteryscore>/);
    assert.match(scorm12, /<schemaversion>1\.2<\/schemaversion>/);
    assert.ok(
      scorm12.includes(
        '<resource identifier="RES-ai-at-work" type="webcontent" adlcp:scormtype="sco" ' +
          'href="index.html">',
      ),
    );
    assert.match(scorm12, /<item identifier="ITEM-ai-at-work" identifierref="RES-ai-at-work">/);
    assert.equal(scorm12.match(/<item /g)?.length, 1);
  });

  it('lists every file, with hrefs as URI references', () => {
    for (const href of [
      'assets/app.js',
      'assets/style.css',
      'index.html',
      'media/logo%20(1).svg',
    ]) {
      assert.ok(scorm12.includes(`<file href="${href}"/>`), href);
    }
    assert.equal(scorm12.match(/<file /g)?.length, files.length);
  });

  it('escapes the title', () => {
    const escaped = 'AI &amp; work: &lt;rights&gt; at &quot;the&quot; shop';
    assert.equal(scorm12.split(`<title>${escaped}</title>`).length - 1, 2);
    assert.ok(!scorm12.includes('<rights>'));
  });

  it('is deterministic, whatever order the files come in', () => {
    assert.equal(scorm12Manifest(course, files), scorm12);
    assert.equal(scorm12Manifest(course, [...files].reverse()), scorm12);
  });

  it('refuses a passing score that is not a whole percent', () => {
    assert.throws(() => scorm12Manifest({ ...course, passingScore: 80.5 }, files), RangeError);
    assert.throws(() => scorm12Manifest({ ...course, passingScore: 101 }, files), RangeError);
  });

  it('refuses a file list without the launch file', () => {
    assert.throws(() => scorm12Manifest(course, ['assets/app.js']), /index\.html/);
  });
});

describe('SCORM 2004 4th edition manifest', () => {
  it('is valid against the 2004 4th edition XSDs and our extra checks', async () => {
    assert.deepEqual(await validateManifest(scorm2004, 'scorm2004'), { valid: true, errors: [] });
  });

  it('lets the content set completion and success, judged at the passing score', () => {
    assert.match(
      scorm2004,
      /<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"\/>/,
    );
    assert.match(scorm2004, /<imsss:primaryObjective satisfiedByMeasure="true">/);
    assert.match(scorm2004, /<imsss:minNormalizedMeasure>0\.8<\/imsss:minNormalizedMeasure>/);
    assert.match(scorm2004, /<imsss:controlMode choice="true" flow="true"\/>/);
    assert.match(scorm2004, /<schemaversion>2004 4th Edition<\/schemaversion>/);
    assert.match(scorm2004, /adlcp:scormType="sco"/);
  });

  it('declares one objective per module', () => {
    for (const m of course.modules) {
      assert.ok(scorm2004.includes(`<imsss:objective objectiveID="${m.id}"/>`), m.id);
    }
  });

  it('writes the measure without float noise', () => {
    const measure = (passingScore: number) =>
      scorm2004Manifest({ ...course, passingScore }, files).match(
        /<imsss:minNormalizedMeasure>([^<]*)</,
      )?.[1];
    assert.deepEqual([0, 7, 57, 100].map(measure), ['0', '0.07', '0.57', '1']);
  });

  it('lists every file and escapes the title', () => {
    assert.equal(scorm2004.match(/<file /g)?.length, files.length);
    assert.ok(scorm2004.includes('<file href="media/logo%20(1).svg"/>'));
    assert.ok(scorm2004.includes('<title>AI &amp; work: &lt;rights&gt; at &quot;the&quot; shop'));
  });

  it('is deterministic', () => {
    assert.equal(scorm2004Manifest(course, [...files].reverse()), scorm2004);
  });
});

describe('validateManifest rejects what it should', () => {
  it('reports a 1.2 element out of order', async () => {
    // <metadata> must come before <organizations>.
    const metadata = /\n {2}<metadata>[\s\S]*?<\/metadata>/;
    const block = scorm12.match(metadata)?.[0] ?? '';
    const moved = replaceOnce(
      scorm12.replace(metadata, ''),
      '\n  <resources>',
      `${block}\n  <resources>`,
    );
    await assertInvalid(moved, 'scorm12', /metadata.*(not expected|Expected)/);
  });

  it('reports 2004 sequencing children out of order', async () => {
    const objectives = /\n\s*<imsss:objectives>[\s\S]*?<\/imsss:objectives>/;
    const block = scorm2004.match(objectives)?.[0] ?? '';
    const moved = replaceOnce(
      scorm2004.replace(objectives, ''),
      /(<imsss:deliveryControls[^>]*\/>)/,
      `$1${block}`,
    );
    await assertInvalid(moved, 'scorm2004', /imsss\}objectives': This element is not expected/);
  });

  it('reports a missing required attribute', async () => {
    const noType = replaceOnce(scorm2004, ' type="webcontent"', '');
    await assertInvalid(noType, 'scorm2004', /attribute 'type' is required/);
    const noId = replaceOnce(scorm12, '<item identifier="ITEM-ai-at-work" ', '<item ');
    await assertInvalid(noId, 'scorm12', /attribute 'identifier' is required/);
  });

  it('reports a masteryscore the 1.2 XSD lets through', async () => {
    for (const score of ['101', '80.5', 'eighty', '']) {
      const xml = replaceOnce(
        scorm12,
        '>80</adlcp:masteryscore>',
        `>${score}</adlcp:masteryscore>`,
      );
      await assertInvalid(xml, 'scorm12', /masteryscore "[^"]*" must be an integer from 0 to 100/);
    }
  });

  it('reports no scormtype, a wrong schemaversion and a dangling identifierref', async () => {
    const noScormType = replaceOnce(scorm12, ' adlcp:scormtype="sco"', '');
    await assertInvalid(noScormType, 'scorm12', /has no adlcp:scormtype/);
    const noScormType2004 = replaceOnce(scorm2004, ' adlcp:scormType="sco"', '');
    await assertInvalid(noScormType2004, 'scorm2004', /has no adlcp:scormType/);
    const wrongVersion = replaceOnce(scorm12, '>1.2</schemaversion>', '>1.3</schemaversion>');
    await assertInvalid(wrongVersion, 'scorm12', /<schemaversion> must be "1\.2"/);
    const dangling = replaceOnce(scorm2004, 'identifierref="RES-', 'identifierref="NONE-');
    await assertInvalid(dangling, 'scorm2004', /identifierref "NONE-ai-at-work" names no resource/);
  });

  it('reports an unknown namespace inside the strict 1.2 extension points', async () => {
    const xml = replaceOnce(
      scorm12,
      '</item>',
      '  <x:note xmlns:x="urn:example">hi</x:note>\n      </item>',
    );
    await assertInvalid(xml, 'scorm12', /note/);
  });
});

describe('cmi5.xml', () => {
  it('moveOn follows the completion rule; masteryScore is the pass mark as 0..1 with 4 decimals', () => {
    const cases = [
      ['all-pages', 0, 'Completed', '0.0000'],
      ['assessment-passed', 75, 'Passed', '0.7500'],
      ['both', 100, 'CompletedAndPassed', '1.0000'],
    ] as const;
    for (const [completion, passingScore, moveOn, mastery] of cases) {
      const xml = cmi5Manifest({ ...course, completion, passingScore });
      assert.match(xml, new RegExp(`moveOn="${moveOn}" masteryScore="${mastery}"`));
    }
  });

  it('escapes titles and keeps ids stable across versions and titles', () => {
    const xml = cmi5Manifest(course);
    assert.match(xml, /AI &amp; work: &lt;rights&gt; at &quot;the&quot; shop/);
    const renamed = cmi5Manifest({ ...course, version: '9.0.0', title: 'Renamed' });
    const ids = (text: string) => [...text.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids(renamed), ids(xml));
    assert.deepEqual(ids(xml), [
      'urn:teach-in:course:ai-at-work',
      'urn:teach-in:course:ai-at-work:au',
    ]);
  });

  it('refuses a pass mark outside 0..100', () => {
    assert.throws(() => cmi5Manifest({ ...course, passingScore: 101 }), RangeError);
  });
});
