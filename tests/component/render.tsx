import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../../src/app/App';
import { database } from '../../src/db/database';
import { useStudy } from '../../src/features/study/store';

export function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

/** A new visit: nothing in memory, as after a reload. */
export function forgetMemory() {
  useStudy.setState({ phase: 'loading', target: undefined, session: undefined, packs: new Map(), cardHashes: new Map(), result: undefined, selected: undefined });
}

/** A first visit: nothing in memory and an empty database. */
export async function freshStart() {
  forgetMemory();
  const db = database();
  await db.delete();
  await db.open();
}
