import type { ReactNode } from 'react';
import './charts.css';

export interface DataColumn {
  header: string;
  /** Right-aligned with even figures, for counts and percentages. */
  numeric?: boolean;
}

export interface DataRow {
  key: string;
  /** One per column; the first names the row. */
  cells: readonly ReactNode[];
}

interface DataTableProps {
  /** Names the table for the summary and the caption: "reviews per day". */
  subject: string;
  caption: string;
  columns: readonly DataColumn[];
  rows: readonly DataRow[];
}

/** A chart's figures as a table, folded away under "Show as a table" until asked for. */
export function DataTable({ subject, caption, columns, rows }: DataTableProps) {
  return (
    <details className="chart-table">
      <summary>
        Show as a table<span className="visually-hidden">: {subject}</span>
      </summary>
      <div className="data-table-scroll">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={column.numeric ? 'number' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className={columns[index]?.numeric ? 'number' : undefined}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
