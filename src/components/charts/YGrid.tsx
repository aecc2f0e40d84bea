/** A chart's scale: a grid line across the plot at each tick, labelled at its left. */
export function YGrid({ ticks, left, right, y, format = String }: { ticks: readonly number[]; left: number; right: number; y: (value: number) => number; format?: (tick: number) => string }) {
  return ticks.map((tick) => (
    <g key={tick}>
      <line className="chart-grid" x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
      <text className="chart-label" x={left - 6} y={y(tick) + 4} textAnchor="end">
        {format(tick)}
      </text>
    </g>
  ));
}
