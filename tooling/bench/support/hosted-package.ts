import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startHost, unpackZip } from '@teach-in/lms-host';
import type { BenchContext, BuiltCourse } from '../context.ts';
import { startGzipProxy } from './gzip-proxy.ts';

export interface HostedPackage {
  /** The scorm-again host page, behind the gzip proxy. */
  url: string;
  /** The course page's path on the host, as the LMS frame requests it. */
  contentPath: string;
  close(): Promise<void>;
}

/**
 * One SCORM package of a built course, unpacked and served by lms-host inside its
 * scorm-again host page, through a gzip proxy as an LMS web server would send it.
 */
export async function hostPackage(
  context: BenchContext,
  built: BuiltCourse,
  format: 'scorm12' | 'scorm2004',
): Promise<HostedPackage> {
  const packageDir = mkdtempSync(path.join(context.tempDir, `${format}-`));
  unpackZip(
    new Uint8Array(readFileSync(path.join(built.outDir, `${built.id}.${format}.zip`))),
    packageDir,
  );
  const host = await startHost({ packageDir });
  const proxy = await startGzipProxy(host.url);
  return {
    url: proxy.url,
    contentPath: host.config().launchUrl,
    async close() {
      await proxy.close();
      await host.close();
    },
  };
}
