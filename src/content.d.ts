// Generated at build time by scripts/vite-plugin-content.ts; src/catalog/catalog.ts gives it its types.
declare module 'virtual:rapport/catalog' {
  export const packs: unknown;
  export const principles: unknown;
  export const blueprints: unknown;
  export const packLoaders: Record<string, () => Promise<{ default: unknown }>>;
  export const loadPrincipleTexts: () => Promise<{ default: unknown }>;
  export const loadQuestionIndex: () => Promise<{ default: unknown }>;
}
