import { z } from 'zod';

// The app's Content-Security-Policy forbids eval, and zod would otherwise try it to compile fast parsers.
// Import this before defining any schema.
z.config({ jitless: true });
