export const E2E_PORT = 4329;
export const E2E_URL = `http://localhost:${E2E_PORT}`;
