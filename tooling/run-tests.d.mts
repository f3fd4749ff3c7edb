export interface Suite {
  name: string;
  command: string;
  args: string[];
}
export interface SuiteResult {
  name: string;
  ok: boolean;
  seconds: number;
  exitCode: number | null;
}
export declare const defaultPlan: Suite[][];
export declare function runPlan(
  plan: Suite[][],
  out?: NodeJS.WritableStream,
): Promise<{ ok: boolean; results: SuiteResult[] }>;
export declare function selectSuites(names: string[]): Suite[][];
