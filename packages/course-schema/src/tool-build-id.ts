declare const __TEACH_IN_BUILD_ID__: string | undefined;

/**
 * A hash of the compiled tool's code, written in by packages/cli/scripts/compile.js: what
 * every cache of the tool's own results (parsed courses, built packages) is keyed by.
 * Undefined when the TypeScript sources run directly (tsx): then the code may have changed
 * without anything saying so, and nothing is reused.
 */
export const toolBuildId: string | undefined =
  typeof __TEACH_IN_BUILD_ID__ === 'string' ? __TEACH_IN_BUILD_ID__ : undefined;
