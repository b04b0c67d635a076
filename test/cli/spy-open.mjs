// Preloaded into the CLI by test/cli/cli.test.mjs (node --import): records every file the CLI
// opens for writing, with the flags it used, in the file CSF_SPY_LOG names.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const log = (path, flags) => fs.appendFileSync(process.env.CSF_SPY_LOG, `${JSON.stringify({ path: String(path), flags })}\n`);

const realOpen = fs.openSync;
fs.openSync = function openSync(path, flags, mode) {
  const writing = typeof flags === 'number' ? flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR) : /[wa+]/.test(String(flags));
  if (writing) log(path, flags);
  return realOpen.call(this, path, flags, mode);
};
// writeFileSync opens through the binding, not fs.openSync: record it too.
const realWrite = fs.writeFileSync;
fs.writeFileSync = function writeFileSync(path, data, options) {
  if (typeof path === 'string' && path !== process.env.CSF_SPY_LOG) log(path, options?.flag ?? 'w');
  return realWrite.call(this, path, data, options);
};
// The CLI imports `openSync` by name: make the named exports follow.
syncBuiltinESMExports();
