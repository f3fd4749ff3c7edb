import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type PreviewDiagnostic, previewPage } from '../src/preview/preview-page.ts';

const duplicate: PreviewDiagnostic = {
  code: 'duplicate-question-id',
  severity: 'error',
  file: 'modules/b.md',
  line: 11,
  column: 5,
  length: 13,
  message: 'Question id "who-owns-data" is already used at modules/a.md:11',
  hint: 'Question ids must be unique in the course.',
  lineText: 'id: who-owns-data',
  related: { file: 'modules/a.md', line: 11, column: 5, message: 'first used here' },
};

test('an error that involves two places shows both in the preview', () => {
  const page = previewPage({ title: 'T', switch: [], diagnostics: [duplicate], warnings: [] });
  assert.match(page, /<code class="ti-where">modules\/b\.md:11:5<\/code>/);
  assert.match(page, /Note: first used here at <code class="ti-where">modules\/a\.md:11:5<\/code>/);
});
