import { useEffect, type ReactNode } from 'react';

/** A screen: its heading (focused target for the skip link) and actions. Sets the window title. */
export function Page({ title, actions, children, back }: { title: string; actions?: ReactNode; children: ReactNode; back?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Serious Case Panel`;
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      {back && <div className="page__back">{back}</div>}
      <header className="page__header">
        <h1 id="page-title">{title}</h1>
        {actions && <div className="page__actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
