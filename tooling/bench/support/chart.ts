/**
 * A hand-written SVG bar chart of the bench's main figures (no chart library: a few
 * rectangles and texts). One group per figure family, one horizontal bar per figure, a
 * dashed line where the target is, each group on its own scale.
 */
export interface ChartBar {
  label: string;
  value: number;
  /** The limit the figure must stay under; drawn as a line, the bar red when over it. */
  target?: number;
}

export interface ChartGroup {
  title: string;
  unit: 'ms' | 'bytes';
  bars: ChartBar[];
}

const width = 760;
const labelWidth = 250;
const valueWidth = 80;
const barHeight = 18;
const barGap = 6;
const groupGap = 34;
const plotWidth = width - labelWidth - valueWidth - 20;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function formatValue(value: number, unit: ChartGroup['unit']): string {
  if (unit === 'bytes') {
    return value < 768 * 1024
      ? `${(value / 1024).toFixed(1)} KB`
      : `${(value / 1024 / 1024).toFixed(2)} MB`;
  }
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}

/** Bars longer than the axis are clipped (the peers' figures can be 20 times ours) with their value printed. */
function axisMax(group: ChartGroup): number {
  const ours = group.bars.flatMap((b) => [b.target ?? 0, b.label.includes('quoted') ? 0 : b.value]);
  const top = Math.max(...ours, 1) * 1.25;
  const magnitude = 10 ** Math.floor(Math.log10(top));
  return Math.ceil(top / magnitude) * magnitude;
}

export function renderChart(groups: readonly ChartGroup[], caption: string): string {
  const parts: string[] = [];
  let y = 62;
  for (const group of groups) {
    const max = axisMax(group);
    const x = (value: number) => labelWidth + (Math.min(value, max) / max) * plotWidth;
    parts.push(
      `<text x="10" y="${y}" class="group">${escapeXml(group.title)}</text>`,
      `<text x="${width - 10}" y="${y}" class="axis" text-anchor="end">axis 0 to ${formatValue(max, group.unit)}</text>`,
    );
    y += 10;
    for (const bar of group.bars) {
      const over = bar.target !== undefined && bar.value > bar.target;
      const kind = bar.label.includes('quoted')
        ? 'peer'
        : bar.label.includes('floor')
          ? 'floor'
          : over
            ? 'over'
            : 'ours';
      const clipped = bar.value > max;
      parts.push(
        `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeXml(bar.label)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${(x(bar.value) - labelWidth).toFixed(1)}" height="${barHeight}" class="${kind}"/>`,
        clipped
          ? `<text x="${x(bar.value) - 6}" y="${y + 13}" text-anchor="end" class="inside">${formatValue(bar.value, group.unit)}, off the axis</text>`
          : `<text x="${x(bar.value) + 6}" y="${y + 13}">${formatValue(bar.value, group.unit)}</text>`,
      );
      if (bar.target !== undefined) {
        const tx = x(bar.target).toFixed(1);
        parts.push(
          `<line x1="${tx}" x2="${tx}" y1="${y - 3}" y2="${y + barHeight + 3}" class="target"/>`,
          `<title>target under ${formatValue(bar.target, group.unit)}</title>`,
        );
      }
      y += barHeight + barGap;
    }
    y += groupGap - barGap;
  }
  const height = y + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">
<style>
  text { fill: #1a1a1a; }
  .group { font-weight: bold; font-size: 13px; }
  .axis, .caption { fill: #555; font-size: 11px; }
  .ours { fill: #1f6fb2; }
  .over { fill: #c0392b; }
  .floor { fill: #9aa5b1; }
  .peer { fill: #e0a526; }
  .inside { fill: #1a1a1a; font-weight: bold; }
  .target { stroke: #1a1a1a; stroke-width: 2; stroke-dasharray: 3 2; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="20" class="caption">${escapeXml(caption)}</text>
<text x="10" y="36" class="caption">dashed line: target (red bar: over it); grey: network floor; amber: Adapt and LiaScript as quoted in issue 7, not measured</text>
${parts.join('\n')}
</svg>
`;
}
