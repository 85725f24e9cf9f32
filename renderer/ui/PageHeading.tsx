import type { ReactNode } from 'react';
import './page-heading.css';

/**
 * The page's h1. It can take focus (tabIndex -1) so a route change moves screen-reader users
 * to the new page's title; App does that.
 */
export function PageHeading({ title, subtitle, aside }: { title: string; subtitle?: string; aside?: ReactNode }) {
  return (
    <header className="page-heading">
      <h1 tabIndex={-1} data-page-title>
        {title}
      </h1>
      {subtitle && <p className="page-subtitle">{subtitle}</p>}
      {aside && <div className="page-aside">{aside}</div>}
    </header>
  );
}
