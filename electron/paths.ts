// Where the app keeps its data. The desktop app and the CLI both use this, so they agree
// without needing Electron (the CLI runs under plain Node).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Serious Case Panel';
export const DB_FILE_NAME = 'scp.sqlite3';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}

/** SCP_DB overrides the database file for the app, the CLI and the web preview alike. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  return env.SCP_DB || join(appDataDir(env, platform, home), DB_FILE_NAME);
}
