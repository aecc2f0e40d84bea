import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Two cores run the whole suite at once: a screen may take more than the default second to appear.
configure({ asyncUtilTimeout: 4000 });
