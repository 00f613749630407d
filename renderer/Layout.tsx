import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { USER_ROLE_LABELS, type Identity } from '#shared/domain/identity';
import { GlobalShortcuts } from './features/palette/CommandPalette';

export const SECTIONS = [
  { href: '/', label: 'Dashboard' },
  { href: '/charts', label: 'Charts' },
  { href: '/panels', label: 'Panels' },
  { href: '/members', label: 'Members' },
  { href: '/tor', label: 'Terms of Reference' },
  { href: '/evidence', label: 'Evidence' },
  { href: '/coroners', label: 'Coroners’ reports' },
  { href: '/themes', label: 'Themes' },
  { href: '/search', label: 'Search' },
  { href: '/recommendations', label: 'Recommendations' },
  { href: '/documents', label: 'Documents' },
  { href: '/settings', label: 'Settings' },
] as const;

function isCurrent(location: string, href: string): boolean {
  return href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`);
}

export function Layout({ identity, children }: { identity: Identity; children: ReactNode }) {
  const [location] = useLocation();
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to main content
      </a>
      <header className="topbar">
        <p className="topbar__brand">Serious Case Panel</p>
        <p className="topbar__who">
          Signed in as <strong>{identity.name}</strong> ({USER_ROLE_LABELS[identity.role]}) <span className="topbar__hint">· Ctrl+K to go anywhere · ? for shortcuts</span>
        </p>
      </header>
      <div className="app__body">
        <nav className="sidenav" aria-label="Main">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.href}>
                <Link href={s.href} aria-current={isCurrent(location, s.href) ? 'page' : undefined}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="main">
          {children}
        </main>
        <GlobalShortcuts />
      </div>
    </div>
  );
}
