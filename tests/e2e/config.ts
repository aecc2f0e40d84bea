// E2E_PORT lets two checkouts run their browser tests side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4329);
export const E2E_URL = `http://localhost:${E2E_PORT}`;
