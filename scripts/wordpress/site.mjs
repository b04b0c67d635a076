// A throwaway WordPress for the plugin's tests: Debian's WordPress, a private MariaDB in a
// temporary folder (its own socket, no network port), and PHP's built-in server on 127.0.0.1.
// Nothing is installed or configured outside that folder, and stop() removes it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where Debian's `wordpress` package puts WordPress. */
export const WORDPRESS = process.env.WORDPRESS_DIR ?? '/usr/share/wordpress';
export const PLUGIN_ZIP = join(root, 'dist/wordpress/case-study-finder.zip');
export const INSTALL_HINT =
  'sudo apt-get install -y wordpress mariadb-server php php-mysql (Debian/Ubuntu)';

const which = (command) =>
  ['/usr/sbin', '/usr/bin', '/sbin', '/bin', ...(process.env.PATH ?? '').split(':')]
    .map((dir) => join(dir, command))
    .find((path) => existsSync(path));

/** What this machine lacks to run a WordPress: an empty list when it has everything. */
export function missingPrerequisites() {
  const missing = [];
  if (!which('php')) missing.push('php');
  else if (!/^mysqli$/m.test(spawnSync(which('php'), ['-m'], { encoding: 'utf8' }).stdout ?? '')) missing.push('php-mysql');
  if (!which('mariadbd') && !which('mysqld')) missing.push('mariadb-server');
  if (!existsSync(join(WORDPRESS, 'wp-settings.php'))) missing.push('wordpress');
  return missing;
}

/** `preferred` if nothing listens there, else any free port. */
async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true, or throws `message` after `ms`. */
async function waitFor(check, ms, message) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(message());
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/**
 * Starts a server in a process group of its own: PHP's server forks its workers, and ending
 * only the parent would leave them serving a deleted folder. If this Node process exits
 * without calling stop() (a crash, Ctrl-C), the group is killed on the way out.
 */
function startServer(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  const killGroup = () => signalGroup(child, 'SIGKILL');
  process.on('exit', killGroup);
  child.once('exit', () => process.off('exit', killGroup));
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Ends a server's process group and waits for it, killing it if it will not go. */
async function end(child) {
  if (!child?.pid) return;
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }
  // Workers that outlived their parent.
  signalGroup(child, 'SIGKILL');
}

function wpConfig({ url, socket, debugLog }) {
  const salt = () => randomBytes(32).toString('hex');
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
  const php = (value) => `'${String(value).replace(/[\\']/g, '\\$&')}'`;
  return `<?php
// Written by scripts/wordpress/site.mjs for one test run.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', ${php(`localhost:${socket}`)} );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${keys.map((key) => `define( '${key}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', ${php(url)} );
define( 'WP_SITEURL', ${php(url)} );
// Every PHP notice, warning and deprecation goes to this log, which the tests read.
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', ${php(debugLog)} );
define( 'WP_DEBUG_DISPLAY', false );
// Application passwords without HTTPS.
define( 'WP_ENVIRONMENT_TYPE', 'local' );
// No requests to wordpress.org, and no cron requests back to this single server.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`;
}

/**
 * Starts a fresh WordPress with the plugin installed from its zip and activated.
 *
 * @param {{ port?: number, zip?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, dir: string, docroot: string, debugLog: string, serverLog: () => string,
 *   php: (code: string) => unknown,
 *   admin: { user: string, password: string, application_password: string },
 *   author: { user: string, password: string, application_password: string }, stop: () => Promise<void> }>}
 */
