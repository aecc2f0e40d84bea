import { useState, type ReactNode } from 'react';

/**
 * A dashed area that takes dropped files. Dropping is a shortcut for pointer users: what it holds
 * must offer the same from the keyboard (a file button). The transfer is handed over during the drop
 * event, while the browser still lets its items be read.
 */
export function DropZone({ onDrop, children }: { onDrop: (transfer: DataTransfer) => void; children: ReactNode }) {
  const [dragging, setDragging] = useState(false);
  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        onDrop(event.dataTransfer);
      }}
    >
      {children}
    </div>
  );
}
