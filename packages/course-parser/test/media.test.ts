import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Media } from '@teach-in/course-schema';
import { loadCourse } from '../src/index.ts';
import { largeMediaBytes } from '../src/media.ts';

/** A course folder written here, so the large file can be sparse rather than committed. */
function courseWith(module: string, files: Record<string, string | number>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-media-'));
  mkdirSync(path.join(dir, 'modules'));
  mkdirSync(path.join(dir, 'media'));
  writeFileSync(
    path.join(dir, 'course.yaml'),
    'id: media\nversion: 1.0.0\ntitle: Media\nlanguage: en\npassing_score: 50\nmodules:\n  - modules/a.md\n',
  );
  writeFileSync(path.join(dir, 'modules/a.md'), module);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, 'media', name);
    writeFileSync(file, typeof content === 'string' ? content : '');
    if (typeof content === 'number') truncateSync(file, content);
  }
  made.push(dir);
  return dir;
}
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const load = (dir: string) => loadCourse(dir, dir);
const front = '---\nid: a\ntitle: A\n---\n\n## Page\n\n';

describe('video and audio in a module', () => {
  test('a captioned video with a poster and an audio file with a transcript become media blocks', () => {
    const dir = courseWith(
      `${front}Before.\n\n![The talk](../media/talk.mp4)\n\nBetween.\n\n![The interview](../media/interview.mp3)\n`,
      {
        'talk.mp4': 'v',
        'talk.vtt': 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n',
        'talk.jpg': 'j',
        'interview.mp3': 'a',
        'interview.transcript.md': '**Steward:** Hello.',
      },
    );
    const { course, diagnostics } = load(dir);
    assert.deepEqual(diagnostics, []);
    const blocks = course!.modules[0]!.pages[0]!.blocks;
    assert.deepEqual(
      blocks.map((b) => b.kind),
      ['prose', 'media', 'prose', 'media'],
    );
    const [video, audio] = blocks.flatMap((b) => (b.kind === 'media' ? [b.media] : [])) as [
      Media,
      Media,
    ];
    assert.deepEqual(video, {
      type: 'video',
      title: 'The talk',
      src: 'media/talk.mp4',
      mime: 'video/mp4',
      captions: 'media/talk.vtt',
      captionsVtt: 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n',
      poster: 'media/talk.jpg',
    });
    assert.equal(audio.type, 'audio');
    assert.equal(
      audio.type === 'audio' && audio.transcriptHtml,
      '<p><strong>Steward:</strong> Hello.</p>\n',
    );
    assert.deepEqual(course!.assets, [
      'media/interview.mp3',
      'media/talk.jpg',
      'media/talk.mp4',
      'media/talk.vtt',
    ]);
  });

  test('every media problem at its line: captions, transcript, poster, size, other sites, placement', () => {
    const dir = courseWith(
      [
        front.trimEnd(),
        '',
        '![No captions](../media/bare.webm)',
        '',
        '![No transcript](../media/alone.ogg)',
        '',
        '![A talk](https://www.youtube.com/watch?v=abc)',
        '',
        'Watch ![inline](../media/ok.mp4) here.',
        '',
        '![Big](../media/big.mp3)',
        '',
        '![Remote file](https://example.org/talk.mp4)',
        '',
        '> [!NOTE]',
        '> ![In a callout](../media/ok.mp4)',
        '',
      ].join('\n'),
      {
        'bare.webm': 'v',
        'alone.ogg': 'a',
        'ok.mp4': 'v',
        'ok.vtt': 'WEBVTT\n',
        'ok.png': 'p',
        'big.mp3': largeMediaBytes + 1024 * 1024,
        'big.transcript.md': 'Words.',
      },
    );
    const { diagnostics } = load(dir);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.line, d.column]),
      [
        ['missing-poster', 'warning', 8, 1],
        ['missing-captions', 'error', 8, 1],
        ['missing-transcript', 'error', 10, 1],
        ['external-video', 'error', 12, 1],
        ['media-not-alone', 'error', 14, 7],
        ['large-media', 'warning', 16, 1],
        ['external-video', 'error', 18, 1],
        ['media-not-alone', 'error', 21, 3],
      ],
    );
    const large = diagnostics.find((d) => d.code === 'large-media')!;
    assert.match(large.message, /"media\/big\.mp3" is 11\.0 MB/);
    const youtube = diagnostics.find((d) => d.code === 'external-video')!;
    assert.match(youtube.hint, /who is watching/);
    assert.match(youtube.hint, /offline/);
    assert.match(diagnostics[1]!.message, /no "media\/bare\.vtt" beside it/);
  });
});
