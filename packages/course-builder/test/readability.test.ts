import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Module } from '@teach-in/course-schema';
import { learnerText, readability } from '../src/readability.ts';
import { spanishMinimumEase, spanishReadability, spanishSyllables } from '../src/readability-es.ts';

test('grade follows the Flesch-Kincaid formula on counted sentences, words and syllables', () => {
  const result = readability('The cat sat on the mat. It was happy.');
  assert.deepEqual([result.sentences, result.words, result.syllables], [2, 9, 10]);
  // 0.39 * 4.5 + 11.8 * 10/9 - 15.59
  assert.equal(result.grade, -0.7);
});

test('long sentences and long words read as a higher grade', () => {
  const plain = readability('You can ask to see your data. Your boss must answer you.');
  const dense = readability(
    'Organisations deploying automated decision-making systems must provide meaningful information regarding the logic involved, alongside the significance and envisaged consequences of such processing for the data subject.',
  );
  assert.ok(plain.grade < 5, String(plain.grade));
  assert.ok(dense.grade > 16, String(dense.grade));
  assert.equal(dense.longest.length, 1);
});

test('learner text: titles, prose, callouts and questions, never facilitator notes', () => {
  const module: Module = {
    id: 'm',
    title: 'M',
    objectives: [],
    file: 'modules/m.md',
    pools: {},
    pages: [
      {
        id: 'm/p',
        title: 'Who decides',
        references: [],
        blocks: [
          { kind: 'prose', html: '<ul><li>Shift apps</li><li>Rating apps</li></ul>' },
          { kind: 'callout', variant: 'tip', html: '<p>Keep a copy.</p>' },
          { kind: 'facilitator', html: '<p>SECRET facilitator timing.</p>' },
          {
            kind: 'question',
            question: {
              type: 'dropdown',
              id: 'q',
              moduleId: 'm',
              promptHtml: '',
              promptText: 'Reply in one month.',
              graded: true,
              attempts: 1,
              shuffle: true,
              sentenceText: 'Reply in one month.',
              segments: [
                { kind: 'text', html: 'Reply in ' },
                { kind: 'blank', id: '1', options: [{ id: 'a', text: 'one month' }], correct: 'a' },
              ],
              explanationHtml: 'The law says so <sup class="ti-cite"><a href="#x">[1]</a></sup>.',
            },
          },
        ],
      },
    ],
  };
  const text = learnerText(module);
  assert.doesNotMatch(text, /SECRET/);
  assert.doesNotMatch(text, /\[1\]/);
  for (const part of [
    'Who decides',
    'Shift apps',
    'Rating apps',
    'Keep a copy.',
    'Reply in',
    'The law says so',
  ]) {
    assert.ok(text.includes(part), part);
  }
  // Each list item is its own sentence, so bullet lists do not read as one long sentence.
  assert.ok(readability(text).sentences >= 6);
});

test('Spanish syllables follow the rules of Spanish spelling: diphthongs, hiatus, silent u, final y', () => {
  const counts = Object.fromEntries(
    [
      'día',
      'ciudad',
      'poeta',
      'aéreo',
      'buey',
      'que',
      'guerra',
      'pingüino',
      'hoy',
      'trabajadoras',
      'información',
      'oído',
      'guía',
    ].map((word) => [word, spanishSyllables(word)]),
  );
  assert.deepEqual(counts, {
    día: 2,
    ciudad: 2,
    poeta: 3,
    aéreo: 4,
    buey: 1,
    que: 1,
    guerra: 2,
    pingüino: 3,
    hoy: 1,
    trabajadoras: 5,
    información: 4,
    oído: 3,
    guía: 2,
  });
});

test('Fernández-Huerta: 206.84 - 0.60 x syllables per 100 words - 1.02 x words per sentence', () => {
  const result = spanishReadability(
    'Puedes pedir una copia de tus datos. La empresa debe responder.',
  );
  // Puedes(2) pedir(2) una(2) copia(2: co-pia) de(1) tus(1) datos(2) La(1) empresa(3) debe(2) responder(3)
  assert.deepEqual([result.sentences, result.words, result.syllables], [2, 11, 21]);
  const expected = 206.84 - 0.6 * ((100 * 21) / 11) - 1.02 * (11 / 2);
  assert.equal(result.score, Math.round(expected * 10) / 10);
  const dense = spanishReadability(
    'Las organizaciones que implantan sistemas automatizados de toma de decisiones deberán proporcionar información significativa sobre la lógica aplicada, así como la importancia y las consecuencias previstas de dicho tratamiento para la persona interesada.',
  );
  assert.ok(dense.score < spanishMinimumEase, String(dense.score));
  assert.ok(result.score > 70, String(result.score));
});