export async function startSite({ port = Number(process.env.WP_TEST_PORT ?? 8471), zip = PLUGIN_ZIP, log = () => {} } = {}) {
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new Error(`WordPress cannot start: missing ${missing.join(', ')}. Install with: ${INSTALL_HINT}`);
  if (!existsSync(zip)) throw new Error(`No plugin zip at ${zip}: run "npm run build" first.`);

  const dir = mkdtempSync(join(tmpdir(), 'csf-wordpress-'));
  const data = join(dir, 'mariadb');
  const socket = join(dir, 'mariadb.sock');
  const docroot = join(dir, 'www');
  const debugLog = join(dir, 'debug.log');
  let database;
  let server;
  let serverOutput = '';

  const stop = async () => {
    await end(server);
    await end(database);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    // MariaDB refuses to run as root unless told to; as anyone else it runs as that user.
    const asUser = process.getuid?.() === 0 ? ['--user=root'] : [];
    const started = Date.now();
    run(which('mariadb-install-db') ?? which('mysql_install_db'), [
      '--no-defaults',
      `--datadir=${data}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...asUser,
    ]);
    database = startServer(
      which('mariadbd') ?? which('mysqld'),
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${socket}`,
        `--pid-file=${join(dir, 'mariadb.pid')}`,
        `--log-error=${join(dir, 'mariadb.err')}`,
        '--skip-networking',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
        ...asUser,
      ],
      { stdio: 'ignore' },
    );
    await waitFor(
      () => existsSync(socket),
      30_000,
      () => `MariaDB did not start:\n${existsSync(join(dir, 'mariadb.err')) ? readFileSync(join(dir, 'mariadb.err'), 'utf8') : ''}`,
    );
    run(which('mariadb') ?? which('mysql'), ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE wordpress']);
    log(`MariaDB ready in ${Date.now() - started} ms`);

    // The site: Debian's WordPress, with its own wp-config.php and wp-content. wp-includes is
    // linked (its files are found through ABSPATH); the top-level files and wp-admin are
    // copied, because they find wp-load.php from their own real location.
    mkdirSync(docroot);
    for (const entry of readdirSync(WORDPRESS, { withFileTypes: true })) {
      const from = join(WORDPRESS, entry.name);
      if (entry.name === 'wp-includes') symlinkSync(from, join(docroot, entry.name));
      else if (entry.name === 'wp-admin') cpSync(from, join(docroot, entry.name), { recursive: true });
      else if (entry.isFile() && entry.name !== 'wp-config.php') cpSync(from, join(docroot, entry.name));
    }
    for (const sub of ['plugins', 'themes', 'uploads', 'mu-plugins']) mkdirSync(join(docroot, 'wp-content', sub), { recursive: true });
    cpSync(join(here, 'offline.php'), join(docroot, 'wp-content/mu-plugins/offline.php'));
    for (const theme of readdirSync(join(WORDPRESS, 'wp-content/themes'))) {
      symlinkSync(join(WORDPRESS, 'wp-content/themes', theme), join(docroot, 'wp-content/themes', theme));
    }

    const chosen = await freePort(port);
    const url = `http://127.0.0.1:${chosen}`;
    writeFileSync(join(docroot, 'wp-config.php'), wpConfig({ url, socket, debugLog }));

    const installed = JSON.parse(run(which('php'), [join(here, 'install.php'), docroot, zip, url], { cwd: docroot }));
    log(`WordPress installed, plugin ${installed.plugin} active, after ${Date.now() - started} ms`);

    // opcache would keep a file the tests rewrite (a must-use plugin that sets a filter) for up
    // to 2 s: it checks every file's time on every request instead.
    server = startServer(which('php'), ['-d', 'opcache.revalidate_freq=0', '-S', `127.0.0.1:${chosen}`, '-t', docroot, join(here, 'router.php')], {
      cwd: docroot,
      // Several workers: the page and the feed it asks for are served side by side, and a
      // connection Chromium opens ahead and leaves idle holds a worker of PHP's built-in server
      // until Chromium drops it (with two, a login once waited past 30 s for a free one).
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout.on('data', (chunk) => (serverOutput += chunk));
    server.stderr.on('data', (chunk) => (serverOutput += chunk));
    await waitFor(
      async () => {
        if (server.exitCode !== null) throw new Error(`PHP's server stopped:\n${serverOutput}`);
        try {
          return (await fetch(`${url}/wp-json/`)).ok;
        } catch {
          return false;
        }
      },
      30_000,
      () => `PHP's server did not answer on ${url}:\n${serverOutput}`,
    );
    log(`WordPress serving on ${url}, ${Date.now() - started} ms after start`);

    /** Runs PHP code inside the site (after wp-load.php) and gives back what it returns, as JSON. */
    let runs = 0;
    const php = (code) => {
      const file = join(dir, `run-${++runs}.php`);
      writeFileSync(file, `<?php\n${code}\n`);
      return JSON.parse(run(which('php'), [join(here, 'run.php'), docroot, url, file], { cwd: docroot }));
    };

    return { url, dir, docroot, debugLog, serverLog: () => serverOutput, php, ...installed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
