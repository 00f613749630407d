// Entry point of the bundled main process (dist/electron/main.cjs).
import * as electron from 'electron';
import { join } from 'node:path';
import type { ElectronLike } from './electronLike';
import { startApp } from './app';

startApp(electron as unknown as ElectronLike, {
  rendererDir: join(__dirname, '..', 'renderer'),
  preloadPath: join(__dirname, 'preload.cjs'),
}).catch((err: unknown) => {
  console.error('Serious Case Panel failed to start:', err);
  electron.dialog.showErrorBox('Serious Case Panel failed to start', String(err));
  electron.app.exit(1);
});
