import path from 'node:path';
import { watch } from 'chokidar';

/**
 * Folders and files that are never course sources: build output an author may write into
 * the course folder, version control, and editors' swap and backup files.
 */
function ignored(courseDir: string, file: string): boolean {
  const relative = path.relative(courseDir, file);
  if (relative === '' || relative.startsWith('..')) return false;
  const parts = relative.split(path.sep);
  if (parts.some((part) => part === 'node_modules' || part === 'dist' || part.startsWith('.'))) {
    return true;
  }
  const name = parts.at(-1) ?? '';
  return name.endsWith('~') || /\.sw[a-p]$/.test(name);
}

/**
 * Calls `rebuild` after each burst of saves: one rebuild at a time, and a save during a
 * rebuild gets another, so the last save always wins.
 *
 * chokidar watches each folder rather than each file, so every way an editor saves is seen:
 * a write in place, a new file renamed over the old one (vim, `sed -i`, most IDEs), and
 * delete-then-create. Node's own recursive `fs.watch` on Linux watches the file it first
 * saw, and misses the renamed-in copy. Resolves once the watcher is ready, so no save made
 * after it returns is missed.
 */
export async function watchCourse(
  courseDir: string,
  rebuild: () => Promise<void>,
  debounceMs: number,
): Promise<() => Promise<void>> {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await rebuild();
      } while (again);
    } finally {
      running = false;
    }
  };
  const watcher = watch(courseDir, {
    ignoreInitial: true,
    ignored: (file) => ignored(courseDir, file),
  });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  return async () => {
    clearTimeout(timer);
    await watcher.close();
  };
}
