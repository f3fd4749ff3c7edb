import type { Media } from '@teach-in/course-schema';
import { escapeHtml } from '@teach-in/course-schema';
import type { PageStrings } from './page-strings/index.ts';
import { sanitize } from './sanitize.ts';

/**
 * A video or audio player, written by the builder (not authored HTML, so it does not pass
 * the sanitizer, which keeps refusing raw <video> and <audio>). `preload="none"`: a phone
 * downloads nothing until the learner presses play. Captions are on by default: many
 * members watch without sound; the offline copy carries them in the page, as a data: URL,
 * because browsers load no <track> file from file://. The transcript of an audio file is in the page, in a
 * disclosure, so it works offline and a screen reader finds it.
 */
/** "English", "Español": the captions menu names the track in its own language. */
function languageName(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

export function renderMedia(
  media: Media,
  t: PageStrings,
  language: string,
  inlineCaptions: boolean,
): string {
  const title = escapeHtml(media.title);
  const src = escapeHtml(media.src);
  const fallback = (text: string) => `<p>${escapeHtml(text)} <a href="${src}">${title}</a></p>`;
  if (media.type === 'video') {
    const poster = media.poster ? ` poster="${escapeHtml(media.poster)}"` : '';
    const captions = inlineCaptions
      ? `data:text/vtt;base64,${Buffer.from(media.captionsVtt).toString('base64')}`
      : media.captions;
    return [
      '<figure class="ti-media ti-video">',
      `<video controls preload="none" playsinline${poster} aria-label="${title}">`,
      `<source src="${src}" type="${media.mime}">`,
      `<track kind="captions" src="${escapeHtml(captions)}" srclang="${escapeHtml(language)}" label="${escapeHtml(languageName(language))}" default>`,
      fallback(t.media.videoFallback),
      '</video>',
      `<figcaption>${title}</figcaption>`,
      '</figure>',
    ].join('');
  }
  return [
    '<figure class="ti-media ti-audio">',
    `<figcaption>${title}</figcaption>`,
    `<audio controls preload="none" aria-label="${title}">`,
    `<source src="${src}" type="${media.mime}">`,
    fallback(t.media.audioFallback),
    '</audio>',
    `<details class="ti-transcript"><summary>${escapeHtml(t.media.transcript)}</summary>${sanitize(media.transcriptHtml)}</details>`,
    '</figure>',
  ].join('');
}
