/**
 * `pnpm bench`: measures Teach-in's packages, first load on phone networks and builds,
 * prints a table per measurement and writes tooling/bench/results/latest.json.
 *
 *   pnpm bench                          every measurement (a few minutes on 2 cores)
 *   pnpm bench -- --only package,network
 *   pnpm bench -- --quick               fewer runs, no 1,000-module course
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from './context.ts';
import { describeMachine } from './machine.ts';
import { comparisons, networkProfiles, targets } from './reference.ts';
import { measurements } from './registry.ts';
import { type ChartGroup, renderChart } from './support/chart.ts';
import { renderTable } from './table.ts';

const resultsFile = path.join(import.meta.dirname, 'results', 'latest.json');
const chartFile = path.join(import.meta.dirname, 'results', 'latest.svg');

function options() {
  // `pnpm bench -- --quick` passes the `--` through; parseArgs would read it as the end of options.
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const known = measurements.map((m) => m.id);
  const usage = `pnpm bench [-- --only ${known.join(',')}] [--quick]\n`;
  let values: { only?: string; quick?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        only: { type: 'string' },
        quick: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`pnpm bench: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${usage}\nResults: ${path.relative(process.cwd(), resultsFile)}\n`);
    process.exit(0);
  }
  const only =
    values.only
      ?.split(',')
      .map((id) => id.trim())
      .filter(Boolean) ?? known;
  const unknown = only.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    process.stderr.write(
      `pnpm bench: unknown measurement "${unknown.join(', ')}"; choose from ${known.join(', ')}\n`,
    );
    process.exit(2);
  }
  return { only, quick: values.quick === true };
}

async function main(): Promise<void> {
  const { only, quick } = options();
  const machine = describeMachine();
  const context = createContext(quick);
  const startedAt = new Date();
  process.stdout.write(
    `Teach-in bench, ${startedAt.toISOString()}${quick ? ' (quick)' : ''}\n` +
      `${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GB, ` +
      `Node ${machine.node}, ${machine.os}\n` +
      `Load average ${machine.loadAverage.join(' ')} (above ${machine.cores}: other work shares the CPU, times stretch)\n\n`,
  );
  const results: Record<string, unknown> = {};
  const charts: ChartGroup[] = [];
  try {
    for (const measurement of measurements.filter((m) => only.includes(m.id))) {
      process.stderr.write(`${measurement.title}...\n`);
      const started = performance.now();
      const result = await measurement.run(context);
      results[measurement.id] = {
        title: measurement.title,
        data: result.data,
        notes: result.notes,
      };
      charts.push(...(result.chart ?? []));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`== ${measurement.title} (${seconds} s) ==\n\n`);
      for (const table of result.tables) process.stdout.write(`${renderTable(table)}\n\n`);
      for (const note of result.notes ?? []) process.stdout.write(`* ${note}\n`);
      process.stdout.write('\n');
    }
  } finally {
    context.dispose();
  }
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  const report = {
    date: startedAt.toISOString(),
    finished: new Date().toISOString(),
    loadAverageAtEnd: os.loadavg().map((load) => Math.round(load * 100) / 100),
    quick,
    machine,
    targets: { ...targets, networks: networkProfiles },
    comparisons,
    results,
    chart: charts,
  };
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), resultsFile)}\n`);
  if (charts.length > 0) {
    const load = `load average ${machine.loadAverage.join(' ')} at the start, ${report.loadAverageAtEnd.join(' ')} at the end`;
    const caption = `pnpm bench${quick ? ' --quick' : ''}, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine.cores} cores, ${load}`;
    writeFileSync(chartFile, renderChart(charts, caption));
    process.stdout.write(`Wrote ${path.relative(process.cwd(), chartFile)}\n`);
  }
}

await main();
