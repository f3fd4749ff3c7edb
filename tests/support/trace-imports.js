// Preloaded with `node --import` by tests: records every module the process loads (its
// resolved URL, one a line) in the file named by TEACH_IN_TRACE_IMPORTS.
import { register } from 'node:module';

register(new URL('./trace-imports-hooks.js', import.meta.url));
