/**
 * Makes the small real media files the end-to-end media tests play: a 2 s WebM video (a
 * moving bar, VP8) recorded by Chromium's own MediaRecorder, and a 2 s Ogg Vorbis tone
 * encoded by `oggenc` (Debian's vorbis-tools: MediaRecorder writes no Ogg). The files are
 * committed; run this only when the fixture changes:
 *   pnpm exec tsx tooling/make-media-fixture.ts tests/fixtures/media-course/media
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../tests/support/chromium.ts';

const outDir = path.resolve(process.argv[2] ?? 'tests/fixtures/media-course/media');
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto('about:blank');

// A string, not a function: tsx would wrap a function in helpers the page does not have.
const recordVideo = `(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const g = canvas.getContext('2d');
    let frame = 0;
    const timer = setInterval(() => {
      g.fillStyle = '#123456';
      g.fillRect(0, 0, 160, 90);
      g.fillStyle = '#ffcc00';
      g.fillRect((frame++ * 4) % 160, 30, 20, 30);
    }, 40);
    const stop = () => clearInterval(timer);
    const stream = canvas.captureStream(25);
    const mime = 'video/webm;codecs=vp8';
    if (!MediaRecorder.isTypeSupported(mime)) throw new Error(\`\${mime} is not supported\`);
    const recorder = new MediaRecorder(stream, { mimeType: mime });
    const chunks = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const done = new Promise((resolve) => {
      recorder.onstop = resolve;
    });
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    recorder.stop();
    stop();
    await done;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    return Array.from(bytes);
})()`;

/** 2 s of a 440 Hz tone, 16-bit mono PCM at 22.05 kHz, as a WAV file for oggenc. */
function toneWav(): Uint8Array {
  const rate = 22050;
  const samples = rate * 2;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), 44 + i * 2);
  }
  return wav;
}

writeFileSync(
  path.join(outDir, 'talk.webm'),
  Uint8Array.from((await page.evaluate(recordVideo)) as number[]),
);
// The poster: the video's first frame, as a PNG.
const poster = (await page.evaluate(`(() => {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 90;
  const g = canvas.getContext('2d');
  g.fillStyle = '#123456';
  g.fillRect(0, 0, 160, 90);
  g.fillStyle = '#ffcc00';
  g.fillRect(0, 30, 20, 30);
  return canvas.toDataURL('image/png');
})()`)) as string;
writeFileSync(path.join(outDir, 'talk.png'), Buffer.from(poster.split(',')[1] ?? '', 'base64'));
await browser.close();
const work = mkdtempSync(path.join(tmpdir(), 'teach-in-tone-'));
writeFileSync(path.join(work, 'tone.wav'), toneWav());
execFileSync('oggenc', [
  '--quiet',
  '-q',
  '0',
  '-o',
  path.join(outDir, 'interview.ogg'),
  path.join(work, 'tone.wav'),
]);
rmSync(work, { recursive: true, force: true });
console.log(`wrote talk.webm, talk.png and interview.ogg to ${outDir}`);
