import { Link } from 'react-router';
import { usePageTitle } from './PageTitle';

export function NotFound({ what = 'page' }: { what?: string }) {
  usePageTitle('Not found');
  return (
    <section className="not-found">
      <h1>Not found</h1>
      <p>There is no {what} at this address. It may have been renamed or removed.</p>
      <p>
        <Link to="/">Go to the packs</Link>
      </p>
    </section>
  );
}
