import path from 'node:path';
import type { DiagnosticCode, Media } from '@teach-in/course-schema';
import { isFile, readText, statOf } from './course-fs.ts';
import { lex, renderBlocks } from './markdown.ts';
import { staysInside } from './source-file.ts';

/**
 * Video and audio, placed with image syntax on a line of its own:
 * `![Title](../media/talk.mp4)`. Plain Markdown viewers show the title as a link-like
 * image, and the files sit beside each other by name: `talk.vtt` (captions, required),
 * `talk.jpg|png|webp` (poster); `interview.transcript.md` for audio (required).
 */
const mediaFiles = {
  '.mp4': { type: 'video', mime: 'video/mp4' },
  '.webm': { type: 'video', mime: 'video/webm' },
  '.mp3': { type: 'audio', mime: 'audio/mpeg' },
  '.ogg': { type: 'audio', mime: 'audio/ogg' },
} as const;

/** Phones on metered data: above this, the author is told the size. */
export const largeMediaBytes = 10 * 1024 * 1024;

const posterTypes = ['.jpg', '.jpeg', '.png', '.webp'];
const videoSites =
  /(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|dailymotion\.com|tiktok\.com|facebook\.com|fb\.watch|instagram\.com|twitch\.tv|soundcloud\.com|spotify\.com)$/i;

const extensionOf = (href: string) => path.extname(href.replace(/[?#].*$/, '')).toLowerCase();

/** A course file that is video or audio, by its extension. */
export function isMediaFile(file: string): boolean {
  return extensionOf(file) in mediaFiles;
}

/** An image-syntax target on another site that is a video or audio file, or a video site's page. */
export function isExternalMedia(href: string): boolean {
  if (!/^(https?:)?\/\//i.test(href)) return false;
  try {
    const url = new URL(href, 'https://example.invalid');
    return videoSites.test(url.hostname) || isMediaFile(url.pathname);
  } catch {
    return false;
  }
}

export interface MediaProblem {
  code: DiagnosticCode;
  message: string;
}

export interface MediaCheck {
  media?: Media;
  /** Files beside the media (captions, poster) that the package must carry too. */
  assets: string[];
  problems: MediaProblem[];
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `asset` is the media file's path from the course folder (already known to exist). */
export function checkMedia(asset: string, title: string, courseDir: string): MediaCheck {
  const kind = mediaFiles[extensionOf(asset) as keyof typeof mediaFiles];
  const file = path.join(courseDir, asset);
  const base = asset.slice(0, asset.length - path.extname(asset).length);
  const problems: MediaProblem[] = [];
  const beside = (suffix: string) => {
    const candidate = `${base}${suffix}`;
    const full = path.join(courseDir, candidate);
    if (!isFile(full)) return undefined;
    // Captions and transcripts are read into the page: a link out of the course is refused.
    if (!staysInside(full, courseDir)) {
      problems.push({
        code: 'symlink-outside-course',
        message: `"${candidate}" is a symbolic link that leads outside the course folder`,
      });
      return undefined;
    }
    return candidate;
  };
  const size = statOf(file).size;
  if (size > largeMediaBytes) {
    problems.push({
      code: 'large-media',
      message: `"${asset}" is ${megabytes(size)}; on phones, keep video and audio under ${megabytes(largeMediaBytes)}`,
    });
  }
  const name = title.trim() || path.basename(asset);
  if (kind.type === 'video') {
    const captions = beside('.vtt');
    const poster = posterTypes.map(beside).find(Boolean);
    if (!poster) {
      problems.push({ code: 'missing-poster', message: `No poster image beside "${asset}"` });
    }
    if (!captions) {
      problems.push({
        code: 'missing-captions',
        message: `The video "${asset}" has no captions: no "${base}.vtt" beside it`,
      });
      return { assets: poster ? [poster] : [], problems };
    }
    const media: Media = {
      type: 'video',
      title: name,
      src: encodeURI(asset),
      mime: kind.mime,
      captions: encodeURI(captions),
      captionsVtt: readText(path.join(courseDir, captions)),
      ...(poster ? { poster: encodeURI(poster) } : {}),
    };
    return { media, assets: [captions, ...(poster ? [poster] : [])], problems };
  }
  const transcript = beside('.transcript.md');
  if (!transcript) {
    problems.push({
      code: 'missing-transcript',
      message: `The audio "${asset}" has no transcript: no "${base}.transcript.md" beside it`,
    });
    return { assets: [], problems };
  }
  const text = readText(path.join(courseDir, transcript)).replace(/\r\n?/g, '\n');
  return {
    media: {
      type: 'audio',
      title: name,
      src: encodeURI(asset),
      mime: kind.mime,
      transcriptHtml: renderBlocks(lex(text)),
    },
    // The transcript is inlined in the page: the package needs no copy of it.
    assets: [],
    problems,
  };
}
