// The packaging config is security configuration: the fuses and asar settings are checked here.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(readFileSync('electron-builder.yml', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('electron-builder.yml', () => {
  it('turns the dangerous Electron fuses off and checks asar integrity', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
  it('packs into asar with the native modules (SQLite, the chart rasteriser) unpacked and no rebuild', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.asarUnpack).toContain('node_modules/@resvg/**/*.node');
    expect(pkg.dependencies['@resvg/resvg-js']).toBeDefined();
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('dist/**');
  });
  it('targets Windows NSIS and Linux AppImage and deb', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });
  it('points Electron at the bundled main, and needs Node 22', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.engines.node).toBe('>=22.12');
    expect(readFileSync('.nvmrc', 'utf8').trim()).toBe('22');
    expect(pkg.devDependencies.electron).toMatch(/^\^45\./);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^13\./);
  });
});
