// What the WordPress test files share: a site per file (scripts/wordpress/site.mjs), REST calls
// with an application password, the public feed, and the PHP log check each file ends with.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The element's attributes, from the manifest the plugin's allow-list is built from. */
export function manifestAttributes() {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const element = manifest.modules.flatMap((mod) => mod.declarations ?? []).find((d) => d.tagName === 'case-study-finder');
  return element.attributes;
}

/** A REST API call as `who` (site.admin or site.author), with their application password. */
export async function rest(site, who, method, path, body, headers = {}) {
  const auth = Buffer.from(`${who.user}:${who.application_password}`).toString('base64');
  const isJson = body !== undefined && !Buffer.isBuffer(body);
  const response = await fetch(`${site.url}/wp-json${path}`, {
    method,
    headers: { Authorization: `Basic ${auth}`, ...(isJson && { 'Content-Type': 'application/json' }), ...headers },
    body: isJson ? JSON.stringify(body) : body,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} as ${who.user}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** The public feed as an anonymous visitor's browser asks for it: status, headers, body. */
export async function feed(site, query = '') {
  const response = await fetch(`${site.url}/wp-json/case-study-finder/v1/feed${query}`);
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}

/**
 * Lines of the PHP log and the server's output that are errors, warnings, notices or
 * deprecations: all of them, or (oursOnly) those from the plugin, or (unexpected) every one
 * but WordPress 6.1's own deprecations under PHP 8.2 (its Requests library, fixed in 6.2).
 */
export function phpProblems(site, { oursOnly = false, unexpected = false } = {}) {
  const log = existsSync(site.debugLog) ? readFileSync(site.debugLog, 'utf8') : '';
  const lines = `${log}\n${site.serverLog()}`.split('\n');
  const ours = (line) => line.includes('/plugins/case-study-finder/');
  return lines.filter(
    (line) =>
      /PHP (Fatal error|Parse error|Warning|Notice|Deprecated)|WordPress database error/.test(line) &&
      (!oursOnly || ours(line)) &&
      (!unexpected || ours(line) || !/PHP Deprecated: .* in \/usr\/share\/wordpress\/wp-includes\//.test(line)),
  );
}

/**
 * The PHP log in a line or two for the test's diagnostics: how many lines it has, how many are
 * the plugin's, and the first of the others (WordPress's own).
 */
export function logSummary(site) {
  const all = phpProblems(site);
  const ours = phpProblems(site, { oursOnly: true });
  const others = all.filter((line) => !ours.includes(line)).map((line) => line.replace(/^\[[^\]]+\] /, ''));
  const distinct = [...new Set(others)];
  return [`PHP log: ${all.length} problem lines, ${ours.length} from the plugin`, ...distinct.slice(0, 5).map((line) => `  WordPress: ${line}`)];
}

/** Fails with the PHP log's new lines since `mark` (from logMark()), if any are problems. */
export function logMark(site) {
  return existsSync(site.debugLog) ? readFileSync(site.debugLog, 'utf8').length : 0;
}
export function logSince(site, mark) {
  return existsSync(site.debugLog) ? readFileSync(site.debugLog, 'utf8').slice(mark) : '';
}

/** Logs in to wp-admin in a new page of `browser` as `who`. */
export async function logIn(browser, site, who) {
  const page = await browser.newPage();
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill('#user_login', who.user);
  await page.fill('#user_pass', who.password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
  return page;
}

export { assert };

/** A new user with `role`, made by the Administrator, with a password and an application password. */
export async function makeUser(site, role) {
  const password = `pw-${role}-${Math.random().toString(36).slice(2)}`;
  const user = await rest(site, site.admin, 'POST', '/wp/v2/users', {
    username: role,
    password,
    email: `${role}@example.test`,
    roles: [role],
  });
  const app = await rest(site, site.admin, 'POST', `/wp/v2/users/${user.id}/application-passwords`, { name: 'tests' });
  return { id: user.id, user: role, password, application_password: app.password };
}

let plugins = 0;
/**
 * Puts `code` in the site as the must-use plugin `name`, replacing the last one of that name
 * (null removes it). A new file each time: opcache compares file times to the second, and
 * would keep a file rewritten within the same second.
 */
export function muPlugin(site, name, code) {
  const dir = join(site.docroot, 'wp-content/mu-plugins');
  for (const file of readdirSync(dir)) if (file.startsWith(`${name}-`)) rmSync(join(dir, file));
  if (code !== null) writeFileSync(join(dir, `${name}-${++plugins}.php`), `<?php\n${code}\n`);
}
