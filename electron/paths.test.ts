import { describe, expect, it } from 'vitest';
import { appDataDir, defaultDbPath } from './paths';

describe('app data location', () => {
  it('follows each platform’s convention', () => {
    expect(appDataDir({}, 'linux', '/home/sam')).toBe('/home/sam/.config/Serious Case Panel');
    expect(appDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/sam')).toBe('/xdg/Serious Case Panel');
    expect(appDataDir({}, 'darwin', '/Users/sam')).toBe('/Users/sam/Library/Application Support/Serious Case Panel');
    expect(appDataDir({ APPDATA: 'C:\\Users\\sam\\AppData\\Roaming' }, 'win32', 'C:\\Users\\sam')).toMatch(/Roaming.Serious Case Panel$/);
  });
  it('puts the database there unless SCP_DB says otherwise', () => {
    expect(defaultDbPath({}, 'linux', '/home/sam')).toBe('/home/sam/.config/Serious Case Panel/scp.sqlite3');
    expect(defaultDbPath({ SCP_DB: '/tmp/x.sqlite3' }, 'linux', '/home/sam')).toBe('/tmp/x.sqlite3');
  });
});
