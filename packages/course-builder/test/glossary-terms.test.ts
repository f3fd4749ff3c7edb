import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PageGlossary } from '../src/glossary-terms.ts';

const entry = (term: string) => ({ term, definitionHtml: `<p>${term} defined</p>` });
const marked = (html: string) =>
  [...html.matchAll(/class="ti-term"[^>]*>([^<]*)</g)].map((m) => m[1]);

describe('glossary terms on a page', () => {
  test('marks the first whole-word occurrence of each term, in any case, once per page', () => {
    const page = new PageGlossary([entry('model'), entry('bias')], 'term-1');
    const html = page.mark('<p>Models learn. A Model can learn bias; the model has bias.</p>');
    assert.deepEqual(marked(html), ['Model', 'bias']);
  });

  test('the longest term wins where terms overlap, and a later term is still found', () => {
    const page = new PageGlossary(
      [entry('management'), entry('algorithmic management'), entry('data')],
      'term-1',
    );
    const html = page.mark('<p>Algorithmic management uses data. Management too.</p>');
    assert.deepEqual(marked(html), ['Algorithmic management', 'data', 'Management']);
  });

  test('letters outside ASCII count as parts of a word', () => {
    const page = new PageGlossary([entry('dato'), entry('información')], 'term-1');
    const html = page.mark('<p>Los datoś no; la información sí, y el dato también.</p>');
    assert.deepEqual(marked(html), ['información', 'dato']);
  });

  test('text whose lower case changes length still finds the right words', () => {
    const page = new PageGlossary([entry('istanbul')], 'term-1');
    const html = page.mark('<p>İzmir and then Istanbul.</p>');
    assert.deepEqual(marked(html), ['Istanbul']);
  });

  test('never inside headings, links or code', () => {
    const page = new PageGlossary([entry('bias')], 'term-1');
    const html = page.mark('<h2>bias</h2><a href="#x">bias</a><code>bias</code><p>bias</p>');
    assert.deepEqual(marked(html), ['bias']);
    assert.ok(html.includes('<p><button'));
  });
});
