import { buildScaling } from './measurements/build-scaling.ts';
import { coldBuild } from './measurements/cold-build.ts';
import { cpuThrottle } from './measurements/cpu-throttle.ts';
import { ltiLaunch } from './measurements/lti-launch.ts';
import { packageSize } from './measurements/package-size.ts';
import { phoneNetwork } from './measurements/phone-network.ts';
import { previewReload } from './measurements/preview-reload.ts';
import { workshopLatency } from './measurements/workshop-latency.ts';
import type { Measurement } from './types.ts';

/**
 * Every measurement `pnpm bench` runs, in this order. To add one, write a file in
 * measurements/ that exports a `Measurement` and add it here; `--only <id>` selects it.
 */
export const measurements = [
  packageSize,
  phoneNetwork,
  cpuThrottle,
  coldBuild,
  buildScaling,
  previewReload,
  workshopLatency,
  ltiLaunch,
] as const satisfies readonly Measurement[];
