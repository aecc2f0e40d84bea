import { Link, useLocation, useNavigate } from 'react-router';

/**
 * Back to where the reader came from, when the link that opened this page said so in its state
 * (`{ [cameFrom]: true }`); otherwise a link to `to`, for a page opened directly.
 */
export function BackLink({ cameFrom, back, to, label }: { cameFrom: string; back: string; to: string; label: string }) {
  const navigate = useNavigate();
  const state = useLocation().state as Record<string, unknown> | null;
  return state?.[cameFrom] ? (
    <button type="button" className="back" onClick={() => void navigate(-1)}>
      ← {back}
    </button>
  ) : (
    <Link className="back" to={to}>
      ← {label}
    </Link>
  );
}
