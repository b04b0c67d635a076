// What an app using zod would have set before the widget loads (zod keeps it on globalThis).
globalThis.__zod_globalConfig = { jitless: false, localeError: undefined };
