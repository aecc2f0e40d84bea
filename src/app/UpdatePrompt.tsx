import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Offers a new version once it is downloaded. It never reloads by itself: the candidate may be
 * in the middle of an answer or an exam, so the reload waits for their click.
 */
export default function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status">
      <p>A new version of Rapport is ready.</p>
      <button type="button" className="primary" onClick={() => void updateServiceWorker(true)}>
        Reload to update
      </button>
      <button type="button" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
