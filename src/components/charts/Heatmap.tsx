import './charts.css';

export interface HeatmapCell {
  key: string;
  column: number;
  row: number;
  /** 0 for nothing, up to `levels` for the most. */
  level: number;
  /** Shown on hover; the chart's label and its table carry the figures for everyone else. */
  title: string;
}

interface HeatmapProps {
  /** What the chart shows and its main figures, read out in place of the picture. */
  label: string;
  cells: readonly HeatmapCell[];
  columns: number;
  rows: number;
  levels: number;
  /** One per row; empty strings leave a row unlabelled so the labels do not crowd. */
  rowLabels: readonly string[];
  columnLabels: readonly { column: number; text: string }[];
  legend: { fewer: string; more: string };
}

const CELL = 13;
const STEP = 16;
const LEFT = 46;
const TOP = 22;

/** A calendar-style grid of cells shaded by level, with a legend of the shades. */
export function Heatmap({ label, cells, columns, rows, levels, rowLabels, columnLabels, legend }: HeatmapProps) {
  const width = LEFT + columns * STEP;
  const height = TOP + rows * STEP;
  const shades = Array.from({ length: levels + 1 }, (_, level) => level);
  return (
    <div className="chart">
      <svg className="chart-heatmap" role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
        {columnLabels.map(({ column, text }) => (
          <text key={column} className="chart-label" x={LEFT + column * STEP} y={TOP - 6}>
            {text}
          </text>
        ))}
        {rowLabels.map((text, row) =>
          text ? (
            <text key={row} className="chart-label" x={LEFT - 6} y={TOP + row * STEP + CELL - 2} textAnchor="end">
              {text}
            </text>
          ) : null,
        )}
        {cells.map((cell) => (
          <rect key={cell.key} className={`chart-heat chart-heat-${cell.level}`} x={LEFT + cell.column * STEP} y={TOP + cell.row * STEP} width={CELL} height={CELL} rx={2}>
            <title>{cell.title}</title>
          </rect>
        ))}
      </svg>
      <p className="chart-legend" aria-hidden="true">
        <span>{legend.fewer}</span>
        <svg viewBox={`0 0 ${shades.length * STEP} ${CELL}`} width={shades.length * STEP} height={CELL} focusable="false">
          {shades.map((level) => (
            <rect key={level} className={`chart-heat chart-heat-${level}`} x={level * STEP} y={0} width={CELL} height={CELL} rx={2} />
          ))}
        </svg>
        <span>{legend.more}</span>
      </p>
    </div>
  );
}
