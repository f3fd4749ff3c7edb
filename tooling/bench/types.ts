/** What a measurement is and what it hands back. Adding one: a file in measurements/ and a line in registry.ts. */
import type { BenchContext } from './context.ts';
import type { ChartGroup } from './support/chart.ts';

export type Cell = string | number;

/** One table for the terminal. Rows are pre-formatted: the JSON carries the raw numbers. */
export interface Table {
  title: string;
  columns: readonly string[];
  rows: Cell[][];
}

export interface MeasurementResult {
  tables: Table[];
  /** Raw figures for the JSON file: bytes in bytes, times in milliseconds, memory in bytes. */
  data: unknown;
  /** How to read the figures: definitions, formulas, caveats. Printed under the tables. */
  notes?: string[];
  /** The figures worth a picture: drawn into results/latest.svg beside the JSON. */
  chart?: ChartGroup[];
}

export interface Measurement {
  /** The name `--only` selects it by. */
  id: string;
  title: string;
  run(context: BenchContext): Promise<MeasurementResult>;
}
