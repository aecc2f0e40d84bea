import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreTheme } from '../components/theme';
import { applyTheme } from '../components/theme';
import { startAutomaticSync } from '../sync/automatic';
import { subscribeToSyncStatus, syncStatus } from '../sync/status';
import { App } from './App';
import './styles.css';

restoreTheme();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A transition lets React render the first screen in short slices, not one long task that blocks input on a slow phone.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
// Sync, when it is on, starts once the first screen is up: a first visit never loads it.
requestIdleCallbackOr(() => startAutomaticSync());
// A theme chosen on another device applies here as soon as a sync brings it.
let settingsTakenAt = syncStatus().settingsTakenAt;
subscribeToSyncStatus(() => {
  if (syncStatus().settingsTakenAt === settingsTakenAt) return;
  settingsTakenAt = syncStatus().settingsTakenAt;
  void Promise.all([import('../db/database'), import('../db/progress')])
    .then(([{ database }, { loadSettings }]) => loadSettings(database()))
    .then((settings) => applyTheme(settings.theme))
    .catch(() => {
      // The theme stays as it was until the next start; nothing is lost.
    });
});

function requestIdleCallbackOr(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 2000);
}
