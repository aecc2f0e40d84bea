import type { ReactNode } from 'react';
import './charts.css';

export interface ShareRow {
  key: string;
  label: ReactNode;
  /** 0 to 1. */
  share: number;
  /** The counts behind the share, in words: "12 of 15 right". */
  detail: string;
}

interface ShareTableProps {
  caption: string;
  headers: { label: string; detail: string; share: string };
  rows: readonly ShareRow[];
}

/** Shares as a table with a horizontal bar beside each percentage; the bar repeats the figure, so it is hidden from assistive technology. */
export function ShareTable({ caption, headers, rows }: ShareTableProps) {
  return (
    <div className="data-table-scroll">
      <table className="data-table share-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{headers.label}</th>
            <th scope="col" className="number">
              {headers.detail}
            </th>
            <th scope="col" className="share-column">
              {headers.share}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const percent = Math.round(row.share * 100);
            return (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="number">{row.detail}</td>
                <td className="share-column">
                  <span className="share-figure">{percent}%</span>
                  <svg className="share-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect className="share-bar-track" x="0" y="0" width="100" height="8" />
                    {percent > 0 && <rect className="share-bar-fill" x="0" y="0" width={percent} height="8" />}
                  </svg>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
