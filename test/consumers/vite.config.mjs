import { defineConfig } from 'vite';

// Two pages, as two apps would have them. JSX goes through Vite's own transform (React's
// automatic runtime), so no framework plugin is needed for the build.
export default defineConfig({
  logLevel: 'warn',
  build: {
    rolldownOptions: { input: { bundle: 'index.html', react: 'react.html' } },
  },
});
