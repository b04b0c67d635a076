// `node scripts/wordpress/start.mjs`: a fresh WordPress with the plugin from
// dist/wordpress/case-study-finder.zip, to try by hand. Prints the address and the logins,
// runs until Ctrl-C, then removes everything it made. It installs no packages: without PHP,
// MariaDB and WordPress it prints the apt-get line that does. Build first: `npm run build`.
import { INSTALL_HINT, missingPrerequisites, startSite } from './site.mjs';

const missing = missingPrerequisites();
if (missing.length > 0) {
  console.error(`Missing ${missing.join(', ')}. Install with: ${INSTALL_HINT}`);
  process.exit(1);
}

const site = await startSite({ log: (line) => console.log(line) });
console.log(`
Site:   ${site.url}/
Admin:  ${site.url}/wp-admin/  user admin, password ${site.admin.password}
Author: user author, password ${site.author.password}
Feed:   ${site.url}/wp-json/case-study-finder/v1/feed
PHP log: ${site.debugLog}
Ctrl-C to stop and remove the site.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await site.stop();
    process.exit(0);
  });
}
