import { useEffect, useState } from 'react';
import { onVersionChange } from '../db/versionChange';

/** Another tab upgraded the database: this one must reload before it can save again. */
export function DatabaseUpgradeNotice() {
  const [needed, setNeeded] = useState(false);
  useEffect(() => onVersionChange(() => setNeeded(true)), []);
  if (!needed) return null;
  return (
    <div className="update-prompt" role="alert">
      <p>Rapport was updated in another tab. Reload to keep studying; your answers are saved, and so is the option you just chose.</p>
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
