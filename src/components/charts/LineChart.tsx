import { YGrid } from './YGrid';
import './charts.css';

export interface LineSeries {
  name: string;
  /** One value per point; undefined leaves a gap in the line. */
  values: readonly (number | undefined)[];
}

interface LineChartProps {
  /** What the chart shows and its main figures, read out in place of the picture. */
  label: string;
  /** Two series at most: the first is drawn solid with round markers, the second dashed with square ones. */
  series: readonly LineSeries[];
  /** One per point; empty strings leave a point unlabelled so the labels do not crowd. */
  xLabels: readonly string[];
  yMax: number;
  yTicks: readonly number[];
  formatTick: (value: number) => string;
  /** Markers on every point; off for long series, where they would crowd into a smear. */
  markers?: boolean;
}

const WIDTH = 480;
const HEIGHT = 220;
const LEFT = 54;
const RIGHT = 14;
const TOP = 12;
const BOTTOM = 30;
const MARKER = 3.5;

/** Lines over evenly spaced points, with a legend that tells the series apart by shape as well as colour. */
export function LineChart({ label, series, xLabels, yMax, yTicks, formatTick, markers = true }: LineChartProps) {
  const points = Math.max(1, ...series.map((line) => line.values.length));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) => LEFT + (points === 1 ? plotWidth / 2 : (index * plotWidth) / (points - 1));
  const y = (value: number) => TOP + plotHeight * (1 - Math.min(value, yMax) / yMax);
  return (
    <div className="chart">
      <svg className="chart-line" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
        <YGrid ticks={yTicks} left={LEFT} right={WIDTH - RIGHT} y={y} format={formatTick} />
        {xLabels.map((text, index) =>
          text ? (
            <text key={index} className="chart-label" x={x(index)} y={HEIGHT - 8} textAnchor={index === 0 ? 'start' : index === points - 1 ? 'end' : 'middle'}>
              {text}
            </text>
          ) : null,
        )}
        {series.map((line, seriesIndex) => (
          <g key={line.name} className={`chart-series chart-series-${seriesIndex}`}>
            {segments(line.values).map((segment) => (
              <polyline key={segment[0]} points={segment.map((index) => `${x(index)},${y(line.values[index] ?? 0)}`).join(' ')} />
            ))}
            {line.values.map((value, index) =>
              value === undefined || !markers ? null : seriesIndex === 0 ? (
                <circle key={index} cx={x(index)} cy={y(value)} r={MARKER} />
              ) : (
                <rect key={index} x={x(index) - MARKER} y={y(value) - MARKER} width={MARKER * 2} height={MARKER * 2} />
              ),
            )}
          </g>
        ))}
      </svg>
      <ul className="chart-legend">
        {series.map((line, seriesIndex) => (
          <li key={line.name}>
            <svg className={`chart-series chart-series-${seriesIndex}`} viewBox="0 0 28 12" width={28} height={12} aria-hidden="true" focusable="false">
              <polyline points="2,6 26,6" />
              {seriesIndex === 0 ? <circle cx={14} cy={6} r={MARKER} /> : <rect x={14 - MARKER} y={6 - MARKER} width={MARKER * 2} height={MARKER * 2} />}
            </svg>
            {line.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Runs of consecutive defined points, as index lists; a lone point is left to its marker. */
function segments(values: readonly (number | undefined)[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  values.forEach((value, index) => {
    if (value === undefined) {
      if (run.length > 1) runs.push(run);
      run = [];
    } else {
      run.push(index);
    }
  });
  if (run.length > 1) runs.push(run);
  return runs;
}
