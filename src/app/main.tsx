import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreTheme } from '../components/theme';
import { startAutomaticSync } from '../sync/automatic';
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

function requestIdleCallbackOr(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 2000);
}
