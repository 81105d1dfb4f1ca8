// Filled at build time from the shared endpoint table (vite.config.ts `define`).
declare const __CONSUMER_ROUTES__: Record<string, { method: 'GET' | 'POST'; path: string }>;
