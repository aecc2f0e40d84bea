import { lazy, Suspense } from 'react';
import { createBrowserRouter, Link, Navigate, NavLink, Outlet, RouterProvider, ScrollRestoration } from 'react-router';
import { NotFound } from '../components/NotFound';
import { DatabaseUpgradeNotice } from './DatabaseUpgradeNotice';
import { HomePage } from '../features/home/HomePage';

// Only the built app has a service worker.
const UpdatePrompt = lazy(() => import('./UpdatePrompt'));

function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Rapport
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            <li>
              <NavLink to="/" end>
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/study">Study</NavLink>
            </li>
            <li>
              <NavLink to="/exam">Exam</NavLink>
            </li>
            <li>
              <NavLink to="/stats">Statistics</NavLink>
            </li>
            <li>
              <NavLink to="/browse">Browse</NavLink>
            </li>
            <li>
              <NavLink to="/principles">Principles</NavLink>
            </li>
            <li>
              <NavLink to="/packs">Packs</NavLink>
            </li>
            <li>
              <NavLink to="/settings">Settings</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <DatabaseUpgradeNotice />
      {import.meta.env.PROD && (
        <Suspense fallback={null}>
          <UpdatePrompt />
        </Suspense>
      )}
      <ScrollRestoration />
    </>
  );
}

export const routes = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      // Screens with Markdown load on first visit, keeping the parser out of the first load.
      { path: '/study', lazy: async () => ({ Component: (await import('../features/study/StudyPage')).StudyPage }) },
      { path: '/practice/:packId', lazy: async () => ({ Component: (await import('../features/study/StudyPage')).PracticePage }) },
      { path: '/exam', lazy: async () => ({ Component: (await import('../features/exam/ExamStartPage')).ExamStartPage }) },
      { path: '/exam/run', lazy: async () => ({ Component: (await import('../features/exam/ExamRunPage')).ExamRunPage }) },
      { path: '/exam/report/:attemptId', lazy: async () => ({ Component: (await import('../features/exam/ExamReportPage')).ExamReportPage }) },
      { path: '/exam/history', lazy: async () => ({ Component: (await import('../features/exam/ExamHistoryPage')).ExamHistoryPage }) },
      { path: '/stats', lazy: async () => ({ Component: (await import('../features/stats/StatsPage')).StatsPage }) },
      { path: '/packs', lazy: async () => ({ Component: (await import('../features/packs/PacksPage')).PacksPage }) },
      // The studio, its checker and its zip and link code load only when an author opens it.
      { path: '/studio', lazy: async () => ({ Component: (await import('../features/studio/StudioPage')).StudioPage }) },
      { path: '/studio/:draftId', lazy: async () => ({ Component: (await import('../features/studio/DraftPage')).DraftPage }) },
      // The studio took over from the one-question author preview; old links land there.
      { path: '/author', element: <Navigate to="/studio" replace /> },
      { path: '/browse', lazy: async () => ({ Component: (await import('../features/browse/BrowsePage')).BrowsePage }) },
      { path: '/browse/:packId/:questionId', lazy: async () => ({ Component: (await import('../features/browse/QuestionDetailPage')).QuestionDetailPage }) },
      { path: '/principles', lazy: async () => ({ Component: (await import('../features/principles/LibraryPage')).LibraryPage }) },
      { path: '/settings', lazy: async () => ({ Component: (await import('../features/settings/SettingsPage')).SettingsPage }) },
      { path: '/principles/:principleId', lazy: async () => ({ Component: (await import('../features/principles/PrinciplePage')).PrinciplePage }) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
