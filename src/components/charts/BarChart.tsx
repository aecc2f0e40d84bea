import { YGrid } from './YGrid';
import './charts.css';

interface BarChartProps {
  /** What the chart shows and its main figures, read out in place of the picture. */
  label: string;
  /** Whole numbers, one bar each. */
  values: readonly number[];
  /** One per bar; empty strings leave a bar unlabelled so the labels do not crowd. */
  xLabels: readonly string[];
  /** Shown on hover over each bar. */
  titles: readonly string[];
}

const WIDTH = 480;
const HEIGHT = 200;
/** Room for the scale's labels: enough for three digits, wider for larger counts (at the 17px of narrow screens). */
const leftFor = (top: number) => Math.max(46, 16 + 10 * String(top).length);
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 30;

/** Up to about five round steps from 0 that reach `max`; steps of at least 1, since the values are counts. */
export function countTicks(max: number, steps = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / steps;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw);
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, index) => index * step);
}

/** Vertical bars over evenly spaced slots, on a scale of round numbers. */
export function BarChart({ label, values, xLabels, titles }: BarChartProps) {
  const ticks = countTicks(Math.max(0, ...values));
  const top = ticks.at(-1) ?? 1;
  const left = leftFor(top);
  const plotWidth = WIDTH - left - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, values.length);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => TOP + plotHeight * (1 - value / top);
  return (
    <div className="chart">
      <svg className="chart-bars" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
        <YGrid ticks={ticks} left={left} right={WIDTH - RIGHT} y={y} />
        {values.map((value, index) =>
          value > 0 ? (
            <rect key={index} className="chart-bar" x={left + index * slot + (slot - barWidth) / 2} y={y(value)} width={barWidth} height={y(0) - y(value)}>
              <title>{titles[index] ?? String(value)}</title>
            </rect>
          ) : null,
        )}
        {xLabels.map((text, index) =>
          text ? (
            <text key={index} className="chart-label" x={left + index * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle">
              {text}
            </text>
          ) : null,
        )}
      </svg>
    </div>
  );
}
